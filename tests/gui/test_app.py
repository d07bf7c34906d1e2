import sys

from desk_app.core.opening import open_db
from desk_app.core.storage.office import get_office
from desk_app.gui.dialogs.error import ErrorDialog
from desk_app.gui.dialogs.first_run import FirstRunDialog


def test_first_run_creates_office(qtbot, tmp_path):
    db = open_db(tmp_path / "desk.sqlite3")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.province.setCurrentIndex(dialog.province.findData(24))
    dialog.commune.setCurrentIndex(dialog.commune.findData(9253))
    assert dialog.name.text() == "Ủy ban nhân dân phường Nhân Hòa"
    dialog.officer.setText("Nguyễn Thị Hồng Nhung")
    dialog.accept()
    office = get_office(db)
    assert office.commune_name == "Phường Nhân Hòa"
    assert office.parent_name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert db.execute("SELECT full_name FROM officers").fetchall() == [("Nguyễn Thị Hồng Nhung",)]


def test_error_dialog_has_details(qtbot):
    try:
        raise RuntimeError("hỏng")
    except RuntimeError as exc:
        dialog = ErrorDialog(exc)
    qtbot.addWidget(dialog)
    assert "RuntimeError: hỏng" in dialog.details_text
    assert not dialog.details.isVisible()


def test_qt_buttons_are_vietnamese(qtbot):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desk_app.gui.app import install_translators

    app = QApplication.instance()
    translators = install_translators(app)
    try:
        box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        qtbot.addWidget(box)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Đồng ý", "Hủy"}
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_upgrade_runs_behind_a_busy_dialog(qtbot, tmp_path):
    import shutil
    from pathlib import Path

    from desk_app.core.storage.db import needs_upgrade
    from desk_app.gui.app import _open_with_progress

    fixture = Path(__file__).parent.parent / "fixtures" / "schema_0001.sqlite3"
    path = tmp_path / "desk.sqlite3"
    shutil.copy(fixture, path)
    assert needs_upgrade(path)
    db = _open_with_progress(path)
    assert not needs_upgrade(path)
    assert db.execute("SELECT COUNT(*) FROM petitions").fetchone()[0] == 2
    assert list((tmp_path / "backups").glob("before-*.sqlite3"))
    db.close()


def test_after_an_unclean_close_the_file_is_checked_behind_a_busy_dialog(qtbot, tmp_path,
                                                                         monkeypatch):
    from desk_app.core.storage.db import CLEAN_SUFFIX, changed_since_clean_close
    from desk_app.gui import app

    path = tmp_path / "desk.sqlite3"
    open_db(path).close()
    assert not changed_since_clean_close(path)
    path.with_name(path.name + CLEAN_SUFFIX).unlink()  # as a crash leaves it
    shown = []

    class Recording(app.QProgressDialog):
        def show(self):
            shown.append(self.labelText())
            super().show()

    monkeypatch.setattr(app, "QProgressDialog", Recording)
    db = app._open_with_progress(path)
    db.close()
    assert shown == ["Ứng dụng chưa được đóng bình thường lần trước: đang kiểm tra tệp dữ liệu…"]
    assert not changed_since_clean_close(path)  # checked, then closed cleanly
    shown.clear()
    app._open_with_progress(path).close()
    assert shown == []  # a clean close: no check, no dialog


def test_an_empty_or_damaged_database_is_refused_at_start(qtbot, tmp_path, monkeypatch):
    import logging

    from desk_app import messages, paths
    from desk_app.gui import app

    monkeypatch.setattr(paths, "log_dir", lambda: tmp_path)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))  # run() adds its log file
    monkeypatch.setattr(root, "level", root.level)
    # run() installs the translators and an excepthook for the whole process: keep them to
    # this test (a Vietnamese translator left installed changes what later tests see).
    monkeypatch.setattr(app, "install_translators", lambda application, language=None: [])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    said = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda parent, title, text: said.append(text))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "desk.sqlite3").write_bytes(b"")
    assert app.run(data_dir=str(empty)) == 1
    assert (empty / "desk.sqlite3").stat().st_size == 0
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "desk.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    assert app.run(data_dir=str(damaged)) == 1
    no_backup = messages.DB_NO_BACKUP
    assert said == [
        messages.DB_EMPTY.format(path=empty / "desk.sqlite3",
                                 backup=no_backup.format(folder=empty / "backups")),
        messages.DB_DAMAGED.format(path=damaged / "desk.sqlite3",
                                   backup=no_backup.format(folder=damaged / "backups"))]
