"""First run: choose the office from the post-2025 list of provinces and communes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.storage.office import default_names, init_office


class FirstRunDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.office = None
        self.setWindowTitle(self.tr("Thiết lập cơ quan"))
        self.province = QComboBox(self)
        for item in catalog.provinces():
            self.province.addItem(item.name, int(item.code))
        self.commune = QComboBox(self)
        self.commune.setEditable(True)
        self.commune.setInsertPolicy(QComboBox.NoInsert)
        self.name = QLineEdit(self)
        self.parent_name = QLineEdit(self)
        self.remote = QCheckBox(self.tr("Vùng sâu, vùng xa (thời hạn giải quyết dài hơn)"), self)
        self.officer = QLineEdit(self)
        self.officer_position = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a40000; font-weight: bold;")
        self.error.setWordWrap(True)
        self.province.currentIndexChanged.connect(self._province_changed)
        self.commune.currentIndexChanged.connect(self._commune_changed)
        form = QFormLayout()
        form.addRow(self.tr("Tỉnh/thành phố"), self.province)
        form.addRow(self.tr("Xã/phường/đặc khu"), self.commune)
        form.addRow(self.tr("Tên cơ quan (in trên văn bản)"), self.name)
        form.addRow(self.tr("Cơ quan cấp trên"), self.parent_name)
        form.addRow(self.remote)
        form.addRow(self.tr("Cán bộ tiếp công dân"), self.officer)
        form.addRow(self.tr("Chức vụ"), self.officer_position)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Chọn đơn vị hành chính theo danh mục sau sắp xếp năm 2025.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._province_changed()

    def _province_changed(self, *_):
        self.commune.blockSignals(True)
        self.commune.clear()
        for item in catalog.communes(self.province.currentData()):
            self.commune.addItem(item.name, int(item.code))
        self.commune.blockSignals(False)
        self._commune_changed()

    def _commune_changed(self, *_):
        if self.commune.currentData() is None:
            return
        name, parent, _place = default_names(self.province.currentData(), self.commune.currentData())
        self.name.setText(name)
        self.parent_name.setText(parent)

    def accept(self):
        officers = ((self.officer.text(), self.officer_position.text()),) if self.officer.text().strip() else ()
        try:
            self.office = init_office(
                self.db, self.province.currentData(), self.commune.currentData() or 0,
                name=self.name.text(), parent_name=self.parent_name.text(),
                remote_area=self.remote.isChecked(), officers=officers)
        except DeskError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
