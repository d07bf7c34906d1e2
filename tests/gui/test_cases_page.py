from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desk_app.core.cases.dashboard import case_ids, dashboard
from desk_app.core.cases.labels import VIEWS
from desk_app.core.reception.intake import register_visit
from desk_app.gui import style
from tests.support import form, part


def _show(qtbot, window, view="overdue"):
    page = window.show_cases()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show_view(view)
    return page


def test_tiles_and_list_match_the_core(qtbot, window, demo_db):
    # Received 40 days ago and never answered: past the 10 working days of art. 28(1).
    late = _fresh_case(demo_db, days_ago=40)
    page = _show(qtbot, window, "overdue")
    board = dashboard(demo_db, date.today())
    assert late in case_ids(demo_db, "overdue", date.today())
    assert page.buttons["overdue"].text() == f"{VIEWS['overdue']}\n{board.overdue}"
    assert page.buttons["waiting"].text().endswith(f"\n{board.waiting}")
    assert page.model.rowCount() == len(case_ids(demo_db, "overdue", date.today()))
    # overdue reads in words and in colour
    text = page.model.data(page.model.index(0, 7))
    assert text.startswith("Quá hạn ")
    brush = page.model.data(page.model.index(0, 7), Qt.ForegroundRole)
    assert brush.color() == style.color("error")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show_flag("crowd")
    assert page.model.rowCount() == board.by_flag["crowd"]


def _received(db, summary, days_ago):
    """A visit some days before the real today (the GUI judges due dates by the clock)."""
    now = datetime.now().replace(microsecond=0)
    return register_visit(db, form(parts=(part(kind="khieu_nai", summary=summary),),
                                   received_at=now - timedelta(days=days_ago)), now)


def _fresh_case(db, days_ago=3):
    return _received(db, "Khiếu nại quyết định thu hồi đất ở Thôn Đông", days_ago).case_ids[0]


def test_case_window_shows_milestones_and_records_a_step(qtbot, window, demo_db):
    case_id = _fresh_case(demo_db)
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    labels = [dialog.milestones.item(r, 0).text() for r in range(dialog.milestones.rowCount())]
    assert any(label.startswith("Thụ lý khiếu nại") for label in labels)
    explanations = [dialog.milestones.item(r, 3).text() for r in range(dialog.milestones.rowCount())]
    assert any("ngày làm việc kể từ ngày tiếp nhận" in e for e in explanations)
    assert "Tiếp nhận" in dialog.timeline.toPlainText()
    buttons = {b.objectName() for b in dialog.findChildren(QPushButton)}
    assert "action_accept" in buttons and "action_close" not in buttons

    before = dialog.detail
    dialog.do_action("accept", occurred_on=date.today(), body="", doc_no="", note="", data={})
    qtbot.waitUntil(lambda: dialog.detail is not before and dialog.detail.status == "accepted",
                    timeout=5000)
    assert demo_db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()[0] == "accepted"
    assert "Thụ lý giải quyết" in dialog.timeline.toPlainText()


def test_an_impossible_step_is_explained_and_not_saved(qtbot, window, demo_db):
    case_id = _fresh_case(demo_db)
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    events = demo_db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?", [case_id]).fetchone()
    dialog.do_action("close", occurred_on=date.today(), body="", doc_no="", note="", data={})
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert "Kết thúc vụ việc" in dialog.message.text() and "Đã tiếp nhận" in dialog.message.text()
    assert demo_db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?",
                           [case_id]).fetchone() == events


def test_intake_offers_a_likely_duplicate_and_attaches_on_click(qtbot, window, demo_db):
    first = _fresh_case(demo_db, days_ago=5)
    page = window.intake
    second = _received(demo_db, "Khiếu nại quyết định thu hồi đất tại Thôn Đông", 1)
    page._offer_duplicates(second)
    qtbot.waitUntil(page.duplicates.isVisible, timeout=5000)
    assert f"#{first}" in page.duplicates.text()
    with qtbot.waitSignal(page.attached, timeout=5000) as signal:
        page._duplicate_link(f"attach:{second.petition_ids[0]}:{first}")
    assert signal.args == [first]
    petition_case = demo_db.execute("SELECT case_id FROM petitions WHERE id = ?",
                                    [second.petition_ids[0]]).fetchone()[0]
    assert petition_case == first
    assert demo_db.execute("SELECT status, merged_into FROM cases WHERE id = ?",
                           [second.case_ids[0]]).fetchone() == ("merged", first)


def test_settings_dialog_adds_an_office_holiday_and_recomputes(qtbot, window, demo_db):
    from desk_app.core.cases.office_calendar import load_calendar

    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.days.rowCount() > 0, timeout=5000)
    assert any("Quốc khánh" in dialog.days.item(r, 3).text() for r in range(dialog.days.rowCount()))
    # a plain working day in December becomes an office holiday
    day = load_calendar(demo_db).next_working_day(date(date.today().year, 12, 15))
    dialog.day.setDate(day)
    dialog.kind.setCurrentIndex(dialog.kind.findData("holiday"))
    dialog.label.setText("Nghỉ theo Quyết định số 1/QĐ-UBND")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.add_day()
    assert not load_calendar(demo_db).is_working_day(day)
    assert demo_db.execute("SELECT kind, label FROM calendar_days").fetchall() == [
        ("holiday", "Nghỉ theo Quyết định số 1/QĐ-UBND")]


def test_case_window_prints_an_acceptance_notice_and_records_the_step(qtbot, window, demo_db):
    from desk_app.gui.printing import DocumentDialog

    case_id = _fresh_case(demo_db)
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    dialog.do_action("accept", occurred_on=date.today(), body="", doc_no="", note="", data={})
    qtbot.waitUntil(lambda: dialog.detail.status == "accepted", timeout=5000)
    dialog.print_slip("thong_bao_thu_ly")
    qtbot.waitUntil(lambda: bool([w for w in dialog.findChildren(DocumentDialog) if w.isVisible()]),
                    timeout=10000)
    number = demo_db.execute("SELECT number FROM issued_documents WHERE case_id = ?"
                             " AND kind = 'thong_bao_thu_ly'", [case_id]).fetchone()[0]
    assert number.endswith("/TB-UBND")  # a notice: "TB" (Decree 30/2020 Appendix III)
    qtbot.waitUntil(lambda: any(e.action == "notify_acceptance" for e in dialog.detail.events),
                    timeout=5000)
    # a guidance slip for a case never guided: said on the case page, nothing issued
    dialog.print_slip("phieu_huong_dan")
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert demo_db.execute("SELECT COUNT(*) FROM issued_documents WHERE case_id = ?"
                           " AND kind = 'phieu_huong_dan'", [case_id]).fetchone()[0] == 0


def test_the_case_window_shows_its_history_from_the_audit_trail(qtbot, window, demo_db):
    case_id = _fresh_case(demo_db)
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: "Ghi sổ lượt tiếp" in dialog.history.toPlainText(), timeout=5000)
    before = dialog.detail
    dialog.do_action("accept", occurred_on=date.today(), body="", doc_no="", note="", data={})
    qtbot.waitUntil(lambda: dialog.detail is not before, timeout=5000)
    dialog.load()
    qtbot.waitUntil(lambda: "Ghi bước xử lý (accept)" in dialog.history.toPlainText(),
                    timeout=5000)
