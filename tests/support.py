"""Plain helpers shared by the core and CLI tests: valid ID numbers, forms, database snapshots."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime

from desk_app.core.model import (
    DocumentItem,
    IntakeForm,
    Outcome,
    PersonForm,
    PetitionKind,
    PetitionPart,
    ReceptionKind,
    Sex,
)
from desk_app.core.reception.intake import register_visit

NOW = datetime(2026, 11, 20, 15, 0, 0)  # the `now` passed to register_visit (same as conftest)
RECEIVED = datetime(2026, 11, 20, 9, 15, 0)


def cccd(year: int, sex: Sex | str = Sex.NAM, province: str = "027", serial: int = 1234) -> str:
    """A well-formed CCCD number: province of birth, century+sex digit, year, serial (docs/legal.md, “Citizen ID”)."""
    digit = (year // 100 - 19) * 2 + (1 if str(sex) == str(Sex.NU) else 0)
    return f"{province}{digit}{year % 100:02d}{serial:06d}"


def person(full_name: str = "Đặng Văn Dũng", *, dob: date = date(1990, 3, 4), sex: Sex = Sex.NAM,
           serial: int = 1234, province: str = "027", **changes) -> PersonForm:
    values = {
        "full_name": full_name,
        "id_number": cccd(dob.year, sex, province, serial),
        "date_of_birth": dob,
        "sex": sex,
        "phone": "0912345678",
        "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh",
    }
    values.update(changes)
    return PersonForm(**values)


def part(kind: PetitionKind = PetitionKind.KIEN_NGHI, topic: str = "dat_dai",
         summary: str = "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất") -> PetitionPart:
    return PetitionPart(kind, topic, summary)


def form(who: PersonForm | None = None, **changes) -> IntakeForm:
    base = IntakeForm(
        person=who or person(),
        received_at=RECEIVED,
        reception_kind=ReceptionKind.THUONG_XUYEN,
        parts=(part(),),
        officer_id=1,
        documents=(DocumentItem("Đơn kiến nghị", 2, "bản gốc"),),
        outcome=Outcome.ACCEPTED,
    )
    return replace(base, **changes)


def register(db, who: PersonForm | None = None, **changes):
    return register_visit(db, form(who, **changes), NOW)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " ORDER BY name")]


def snapshot(db) -> dict:
    """Row counts and full contents of every table, the search index's own tables included
    (search_fts_data holds its lists: the index keeps no text)."""
    conn = db.conn if hasattr(db, "conn") else db
    state = {}
    for table in _tables(conn):
        rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        state[table] = (len(rows), rows)
    return state


def indexed_lines(db) -> dict[int, str]:
    """What the search index holds, line by line (it keeps no text: its terms, in order)."""
    conn = db.conn if hasattr(db, "conn") else db
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_terms"
                 " USING fts5vocab(main, search_fts, instance)")
    held: dict[int, list[str]] = {}
    for doc, term in conn.execute("SELECT doc, term FROM temp.search_fts_terms ORDER BY doc, offset"):
        held.setdefault(doc, []).append(term)
    return {doc: " ".join(terms) for doc, terms in held.items()}


def counts(db) -> dict[str, int]:
    return {table: value[0] for table, value in snapshot(db).items() if isinstance(value, tuple)}
