"""Working-day calendar (Labour Code 2019 art. 111–112; docs/legal.md, “Counting days”).

Expected dates are worked out by hand in the comments from the national calendar python-holidays
gives (printed for 2024–2028 when this was written) and the weekday of each date.
"""

from __future__ import annotations

import json
import random
import time
from datetime import date, timedelta

import pytest

from desk_app.core.cases.calendar import WorkCalendar, describe_skipped, fmt
from desk_app.core.errors import DeskError


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def brute_add(cal: WorkCalendar, start: date, n: int) -> date:
    """Reference: walk day by day (the start day never counts)."""
    day, step, left = start, (1 if n > 0 else -1), abs(n)
    while left:
        day += timedelta(days=step)
        if cal.is_working_day(day):
            left -= 1
    return day


# ---------------------------------------------------------------- national holidays

def test_tet_2027_labour_code_art_112(cal):
    # Art. 112(1)(b): 5 days of Tết. Mùng 1 Tết Đinh Mùi is Sat 06/02/2027, mùng 2 Sun 07/02;
    # python-holidays moves them to Thu 04/02 (before) and Wed 10/02 (after), so 04/02–10/02
    # (Thu–Wed, weekend inside) is off; Wed 03/02 and Thu 11/02 are working days.
    assert cal.holiday_name(date(2027, 2, 6)) == "Tết Nguyên đán"
    assert [cal.is_working_day(date(2027, 2, d)) for d in range(3, 12)] == [
        True, False, False, False, False, False, False, False, True]
    assert all(cal.holiday_name(date(2027, 2, d)) == "Tết Nguyên đán" for d in range(4, 11))


def test_labels_of_the_other_holidays_art_112(cal):
    assert cal.holiday_name(date(2026, 1, 1)) == "Tết Dương lịch"
    # Giỗ Tổ 10/3 lunar = Sun 26/04/2026; art. 111(3): compensated on Mon 27/04.
    assert cal.holiday_name(date(2026, 4, 26)) == "Giỗ Tổ Hùng Vương"
    assert cal.holiday_name(date(2026, 4, 27)) == "Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert cal.holiday_name(date(2026, 4, 30)) == "Ngày Giải phóng miền Nam"
    assert cal.holiday_name(date(2026, 5, 1)) == "Quốc tế Lao động"
    # 2/9 (Wed) plus one adjacent day: Tue 01/09/2026.
    assert cal.holiday_name(date(2026, 9, 2)) == "Quốc khánh"
    assert cal.holiday_name(date(2026, 9, 1)) == "Quốc khánh"
    # Labour Day 01/05/2027 is a Saturday: compensated on Mon 03/05/2027.
    assert cal.holiday_name(date(2027, 5, 3)) == "Quốc tế Lao động (nghỉ bù)"
    assert cal.holiday_name(date(2026, 3, 4)) is None  # an ordinary Wednesday
    assert cal.holiday_name(date(2026, 3, 7)) is None  # a plain Saturday is no holiday
    assert cal.day_label(date(2026, 3, 7)) == "thứ Bảy"


def test_prime_minister_swaps_count_the_saturday_worked(cal):
    # 2025: Fri 02/05 off in exchange for working Sat 26/04/2025.
    assert not cal.is_working_day(date(2025, 5, 2))
    assert cal.is_working_day(date(2025, 4, 26))
    assert cal.holiday_name(date(2025, 5, 2)).startswith("Nghỉ hoán đổi")
    # 2026: Mon 31/08 off for Sat 22/08/2026.
    assert not cal.is_working_day(date(2026, 8, 31))
    assert cal.is_working_day(date(2026, 8, 22))
    # A swap across the new year: Mon 31/12/2018 off for Sat 05/01/2019.
    assert not cal.is_working_day(date(2018, 12, 31))
    assert cal.is_working_day(date(2019, 1, 5))


# ---------------------------------------------------------------- counting

def test_start_day_does_not_count(cal):
    # Mon 05/10/2026 + 1 → Tue 06/10; Fri 09/10 + 1 → Mon 12/10; Sat 10/10 + 1 → Mon 12/10.
    assert cal.add_working_days(date(2026, 10, 5), 1) == date(2026, 10, 6)
    assert cal.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 12)
    assert cal.add_working_days(date(2026, 10, 10), 1) == date(2026, 10, 12)
    assert cal.add_working_days(date(2026, 10, 10), 0) == date(2026, 10, 10)
    # Backwards: the working day before Mon 12/10 is Fri 09/10.
    assert cal.add_working_days(date(2026, 10, 12), -1) == date(2026, 10, 9)


def test_across_the_new_year(cal):
    # Wed 30/12/2026 + 3: Thu 31/12 (1), Fri 01/01/2027 Tết Dương lịch, weekend, Mon 04/01 (2),
    # Tue 05/01 (3).
    assert cal.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 5)
    assert cal.add_working_days(date(2027, 1, 5), -3) == date(2026, 12, 30)
    assert cal.count_working_days(date(2026, 12, 30), date(2027, 1, 5)) == 3


def test_matches_a_day_by_day_walk(cal):
    rng = random.Random(7)
    for _ in range(400):
        start = date(2001, 1, 1) + timedelta(days=rng.randrange(365 * 98))
        n = rng.randrange(-60, 400)
        due = cal.add_working_days(start, n)
        assert due == brute_add(cal, start, n), (start, n)
        if n > 0:
            assert cal.count_working_days(start, due) == n


def test_next_and_calendar_days(cal):
    assert cal.next_working_day(date(2026, 11, 1)) == date(2026, 11, 2)  # Sun → Mon
    assert cal.next_working_day(date(2026, 11, 2)) == date(2026, 11, 2)
    assert cal.previous_working_day(date(2026, 11, 1)) == date(2026, 10, 30)
    assert cal.add_calendar_days(date(2026, 10, 2), 30) == date(2026, 11, 1)


def test_fast_enough(cal):
    # 100,000 additions must be far below the 10 s budget for 100k cases × all milestones.
    rng = random.Random(1)
    starts = [date(2024, 1, 1) + timedelta(days=rng.randrange(1500)) for _ in range(100_000)]
    began = time.perf_counter()
    for start in starts:
        cal.add_working_days(start, 10)
    assert time.perf_counter() - began < 2.0


# ---------------------------------------------------------------- office edits

def test_office_extra_holiday_swapped_saturday_and_removed_holiday():
    # Mon 01/03/2027 + 10: 02–05/03 (4), 08–12/03 (9), Mon 15/03 (10).
    plain = WorkCalendar()
    assert plain.add_working_days(date(2027, 3, 1), 10) == date(2027, 3, 15)
    # The office adds Wed 10/03 as a holiday: one more day → Tue 16/03.
    extra = WorkCalendar(extra_holidays={date(2027, 3, 10): "Nghỉ theo quyết định của tỉnh"})
    assert extra.holiday_name(date(2027, 3, 10)) == "Nghỉ theo quyết định của tỉnh"
    assert extra.add_working_days(date(2027, 3, 1), 10) == date(2027, 3, 16)
    # …and works Sat 13/03 in exchange: 02–05 (4), 08–09 (6), 11–12 (8), Sat 13 (9), Mon 15 (10).
    swapped = WorkCalendar(extra_holidays={date(2027, 3, 10): "Nghỉ theo quyết định của tỉnh"},
                           workdays={date(2027, 3, 13): "Làm bù"})
    assert swapped.is_working_day(date(2027, 3, 13))
    assert swapped.add_working_days(date(2027, 3, 1), 10) == date(2027, 3, 15)
    # A national holiday the office works on: Thu 02/09/2027 becomes a working day.
    removed = WorkCalendar(removed_holidays=[date(2027, 9, 2)])
    assert removed.is_working_day(date(2027, 9, 2))
    assert not removed.is_working_day(date(2027, 9, 3))


def test_contradictory_office_edits_are_refused():
    with pytest.raises(DeskError, match="13/03/2027"):
        WorkCalendar(extra_holidays={date(2027, 3, 13): "x"}, workdays={date(2027, 3, 13): "y"})


def test_national_corrections_file(tmp_path):
    path = tmp_path / "holidays_vn.json"
    path.write_text(json.dumps({"format": 1, "labels": [["Chiến thắng", "Ngày 30/4"]], "years": {
        "2027": {"holidays": {"2027-02-11": "Tết Nguyên đán"}, "workdays": {"2027-02-20": "Làm bù Tết"},
                 "removed": ["2027-02-10"]}}}), encoding="utf-8")
    cal = WorkCalendar(national_file=path)
    assert not cal.is_working_day(date(2027, 2, 11))
    assert cal.is_working_day(date(2027, 2, 10))
    assert cal.is_working_day(date(2027, 2, 20))
    assert cal.holiday_name(date(2027, 4, 30)) == "Ngày 30/4"


# ---------------------------------------------------------------- range

@pytest.mark.parametrize("call", [
    lambda c: c.is_working_day(date(1999, 12, 31)),
    lambda c: c.add_working_days(date(2100, 12, 28), 10),  # runs into 2101
    lambda c: c.add_calendar_days(date(2100, 12, 28), 10),
    lambda c: c.holiday_name(date(2101, 1, 1)),
])
def test_years_outside_2000_2100_are_refused(cal, call):
    with pytest.raises(DeskError, match="2000–2100"):
        call(cal)


def test_office_edit_out_of_range():
    with pytest.raises(DeskError, match="2000–2100"):
        WorkCalendar(extra_holidays={date(1990, 1, 2): "x"})


# ---------------------------------------------------------------- explanations

def test_skipped_runs_are_grouped_and_labelled(cal):
    runs = cal.skipped_runs(date(2027, 1, 30), date(2027, 2, 15))
    assert [str(r) for r in runs] == [
        "30/01–31/01 (thứ Bảy, Chủ nhật)", "04/02–10/02 (Tết Nguyên đán)",
        "13/02–14/02 (thứ Bảy, Chủ nhật)"]
    assert [r.weekend_only for r in runs] == [True, False, True]
    assert describe_skipped(runs) == (
        "30/01–31/01 (thứ Bảy, Chủ nhật), 04/02–10/02 (Tết Nguyên đán), "
        "13/02–14/02 (thứ Bảy, Chủ nhật)")


def test_a_run_names_its_holidays_not_the_compensatory_days(cal):
    # Fri 30/04/2027 – Mon 03/05/2027: 30/4, Labour Day on Saturday, Sunday, its compensation.
    (run,) = cal.skipped_runs(date(2027, 4, 30), date(2027, 5, 3))
    assert str(run) == "30/04–03/05 (Ngày Giải phóng miền Nam, Quốc tế Lao động)"
    # 29/08–02/09/2026: weekend, the swapped Monday 31/08, then Quốc khánh.
    (run,) = cal.skipped_runs(date(2026, 8, 29), date(2026, 9, 2))
    assert run.label == "Quốc khánh"


def test_many_plain_weekends_are_summed_up(cal):
    # October 2026 has 5 Saturdays and 4 Sundays (1 Oct is a Thursday), no holiday: 9 days.
    runs = cal.skipped_runs(date(2026, 10, 1), date(2026, 10, 31))
    assert describe_skipped(runs) == "9 ngày thứ Bảy, Chủ nhật"
    # With a holiday inside, the holiday stays listed.
    runs = cal.skipped_runs(date(2026, 8, 1), date(2026, 9, 30))
    text = describe_skipped(runs)
    assert text.startswith("29/08–02/09 (Quốc khánh), ") and "ngày thứ Bảy, Chủ nhật" in text


def test_fmt():
    assert fmt(date(2026, 3, 5)) == "05/03/2026"
