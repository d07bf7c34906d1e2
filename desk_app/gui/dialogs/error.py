"""Unexpected errors: a plain sentence, the details behind a toggle, and a copy button."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

log = logging.getLogger("desk_app")


class ErrorDialog(QDialog):
    def __init__(self, error: BaseException, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lỗi không mong muốn"))
        self.details_text = "".join(traceback.format_exception(error))
        label = QLabel(self.tr("Ứng dụng gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; "
                               "thao tác vừa rồi chưa được ghi. Hãy thử lại, và nếu lỗi lặp lại, "
                               "gửi nội dung chi tiết cho bộ phận kỹ thuật."), self)
        label.setWordWrap(True)
        self.details = QPlainTextEdit(self.details_text, self)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        toggle = QPushButton(self.tr("Chi tiết"), self)
        toggle.setCheckable(True)
        toggle.toggled.connect(self.details.setVisible)
        copy = QPushButton(self.tr("Sao chép chi tiết"), self)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.details_text))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.addButton(toggle, QDialogButtonBox.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)


def install_excepthook(parent_getter) -> None:
    import sys

    def hook(exc_type, exc, tb):
        log.error("unhandled error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        ErrorDialog(exc, parent_getter()).exec()

    sys.excepthook = hook
