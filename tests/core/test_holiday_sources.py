"""The shipped calendar (resources/rules/holidays_vn.json): New Year 2026, the 24/11 switch,
and a source for every holiday and swapped working day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar, switches
from desk_app.core.cases.deadlines import CaseFacts, compute_milestones
from desk_app.core.cases.office_calendar import load_calendar, year_days
from desk_app.core.cases.recompute import save_settings
from desk_app.core.errors import DeskError
from desk_app.core.storage import settings


def due(facts: CaseFacts, cal: WorkCalendar, key: str) -> date:
    return next(m.due_on for m in compute_milestones(facts, cal) if m.key == key)


def test_new_year_2026_swap_12729_vpcp_kgvx():
    cal = WorkCalendar()
    # Government Office letter 12729/VPCP-KGVX: Fri 02/01/2026 off, Sat 10/01/2026 worked.
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.is_working_day(date(2026, 1, 10))
    assert "12729/VPCP-KGVX" in cal.source(date(2026, 1, 2))
    assert "12729/VPCP-KGVX" in cal.source(date(2026, 1, 10))
    # Refusal notice, 3 working days (Form 01/TCD). Refused Wed 31/12/2025: Thu 01/01 Tết
    # Dương lịch, Fri 02/01 swapped off, weekend; Mon 05 (1), Tue 06 (2), Wed 07/01/2026 (3).
    refused = CaseFacts("kien_nghi", date(2025, 12, 31), refused_on=date(2025, 12, 31))
    assert due(refused, cal, "refusal_notice") == date(2026, 1, 7)
    # Refused Thu 08/01/2026: Fri 09 (1), Sat 10/01 worked (2), Mon 12/01/2026 (3).
    refused = CaseFacts("kien_nghi", date(2026, 1, 8), refused_on=date(2026, 1, 8))
    assert due(refused, cal, "refusal_notice") == date(2026, 1, 12)


def test_culture_day_is_a_working_day_unless_the_office_switches_it_on():
    # Labour Code 2019 art. 112(1) does not list 24/11: a working day by default. Reception
    # Law art. 28(1), 10 working days from Mon 16/11/2026: 17–20 (4), 23 (5), Tue 24 (6),
    # 25–27 (9), Mon 30/11/2026 (10); with 24/11 off: Tue 01/12/2026.
    facts = CaseFacts("kien_nghi", date(2026, 11, 16))
    assert due(facts, WorkCalendar(), "answer_visitor") == date(2026, 11, 30)
    on = WorkCalendar(switched_on={"culture_day_off"})
    assert due(facts, on, "answer_visitor") == date(2026, 12, 1)
    assert on.holiday_name(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert on.source(date(2026, 11, 24))
    # Not before 2026, and not made up when it falls on a weekend (Sat 24/11/2029).
    assert on.is_working_day(date(2025, 11, 24))
    assert on.is_working_day(date(2029, 11, 26))
    spec = switches()["culture_day_off"]
    assert spec["default"] is False and "art. 112" in spec["why"]


def test_the_office_switch_is_a_setting_that_recomputes(db):
    assert load_calendar(db).is_working_day(date(2026, 11, 24))
    assert save_settings(db, {"culture_day_off": "1"}) is True  # every case recomputed
    assert not load_calendar(db).is_working_day(date(2026, 11, 24))
    with pytest.raises(DeskError) as caught:
        settings.put(db, "culture_day_off", "yes")
    assert caught.value.message == messages.SETTING_NOT_A_SWITCH.format(value="yes")


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_every_shipped_holiday_and_swapped_day_has_a_source(db, year):
    days = year_days(db, year)
    assert days
    for day, kind, label, source, basis in days:
        assert source == "national" and label and basis, (day, kind, label)
    cal = WorkCalendar()
    day = date(year, 1, 1)
    while day.year == year:
        if (day.weekday() < 5) != cal.is_working_day(day):
            assert cal.source(day), day
        day += timedelta(days=1)
