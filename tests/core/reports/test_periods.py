"""Report periods: the 14th cut-off of Circular 01/2024/TT-TTCP and calendar months; the day a
record falls on decides its period (14/03 vs 15/03, across the year end); bad input."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.reports.engine import build_report
from desk_app.core.reports.periods import (
    CALENDAR,
    current_spec,
    in_sentence,
    office_mode,
    parse_period,
    period_for,
    previous,
    set_office_mode,
)
from desk_app.core.storage.db import open_reader
from tests.core.reports.conftest import REPORT_NOW
from tests.support import snapshot

D = date


@pytest.mark.parametrize(("spec", "start", "end", "label"), [
    ("2026-Q1", D(2025, 12, 15), D(2026, 3, 14), "Quý I năm 2026"),
    ("2026-Q2", D(2026, 3, 15), D(2026, 6, 14), "Quý II năm 2026"),
    ("2026-Q3", D(2026, 6, 15), D(2026, 9, 14), "Quý III năm 2026"),
    ("2026-Q4", D(2026, 9, 15), D(2026, 12, 14), "Quý IV năm 2026"),
    ("2026-6M", D(2025, 12, 15), D(2026, 6, 14), "6 tháng đầu năm 2026"),
    ("2026-9M", D(2025, 12, 15), D(2026, 9, 14), "9 tháng năm 2026"),
    ("2026", D(2025, 12, 15), D(2026, 12, 14), "Năm 2026"),
    ("2027-q1", D(2026, 12, 15), D(2027, 3, 14), "Quý I năm 2027"),
    (" 2026-11-01..2026-11-30 ", D(2026, 11, 1), D(2026, 11, 30),
     "Từ ngày 01/11/2026 đến ngày 30/11/2026"),
])
def test_cutoff_periods(spec, start, end, label):
    period = parse_period(spec)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert period.range_text == (f"Số liệu tính từ ngày {start:%d/%m/%Y} đến ngày "
                                 f"{end:%d/%m/%Y}")


@pytest.mark.parametrize(("spec", "start", "end"), [
    ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31)),
    ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31)),
    ("2028-Q1", D(2028, 1, 1), D(2028, 3, 31)),
    ("2026-6M", D(2026, 1, 1), D(2026, 6, 30)),
    ("2026-9M", D(2026, 1, 1), D(2026, 9, 30)),
    ("2026", D(2026, 1, 1), D(2026, 12, 31)),
])
def test_calendar_periods(spec, start, end):
    period = parse_period(spec, CALENDAR)
    assert (period.start, period.end, period.mode) == (start, end, CALENDAR)


@pytest.mark.parametrize(("text", "message"), [
    ("2026-Q5", messages.REPORT_PERIOD_INVALID.format(value="2026-Q5")),
    ("Q4-2026", messages.REPORT_PERIOD_INVALID.format(value="Q4-2026")),
    ("", messages.REPORT_PERIOD_INVALID.format(value="")),
    ("2026-02-30..2026-03-01", messages.REPORT_PERIOD_INVALID.format(
        value="2026-02-30..2026-03-01")),
    ("2026-12-01..2026-11-01", messages.REPORT_PERIOD_ORDER.format(start="01/12/2026",
                                                                   end="01/11/2026")),
    ("1999", messages.REPORT_PERIOD_YEAR.format(value="1999", first=2014, last=2100)),
])
def test_bad_periods(text, message):
    with pytest.raises(DeskError) as info:
        parse_period(text)
    assert info.value.message == message


def test_unknown_mode():
    with pytest.raises(DeskError) as info:
        parse_period("2026", "weekly")
    assert info.value.message == messages.REPORT_MODE_UNKNOWN.format(
        value="weekly", choices="cutoff, calendar")


def test_helpers():
    assert in_sentence("Quý III năm 2026") == "quý III năm 2026"
    assert current_spec(D(2026, 11, 20)) == "2026-Q4"
    assert current_spec(D(2026, 12, 14)) == "2026-Q4"
    assert current_spec(D(2026, 12, 15)) == "2027-Q1"
    assert current_spec(D(2026, 12, 15), CALENDAR) == "2026-Q4"
    q4 = parse_period("2026-Q4")
    before = previous(q4)
    assert (before.start, before.end) == (D(2026, 6, 16), D(2026, 9, 14))


def _visits(db, spec: str, mode: str = "cutoff") -> int:
    return build_report(db, parse_period(spec, mode), now=REPORT_NOW,
                        tables=["tcd"]).cell("tcd:tong:1")


def _ids(db, spec: str, mode: str = "cutoff") -> set[int]:
    from desk_app.core.reports.explain import explain

    found = explain(db, parse_period(spec, mode), "tcd:tong:1", now=REPORT_NOW)
    return {int(r.id) for r in found.records}


def test_the_day_decides_the_period(office):
    ids = office.ids
    q3, q4, q1 = _ids(office, "2026-Q3"), _ids(office, "2026-Q4"), _ids(office, "2027-Q1")
    # V1 on Monday 14/09 closes Q3; V2 on Tuesday 15/09 opens Q4.
    assert ids["V1"] in q3 and ids["V1"] not in q4
    assert ids["V2"] in q4 and ids["V2"] not in q3
    # V7 on 14/12 closes Q4 (and the year 2026); V8 on 15/12 opens Q1 and the year 2027.
    assert ids["V7"] in q4 and ids["V8"] not in q4
    assert ids["V8"] in q1 and ids["V7"] not in q1
    year_2026, year_2027 = _ids(office, "2026"), _ids(office, "2027")
    assert ids["V7"] in year_2026 and ids["V8"] not in year_2026 and ids["V8"] in year_2027
    assert _visits(office, "2026") == 11  # V0 … V11 except V8 (15/12)
    assert _visits(office, "2027-Q1") == 1
    # Calendar quarters: Q4 = 01/10–31/12 takes V8 (15/12) but not V2 (15/09).
    cal = _ids(office, "2026-Q4", CALENDAR)
    assert ids["V8"] in cal and ids["V7"] in cal and ids["V2"] not in cal
    assert ids["V2"] in _ids(office, "2026-Q3", CALENDAR)


def test_office_mode_setting(office):
    assert office_mode(office) == "cutoff"
    assert period_for(office, "2026-Q4").start == D(2026, 9, 15)
    set_office_mode(office, CALENDAR)
    assert office_mode(office) == CALENDAR
    assert period_for(office, "2026-Q4").start == D(2026, 10, 1)
    assert period_for(office, "2026-Q4", "cutoff").start == D(2026, 9, 15)
    before = snapshot(office)
    with pytest.raises(DeskError) as info:
        set_office_mode(office, "weekly")
    assert info.value.message == messages.REPORT_MODE_UNKNOWN.format(
        value="weekly", choices="cutoff, calendar")
    assert snapshot(office) == before


def test_a_report_writes_nothing(office, db_path):
    """Reports read only: they run on the window's read-only connection."""
    before = snapshot(office)
    reader = open_reader(office.conn.execute("PRAGMA database_list").fetchone()[2])
    try:
        report = build_report(reader, parse_period("2026"), now=REPORT_NOW)
    finally:
        reader.close()
    assert report.failures == ()
    assert snapshot(office) == before
