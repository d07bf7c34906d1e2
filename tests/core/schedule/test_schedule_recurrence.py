"""Where a rule's occurrences fall: Tết 2027, swapped days, the holiday policies, bad rules."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.schedule.recurrence import (
    EVERY_WORKING_DAY,
    check_rule,
    describe,
    place,
    weekly,
)
from tests.core.schedule.conftest import THURSDAY, error_of

FRIDAY = 4


def by_rule_day(occurrences):
    return {o.rule_day: o for o in occurrences}


def test_a_thursday_in_tet_2027_moves_to_the_wednesday_before_in_the_same_week():
    # python-holidays: Tết 2027 is Thu 04/02 – Wed 10/02 (provisional; rules/holidays_vn.json).
    found = by_rule_day(place(weekly((THURSDAY,)), date(2027, 1, 28), date(2027, 2, 25),
                              "same_week", WorkCalendar()))
    assert [o.day for o in found.values()] == [
        date(2027, 1, 28), date(2027, 2, 3), date(2027, 2, 11), date(2027, 2, 18),
        date(2027, 2, 25)]
    tet = found[date(2027, 2, 4)]
    assert tet.note == "Chuyển từ Thứ Năm 04/02/2027 (Tết Nguyên đán)"
    assert found[date(2027, 2, 11)].note == ""  # the first Thursday after Tết is a plain day


def test_next_working_day_policy_drops_an_occurrence_whose_next_day_already_has_one():
    found = by_rule_day(place(weekly((THURSDAY,)), date(2027, 2, 1), date(2027, 2, 28), "next",
                              WorkCalendar()))
    # The next working day after Thu 04/02 is Thu 11/02, the rule's own next session.
    assert found[date(2027, 2, 4)].day is None
    assert found[date(2027, 2, 4)].note == "Không tiếp Thứ Năm 04/02/2027 (Tết Nguyên đán)"
    assert found[date(2027, 2, 11)].day == date(2027, 2, 11)
    # National Day 2027 (Thu 02/09 and Fri 03/09): next working day is Mon 06/09.
    sept = by_rule_day(place(weekly((THURSDAY,)), date(2027, 9, 1), date(2027, 9, 10), "next",
                             WorkCalendar()))
    assert sept[date(2027, 9, 2)].day == date(2027, 9, 6)
    assert sept[date(2027, 9, 2)].note == "Chuyển từ Thứ Năm 02/09/2027 (Quốc khánh)"


def test_skip_policy_keeps_a_visible_note_and_no_day():
    found = by_rule_day(place(weekly((THURSDAY,)), date(2027, 2, 1), date(2027, 2, 28), "skip",
                              WorkCalendar()))
    assert found[date(2027, 2, 4)].day is None
    assert "Tết Nguyên đán" in found[date(2027, 2, 4)].note


def test_every_working_day_includes_a_swapped_saturday_and_leaves_out_the_day_it_replaces():
    found = by_rule_day(place(EVERY_WORKING_DAY, date(2026, 8, 17), date(2026, 9, 6), "skip",
                              WorkCalendar()))
    saturday = found[date(2026, 8, 22)]  # worked in exchange for Mon 31/08 (python-holidays)
    assert saturday.day == date(2026, 8, 22)
    assert saturday.note == "Làm bù cho ngày nghỉ 31/08/2026"
    assert found[date(2026, 8, 31)].day is None
    assert found[date(2026, 8, 31)].note.startswith("Không tiếp Thứ Hai 31/08/2026 (Nghỉ hoán đổi")
    assert found[date(2026, 9, 2)].note == "Không tiếp Thứ Tư 02/09/2026 (Quốc khánh)"
    # Plain weekends are neither sessions nor notes.
    assert date(2026, 8, 23) not in found and date(2026, 8, 29) not in found
    held = [o.day for o in found.values() if o.day]
    assert len(held) == 15 - 3 + 1  # 3 weeks of weekdays, 3 days off, 1 swapped Saturday


def test_an_office_swap_moves_the_friday_session_to_the_swapped_saturday():
    cal = WorkCalendar(extra_holidays={date(2027, 3, 12): "Nghỉ bù (quyết định của tỉnh)"},
                       workdays={date(2027, 3, 13): "Làm bù cho thứ Sáu 12/03/2027"})
    found = by_rule_day(place(weekly((FRIDAY,)), date(2027, 3, 1), date(2027, 3, 31),
                              "same_week", cal))
    assert found[date(2027, 3, 12)].day == date(2027, 3, 13)
    assert found[date(2027, 3, 12)].note == \
        "Chuyển từ Thứ Sáu 12/03/2027 (Nghỉ bù (quyết định của tỉnh))"
    desk = by_rule_day(place(EVERY_WORKING_DAY, date(2027, 3, 8), date(2027, 3, 14), "skip", cal))
    assert desk[date(2027, 3, 13)].note == "Làm bù cho thứ Sáu 12/03/2027"


@pytest.mark.parametrize("rule, first, last, policy, expected", [
    ("FREQ=WEEKLY;BYDAY=TH", date(2027, 1, 1), None, "same_week",
     messages.SCHEDULE_RULE_NO_END.format(years=10)),
    ("FREQ=WEEKLY;BYDAY=TH", date(2027, 1, 1), date(2037, 1, 2), "same_week",
     messages.SCHEDULE_RULE_TOO_LONG.format(years=10, last="02/01/2037", limit="01/01/2037")),
    ("FREQ=WEEKLY;BYDAY=TH", date(2027, 1, 1), date(2026, 12, 1), "same_week",
     messages.SCHEDULE_RULE_END_BEFORE_START.format(first="01/01/2027", last="01/12/2026")),
    ("FREQ=SOMETIMES", date(2027, 1, 1), date(2027, 6, 1), "same_week",
     messages.SCHEDULE_RULE_INVALID.format(rule="FREQ=SOMETIMES")),
    ("FREQ=WEEKLY;BYDAY=TH;UNTIL=20300101", date(2027, 1, 1), date(2027, 6, 1), "same_week",
     messages.SCHEDULE_RULE_INVALID.format(rule="FREQ=WEEKLY;BYDAY=TH;UNTIL=20300101")),
    ("FREQ=WEEKLY;BYDAY=TH", date(2027, 1, 1), date(2027, 6, 1), "sometimes",
     messages.SCHEDULE_POLICY_UNKNOWN.format(value="sometimes",
                                             choices="same_week, next, skip")),
])
def test_bad_rules_are_refused_with_a_clear_message(rule, first, last, policy, expected):
    assert error_of(check_rule, rule, first, last, policy) == expected


def test_a_ten_year_rule_is_accepted_and_described():
    assert check_rule(" rrule:freq=weekly;byday=th ", date(2027, 1, 1), date(2037, 1, 1),
                      "next") == "FREQ=WEEKLY;BYDAY=TH"
    assert describe("FREQ=WEEKLY;BYDAY=TH") == "Thứ Năm hằng tuần"
    assert describe(weekly((0, 3), 2)) == "Thứ Hai, Thứ Năm 2 tuần một lần"
    assert describe(EVERY_WORKING_DAY) == "Tất cả các ngày làm việc"
