"""Where a recurring rule's occurrences fall on the office's working-day calendar.

The rule itself is an RFC 5545 RRULE expanded by python-dateutil; this module only places
each occurrence on the calendar (desk_app/core/cases/calendar.py): a day off (a holiday, a
swapped day off) moves or drops the occurrence as the rule's holiday policy says, with a note
that the month view and the posted schedule show. A worked weekend day (a swapped Saturday) is
a working day like any other, so an "every working day" rule (FREQ=DAILY) includes it.

Pure: no database. `core/schedule/sessions.py` stores what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar, fmt
from desk_app.core.errors import DeskError
from desk_app.core.schedule.model import HOLIDAY_POLICIES, MAX_YEARS, RRULE_DAYS, WEEKDAYS

_FORBIDDEN = ("DTSTART", "UNTIL", "COUNT")  # the rule's bounds are stored beside it


@dataclass(frozen=True)
class Occurrence:
    rule_day: date  # the day the rule gives
    day: date | None  # the day it is held on (None: dropped)
    note: str  # why it moved or was dropped, or what is special about the day ('' if nothing)


def weekly(days: tuple[int, ...], interval: int = 1) -> str:
    """FREQ=WEEKLY on some weekdays (0 = Monday): "every Thursday"."""
    names = ",".join(RRULE_DAYS[d] for d in sorted(set(days)))
    return f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={names}" if interval > 1 \
        else f"FREQ=WEEKLY;BYDAY={names}"


EVERY_WORKING_DAY = "FREQ=DAILY"  # with holiday policy "skip": exactly the working days


def check_rule(rule: str, first_day: date, last_day: date | None, policy: str) -> str:
    """The rule text normalised, or a DeskError saying what is wrong (nothing is saved)."""
    text = " ".join((rule or "").upper().split()).removeprefix("RRULE:")
    if policy not in HOLIDAY_POLICIES:
        raise DeskError(messages.SCHEDULE_POLICY_UNKNOWN.format(
            value=policy, choices=", ".join(HOLIDAY_POLICIES)), field="holiday_policy")
    if not text or any(part.split("=")[0] in _FORBIDDEN for part in text.split(";")):
        raise DeskError(messages.SCHEDULE_RULE_INVALID.format(rule=rule), field="rule")
    if last_day is None:
        raise DeskError(messages.SCHEDULE_RULE_NO_END.format(years=MAX_YEARS), field="last_day")
    if last_day < first_day:
        raise DeskError(messages.SCHEDULE_RULE_END_BEFORE_START.format(
            first=fmt(first_day), last=fmt(last_day)), field="last_day")
    try:
        limit = first_day.replace(year=first_day.year + MAX_YEARS)
    except ValueError:  # 29 February
        limit = first_day.replace(year=first_day.year + MAX_YEARS, day=28)
    if last_day > limit:
        raise DeskError(messages.SCHEDULE_RULE_TOO_LONG.format(
            years=MAX_YEARS, last=fmt(last_day), limit=fmt(limit)), field="last_day")
    try:
        rrulestr(f"RRULE:{text}", dtstart=datetime.combine(first_day, time()))
    except (ValueError, TypeError):
        raise DeskError(messages.SCHEDULE_RULE_INVALID.format(rule=rule), field="rule") from None
    return text


def rule_days(rule: str, first_day: date, last_day: date) -> list[date]:
    start = datetime.combine(first_day, time())
    expanded = rrulestr(f"RRULE:{rule}", dtstart=start).replace(
        until=datetime.combine(last_day, time(23, 59)))
    return [d.date() for d in expanded]


def _day_text(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {fmt(d)}"


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _candidates(d: date, policy: str, cal: WorkCalendar) -> list[date]:
    if policy == "next":
        return [cal.next_working_day(d)]
    if policy == "same_week":  # later days of the week first, then earlier ones, nearest first
        monday, sunday = _week(d)
        later = [d + timedelta(days=i) for i in range(1, (sunday - d).days + 1)]
        earlier = [d - timedelta(days=i) for i in range(1, (d - monday).days + 1)]
        return [x for x in later + earlier if cal.is_working_day(x)]
    return []


def place(rule: str, first_day: date, last_day: date, policy: str,
          cal: WorkCalendar) -> list[Occurrence]:
    """Every occurrence of the rule in [first_day, last_day], placed on working days."""
    days = rule_days(rule, first_day, last_day)
    daily = rule.startswith("FREQ=DAILY")
    if daily:
        policy = "skip"  # moving a daily occurrence would only land on the next one
    taken = {d for d in days if cal.is_working_day(d)}
    out: list[Occurrence] = []
    for d in days:
        if cal.is_working_day(d):
            out.append(Occurrence(d, d, cal.workday_label(d) or ""))
            continue
        if d.weekday() >= 5:
            continue  # a weekend day off: nothing to move, nothing to say
        label = cal.day_label(d)
        target = next((x for x in _candidates(d, policy, cal) if x not in taken), None)
        if target is None or target > last_day:
            out.append(Occurrence(d, None, messages.SCHEDULE_NOTE_DROPPED.format(
                day=_day_text(d), label=label)))
        else:
            taken.add(target)
            out.append(Occurrence(d, target, messages.SCHEDULE_NOTE_MOVED.format(
                day=_day_text(d), label=label)))
    return out


def describe(rule: str) -> str:
    """A rule in Vietnamese: "Thứ Năm hằng tuần", "Tất cả các ngày làm việc"."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    freq = parts.get("FREQ")
    if freq == "DAILY" and "BYDAY" not in parts:
        return messages.SCHEDULE_RULE_EVERY_WORKING_DAY
    if freq == "WEEKLY" and "BYDAY" in parts:
        names = [WEEKDAYS[RRULE_DAYS.index(x)] for x in parts["BYDAY"].split(",")
                 if x in RRULE_DAYS]
        interval = int(parts.get("INTERVAL", "1"))
        every = "hằng tuần" if interval == 1 else f"{interval} tuần một lần"
        return f"{', '.join(names)} {every}"
    return rule
