"""The "today" view for the officer and the chairperson: what is due, late, waiting, prolonged.

Everything reads the cached case columns through partial indexes over open cases, so the
counts stay fast with a million cases (benchmarks/): closed cases are never touched.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases.labels import FLAGS, VIEWS
from desk_app.core.cases.lifecycle import STATUS_LABELS
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows, settings

if TYPE_CHECKING:
    from sqlite_utils import Database

# A crowd (Reception Law art. 29-30) or a hot spot for security and order: the police are
# informed to keep order at the desk (docs/channels.md).
_POLICE_FLAGS = FLAGS["crowd"][0] | FLAGS["hot_spot"][0]


@dataclass(frozen=True)
class Dashboard:
    today: date
    due_soon_until: date
    prolonged_before: date
    open: int
    overdue: int
    due_soon: int
    waiting: int
    prolonged: int
    by_flag: dict[str, int]
    by_status: dict[str, int]
    mediation: int = 0  # waiting for the mediation team's result
    police: int = 0  # crowd or hot spot, police not informed


def _bounds(db: Database, today: date) -> tuple[date, date]:
    until = load_calendar(db).add_working_days(today, settings.get_int(db, "due_soon_working_days"))
    return until, today - timedelta(days=settings.get_int(db, "prolonged_days"))


def _where(view: str, today: date, until: date, before: date, assignee: int | None,
           flag: str | None) -> tuple[str, list]:
    clauses: list[str] = ["is_open = 1"]
    params: list[str | int] = []
    if view == "overdue":
        clauses.append("due_on < ?")
        params.append(today.isoformat())
    elif view == "due_soon":
        clauses.append("due_on BETWEEN ? AND ?")
        params += [today.isoformat(), until.isoformat()]
    elif view == "waiting":
        clauses.append("waiting_since IS NOT NULL")
    elif view == "prolonged":
        clauses.append("opened_on < ?")
        params.append(before.isoformat())
    elif view == "mediation":
        clauses.append("status = 'mediation'")
    elif view == "police":
        clauses.append(f"flags & {_POLICE_FLAGS} != 0 AND NOT EXISTS (SELECT 1 FROM case_events e"
                       " WHERE e.case_id = cases.id AND e.action = 'police')")
    elif view != "open":
        raise DeskError(messages.DASHBOARD_VIEW_UNKNOWN.format(view=view, choices=", ".join(VIEWS)))
    if assignee is not None:
        clauses.append("assignee_id = ?")
        params.append(assignee)
    if flag is not None:
        if flag not in FLAGS:
            raise DeskError(messages.CASE_FLAG_UNKNOWN.format(flag=flag, choices=", ".join(FLAGS)))
        clauses.append("flags & ? != 0")
        params.append(FLAGS[flag][0])
    return " AND ".join(clauses), params


def dashboard(db: Database, today: date, assignee: int | None = None) -> Dashboard:
    until, before = _bounds(db, today)

    def count(view: str) -> int:
        where, params = _where(view, today, until, before, assignee, None)
        return db.execute(f"SELECT COUNT(*) FROM cases WHERE {where}", params).fetchone()[0]

    mine = "" if assignee is None else " AND assignee_id = ?"
    params = [] if assignee is None else [assignee]
    by_status: dict[str, int] = {}
    by_flag = dict.fromkeys(FLAGS, 0)
    for r in rows.every(
            db, f"SELECT status, flags, COUNT(*) AS n FROM cases WHERE is_open = 1{mine}"
                " GROUP BY status, flags", params):
        status, flags, n = r["status"], r["flags"], r["n"]
        by_status[status] = by_status.get(status, 0) + n
        for name, (bit, _label) in FLAGS.items():
            if flags & bit:
                by_flag[name] += n
    return Dashboard(today, until, before, sum(by_status.values()), count("overdue"),
                     count("due_soon"), count("waiting"), count("prolonged"), by_flag,
                     {s: by_status[s] for s in STATUS_LABELS if s in by_status},
                     mediation=by_status.get("mediation", 0), police=count("police"))


def case_ids(db: Database, view: str, today: date, *, assignee: int | None = None,
             flag: str | None = None, limit: int = 100_000) -> array:
    """Ids for a dashboard list, most urgent first (earliest due date, then oldest)."""
    until, before = _bounds(db, today)
    where, params = _where(view, today, until, before, assignee, flag)
    rows = db.execute(f"SELECT id FROM cases WHERE {where}"
                      " ORDER BY due_on IS NULL, due_on, opened_on, id LIMIT ?", [*params, limit])
    return array("q", (r[0] for r in rows))
