"""Known visitors: who came before and what is still open for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.model import CaseStatus, IdKind, KnownPerson, PriorVisit
from desk_app.core.storage import rows
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.GUIDED, CaseStatus.TRANSFERRED)
PROTECTED_SUMMARY = "Nội dung tố cáo (được bảo mật)"


def find_person(db: Database, id_number: str, *, limit: int = 20,
                reveal_reason: str | None = None) -> KnownPerson | None:
    """The person with this ID number, their latest visits and open cases (repeat visitors).

    A visit that brings a denunciation is left out, with its cases (Denunciation Law art. 47:
    even the fact that a person denounced is secret); a person known only from such visits is
    not found. `reveal_reason` shows them too: the role must allow it, and the reveal is
    recorded with its reason (core/security/secrecy.py; it writes, so call it on a writer).
    """
    from desk_app.core.security import secrecy

    id_number = id_number.strip()
    if not id_number:
        return None
    row = rows.one(
        db, "SELECT id AS person_id, full_name, id_number, date_of_birth, sex, phone, address,"
            " commune_code, id_issued_on, id_issued_place FROM persons WHERE id_number = ?"
            " ORDER BY id LIMIT 1", [id_number])
    if row is None:
        return None
    person_id = row["person_id"]
    protected = secrecy.denounced_petitions(db, person_id=person_id)
    if reveal_reason is not None and protected:
        secrecy.reveal(db, protected, reveal_reason, what="known_person", subject="person",
                       subject_id=person_id)
    hidden = set() if reveal_reason is not None else set(protected)
    visits = tuple(
        PriorVisit(**{k: v for k, v in r.items() if k != "petition_id"})
        for r in rows.every(
            db, "SELECT v.id AS visit_id, v.received_at, p.kind AS petition_kind, p.summary,"
                " v.outcome, p.id AS petition_id FROM petitions p JOIN visits v"
                " ON v.id = p.visit_id WHERE p.person_id = ?"
                " ORDER BY p.received_at DESC, p.id DESC", [person_id])
        if r["petition_id"] not in hidden)[:limit]
    if not visits and hidden:
        return None  # known only as a denouncer: not shown without a reveal
    marks = ",".join("?" * len(hidden))
    hidden_cases = {r[0] for r in db.execute(
        f"SELECT case_id FROM petitions WHERE id IN ({marks}) AND case_id IS NOT NULL",
        sorted(hidden))} if hidden else set()
    marks = ",".join("?" * len(OPEN_STATUSES))
    open_cases = tuple(
        r["title"] for r in rows.every(
            db, f"SELECT title, id FROM cases WHERE person_id = ? AND status IN ({marks})"
                " ORDER BY id DESC", [person_id, *OPEN_STATUSES])
        if r["id"] not in hidden_cases)
    return KnownPerson(**{**row, "id_issued_place": row["id_issued_place"] or ""},
                       visits=visits, open_cases=open_cases)


def identity_warnings(db: Database, people: list[tuple[str, str, str]]) -> list[str]:
    """Warnings for the intake form: each (name, ID kind, ID number) whose number is saved
    under another name. The first entry is the person who came, the others representatives
    (numbered from 2, as the intake's messages count them). A warning, not a refusal: the
    saved name may be the wrong one; saving keeps both (identity snapshots)."""
    out = []
    for index, (name, id_kind, number) in enumerate(people, start=1):
        number, name = (number or "").strip(), clean(name)
        if not number or not name:
            continue
        saved = db.execute("SELECT full_name FROM persons WHERE id_number = ? AND id_kind = ?"
                           " ORDER BY id LIMIT 1", [number, id_kind or IdKind.CCCD]).fetchone()
        if saved is None or saved[0] == name:
            continue
        text = messages.IDENTITY_NAME_DIFFERS.format(id_number=number, saved=saved[0])
        out.append(text if index == 1 else
                   messages.IDENTITY_REP_NAME_DIFFERS.format(index=index, message=text))
    return out
