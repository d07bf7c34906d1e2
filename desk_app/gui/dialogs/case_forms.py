"""Small forms the case page asks: one step of the procedure, a dialogue, its minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desk_app.core.cases.dialogues import ROLES, Participant
from desk_app.core.cases.lifecycle import ACTIONS, action_label
from desk_app.gui.widgets.screen import fit


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ActionDialog(QDialog):
    """Date, body, document number and note for one action on a case."""

    # Steps that are answered or carried out by a document with its own number.
    WITH_DOC_NO = ("guide", "transfer", "reply", "decide", "notify", "return", "extend",
                   "suspend", "resume", "accept", "notify_acceptance", "send_suspension")

    def __init__(self, action: str, parent=None, kind: str = ""):
        super().__init__(parent)
        spec = ACTIONS[action]
        self.action = action
        self.setWindowTitle(action_label(action, kind))
        form = QFormLayout()
        self.day = QDateEdit(QDate.currentDate(), self, calendarPopup=True,
                             displayFormat="dd/MM/yyyy")
        self.day.setMaximumDate(QDate.currentDate())
        # Complaints Law art. 33: the day the complainant received the decision, not the day
        # it was sent; the second complaint's window runs from it.
        day_label = (self.tr("&Ngày người khiếu nại nhận được quyết định:")
                     if action == "decision_received" else self.tr("&Ngày thực hiện:"))
        form.addRow(day_label, self.day)
        # Only the fields this step has are made: a widget made and left out of the layout
        # would be drawn at the dialog's top left corner, over the first row.
        self.body = QLineEdit(self) if spec.needs_body or action == "reply" else None
        if self.body is not None:
            form.addRow(self.tr("&Cơ quan, tổ chức:"), self.body)
            # The directory of bodies (core/bodies.py): the same body, the same spelling.
            from desk_app.gui.widgets.body_completer import attach

            self.body.setPlaceholderText(self.tr("Gõ vài chữ để chọn trong danh bạ cơ quan"))
            self.body_completer = attach(self.body, getattr(parent, "tasks", None))
        # Police coordination: whom, and the moment they were told (docs/channels.md).
        self.informed_at = None
        if action == "police":
            self.body = QLineEdit(self)
            self.body.setPlaceholderText(self.tr("Đơn vị, người được báo"))
            form.addRow(self.tr("Đã &báo cho:"), self.body)
            self.informed_at = QDateTimeEdit(QDateTime.currentDateTime(), self,
                                             calendarPopup=True, displayFormat="HH:mm dd/MM/yyyy")
            self.informed_at.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
            form.addRow(self.tr("&Lúc:"), self.informed_at)
        self.doc_no = QLineEdit(self) if action in self.WITH_DOC_NO else None
        if self.doc_no is not None:
            form.addRow(self.tr("&Số, ký hiệu văn bản:"), self.doc_no)
        self.eligible = self.competent = None
        if action == "classify":  # Circular 05/2021: eligible? within the office's competence?
            self.eligible = QCheckBox(self.tr("Đủ điều kiện &xử lý"), self)
            self.competent = QCheckBox(self.tr("Thuộc &thẩm quyền giải quyết"), self)
            self.eligible.setChecked(True)
            self.competent.setChecked(True)
            form.addRow(self.eligible)
            form.addRow(self.competent)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        form.addRow(self.tr("&Ghi chú:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def values(self) -> dict:
        data = {}
        if self.eligible is not None:
            data = {"eligible": self.eligible.isChecked(), "competent": self.competent.isChecked()}
        if self.informed_at is not None:
            data = {"informed_at": self.informed_at.dateTime().toPython().replace(
                second=0, microsecond=0)}
        return {"occurred_on": self.day.date().toPython(),
                "body": self.body.text() if self.body is not None else "",
                "doc_no": self.doc_no.text() if self.doc_no is not None else "",
                "note": self.note.toPlainText(), "data": data}


class ScheduleDialogueDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lên lịch đối thoại"))
        self.setMinimumWidth(440)
        start = (datetime.now() + timedelta(days=8)).replace(hour=8, minute=0, second=0,
                                                              microsecond=0)
        self.when = QDateTimeEdit(QDateTime(start), self, calendarPopup=True,
                                  displayFormat="HH:mm dd/MM/yyyy")
        self.place = QLineEdit(self.tr("Trụ sở Ủy ban nhân dân"), self)
        self.notice = QDateEdit(QDate.currentDate(), self, calendarPopup=True,
                                displayFormat="dd/MM/yyyy")
        form = QFormLayout()
        form.addRow(self.tr("Thời gian đối thoại:"), self.when)
        form.addRow(self.tr("Địa điểm:"), self.place)
        form.addRow(self.tr("Ngày gửi thông báo:"), self.notice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def values(self) -> dict:
        return {"when": self.when.dateTime().toPython(), "place": self.place.text(),
                "notice_sent_on": self.notice.date().toPython()}


class DialogueMinutesDialog(QDialog):
    """Biên bản đối thoại: participants, each one's position, and the result."""

    def __init__(self, parent=None, rows: int = 4):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Biên bản đối thoại"))
        fit(self, 760, 520)
        self.held = QDateTimeEdit(QDateTime.currentDateTime(), self, calendarPopup=True,
                                  displayFormat="HH:mm dd/MM/yyyy")
        self.people = QTableWidget(rows, 3, self)
        self.people.setHorizontalHeaderLabels(
            [self.tr("Họ tên"), self.tr("Tư cách"), self.tr("Ý kiến, quan điểm")])
        self.people.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.people.setColumnWidth(0, 180)
        self.people.setColumnWidth(1, 220)
        for r in range(rows):
            combo = QComboBox(self.people)
            combo.addItems(ROLES)
            combo.setCurrentIndex(min(r, len(ROLES) - 1))
            self.people.setCellWidget(r, 1, combo)
        self.result = QPlainTextEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Thời gian:"), self.held)
        form.addRow(self.tr("Thành phần:"), self.people)
        form.addRow(self.tr("Kết quả đối thoại:"), self.result)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def set_row(self, row: int, name: str, role: str, position: str) -> None:
        self.people.setItem(row, 0, QTableWidgetItem(name))
        self.people.cellWidget(row, 1).setCurrentText(role)
        self.people.setItem(row, 2, QTableWidgetItem(position))

    def values(self) -> dict:
        people = []
        for r in range(self.people.rowCount()):
            name = self.people.item(r, 0)
            if name is None or not name.text().strip():
                continue
            position = self.people.item(r, 2)
            people.append(Participant(name.text(), self.people.cellWidget(r, 1).currentText(),
                                      position.text() if position else ""))
        return {"held_at": self.held.dateTime().toPython(), "participants": people,
                "result": self.result.toPlainText()}
