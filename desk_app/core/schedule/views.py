"""Sessions as the schedule shows them: those between two days, one session (its month with
its alerts: month.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.schedule.model import SessionRow
from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

# Named as SessionRow's fields (rows are read by name).
_COLUMNS = """s.id, s.uuid, s.kind, s.starts_at, s.ends_at, s.host_id, h.full_name AS host,
              h.position AS host_position, s.actual_host_id, a.full_name AS actual_host,
              s.place, s.participants, s.content, s.reason_code,
              s.reason, s.police_informed_at, s.police_contact, s.status, s.status_reason,
              s.calendar_note, s.moved_from, s.postponed_to, s.series_id, s.posted_on"""
_FROM = """FROM sessions s LEFT JOIN officers h ON h.id = s.host_id
           LEFT JOIN officers a ON a.id = s.actual_host_id"""


def _session(r: dict, officers: tuple[str, ...] = ()) -> SessionRow:
    return SessionRow(**{
        **r, "host": r["host"] or "", "host_position": r["host_position"] or "",
        "actual_host": r["actual_host"] or "",
        "participants": tuple(json.loads(r["participants"] or "[]"))}, officers=officers)


def _officers(db: Database, ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    # Chunks keep under SQLite's variable limit for ten years of desk duty.
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        marks = ",".join("?" * len(chunk))
        for session_id, name in db.execute(
                f"SELECT so.session_id, o.full_name FROM session_officers so"
                f" JOIN officers o ON o.id = so.officer_id WHERE so.session_id IN ({marks})"
                " ORDER BY so.session_id, o.id", chunk):
            out.setdefault(session_id, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def sessions_between(db: Database, start: date, end: date, *, kinds: tuple[str, ...] = (),
                     with_officers: bool = True) -> list[SessionRow]:
    """Sessions whose day is in [start, end], by time."""
    params: list = [start.isoformat(), (end + timedelta(days=1)).isoformat()]
    where = "s.starts_at >= ? AND s.starts_at < ?"
    if kinds:
        where += f" AND s.kind IN ({','.join('?' * len(kinds))})"
        params += list(kinds)
    found = list(rows.every(
        db, f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY s.starts_at, s.id", params))
    staff = (_officers(db, [r["id"] for r in found if r["kind"] == "thuong_xuyen"])
             if with_officers else {})
    return [_session(r, staff.get(r["id"], ())) for r in found]


def get_session(db: Database, session_id: int) -> SessionRow:
    row = rows.one(db, f"SELECT {_COLUMNS} {_FROM} WHERE s.id = ?", [session_id])
    if row is None:
        raise DeskError(messages.SCHEDULE_SESSION_MISSING.format(id=session_id))
    return _session(row, _officers(db, [session_id]).get(session_id, ()))
