"""Known visitors: who came before and what is still open for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app.core.model import KnownPerson, PetitionKind, PriorVisit

if TYPE_CHECKING:
    from sqlite_utils import Database

OPEN_STATUSES = ("received", "guided", "transferred")
PROTECTED_SUMMARY = "Nội dung tố cáo (được bảo mật)"


def find_person(db: Database, id_number: str, *, limit: int = 20) -> KnownPerson | None:
    """The person with this ID number, their latest visits and open cases (repeat visitors)."""
    id_number = id_number.strip()
    if not id_number:
        return None
    row = db.execute(
        "SELECT id, full_name, id_number, date_of_birth, sex, phone, address, commune_code"
        " FROM persons WHERE id_number = ? ORDER BY id LIMIT 1", [id_number]).fetchone()
    if row is None:
        return None
    visits = tuple(
        PriorVisit(r[0], r[1], r[2], PROTECTED_SUMMARY if r[2] == PetitionKind.TO_CAO else r[3], r[4])
        for r in db.execute(
            "SELECT v.id, v.received_at, p.kind, p.summary, v.outcome FROM petitions p"
            " JOIN visits v ON v.id = p.visit_id WHERE p.person_id = ?"
            " ORDER BY p.received_at DESC, p.id DESC LIMIT ?", [row[0], limit]))
    marks = ",".join("?" * len(OPEN_STATUSES))
    open_cases = tuple(
        PROTECTED_SUMMARY if r[1] == PetitionKind.TO_CAO else r[0]
        for r in db.execute(
            f"SELECT title, kind FROM cases WHERE person_id = ? AND status IN ({marks})"
            " ORDER BY id DESC", [row[0], *OPEN_STATUSES]))
    person_id, full_name, id_no, date_of_birth, sex, phone, address, commune_code = row
    return KnownPerson(person_id, full_name, id_no, date_of_birth, sex, phone, address,
                       commune_code, visits=visits, open_cases=open_cases)
