"""First run: choose the office from the post-2025 list of provinces and communes, and name
the first reception officer (the one who signs the receipts)."""

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
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
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
            self.office = init_office(
                self.db, int(province), int(commune), name=self.name.text(),
                parent_name=self.parent_name.text(), remote_area=self.remote.isChecked(),
                officers=((self.officer.text(), self.officer_position.text()),))
        except DeskError as exc:
            self.error.setText(exc.message)
            return None
        return super().accept()
