"""The office's own edits to the national holiday calendar, kept in `calendar_days`.

The Prime Minister fixes Tết and National Day breaks each year and sometimes swaps working
days (docs/legal.md, “Holidays”): the office records what the year's decision says, and the open
cases whose due dates the edit can move are recomputed (cases/recompute.py). The days are read
and written by office_days.py, below the case services; this module, above them, is where an
edit and its recompute meet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases import recompute
from desk_app.core.cases.calendar import check_date, fmt
from desk_app.core.cases.office_days import (  # noqa: F401  (importable here, as before)
    KINDS,
    SWITCH_SETTINGS,
    load_calendar,
    office_days,
    switched_on,
    write_day,
)
from desk_app.core.errors import Cancelled, DeskError
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

def set_day(db: Database, day: date, kind: str, label: str = "", *,
            progress: Callable[[int, int], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> int:
    """Record one edit; the whole calendar must still make sense. Then the open cases whose
    due dates it can move are recomputed, in short transactions (cases/recompute.py):
    `progress(done, total)` as they go, and `cancel()` returning true undoes the edit and
    raises `Cancelled`. Returns the number of cases recomputed."""
    if kind not in KINDS:
        raise DeskError(messages.CALENDAR_KIND_UNKNOWN.format(kind=kind, choices=", ".join(KINDS)))
    check_date(day)
    cal = load_calendar(db)
    if kind == "workday" and cal.is_working_day(day):
        raise DeskError(messages.CALENDAR_ALREADY_WORKING.format(day=fmt(day)))
    if kind == "holiday" and not cal.is_working_day(day):
        raise DeskError(messages.CALENDAR_ALREADY_OFF.format(day=fmt(day)))
    if kind == "not_holiday" and cal.holiday_name(day) is None:
        raise DeskError(messages.CALENDAR_NOT_A_HOLIDAY.format(day=fmt(day)))
    return _edit(db, day, (day.isoformat(), kind, clean(label)), progress, cancel)


def remove_day(db: Database, day: date, *, progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> int:
    """Undo the office's edit of `day`; cases recomputed as for `set_day`."""
    return _edit(db, day, None, progress, cancel)


def _edit(db: Database, day: date, row: tuple[str, str, str] | None,
          progress: Callable[[int, int], None] | None,
          cancel: Callable[[], bool] | None) -> int:
    """Write (or, row None, delete) the edit of `day` and recompute what it can move. The edit,
    the choice of cases and the mark that they are being recomputed commit together; if the
    recompute is cancelled, the old edit is put back and the same cases recomputed again."""
    with db.atomic():
        before = write_day(db, day, row)
        load_calendar(db)  # raises on a contradictory set before anything is committed
        cases = recompute.moved_by_day(db, day)
        recompute.mark_pending(db)
    try:
        return recompute.recompute_cases(db, cases, progress=progress, cancel=cancel)
    except Cancelled:
        with db.atomic():
            write_day(db, day, before)
            recompute.mark_pending(db)
        recompute.recompute_cases(db, cases)
        raise


def year_days(db: Database, year: int) -> list[tuple[date, str, str, str, str]]:
    """The year's days that differ from a plain week: (day, kind, label, source, basis) with
    kind "holiday" (a weekday off) or "workday" (a weekend day worked), source "office" or
    "national", and the basis of a national day (the article or notice it comes from)."""
    cal = load_calendar(db)
    edited = {date.fromisoformat(day) for day, _k, _l in office_days(db, year)}
    out = []
    day = date(year, 1, 1)
    while day.year == year:
        weekend = day.weekday() >= 5
        source = "office" if day in edited else "national"
        basis = cal.source(day)
        if not weekend and not cal.is_working_day(day):
            out.append((day, "holiday", cal.holiday_name(day) or "", source, basis))
        elif weekend and cal.is_working_day(day):
            out.append((day, "workday", KINDS["workday"], source, basis))
        elif weekend and cal.holiday_name(day):
            out.append((day, "holiday", cal.holiday_name(day) or "", source, basis))
        day += timedelta(days=1)
    return out
