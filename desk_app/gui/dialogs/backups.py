"""Công cụ › Sao lưu: the backups, a backup now (here or to a USB stick), a restore
(administrators), the reminder when none was made for a week (core/security/backups.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from desk_app.core.errors import DeskError
from desk_app.gui import style
from desk_app.gui.help import add_help_key

KIND_LABELS = {"auto": "tự động", "manual": "làm tay", "before": "trước khi nâng cấp/khôi phục",
               "other": "khác"}


class BackupDialog(QDialog):
    restore_requested = Signal(object)  # Path: the window closes its connections, then restores

    def __init__(self, tasks, folder: Path, *, may_restore: bool, parent=None):
        super().__init__(parent)
        self.tasks, self.folder = tasks, Path(folder)
        self.setObjectName("backups")
        self.setWindowTitle(self.tr("Sao lưu dữ liệu"))
        add_help_key(self, "backups")
        intro = QLabel(self.tr(
            "Bản sao lưu được mã hóa như dữ liệu, kèm tệp khóa (.keyring.json) để mở được trên máy "
            "khác bằng mật khẩu hoặc mã khôi phục. Ứng dụng tự sao lưu khi đóng và vài giờ một lần "
            "nếu dữ liệu thay đổi; hãy sao lưu ra ổ USB mỗi tuần và cất ổ ở nơi khác."), self)
        intro.setWordWrap(True)
        self.reminder = QLabel(self)
        self.reminder.setStyleSheet(style.css("warn", bold=True))
        self.reminder.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.now_button = buttons.addButton(self.tr("&Sao lưu ngay"), QDialogButtonBox.ActionRole)
        self.now_button.clicked.connect(lambda: self.back_up(None))
        self.usb_button = buttons.addButton(self.tr("Sao lưu ra &USB/thư mục khác…"),
                                            QDialogButtonBox.ActionRole)
        self.usb_button.clicked.connect(self.choose_folder)
        self.restore_button = buttons.addButton(self.tr("&Khôi phục bản đã chọn…"),
                                                QDialogButtonBox.ActionRole)
        self.restore_button.setVisible(may_restore)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reminder)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 440)
        self.refresh()

    def refresh(self) -> None:
        from desk_app.core.security import backups

        self.list.clear()
        folder = self.folder / "backups"
        found = backups.list_backups(folder)
        for b in found:
            text = (f"{b.made_at:%d/%m/%Y %H:%M}  ·  {KIND_LABELS.get(b.kind, b.kind)}  ·  "
                    f"{max(1, b.size // 1024)} KB  ·  {b.path.name}")
            item = QListWidgetItem(text, self.list)
            item.setData(256, str(b.path))
        if not found:
            self.list.addItem(self.tr("Chưa có bản sao lưu nào."))
        self.reminder.setText(
            self.tr("Đã hơn %1 ngày chưa sao lưu. Hãy sao lưu ngay, tốt nhất ra ổ USB.")
            .replace("%1", str(backups.REMIND_DAYS)) if backups.needs_reminder(folder) else "")
        self.reminder.setVisible(bool(self.reminder.text()))

    def choose_folder(self) -> None:
        target = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục (ổ USB) để sao lưu"))
        if target:
            self.back_up(Path(target))

    def back_up(self, target: Path | None) -> None:
        from desk_app.core.security.backups import make_backup

        self.message.setText(self.tr("Đang sao lưu và kiểm tra…"))
        self.now_button.setEnabled(False)

        def done(made) -> None:
            self.now_button.setEnabled(True)
            self.message.setText(self.tr("Đã sao lưu và kiểm tra: %1").replace("%1", str(made.path)))
            self.refresh()

        def failed(error) -> None:
            self.now_button.setEnabled(True)
            if not isinstance(error, DeskError):
                raise error
            self.message.setText(error.message)

        self.tasks.write(lambda db: make_backup(db, target), done, failed)

    def ask_restore(self) -> None:
        item = self.list.currentItem()
        path = item.data(256) if item is not None else None
        if not path:
            self.message.setText(self.tr("Hãy chọn một bản sao lưu trong danh sách."))
            return
        answer = QMessageBox.question(self, self.tr("Khôi phục dữ liệu"), self.tr(
            "Thay dữ liệu hiện tại bằng bản sao lưu %1? Dữ liệu hiện tại được sao lưu trước; "
            "ứng dụng sẽ đóng sau khi khôi phục, hãy mở lại.").replace("%1", Path(path).name))
        if answer == QMessageBox.Yes:
            self.restore_requested.emit(Path(path))
            self.accept()
