"""Repeat matters: find likely duplicates, attach a petition to an existing case, split it out.

A petition with the same author, subject and content as a case already being handled joins
that case's file instead of opening a new one (docs/legal.md, “Repeat matters”). Attaching only moves the
petition's case link and writes events on both cases; splitting gives it a case of its own
again. Petitions, visits and events are never deleted, so nothing is lost either way.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.duplicates import (  # noqa: F401  (importable here, as before)
    Candidate,
    candidates_for_petition,
    duplicate_candidates,
    similarity,
)
from desk_app.core.cases.tracking import record_event, refresh_case
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows, uuids

if TYPE_CHECKING:
    from sqlite_utils import Database

def _petition(db: Database, petition_id: int) -> tuple[int | None, str, str]:
    row = db.execute("SELECT case_id, received_at, kind FROM petitions WHERE id = ?",
                     [petition_id]).fetchone()
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    return row


def attach_petition(db: Database, petition_id: int, case_id: int, *,
                    officer_id: int | None = None, now: datetime | None = None) -> None:
    """Move a petition into `case_id`'s file; its old case, if left empty, is marked merged."""
    now = now or datetime.now()
    old_case, _received, kind = _petition(db, petition_id)
    target = db.execute("SELECT kind, status FROM cases WHERE id = ?", [case_id]).fetchone()
    if target is None:
        raise DeskError(messages.CASE_MISSING.format(id=case_id))
    if old_case == case_id:
        raise DeskError(messages.CASE_ALREADY_ATTACHED.format(case=case_id))
    if target[1] == "merged":
        raise DeskError(messages.CASE_TARGET_MERGED.format(case=case_id))
    if target[0] != kind:
        raise DeskError(messages.CASE_KIND_MISMATCH)
    with db.atomic():
        db.execute("UPDATE petitions SET case_id = ?, version = version + 1 WHERE id = ?",
                   [case_id, petition_id])
        record_event(db, case_id, "attach", occurred_on=now.date(), officer_id=officer_id,
                     data={"petition_id": petition_id, "from_case": old_case}, now=now)
        if old_case is not None:
            left = db.execute("SELECT COUNT(*) FROM petitions WHERE case_id = ?",
                              [old_case]).fetchone()[0]
            if left == 0:
                record_event(db, old_case, "merge", occurred_on=now.date(),
                             officer_id=officer_id, data={"petition_id": petition_id,
                                                          "into_case": case_id}, now=now)
                db.execute("UPDATE cases SET merged_into = ? WHERE id = ?", [case_id, old_case])
            else:
                record_event(db, old_case, "detach", occurred_on=now.date(),
                             officer_id=officer_id, data={"petition_id": petition_id,
                                                          "to_case": case_id}, now=now)


def split_petition(db: Database, petition_id: int, *, officer_id: int | None = None,
                   now: datetime | None = None) -> int:
    """Give a petition a case of its own again; returns the new case id."""
    now = now or datetime.now()
    old_case, received_at, kind = _petition(db, petition_id)
    if old_case is None:
        raise DeskError(messages.CASE_NOTHING_TO_SPLIT)
    if db.execute("SELECT COUNT(*) FROM petitions WHERE case_id = ?",
                  [old_case]).fetchone()[0] < 2:
        raise DeskError(messages.CASE_ONLY_PETITION)
    stamp = now.isoformat(timespec="seconds")
    received = date.fromisoformat(received_at[:10])
    with db.atomic():
        p = rows.one(db, "SELECT person_id, topic, summary FROM petitions WHERE id = ?",
                     [petition_id])
        assert p is not None  # _petition refused an unknown id
        person_id, topic, summary = p["person_id"], p["topic"], p["summary"]
        new_case = cast(int, db.table("cases").insert({
            "uuid": uuids.new(), "person_id": person_id, "kind": kind, "topic": topic,
            "title": summary[:200], "status": "received", "opened_on": received.isoformat(),
            "created_at": stamp, "updated_at": stamp, "version": 1}).last_pk)
        db.table("case_events").insert({
            "uuid": uuids.new(), "case_id": new_case, "action": "receive",
            "status_after": "received", "occurred_on": received.isoformat(), "entered_at": stamp,
            "officer_id": officer_id, "note": messages.CASE_SPLIT_NOTE.format(case=old_case),
            "data": f'{{"petition_id": {petition_id}, "from_case": {old_case}}}'})
        db.execute("UPDATE petitions SET case_id = ?, version = version + 1 WHERE id = ?",
                   [new_case, petition_id])
        record_event(db, old_case, "detach", occurred_on=now.date(), officer_id=officer_id,
                     data={"petition_id": petition_id, "to_case": new_case}, now=now)
        refresh_case(db, new_case, now.date())
    return new_case
