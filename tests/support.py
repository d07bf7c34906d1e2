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

TEST_USER, TEST_PASSWORD = "quantri", "mat-khau-thu-nghiem"  # conftest sets DESK_APP_USER/PASSWORD
# What a subprocess keeps of the DESK_APP_* environment: the account it signs in with, and
# the tests' cheap argon2id (every other DESK_APP_* variable is the caller's to set).
SIGN_IN_ENV = ("DESK_APP_USER", "DESK_APP_PASSWORD", "DESK_APP_TEST_FAST_KDF")
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


def copy_template(template, target):
    """The template database and its keyring at `target`, its folder unlocked (conftest)."""
    import shutil

    from desk_app.core.storage import keys

    shutil.copyfile(template, target)
    shutil.copyfile(keys.keyring_path(template.parent), keys.keyring_path(target.parent))
    found = keys.unlocked(template.parent)
    assert found is not None
    keys.unlock(target.parent, found.key)
    return target


def connect(path, *, read_only: bool = False, immutable: bool = False, key: bytes | None = None,
            **options):
    """A raw connection to an office database, independent of the app's connection code:
    SQLCipher keyed with the folder's key (registered, or unwrapped with the test account's
    password). Never use the standard sqlite3 module on a file the app has open in this
    process: two SQLite libraries in one process do not see each other's locks."""
    from pathlib import Path

    import sqlcipher3

    from desk_app.core.security import keyring
    from desk_app.core.storage import keys

    path = Path(path)
    if key is None:
        found = keys.unlocked(path.parent)
        if found is not None:
            key = found.key
        elif keys.has_keyring(path.parent):
            key = keyring.unlock(path.parent, TEST_USER, TEST_PASSWORD)
    if immutable:
        conn = sqlcipher3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, **options)
    elif read_only:
        conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True, **options)
    else:
        conn = sqlcipher3.connect(str(path), **options)
    if key:
        conn.execute(keys.key_pragma(key))
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " ORDER BY name")]


# Signing in is itself audited (every CLI command signs in), so a refused command still adds
# its sign-in: snapshots leave sign-ins out and compare everything else, other audit events
# included.
_SIGN_INS = "('login', 'login_failed')"
_NOT_SIGN_IN = {"audit_events": f"WHERE action NOT IN {_SIGN_INS}",
                "sqlite_sequence": "WHERE name != 'audit_events'"}


def snapshot(db) -> dict:
    """Row counts and full contents of every table (sign-ins aside), the search index's own
    tables included (search_fts_data holds its lists: the index keeps no text)."""
    conn = db.conn if hasattr(db, "conn") else db
    state = {}
    for table in _tables(conn):
        where = _NOT_SIGN_IN.get(table, "")
        columns = "action, subject, subject_id, detail" if table == "audit_events" else "*"
        rows = sorted(conn.execute(f'SELECT {columns} FROM "{table}" {where}').fetchall(), key=repr)
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
