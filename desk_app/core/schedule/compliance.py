"""Compliance figures for any period: what was scheduled and what took place, per host;
citizens received per session; postponements and cancellations with their reasons; weeks
without the head's session (Reception Law 2013 art. 15(2)(d)). Periodic reports build their
reception tables on `compliance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app.core.schedule.checks import week_check
from desk_app.core.schedule.hosts import head_officer_id, officer_names
from desk_app.core.schedule.model import HOSTED, KINDS
from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class HostFigures:
    host_id: int | None
    host: str
    position: str
    is_head: bool
    scheduled: int = 0  # sessions planned with this host (skipped days off not counted)
    held: int = 0  # sessions this person actually hosted
    held_for_others: int = 0  # of those, sessions planned with someone else (a deputy standing in)
    postponed: int = 0
    cancelled: int = 0
    not_recorded: int = 0  # over, but never recorded as held, postponed or cancelled


@dataclass(frozen=True)
class SessionFigures:
    session_id: int
    day: date
    kind: str
    host: str
    status: str
    citizens: int  # visits registered during the session, plus citizens the host recorded
    directions: int


@dataclass(frozen=True)
class Change:
    session_id: int
    day: date
    status: str  # "postponed" or "cancelled"
    reason: str
    new_day: date | None = None


@dataclass(frozen=True)
class Compliance:
    start: date
    end: date
    hosts: tuple[HostFigures, ...]
    sessions: tuple[SessionFigures, ...]
    changes: tuple[Change, ...]
    weeks_without_head: tuple[date, ...]  # Mondays
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → status → count

    @property
    def citizens(self) -> int:
        return sum(s.citizens for s in self.sessions)


def _citizens(db: Database, start: str, end: str) -> dict[int, int]:
    counts: dict[int, int] = {}
    for session_id, n in db.execute(
            "SELECT v.session_id, COUNT(*) FROM visits v JOIN sessions s ON s.id = v.session_id"
            " WHERE s.starts_at >= ? AND s.starts_at < ? GROUP BY v.session_id", [start, end]):
        counts[session_id] = n
    # Citizens the host recorded who were not registered at the desk during the session.
    for session_id, n in db.execute(
            """SELECT r.session_id, COUNT(*) FROM session_receptions r
                 JOIN sessions s ON s.id = r.session_id
                WHERE s.starts_at >= ? AND s.starts_at < ? AND r.received = 1
                  AND r.visit_id IS NULL AND r.case_id NOT IN (
                      SELECT p.case_id FROM petitions p JOIN visits v ON v.id = p.visit_id
                       WHERE v.session_id = r.session_id AND p.case_id IS NOT NULL)
                GROUP BY r.session_id""", [start, end]):
        counts[session_id] = counts.get(session_id, 0) + n
    return counts


def compliance(db: Database, start: date, end: date, now: datetime | None = None) -> Compliance:
    now = now or datetime.now()
    lo, hi = start.isoformat(), (end + timedelta(days=1)).isoformat()
    stamp = now.isoformat(timespec="seconds")
    head = head_officer_id(db)
    names = officer_names(db)
    hosts: dict[int | None, HostFigures] = {}

    def host(officer_id: int | None) -> HostFigures:
        if officer_id not in hosts:
            name, position = names.get(officer_id, ("", ""))
            hosts[officer_id] = HostFigures(officer_id, name, position, officer_id == head)
        return hosts[officer_id]

    citizens = _citizens(db, lo, hi)
    directions = dict(db.execute(
        "SELECT d.session_id, COUNT(*) FROM session_directions d JOIN sessions s"
        " ON s.id = d.session_id WHERE s.starts_at >= ? AND s.starts_at < ?"
        " GROUP BY d.session_id", [lo, hi]))
    sessions, changes = [], []
    by_kind: dict[str, dict[str, int]] = {k: {} for k in KINDS}
    found = list(rows.every(
        db, "SELECT s.id, s.kind, s.starts_at, s.ends_at, s.host_id, s.actual_host_id, s.status,"
            " s.status_reason, n.starts_at AS new_start FROM sessions s LEFT JOIN sessions n"
            " ON n.id = s.postponed_to WHERE s.starts_at >= ? AND s.starts_at < ?"
            " ORDER BY s.starts_at, s.id", [lo, hi]))
    for s in found:
        session_id, kind, starts_at, ends_at = s["id"], s["kind"], s["starts_at"], s["ends_at"]
        host_id, actual, status = s["host_id"], s["actual_host_id"], s["status"]
        reason, new_start = s["status_reason"], s["new_start"]
        counts = by_kind[kind]
        counts[status] = counts.get(status, 0) + 1
        if status == "skipped":
            continue
        day = date.fromisoformat(starts_at[:10])
        if kind in HOSTED:
            planned = host(host_id)
            planned.scheduled += 1
            if status == "held":
                by = host(actual or host_id)
                by.held += 1
                if (actual or host_id) != host_id:
                    by.held_for_others += 1
            elif status == "postponed":
                planned.postponed += 1
            elif status == "cancelled":
                planned.cancelled += 1
            elif ends_at < stamp:
                planned.not_recorded += 1
        if status in ("postponed", "cancelled"):
            changes.append(Change(session_id, day, status, reason,
                                  date.fromisoformat(new_start[:10]) if new_start else None))
        if status in ("held", "planned"):
            who = names.get(actual or host_id, ("", ""))[0]
            sessions.append(SessionFigures(session_id, day, kind, who, status,
                                           citizens.get(session_id, 0),
                                           directions.get(session_id, 0)))
    weeks = tuple(a.day for a in week_check(db, start, min(end, now.date()))
                  if a.day is not None) if start <= now.date() else ()
    ordered = sorted(hosts.values(), key=lambda h: (not h.is_head, h.host))
    return Compliance(start, end, tuple(ordered), tuple(sessions), tuple(changes), weeks,
                      by_kind)
