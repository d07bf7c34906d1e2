"""Signing in (the window's first screen), the recovery code shown once, the idle lock.

Kept light: this module is imported before the main window (the login screen counts as the
start-up's usable window), so the core's signing in (`core.access`, which opens the database
and imports sqlite-utils) is imported only when the officer presses the button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desk_app.core.errors import DeskError
from desk_app.gui import style


def _error_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error")
    label.setStyleSheet(style.css("error", bold=True))
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """User name and password; the database opens with the key the password unwraps. A
    wrong password or a running wait (throttling) is a sentence under the fields."""

    def __init__(self, folder: Path, parent=None, *, username: str = "", lock: bool = False):
        super().__init__(parent)
        self.folder = Path(folder)
        self.db = None
        self.user = None
        self.lock = lock  # the idle lock: the same user, the database stays open
        self.setObjectName("login")
        self.setWindowTitle(self.tr("Bàn tiếp dân — đăng nhập") if not lock
                            else self.tr("Bàn tiếp dân — đã khóa"))
        intro = QLabel(self.tr("Dữ liệu được mã hóa. Đăng nhập bằng tài khoản của mình; mọi việc "
                               "ghi sổ, in, xem danh tính người tố cáo đều ghi tên người đăng nhập.")
                       if not lock else
                       self.tr("Máy đã tự khóa vì lâu không dùng. Nhập mật khẩu để tiếp tục."),
                       self)
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setText(username)
        self.username.setReadOnly(lock)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("&Tên đăng nhập"), self.username)
        form.addRow(self.tr("&Mật khẩu"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Đăng &nhập") if not lock
                                                    else self.tr("&Mở khóa"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("T&hoát"))
        self.forgot = QPushButton(self.tr("&Quên mật khẩu…"), self)
        self.forgot.setVisible(not lock)
        self.forgot.clicked.connect(self.ask_recovery)
        buttons.addButton(self.forgot, QDialogButtonBox.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        (self.password if username else self.username).setFocus()

    def accept(self):
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            if self.lock:
                from desk_app.core.security import keyring

                keyring.unlock(self.folder, self.username.text(), self.password.text())
            else:
                from desk_app.core.access import sign_in

                self.db, self.user = sign_in(self.folder, self.username.text(),
                                             self.password.text())
        except DeskError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.password.clear()
        return super().accept()

    def ask_recovery(self) -> None:
        dialog = RecoveryDialog(self.folder, self)
        if dialog.exec() == QDialog.Accepted:
            self.db, self.user = dialog.db, dialog.user
            super().accept()


class RecoveryDialog(QDialog):
    """Every administrator's password lost: the recovery code printed at setup opens the
    office and sets a new password for an administrator."""

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.db = self.user = None
        self.setWindowTitle(self.tr("Mở khóa bằng mã khôi phục"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.Password)
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("&Mã khôi phục"), self.code)
        form.addRow(self.tr("Tài khoản &quản trị"), self.username)
        form.addRow(self.tr("Mật khẩu &mới"), self.password)
        form.addRow(self.tr("&Nhập lại"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self):
        from desk_app import messages
        from desk_app.core.access import recover

        if self.password.text() != self.again.text():
            self.error.setText(messages.PASSWORDS_DIFFER)
            return None
        try:
            self.db, self.user = recover(self.folder, self.code.text(), self.username.text(),
                                         self.password.text())
        except DeskError as exc:
            self.error.setText(exc.message)
            return None
        return super().accept()


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once after setting up (or making a new one)."""

    def __init__(self, code: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryCode")
        self.setWindowTitle(self.tr("Mã khôi phục — chỉ hiện một lần"))
        text = QLabel(self.tr(
            "Hãy in hoặc chép mã này và cất ở nơi an toàn (tủ có khóa). Khi quên mọi mật khẩu "
            "quản trị, chỉ mã này mở lại được dữ liệu. Mã không hiện lại lần nữa."), self)
        text.setWordWrap(True)
        self.code = QLabel(code, self)
        self.code.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.code.font()
        font.setPointSize(font.pointSize() + 6)
        font.setFamily("monospace")
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok, self)
        copy = buttons.addButton(self.tr("&Chép"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(code))
        printing = buttons.addButton(self.tr("&In…"), QDialogButtonBox.ActionRole)
        printing.clicked.connect(lambda: self._print(code))
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Đã cất &mã"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _print(self, code: str) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.Accepted:
            return
        page = QTextDocument()
        page.setPlainText(self.tr("Bàn tiếp dân — mã khôi phục dữ liệu\n\n") + code)
        page.print_(printer)


class IdleLock(QObject):
    """After `minutes` without a key or a click, the window is covered by the lock dialog
    until the signed-in user's password is typed again (or the app is closed)."""

    def __init__(self, window, folder: Path, username: str, minutes: float):
        super().__init__(window)
        self.window, self.folder, self.username = window, Path(folder), username
        self.locked = False
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if not self.locked and event.type() in (QEvent.KeyPress, QEvent.MouseButtonPress,
                                                QEvent.MouseMove, QEvent.Wheel):
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)  # nothing on the screen while locked
        self.dialog = LoginDialog(self.folder, self.window, username=self.username, lock=True)
        self.dialog.setWindowModality(Qt.ApplicationModal)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        self.dialog = None
        if result != QDialog.Accepted:
            self.window.close()
            return
        self.locked = False
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.timer.start()
