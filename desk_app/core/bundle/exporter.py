"""The ward writes a bundle: the rows changed since the last bundle the province
acknowledged (or every row, `full`), signed with the office's key and sealed for the province.

Local records are never changed; only the ledger is: `bundle_rows` (per row: the version sent,
the hash of what was sent and `sent_seq`, the first bundle that carried that version; what the
province acknowledged) and `bundle_exports`. A row sent again unchanged is not rewritten. The file
is written to `F.part` and renamed when complete; the ledger is written in one transaction
just before the rename, so a failed or cancelled export leaves neither a file nor a trace.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.bundle import container, crypto, envelope, keys
from desk_app.core.bundle.tables import TABLES, Reader, text_hash
from desk_app.core.errors import Cancelled, DeskError
from desk_app.core.storage import failures
from desk_app.core.storage.db import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

TOMBSTONE = b"\x00" * 8  # the hash a deleted row's record is sent with
_BATCH = 5000


@dataclass(frozen=True)
class Exported:
    path: Path
    sequence: int
    base_sequence: int
    full: bool
    encrypted: bool
    counts: dict[str, int]
    hash: str

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def _office(db: Database) -> dict:
    row = db.execute("SELECT office_code, name, uuid, province_code, commune_code FROM office"
                     " WHERE id = 1").fetchone()
    if row is None:
        raise DeskError(messages.OFFICE_MISSING)
    from desk_app.core.bundle.tables import officer_uuids, uuid_text

    # The head as the office set them (the schedule's setting `head_officer_id`; read here, not
    # through schedule, a sibling layer): the province's sessions table will need it.
    found = db.execute("SELECT value FROM settings WHERE key = 'head_officer_id'").fetchone()
    head = int(found[0]) if found and str(found[0]).strip().isdigit() else None
    return {"code": row[0], "name": row[1], "uuid": uuid_text(row[2]), "province_code": row[3],
            "commune_code": row[4],
            "head_officer": officer_uuids(db).get(head) if head is not None else None}


def plan(db: Database, full: bool) -> tuple[int, int, str | None]:
    """(sequence, base sequence, previous bundle's hash) of the next bundle."""
    last = db.execute("SELECT seq, hash FROM bundle_exports ORDER BY seq DESC LIMIT 1").fetchone()
    acked = db.execute("SELECT MAX(seq) FROM bundle_exports WHERE acked_at IS NOT NULL").fetchone()[0]
    return ((last[0] + 1) if last else 1, 0 if full else (acked or 0), last[1] if last else None)


def export_bundle(db: Database, out: Path, *, full: bool = False, now: datetime | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> Exported:
    now = now or datetime.now()
    out = Path(out)
    own = keys.ensure_own_key(db, now=now)
    sign_private, _ = keys.own_private(db)
    assert sign_private is not None
    province = keys.province_key(db)
    office = _office(db)
    sequence, base, previous = plan(db, full)
    bundle_id = secrets.token_bytes(16)
    ephemeral_pub = shared = None
    if province is not None and province.seal_public:
        ephemeral_pub, shared = crypto.ephemeral(province.seal_public)
    snap = snapshot_of(db)
    reader = Reader(snap, withhold=shared is None)
    total = sum(snap.execute(f"SELECT COUNT(*) FROM {s.name}").fetchone()[0] for s in TABLES) or 1
    done = 0
    part = out.with_name(out.name + ".part")
    side = _side_table()
    files, counts = [], {}
    try:
        with zipfile.ZipFile(part, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            for spec in TABLES:
                if cancel and cancel():
                    raise Cancelled()
                name = f"data/{spec.name}.jsonl.z" + (".enc" if shared else "")
                aead = crypto.file_key(shared, bundle_id, name) if shared else None
                pending: list[tuple] = []
                with zf.open(name, "w", force_zip64=True) as raw:
                    hashed = _Hashing(raw)
                    writer = envelope.Writer(hashed, name, aead)  # type: ignore[arg-type]
                    join = (f"LEFT JOIN bundle_rows l ON l.tbl = '{spec.name}' AND l.row_id = t.id")
                    for row_id, key, text, ledger in reader.texts(
                            spec, join, extra_cols=", l.version, l.hash, l.acked_version, l.acked_hash",
                            n_extra=4):
                        done += 1
                        if done % 500 == 0:
                            if cancel and cancel():
                                raise Cancelled()
                            if progress:
                                progress(done, total)
                        sent_version, sent_hash, acked_version, acked_hash = ledger
                        h = text_hash(text)
                        if not full and acked_hash is not None and bytes(acked_hash) == h:
                            continue
                        version = (sent_version if sent_hash is not None and bytes(sent_hash) == h
                                   else (sent_version or 0) + 1)
                        # the record as json.dumps(sort_keys=True) writes it, data serialised once
                        prev = "null" if acked_version is None else str(int(acked_version))
                        writer.write_line(f'{{"data":{text},"deleted":false,"prev":{prev},'
                                          f'"uuid":"{key}","version":{int(version)}}}')
                        if sent_hash is None or bytes(sent_hash) != h:  # else the ledger holds it
                            pending.append((spec.name, row_id, key, version, h))
                        if len(pending) >= _BATCH:
                            _flush(side, pending)
                    for row_id, key, sent_version, sent_hash, acked_version, acked_hash in snap.execute(
                            f"SELECT row_id, uuid, version, hash, acked_version, acked_hash"
                            f" FROM bundle_rows l WHERE tbl = ? AND NOT EXISTS"
                            f" (SELECT 1 FROM {spec.name} t WHERE t.id = l.row_id)", [spec.name]):
                        if not full and acked_hash is not None and bytes(acked_hash) == TOMBSTONE:
                            continue
                        version = sent_version if bytes(sent_hash) == TOMBSTONE else sent_version + 1
                        writer.write({"uuid": key, "version": version, "prev": acked_version,
                                      "deleted": True, "data": None})
                        pending.append((spec.name, row_id, key, version, TOMBSTONE))
                    _flush(side, pending)
                    trailer = writer.close()
                files.append({"name": name, "table": spec.name, "rows": trailer["rows"],
                              "size": hashed.size, "sha256": hashed.sha.hexdigest()})
                counts[spec.name] = trailer["rows"]
            manifest = {
                "format": container.BUNDLE_FORMAT, "schema_version": SCHEMA_VERSION,
                "bundle_id": bundle_id.hex(), "office": office,
                "sequence": sequence, "base_sequence": base, "previous_hash": previous,
                "full": full, "created_at": now.isoformat(timespec="seconds"),
                "signer": own.fingerprint, "encrypted": shared is not None,
                "recipient": province.fingerprint if shared and province else None,
                "ephemeral_key": crypto.b64(ephemeral_pub) if ephemeral_pub else None,
                "withheld": [] if shared else ["denouncer_identity"],
                "files": files, "counts": counts,
            }
            body = container.manifest_bytes(manifest)
            zf.writestr(container.MANIFEST, body)
            zf.writestr(container.SIGNATURE, crypto.sign(sign_private, body))
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        digest = container.Opened(part, None, body, b"", manifest).hash  # type: ignore[arg-type]
        with db.atomic():
            rows = side.execute("SELECT tbl, row_id, uuid, version, hash, ? FROM pending",
                                [sequence])
            while batch := rows.fetchmany(_BATCH):
                db.conn.executemany(
                    "INSERT INTO bundle_rows (tbl, row_id, uuid, version, hash, sent_seq)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET"
                    " uuid = excluded.uuid, version = excluded.version, hash = excluded.hash,"
                    " sent_seq = excluded.sent_seq", batch)
            db.execute("INSERT INTO bundle_exports (seq, hash, base_seq, full, encrypted, records,"
                       " file_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [sequence, digest, base, int(full), int(shared is not None),
                        sum(counts.values()), out.name, manifest["created_at"]])
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(messages.OUT_WRITE_FAILED.format(path=out, why=failures.reason(exc))) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        side.close()
        if snap is not db:
            snap.conn.close()
    if progress:
        progress(total, total)
    return Exported(out, sequence, base, full, shared is not None, counts, digest)


def snapshot_of(db: Database) -> Database:
    """A read-only connection holding one snapshot of the database for the whole export, so
    every table is read as of the same moment (a visit saved meanwhile comes whole in the next
    bundle, never as a petition without its visit) and the desk keeps writing meanwhile (WAL).
    An in-memory database is read as it is."""
    path = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
    if not path:
        return db
    from desk_app.core.storage.db import open_reader

    # Keyed like every other connection (an encrypted office: docs/security.md), query only.
    snap = open_reader(path)
    snap.execute("BEGIN")
    snap.execute("SELECT COUNT(*) FROM office").fetchone()  # the snapshot starts here
    return snap


def _side_table() -> sqlite3.Connection:
    """What the ledger will record, kept aside (a temporary file SQLite deletes on close)
    until the file is complete: the office's database is not written during the export."""
    side = sqlite3.connect("", isolation_level=None)
    side.execute("CREATE TABLE pending (tbl TEXT, row_id INTEGER, uuid TEXT, version INTEGER,"
                 " hash BLOB)")
    return side


def _flush(side: sqlite3.Connection, pending: list[tuple]) -> None:
    if pending:
        side.executemany("INSERT INTO pending VALUES (?, ?, ?, ?, ?)", pending)
        pending.clear()


class _Hashing:
    """A write-only stream that hashes and counts what passes through it."""

    def __init__(self, raw) -> None:
        import hashlib

        self.raw, self.sha, self.size = raw, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        return self.raw.write(data)
