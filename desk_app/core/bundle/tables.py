"""Which tables leave the office, and how a row becomes a record and back.

A record is {"uuid", "version", "prev", "deleted", "data"}; `data` holds the row's columns
under their own names, except:
- the local integer id never leaves: a reference to another row is that row's uuid, under the
  column's name without `_id` (`person_id` → `person`; `merged_into` stays);
- officers have no uuid column at a ward: theirs is derived (uuid5 of the office's uuid and
  the officer's number), stable for ever;
- a visit carries its identity as recorded that day (`identity`), its representatives and
  the papers handed in, embedded (they belong to the visit and change with it);
- `version` is the bundle's version of the record (the export ledger's), not the local column.

The JSON Schemas in resources/schema/bundle/ describe these records (docs/bundle.md).
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desk_app.core.storage import uuids
from desk_app.core.storage.uuids import BLOB_TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database

OFFICER_NAMESPACE = uuidlib.UUID("6f1c1b52-3c0e-4b9e-9a43-0d2a4b8b5a17")

IDENTITY_FIELDS = ("full_name", "id_kind", "id_number", "id_issued_on", "id_issued_place",
                   "date_of_birth", "sex", "phone", "address", "commune_code", "old_address",
                   "recorded_at")
# What a bundle without a province key leaves out of a denouncer's identity (Denunciation
# law art. 47: the denouncer's identity is kept secret). The area (commune) stays for the
# statistics.
WITHHELD = {"full_name": "", "name_key": "", "id_number": "", "id_issued_on": None,
            "id_issued_place": "", "date_of_birth": None, "phone": "", "address": "",
            "old_address": ""}
PROVINCE_ONLY = {"office_code"}


@dataclass(frozen=True)
class Spec:
    name: str
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)  # column → (key, table)
    exclude: frozenset[str] = frozenset({"id", "uuid", "version"})


TABLES: tuple[Spec, ...] = (
    Spec("officers", exclude=frozenset({"id", "uuid"})),
    Spec("persons", exclude=frozenset({"id", "uuid", "version", "identity_id"})),
    Spec("sessions", {"host_id": ("host", "officers"), "actual_host_id": ("actual_host", "officers"),
                      "postponed_to": ("postponed_to", "sessions")},
         frozenset({"id", "uuid", "version", "series_id"})),
    Spec("cases", {"person_id": ("person", "persons"), "assignee_id": ("assignee", "officers"),
                   "merged_into": ("merged_into", "cases")}),
    # agent_*: who presented on the person's behalf (the channels' step 0016, when present)
    Spec("visits", {"officer_id": ("officer", "officers"), "person_id": ("person", "persons"),
                    "session_id": ("session", "sessions"),
                    "agent_person_id": ("agent_person", "persons")},
         frozenset({"id", "uuid", "version", "identity_id", "agent_identity_id"})),
    Spec("petitions", {"visit_id": ("visit", "visits"), "person_id": ("person", "persons"),
                       "case_id": ("case", "cases")}),
    Spec("case_events", {"case_id": ("case", "cases"), "officer_id": ("officer", "officers")},
         frozenset({"id", "uuid"})),
)
BY_NAME = {s.name: s for s in TABLES}
# References that may point forward in the same file (set after the file is applied).
SELF_REFS = {("sessions", "postponed_to"), ("cases", "merged_into")}


def uuid_text(value: Any) -> str | None:
    """A row's uuid as its 36-character text, however it is stored (storage/uuids.py)."""
    return uuids.text(value)


def uuid_stored(table: str, text: str) -> str | bytes:
    """A uuid as this table stores it (16 bytes in storage.uuids.BLOB_TABLES)."""
    return uuids.blob(text) if table in BLOB_TABLES else text


def canonical(data: dict) -> str:
    """A record's data as the bundle writes it (keys sorted, no spaces): what is hashed."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def text_hash(text: str) -> bytes:
    """8 bytes telling one version of a record from another (change detection, not security:
    the bundle's integrity is the signed manifest's SHA-256 and the AEAD tags)."""
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def record_hash(data: dict) -> bytes:
    return text_hash(canonical(data))


def columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def officer_uuids(db: Database) -> dict[int, str]:
    """Each officer's uuid: the stored one at a province (imported), derived at a ward."""
    cols = columns(db, "officers")
    if "uuid" in cols:
        return {r[0]: r[1] for r in db.execute("SELECT id, uuid FROM officers")}
    office = db.execute("SELECT uuid FROM office WHERE id = 1").fetchone()
    base = uuid_text(office[0]) if office else ""
    return {r[0]: str(uuidlib.uuid5(OFFICER_NAMESPACE, f"{base}:{r[0]}"))
            for r in db.execute("SELECT id FROM officers")}


def uuid_sql(table: str, col: str) -> str:
    """SQL giving a uuid column of `table` as its text form."""
    return uuids.SQL_TEXT.format(col=col) if table in BLOB_TABLES else col


_uuid_sql = uuid_sql


def _object(pairs: list[tuple[str, str]]) -> str:
    """json_object(...) with its keys in sorted order: SQLite writes the same canonical text
    as json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)."""
    return "json_object(" + ", ".join(f"'{k}', {v}" for k, v in sorted(pairs)) + ")"


def _identity_sql(alias: str, where: str) -> str:
    obj = _object([(f, f"{alias}.{f}") for f in IDENTITY_FIELDS])
    return f"json((SELECT {obj} FROM identity_snapshots {alias} WHERE {where}))"


@dataclass
class Reader:
    """Turns rows of one database into records (a ward's for export; a province's to see
    whether an imported row was changed there since). SQLite writes each record's data as
    canonical JSON text (keys sorted), so an export costs little Python per row."""
    db: Database
    withhold: bool = False  # no province key: leave denouncers' identities out
    officers: dict[int, str] = field(default_factory=dict)
    protected_persons: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.officers = officer_uuids(self.db)
        self.officer_column = "uuid" in columns(self.db, "officers")
        if not self.officer_column:  # a ward: officers' uuids are derived, in Python
            self.db.conn.create_function("desk_officer_uuid", 1, self.officers.get,
                                         deterministic=True)
        if self.withhold:
            self.protected_persons = {r[0] for r in self.db.execute(
                "SELECT v.person_id FROM visits v WHERE EXISTS (SELECT 1 FROM petitions q"
                " WHERE q.visit_id = v.id AND q.kind = 'to_cao') UNION"
                " SELECT r.person_id FROM visit_representatives r WHERE EXISTS (SELECT 1 FROM"
                " petitions q WHERE q.visit_id = r.visit_id AND q.kind = 'to_cao')")}

    def _officer(self, expr: str) -> str:
        if self.officer_column:
            return f"(SELECT o.uuid FROM officers o WHERE o.id = {expr})"
        return f"desk_officer_uuid({expr})"

    def select(self, spec: Spec, where: str = "", extra_cols: str = "") -> str:
        """SELECT id, uuid text, data JSON, protected flag[, extra columns]."""
        cols = [c for c in columns(self.db, spec.name)
                if c not in spec.exclude and c not in PROVINCE_ONLY]
        pairs = []
        for c in cols:
            ref = spec.refs.get(c)
            if ref is None:
                pairs.append((c, f"t.{c}"))
            elif ref[1] == "officers":
                pairs.append((ref[0], self._officer(f"t.{c}")))
            else:
                pairs.append((ref[0], f"(SELECT {_uuid_sql(ref[1], 'x.uuid')} FROM {ref[1]} x"
                                      f" WHERE x.id = t.{c})"))
        protected = "0"
        if spec.name == "visits":
            pairs.append(("identity", _identity_sql("s", "s.id = t.identity_id")))
            rep = _object([("person", f"(SELECT {_uuid_sql('persons', 'pp.uuid')} FROM persons pp"
                                      " WHERE pp.id = r.person_id)"),
                           ("ord", "r.ord"), ("identity", _identity_sql("s", "s.id = r.identity_id"))])
            pairs.append(("representatives",
                          f"json((SELECT json_group_array({rep}) FROM (SELECT * FROM"
                          f" visit_representatives WHERE visit_id = t.id ORDER BY ord) r))"))
            doc = _object([(f, f"d.{f}") for f in ("ord", "name", "pages", "condition", "copy")])
            pairs.append(("documents",
                          f"json((SELECT json_group_array({doc}) FROM (SELECT * FROM"
                          f" visit_documents WHERE visit_id = t.id ORDER BY ord) d))"))
            if "agent_identity_id" in cols or "agent_identity_id" in columns(self.db, "visits"):
                pairs.append(("agent_identity", _identity_sql("s", "s.id = t.agent_identity_id")))
            protected = ("EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = t.id"
                         " AND q.kind = 'to_cao')")
        if spec.name == "officers" and not self.officer_column:
            key = "desk_officer_uuid(t.id)"
        else:
            key = _uuid_sql(spec.name, "t.uuid")
        return (f"SELECT t.id, {key}, {_object(pairs)}, {protected}{extra_cols}"
                f" FROM {spec.name} t {where}")

    def texts(self, spec: Spec, where: str = "", params: Any = (),
              extra_cols: str = "", n_extra: int = 0) -> Iterator[tuple[int, str, str, tuple]]:
        """(row id, uuid, data as canonical JSON text, extra values) for each row selected."""
        withhold = self.withhold and spec.name in ("visits", "persons")
        for row in self.db.execute(self.select(spec, where, extra_cols), params):
            text = row[2]
            if withhold and (row[3] if spec.name == "visits" else row[0] in self.protected_persons):
                text = canonical(self._withhold(spec.name, json.loads(text)))
            yield row[0], uuid_text(row[1]) or "", text, tuple(row[4:4 + n_extra])

    def rows(self, spec: Spec, where: str = "", params: Any = (),
             extra_cols: str = "", n_extra: int = 0) -> Iterator[tuple[int, str, dict, tuple]]:
        """(row id, uuid, data, extra values) for each row selected."""
        for row_id, key, text, extra in self.texts(spec, where, params, extra_cols, n_extra):
            yield row_id, key, json.loads(text), extra

    @staticmethod
    def _withhold(table: str, data: dict) -> dict:
        if table == "persons":
            data.update({k: v for k, v in WITHHELD.items() if k in data})
        else:
            data["identity"] = _withheld(data["identity"])
            if "agent_identity" in data:
                data["agent_identity"] = _withheld(data["agent_identity"])
            for rep in data["representatives"]:
                rep["identity"] = _withheld(rep["identity"])
        data["withheld"] = True
        return data

    def one_text(self, table: str, row_id: int) -> str | None:
        for _rid, _key, text, _ in self.texts(BY_NAME[table], "WHERE t.id = ?", [row_id]):
            return text
        return None

    def one(self, table: str, row_id: int) -> dict | None:
        for _rid, _key, data, _ in self.rows(BY_NAME[table], "WHERE t.id = ?", [row_id]):
            return data
        return None


def _withheld(identity: dict | None) -> dict | None:
    if identity is None:
        return None
    return {**identity, **{k: v for k, v in WITHHELD.items() if k in identity}}

