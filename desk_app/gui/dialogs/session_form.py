"""Forms of the schedule page: a session or a recurring rule, a change of one session.

They only collect values; the core validates them on the writer thread and a refusal is shown
in the form's message line, which keeps what was typed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.schedule.model import (
    AD_HOC_REASONS,
    HOLIDAY_POLICIES,
    KINDS,
    WEEKDAYS,
    SeriesForm,
    SessionForm,
)
from desk_app.core.schedule.recurrence import EVERY_WORKING_DAY, weekly
from desk_app.gui import style


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _time(text: str) -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(text, "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    return edit


def _lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.splitlines() if x.strip())


class SessionDialog(QDialog):
    """One session, or (with "Lặp lại") a recurring rule. `submitted` carries the form; the
    page saves it and calls `show_error` or `accept`."""

    submitted = Signal(object)  # SessionForm | SeriesForm

    def __init__(self, officers, day: date, head_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm buổi tiếp công dân"))
        self.setMinimumWidth(620)
        self.kind = QComboBox(self)
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(self.kind.findData("dinh_ky"))
        self.day = QDateEdit(_qdate(day), self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.start = _time("08:00")
        self.end = _time("11:00")
        self.host = QComboBox(self)
        self.officers = QListWidget(self)
        self.officers.setFixedHeight(90)
        for officer in officers:
            label = officer.full_name + (f" — {officer.position}" if officer.position else "")
            self.host.addItem(label, officer.id)
            item = QListWidgetItem(label, self.officers)
            item.setData(Qt.UserRole, officer.id)
            item.setCheckState(Qt.Unchecked)
        if head_id is not None:
            self.host.setCurrentIndex(max(self.host.findData(head_id), 0))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Mặc định: trụ sở Ủy ban nhân dân"))
        self.participants = QPlainTextEdit(self)
        self.participants.setPlaceholderText(
            self.tr("Mỗi dòng một thành phần: công chức Địa chính, Công an xã, Tổ hòa giải…"))
        self.participants.setFixedHeight(64)
        self.content = QLineEdit(self)
        self.content.setPlaceholderText(self.tr("Dự kiến nội dung tiếp"))
        self.reason_code = QComboBox(self)
        for code, label in AD_HOC_REASONS.items():
            self.reason_code.addItem(label, code)
        self.reason = QLineEdit(self)
        self.police = QCheckBox(self.tr("Đã báo công an"), self)
        self.police_at = QDateTimeEdit(QDateTime.currentDateTime(), self,
                                       displayFormat="HH:mm dd/MM/yyyy")
        self.police_contact = QLineEdit(self)
        self.police_contact.setPlaceholderText(self.tr("Báo cho ai (đơn vị, người nhận tin)"))
        self.held = QCheckBox(self.tr("Buổi tiếp đã diễn ra (ghi lại)"), self)

        self.repeat = QGroupBox(self.tr("Lặp lại"), self)
        self.repeat.setCheckable(True)
        self.repeat.setChecked(False)
        self.weekly = QRadioButton(self.tr("Hằng tuần vào:"), self.repeat)
        self.weekly.setChecked(True)
        self.every_day = QRadioButton(self.tr("Tất cả các ngày làm việc"), self.repeat)
        self.weekdays = []
        days_row = QHBoxLayout()
        days_row.addWidget(self.weekly)
        for i, name in enumerate(WEEKDAYS[:6]):
            box = QCheckBox(name.replace("Thứ ", "T."), self.repeat)
            box.setChecked(i == day.weekday())
            self.weekdays.append(box)
            days_row.addWidget(box)
        self.until = QDateEdit(_qdate(date(day.year, 12, 31)), self.repeat, calendarPopup=True,
                               displayFormat="dd/MM/yyyy")
        self.policy = QComboBox(self.repeat)
        for code, label in HOLIDAY_POLICIES.items():
            self.policy.addItem(label, code)
        rform = QFormLayout(self.repeat)
        rform.addRow(days_row)
        rform.addRow(self.every_day)
        rform.addRow(self.tr("Đến ngày"), self.until)
        rform.addRow(self.tr("Trùng ngày nghỉ"), self.policy)

        self.message = QLabel(self)
        self.message.setObjectName("sessionMessage")
        self.message.setStyleSheet(style.css("error", bold=True))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Hủy bỏ"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Hình thức"), self.kind)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(QLabel(self.tr("từ")))
        when.addWidget(self.start)
        when.addWidget(QLabel(self.tr("đến")))
        when.addWidget(self.end)
        when.addStretch(1)
        form.addRow(self.tr("Ngày, giờ"), when)
        self.host_label = QLabel(self.tr("Người chủ trì"))
        form.addRow(self.host_label, self.host)
        self.officers_label = QLabel(self.tr("Cán bộ trực"))
        form.addRow(self.officers_label, self.officers)
        form.addRow(self.tr("Địa điểm"), self.place)
        form.addRow(self.tr("Thành phần tham dự"), self.participants)
        form.addRow(self.tr("Nội dung dự kiến"), self.content)
        self.ad_hoc = QWidget(self)
        aform = QFormLayout(self.ad_hoc)
        aform.setContentsMargins(0, 0, 0, 0)
        aform.addRow(self.tr("Lý do tiếp đột xuất"), self.reason_code)
        aform.addRow(self.tr("Ghi rõ"), self.reason)
        police = QHBoxLayout()
        police.addWidget(self.police)
        police.addWidget(self.police_at)
        police.addWidget(self.police_contact, 1)
        aform.addRow(police)
        aform.addRow(self.held)
        form.addRow(self.ad_hoc)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.repeat)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_) -> None:
        kind = self.kind.currentData()
        desk = kind == "thuong_xuyen"
        self.officers.setVisible(desk)
        self.officers_label.setVisible(desk)
        self.host.setVisible(not desk)
        self.host_label.setVisible(not desk)
        self.ad_hoc.setVisible(kind == "dot_xuat")
        self.repeat.setVisible(kind != "dot_xuat")
        if kind == "dot_xuat":
            self.repeat.setChecked(False)
        if desk:
            self.start.setTime(QTime(7, 30))
            self.end.setTime(QTime(11, 30))
            self.every_day.setChecked(True)
            self.policy.setCurrentIndex(self.policy.findData("skip"))

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.save_button.setEnabled(True)

    def value(self) -> SessionForm | SeriesForm:
        kind = self.kind.currentData()
        desk = kind == "thuong_xuyen"
        host = None if desk else self.host.currentData()
        officers = tuple(self.officers.item(i).data(Qt.UserRole)
                         for i in range(self.officers.count())
                         if self.officers.item(i).checkState() == Qt.Checked) if desk else ()
        day = self.day.date().toPython()
        start, end = self.start.time().toPython(), self.end.time().toPython()
        common = {"kind": kind, "host_id": host, "officer_ids": officers,
                  "place": self.place.text(), "participants": _lines(self.participants.toPlainText()),
                  "content": self.content.text()}
        if self.repeat.isChecked() and kind != "dot_xuat":
            if self.every_day.isChecked():
                rule = EVERY_WORKING_DAY
            else:
                days = tuple(i for i, box in enumerate(self.weekdays) if box.isChecked())
                if not days:
                    raise DeskError(self.tr("Hãy chọn ít nhất một thứ trong tuần."))
                rule = weekly(days)
            return SeriesForm(rule=rule, first_day=day, last_day=self.until.date().toPython(),
                              start_time=f"{start:%H:%M}", end_time=f"{end:%H:%M}",
                              holiday_policy=self.policy.currentData(), **common)
        ad_hoc = kind == "dot_xuat"
        return SessionForm(
            starts_at=datetime.combine(day, start), ends_at=datetime.combine(day, end),
            reason_code=self.reason_code.currentData() if ad_hoc else "",
            reason=self.reason.text() if ad_hoc else "",
            police_informed_at=self.police_at.dateTime().toPython().replace(second=0,
                                                                             microsecond=0)
            if ad_hoc and self.police.isChecked() else None,
            police_contact=self.police_contact.text() if ad_hoc and self.police.isChecked()
            else "", held=ad_hoc and self.held.isChecked(), **common)

    def submit(self) -> None:
        try:
            form = self.value()
        except DeskError as exc:
            self.show_error(exc.message)
            return
        self.message.clear()
        self.save_button.setEnabled(False)
        self.submitted.emit(form)


class ChangeDialog(QDialog):
    """Move or postpone (a new time and a reason), or cancel (a reason)."""

    submitted = Signal(object)  # dict of values

    TITLES = {"move": "Dời giờ buổi tiếp", "postpone": "Hoãn buổi tiếp",
              "cancel": "Hủy buổi tiếp", "held": "Ghi buổi tiếp đã diễn ra"}

    def __init__(self, action: str, starts_at: str, ends_at: str, officers=(),
                 host_id: int | None = None, parent=None):
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(self.tr(self.TITLES[action]))
        start = datetime.fromisoformat(starts_at)
        end = datetime.fromisoformat(ends_at)
        self.day = QDateEdit(_qdate(start.date()), self, calendarPopup=True,
                             displayFormat="dd/MM/yyyy")
        self.start = _time(f"{start:%H:%M}")
        self.end = _time(f"{end:%H:%M}")
        self.reason = QLineEdit(self)
        self.host = QComboBox(self)
        for officer in officers:
            self.host.addItem(officer.full_name + (f" — {officer.position}"
                                                   if officer.position else ""), officer.id)
        if host_id is not None:
            self.host.setCurrentIndex(max(self.host.findData(host_id), 0))
        self.message = QLabel(self)
        self.message.setStyleSheet(style.css("error", bold=True))
        self.message.setWordWrap(True)
        form = QFormLayout()
        if action in ("move", "postpone"):
            when = QHBoxLayout()
            when.addWidget(self.day)
            when.addWidget(self.start)
            when.addWidget(self.end)
            form.addRow(self.tr("Thời gian mới"), when)
        if action == "held":
            form.addRow(self.tr("Người chủ trì thực tế"), self.host)
        else:
            form.addRow(self.tr("Lý do"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Đồng ý"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Hủy bỏ"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.ok_button.setEnabled(True)

    def value(self) -> dict:
        day = self.day.date().toPython()
        return {"starts_at": datetime.combine(day, self.start.time().toPython()),
                "ends_at": datetime.combine(day, self.end.time().toPython()),
                "reason": self.reason.text(), "host_id": self.host.currentData()}

    def submit(self) -> None:
        self.message.clear()
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.value())
