"""The deadline engine's own answer to "was this decision on time?".

The report reads the due dates the case rows cache (cases.resolution_due_on and
first_resolution_due_on, written by cases.tracking with the rest of the cached state). This
module counts them again from the events: it replays each case up to its decision and asks
the deadline engine (cases/deadlines.py, rules in resources/rules/) — the same rules and
calendar as the case page. Tests compare the two on every decision of a generated office; a
maintenance check may do the same on a real one.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from desk_app.core.cases.deadlines import compute_milestones
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.cases.tracking import facts_of, local_periods, replay
from desk_app.core.cases.tracking import resolution_due as resolution_due_of
from desk_app.core.reports.measures import RESOLVED_KINDS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk_app.core.reports.periods import Period
    from desk_app.core.reports.scope import Scope

def resolution_due(db: Database, scope: Scope, period: Period) -> dict[int, date | None]:
    """{decide event id: the due date it had to meet} for the complaints and denunciations
    decided in the period."""
    kinds = ", ".join(f"'{k}'" for k in RESOLVED_KINDS)
    decisions = scope.expand(
        "SELECT e.id FROM case_events e JOIN cases c ON c.id = e.case_id"
        " WHERE e.action = 'decide' AND e.occurred_on BETWEEN :start AND :end"
        f" AND c.kind IN ({kinds}) AND LIVE_CASE(c)")
    params = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    wanted = {r[0] for r in db.execute(decisions, params)}
    if not wanted:
        return {}
    remote = bool((db.execute("SELECT remote_area FROM office WHERE id = 1").fetchone()
                   or (0,))[0])
    cal, local = load_calendar(db), local_periods(db)
    rows = db.execute(
        "SELECT e.case_id, c.kind, e.id, e.action, e.status_after, e.occurred_on, e.data"
        " FROM case_events e JOIN cases c ON c.id = e.case_id"
        f" WHERE e.case_id IN (SELECT case_id FROM case_events WHERE id IN ({decisions}))"
        " ORDER BY e.case_id, e.id", params)
    out: dict[int, date | None] = {}
    for (_case_id, kind), events in groupby(rows, key=lambda r: (r[0], r[1])):
        history: list[tuple[str, str, str, str]] = []
        for _c, _k, event_id, action, status_after, occurred_on, data in events:
            if event_id in wanted:
                st = replay(history)
                due = None
                if st.received_on is not None:
                    due = resolution_due_of(compute_milestones(
                        facts_of(kind, st, remote), cal, local_periods=local))
                out[event_id] = due
            history.append((action, status_after, occurred_on, data))
    return out
