"""Seeing a denouncer's identity: the reason, asked every time (Denunciation Law art. 47;
core/security/secrecy.py records it with who and when)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from desk_app import messages
from desk_app.gui import style


class RevealDialog(QDialog):
    def __init__(self, what: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reveal")
        self.setWindowTitle(self.tr("Xem danh tính người tố cáo"))
        text = QLabel(self.tr(
            "Danh tính người tố cáo, và việc một người đã tố cáo, được giữ bí mật (Luật Tố cáo "
            "2018, Điều 47). Chỉ lãnh đạo, quản trị và cán bộ đã tiếp lượt đó được xem; việc xem "
            "được ghi vào nhật ký cùng tên người xem, thời điểm và lý do."), self)
        text.setWordWrap(True)
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        self.what.setStyleSheet(style.css("masked", bold=True))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Lý do cần xem, ví dụ: đối chiếu đơn trùng nội dung"))
        self.error = QLabel(self)
        self.error.setStyleSheet(style.css("error", bold=True))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("&Xem và ghi lại"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.what)
        layout.addWidget(QLabel(self.tr("&Lý do:"), self, buddy=self.reason))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.reason.setFocus()

    def accept(self):
        if not self.reason.text().strip():
            self.error.setText(messages.REVEAL_REASON_REQUIRED)
            return None
        return super().accept()


def ask_reason(parent, what: str) -> str | None:
    dialog = RevealDialog(what, parent)
    return dialog.reason.text().strip() if dialog.exec() == QDialog.Accepted else None
