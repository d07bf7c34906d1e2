"""Người đến: the visitor's identity, filled by hand, from a scanned ID card or from an
earlier visit."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit

from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.model import IdKind, KnownPerson, PersonForm, Sex
from desk_app.core.reception.ids import QrIdentity
from desk_app.gui.widgets.fields import combo, select
from desk_app.gui.widgets.picker import UnitPicker


class PersonBox(QGroupBox):
    id_edited = Signal()  # the officer typed in the ID number: look the person up

    def __init__(self, office, parent=None):
        super().__init__(self.tr("Người đến"), parent)
        self.office = office
        self.issued_on: date | None = None  # from the card's QR; not typed
        self.full_name = QLineEdit(self)
        self.id_kind = combo(catalog.ID_KIND_LABELS, self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.id_number.textEdited.connect(lambda _: self.id_edited.emit())
        self.dob = QLineEdit(self)
        self.dob.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.sex = combo([("", ""), (Sex.NAM, "Nam"), (Sex.NU, "Nữ")], self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Số nhà, đường, thôn/tổ dân phố"))
        self.commune = UnitPicker(self, blank=True)
        self.commune.set_items([(c.code, c.name) for c in catalog.communes(office.province_code)])
        self.old_address = QLineEdit(self)
        self.old_address.setPlaceholderText(
            self.tr("Địa chỉ cũ như ghi trên thẻ (trước sắp xếp 2025)"))

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # narrow screen: labels above fields
        form.addRow(self.tr("&Họ và tên"), self.full_name)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_kind)
        id_row.addWidget(self.id_number, 1)
        form.addRow(self.tr("Giấy tờ tùy thân"), id_row)
        born = QHBoxLayout()
        born.addWidget(self.dob, 1)
        born.addWidget(QLabel(self.tr("Giới tính")))
        born.addWidget(self.sex)
        born_label = QLabel(self.tr("Ngày &sinh"), self)
        born_label.setBuddy(self.dob)  # a row of several fields gets no buddy by itself
        form.addRow(born_label, born)
        form.addRow(self.tr("Điện thoại"), self.phone)
        form.addRow(self.tr("Đị&a chỉ"), self.address)
        form.addRow(self.tr("Xã/phường (mới)"), self.commune)
        form.addRow(self.tr("Địa chỉ cũ"), self.old_address)

    def focus_order(self) -> list:
        return [self.full_name, self.id_kind, self.id_number, self.dob, self.sex, self.phone,
                self.address, self.commune, self.old_address]

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.dob, self.phone, self.address,
                     self.old_address):
            edit.clear()
        self.issued_on = None
        select(self.id_kind, IdKind.CCCD)
        self.sex.setCurrentIndex(0)
        select(self.commune, self.office.commune_code)

    def is_blank(self) -> bool:
        return not any(e.text().strip() for e in (self.full_name, self.id_number, self.dob,
                                                   self.phone, self.address, self.old_address))

    def fill_identity(self, identity: QrIdentity) -> None:
        self.full_name.setText(identity.full_name)
        select(self.id_kind, IdKind.CCCD)
        self.id_number.setText(identity.id_number)
        self.dob.setText(identity.date_of_birth.strftime("%d/%m/%Y"))
        select(self.sex, identity.sex)
        self.old_address.setText(identity.address)
        self.issued_on = identity.issued_on

    def fill_known(self, person: KnownPerson) -> None:
        """The saved identity; what the officer has already typed for contact stays."""
        self.full_name.setText(person.full_name)
        if person.date_of_birth:
            self.dob.setText(date.fromisoformat(person.date_of_birth).strftime("%d/%m/%Y"))
        select(self.sex, person.sex or "")
        if not self.phone.text():
            self.phone.setText(person.phone)
        if not self.address.text():
            self.address.setText(person.address)
        if person.commune_code:
            select(self.commune, person.commune_code)

    def _date(self, text: str, field: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            raise DeskError(self.tr("Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ 04/03/1990.")
                            .replace("%1", text), field=field) from None

    def value(self) -> PersonForm:
        commune = self.commune.code()  # None while the typed text names no commune
        return PersonForm(
            full_name=self.full_name.text(), id_kind=IdKind(self.id_kind.currentData()),
            id_number=self.id_number.text(), id_issued_on=self.issued_on,
            date_of_birth=self._date(self.dob.text(), "date_of_birth"),
            sex=Sex(self.sex.currentData()) if self.sex.currentData() else None,
            phone=self.phone.text(), address=self.address.text(),
            commune_code=int(commune) if commune else None, old_address=self.old_address.text())
