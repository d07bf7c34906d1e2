"""The desk around the forms: first run pickers, settings saved (never lost silently), office
details, the menu bar, the question before clearing a filled form, long work with progress."""

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QProgressDialog

from desk_app import messages
from desk_app.core.errors import Cancelled
from desk_app.core.opening import open_db
from desk_app.core.storage.office import get_office


def press_on_message_box(button):
    """When a message box opens, press `button` (a QMessageBox.StandardButton)."""
    state = {"text": None}

    def poll():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        state["text"] = box.text()
        box.button(button).click()

    QTimer.singleShot(0, poll)
    return state


# --- first run ---------------------------------------------------------------------------

def test_first_run_pickers_find_without_tones_in_vietnamese_order(qtbot, tmp_path):
    from desk_app.core.text import sort_key
    from desk_app.gui.dialogs.first_run import FirstRunDialog

    db = open_db(tmp_path / "desk.sqlite3")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    provinces = [dialog.province.itemText(i) for i in range(dialog.province.count())]
    assert len(provinces) == 34
    from desk_app.core.catalog import proper_name

    assert [proper_name(p) for p in provinces] == sorted((proper_name(p) for p in provinces),
                                                         key=sort_key)
    # type "bac ninh" in the province box and Tab on: Bắc Ninh is chosen
    dialog.province.setFocus()
    dialog.province.lineEdit().setText("bac ninh")
    dialog.province.lineEdit().textEdited.emit("bac ninh")
    dialog.province.lineEdit().editingFinished.emit()
    assert dialog.province.code() == "24"
    # "nhan hoa" lists Phường Nhân Hòa among the matches; taking the first one chooses it
    dialog.commune.lineEdit().setText("nhan hoa")
    dialog.commune.lineEdit().textEdited.emit("nhan hoa")
    matches = dialog.commune.completer().completionModel()
    names = [matches.index(r, 0).data() for r in range(matches.rowCount())]
    assert names == ["Phường Nhân Hòa"]
    dialog.commune.lineEdit().editingFinished.emit()
    assert dialog.commune.code() == "9253"
    assert dialog.name.text() == "Ủy ban nhân dân phường Nhân Hòa"
    # no officer: refused with the sentence, nothing created
    dialog.accept()
    assert dialog.error.text() == messages.OFFICER_NAME_REQUIRED
    assert get_office(db) is None
    dialog.officer.setText("Nguyễn Thị Hồng Nhung")
    dialog.remote.setChecked(True)
    dialog.accept()
    office = get_office(db)
    assert office.commune_name == "Phường Nhân Hòa" and office.remote_area
    db.close()


def test_first_run_refuses_a_commune_typed_but_not_chosen(qtbot, tmp_path):
    from desk_app.gui.dialogs.first_run import FirstRunDialog

    db = open_db(tmp_path / "desk.sqlite3")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.commune.lineEdit().setText("không có xã này")
    dialog.officer.setText("Lê Văn Dũng")
    dialog.accept()
    assert dialog.error.text() == messages.COMMUNE_NOT_CHOSEN
    assert get_office(db) is None
    db.close()


# --- settings ------------------------------------------------------------------------------

def _settings(qtbot, window):
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog._saved is not None and dialog.days.rowCount() > 0,
                    timeout=5000)
    return dialog


def test_settings_saved_through_the_save_button(qtbot, window, demo_db):
    dialog = _settings(qtbot, window)
    dialog.due_soon.setValue(5)
    dialog.prolonged.setValue(120)
    dialog.signer_name.setText("Lê Văn Dũng")
    dialog.office_phone.setText("0222 3 812 345")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.Save).click()
    stored = dict(demo_db.execute("SELECT key, value FROM settings").fetchall())
    assert (stored["due_soon_working_days"], stored["prolonged_days"], stored["signer_name"],
            stored["office_phone"]) == ("5", "120", "Lê Văn Dũng", "0222 3 812 345")
    assert not dialog.unsaved()
    dialog.buttons.button(QDialogButtonBox.Close).click()  # nothing unsaved: no question
    assert not dialog.isVisible()


def test_closing_with_unsaved_settings_asks_and_can_save(qtbot, window, demo_db):
    dialog = _settings(qtbot, window)
    dialog.signer_title.setCurrentIndex(dialog.signer_title.findData("PHÓ CHỦ TỊCH"))
    asked = press_on_message_box(QMessageBox.Save)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.reject()  # Esc, the Close button or the window's X
    assert "chưa được lưu" in asked["text"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert demo_db.execute("SELECT value FROM settings WHERE key = 'signer_title'"
                           ).fetchone() == ("PHÓ CHỦ TỊCH",)


def test_closing_with_unsaved_settings_can_discard_or_stay(qtbot, window, demo_db):
    dialog = _settings(qtbot, window)
    saved = demo_db.execute("SELECT value FROM settings WHERE key = 'signer_name'").fetchone()
    dialog.signer_name.setText("Không lưu")
    press_on_message_box(QMessageBox.Cancel)
    dialog.reject()
    assert dialog.isVisible() and dialog.signer_name.text() == "Không lưu"
    press_on_message_box(QMessageBox.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert demo_db.execute("SELECT value FROM settings WHERE key = 'signer_name'"
                           ).fetchone() == saved != ("Không lưu",)


def test_office_details_changed_in_settings(qtbot, window, demo_db):
    dialog = _settings(qtbot, window)
    dialog.tabs.setCurrentIndex(2)
    assert "Nhân Hòa" in dialog.office_units.text()
    dialog.office_name.setText("Ủy ban nhân dân phường Nhân Hòa (thử)")
    dialog.remote.setChecked(True)
    with qtbot.waitSignal(dialog.office_changed, timeout=20000):
        dialog.save_settings()
    office = get_office(demo_db)
    assert office.name == "Ủy ban nhân dân phường Nhân Hòa (thử)" and office.remote_area
    assert window.office.name == office.name and office.name in window.windowTitle()


def test_office_details_refused_without_a_name(qtbot, window, demo_db):
    dialog = _settings(qtbot, window)
    dialog.office_name.setText("   ")
    dialog.save_settings()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == messages.OFFICE_NAME_REQUIRED
    assert get_office(demo_db).name == "Ủy ban nhân dân phường Nhân Hòa"


# --- intake and the menu bar --------------------------------------------------------------

def test_a_filled_form_asks_before_clearing(qtbot, window):
    page = window.intake
    page.full_name.setText("Trần Thị Mai")
    asked = press_on_message_box(QMessageBox.No)
    window.menu_actions["new_visit"].trigger()
    assert "chưa ghi sổ" in asked["text"] and page.full_name.text() == "Trần Thị Mai"
    press_on_message_box(QMessageBox.Yes)
    window.menu_actions["new_visit"].trigger()
    assert page.full_name.text() == "" and page.is_blank()


def test_quitting_with_a_filled_form_asks_first(qtbot, window):
    window.intake.full_name.setText("Trần Thị Mai")
    asked = press_on_message_box(QMessageBox.No)
    window.menu_actions["quit"].trigger()
    assert "chưa ghi sổ" in asked["text"] and window.isVisible()
    window.intake.reset()
    window.menu_actions["quit"].trigger()  # a blank form: no question
    assert not window.isVisible()


def test_every_menu_action_has_a_shortcut_or_is_reached_by_its_letter(window):
    shown = {}
    for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu())):
        for action in menu.actions():
            if action.isSeparator() or action.menu():
                continue
            assert "&" in action.text(), action.text()  # Alt + the underlined letter
            shown[action.text()] = action.shortcut().toString()
    for name in ("new_visit", "save", "print_receipt", "export_log", "search", "help",
                 "settings", "intake", "log", "cases", "refresh", "quit"):
        assert window.menu_actions[name].shortcut().toString(), name
    assert shown["Lượt tiếp &mới (người tiếp theo)"] == "Ctrl+N"
    assert shown["&Ghi sổ lượt tiếp"] == "Ctrl+S" and shown["&In giấy biên nhận vừa ghi…"] == "Ctrl+P"


def test_help_opens_on_the_current_screen_and_about_names_the_data_folder(qtbot, window):
    window.tabs.setCurrentWidget(window.log)
    help_ = window.open_help()
    qtbot.addWidget(help_)
    assert help_.text.source().fileName() == "log.html"
    assert "Mẫu 03/TCD" in help_.text.toPlainText()
    about = window.open_about()
    qtbot.addWidget(about)
    text = about.text.toPlainText()
    assert str(window.tasks.db_path.parent) in text
    assert "SIL Open Font License" in text and "LGPL" in text


def test_every_help_page_exists_and_links_resolve():
    import re

    from desk_app.gui.help import help_dir, topics

    folder = help_dir()
    for name in topics():
        page = folder / f"{name}.html"
        assert page.exists(), name
        for link in re.findall(r'href="([^"#:]+)"', page.read_text(encoding="utf-8")):
            assert (folder / link).exists(), f"{name}: {link}"


# --- long work ---------------------------------------------------------------------------

def test_long_work_shows_a_bar_and_cancel_stops_it(qtbot, window):
    from desk_app.gui.widgets.progress import run_with_progress

    started, results = threading.Event(), []

    def job(db, progress, cancel):
        started.set()
        for step in range(1000):
            progress(step, 1000)
            if cancel():
                raise Cancelled
            threading.Event().wait(0.01)
        return "xong"

    dialog = run_with_progress(window, window.tasks, job, title="Thử", label="Đang làm…",
                               on_ok=results.append)
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(lambda: started.is_set() and dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    dialog.findChild(type(window.intake.save_button)).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.wait(200)
    assert results == []


def test_a_holiday_edit_runs_behind_the_progress_bar(qtbot, window, demo_db):
    from datetime import date

    from desk_app.core.cases.office_calendar import load_calendar

    dialog = _settings(qtbot, window)
    day = load_calendar(demo_db).next_working_day(date(date.today().year, 12, 15))
    dialog.day.setDate(day)
    dialog.kind.setCurrentIndex(dialog.kind.findData("holiday"))
    dialog.label.setText("Nghỉ theo Quyết định số 1/QĐ-UBND")
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.add_day()
    assert not load_calendar(demo_db).is_working_day(day)
    assert "tính lại" in dialog.message.text()
    assert not [d for d in dialog.findChildren(QProgressDialog) if d.isVisible()]


def test_the_legal_help_page_cites_every_article_the_rules_count_from():
    """Help and rules stay one story: each article a deadline rule cites is in legal.html."""
    import json
    import re

    from desk_app.gui.help import help_dir
    from desk_app.paths import resources_dir

    page = (help_dir() / "legal.html").read_text(encoding="utf-8")
    cited = set()
    for path in (resources_dir() / "rules").glob("deadlines-*.json"):
        for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]:
            cited.update(re.findall(r"Điều \d+[a-z]? Luật [^;,]+? \d{4}", rule["basis"]))
    assert cited
    assert sorted(c for c in cited if c not in page) == []


def test_f1_in_a_window_of_its_own_opens_that_windows_help(qtbot, window, demo_db):
    """The case window, settings and the document window are windows of their own: the main
    window's F1 does not reach them, so each carries its own."""
    from PySide6.QtGui import QKeySequence

    from tests.support import register

    case = window.open_case(register(demo_db).case_ids[0])
    f1 = next(a for a in case.actions()
              if a.shortcut() == QKeySequence(QKeySequence.HelpContents))
    f1.trigger()
    help_ = case._help_dialog
    qtbot.addWidget(help_)
    assert help_.text.source().fileName() == "case.html"
    case.close()
    settings = window.open_settings()
    next(a for a in settings.actions()
         if a.shortcut() == QKeySequence(QKeySequence.HelpContents)).trigger()
    qtbot.addWidget(settings._help_dialog)
    assert settings._help_dialog.text.source().fileName() == "settings.html"
    settings._saved = None  # nothing typed: close without the question
    settings.close()
