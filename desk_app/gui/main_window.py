"""The main window: intake, log, cases, the reception schedule, periodic reports and the
chairperson's overview as tabs, one search box, who
is at the desk, the reception session under way (checked each minute: the intake files
visits under it), and a menu bar that lists every action with its shortcut (gui/menus.py)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.storage.office import Office, Officer, add_officer
from desk_app.gui.menus import build_menus
from desk_app.gui.pages.intake import IntakePage
from desk_app.gui.pages.log import LogPage
from desk_app.gui.widgets.screen import available


class MainWindow(QMainWindow):
    def __init__(self, tasks, reader_db, office: Office, officers: list[Officer]):
        super().__init__()
        self.tasks = tasks
        self.office = office
        self.setObjectName("mainWindow")
        self._title()

        toolbar = QToolBar(self.tr("Thanh công cụ"), self)
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        officer_label = QLabel(self.tr(" Cán &bộ tiếp: "), self)
        toolbar.addWidget(officer_label)
        self.officer = QComboBox(self)
        self.officer.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        officer_label.setBuddy(self.officer)
        for officer in officers:
            self.officer.addItem(officer.full_name, officer.id)
        toolbar.addWidget(self.officer)
        toolbar.addSeparator()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Tìm tên, số căn cước, địa chỉ, nội dung… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.search.returnPressed.connect(self.run_search)
        toolbar.addWidget(self.search)

        self.intake = IntakePage(tasks, office, officers, self)
        self.log = LogPage(tasks, reader_db, officers, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.intake, self.tr("Tiếp công dân (F2)"))
        self.tabs.addTab(self.log, self.tr("Sổ tiếp công dân (F3)"))
        # The case page is built when first shown: start-up stays within 2x a bare window.
        self._reader_db = reader_db
        self.cases = None  # CasesPage
        self._cases_holder = QWidget(self)
        QVBoxLayout(self._cases_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._cases_holder, self.tr("Theo dõi vụ việc (F4)"))
        # The schedule page too (core/schedule): built when first shown.
        self._officers = officers
        self.schedule = None  # SchedulePage
        self._schedule_holder = QWidget(self)
        QVBoxLayout(self._schedule_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._schedule_holder, self.tr("Lịch tiếp công dân (F6)"))
        # Periodic reports and the chairperson's overview (core/reports): built when first
        # shown; the overview's chart library (Qt Charts) loads only then.
        self.reports = None  # ReportsPage
        self._reports_holder = QWidget(self)
        QVBoxLayout(self._reports_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._reports_holder, self.tr("Báo cáo định kỳ (F8)"))
        self.overview = None  # OverviewPage
        self._overview_holder = QWidget(self)
        QVBoxLayout(self._overview_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._overview_holder, self.tr("Tổng quan (F9)"))
        self.day_windows: dict[int, object] = {}
        self.setCentralWidget(self.tabs)
        self.case_windows: dict[int, object] = {}
        self.menu_actions = build_menus(self)

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
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self._status()
        self._tab_changed(0)
        self.place()
        # The log loads when first looked at, or once the desk is idle: start-up stays quick.
        QTimer.singleShot(1500, self.log.ensure_loaded)
        QTimer.singleShot(800, self._warm_up)
        # Which session is under way: the intake files visits under it (checked each minute).
        self._session_timer = QTimer(self, interval=60_000)
        self._session_timer.timeout.connect(self.refresh_current_session)
        self._session_timer.start()
        QTimer.singleShot(1200, self.refresh_current_session)

    def _title(self) -> None:
        self.setWindowTitle(self.tr("Bàn tiếp dân — %1").replace("%1", self.office.name))

    def _status(self) -> None:
        self.status.setText(f"{self.office.name} · {self.office.commune_name}, "
                            f"{self.office.province_name}")

    # --- size and place ------------------------------------------------------------
    def place(self) -> None:
        """The size the user left it at, if it still fits this screen; else the whole
        available area (shown maximised by the caller)."""
        area = available(self)
        saved = QSettings().value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            frame = self.frameGeometry()
            if area.contains(frame):
                self.maximised = bool(QSettings().value("window/maximised", False, type=bool))
                return
        self.setGeometry(area)
        self.maximised = True

    def show_placed(self) -> None:
        if getattr(self, "maximised", True):
            self.showMaximized()
        else:
            self.show()

    def _warm_up(self) -> None:
        def job(db):
            from desk_app.core.cases.tracking import warm_up

            warm_up(db)

        self.tasks.write(job, lambda _: None, lambda _e: None)

    # --- pages ---------------------------------------------------------------------
    def current_page(self):
        page = self.tabs.currentWidget()
        holders = {self._cases_holder: self.cases, self._schedule_holder: self.schedule,
                   self._reports_holder: self.reports, self._overview_holder: self.overview}
        return holders.get(page, page)

    def help_topic(self) -> str:
        page = self.tabs.currentWidget()
        return {self.intake: "intake", self.log: "log", self._schedule_holder: "schedule",
                self._reports_holder: "reports",
                self._overview_holder: "overview"}.get(page, "cases")

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.log:
            self.log.ensure_loaded()
        elif page is self._cases_holder:
            self.cases_page().ensure_loaded()
        elif page is self._schedule_holder:
            self.schedule_page().ensure_loaded()
        elif page is self._reports_holder:
            self.reports_page().ensure_loaded()
        elif page is self._overview_holder:
            self.overview_page().ensure_loaded()
        on_intake = page is self.intake
        for name in ("save", "print_receipt"):
            if name in getattr(self, "menu_actions", {}):
                self.menu_actions[name].setEnabled(on_intake)

    def show_page(self, name: str):
        if name == "intake":
            self.tabs.setCurrentWidget(self.intake)
            self.intake.qr.setFocus()
            return self.intake
        if name == "log":
            self.tabs.setCurrentWidget(self.log)
            self.log.view.setFocus()
            return self.log
        if name == "schedule":
            page = self.show_schedule()
            page.grid.setFocus()
            return page
        if name == "reports":
            page = self.show_reports()
            page.kind.setFocus()
            return page
        if name == "overview":
            page = self.show_overview()
            page.setFocus()
            return page
        return self.show_cases()

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

    def reports_page(self):
        if self.reports is None:
            from desk_app.gui.pages.reports import ReportsPage

            self.reports = ReportsPage(self.tasks, self._reports_holder)
            self.reports.open_case.connect(self.open_case)
            self.reports.open_record.connect(self.open_record)
            self._reports_holder.layout().addWidget(self.reports)
        return self.reports

    def show_reports(self):
        self.tabs.setCurrentWidget(self._reports_holder)
        return self.reports_page()

    def overview_page(self):
        if self.overview is None:
            from desk_app.gui.pages.overview import OverviewPage

            self.overview = OverviewPage(self.tasks, self._overview_holder)
            self.overview.open_case.connect(self.open_case)
            self.overview.open_record.connect(self.open_record)
            self._overview_holder.layout().addWidget(self.overview)
        return self.overview

    def show_overview(self):
        self.tabs.setCurrentWidget(self._overview_holder)
        return self.overview_page()

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

    def open_current_day(self):
        """F7: the reception-day window of the head's session chosen on the schedule page, or
        else of the one under way now; without either, the schedule to choose from."""
        chosen = self.schedule.session() if self.current_page() is self.schedule else None
        if chosen is not None and chosen.kind != "thuong_xuyen":
            return self.open_reception_day(chosen.id)

        def job(db):
            from datetime import datetime

            from desk_app.core.schedule.sessions import current_session

            return current_session(db, datetime.now())

        def found(current) -> None:
            if current is not None and current[1] != "thuong_xuyen":
                self.open_reception_day(current[0])
                return
            self.show_page("schedule").show_error(self.tr(
                "Không có buổi tiếp công dân của lãnh đạo đang diễn ra. Hãy chọn buổi tiếp trong "
                "lịch rồi bấm “Ngày tiếp công dân…”."))

        self.tasks.read(job, found, lambda _e: None)
        return None

    def set_intake_session(self, session_id: int, kind: str, day) -> None:
        from desk_app.core.schedule.model import KINDS

        self.intake.set_session(session_id, kind, day,
                                f"{KINDS.get(kind, kind)} — {day:%d/%m/%Y} (#{session_id})")

    def show_cases(self):
        self.tabs.setCurrentWidget(self._cases_holder)
        return self.cases_page()

    def refresh(self) -> None:
        page = self.current_page()
        if page is not None and hasattr(page, "reload"):
            page.reload()

    def _cases_stale(self) -> None:
        if self.cases is not None:
            self.cases.mark_stale()
        if self.overview is not None:
            self.overview.mark_stale()

    # --- intake actions (the menu's Ctrl+N, Ctrl+S, Ctrl+P) -----------------------------
    def new_visit(self) -> None:
        self.tabs.setCurrentWidget(self.intake)
        self.intake.new_visit()

    def save_visit(self) -> None:
        if self.current_page() is self.intake:
            self.intake.save()

    def print_receipt(self) -> None:
        if self.current_page() is self.intake:
            self.intake.print_last()

    def export_log(self) -> None:
        self.show_page("log")
        self.log.ask_export()

    # --- windows ---------------------------------------------------------------------
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

    def set_user(self, user, folder, idle_minutes: float = 0) -> None:
        """The signed-in account: its officer is the one recorded (the core enforces it too);
        only an administrator or a leader may pick another officer (entering what a colleague
        did on paper). An idle lock covers the window after `idle_minutes` (0: none)."""
        from desk_app.core.security.roles import ROLE_LABELS, Permission, can

        self.user = user
        if user.officer_id is not None:
            index = self.officer.findData(user.officer_id)
            if index >= 0:
                self.officer.setCurrentIndex(index)
        self.officer.setEnabled(can(user.role, Permission.SETTINGS))
        from desk_app.core.security.roles import may_reveal_some

        self.intake.known.reveal.setVisible(may_reveal_some(user.role))
        self.signed_in = QLabel(self.tr("Đăng nhập: %1 (%2)").replace("%1", user.username)
                                .replace("%2", ROLE_LABELS[user.role]), self)
        self.signed_in.setObjectName("signedIn")
        self.statusBar().addWidget(self.signed_in)
        self.idle_lock = None
        if idle_minutes > 0:
            from desk_app.gui.dialogs.login import IdleLock

            self.idle_lock = IdleLock(self, folder, user.username, idle_minutes)

    def start_security_jobs(self, folder) -> None:
        """The cheap check (audit chain, links, last backup) off the GUI thread, the backup
        reminder, and an automatic backup every few hours when data changed."""
        from desk_app.core.security import backups, check

        self._data_folder = folder

        def checked(lines) -> None:
            problems = [line.text for line in lines if not line.ok]
            if problems:
                self.statusBar().showMessage(" ".join(problems))

        self.tasks.read(lambda db: check.run(db, full=False), checked, lambda e: None)
        self._backup_timer = QTimer(self, interval=int(backups.AUTO_HOURS * 3600_000))
        self._backup_timer.timeout.connect(self.auto_backup)
        self._backup_timer.start()

    def auto_backup(self) -> None:
        from desk_app.core.security.backups import auto_backup

        self.tasks.write(auto_backup, None, lambda e: None)

    def open_backups(self):
        from desk_app.core.security.roles import Permission, can
        from desk_app.gui.dialogs.backups import BackupDialog

        user = getattr(self, "user", None)
        folder = getattr(self, "_data_folder", None) or self.tasks.db_path.parent
        dialog = BackupDialog(self.tasks, folder, parent=self,
                              may_restore=user is None or can(user.role, Permission.RESTORE))
        dialog.restore_requested.connect(self.restore_from)
        dialog.open()
        return dialog

    def restore_from(self, path) -> None:
        """Every connection of the window is closed first; the app then closes (the officer
        opens it again and signs in to the restored data)."""
        from desk_app.core.errors import DeskError
        from desk_app.core.opening import open_db
        from desk_app.core.security.backups import restore

        self.tasks.shutdown()
        db_path = self.tasks.db_path
        try:
            restore(open_db(db_path, create=False), path,
                    lambda p: open_db(p, create=False))
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Khôi phục dữ liệu"), exc.message)
        else:
            QMessageBox.information(self, self.tr("Khôi phục dữ liệu"), self.tr(
                "Đã khôi phục. Ứng dụng sẽ đóng; hãy mở lại và đăng nhập."))
        self._asked = True
        self.close()

    def lock_now(self) -> None:
        if getattr(self, "idle_lock", None) is not None:
            self.idle_lock.lock()

    def _officer_changed(self, *_):
        officer_id = self.officer.currentData()
        self.intake.set_officer(officer_id)
        self.log.current_officer_id = officer_id
        if self.cases is not None:
            self.cases.current_officer_id = officer_id

    def open_settings(self):
        # The office's own details: only a role that may change settings (administrator,
        # leader; docs/security.md).
        from desk_app.core.security.roles import Permission, can
        from desk_app.gui.dialogs.settings import SettingsDialog

        user = getattr(self, "user", None)
        dialog = SettingsDialog(self.tasks, self, office_admin=user is None or can(
            user.role, Permission.SETTINGS))
        dialog.changed.connect(lambda: (self._cases_stale(), self.log.rows_changed(),
                                        self.schedule and self.schedule.mark_stale()))
        dialog.office_changed.connect(self._office_changed)
        dialog.open()
        return dialog

    def _office_changed(self, office) -> None:
        if office is not None:
            self.office = office
            self.intake.office = office
            self._title()
            self._status()

    def open_bundle(self):
        """Gửi dữ liệu lên tỉnh: keys, bundles, acknowledgements (docs/bundle.md)."""
        from desk_app.gui.pages.bundle import BundleDialog

        dialog = BundleDialog(self.tasks, self)
        dialog.open()
        return dialog

    def open_help(self, topic: str | None = None):
        from desk_app.gui.help import show_help  # on F1: start-up stays quick

        return show_help(self, topic or self.help_topic())

    def open_about(self):
        from desk_app.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.tasks.db_path.parent, self)
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
            # Later schedule forms and reception-day windows offer the new officer too.
            officer = Officer(officer_id, label, " ".join(position.split()), True)
            self._officers.append(officer)
            if self.schedule is not None:
                self.schedule.officers.append(officer)
                self.schedule.head.addItem(label, officer_id)

        self.tasks.write(lambda db: add_officer(db, name, position), added,
                         lambda e: self.intake.show_error(getattr(e, "message", str(e))))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

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

    def may_close(self) -> bool:
        """A visitor's details typed and not recorded are not lost without a question."""
        if self.intake.is_blank():
            return True
        answer = QMessageBox.question(
            self, self.tr("Thoát"),
            self.tr("Biểu mẫu tiếp công dân có thông tin chưa ghi sổ. Vẫn thoát?"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def quit(self) -> None:
        if self.may_close():
            self._asked = True
            self.close()

    def closeEvent(self, event):  # noqa: N802
        # The window's X (a spontaneous close) asks too; Ctrl+Q has asked already.
        if event.spontaneous() and not getattr(self, "_asked", False) and not self.may_close():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/maximised", self.isMaximized())
        if not self.tasks.closed and getattr(self, "_data_folder", None) is not None:
            from desk_app.core.security.backups import auto_backup

            self.tasks.write(auto_backup, None, lambda e: None)  # at close, if data changed
        self.tasks.shutdown()
        super().closeEvent(event)
