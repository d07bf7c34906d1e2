"""Repeat matters: find likely duplicates, attach a petition to an existing case, split it out.

A petition with the same author, subject and content as a case already being handled joins
that case's file instead of opening a new one (docs/legal.md, “Repeat matters”). Attaching only moves the
petition's case link and writes events on both cases; splitting gives it a case of its own
again. Petitions, visits and events are never deleted, so nothing is lost either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.lifecycle import TERMINAL
from desk_app.core.cases.tracking import record_event, refresh_case
from desk_app.core.errors import DeskError
from desk_app.core.storage import uuids
from desk_app.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

# Words that say nothing about which matter it is.
# Only words whose folded form is not also a content word ("tố"/"tờ", "đình"/"định", "năm"/"Nam"
# fold alike, so those stay).
_STOP_TEXT = ("đề nghị kiến phản ánh khiếu nại việc về của cho các và là có được "
              "không đã theo tại với ông bà anh chị em gia hộ số ngày tháng")
_STOP = frozenset(fold(_STOP_TEXT).split())


@dataclass(frozen=True)
class Candidate:
    case_id: int
    title: str
    kind: str
    status: str
    opened_on: str
    person_name: str
    same_person: bool
    similarity: float  # 0..1, shared content words


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in fold(text).split() if len(w) > 1 and w not in _STOP)


def similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def duplicate_candidates(db: Database, *, person_id: int, summary: str, kind: str | None = None,
                         exclude_case: int | None = None, limit: int = 10,
                         threshold: float = 0.25) -> list[Candidate]:
    """Cases of the same person (same ID number, or same name and address) with similar content."""
    person = db.execute("SELECT id_number, name_key, address, commune_code FROM persons"
                        " WHERE id = ?", [person_id]).fetchone()
    if person is None:
        return []
    id_number, name_key, address, commune = person
    people = {person_id}
    if id_number:
        people.update(r[0] for r in db.execute(
            "SELECT id FROM persons WHERE id_number = ?", [id_number]))
    people.update(r[0] for r in db.execute(
        "SELECT id FROM persons WHERE name_key = ? AND commune_code IS ? AND address = ?",
        [name_key, commune, address]))
    marks = ",".join("?" * len(people))
    rows = db.execute(
        f"SELECT c.id, c.title, c.kind, c.status, c.opened_on, pe.full_name, c.person_id"
        f" FROM cases c JOIN persons pe ON pe.id = c.person_id"
        f" WHERE c.person_id IN ({marks}) AND c.status <> 'merged'"
        f" ORDER BY c.opened_on DESC LIMIT 500", sorted(people)).fetchall()
    found = []
    for case_id, title, case_kind, status, opened, name, owner in rows:
        if case_id == exclude_case:
            continue
        score = similarity(summary, title)
        if kind and case_kind == kind:
            score = min(1.0, score + 0.1)
        if score >= threshold:
            found.append(Candidate(case_id, title, case_kind, status, opened, name,
                                   owner == person_id, round(score, 2)))
    found.sort(key=lambda c: (c.status in TERMINAL, -c.similarity, c.opened_on), reverse=False)
    return found[:limit]


def candidates_for_petition(db: Database, petition_id: int, limit: int = 10) -> list[Candidate]:
    row = db.execute("SELECT person_id, summary, kind, case_id FROM petitions WHERE id = ?",
                     [petition_id]).fetchone()
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    return duplicate_candidates(db, person_id=row[0], summary=row[1], kind=row[2],
                                exclude_case=row[3], limit=limit)


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
        person_id, topic, summary = db.execute(
            "SELECT person_id, topic, summary FROM petitions WHERE id = ?", [petition_id]).fetchone()
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
