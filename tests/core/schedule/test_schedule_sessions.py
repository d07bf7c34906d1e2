"""Creating and changing sessions: one transaction each; bad input changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core.cases.office_calendar import set_day
from desk_app.core.schedule.day import book
from desk_app.core.schedule.model import SeriesForm, SessionForm
from desk_app.core.schedule.recurrence import EVERY_WORKING_DAY, weekly
from desk_app.core.schedule.sessions import (
    add_series,
    add_session,
    cancel_session,
    current_session,
    move_session,
    postpone_session,
    record_held,
    replan_series,
    set_police,
)
from desk_app.core.schedule.views import get_session
from tests.core.schedule.conftest import (
    CLERK,
    DEPUTY,
    HEAD,
    NOW,
    THURSDAY,
    error_of,
    one,
    session_on,
    thursdays,
)
from tests.support import register, snapshot

SERIES = SeriesForm(kind="dinh_ky", rule=weekly((THURSDAY,)), first_day=date(2026, 12, 1),
                    last_day=date(2027, 6, 30), start_time="08:00", end_time="11:00",
                    host_id=HEAD)
SESSION = SessionForm(kind="dinh_ky", starts_at=datetime(2027, 1, 7, 14, 0),
                      ends_at=datetime(2027, 1, 7, 16, 0), host_id=HEAD)


def test_a_weekly_rule_stores_every_occurrence_with_its_calendar_note(office):
    saved = thursdays(office)
    rows = office.execute("SELECT series_day, substr(starts_at, 1, 10), status, calendar_note"
                          " FROM sessions WHERE series_id = ? ORDER BY series_day",
                          [saved.series_id]).fetchall()
    assert len(rows) == len(saved.session_ids) == 30  # Thursdays from 03/12/2026 to 24/06/2027
    tet = next(r for r in rows if r[0] == "2027-02-04")
    assert tet[1:] == ("2027-02-03", "planned", "Chuyển từ Thứ Năm 04/02/2027 (Tết Nguyên đán)")
    assert office.execute("SELECT holiday_policy, rule, place FROM session_series").fetchone() == (
        "same_week", "FREQ=WEEKLY;BYDAY=TH", "Trụ sở Ủy ban nhân dân phường Nhân Hòa")


def test_desk_duty_on_every_working_day_lists_its_officers(office):
    form = SeriesForm(kind="thuong_xuyen", rule=EVERY_WORKING_DAY, first_day=date(2027, 2, 1),
                      last_day=date(2027, 2, 14), start_time="07:30", end_time="11:30",
                      holiday_policy="skip", officer_ids=(CLERK, DEPUTY))
    saved = add_series(office, form, NOW)
    live = get_session(office, saved.session_ids[0])
    assert live.officers == ("Nguyễn Thị Hồng Nhung", "Trần Văn Phó")
    statuses = dict(office.execute(
        "SELECT status, COUNT(*) FROM sessions GROUP BY status").fetchall())
    assert statuses == {"planned": 5, "skipped": 5}  # 01–03/02 and 11–12/02; Tết 04–10/02 off


BAD = [
    ("end before start", lambda db: add_session(db, replace(
        SESSION, ends_at=datetime(2027, 1, 7, 13, 0)), NOW),
     messages.SCHEDULE_END_BEFORE_START.format(start="14:00 ngày 07/01/2027",
                                               end="13:00 ngày 07/01/2027")),
    ("session in the past", lambda db: add_session(db, replace(
        SESSION, starts_at=datetime(2026, 11, 19, 8, 0), ends_at=datetime(2026, 11, 19, 11, 0)),
        NOW), messages.SCHEDULE_IN_PAST.format(start="08:00 ngày 19/11/2026")),
    ("unknown host", lambda db: add_session(db, replace(SESSION, host_id=42), NOW),
     messages.SCHEDULE_HOST_UNKNOWN.format(id=42)),
    ("no host", lambda db: add_session(db, replace(SESSION, host_id=None), NOW),
     messages.SCHEDULE_HOST_REQUIRED),
    ("recurrence with no end", lambda db: add_series(db, replace(SERIES, last_day=None), NOW),
     messages.SCHEDULE_RULE_NO_END.format(years=10)),
    ("recurrence over 10 years", lambda db: add_series(
        db, replace(SERIES, last_day=date(2036, 12, 2)), NOW),
     messages.SCHEDULE_RULE_TOO_LONG.format(years=10, last="02/12/2036", limit="01/12/2036")),
    ("recurrence starting in the past", lambda db: add_series(
        db, replace(SERIES, first_day=date(2026, 11, 1)), NOW),
     messages.SCHEDULE_RULE_IN_PAST.format(first="01/11/2026")),
    ("recurrence with an unknown host", lambda db: add_series(db, replace(SERIES, host_id=9), NOW),
     messages.SCHEDULE_HOST_UNKNOWN.format(id=9)),
    ("desk duty without officers", lambda db: add_series(db, replace(
        SERIES, kind="thuong_xuyen", host_id=None, rule=EVERY_WORKING_DAY), NOW),
     messages.SCHEDULE_OFFICERS_REQUIRED),
    ("ad hoc without reason", lambda db: add_session(db, replace(SESSION, kind="dot_xuat"), NOW),
     messages.SCHEDULE_REASON_REQUIRED.format(choices="crowd, heated, serious_harm, other")),
    ("unknown kind", lambda db: add_session(db, replace(SESSION, kind="hang_ngay"), NOW),
     messages.SCHEDULE_KIND_UNKNOWN.format(
         value="hang_ngay", choices="thuong_xuyen, dinh_ky, dot_xuat, truc_tuyen")),
    ("bad time", lambda db: add_series(db, replace(SERIES, start_time="8h"), NOW),
     messages.SCHEDULE_TIME_FORMAT.format(value="8h")),
]


@pytest.mark.parametrize("what, call, expected", BAD, ids=[b[0] for b in BAD])
def test_bad_input_gets_a_clear_message_and_changes_nothing(office, what, call, expected):
    thursdays(office)
    before = snapshot(office)
    assert error_of(call, office) == expected
    assert snapshot(office) == before


def test_overlapping_sessions_of_one_host_are_refused(office):
    thursdays(office)
    before = snapshot(office)
    overlap = replace(SESSION, starts_at=datetime(2027, 1, 7, 10, 30),
                      ends_at=datetime(2027, 1, 7, 12, 0))
    assert error_of(add_session, office, overlap, NOW) == messages.SCHEDULE_OVERLAP.format(
        host="Lê Văn Dũng", kind="tiếp công dân định kỳ của chủ tịch",
        start="10:30 ngày 07/01/2027", other="08:00 ngày 07/01/2027", other_end="11:00")
    # A second rule for the same host at the same time clashes on its first Thursday.
    assert error_of(thursdays, office, first=date(2027, 3, 1), last=date(2027, 4, 30)) == \
        messages.SCHEDULE_OVERLAP.format(
            host="Lê Văn Dũng", kind="tiếp công dân định kỳ của chủ tịch",
            start="08:00 ngày 04/03/2027", other="08:00 ngày 04/03/2027", other_end="11:00")
    assert snapshot(office) == before
    # Back to back is not an overlap; another host at the same time is fine.
    one(office, date(2027, 1, 7), "11:00", "12:00")
    one(office, date(2027, 1, 7), "08:00", "11:00", kind="dot_xuat", host=DEPUTY,
        reason_code="crowd")
    # A cancelled session frees its time.
    cancel_session(office, session_on(office, date(2027, 1, 14)), "Chủ tịch đi công tác", NOW)
    one(office, date(2027, 1, 14), "09:00", "10:00", kind="dot_xuat", reason_code="heated")


def test_postponement_keeps_the_old_session_and_moves_its_bookings(office):
    thursdays(office)
    case_id = register(office).case_ids[0]
    old = session_on(office, date(2027, 1, 7))
    book(office, old, case_id, now=NOW)
    new = postpone_session(office, old, datetime(2027, 1, 8, 14, 0), datetime(2027, 1, 8, 16, 0),
                           "Chủ tịch họp đột xuất tại tỉnh", NOW)
    was, now_ = get_session(office, old), get_session(office, new)
    assert (was.status, was.status_reason, was.postponed_to) == (
        "postponed", "Chủ tịch họp đột xuất tại tỉnh", new)
    assert (now_.status, now_.starts_at, now_.moved_from, now_.host_id, now_.participants) == (
        "planned", "2027-01-08T14:00:00", "2027-01-07T08:00:00", HEAD, was.participants)
    assert office.execute("SELECT session_id FROM session_bookings").fetchall() == [(new,)]
    # A postponed session cannot be postponed, moved, cancelled or held again.
    before = snapshot(office)
    assert error_of(postpone_session, office, old, datetime(2027, 1, 9, 8), datetime(
        2027, 1, 9, 9), "x", NOW) == messages.SCHEDULE_NOT_PLANNED.format(
        action="hoãn", day="08:00 ngày 07/01/2027", status="đã hoãn")
    assert error_of(postpone_session, office, new, datetime(2027, 1, 9, 8), datetime(
        2027, 1, 9, 9), "  ", NOW) == messages.SCHEDULE_CHANGE_REASON_REQUIRED
    assert snapshot(office) == before


def test_one_moved_occurrence_persists_when_the_rule_is_placed_again(office):
    thursdays(office)
    moved = session_on(office, date(2027, 3, 4))
    move_session(office, moved, datetime(2027, 3, 5, 8, 0), datetime(2027, 3, 5, 11, 0),
                 "Trùng hội nghị", NOW)
    # The office then declares Thu 11/03 and Thu 04/03 days off: only the untouched one moves.
    set_day(office, date(2027, 3, 11), "holiday", "Nghỉ theo quyết định của tỉnh")
    set_day(office, date(2027, 3, 4), "holiday", "Nghỉ theo quyết định của tỉnh")
    assert replan_series(office, NOW) == 1
    assert get_session(office, moved).starts_at == "2027-03-05T08:00:00"
    again = office.execute("SELECT starts_at, calendar_note FROM sessions"
                           " WHERE series_day = '2027-03-11'").fetchone()
    assert again == ("2027-03-12T08:00:00",
                     "Chuyển từ Thứ Năm 11/03/2027 (Nghỉ theo quyết định của tỉnh)")


def test_recording_a_session_held_keeps_who_actually_hosted(office):
    thursdays(office)
    sid = session_on(office, date(2026, 12, 3))
    before = snapshot(office)
    assert error_of(record_held, office, sid, DEPUTY, NOW) == messages.SCHEDULE_HELD_IN_FUTURE.format(
        start="08:00 ngày 03/12/2026")
    assert error_of(record_held, office, sid, 77, datetime(2026, 12, 3, 9)) == \
        messages.SCHEDULE_HOST_UNKNOWN.format(id=77)
    assert snapshot(office) == before
    record_held(office, sid, DEPUTY, datetime(2026, 12, 3, 9))
    row = get_session(office, sid)
    assert (row.status, row.host_id, row.actual_host_id, row.actual_host) == (
        "held", HEAD, DEPUTY, "Trần Văn Phó")


def test_an_ad_hoc_crowd_session_already_held_and_the_police_mark(office):
    sid = one(office, date(2026, 11, 20), "09:00", "10:30", kind="dot_xuat", reason_code="crowd",
              reason="32 hộ dân thôn Đông về bồi thường", held=True)
    row = get_session(office, sid)
    assert (row.status, row.actual_host_id, row.reason_code) == ("held", HEAD, "crowd")
    assert error_of(set_police, office, sid, datetime(2026, 11, 20, 8, 30), "", NOW) == \
        messages.SCHEDULE_POLICE_CONTACT_REQUIRED
    set_police(office, sid, datetime(2026, 11, 20, 8, 30), "Công an phường, đồng chí Hùng", NOW)
    assert get_session(office, sid).police_contact == "Công an phường, đồng chí Hùng"


def test_the_intake_keeps_the_session_a_visit_was_taken_in(office):
    sid = one(office, date(2026, 11, 20), "14:00", "17:00", now=datetime(2026, 11, 20, 13, 55))
    assert current_session(office, datetime(2026, 11, 20, 14, 30)) == (sid, "dinh_ky")
    assert current_session(office, datetime(2026, 11, 20, 17, 30)) is None
    done = register(office, session_id=sid, received_at=datetime(2026, 11, 20, 14, 45))
    assert office.execute("SELECT session_id FROM visits WHERE id = ?",
                          [done.visit_id]).fetchone() == (sid,)
    before = snapshot(office)
    assert error_of(register, office, session_id=999) == \
        messages.INTAKE_SESSION_INVALID.format(id=999)
    assert error_of(register, office, session_id=sid,
                    received_at=datetime(2026, 11, 19, 9, 0)) == \
        messages.INTAKE_SESSION_INVALID.format(id=sid)
    assert snapshot(office) == before
