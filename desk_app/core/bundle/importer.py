"""The province reads a checked bundle: a dry run counts, per table, the records that are
new, updated, unchanged, in conflict or rejected; the import applies them all in one
transaction, or nothing (a rejected record refuses the whole bundle).

- Idempotent by uuid + version: a version the province holds is unchanged; the same
  bundle again changes nothing.
- Never overwrites silently: a newer version of a record the province changed since it was
  imported (its local row no longer hashes to what the import left) is kept aside in
  `bundle_conflicts` with both versions until a person chooses (`resolve`).
- Deletions arrive as tombstones and are kept as tombstones (the row stays, marked deleted
  in `bundle_remote`); cancellations are ordinary updates (a visit's `cancelled_at`, a case's
  status `cancelled`), which the reports already leave out.
- Imported rows keep their ward's office code (`office_code`, added in province mode), so the
  reports count them per ward and in total.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desk_app import messages
from desk_app.core.bundle.exporter import TOMBSTONE
from desk_app.core.bundle.tables import (
    BY_NAME,
    IDENTITY_FIELDS,
    SELF_REFS,
    TABLES,
    Reader,
    columns,
    record_hash,
    text_hash,
    uuid_sql,
    uuid_stored,
)
from desk_app.core.bundle.verify import Checked, refused
from desk_app.core.errors import DeskError
from desk_app.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = ("new", "updated", "unchanged", "conflict", "rejected")
_CHUNK = 500


@dataclass
class Summary:
    name: str
    office_code: str
    sequence: int
    state: str  # next / imported
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    accepted: list[tuple[str, str, int]] = field(default_factory=list)  # for the acknowledgement
    applied: bool = False
    import_id: int | None = None

    def total(self, kind: str) -> int:
        return sum(t[kind] for t in self.tables.values())


class _Reject(Exception):
    pass


@dataclass
class _Run:
    db: Database
    checked: Checked | None
    apply: bool
    now: str
    summary: Summary
    import_id: int = 0
    seen: dict[str, set[str]] = field(default_factory=dict)  # uuids new in this bundle
    touched: list[tuple[str, str, int]] = field(default_factory=list)
    cols: dict[str, set[str]] = field(default_factory=dict)
    reader: Reader | None = None
    ids: dict[str, dict[str, int]] = field(default_factory=dict)  # uuid → local id, cached
    new_lines: list[int] = field(default_factory=list)  # petitions to index
    lines_before: dict[int, str] = field(default_factory=dict)  # their search text before

    def local_id(self, table: str, key: str) -> int | None:
        """The local row a uuid was imported to (cached: a person is referred to by each of
        their visits, petitions and cases)."""
        cache = self.ids.setdefault(table, {})
        if key in cache:
            return cache[key]
        row = self.db.execute("SELECT row_id FROM bundle_remote WHERE tbl = ? AND uuid = ?",
                              [table, key]).fetchone()
        found = row[0] if row and row[0] else None
        if found is not None:
            if len(cache) > 200_000:  # bounded memory for very large bundles
                cache.clear()
            cache[key] = found
        return found

    def ref(self, table: str, key: Any, *, deferred: bool = False) -> int | None:
        if key is None:
            return None
        if not isinstance(key, str):
            raise _Reject("reference")
        found = self.local_id(table, key)
        if found is None and key not in self.seen.get(table, ()):
            if deferred:
                return None
            raise _Reject(f"{table} {key}")
        return found


def _valid_uuid(value: Any) -> bool:
    try:
        return isinstance(value, str) and str(uuidlib.UUID(value)) == value
    except ValueError:
        return False


def run(db: Database, checked: Checked, *, apply: bool, now: datetime | None = None,
        import_id: int = 0) -> Summary:
    """Read every record once: count (dry run) or apply (inside the caller's transaction)."""
    summary = Summary(checked.opened.path.name, checked.office_code, checked.sequence,
                      checked.sequence_state)
    r = _Run(db, checked, apply, (now or datetime.now()).isoformat(timespec="seconds"), summary,
             import_id)
    r.cols = {s.name: set(columns(db, s.name)) for s in TABLES}
    r.cols["visits"] |= {"identity", "representatives", "documents", "agent_identity"}
    for spec in TABLES:
        counts = dict.fromkeys(KINDS, 0)
        summary.tables[spec.name] = counts
        deferred: list[tuple[int, str, Any]] = []
        rows = 0
        for record in checked.records(spec.name):
            rows += 1
            try:
                kind = _one(r, spec.name, record, deferred)
            except _Reject as exc:
                if apply:  # the dry run before an import finds these; never half-apply
                    raise refused(checked.opened.path, "damaged") from None
                kind = "rejected"
                if len(summary.problems) < 20:
                    summary.problems.append(messages.BUNDLE_RECORD_REJECTED.format(
                        table=spec.name, uuid=str(record.get("uuid"))[:36], why=str(exc)))
            counts[kind] += 1
        expected = next(f["rows"] for f in checked.manifest["files"] if f["table"] == spec.name)
        if rows != expected:
            raise refused(checked.opened.path, "damaged")
        for row_id, column, key in deferred:  # forward references within the table
            try:
                target = r.ref(spec.name, key)
            except _Reject:
                if apply:
                    raise refused(checked.opened.path, "damaged") from None
                counts["rejected"] += 1
                continue
            if apply and target is not None:
                db.execute(f"UPDATE {spec.name} SET {column} = ? WHERE id = ?", [target, row_id])
    if apply:
        _rehash(r)
        _index(r)
    return summary


def _one(r: _Run, table: str, record: dict, deferred: list) -> str:
    key, version, deleted = record.get("uuid"), record.get("version"), record.get("deleted")
    data: dict = record.get("data") or {}
    if (not _valid_uuid(key) or not isinstance(version, int) or isinstance(version, bool)
            or version < 1 or not isinstance(deleted, bool)
            or (not deleted and not isinstance(record.get("data"), dict))
            or (deleted and record.get("data") is not None)):
        raise _Reject(messages.BUNDLE_RECORD_SHAPE)
    assert isinstance(key, str)
    if not deleted:
        unknown = set(data) - r.cols[table] - {v[0] for v in BY_NAME[table].refs.values()}
        unknown.discard("withheld")
        if unknown:
            raise _Reject(messages.BUNDLE_RECORD_FIELDS.format(fields=", ".join(sorted(unknown))[:80]))
    remote = r.db.execute("SELECT office_code, row_id, version, incoming_hash, local_hash, deleted"
                          " FROM bundle_remote WHERE tbl = ? AND uuid = ?", [table, key]).fetchone()
    # the hash of what arrives: kept when applied, compared with what the province holds
    h = TOMBSTONE if deleted else (record_hash(data) if r.apply or remote else b"")
    if remote is None:
        if key in r.seen.get(table, ()):
            raise _Reject(messages.BUNDLE_RECORD_TWICE)
        row_id = 0 if deleted else _write(r, table, key, version, data, None, deferred)
        r.seen.setdefault(table, set()).add(key)
        _remember(r, table, key, row_id, version, h, deleted, new=True)
        return "new"
    office, row_id, known, incoming_hash, local_hash, was_deleted = remote
    if office != r.summary.office_code:
        raise _Reject(messages.BUNDLE_RECORD_OTHER_OFFICE.format(office=office))
    if version < known:
        r.summary.accepted.append((table, key, version))
        return "unchanged"
    if version == known:
        if bytes(incoming_hash) != h:
            raise _Reject(messages.BUNDLE_RECORD_SAME_VERSION)
        r.summary.accepted.append((table, key, version))
        return "unchanged"
    if r.db.execute("SELECT 1 FROM bundle_conflicts WHERE tbl = ? AND uuid = ? AND version = ?",
                    [table, key, version]).fetchone():
        return "conflict"
    local_text = None if was_deleted or not row_id else _reader(r).one_text(table, row_id)
    if (local_text is not None and local_hash is not None
            and text_hash(local_text) != bytes(local_hash)):
        local = json.loads(local_text)
        if r.apply:
            r.db.execute(
                "INSERT INTO bundle_conflicts (office_code, tbl, uuid, version, incoming, local,"
                " import_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [office, table, key, version, json.dumps(record, ensure_ascii=False),
                 json.dumps(local, ensure_ascii=False), r.import_id, r.now])
        return "conflict"
    if r.apply:
        if not deleted and row_id:
            _write(r, table, key, version, data, row_id, deferred)
        elif not deleted:
            row_id = _write(r, table, key, version, data, None, deferred)
    _remember(r, table, key, row_id, version, h, deleted, new=False)
    return "updated"


def _reader(r: _Run) -> Reader:
    if r.reader is None:
        r.reader = Reader(r.db)
    return r.reader


def _remember(r: _Run, table: str, key: str, row_id: int, version: int, h: bytes,
              deleted: bool, *, new: bool) -> None:
    r.summary.accepted.append((table, key, version))
    if not r.apply:
        return
    r.db.execute(
        "INSERT INTO bundle_remote (tbl, uuid, office_code, row_id, version, incoming_hash,"
        " deleted, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, uuid) DO UPDATE"
        " SET row_id = excluded.row_id, version = excluded.version,"
        " incoming_hash = excluded.incoming_hash, deleted = excluded.deleted,"
        " import_id = excluded.import_id",
        [table, key, r.summary.office_code, row_id, version, h, int(deleted), r.import_id])
    if row_id and not deleted:
        r.touched.append((table, key, row_id))
        r.ids.setdefault(table, {})[key] = row_id


def _write(r: _Run, table: str, key: str, version: int, data: dict, row_id: int | None,
           deferred: list) -> int:
    """Insert (row_id None) or update the local row from a record; returns its id. In a dry
    run only the references are checked."""
    spec = BY_NAME[table]
    cols = r.cols[table]
    values: dict[str, Any] = {}
    for column, (name, target) in spec.refs.items():
        if column not in cols:
            continue
        forward = (table, column) in SELF_REFS
        values[column] = r.ref(target, data.get(name), deferred=forward)
        if forward and values[column] is None and data.get(name) is not None:
            deferred.append((row_id or -1, column, data[name]))
    ref_names = {v[0] for v in spec.refs.values()}
    for name, value in data.items():
        if name in ref_names or name in ("identity", "representatives", "documents", "withheld",
                                         "agent_identity"):
            continue
        if name in cols and name not in spec.exclude:
            if isinstance(value, (dict, list)):
                raise _Reject(messages.BUNDLE_RECORD_SHAPE)
            values[name] = value
    if table == "visits":
        reps = data.get("representatives") or []
        if not isinstance(reps, list) or not isinstance(data.get("documents") or [], list):
            raise _Reject(messages.BUNDLE_RECORD_SHAPE)
        for rep in reps:
            if not isinstance(rep, dict):
                raise _Reject(messages.BUNDLE_RECORD_SHAPE)
            r.ref("persons", rep.get("person"))
    if not r.apply:
        return 0
    if "version" in cols:
        values["version"] = version
    if "office_code" in cols:
        values["office_code"] = r.summary.office_code
    if table == "visits":
        values["identity_id"] = _snapshot(r, values.get("person_id"), data.get("identity"))
        if "agent_identity_id" in cols:
            values["agent_identity_id"] = _snapshot(r, values.get("agent_person_id"),
                                                    data.get("agent_identity"))
    if row_id is not None and table in ("visits", "petitions"):
        _before_change(r, table, row_id)
    try:
        if row_id is None:
            values["uuid"] = uuid_stored(table, key)
            names = list(values)
            cur = r.db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES"
                               f" ({', '.join('?' for _ in names)})", [values[n] for n in names])
            row_id = int(cur.lastrowid or 0)
            if table == "petitions":
                r.new_lines.append(row_id)
        else:
            names = list(values)
            r.db.execute(f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                         [*(values[n] for n in names), row_id])
        if table == "visits":
            _visit_children(r, row_id, data)
    except Exception as exc:  # a constraint the record breaks: the whole import is refused
        import sqlite3

        import sqlcipher3

        if isinstance(exc, (sqlite3.IntegrityError, sqlcipher3.IntegrityError)):
            raise DeskError(messages.BUNDLE_REFUSED.format(
                name=r.summary.name, why=messages.BUNDLE_REASONS["constraint"].format(
                    table=table, uuid=key, why=str(exc)[:120]))) from None
        raise
    for i, (rid, column, ref) in enumerate(deferred):
        if rid == -1:
            deferred[i] = (row_id, column, ref)
    return row_id


def _before_change(r: _Run, table: str, row_id: int) -> None:
    """The search text of the lines a visit or petition update may change, taken before it
    (the index is contentless: it forgets a text only when told what it was)."""
    from desk_app.core.reception import search_index

    ids = [row_id] if table == "petitions" else [
        p for (p,) in r.db.execute("SELECT id FROM petitions WHERE visit_id = ?", [row_id])]
    ids = [i for i in ids if i not in r.lines_before and i not in r.new_lines]
    if ids:
        r.lines_before.update(search_index.documents(r.db, ids))


def _index(r: _Run) -> None:
    from desk_app.core.reception import search_index

    for start in range(0, len(r.new_lines), 5000):
        search_index.index_petitions(r.db, r.new_lines[start:start + 5000])
    if r.lines_before:
        search_index.replace_documents(r.db, r.lines_before)


def _snapshot(r: _Run, person_id: int | None, identity: Any) -> int | None:
    if not isinstance(identity, dict) or person_id is None:
        return None
    values = {f: identity.get(f) for f in IDENTITY_FIELDS}
    values["full_name"] = str(values["full_name"] or "")
    values["id_kind"] = values["id_kind"] or ""
    for f in ("id_number", "id_issued_place", "phone", "address", "old_address"):
        values[f] = values[f] or ""
    values["recorded_at"] = values["recorded_at"] or r.now
    values["name_key"] = fold(str(values["full_name"]))
    values["person_id"] = person_id
    names = list(values)
    cur = r.db.execute(f"INSERT INTO identity_snapshots ({', '.join(names)}) VALUES"
                       f" ({', '.join('?' for _ in names)})", [values[n] for n in names])
    return cur.lastrowid


def _visit_children(r: _Run, visit_id: int, data: dict) -> None:
    r.db.execute("DELETE FROM visit_representatives WHERE visit_id = ?", [visit_id])
    r.db.execute("DELETE FROM visit_documents WHERE visit_id = ?", [visit_id])
    for rep in data.get("representatives") or []:
        person_id = r.ref("persons", rep.get("person"))
        r.db.execute("INSERT INTO visit_representatives (visit_id, person_id, ord, identity_id)"
                     " VALUES (?, ?, ?, ?)",
                     [visit_id, person_id, rep.get("ord"), _snapshot(r, person_id, rep.get("identity"))])
    for doc in data.get("documents") or []:
        if not isinstance(doc, dict):
            raise _Reject(messages.BUNDLE_RECORD_SHAPE)
        r.db.execute("INSERT INTO visit_documents (visit_id, ord, name, pages, condition, copy)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     [visit_id, doc.get("ord"), doc.get("name"), doc.get("pages"),
                      doc.get("condition") or "", doc.get("copy")])


def _rehash(r: _Run) -> None:
    """What each imported row hashes to once the whole bundle is in (triggers included): a
    later difference means the province changed it."""
    by_table: dict[str, dict[int, str]] = {}
    for table, key, row_id in r.touched:
        by_table.setdefault(table, {})[row_id] = key
    events = by_table.get("case_events")
    if events:  # an event's trigger may change its case's cached first outcome
        for chunk in _chunks(list(events)):
            for case_id, key in r.db.execute(
                    f"SELECT c.id, {uuid_sql('cases', 'c.uuid')} FROM case_events e"
                    " JOIN cases c ON c.id = e.case_id"
                    f" WHERE e.id IN ({','.join('?' * len(chunk))}) AND c.office_code IS NOT NULL",
                    chunk):
                by_table.setdefault("cases", {})[case_id] = key
    reader = Reader(r.db)
    for table, ids in by_table.items():
        for chunk in _chunks(list(ids)):
            updates = [(text_hash(text), table, ids[rid]) for rid, _k, text, _ in reader.texts(
                BY_NAME[table], f"WHERE t.id IN ({','.join('?' * len(chunk))})", chunk)]
            r.db.conn.executemany(
                "UPDATE bundle_remote SET local_hash = ? WHERE tbl = ? AND uuid = ?", updates)


def _chunks(items: list) -> list[list]:
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def apply_record(db: Database, office_code: str, table: str, record: dict, import_id: int,
                 now: str) -> None:
    """Apply one record whatever the local row holds (a person chose the ward's version of a
    conflict), inside the caller's transaction."""
    r = _Run(db, None, True, now, Summary("", office_code, 0, ""), import_id)
    r.cols = {s.name: set(columns(db, s.name)) for s in TABLES}
    row = db.execute("SELECT row_id FROM bundle_remote WHERE tbl = ? AND uuid = ?",
                     [table, record["uuid"]]).fetchone()
    row_id = row[0] if row else 0
    deleted = bool(record.get("deleted"))
    deferred: list = []
    if not deleted:
        row_id = _write(r, table, record["uuid"], record["version"], record["data"],
                        row_id or None, deferred)
        for rid, column, key in deferred:
            db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [r.ref(table, key), rid])
    _remember(r, table, record["uuid"], row_id, record["version"],
              TOMBSTONE if deleted else record_hash(record["data"]), deleted, new=False)
    _rehash(r)
    _index(r)
