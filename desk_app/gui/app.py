"""Start the GUI: logging, translators, the database, first run or demo, the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
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


def _fill_demo(db) -> None:
    from desk_app.core.demo.generate import generate

    dialog = QProgressDialog("Đang tạo cơ quan mẫu với dữ liệu sinh sẵn…", None, 0, DEMO_VISITS)
    dialog.setWindowTitle("Bàn tiếp dân")
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        dialog.setValue(done)
        QApplication.processEvents()

    generate(db, DEMO_VISITS, seed=2026, progress=progress)
    dialog.close()


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

    text = ("Đang sao lưu và nâng cấp dữ liệu lên phiên bản mới…\nKhông tắt máy trong lúc này."
            if upgrading else
            "Ứng dụng chưa được đóng bình thường lần trước: đang kiểm tra tệp dữ liệu…")
    dialog = QProgressDialog(text, None, 0, 0)
    dialog.setWindowTitle("Bàn tiếp dân")
    dialog.setMinimumDuration(0)
    dialog.show()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(open_db, db_path)  # its connection may be used from any thread
        while not future.done():
            QApplication.processEvents()
            time.sleep(0.02)
        dialog.close()
        return future.result()


def build_window(db_path: Path, demo: bool = False):
    """Open the database and return the main window, or None if the user cancelled setup."""
    from desk_app.gui.dialogs.first_run import FirstRunDialog
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.tasks import Tasks

    # The usual start: a current database with its office, read with plain sqlite3; the
    # worker threads open their own connections (and import sqlite-utils) after the window shows.
    conn = open_current(db_path)
    try:
        office = get_office(conn) if conn else None
        staff = officers(conn) if office else []
    finally:
        if conn:
            conn.close()
    if office is None:
        db = _open_with_progress(db_path)
        try:
            if get_office(db) is None:
                if demo:
                    _fill_demo(db)
                elif FirstRunDialog(db).exec() != FirstRunDialog.Accepted:
                    return None
            office = get_office(db)
            staff = officers(db)
        finally:
            db.close()
    tasks = Tasks(db_path)

    def reader():
        from desk_app.core.storage.db import open_reader

        return open_reader(db_path)

    return MainWindow(tasks, reader, office, staff)


def run(data_dir: str | None = None, demo: bool = False) -> int:
    _setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Bàn tiếp dân")
    app.setOrganizationName("BanTiepDan")
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
    window.show()
    if os.environ.get("DESK_APP_EXIT_AFTER_SHOWN"):
        QTimer.singleShot(0, app.quit)
    return app.exec()
