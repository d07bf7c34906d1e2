"""The schedule page and the reception day, driven through their widgets."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog

from desk_app import messages
from desk_app.core.schedule.day import book
from desk_app.core.schedule.model import SeriesForm, SessionForm
from desk_app.core.schedule.recurrence import weekly
from desk_app.core.schedule.sessions import add_series, add_session
from desk_app.core.storage.office import add_officer, officers
from tests.support import register, snapshot

EARLY = datetime(2026, 11, 20, 8, 0)


def _page(qtbot, tasks, db):
    from desk_app.gui.pages.schedule import SchedulePage

    page = SchedulePage(tasks, officers(db))
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    return page


def _show(qtbot, page, year, month, day=None):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show_month(year, month, day)


def _thursdays(db):
    return add_series(db, SeriesForm(
        kind="dinh_ky", rule=weekly((3,)), first_day=date(2027, 1, 1), last_day=date(2027, 3, 31),
        start_time="08:00", end_time="11:00", host_id=2, content="Kiến nghị về đất đai"), EARLY)


def test_the_month_view_shows_tet_and_the_moved_session(qtbot, tasks, db):
    _thursdays(db)
    page = _page(qtbot, tasks, db)
    _show(qtbot, page, 2027, 2, date(2027, 2, 3))
    assert page.month_label.text() == "<b>Tháng 02/2027</b>"
    assert page.cell(date(2027, 2, 4)).label == "Tết Nguyên đán"
    moved = page.grid.cellWidget(0, 2).text()  # Wednesday 03/02
    assert "08:00 Định kỳ — Lê Văn Dũng" in moved
    assert page.day_list.count() == 1
    assert "Chuyển từ Thứ Năm 04/02/2027 (Tết Nguyên đán)" in page.detail.toPlainText()
    # Clicking another day shows that day.
    page.grid.setCurrentCell(1, 3)  # Thursday 11/02
    assert page.selected == date(2027, 2, 11)
    assert "08:00–11:00 · Định kỳ · Lê Văn Dũng" in page.day_list.item(0).text()
    page.next_button.click()
    qtbot.waitUntil(lambda: page.month_label.text() == "<b>Tháng 03/2027</b>", timeout=5000)


def test_adding_a_session_through_the_form_and_a_refused_one(qtbot, tasks, db):
    _thursdays(db)
    page = _page(qtbot, tasks, db)
    _show(qtbot, page, 2027, 1, date(2027, 1, 12))
    dialog = page.ask_add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("dot_xuat"))
    assert dialog.ad_hoc.isVisibleTo(dialog) and not dialog.repeat.isVisibleTo(dialog)
    dialog.day.setDate(QDate(2027, 1, 12))
    dialog.start.setTime(QTime(14, 0))
    dialog.end.setTime(QTime(13, 0))
    dialog.reason_code.setCurrentIndex(dialog.reason_code.findData("crowd"))
    dialog.reason.setText("Đoàn 15 hộ dân về bồi thường")
    before = snapshot(db)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == messages.SCHEDULE_END_BEFORE_START.format(
        start="14:00 ngày 12/01/2027", end="13:00 ngày 12/01/2027")
    assert dialog.reason.text() == "Đoàn 15 hộ dân về bồi thường"  # kept for a correction
    assert snapshot(db) == before
    dialog.end.setTime(QTime(16, 30))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    assert dialog.result() == QDialog.Accepted
    row = db.execute("SELECT kind, starts_at, ends_at, host_id, reason_code, reason FROM sessions"
                     " WHERE kind = 'dot_xuat'").fetchone()
    assert row == ("dot_xuat", "2027-01-12T14:00:00", "2027-01-12T16:30:00", 2, "crowd",
                   "Đoàn 15 hộ dân về bồi thường")
    # Not posted, a crowd without the police informed: the month's warnings say so.
    assert any("chưa ghi việc báo công an" in page.alerts.item(i).text()
               for i in range(page.alerts.count()))


def test_a_weekly_rule_through_the_form(qtbot, tasks, db):
    page = _page(qtbot, tasks, db)
    _show(qtbot, page, 2027, 4, date(2027, 4, 1))
    dialog = page.ask_add()
    dialog.day.setDate(QDate(2027, 4, 1))
    dialog.repeat.setChecked(True)
    for i, box in enumerate(dialog.weekdays):
        box.setChecked(i == 3)
    dialog.until.setDate(QDate(2027, 5, 31))
    dialog.participants.setPlainText("Công an phường\nTổ hòa giải")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    rule = db.execute("SELECT rule, first_day, last_day, host_id, participants"
                      " FROM session_series").fetchone()
    assert rule == ("FREQ=WEEKLY;BYDAY=TH", "2027-04-01", "2027-05-31", 2,
                    '["Công an phường", "Tổ hòa giải"]')
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 9
    # Too long a rule is refused in the form.
    dialog = page.ask_add()
    dialog.day.setDate(QDate(2027, 6, 1))
    dialog.repeat.setChecked(True)
    dialog.until.setDate(QDate(2040, 1, 1))
    before = snapshot(db)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == messages.SCHEDULE_RULE_TOO_LONG.format(
        years=10, last="01/01/2040", limit="01/06/2037")
    assert snapshot(db) == before


def test_postponing_through_the_buttons_and_printing_the_notice(qtbot, tasks, db, monkeypatch):
    _thursdays(db)
    shown = []
    monkeypatch.setattr("desk_app.gui.printing.show_document",
                        lambda parent, pdf, title, name: shown.append((pdf[:5], title, name)))
    page = _page(qtbot, tasks, db)
    _show(qtbot, page, 2027, 1, date(2027, 1, 14))
    assert page.buttons["postpone"].isEnabled() and not page.buttons["notice"].isEnabled()
    page.buttons["postpone"].click()
    dialog = page.findChild(QDialog)
    dialog.day.setDate(QDate(2027, 1, 15))
    dialog.reason.setText("Chủ tịch họp Ban Thường vụ")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.ok_button.click()
    old = db.execute("SELECT status, status_reason, postponed_to FROM sessions"
                     " WHERE starts_at = '2027-01-14T08:00:00'").fetchone()
    assert old[:2] == ("postponed", "Chủ tịch họp Ban Thường vụ")
    assert db.execute("SELECT starts_at FROM sessions WHERE id = ?", [old[2]]).fetchone() == (
        "2027-01-15T08:00:00",)
    page.select_day(date(2027, 1, 14))
    assert page.buttons["notice"].isEnabled()
    page.buttons["notice"].click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0] == (b"%PDF-", "Thông báo hoãn buổi tiếp công dân",
                        f"thong-bao-hoan-{db.execute('SELECT id FROM sessions WHERE status = ?', ['postponed']).fetchone()[0]}.pdf")
    assert db.execute("SELECT number FROM issued_documents WHERE kind = 'hoan_tiep'"
                      ).fetchone() == ("01/TB-UBND",)


def _started_session(db):
    """A session of the head today that has begun (real clock: the GUI uses it)."""
    today = date.today()
    start = datetime.combine(today, time(0, 1))
    early = start - timedelta(minutes=1)
    sid = add_session(db, SessionForm(kind="dinh_ky", starts_at=start,
                                      ends_at=datetime.combine(today, time(23, 59)), host_id=2,
                                      participants=("Công an phường",)), early).session_ids[0]
    case_id = register(db, received_at=datetime(2026, 11, 20, 9, 15)).case_ids[0]
    book(db, sid, case_id, now=early)
    return sid, case_id


def test_the_reception_day_records_directions_and_issues_the_notice(qtbot, tasks, db, monkeypatch):
    from desk_app.gui.pages.reception_day import ReceptionDayDialog

    deputy = add_officer(db, "Trần Văn Phó", "Phó Chủ tịch")
    sid, case_id = _started_session(db)
    shown = []
    monkeypatch.setattr("desk_app.gui.printing.show_document",
                        lambda parent, pdf, title, name: shown.append((pdf[:5], title)))
    window = ReceptionDayDialog(tasks, sid, officers(db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.items.count() == 1, timeout=5000)
    assert "Đặng Văn Dũng — Đã hẹn" in window.items.item(0).text()
    assert "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất" in window.case_view.toPlainText()
    assert "Trả lời người đến" in window.case_view.toPlainText()  # deadlines prepared
    window.presented.setPlainText("Đề nghị sớm cấp giấy chứng nhận thửa 48")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.save_reception.click()
    due = date.today() + timedelta(days=10)
    window.direction_text.setText("Kiểm tra hồ sơ địa chính, trả lời công dân")
    window.direction_due.setDate(QDate(due.year, due.month, due.day))
    window.assignee.setCurrentIndex(window.assignee.findData(1))
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.add_direction_button.click()
    qtbot.waitUntil(lambda: window.directions.rowCount() == 1, timeout=5000)
    assert window.directions.item(0, 0).text() == "Kiểm tra hồ sơ địa chính, trả lời công dân"
    event = db.execute("SELECT action, json_extract(data, '$.due_on') FROM case_events"
                       " WHERE case_id = ? ORDER BY id DESC LIMIT 1", [case_id]).fetchone()
    assert event == ("direct", due.isoformat())
    # A deputy actually hosted: recorded as such.
    window.actual_host.setCurrentIndex(window.actual_host.findData(deputy))
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.held_button.click()
    assert db.execute("SELECT status, actual_host_id FROM sessions WHERE id = ?",
                      [sid]).fetchone() == ("held", deputy)
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.notice_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [(b"%PDF-", "Thông báo kết luận việc tiếp công dân")]
    qtbot.waitUntil(lambda: "01/TB-UBND" in window.header.text(), timeout=5000)
    assert not window.add_direction_button.isEnabled()  # fixed once the notice is issued


def test_the_intake_files_visits_under_the_session_under_way(qtbot, window, demo_db):
    sid, _case = _started_session(demo_db)
    window.refresh_current_session()
    qtbot.waitUntil(lambda: window.intake.session is not None, timeout=5000)
    page = window.intake
    assert page.session[0] == sid
    assert page.reception_kind.currentData() == "dinh_ky"
    assert "Tiếp công dân định kỳ của Chủ tịch" in page.session_label.text()
    page.full_name.setText("Phạm Thị Hoa")
    page.id_number.setText("")
    from desk_app.gui.pages.intake import _select

    _select(page.id_kind, "khac")
    page.parts[0].summary.setPlainText("Phản ánh đèn đường hỏng")
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        page.save()
    visit = blocker.args[0].visit_id
    assert demo_db.execute("SELECT session_id, reception_kind FROM visits WHERE id = ?",
                           [visit]).fetchone() == (sid, "dinh_ky")
    # The reception day lists the walk-in.
    day = window.open_reception_day(sid)
    qtbot.waitUntil(lambda: day.items.count() == 2, timeout=5000)
    assert "Phạm Thị Hoa — Đến trực tiếp" in day.items.item(1).text()
    # A visit typed in for another day does not belong to today's session.
    page.received_at.setDateTime(page.received_at.dateTime().addDays(-1))
    assert page.collect().session_id is None


def test_the_schedule_is_a_tab_with_its_key_help_and_the_day_under_way_on_f7(qtbot, window,
                                                                            demo_db):
    """The schedule lives in the desk's menus: F6 shows it, F1 there opens its help, F7 opens
    the reception day of the session under way (or says there is none)."""
    window.menu_actions["schedule"].trigger()
    assert window.tabs.currentWidget() is window._schedule_holder
    page = window.schedule
    qtbot.waitUntil(lambda: page.view is not None, timeout=5000)
    assert window.menu_actions["schedule"].shortcut().toString() == "F6"
    help_ = window.open_help()
    qtbot.addWidget(help_)
    assert help_.text.source().fileName() == "schedule.html"
    assert "Ngày tiếp công dân của Chủ tịch" in help_.text.toPlainText()
    help_.close()
    # No session under way: the schedule says how to open one.
    window.menu_actions["reception_day"].trigger()
    qtbot.waitUntil(lambda: "Không có buổi tiếp công dân" in page.message.text(), timeout=5000)
    assert not window.day_windows
    sid, _case = _started_session(demo_db)
    window.tabs.setCurrentWidget(window.intake)
    assert window.menu_actions["reception_day"].shortcut().toString() == "F7"
    window.menu_actions["reception_day"].trigger()
    qtbot.waitUntil(lambda: sid in window.day_windows, timeout=5000)
    day = window.day_windows[sid]
    qtbot.waitUntil(lambda: day.items.count() == 1, timeout=5000)
    day.close()
