"""Lượt tiếp: when, how, under which reception session (core/schedule), who received, how
many came (a crowd names its representatives), and who handled the matter before."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desk_app.core import catalog, limits
from desk_app.core.model import PersonForm, ReceptionKind
from desk_app.gui.widgets.fields import DateTimeField, combo, select
from desk_app.gui.widgets.row_table import RowTable, cell_text

CROWD = 5  # Law on Citizen Reception art. 30: five or more people with one content


class VisitBox(QGroupBox):
    def __init__(self, officers, parent=None):
        super().__init__(self.tr("Lượt tiếp"), parent)
        self.received_at = DateTimeField(self)
        self.received_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.received_at.setCalendarPopup(True)
        self.reception_kind = combo(
            {k: v for k, v in catalog.RECEPTION_KIND_LABELS.items()
             if k != ReceptionKind.TRUC_TUYEN}, self)
        self.officer = combo([(o.id, o.full_name) for o in officers], self)
        self.session: tuple[int, date] | None = None  # the reception session under way
        self.session_label = QLabel(self.tr("(ngoài buổi tiếp theo lịch)"), self)
        self.session_label.setObjectName("session_label")
        self.session_label.setWordWrap(True)
        self.crowd_size = QSpinBox(self)
        self.crowd_size.setRange(1, limits.CROWD_MAX)
        self.crowd_size.valueChanged.connect(self._crowd_changed)
        self.crowd_hint = QLabel(self)
        self.crowd_hint.setWordWrap(True)
        self.reps_box = RowTable([self.tr("Họ tên người đại diện khác"), self.tr("Số căn cước")],
                                 self.tr("Thêm người đại &diện"), self)
        self.reps = self.reps_box.table
        self.prior_handlers = QLineEdit(self)
        self.prior_handlers.setPlaceholderText(
            self.tr("Cơ quan, đơn vị đã tiếp nhận, giải quyết (nếu có)"))
        # A crowd or a heated visit reported to the police: when, and to whom (docs/channels.md).
        self.police = QCheckBox(self.tr("Đã báo công an"), self)
        self.police_at = DateTimeField(self)
        self.police_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.police_contact = QLineEdit(self)
        self.police_contact.setPlaceholderText(self.tr("Đơn vị, người được báo"))
        self.police.toggled.connect(self._police_toggled)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # narrow screen: labels above fields
        self.received_label = QLabel(self.tr("Thời điể&m"), self)
        self.received_label.setBuddy(self.received_at)
        form.addRow(self.received_label, self.received_at)
        self.kind_label = QLabel(self.tr("Hình thức"), self)
        form.addRow(self.kind_label, self.reception_kind)
        self.session_title = QLabel(self.tr("Buổi tiếp"), self)
        form.addRow(self.session_title, self.session_label)
        form.addRow(self.tr("Cán bộ tiế&p"), self.officer)
        crowd = QHBoxLayout()
        crowd.addWidget(self.crowd_size)
        crowd.addWidget(self.crowd_hint, 1)
        self.crowd_label = QLabel(self.tr("Số người"), self)
        form.addRow(self.crowd_label, crowd)
        form.addRow(self.reps_box)
        # In a widget of its own, so that hiding it for a letter leaves no empty row.
        self.police_row = QWidget(self)
        police = QHBoxLayout(self.police_row)
        police.setContentsMargins(0, 0, 0, 0)
        police.addWidget(self.police)
        police.addWidget(self.police_at)
        police.addWidget(self.police_contact, 1)
        form.addRow(self.police_row)
        form.addRow(self.tr("Đã được giải quyết bởi"), self.prior_handlers)
        self.visit_mode = True
        self._police_toggled(False)

    def focus_order(self) -> list:
        return [self.received_at, self.reception_kind, self.officer, self.crowd_size,
                *self.reps_box.focus_order(), self.police, self.police_at, self.police_contact,
                self.prior_handlers]

    def clear(self, officer_id: int | None) -> None:
        """A new visitor: now, one person, nobody else; the desk's kind and officer stay."""
        self.received_at.setDateTime(QDateTime.currentDateTime())
        self.crowd_size.setValue(1)
        self.reps.setRowCount(0)
        self.prior_handlers.clear()
        self.police.setChecked(False)
        self.police_contact.clear()
        if officer_id is not None:
            select(self.officer, officer_id)
        self._crowd_changed(1)

    def is_blank(self) -> bool:
        return (self.crowd_size.value() == 1 and self.reps.rowCount() == 0
                and not self.prior_handlers.text().strip())

    def _police_toggled(self, on: bool) -> None:
        self.police_at.setVisible(on)
        self.police_contact.setVisible(on)
        if on:
            self.police_at.setDateTime(QDateTime.currentDateTime())

    def set_visit_mode(self, visit: bool) -> None:
        """A petition without a visit has no reception kind, session, crowd representatives
        or police at the desk; its time is when the office received it, its number of people
        the signatories."""
        self.visit_mode = visit
        for widget in (self.kind_label, self.reception_kind, self.session_title,
                       self.session_label, self.police_row):
            widget.setVisible(visit)
        self.setTitle(self.tr("Lượt tiếp") if visit else self.tr("Tiếp nhận đơn"))
        if not visit:
            self.police.setChecked(False)
        self.received_label.setText(self.tr("Thời điể&m") if visit
                                    else self.tr("Ngày nhận đơ&n"))
        self.crowd_label.setText(self.tr("Số người") if visit else self.tr("Số người ký đơn"))
        self._crowd_changed(self.crowd_size.value())

    def police_values(self) -> dict:
        if not self.police.isChecked():
            return {"police_informed_at": None, "police_contact": ""}
        return {"police_informed_at": self.police_at.dateTime().toPython().replace(
            second=0, microsecond=0), "police_contact": self.police_contact.text()}

    def _crowd_changed(self, size: int) -> None:
        self.reps_box.setVisible(size >= CROWD and getattr(self, "visit_mode", True))
        if size < CROWD:
            self.crowd_hint.setText("")
        elif size <= 10:  # art. 30: 5–10 people send 1–2 representatives, more send up to 5
            self.crowd_hint.setText(
                self.tr("Đoàn đông người: 1–2 người đại diện (kể cả người trình bày)"))
        else:
            self.crowd_hint.setText(
                self.tr("Đoàn đông người: tối đa 5 người đại diện (kể cả người trình bày)"))

    def representatives(self) -> tuple[PersonForm, ...]:
        reps = []
        for row in range(self.reps.rowCount()):
            name, number = cell_text(self.reps, row, 0), cell_text(self.reps, row, 1)
            if name.strip() or number.strip():
                reps.append(PersonForm(full_name=name, id_number=number))
        return tuple(reps)

    def set_session(self, session_id: int | None, kind: str | None = None,
                    day: date | None = None, text: str = "") -> None:
        """The session under way (core/schedule): visits taken now belong to it, and the
        reception kind defaults to the session's."""
        changed = (self.session or (None,))[0] != session_id
        self.session = (session_id, day) if session_id is not None and day else None
        self.session_label.setText(text or self.tr("(ngoài buổi tiếp theo lịch)"))
        if changed and kind:
            select(self.reception_kind, kind)

    def session_for(self, received: datetime) -> int | None:
        """A visit typed in for another day does not belong to today's session."""
        if self.session is None or received.date() != self.session[1]:
            return None
        return self.session[0]

    def officer_id(self) -> int | None:
        return int(self.officer.currentData()) if self.officer.currentData() else None
