"""Known visitors: who came before and what is still open for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.model import CaseStatus, IdKind, KnownPerson, PetitionKind, PriorVisit
from desk_app.core.storage import rows
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.GUIDED, CaseStatus.TRANSFERRED)
PROTECTED_SUMMARY = "Nội dung tố cáo (được bảo mật)"


def find_person(db: Database, id_number: str, *, limit: int = 20) -> KnownPerson | None:
    """The person with this ID number, their latest visits and open cases (repeat visitors)."""
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
    visits = tuple(
        PriorVisit(**{**r, "summary": PROTECTED_SUMMARY if r["petition_kind"] == PetitionKind.TO_CAO
                      else r["summary"]})
        for r in rows.every(
            db, "SELECT v.id AS visit_id, v.received_at, p.kind AS petition_kind, p.summary,"
                " v.outcome FROM petitions p JOIN visits v ON v.id = p.visit_id"
                " WHERE p.person_id = ? ORDER BY p.received_at DESC, p.id DESC LIMIT ?",
            [person_id, limit]))
    marks = ",".join("?" * len(OPEN_STATUSES))
    open_cases = tuple(
        PROTECTED_SUMMARY if r["kind"] == PetitionKind.TO_CAO else r["title"]
        for r in rows.every(
            db, f"SELECT title, kind FROM cases WHERE person_id = ? AND status IN ({marks})"
                " ORDER BY id DESC", [person_id, *OPEN_STATUSES]))
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
