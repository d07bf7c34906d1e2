"""JSON Schemas of a bundle's records, one per table, derived from this version's schema
(the columns a record carries, their SQLite types, NOT NULL) and written to
resources/schema/bundle/ (`python -m desk_app.core.bundle.schemas`); a test checks the files
are current and that every record of a real bundle validates. They let any upstream system
read a bundle without this app (docs/bundle.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.core.bundle.tables import IDENTITY_FIELDS, PROVINCE_ONLY, TABLES, Spec

if TYPE_CHECKING:
    from sqlite_utils import Database

BASE = "https://desk-app.invalid/schema/bundle/"
UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
_TYPES = {"INTEGER": "integer", "TEXT": "string", "REAL": "number", "BLOB": "string"}


def _type(declared: str, notnull: bool) -> dict:
    kind = _TYPES.get(declared.upper().split("(")[0], "string")
    return {"type": kind if notnull else [kind, "null"]}


def _identity(db: Database) -> dict:
    info = {r[1]: (r[2], bool(r[3])) for r in db.execute("PRAGMA table_info(identity_snapshots)")}
    return {"type": ["object", "null"], "additionalProperties": False,
            "required": list(IDENTITY_FIELDS),
            "properties": {f: _type(*info[f]) for f in IDENTITY_FIELDS},
            "description": "the identity recorded with the visit (as the log book shows it)"}


def data_schema(db: Database, spec: Spec) -> dict:
    props: dict[str, Any] = {}
    required = []
    for _cid, name, declared, notnull, _default, _pk in db.execute(f"PRAGMA table_info({spec.name})"):
        if name in spec.exclude or name in PROVINCE_ONLY:
            continue
        if name in spec.refs:
            key, target = spec.refs[name]
            props[key] = {"anyOf": [UUID, {"type": "null"}] if not notnull else [UUID],
                          "description": f"uuid of a record of {target}"}
            required.append(key)
        else:
            props[name] = _type(declared or "TEXT", bool(notnull))
            required.append(name)
    if spec.name == "visits":
        props["identity"] = _identity(db)
        props["representatives"] = {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["person", "ord", "identity"],
            "properties": {"person": UUID, "ord": {"type": "integer"}, "identity": _identity(db)}}}
        props["documents"] = {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["ord", "name", "pages", "condition", "copy"],
            "properties": {"ord": {"type": "integer"}, "name": {"type": "string"},
                           "pages": {"type": "integer"}, "condition": {"type": "string"},
                           "copy": {"type": "string"}}}}
        required += ["identity", "representatives", "documents"]
        if "agent_identity_id" in {r[1] for r in db.execute("PRAGMA table_info(visits)")}:
            props["agent_identity"] = _identity(db)
            required.append("agent_identity")
    if spec.name in ("visits", "persons"):
        props["withheld"] = {"const": True, "description": "a denouncer's identity left out "
                             "(a bundle without the province's key)"}
    return {"type": "object", "additionalProperties": False, "required": required,
            "properties": props}


def record_schema(db: Database, spec: Spec) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE}{spec.name}.schema.json",
        "title": f"A record of {spec.name} in a desk-app bundle (data/{spec.name}.jsonl.z)",
        "type": "object", "additionalProperties": False,
        "required": ["uuid", "version", "prev", "deleted", "data"],
        "properties": {
            "uuid": UUID,
            "version": {"type": "integer", "minimum": 1},
            "prev": {"type": ["integer", "null"],
                     "description": "the version the province last acknowledged"},
            "deleted": {"type": "boolean"},
            "data": {"oneOf": [{"type": "null"}, data_schema(db, spec)],
                     "description": "null in a tombstone (deleted: true)"},
        },
    }


def build_all(db: Database) -> dict[str, dict]:
    return {f"{spec.name}.schema.json": record_schema(db, spec) for spec in TABLES}


def text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(folder: str) -> None:  # pragma: no cover - a maintainer's tool
    import tempfile

    from desk_app.core.storage.db import open_db  # a new, empty database: no jobs to run

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "schema.sqlite3", after_steps={})
        for name, schema in build_all(db).items():
            (Path(folder) / name).write_text(text(schema), encoding="utf-8")
        db.close()


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/schema/bundle")
