"""First run: choose the office from the post-2025 list of provinces and communes, name
the first reception officer (the one who signs the receipts) and, on a new data folder, create
the administrator's account (docs/security.md: the key, the recovery code shown once).
An office from an earlier version, kept in the clear, is encrypted by `EncryptOfficeDialog`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.storage.office import default_names, init_office
from desk_app.gui import style
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.picker import UnitPicker


class FirstRunDialog(QDialog):
    def __init__(self, db=None, parent=None, *, folder=None):
        super().__init__(parent)
        self.db = db
        self.folder = folder  # a new data folder: the office is set up with its keys
        self.setup = None
        self.office = None
        self.setWindowTitle(self.tr("Thiết lập cơ quan"))
        add_help_key(self, "first_run")  # F1 in this window: its help page
        self.setObjectName("firstRun")
        self.province = UnitPicker(self)
        self.province.set_items([(p.code, p.name) for p in catalog.provinces()])
        self.commune = UnitPicker(self)
        self.name = QLineEdit(self)
        self.parent_name = QLineEdit(self)
        self.remote = QCheckBox(self.tr("&Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn)"),
                                self)
        self.officer = QLineEdit(self)
        self.officer.setPlaceholderText(self.tr("Bắt buộc: người ký giấy biên nhận"))
        self.officer_position = QLineEdit(self)
        self.officer_position.setPlaceholderText(self.tr("Ví dụ: Công chức Văn phòng - Thống kê"))
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(style.css("error", bold=True))
        self.error.setWordWrap(True)
        self.province.currentIndexChanged.connect(self._province_changed)
        self.commune.currentIndexChanged.connect(self._commune_changed)
        form = QFormLayout()
        form.addRow(self.tr("Tỉnh/thành &phố"), self.province)
        form.addRow(self.tr("&Xã/phường/đặc khu"), self.commune)
        form.addRow(self.tr("Tên cơ &quan (in trên văn bản)"), self.name)
        form.addRow(self.tr("Cơ quan cấp trê&n"), self.parent_name)
        form.addRow(self.remote)
        form.addRow(self.tr("&Cán bộ tiếp công dân"), self.officer)
        form.addRow(self.tr("C&hức vụ"), self.officer_position)
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(self.tr("Ví dụ: nhung.nt"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.Password)
        if folder is not None:
            form.addRow(self.tr("Tài khoản &quản trị"), self.username)
            form.addRow(self.tr("&Mật khẩu (ít nhất 8 ký tự)"), self.password)
            form.addRow(self.tr("Nhập &lại mật khẩu"), self.password_again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("&Thiết lập"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr(
            "Chọn đơn vị hành chính theo danh mục sau sắp xếp năm 2025 (gõ vài chữ của tên, có "
            "dấu hay không dấu đều được). Tên cơ quan, cơ quan cấp trên và vùng sâu, vùng xa sửa "
            "được sau trong Cài đặt."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        self._province_changed()

    def _province_changed(self, *_):
        code = self.province.code()
        if code is None:
            return
        self.commune.set_items([(c.code, c.name) for c in catalog.communes(int(code))])
        self._commune_changed()

    def _commune_changed(self, *_):
        province, commune = self.province.code(), self.commune.code()
        if province is None or commune is None:
            return
        name, parent, _place = default_names(int(province), int(commune))
        self.name.setText(name)
        self.parent_name.setText(parent)

    def _refuse(self, message: str, widget) -> None:
        self.error.setText(message)
        widget.setFocus()

    def accept(self):
        province, commune = self.province.code(), self.commune.code()
        if province is None:
            return self._refuse(messages.COMMUNE_NOT_CHOSEN, self.province)
        if commune is None:
            return self._refuse(messages.COMMUNE_NOT_CHOSEN, self.commune)
        if not self.officer.text().strip():  # the receipt names who received: never "…"
            return self._refuse(messages.OFFICER_NAME_REQUIRED, self.officer)
        try:
            if self.folder is not None:
                self.office = self._set_up(int(province), int(commune))
                if self.office is None:
                    return None
            else:
                self.office = init_office(
                    self.db, int(province), int(commune), name=self.name.text(),
                    parent_name=self.parent_name.text(), remote_area=self.remote.isChecked(),
                    officers=((self.officer.text(), self.officer_position.text()),))
        except DeskError as exc:
            self.error.setText(exc.message)
            return None
        return super().accept()

    def _set_up(self, province: int, commune: int):
        """The keys, the encrypted database, the office and its administrator (linked to the
        officer typed above)."""
        from desk_app.core.access import set_up
        from desk_app.core.storage.office import get_office

        if self.password.text() != self.password_again.text():
            return self._refuse(messages.PASSWORDS_DIFFER, self.password_again)
        self.setup = set_up(self.folder, self.username.text(), self.password.text(),
                            province=province, commune=commune, name=self.name.text(),
                            parent_name=self.parent_name.text(),
                            remote_area=self.remote.isChecked(),
                            officers=((self.officer.text(), self.officer_position.text()),))
        self.db = self.setup.db
        return get_office(self.db)


class EncryptOfficeDialog(QDialog):
    """An office from an earlier version, in the clear: the administrator's account is made
    and the data encrypted in one guarded step (a backup first)."""

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.setup = None
        self.setWindowTitle(self.tr("Mã hóa dữ liệu của cơ quan"))
        intro = QLabel(self.tr(
            "Phiên bản này mã hóa dữ liệu và yêu cầu đăng nhập. Hãy tạo tài khoản quản trị; dữ "
            "liệu được sao lưu rồi mã hóa một lần (có thể mất vài phút với dữ liệu lớn)."), self)
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet(style.css("error", bold=True))
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Tài khoản &quản trị"), self.username)
        form.addRow(self.tr("&Mật khẩu (ít nhất 8 ký tự)"), self.password)
        form.addRow(self.tr("Nhập &lại mật khẩu"), self.password_again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("&Mã hóa"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self):
        from desk_app.core.access import encrypt_existing

        if self.password.text() != self.password_again.text():
            self.error.setText(messages.PASSWORDS_DIFFER)
            return None
        try:
            self.setup = encrypt_existing(self.folder, self.username.text(), self.password.text())
        except DeskError as exc:
            self.error.setText(exc.message)
            return None
        return super().accept()
