"""Start the GUI: logging, translators, the look, the database, first run or demo, the main
window.

DESK_APP_EXIT_AFTER_SHOWN=1 makes a smoke start: the app quits as soon as its main window
has been shown (CI and the start-up benchmarks use it; a frozen build is checked the same
way)."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desk_app import paths
from desk_app.core.errors import DeskError
from desk_app.core.storage.db import open_current
from desk_app.core.storage.office import get_office, officers

log = logging.getLogger("desk_app")
DEMO_VISITS = 20_000


def _setup_logging() -> None:
    handler = logging.FileHandler(paths.log_dir() / "desk_app.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Vietnamese is the source language; Qt's own strings (OK, Cancel, …) come from our qt_vi."""
    language = language or os.environ.get("DESK_APP_LANG", "vi")
    i18n = paths.resources_dir() / "i18n"
    installed = []
    candidates = [(i18n, f"qt_{language}")]
    if language != "vi":
        candidates += [(Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)), f"qtbase_{language}"),
                       (i18n, f"desk_app_{language}")]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam) if language == "vi"
                       else QLocale(language))
    return installed


def _wait(dialog: QProgressDialog, future, state: list | None = None) -> None:
    """Keep the window alive (and the bar moving) while a worker thread does the job."""
    while not future.done():
        if state is not None and state[1]:
            dialog.setMaximum(state[1])
            dialog.setValue(min(state[0], state[1]))
            if state[2]:
                dialog.setLabelText(state[2])
        QApplication.processEvents()
        time.sleep(0.03)


def _fill_demo(db) -> bool:
    """Generate the demo office behind a progress bar; False if the officer cancelled (the
    visits are rolled back; the caller removes the half-made demo database)."""
    from concurrent.futures import ThreadPoolExecutor

    from desk_app.core.demo.generate import generate
    from desk_app.core.errors import Cancelled

    translate = QCoreApplication.translate
    stages = {"visits": translate("Demo", "Đang tạo cơ quan mẫu với %1 lượt tiếp sinh sẵn…")
              .replace("%1", f"{DEMO_VISITS:,}".replace(",", ".")),
              "index": translate("Demo", "Đang lập chỉ mục tìm kiếm…"),
              "milestones": translate("Demo", "Đang tính thời hạn của các vụ việc…")}
    dialog = QProgressDialog(stages["visits"], translate("Demo", "&Hủy"), 0, 0)
    dialog.setWindowTitle(translate("Demo", "Bàn tiếp dân — lần đầu mở cơ quan mẫu"))
    dialog.setWindowModality(Qt.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    state = [0, 0, ""]  # done, total, stage label: written by the worker, read here
    cancel = threading.Event()
    dialog.canceled.connect(cancel.set)

    def progress(done: int, total: int) -> None:
        state[0], state[1] = done, total
        if cancel.is_set():
            raise Cancelled

    def stage(name: str) -> None:
        state[2] = stages.get(name, "")
        if cancel.is_set():
            raise Cancelled

    with ThreadPoolExecutor(1) as pool:  # the connection may be used from any thread
        future = pool.submit(generate, db, DEMO_VISITS, seed=2026, progress=progress,
                             stage=stage)
        _wait(dialog, future, state)
    dialog.close()
    try:
        future.result()
    except Cancelled:
        return False
    return True


def _open_with_progress(db_path: Path):
    """Open the database; an upgrade (backup, new steps, reindex) runs with a busy dialog."""
    from desk_app.core.opening import open_db
    from desk_app.core.storage.db import changed_since_clean_close, needs_upgrade

    # After a crash (or a copy by hand) the whole file is checked first: seconds for a
    # large office, so the officer sees why the start takes longer.
    checking = db_path.is_file() and changed_since_clean_close(db_path)
    upgrading = needs_upgrade(db_path)
    if not upgrading and not checking:
        return open_db(db_path)
    from concurrent.futures import ThreadPoolExecutor

    translate = QCoreApplication.translate
    text = (translate("Startup", "Đang sao lưu và nâng cấp dữ liệu lên phiên bản mới…\n"
                                 "Không tắt máy trong lúc này.")
            if upgrading else
            translate("Startup", "Ứng dụng chưa được đóng bình thường lần trước: đang kiểm tra "
                                 "tệp dữ liệu…"))
    dialog = QProgressDialog(text, None, 0, 0)
    dialog.setWindowTitle("Bàn tiếp dân")
    dialog.setMinimumDuration(0)
    dialog.show()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(open_db, db_path)  # its connection may be used from any thread
        _wait(dialog, future)
        dialog.close()
        return future.result()


def _empty(db) -> bool:
    return db.execute("SELECT 1 FROM visits LIMIT 1").fetchone() is None


def _first_run(db) -> bool:
    from desk_app.gui.dialogs.first_run import FirstRunDialog  # only on a new data folder

    return FirstRunDialog(db).exec() == FirstRunDialog.Accepted


def _remove_database(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def _is_province(db_path: Path) -> bool:
    """A province office (docs/bundle.md), read through the keyed opening after sign-in."""
    from desk_app.core.storage.db import open_reader

    conn = open_reader(db_path)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'office_mode'").fetchone()
    finally:
        conn.close()
    return bool(row) and row[0] == "province"


def _sign_in(db_path: Path, demo: bool) -> bool:
    """Unlock the office before anything reads it (docs/security.md): the login screen; on a
    new folder the first-run dialog that creates the administrator (then the recovery code,
    shown once); an office from an earlier version is encrypted first. A demo office signs
    in as its demo administrator. False if the officer gave up."""
    from desk_app.core.storage import keys

    folder = db_path.parent
    if keys.unlocked(folder) is not None:
        return True  # already signed in in this process (a test, a lock screen)
    if demo:
        from desk_app.cli_security import DEMO_PASSWORD, DEMO_USER
        from desk_app.core import access

        if keys.has_keyring(folder):
            access.sign_in(folder, DEMO_USER, DEMO_PASSWORD)[0].close()
        elif not (db_path.is_file() and db_path.stat().st_size > 0):
            access.set_up_demo(folder, DEMO_USER, DEMO_PASSWORD).close()
        return True
    if keys.has_keyring(folder):
        from desk_app.gui.dialogs.login import LoginDialog

        dialog = LoginDialog(folder)
    elif db_path.is_symlink() or db_path.exists():
        from desk_app.core.opening import open_db
        from desk_app.core.security.encrypt import needs_encryption
        from desk_app.gui.dialogs.first_run import EncryptOfficeDialog

        open_db(db_path, create=False, migrate=False).close()  # a damaged file: its sentence
        if not needs_encryption(folder):
            return True
        dialog = EncryptOfficeDialog(folder)
    else:
        from desk_app.gui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(folder=folder)
    if os.environ.get("DESK_APP_EXIT_AFTER_SHOWN"):
        # A smoke start of a locked office: the login screen is its usable window.
        QTimer.singleShot(0, dialog.reject)
    from PySide6.QtWidgets import QDialog

    if dialog.exec() != QDialog.Accepted:
        return False
    done = getattr(dialog, "setup", None)
    opened = done.db if done is not None else getattr(dialog, "db", None)
    if opened is not None:
        opened.close()
    if done is not None and done.recovery_code:
        from desk_app.gui.dialogs.login import RecoveryCodeDialog

        RecoveryCodeDialog(done.recovery_code).exec()
    return True


def build_window(db_path: Path, demo: bool = False):
    """Sign in, open the database and return the main window, or None if the user cancelled
    signing in or setup."""
    if not _sign_in(db_path, demo):  # the login screen first: nothing heavy imported before
        return None
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.tasks import Tasks

    # The usual start: a current database with its office, read with plain sqlite3; the
    # worker threads open their own connections (and import sqlite-utils) after the window shows.
    conn = open_current(db_path)
    try:
        office = get_office(conn) if conn else None
        staff = officers(conn) if office else []
        if demo and office is not None and _empty(conn):
            office = None  # a first demo start that was stopped half way: generate again
    finally:
        if conn:
            conn.close()
    if office is None:
        db = _open_with_progress(db_path)
        try:
            if get_office(db) is None or (demo and _empty(db)):
                if demo:
                    if not _fill_demo(db):
                        db.close()
                        _remove_database(db_path)  # a demo folder: nothing of value in it
                        return None
                    from desk_app.core.access import link_demo_admin

                    link_demo_admin(db)
                elif not _first_run(db):
                    return None
            office = get_office(db)
            staff = officers(db)
        finally:
            db.close()
    tasks = Tasks(db_path)
    if _is_province(db_path):  # a province office: import and consolidation, no intake
        from desk_app.gui.pages.province import ProvinceWindow

        return ProvinceWindow(tasks, office)

    def reader():
        from desk_app.core.storage.db import open_reader

        return open_reader(db_path)

    window = MainWindow(tasks, reader, office, staff)
    from desk_app.core.security import session

    user = session.user_of_folder(db_path.parent)
    if user is not None:
        window.set_user(user, db_path.parent, _idle_minutes())
        window.start_security_jobs(db_path.parent)
    return window


IDLE_LOCK_ENV = "DESK_APP_IDLE_LOCK_MINUTES"
IDLE_LOCK_MINUTES = 10.0  # docs/security.md: a shared PC left on at the desk


def _idle_minutes() -> float:
    """The idle lock's delay: DESK_APP_IDLE_LOCK_MINUTES (0 turns it off), else 10 minutes."""
    try:
        return float(os.environ.get(IDLE_LOCK_ENV, IDLE_LOCK_MINUTES))
    except ValueError:
        return IDLE_LOCK_MINUTES


def run(data_dir: str | None = None, demo: bool = False) -> int:
    from desk_app.core.storage.files import private_umask

    private_umask()  # the database, backups, exports and logs: owner-only
    _setup_logging()
    # Qt's own file dialogs everywhere: translated to Vietnamese by resources/i18n/qt_vi,
    # where a native one follows the system's language (often English at an office).
    QCoreApplication.setAttribute(Qt.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Bàn tiếp dân")
    app.setOrganizationName("BanTiepDan")
    from desk_app.gui.collector import GuiThreadCollector

    GuiThreadCollector(app)
    if os.environ.get("DESK_APP_THEME"):
        from desk_app.gui.theme import apply_theme

        apply_theme(app)
    install_translators(app)
    from desk_app.gui.dialogs.error import install_excepthook

    window = None
    install_excepthook(lambda: window)
    try:
        window = build_window(paths.db_path(data_dir), demo)
    except DeskError as exc:
        QMessageBox.critical(None, "Bàn tiếp dân", exc.message)
        return 1
    if window is None:
        return 0
    window.show_placed()
    if os.environ.get("DESK_APP_EXIT_AFTER_SHOWN"):
        QTimer.singleShot(0, app.quit)
    return app.exec()
