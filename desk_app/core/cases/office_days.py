"""The office's own days (`calendar_days`) and calendar switches, read into its working-day
calendar, and written one day at a time. Below the case services, which count due dates on
it; an edit and the recompute of the cases it moves are office_calendar.py's.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from desk_app.core.cases.calendar import WorkCalendar

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = {
    "holiday": "Ngày nghỉ thêm",
    "workday": "Ngày làm việc bù",
    "not_holiday": "Bỏ ngày nghỉ",
}


# Office settings that turn a switch of the national file on (resources/rules/holidays_vn.json).
SWITCH_SETTINGS = {"culture_day_off": "culture_day_off"}


def switched_on(db: Database) -> frozenset[str]:
    """The national file's switches this office has on (settings; missing: off)."""
    marks = ",".join("?" * len(SWITCH_SETTINGS))
    on = {key for key, value in db.execute(
        f"SELECT key, value FROM settings WHERE key IN ({marks})", list(SWITCH_SETTINGS))
        if value == "1"}
    return frozenset(SWITCH_SETTINGS[key] for key in on)


def load_calendar(db: Database) -> WorkCalendar:
    """The office's calendar; the same edits give the same (cached) calendar, whose per-year
    index is then built once per process instead of once per saved visit."""
    return _calendar(tuple(db.execute("SELECT day, kind, label FROM calendar_days ORDER BY day")),
                     switched_on(db))


@lru_cache(maxsize=8)
def _calendar(rows: tuple[tuple[str, str, str], ...],
              on: frozenset[str] = frozenset()) -> WorkCalendar:
    extra, workdays, removed = {}, {}, []
    for day, kind, label in rows:
        d = date.fromisoformat(day)
        if kind == "holiday":
            extra[d] = label or KINDS["holiday"]
        elif kind == "workday":
            workdays[d] = label or KINDS["workday"]
        else:
            removed.append(d)
    return WorkCalendar(extra, workdays, removed, switched_on=on)


def office_days(db: Database, year: int | None = None) -> list[tuple[str, str, str]]:
    sql = "SELECT day, kind, label FROM calendar_days"
    params: list = []
    if year is not None:
        sql += " WHERE day LIKE ?"
        params.append(f"{year:04d}-%")
    return db.execute(sql + " ORDER BY day", params).fetchall()


def write_day(db: Database, day: date, row: tuple[str, str, str] | None
              ) -> tuple[str, str, str] | None:
    """Write (or, row None, delete) the office's edit of `day`; returns the edit it replaces
    (None: there was none), so that the caller can put it back."""
    before = db.execute("SELECT day, kind, label FROM calendar_days WHERE day = ?",
                        [day.isoformat()]).fetchone()
    if row is None:
        db.execute("DELETE FROM calendar_days WHERE day = ?", [day.isoformat()])
    else:
        db.execute("INSERT OR REPLACE INTO calendar_days (day, kind, label) VALUES (?, ?, ?)", row)
    return tuple(before) if before else None
