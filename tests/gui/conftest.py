import gc

import pytest

from desk_app.core.demo.generate import generate
from desk_app.core.storage import settings
from desk_app.core.storage.db import open_reader
from desk_app.core.storage.office import get_office, officers
from desk_app.gui.collector import GuiThreadCollector
from desk_app.gui.tasks import Tasks


@pytest.fixture
def tasks(qtbot, db, db_path):
    runner = Tasks(db_path)
    yield runner
    runner.shutdown()


@pytest.fixture
def demo_db(db):
    generate(db, 400, seed=7)
    # A signer, as an office has one: without it printing a document the head signs asks
    # first (a modal question that would wait forever offscreen).
    settings.put(db, "signer_name", "Lê Văn Dũng")
    return db


@pytest.fixture
def window(qtbot, demo_db, db_path):
    from desk_app.gui.main_window import MainWindow

    runner = Tasks(db_path)
    win = MainWindow(runner, open_reader(db_path), get_office(demo_db), officers(demo_db))
    qtbot.addWidget(win)
    win.show()
    win.log.ensure_loaded()
    qtbot.waitUntil(lambda: win.log.model.rowCount() > 0, timeout=5000)
    yield win
    runner.shutdown()


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, qapp):
    """Column layouts and window places go to a file of the test's own, never to the
    user's settings (and never shared between parallel workers)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _collector_of_the_app(qapp):
    """As the app does (gui/collector.py): cyclic garbage is collected on the GUI thread only,
    never on a database worker thread (a widget freed there crashes or deadlocks)."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """A finished test's widgets are freed before the next test starts its threads."""
    yield
    gc.collect()
