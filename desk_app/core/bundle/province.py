"""Province mode: a database that holds no commune's own desk but the records the wards
send (`desk-app init --province CODE --mode province`).

Its office is the province (office code `PP-00000`, commune 0). Setting it up adds to the
tables a bundle fills an `office_code` column naming each row's ward (reports group by it:
docs/reports.md, “Province mode”), a uuid to officers (imported, they keep the ward's), and
makes the log book numbers unique per ward rather than per database. The window shows the
consolidated view and the import page instead of the intake form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.bundle import keys
from desk_app.core.bundle.tables import TABLES, columns
from desk_app.core.errors import DeskError
from desk_app.core.storage.office import Office, require_office
from desk_app.core.text import clean, fold

if TYPE_CHECKING:
    from sqlite_utils import Database

PROVINCE_COMMUNE = 0


def office_code_of(province_code: int) -> str:
    return f"{province_code:02d}-00000"


def check_province(province_code: int) -> str:
    province = catalog.province_name(province_code)
    if province is None:
        raise DeskError(messages.PROVINCE_UNKNOWN.format(code=province_code), field="province")
    return province


def init_province(db: Database, province_code: int, *, name: str = "", parent_name: str = "",
                  now: datetime | None = None) -> Office:
    province = check_province(province_code)
    if db.execute("SELECT 1 FROM office").fetchone():
        raise DeskError(messages.OFFICE_EXISTS)
    now = now or datetime.now()
    plain = province.removeprefix("Thành phố ")
    default = ("Ủy ban nhân dân thành phố " if province.startswith("Thành phố ")
               else "Ủy ban nhân dân tỉnh ") + plain
    import uuid

    with db.atomic():
        db.table("office").insert({
            "id": 1, "uuid": str(uuid.uuid4()), "office_code": office_code_of(province_code),
            "province_code": province_code, "commune_code": PROVINCE_COMMUNE,
            "name": clean(name) or default, "parent_name": clean(parent_name) or "Chính phủ",
            "place_name": plain, "remote_area": 0, "created_at": now.isoformat(timespec="seconds"),
        })
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('office_mode', 'province')")
        _province_schema(db)
    keys.generate(db, now=now)
    return require_office(db)


def _province_schema(db: Database) -> None:
    for spec in TABLES:
        if "office_code" not in columns(db, spec.name):
            db.execute(f"ALTER TABLE {spec.name} ADD COLUMN office_code TEXT")
    if "uuid" not in columns(db, "officers"):
        db.execute("ALTER TABLE officers ADD COLUMN uuid TEXT")
    for table in ("visits", "cases", "persons", "sessions"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_office ON {table}(office_code)")
    db.execute("CREATE INDEX IF NOT EXISTS persons_id_number ON persons(id_number)"
               " WHERE id_number <> ''")
    # The log book numbers (log_year, log_no) repeat across wards: unique per ward here. The
    # table is empty when a province is set up, so it is rebuilt with the wider constraint,
    # its indexes and triggers recreated as they were.
    create = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'petitions'"
                        ).fetchone()[0]
    if "UNIQUE (log_year, log_no)" in create:
        others = [r[0] for r in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'petitions' AND type IN"
            " ('index', 'trigger') AND sql IS NOT NULL")]
        db.execute("DROP TABLE petitions")
        db.execute(create.replace("UNIQUE (log_year, log_no)",
                                  "UNIQUE (office_code, log_year, log_no)"))
        for sql in others:
            db.execute(sql)


def is_province(db: Database) -> bool:
    return keys.is_province(db)


def require_province(db: Database) -> None:
    if not is_province(db):
        raise DeskError(messages.BUNDLE_NOT_PROVINCE)


def require_ward(db: Database) -> None:
    if is_province(db):
        raise DeskError(messages.BUNDLE_NOT_WARD)


@dataclass(frozen=True)
class CaseHit:
    case_id: int
    office_code: str
    office_name: str
    title: str
    kind: str
    status: str
    opened_on: str
    person: str


def offices(db: Database) -> dict[str, str]:
    """The wards known here (registered keys), code → name."""
    return {r[0]: r[1] or r[0] for r in db.execute(
        "SELECT office_code, name FROM bundle_keys WHERE owner = 'office' ORDER BY id")}


def search_cases(db: Database, text: str, *, office: str | None = None,
                 limit: int = 200) -> list[CaseHit]:
    """All wards' cases together, with their office: by the person's name or ID number, or
    the case's title (diacritics optional)."""
    folded = f"%{fold(clean(text))}%"
    names = offices(db)
    sql = ("SELECT c.id, c.office_code, c.title, c.kind, c.status, c.opened_on, p.full_name"
           " FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.office_code IS NOT NULL"
           " AND ((c.kind <> 'to_cao' AND (p.name_key LIKE :q OR p.id_number LIKE :q))"
           " OR desk_fold(c.title) LIKE :q)")
    if office:
        sql += " AND c.office_code = :office"
    db.conn.create_function("desk_fold", 1, fold, deterministic=True)
    rows = db.execute(sql + " ORDER BY c.opened_on DESC, c.id DESC LIMIT :limit",
                      {"q": folded, "office": office, "limit": limit})
    # A denunciation's case never shows who denounced (Denunciation law art. 47).
    return [CaseHit(r[0], r[1], names.get(r[1], r[1]), r[2], r[3], r[4], r[5],
                    "" if r[3] == "to_cao" else r[6]) for r in rows]


@dataclass(frozen=True)
class Duplicate:
    kind: str  # person (the same ID number) / content (the same content) / transfers
    key: str  # the ID number, or the folded content
    offices: tuple[str, ...]
    case_ids: tuple[int, ...]
    label: str  # what a person reads: the name, or the content


def duplicates(db: Database, *, limit: int = 500) -> list[Duplicate]:
    """Cross-ward duplicates for review: the same person (ID number) with cases at several
    wards; the same content (the folded summary of a petition) at several wards; the same
    content transferred many times (three or more transfer steps over its cases)."""
    db.conn.create_function("desk_fold", 1, fold, deterministic=True)
    found: list[Duplicate] = []
    for id_number, offs, cases, name in db.execute(
            "SELECT p.id_number, group_concat(DISTINCT c.office_code),"
            " group_concat(DISTINCT c.id), max(p.full_name)"
            " FROM persons p JOIN cases c ON c.person_id = p.id"
            " WHERE p.id_number <> '' AND c.office_code IS NOT NULL AND c.status <> 'cancelled'"
            " AND c.kind <> 'to_cao'"
            " GROUP BY p.id_number HAVING COUNT(DISTINCT c.office_code) > 1"
            " ORDER BY COUNT(DISTINCT c.office_code) DESC, p.id_number LIMIT ?", [limit]):
        found.append(Duplicate("person", id_number, tuple(sorted(offs.split(","))),
                               tuple(sorted(int(x) for x in cases.split(","))), name))
    for key, offs, cases, summary in db.execute(
            "SELECT desk_fold(p.summary) AS k, group_concat(DISTINCT p.office_code),"
            " group_concat(DISTINCT p.case_id), max(p.summary) FROM petitions p"
            " WHERE p.office_code IS NOT NULL AND length(p.summary) >= 20 GROUP BY k"
            " HAVING COUNT(DISTINCT p.office_code) > 1 ORDER BY COUNT(*) DESC LIMIT ?", [limit]):
        found.append(Duplicate("content", key, tuple(sorted(offs.split(","))),
                               tuple(sorted(int(x) for x in cases.split(",") if x)), summary))
    for key, offs, cases, summary in db.execute(
            "SELECT desk_fold(p.summary) AS k, group_concat(DISTINCT p.office_code),"
            " group_concat(DISTINCT p.case_id), max(p.summary) FROM petitions p"
            " JOIN case_events e ON e.case_id = p.case_id AND e.action = 'transfer'"
            " WHERE p.office_code IS NOT NULL AND length(p.summary) >= 20 GROUP BY k"
            " HAVING COUNT(e.id) >= 3 ORDER BY COUNT(e.id) DESC LIMIT ?", [limit]):
        found.append(Duplicate("transfers", key, tuple(sorted(offs.split(","))),
                               tuple(sorted(int(x) for x in cases.split(",") if x)), summary))
    return found
