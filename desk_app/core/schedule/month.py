"""The schedule's month: whole weeks, Monday first, each day with its sessions and the alerts
of the sessions and weeks shown (the schedule page)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.errors import DeskError
from desk_app.core.schedule.checks import alerts_for
from desk_app.core.schedule.model import Alert, SessionRow
from desk_app.core.schedule.views import sessions_between

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class DayCell:
    day: date
    in_month: bool
    working: bool
    label: str  # the holiday's name, or why a weekend day is worked; '' otherwise
    sessions: tuple[SessionRow, ...]


@dataclass(frozen=True)
class MonthView:
    year: int
    month: int
    weeks: tuple[tuple[DayCell, ...], ...]  # Monday first
    alerts: tuple[Alert, ...]


def _grid(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    end = last + timedelta(days=6 - last.weekday())
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _label(cal: WorkCalendar, d: date) -> str:
    if cal.is_working_day(d):
        return cal.workday_label(d) or ""
    return cal.holiday_name(d) or ""


def month_view(db: Database, year: int, month: int, today: date) -> MonthView:
    """The month's weeks (whole weeks, Monday first) with their sessions and the alerts of
    the sessions and weeks shown."""
    if not 1 <= month <= 12:
        raise DeskError(messages.SCHEDULE_MONTH_FORMAT.format(value=f"{year}-{month}"))
    days = _grid(year, month)
    cal = load_calendar(db)
    shown = sessions_between(db, days[0], days[-1])
    found = alerts_for(db, shown, days[0], days[-1], today, cal)
    per_session: dict[int, list[Alert]] = {}
    for alert in found:
        if alert.session_id is not None:
            per_session.setdefault(alert.session_id, []).append(alert)
    by_day: dict[date, list[SessionRow]] = {}
    for row in shown:
        by_day.setdefault(row.day, []).append(
            replace(row, warnings=tuple(per_session.get(row.id, ()))))
    cells = [DayCell(d, d.month == month, cal.is_working_day(d), _label(cal, d),
                     tuple(by_day.get(d, ()))) for d in days]
    weeks = tuple(tuple(cells[i:i + 7]) for i in range(0, len(cells), 7))
    return MonthView(year, month, weeks, tuple(found))
