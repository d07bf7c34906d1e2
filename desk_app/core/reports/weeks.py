"""Weeks of the period in which the head had to receive citizens: those with a working day
(Reception Law 2013 art. 15(2)(d): at least one day every week). A week without the head's
periodic session is the one `schedule.compliance` reports; weeks still to come are "future".
This is a calendar figure, so it is computed here, not in SQL; its records are the weeks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app.core.cases.office_days import load_calendar
from desk_app.core.schedule.compliance import compliance

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk_app.core.reports.periods import Period
    from desk_app.core.reports.scope import Scope


def week_rows(db: Database, scope: Scope, period: Period, now: datetime) -> list[tuple]:
    """(monday ISO, office, state, 1) for each week of the period with a working day."""
    cal = load_calendar(db)
    missed = set(compliance(db, period.start, period.end, now).weeks_without_head)
    rows = []
    monday = period.start - timedelta(days=period.start.weekday())
    while monday <= period.end:
        first, last = max(monday, period.start), min(monday + timedelta(days=6), period.end)
        if cal.count_working_days(first - timedelta(days=1), last):
            state = ("missed" if monday in missed
                     else "future" if monday > now.date() else "covered")
            rows.append((monday.isoformat(), scope.office_code, state, 1))
        monday += timedelta(days=7)
    return rows


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())

