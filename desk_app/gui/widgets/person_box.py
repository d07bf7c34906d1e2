"""Người đến: the visitor's identity, filled by hand, from a scanned ID card or from an
earlier visit; a warning when a saved ID number carries another name (the intake page checks
it, the visit still records what was typed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from desk_app.core import catalog
from desk_app.core.model import IdKind, KnownPerson, PersonForm, Sex
from desk_app.core.reception.ids import QrIdentity
from desk_app.gui import style
from desk_app.gui.widgets.fields import combo, select, typed_date
from desk_app.gui.widgets.picker import UnitPicker


class PersonBox(QGroupBox):
    id_edited = Signal()  # the officer typed in the ID number: look the person up
    identity_edited = Signal()  # name, ID kind or number changed: compare with what is saved
    suggest_commune = Signal(str)  # the old address to convert (the page runs it off the GUI thread)

    def __init__(self, office, parent=None):
        super().__init__(self.tr("Người đến"), parent)
        self.office = office
        self.full_name = QLineEdit(self)
        self.id_kind = combo(catalog.ID_KIND_LABELS, self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.id_number.textEdited.connect(lambda _: self.id_edited.emit())
        # The ID's issue date (read from the card's QR, or typed) and place, as on the card.
        self.id_issued_on = QLineEdit(self)
        self.id_issued_on.setPlaceholderText(self.tr("ngày cấp: ngày/tháng/năm"))
        self.id_issued_place = QLineEdit(self)
        self.id_issued_place.setPlaceholderText(self.tr("Nơi cấp giấy tờ"))
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
        self.suggest_button = QPushButton(self.tr("Gợi ý xã/phường mới"), self)
        self.suggest_button.clicked.connect(
            lambda: self.suggest_commune.emit(self.old_address.text()))
        # Leaving the field asks too, so Tab does not need to stop on the button.
        self.suggest_button.setFocusPolicy(Qt.ClickFocus)
        self.old_address.editingFinished.connect(self._old_address_done)
        self.commune_hint = QLabel(self)
        self.commune_hint.setObjectName("commune_hint")
        self.commune_hint.setWordWrap(True)
        self.commune_hint.setVisible(False)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # narrow screen: labels above fields
        form.addRow(self.tr("&Họ và tên"), self.full_name)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_kind)
        id_row.addWidget(self.id_number, 1)
        form.addRow(self.tr("Giấy tờ tùy thân"), id_row)
        issued_row = QHBoxLayout()
        issued_row.addWidget(self.id_issued_on, 1)
        issued_row.addWidget(self.id_issued_place, 2)
        issued_label = QLabel(self.tr("Ngà&y cấp, nơi cấp"), self)
        issued_label.setBuddy(self.id_issued_on)
        form.addRow(issued_label, issued_row)
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
        old_row = QHBoxLayout()
        old_row.addWidget(self.old_address, 1)
        old_row.addWidget(self.suggest_button)
        form.addRow(self.tr("Địa chỉ cũ"), old_row)
        form.addRow(self.commune_hint)
        self.identity_warning = QLabel(self)
        self.identity_warning.setObjectName("identity_warning")
        self.identity_warning.setWordWrap(True)
        self.identity_warning.setStyleSheet(style.css("warn", bold=True))
        self.identity_warning.setVisible(False)
        form.addRow(self.identity_warning)
        for signal in (self.full_name.textChanged, self.id_number.textChanged,
                       self.id_kind.currentIndexChanged):
            signal.connect(lambda *_: self.identity_edited.emit())
        self.id_kind.currentIndexChanged.connect(self._id_kind_changed)

    def _id_kind_changed(self, *_) -> None:
        """No paper: no number, no issue date or place to type."""
        paper = self.id_kind.currentData() != IdKind.KHONG
        for edit in (self.id_number, self.id_issued_on, self.id_issued_place):
            edit.setEnabled(paper)
            if not paper:
                edit.clear()

    def set_role(self, *, visit: bool, represented: bool) -> None:
        """The box's title says whose details these are: who came, the person someone presents
        for (the case is theirs), or who wrote the letter."""
        if not visit:
            self.setTitle(self.tr("Người gửi đơn"))
        elif represented:
            self.setTitle(self.tr("Người được đại diện (người đứng tên vụ việc)"))
        else:
            self.setTitle(self.tr("Người đến"))

    def focus_order(self) -> list:
        return [self.full_name, self.id_kind, self.id_number, self.id_issued_on,
                self.id_issued_place, self.dob, self.sex, self.phone, self.address, self.commune,
                self.old_address]

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.dob, self.phone, self.address,
                     self.old_address, self.id_issued_on, self.id_issued_place):
            edit.clear()
        self.show_identity_warnings([])
        self.commune_hint.setVisible(False)
        self._suggested_for = None
        select(self.id_kind, IdKind.CCCD)
        self.sex.setCurrentIndex(0)
        select(self.commune, self.office.commune_code)

    def is_blank(self) -> bool:
        return not any(e.text().strip() for e in (self.full_name, self.id_number, self.dob,
                                                   self.phone, self.address, self.old_address,
                                                   self.id_issued_on, self.id_issued_place))

    def fill_identity(self, identity: QrIdentity) -> None:
        self.full_name.setText(identity.full_name)
        # A card issued from 01/07/2024 is the new căn cước (Law on Identification 2023).
        new_card = identity.issued_on is not None and identity.issued_on >= date(2024, 7, 1)
        select(self.id_kind, IdKind.CAN_CUOC if new_card else IdKind.CCCD)
        self.id_number.setText(identity.id_number)
        self.dob.setText(identity.date_of_birth.strftime("%d/%m/%Y"))
        select(self.sex, identity.sex)
        self.old_address.setText(identity.address)
        self._suggested_for = identity.address.strip()  # the page asks for this one itself
        self.id_issued_on.setText(identity.issued_on.strftime("%d/%m/%Y") if identity.issued_on
                                  else "")

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
        if person.id_issued_on and not self.id_issued_on.text():
            self.id_issued_on.setText(date.fromisoformat(person.id_issued_on).strftime("%d/%m/%Y"))
        if not self.id_issued_place.text():
            self.id_issued_place.setText(person.id_issued_place)

    def _old_address_done(self) -> None:
        text = self.old_address.text().strip()
        if text and text != getattr(self, "_suggested_for", None):
            self._suggested_for = text
            self.suggest_commune.emit(text)

    def show_commune_suggestion(self, code: int | None, candidates: tuple[int, ...]) -> None:
        """Choose the suggested new commune when it is one of the office's province; otherwise
        say what it is (the old address is kept as written either way)."""
        labels = [catalog.commune_label(c) for c in candidates]
        if code is not None and self.commune.findData(str(code)) >= 0:
            select(self.commune, code)
            self.commune_hint.setText(self.tr("Xã/phường mới theo địa chỉ cũ: %1")
                                      .replace("%1", catalog.commune_label(code)))
        elif code is not None:
            self.commune_hint.setText(self.tr("Xã/phường mới theo địa chỉ cũ: %1 (ngoài tỉnh)")
                                      .replace("%1", catalog.commune_label(code)))
        elif labels:
            self.commune_hint.setText(self.tr("Xã/phường cũ đã chia cho: %1. Hãy chọn.")
                                      .replace("%1", "; ".join(labels[:6])))
        else:
            self.commune_hint.setText(self.tr("Không tìm được xã/phường mới cho địa chỉ cũ này; "
                                              "hãy chọn trong danh sách."))
        self.commune_hint.setVisible(True)

    def show_identity_warnings(self, warnings: list[str]) -> None:
        self.identity_warning.setText("\n".join(warnings))
        self.identity_warning.setVisible(bool(warnings))


    def value(self) -> PersonForm:
        commune = self.commune.code()  # None while the typed text names no commune
        return PersonForm(
            full_name=self.full_name.text(), id_kind=IdKind(self.id_kind.currentData()),
            id_number=self.id_number.text(),
            id_issued_on=typed_date(self.id_issued_on.text(), "id_issued_on"),
            id_issued_place=self.id_issued_place.text(),
            date_of_birth=typed_date(self.dob.text(), "date_of_birth"),
            sex=Sex(self.sex.currentData()) if self.sex.currentData() else None,
            phone=self.phone.text(), address=self.address.text(),
            commune_code=int(commune) if commune else None, old_address=self.old_address.text())
