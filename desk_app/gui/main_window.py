"""The main window: intake and log side by side as tabs, one search box, who is at the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.storage.office import Office, Officer, add_officer
from desk_app.gui.pages.intake import IntakePage
from desk_app.gui.pages.log import LogPage


class MainWindow(QMainWindow):
    def __init__(self, tasks, reader_db, office: Office, officers: list[Officer]):
        super().__init__()
        self.tasks = tasks
        self.office = office
        self.setWindowTitle(self.tr("Bàn tiếp dân — %1").replace("%1", office.name))
        self.resize(1360, 860)

        toolbar = QToolBar(self.tr("Thanh công cụ"), self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(self.tr(" Cán bộ tiếp: ")))
        self.officer = QComboBox(self)
        for officer in officers:
            self.officer.addItem(officer.full_name, officer.id)
        toolbar.addWidget(self.officer)
        toolbar.addAction(self.tr("Thêm cán bộ…"), self.ask_new_officer)
        toolbar.addAction(self.tr("Cài đặt…"), self.open_settings)
        toolbar.addSeparator()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Tìm tên, số căn cước, địa chỉ, nội dung… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        self.search.returnPressed.connect(self.run_search)
        toolbar.addWidget(self.search)
        focus_search = QAction(self)
        focus_search.setShortcut(QKeySequence.Find)
        focus_search.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(focus_search)

        self.intake = IntakePage(tasks, office, officers, self)
        self.log = LogPage(tasks, reader_db, officers, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.intake, self.tr("Tiếp công dân"))
        self.tabs.addTab(self.log, self.tr("Sổ tiếp công dân"))
        # The case page is built when first shown: start-up stays within 2x a bare window.
        self._reader_db = reader_db
        self.cases = None  # CasesPage
        self._cases_holder = QWidget(self)
        QVBoxLayout(self._cases_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._cases_holder, self.tr("Theo dõi vụ việc"))
        # The schedule page too (core/schedule): built when first shown.
        self._officers = officers
        self.schedule = None  # SchedulePage
        self._schedule_holder = QWidget(self)
        QVBoxLayout(self._schedule_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._schedule_holder, self.tr("Lịch tiếp công dân"))
        self.day_windows: dict[int, object] = {}
        self.setCentralWidget(self.tabs)
        self.case_windows: dict[int, object] = {}

        # A saved visit's lines are placed in the log shown; a case step or an attached
        # petition changes what lines show, not which (docs/log.md).
        self.intake.saved.connect(
            lambda result: (self.log.lines_added(result.petition_ids), self._cases_stale()))
        self.intake.attached.connect(lambda _: (self.log.rows_changed(), self._cases_stale()))
        self.intake.open_case.connect(self.open_case)
        self.intake.open_record.connect(self.open_record)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.log.open_record.connect(self.open_record)
        self.log.open_case.connect(self.open_case)
        self.log.changed.connect(self._cases_stale)
        self.officer.currentIndexChanged.connect(self._officer_changed)
        self._officer_changed()
        status = QLabel(f"{office.name} · {office.commune_name}, {office.province_name}", self)
        self.statusBar().addPermanentWidget(status)
        # The log loads when first looked at, or once the desk is idle: start-up stays quick.
        QTimer.singleShot(1500, self.log.ensure_loaded)
        QTimer.singleShot(800, self._warm_up)
        # Which session is under way: the intake files visits under it (checked each minute).
        self._session_timer = QTimer(self, interval=60_000)
        self._session_timer.timeout.connect(self.refresh_current_session)
        self._session_timer.start()
        QTimer.singleShot(1200, self.refresh_current_session)

    def _warm_up(self) -> None:
        def job(db):
            from desk_app.core.cases.tracking import warm_up

            warm_up(db)

        self.tasks.write(job, lambda _: None, lambda _e: None)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.log:
            self.log.ensure_loaded()
        elif page is self._cases_holder:
            self.cases_page().ensure_loaded()
        elif page is self._schedule_holder:
            self.schedule_page().ensure_loaded()

    def cases_page(self):
        if self.cases is None:
            from desk_app.gui.pages.cases import CasesPage

            self.cases = CasesPage(self.tasks, self._reader_db, self._cases_holder)
            self.cases.current_officer_id = self.officer.currentData()
            self.cases.open_case.connect(self.open_case)
            self._cases_holder.layout().addWidget(self.cases)
        return self.cases

    def schedule_page(self):
        if self.schedule is None:
            from desk_app.gui.pages.schedule import SchedulePage

            self.schedule = SchedulePage(self.tasks, self._officers, self._schedule_holder)
            self.schedule.open_day.connect(self.open_reception_day)
            self.schedule.changed.connect(self.refresh_current_session)
            self._schedule_holder.layout().addWidget(self.schedule)
        return self.schedule

    def show_schedule(self):
        self.tabs.setCurrentWidget(self._schedule_holder)
        return self.schedule_page()

    def open_reception_day(self, session_id: int):
        """The chairperson's screen for one session; opening it again brings it to the front."""
        from desk_app.gui.pages.reception_day import ReceptionDayDialog

        window = self.day_windows.get(session_id)
        if window is None:
            window = ReceptionDayDialog(self.tasks, session_id, self._officers, self)
            window.open_case.connect(self.open_case)
            window.take_visits.connect(self.take_visits_in)
            window.changed.connect(lambda _: (self._cases_stale(),
                                              self.schedule and self.schedule.mark_stale()))
            window.finished.connect(lambda _: self.day_windows.pop(session_id, None))
            self.day_windows[session_id] = window
        window.show()
        window.raise_()
        return window

    def take_visits_in(self, session_id: int, kind: str, day) -> None:
        self._session_by_clock = False  # chosen by hand: the clock does not take it back
        self.set_intake_session(session_id, kind, day)
        self.tabs.setCurrentWidget(self.intake)

    def refresh_current_session(self) -> None:
        def job(db):
            from datetime import datetime

            from desk_app.core.schedule.sessions import current_session

            return current_session(db, datetime.now())

        def found(current):
            if current is None:
                if getattr(self, "_session_by_clock", True):
                    self.intake.set_session(None)
            else:
                from datetime import date

                self._session_by_clock = True
                self.set_intake_session(*current, date.today())

        self.tasks.read(job, found, lambda _e: None)

    def set_intake_session(self, session_id: int, kind: str, day) -> None:
        from desk_app.core.schedule.model import KINDS

        self.intake.set_session(session_id, kind, day,
                                f"{KINDS.get(kind, kind)} — {day:%d/%m/%Y} (#{session_id})")

    def show_cases(self):
        self.tabs.setCurrentWidget(self._cases_holder)
        return self.cases_page()

    def _cases_stale(self) -> None:
        if self.cases is not None:
            self.cases.mark_stale()

    def open_case(self, case_id: int):
        """One window per case; opening it again brings it to the front."""
        from desk_app.gui.dialogs.case import CaseDialog

        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseDialog(self.tasks, case_id, lambda: self.officer.currentData(), self)
            window.changed.connect(lambda _: (self._cases_stale(), self.log.rows_changed()))
            window.finished.connect(lambda _: self.case_windows.pop(case_id, None))
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        return window

    def _officer_changed(self, *_):
        officer_id = self.officer.currentData()
        self.intake.set_officer(officer_id)
        self.log.current_officer_id = officer_id
        if self.cases is not None:
            self.cases.current_officer_id = officer_id

    def open_settings(self):
        from desk_app.gui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.tasks, self)
        dialog.changed.connect(lambda: (self._cases_stale(), self.log.rows_changed(),
                                        self.schedule and self.schedule.mark_stale()))
        dialog.open()
        return dialog

    def ask_new_officer(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Thêm cán bộ tiếp công dân"),
                                        self.tr("Họ và tên cán bộ:"))
        if not ok or not name.strip():
            return
        position, _ = QInputDialog.getText(self, self.tr("Thêm cán bộ tiếp công dân"),
                                           self.tr("Chức vụ:"))
        self.add_officer(name, position)

    def add_officer(self, name: str, position: str = "") -> None:
        def added(officer_id: int) -> None:
            label = " ".join(name.split())
            self.officer.addItem(label, officer_id)
            self.intake.officer.addItem(label, str(officer_id))
            self.log.officer.addItem(label, officer_id)
            self.officer.setCurrentIndex(self.officer.count() - 1)

        self.tasks.write(lambda db: add_officer(db, name, position), added,
                         lambda e: self.intake.show_error(getattr(e, "message", str(e))))

    def run_search(self) -> None:
        self.tabs.setCurrentWidget(self.log)
        self.log.set_search(self.search.text())

    def open_record(self, petition_id: int) -> None:
        from desk_app.core.reception.records import petition_record
        from desk_app.gui.dialogs.record import RecordDialog

        revealed = petition_id in self.log.model.revealed

        def show(record) -> None:
            dialog = RecordDialog(record, self, tasks=self.tasks,
                                  officer=lambda: self.officer.currentData())
            dialog.changed.connect(lambda _: (self.log.mark_stale(), self._cases_stale()))
            dialog.open()

        self.tasks.read(lambda db: petition_record(db, petition_id, revealed), show)

    def closeEvent(self, event):  # noqa: N802
        self.tasks.shutdown()
        super().closeEvent(event)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key_F2:
            self.tabs.setCurrentWidget(self.intake)
            self.intake.qr.setFocus()
            return
        super().keyPressEvent(event)
