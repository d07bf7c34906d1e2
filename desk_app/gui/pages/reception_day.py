"""The chairperson's reception day: the session's list (booked citizens, walk-ins) with each
case prepared, what the host records during the session, and the notice of its conclusions.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.cases.follow_ups import is_follow_up
from desk_app.core.cases.labels import due_text
from desk_app.core.cases.tracking import DONE_BY
from desk_app.core.errors import DeskError
from desk_app.core.schedule.model import KINDS, WEEKDAYS
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.screen import fit

SOURCES = {"booking": "Đã hẹn", "walk_in": "Đến trực tiếp", "added": "Bổ sung"}


class ReceptionDayDialog(QDialog):
    changed = Signal(int)  # session id
    take_visits = Signal(int, str, object)  # session id, kind, day: the intake takes visits in it
    open_case = Signal(int)

    def __init__(self, tasks, session_id: int, officers, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.session_id = session_id
        self.officers = list(officers)
        self.day = None  # ReceptionDay
        self.setWindowTitle(self.tr("Ngày tiếp công dân"))
        add_help_key(self, "schedule")  # F1 in this window: its help page
        fit(self, 1280, 820)

        self.header = QLabel(self)
        self.header.setObjectName("dayHeader")
        self.header.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("dayMessage")
        self.message.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setObjectName("dayItems")
        self.items.currentRowChanged.connect(self._item_changed)
        self.case_view = QTextBrowser(self)
        self.case_view.setObjectName("dayCase")
        self.case_view.setOpenLinks(False)
        self.case_view.anchorClicked.connect(lambda url: self.open_case.emit(int(url.path())))

        self.received = QCheckBox(self.tr("Đã tiếp công dân này"), self)
        self.received.setChecked(True)
        self.presented = QPlainTextEdit(self)
        self.presented.setPlaceholderText(self.tr("Nội dung công dân trình bày"))
        self.presented.setFixedHeight(70)
        self.save_reception = QPushButton(self.tr("Lưu nội dung trình bày"), self)
        self.save_reception.clicked.connect(self.record)

        self.directions = QTableWidget(0, 4, self)
        self.directions.setObjectName("dayDirections")
        self.directions.setHorizontalHeaderLabels(
            [self.tr("Nội dung chỉ đạo"), self.tr("Thời hạn"), self.tr("Giao"),
             self.tr("Tình trạng")])
        self.directions.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.directions.verticalHeader().setVisible(False)
        self.directions.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.directions.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.direction_text = QLineEdit(self)
        self.direction_text.setPlaceholderText(self.tr("Chỉ đạo của người chủ trì"))
        self.direction_due = QDateEdit(QDate.currentDate().addDays(15), self, calendarPopup=True,
                                       displayFormat="dd/MM/yyyy")
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("(không giao cụ thể)"), None)
        for officer in self.officers:
            self.assignee.addItem(officer.full_name, officer.id)
        self.add_direction_button = QPushButton(self.tr("Thêm chỉ đạo"), self)
        self.add_direction_button.clicked.connect(self.add_direction)
        self.done_button = QPushButton(self.tr("Đã thực hiện"), self)
        self.done_button.clicked.connect(self.complete_direction)

        self.conclusions = QPlainTextEdit(self)
        self.conclusions.setPlaceholderText(self.tr("Kết luận chung (mỗi dòng một ý)"))
        self.conclusions.setFixedHeight(60)
        self.save_conclusions = QPushButton(self.tr("Lưu kết luận chung"), self)
        self.save_conclusions.clicked.connect(self.store_conclusions)
        self.actual_host = QComboBox(self)
        for officer in self.officers:
            self.actual_host.addItem(officer.full_name, officer.id)
        self.held_button = QPushButton(self.tr("Ghi buổi tiếp đã diễn ra"), self)
        self.held_button.clicked.connect(self.record_held)
        self.notice_button = QPushButton(self.tr("Lập thông báo kết luận…"), self)
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.clicked.connect(self.issue_notice)
        self.intake_button = QPushButton(self.tr("Tiếp công dân trong buổi này"), self)
        self.intake_button.clicked.connect(self._take_visits)
        refresh = QPushButton(self.tr("Cập nhật danh sách"), self)
        refresh.clicked.connect(self.load)

        record = QGroupBox(self.tr("Ghi nhận tại buổi tiếp"), self)
        rlayout = QVBoxLayout(record)
        rlayout.addWidget(self.received)
        rlayout.addWidget(self.presented)
        rlayout.addWidget(self.save_reception, 0, Qt.AlignRight)
        rlayout.addWidget(self.directions, 1)
        rlayout.addWidget(self.direction_text)  # a row of its own: long directions stay legible
        add = QHBoxLayout()
        add.addWidget(QLabel(self.tr("hạn")))
        add.addWidget(self.direction_due)
        add.addWidget(self.assignee)
        add.addWidget(self.add_direction_button)
        add.addWidget(self.done_button)
        add.addStretch(1)
        rlayout.addLayout(add)
        right = QSplitter(Qt.Vertical, self)
        right.addWidget(self.case_view)
        right.addWidget(record)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        left = QWidget(self)
        llayout = QVBoxLayout(left)
        llayout.setContentsMargins(0, 0, 0, 0)
        llayout.addWidget(QLabel(self.tr("<b>Danh sách công dân</b>")))
        llayout.addWidget(self.items, 1)
        llayout.addWidget(refresh)
        llayout.addWidget(self.intake_button)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 900])
        self.items.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.conclusions, 1)
        bottom.addWidget(self.save_conclusions)
        end = QHBoxLayout()
        end.addWidget(QLabel(self.tr("Người chủ trì thực tế:")))
        end.addWidget(self.actual_host)
        end.addWidget(self.held_button)
        end.addStretch(1)
        end.addWidget(self.notice_button)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.close)
        end.addWidget(close)
        # On a small screen (1366x768 at 150%) the body scrolls; the closing row stays in view.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.message)
        body_layout.addWidget(split, 1)
        body_layout.addLayout(bottom)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(end)
        self.load()

    # --- loading -----------------------------------------------------------------
    def load(self) -> None:
        session_id, today = self.session_id, date.today()

        def job(db):
            from desk_app.core.schedule.day import reception_day

            return reception_day(db, session_id, today)

        self.tasks.read(job, self.show_day, self._failed)

    def show_day(self, day) -> None:
        keep = self.items.currentRow()
        self.day = day
        s = day.session
        host = s.actual_host or s.host
        notice = (f" · <b>{self.tr('Thông báo kết luận số')} {escape(day.notice[1])}</b>"
                  if day.notice else "")
        self.header.setText(
            f"<h3 style='margin:0'>{escape(KINDS[s.kind])} — {WEEKDAYS[s.day.weekday()]} "
            f"{dmy(s.day)}, {escape(s.hours)}</h3><p>{self.tr('Chủ trì')}: <b>{escape(host)}</b>"
            f" · {escape(s.place)} · {escape(s.status_label)}{notice}</p>"
            + (f"<p>{self.tr('Thành phần')}: {escape('; '.join(s.participants))}</p>"
               if s.participants else ""))
        self.actual_host.setCurrentIndex(max(self.actual_host.findData(
            s.actual_host_id or s.host_id), 0))
        self.items.clear()
        for item in day.items:
            due = ""
            if item.detail and item.detail.due_on:
                due = " · " + due_text(item.detail.due_on, date.today())[0]
            mark = "✓ " if item.received else ""
            text = (f"{mark}{item.person_name} — {SOURCES[item.source]}"
                    f"{' · #' + str(item.case_id) if item.case_id else ''}{due}\n{item.title}")
            row = QListWidgetItem(text)
            row.setData(Qt.UserRole, item.key)
            self.items.addItem(row)
        if not day.items:
            self.case_view.setHtml(f"<p>{self.tr('Chưa có công dân nào được hẹn hoặc đã đến.')}</p>")
        self.conclusions.setPlainText("\n".join(day.conclusions))
        locked = day.notice is not None
        for widget in (self.save_reception, self.add_direction_button, self.save_conclusions):
            widget.setEnabled(not locked)
        self.held_button.setEnabled(s.status == "planned")
        if day.items:
            self.items.setCurrentRow(min(max(keep, 0), len(day.items) - 1))

    def current(self):
        row = self.items.currentRow()
        if self.day is None or not 0 <= row < len(self.day.items):
            return None
        return self.day.items[row]

    def _item_changed(self, *_):
        item = self.current()
        if item is None:
            return
        self.case_view.setHtml(self._case_html(item))
        self.received.setChecked(item.received is not False)
        self.presented.setPlainText(item.presented)
        self.directions.setRowCount(len(item.directions))
        for r, d in enumerate(item.directions):
            late = not d.done and d.due_on < date.today().isoformat()
            state = self.tr("Đã thực hiện") if d.done else due_text(d.due_on, date.today())[0]
            for c, text in enumerate((d.text, dmy(d.due_on), d.assignee, state)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.UserRole, d.id)
                if late and c == 3:
                    cell.setForeground(Qt.red)
                self.directions.setItem(r, c, cell)
        self.directions.resizeRowsToContents()

    def _case_html(self, item) -> str:
        d = item.detail
        if d is None:
            return (f"<h3>{escape(item.person_name)}</h3><p>{escape(item.title)}</p>"
                    f"<p><i>{self.tr('Lượt tiếp không mở vụ việc.')}</i></p>")
        out = [f"<h3>{escape(d.person_name)} — <a href='case:{d.id}'>#{d.id}</a> "
               f"{escape(d.title)}</h3>",
               f"<p>{escape(d.kind_label)} · {escape(d.topic)} · <b>{escape(d.status_label)}</b>"
               f" · {self.tr('nhận ngày')} {dmy(d.opened_on)}"
               + (f" · {escape(', '.join(d.flags))}" if d.flags else "") + "</p>"]
        if d.person_address:
            out.append(f"<p>{self.tr('Địa chỉ')}: {escape(d.person_address)}</p>")
        out.append(f"<h4>{self.tr('Nội dung đơn')}</h4><ul>")
        out += [f"<li>{dmy(p.received_at)}: {escape(p.summary)}</li>" for p in d.petitions]
        out.append(f"</ul><h4>{self.tr('Thời hạn')}</h4><ul>")
        for cm in d.milestones:
            m = cm.milestone
            if m.due_on is None:
                continue
            binding = m.key in DONE_BY or is_follow_up(m.key)
            if cm.done:
                state = self.tr("đã xong")
            elif not binding:  # the citizen's own window, a notice: for reference
                state = self.tr("để theo dõi")
            else:
                state = due_text(m.due_on.isoformat(), date.today())[0]
            css = f" style='color:{style.hex_('error')}'" if cm.overdue else ""
            out.append(f"<li{css}>{dmy(m.due_on)} — {escape(m.label)} ({escape(state)})</li>")
        out.append(f"</ul><h4>{self.tr('Diễn biến')}</h4><ul>")
        out += [f"<li>{dmy(e.occurred_on)}: {escape(e.label)}"
                + (f" — {escape(e.body or e.note)}" if e.body or e.note else "") + "</li>"
                for e in d.events]
        return "".join(out) + "</ul>"

    # --- writing -----------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.message.setStyleSheet(style.css("error", bold=True))
        self.message.setText(message)

    def show_ok(self, message: str) -> None:
        self.message.setStyleSheet(style.css("ok", bold=True))
        self.message.setText(message)

    def _failed(self, error) -> None:
        if isinstance(error, DeskError):
            self.show_error(error.message)
        else:
            raise error

    def _write(self, fn, text: str, done=None) -> None:
        def ok(result):
            self.show_ok(text)
            self.changed.emit(self.session_id)
            if done:
                done(result)
            self.load()

        self.tasks.write(fn, ok, self._failed)

    def record(self) -> None:
        item = self.current()
        if item is None:
            return
        session_id, received, presented = (self.session_id, self.received.isChecked(),
                                           self.presented.toPlainText())

        def job(db):
            from desk_app.core.schedule.day import record_reception

            record_reception(db, session_id, case_id=item.case_id,
                             visit_id=None if item.case_id else item.visit_id,
                             received=received, presented=presented, now=datetime.now())

        self._write(job, self.tr("Đã lưu."))

    def add_direction(self) -> None:
        item = self.current()
        if item is None or item.case_id is None:
            self.show_error(self.tr("Chỉ đạo gắn với một vụ việc: hãy chọn công dân có vụ việc."))
            return
        session_id, case_id = self.session_id, item.case_id
        text, due = self.direction_text.text(), self.direction_due.date().toPython()
        assignee = self.assignee.currentData()

        def job(db):
            from desk_app.core.schedule.day import add_direction

            return add_direction(db, session_id, case_id, text, due, assignee_id=assignee,
                                 now=datetime.now())

        self._write(job, self.tr("Đã ghi chỉ đạo; thời hạn được theo dõi trên vụ việc."),
                    lambda _: self.direction_text.clear())

    def complete_direction(self) -> None:
        row = self.directions.currentRow()
        cell = self.directions.item(row, 0) if row >= 0 else None
        if cell is None:
            return
        direction_id = cell.data(Qt.UserRole)

        def job(db):
            from desk_app.core.schedule.day import complete_direction

            complete_direction(db, direction_id, now=datetime.now())

        self._write(job, self.tr("Đã ghi chỉ đạo đã thực hiện."))

    def store_conclusions(self) -> None:
        session_id, lines = self.session_id, self.conclusions.toPlainText().splitlines()

        def job(db):
            from desk_app.core.schedule.day import set_conclusions

            set_conclusions(db, session_id, lines, now=datetime.now())

        self._write(job, self.tr("Đã lưu kết luận chung."))

    def record_held(self) -> None:
        session_id, host = self.session_id, self.actual_host.currentData()

        def job(db):
            from desk_app.core.schedule.sessions import record_held

            record_held(db, session_id, host, datetime.now())

        self._write(job, self.tr("Đã ghi buổi tiếp đã diễn ra."))

    def issue_notice(self) -> None:
        session_id = self.session_id

        def job(db):
            from desk_app.core.schedule.day import issue_conclusions

            return issue_conclusions(db, session_id, (), datetime.now())

        def shown(slip):
            from desk_app.gui.printing import show_document

            show_document(self, slip.pdf, self.tr("Thông báo kết luận việc tiếp công dân"),
                          f"thong-bao-ket-luan-{session_id}.pdf")

        self._write(job, self.tr("Đã lập thông báo kết luận."), shown)

    def _take_visits(self) -> None:
        if self.day is not None:
            s = self.day.session
            self.take_visits.emit(s.id, s.kind, s.day)

