"""The office's edits to the holiday calendar, and what they do to running cases' due dates."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk_app import messages
from desk_app.core.cases.office_calendar import load_calendar, office_days, remove_day, set_day
from desk_app.core.cases.tracking import record_event
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, PetitionPart
from desk_app.core.reception.intake import register_visit
from tests.support import form, snapshot


def complaint(db, received=date(2026, 7, 1), **changes) -> int:
    reg = register_visit(db, form(received_at=datetime.combine(received, time(9)),
                                  parts=(PetitionPart(PetitionKind.KHIEU_NAI, "dat_dai",
                                                      "Khiếu nại thu hồi đất"),), **changes),
                         datetime.combine(received, time(17)))
    return reg.case_ids[0]


def due(db, case_id):
    return db.execute("SELECT due_on FROM cases WHERE id = ?", [case_id]).fetchone()[0]


def test_an_office_holiday_inside_a_running_period_moves_the_due_date(db):
    case_id = complaint(db)
    # Acceptance: 7 working days after Wed 01/07: 02, 03, 06, 07, 08, 09, 10 → Fri 10/07.
    assert due(db, case_id) == "2026-07-10"
    set_day(db, date(2026, 7, 8), "holiday", "Nghỉ theo quyết định của tỉnh")
    # 02, 03, 06, 07, (08 off), 09, 10, 13 → Mon 13/07: one working day later.
    assert due(db, case_id) == "2026-07-13"
    assert not load_calendar(db).is_working_day(date(2026, 7, 8))
    assert load_calendar(db).holiday_name(date(2026, 7, 8)) == "Nghỉ theo quyết định của tỉnh"
    remove_day(db, date(2026, 7, 8))
    assert due(db, case_id) == "2026-07-10"
    assert office_days(db) == []


def test_a_holiday_after_the_due_date_changes_nothing(db):
    case_id = complaint(db)
    set_day(db, date(2026, 7, 14), "holiday")
    assert due(db, case_id) == "2026-07-10"
    assert office_days(db, 2026) == [("2026-07-14", "holiday", "")]
    assert load_calendar(db).holiday_name(date(2026, 7, 14)) == "Ngày nghỉ thêm"


def test_a_worked_saturday_brings_the_due_date_forward(db):
    case_id = complaint(db)
    set_day(db, date(2026, 7, 4), "workday", "Làm bù")
    # 02, 03, (Sat) 04, 06, 07, 08, 09 → Thu 09/07.
    assert due(db, case_id) == "2026-07-09"
    assert load_calendar(db).is_working_day(date(2026, 7, 4))


def test_working_on_a_national_holiday(db):
    """02/09 (National Day, Labour Code art. 112) worked by decision of the office."""
    assert load_calendar(db).holiday_name(date(2026, 9, 2)) is not None
    case_id = complaint(db, received=date(2026, 9, 1))
    # From 01/09: (02 off), 03, 04, 07, 08, 09, 10, 11 → Fri 11/09.
    assert due(db, case_id) == "2026-09-11"
    set_day(db, date(2026, 9, 2), "not_holiday")
    # 02, 03, 04, 07, 08, 09, 10 → Thu 10/09.
    assert due(db, case_id) == "2026-09-10"
    assert load_calendar(db).is_working_day(date(2026, 9, 2))


def test_every_open_case_is_recomputed_and_closed_ones_keep_none(db):
    running = complaint(db)
    accepted = complaint(db)
    record_event(db, accepted, "accept", occurred_on=date(2026, 7, 2), now=datetime(2026, 7, 2))
    guided = complaint(db, outcome=Outcome.GUIDED, outcome_body="Tòa án nhân dân tỉnh")
    set_day(db, date(2026, 7, 8), "holiday")
    # The accepted one counts calendar days (02/07 + 30 = Sat 01/08 → Mon 03/08): unchanged.
    assert [due(db, c) for c in (running, accepted, guided)] == ["2026-07-13", "2026-08-03", None]


@pytest.mark.parametrize(("day", "kind", "message"), [
    (date(2026, 7, 5), "holiday", messages.CALENDAR_ALREADY_OFF.format(day="05/07/2026")),
    (date(2026, 7, 6), "workday", messages.CALENDAR_ALREADY_WORKING.format(day="06/07/2026")),
    (date(2026, 7, 6), "not_holiday", messages.CALENDAR_NOT_A_HOLIDAY.format(day="06/07/2026")),
    (date(2026, 7, 6), "bridge", messages.CALENDAR_KIND_UNKNOWN.format(
        kind="bridge", choices="holiday, workday, not_holiday")),
])
def test_edits_that_make_no_sense_are_refused(db, day, kind, message):
    complaint(db)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        set_day(db, day, kind)
    assert caught.value.message == message
    assert snapshot(db) == before


def test_the_same_edits_give_the_same_calendar(db):
    first = load_calendar(db)
    assert load_calendar(db) is first
    set_day(db, date(2026, 7, 8), "holiday")
    edited = load_calendar(db)
    assert edited is not first and first.is_working_day(date(2026, 7, 8))
