"""Lịch tiếp công dân: the month view, the chosen day's sessions and what can be done with
them, the month's warnings, posting and export, and the way into the reception day."""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.schedule.model import SHORT_KINDS, WEEKDAYS, SessionRow
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.widgets.flow import FlowLayout, flow_policy

MARKS = {"planned": "", "held": "✓ ", "postponed": "→ ", "cancelled": "✕ ", "skipped": "– "}


class SchedulePage(QWidget):
    open_case = Signal(int)
    open_day = Signal(int)  # a session id: the main window opens its reception day
    loaded = Signal(object)  # the MonthView shown
    changed = Signal()

    def __init__(self, tasks, officers, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.officers = list(officers)
        today = date.today()
        self.year, self.month = today.year, today.month
        self.selected: date = today
        self.view = None
        self.head_id: int | None = None
        self._stale = True
        self._generation = 0

        self.prev_button = QPushButton("‹", self)
        self.prev_button.setFixedWidth(36)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("›", self)
        self.next_button.setFixedWidth(36)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(self.tr("Hôm nay"), self)
        self.today_button.clicked.connect(self.go_today)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("monthLabel")
        self.head = QComboBox(self)
        self.head.addItem(self.tr("(chưa chọn)"), None)
        for officer in self.officers:
            self.head.addItem(officer.full_name, officer.id)
        self.head.activated.connect(self._head_chosen)
        self.add_button = QPushButton(self.tr("Thêm buổi tiếp, lịch lặp lại…"), self)
        self.add_button.clicked.connect(self.ask_add)
        self.replan_button = QPushButton(self.tr("Xếp lại theo ngày nghỉ"), self)
        self.replan_button.setToolTip(self.tr(
            "Sau khi sửa ngày nghỉ, ngày làm bù: xếp lại các buổi tiếp lặp lại chưa sửa tay"))
        self.replan_button.clicked.connect(self.replan)
        self.post_button = QPushButton(self.tr("In lịch niêm yết tháng…"), self)
        self.post_button.clicked.connect(self.print_posting)
        self.export_button = QPushButton(self.tr("Xuất cho trang web (HTML, ICS)…"), self)
        self.export_button.clicked.connect(self.ask_export)

        self.grid = QTableWidget(0, 7, self)
        self.grid.setObjectName("monthGrid")
        self.grid.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid.verticalHeader().setMinimumSectionSize(84)
        self.grid.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid.currentCellChanged.connect(self._cell_changed)

        self.day_title = QLabel(self)
        self.day_title.setObjectName("dayTitle")
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("daySessions")
        self.day_list.currentRowChanged.connect(self._session_changed)
        self.day_list.itemDoubleClicked.connect(lambda _: self.open_reception_day())
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("sessionDetail")
        self.buttons: dict[str, QPushButton] = {}
        # Rows of buttons wrap on a narrow screen rather than run off it (gui/widgets/flow.py).
        actions_box = QWidget(self)
        actions_box.setSizePolicy(flow_policy())
        actions = FlowLayout(actions_box)
        for name, text in (("day", self.tr("Ngày tiếp công dân…")), ("held", self.tr("Đã tiếp…")),
                           ("move", self.tr("Dời giờ…")), ("postpone", self.tr("Hoãn…")),
                           ("cancel", self.tr("Hủy…")), ("notice", self.tr("In thông báo hoãn"))):
            button = QPushButton(text, self)
            button.setObjectName(f"session_{name}")
            button.clicked.connect(lambda _=False, n=name: self.session_action(n))
            actions.addWidget(button)
            self.buttons[name] = button
        self.message = QLabel(self)
        self.message.setObjectName("scheduleMessage")
        self.message.setWordWrap(True)
        self.alerts = QListWidget(self)
        self.alerts.setObjectName("monthAlerts")
        self.alerts.itemActivated.connect(self._alert_chosen)
        self.alerts.itemClicked.connect(self._alert_chosen)

        month = QHBoxLayout()
        for widget in (self.prev_button, self.month_label, self.next_button, self.today_button):
            month.addWidget(widget)
        head_box = QWidget(self)
        head_row = QHBoxLayout(head_box)
        head_row.setContentsMargins(0, 0, 0, 0)
        head_label = QLabel(self.tr("Chủ tịch:"), self)
        head_label.setBuddy(self.head)
        head_row.addWidget(head_label)
        head_row.addWidget(self.head)
        tools_box = QWidget(self)
        tools_box.setSizePolicy(flow_policy())
        tools = FlowLayout(tools_box)
        for widget in (head_box, self.add_button, self.replan_button, self.post_button,
                       self.export_button):
            tools.addWidget(widget)
        top = QHBoxLayout()
        top.addLayout(month)
        top.addSpacing(12)
        top.addWidget(tools_box, 1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 1)
        side_layout.addWidget(self.detail, 2)
        side_layout.addWidget(actions_box)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 420])
        self.day_list.setMaximumHeight(130)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(QLabel(self.tr("<b>Cảnh báo trong tháng</b>")))
        layout.addWidget(self.alerts)
        self.alerts.setMaximumHeight(120)
        self.alerts.setWordWrap(True)  # a long warning wraps rather than scrolls sideways
        self._enable_actions(None)

    # --- loading -----------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def show_month(self, year: int, month: int, select: date | None = None) -> None:
        self.year, self.month = year, month
        self.selected = select or date(year, month, 1)
        self.reload()

    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.show_month(index // 12, index % 12 + 1)

    def go_today(self) -> None:
        today = date.today()
        self.show_month(today.year, today.month, today)

    def reload(self, *_) -> None:
        self._stale = False
        self._generation += 1
        generation, year, month, today = self._generation, self.year, self.month, date.today()

        def job(db):
            from desk_app.core.schedule.hosts import head_officer_id
            from desk_app.core.schedule.month import month_view

            return month_view(db, year, month, today), head_officer_id(db)

        self.month_label.setText(self.tr("<b>Tháng %1/%2</b> — đang tải…")
                                 .replace("%1", f"{month:02d}").replace("%2", str(year)))
        self.tasks.read(job, lambda result: self._loaded(generation, *result), self._failed)

    def _loaded(self, generation: int, view, head_id) -> None:
        if generation != self._generation:
            return
        self.view, self.head_id = view, head_id
        self.head.setCurrentIndex(max(self.head.findData(head_id), 0))
        self.month_label.setText(self.tr("<b>Tháng %1/%2</b>").replace(
            "%1", f"{view.month:02d}").replace("%2", str(view.year)))
        self._fill_grid(view)
        self.alerts.clear()
        for alert in view.alerts:
            item = QListWidgetItem(("⚠ " if alert.code != "posting" else "• ") + alert.text)
            item.setData(Qt.UserRole, alert.day.isoformat() if alert.day else None)
            self.alerts.addItem(item)
        if not view.alerts:
            self.alerts.addItem(self.tr("Không có cảnh báo."))
        self.select_day(self.selected)
        self.loaded.emit(view)

    def _fill_grid(self, view) -> None:
        today = date.today()
        self.grid.clearContents()
        self.grid.setRowCount(len(view.weeks))
        for r, week in enumerate(view.weeks):
            for c, cell in enumerate(week):
                label = QLabel(self._cell_html(cell, today), self.grid)
                label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
                label.setWordWrap(True)
                label.setAttribute(Qt.WA_TransparentForMouseEvents)
                # From the palette, so a dark theme stays readable: days off and days of
                # the next month on the window's shade, today framed in the highlight.
                pal = self.grid.palette()
                role = (QPalette.ColorRole.Base if cell.working and cell.in_month
                        else QPalette.ColorRole.Window)
                background = pal.color(role).name()
                border = (f"border: 2px solid {pal.color(QPalette.ColorRole.Highlight).name()};"
                          if cell.day == today else "")
                label.setStyleSheet(f"background: {background}; padding: 2px; font-size: 9pt;"
                                    f" {border}")
                self.grid.setCellWidget(r, c, label)

    def _cell_html(self, cell, today: date) -> str:
        day = f"<b>{cell.day.day}</b>" if cell.in_month else \
            f"<b style='color:{style.hex_('muted')}'>{cell.day.day}</b>"
        parts = [day]
        if cell.label:
            parts.append(f" <span style='color:{style.hex_('warn')}'>{escape(cell.label)}</span>")
        lines = []
        desk = [s for s in cell.sessions if s.kind == "thuong_xuyen" and s.status != "skipped"]
        if desk:
            lines.append(f"<span style='color:{style.hex_('muted')}'>{self.tr('Thường xuyên')} "
                         f"{escape(desk[0].starts_at[11:16])}</span>")
        for s in cell.sessions:
            if s.kind == "thuong_xuyen":
                continue
            who = s.actual_host or s.host
            text = f"{MARKS[s.status]}{s.starts_at[11:16]} {SHORT_KINDS[s.kind]} — {who}"
            css = ""
            if s.status in ("cancelled", "postponed", "skipped"):
                css = f"color:{style.hex_('muted')}; text-decoration: line-through;"
            if s.warnings:
                text = "⚠ " + text
                css += f"color:{style.hex_('error')};"
            lines.append(f"<span style='{css}'>{escape(text)}</span>")
        return "".join(parts) + ("<br>" + "<br>".join(lines) if lines else "")

    # --- the chosen day ------------------------------------------------------------
    def _position(self, day: date) -> tuple[int, int] | None:
        if self.view is None:
            return None
        for r, week in enumerate(self.view.weeks):
            for c, cell in enumerate(week):
                if cell.day == day:
                    return r, c
        return None

    def cell(self, day: date):
        found = self._position(day)
        return None if found is None else self.view.weeks[found[0]][found[1]]

    def select_day(self, day: date) -> None:
        self.selected = day
        found = self._position(day)
        if found is not None and (self.grid.currentRow(), self.grid.currentColumn()) != found:
            self.grid.setCurrentCell(*found)
        self._show_day(day)

    def _cell_changed(self, row: int, column: int, *_):
        if self.view is None or row < 0 or column < 0 or row >= len(self.view.weeks):
            return
        self.selected = self.view.weeks[row][column].day
        self._show_day(self.selected)

    def _show_day(self, day: date) -> None:
        cell = self.cell(day)
        label = f" — {cell.label}" if cell and cell.label else ""
        self.day_title.setText(f"<b>{WEEKDAYS[day.weekday()]} {dmy(day)}</b>{escape(label)}")
        self.day_list.clear()
        for s in (cell.sessions if cell else ()):
            who = s.actual_host or s.host or ", ".join(s.officers)
            text = f"{MARKS[s.status]}{s.hours} · {SHORT_KINDS[s.kind]} · {who} · {s.status_label}"
            if s.warnings:
                text = "⚠ " + text
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, s.id)
            self.day_list.addItem(item)
        if self.day_list.count():
            self.day_list.setCurrentRow(0)
        else:
            self.detail.setHtml(f"<p>{self.tr('Không có buổi tiếp.')}</p>")
            self._enable_actions(None)

    def session(self) -> SessionRow | None:
        item = self.day_list.currentItem()
        cell = self.cell(self.selected)
        if item is None or cell is None:
            return None
        return next((s for s in cell.sessions if s.id == item.data(Qt.UserRole)), None)

    def _session_changed(self, *_):
        s = self.session()
        self._enable_actions(s)
        if s is not None:
            self.detail.setHtml(self._detail_html(s))

    def _enable_actions(self, s: SessionRow | None) -> None:
        planned = s is not None and s.status == "planned"
        hosted = s is not None and s.kind != "thuong_xuyen"
        self.buttons["day"].setEnabled(hosted and s.status in ("planned", "held"))
        self.buttons["held"].setEnabled(planned)
        for name in ("move", "postpone", "cancel"):
            self.buttons[name].setEnabled(planned)
        self.buttons["notice"].setEnabled(s is not None and s.status == "postponed")

    def _detail_html(self, s: SessionRow) -> str:
        rows = [(self.tr("Hình thức"), s.kind_label), (self.tr("Thời gian"),
                 f"{s.hours} {WEEKDAYS[s.day.weekday()].lower()} {dmy(s.day)}"),
                (self.tr("Tình trạng"), s.status_label + (f" — {s.status_reason}"
                                                           if s.status_reason else ""))]
        if s.host:
            rows.append((self.tr("Người chủ trì"), f"{s.host} ({s.host_position})"
                         if s.host_position else s.host))
        if s.actual_host and s.actual_host_id != s.host_id:
            rows.append((self.tr("Chủ trì thực tế"), s.actual_host))
        if s.officers:
            rows.append((self.tr("Cán bộ trực"), ", ".join(s.officers)))
        rows.append((self.tr("Địa điểm"), s.place))
        if s.participants:
            rows.append((self.tr("Thành phần"), "; ".join(s.participants)))
        if s.content:
            rows.append((self.tr("Nội dung dự kiến"), s.content))
        if s.reason:
            rows.append((self.tr("Lý do"), s.reason))
        if s.police_informed_at:
            rows.append((self.tr("Đã báo công an"),
                         f"{s.police_informed_at[11:16]} {dmy(date.fromisoformat(s.police_informed_at[:10]))}"
                         f" — {s.police_contact}"))
        if s.calendar_note:
            rows.append((self.tr("Ghi chú lịch"), s.calendar_note))
        if s.moved_from:
            rows.append((self.tr("Lịch cũ"), f"{s.moved_from[11:16]} "
                         f"{dmy(date.fromisoformat(s.moved_from[:10]))}"))
        rows.append((self.tr("Niêm yết"), dmy(date.fromisoformat(s.posted_on)) if s.posted_on
                     else self.tr("chưa")))
        html = "<table cellspacing=3>" + "".join(
            f"<tr><td valign=top><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in rows) + "</table>"
        if s.warnings:
            html += "".join(f"<p style='color:{style.hex_('error')}'>⚠ {escape(w.text)}</p>" for w in s.warnings)
        return html

    def _alert_chosen(self, item: QListWidgetItem) -> None:
        day = item.data(Qt.UserRole)
        if day:
            self.select_day(date.fromisoformat(day))

    # --- writing ------------------------------------------------------------------
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

    def _write(self, fn, done, dialog=None) -> None:
        def ok(result):
            if dialog is not None:
                dialog.accept()
            self.changed.emit()
            done(result)
            self.reload()

        def failed(error):
            if dialog is not None and isinstance(error, DeskError):
                dialog.show_error(error.message)
            else:
                self._failed(error)

        self.tasks.write(fn, ok, failed)

    def _head_chosen(self, *_):
        officer_id = self.head.currentData()
        if officer_id is None:
            return

        def job(db):
            from desk_app.core.schedule.hosts import set_head

            set_head(db, officer_id)

        self._write(job, lambda _: self.show_ok(self.tr("Đã chọn Chủ tịch.")))

    def ask_add(self):
        from desk_app.gui.dialogs.session_form import SessionDialog

        dialog = SessionDialog(self.officers, max(self.selected, date.today()), self.head_id, self)
        dialog.submitted.connect(lambda form: self.save_form(form, dialog))
        dialog.open()
        return dialog

    def save_form(self, form, dialog=None) -> None:
        from desk_app.core.schedule.model import SeriesForm

        def job(db):
            from desk_app.core.schedule.sessions import add_series, add_session

            now = datetime.now()
            return add_series(db, form, now) if isinstance(form, SeriesForm) \
                else add_session(db, form, now)

        first = form.first_day if isinstance(form, SeriesForm) else form.starts_at.date()

        def saved(result):
            self.show_ok(self.tr("Đã lưu %n buổi tiếp.", "", len(result.session_ids)))
            self.year, self.month, self.selected = first.year, first.month, first

        self._write(job, saved, dialog)

    def replan(self) -> None:
        def job(db):
            from desk_app.core.schedule.sessions import replan_series

            return replan_series(db, datetime.now())

        self._write(job, lambda moved: self.show_ok(
            self.tr("Đã xếp lại %n buổi tiếp theo lịch ngày nghỉ.", "", moved)))

    def session_action(self, name: str):
        s = self.session()
        if s is None:
            return None
        if name == "day":
            self.open_reception_day()
            return None
        if name == "notice":
            return self.print_postponement(s.id)
        from desk_app.gui.dialogs.session_form import ChangeDialog

        dialog = ChangeDialog(name, s.starts_at, s.ends_at, self.officers, s.host_id, self)
        dialog.submitted.connect(lambda values: self.change(name, s.id, values, dialog))
        dialog.open()
        return dialog

    def change(self, name: str, session_id: int, values: dict, dialog=None) -> None:
        def job(db):
            from desk_app.core.schedule import sessions

            now = datetime.now()
            if name == "move":
                return sessions.move_session(db, session_id, values["starts_at"],
                                             values["ends_at"], values["reason"], now)
            if name == "postpone":
                return sessions.postpone_session(db, session_id, values["starts_at"],
                                                 values["ends_at"], values["reason"], now)
            if name == "cancel":
                return sessions.cancel_session(db, session_id, values["reason"], now)
            return sessions.record_held(db, session_id, values["host_id"], now)

        done = {"move": self.tr("Đã dời giờ buổi tiếp."),
                "postpone": self.tr("Đã hoãn buổi tiếp; hãy in thông báo hoãn để niêm yết."),
                "cancel": self.tr("Đã hủy buổi tiếp."), "held": self.tr("Đã ghi buổi tiếp.")}
        self._write(job, lambda _: self.show_ok(done[name]), dialog)

    def open_reception_day(self) -> None:
        s = self.session()
        if s is not None and s.kind != "thuong_xuyen":
            self.open_day.emit(s.id)

    # --- public papers --------------------------------------------------------------
    def _show_pdf(self, pdf: bytes, title: str, file_name: str) -> None:
        from desk_app.gui.printing import show_document

        show_document(self, pdf, title, file_name)

    def print_posting(self) -> None:
        year, month = self.year, self.month

        def job(db):
            from desk_app.core.schedule.public import issue_schedule_notice, month_period

            return issue_schedule_notice(db, month_period(year, month), datetime.now())

        def done(posted):
            self.show_ok(self.tr("Thông báo lịch tiếp số %1%2.").replace(
                "%1", posted.issued.number).replace("%2", self.tr(" (bản sao)")
                                                    if posted.copy else ""))
            self._show_pdf(posted.issued.pdf, self.tr("Thông báo lịch tiếp công dân"),
                           f"lich-tiep-cong-dan-{year}-{month:02d}.pdf")

        self._write(job, done)

    def print_postponement(self, session_id: int) -> None:
        def job(db):
            from desk_app.core.schedule.public import issue_postponement_notice

            return issue_postponement_notice(db, session_id, datetime.now())

        self._write(job, lambda result: self._show_pdf(
            result[0].pdf, self.tr("Thông báo hoãn buổi tiếp công dân"),
            f"thong-bao-hoan-{session_id}.pdf"))

    def ask_export(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Xuất lịch tiếp công dân"),
                f"lich-tiep-cong-dan-{self.year}-{self.month:02d}.html",
                self.tr("Trang web (*.html);;Lịch (*.ics)"))
            if not path:
                return
        year, month = self.year, self.month

        def job(db):
            from desk_app.core.schedule.public import export_schedule, month_period

            if Path(path).suffix.lower() == ".pdf":
                raise DeskError(self.tr("Hãy dùng “In lịch niêm yết” để in thông báo."))
            return export_schedule(db, month_period(year, month), path)

        self.tasks.read(job, lambda done: self.show_ok(
            self.tr("Đã xuất %1 buổi tiếp ra %2.").replace("%1", str(done["sessions"]))
            .replace("%2", done["out"])), self._failed)
