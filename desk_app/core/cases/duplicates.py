"""Likely duplicates of a petition: cases of the same person with similar content.

Read-only, below the case services: the intake page and the transfer warning ask it, and
links.py (attach, split) acts on what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases.lifecycle import TERMINAL
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows
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
    cases = rows.every(
        db, f"SELECT c.id AS case_id, c.title, c.kind, c.status, c.opened_on,"
            f" pe.full_name AS person_name, c.person_id"
            f" FROM cases c JOIN persons pe ON pe.id = c.person_id"
            f" WHERE c.person_id IN ({marks}) AND c.status <> 'merged'"
            f" ORDER BY c.opened_on DESC LIMIT 500", sorted(people))
    found = []
    for case in cases:
        if case["case_id"] == exclude_case:
            continue
        score = similarity(summary, case["title"])
        if kind and case["kind"] == kind:
            score = min(1.0, score + 0.1)
        if score >= threshold:
            owner = case.pop("person_id")
            found.append(Candidate(**case, same_person=owner == person_id,
                                   similarity=round(score, 2)))
    found.sort(key=lambda c: (c.status in TERMINAL, -c.similarity, c.opened_on), reverse=False)
    return found[:limit]


def candidates_for_petition(db: Database, petition_id: int, limit: int = 10) -> list[Candidate]:
    row = rows.one(db, "SELECT person_id, summary, kind, case_id AS exclude_case FROM petitions"
                       " WHERE id = ?", [petition_id])
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    return duplicate_candidates(db, **row, limit=limit)
