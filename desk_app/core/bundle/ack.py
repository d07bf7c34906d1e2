"""The acknowledgement: the province signs what it now holds of a bundle, the ward reads it
and marks those records delivered.

The file (`.dtca`) is a zip of ack.json and ack.sig (Ed25519 over ack.json's bytes, the
province's key). ack.json names the bundle (its hash and sequence), the ward, and per table
the [uuid, version] pairs the province holds; records kept in conflict at the province are
not in it, so the ward sends them again until they are settled.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.bundle import crypto, keys
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from sqlite_utils import Database

ACK_FORMAT = "desk-app-ack/1"
MAX_ACK = 256 << 20


def write_ack(db: Database, out: Path, *, office_code: str, bundle_hash: str, sequence: int,
              accepted: list[tuple[str, str, int]], conflicts: int,
              now: datetime | None = None) -> Path:
    own = keys.own_key(db)
    sign_private, _ = keys.own_private(db)
    if own is None or sign_private is None:
        raise DeskError(messages.BUNDLE_NO_OWN_KEY)
    records: dict[str, list] = {}
    for table, key, version in accepted:
        records.setdefault(table, []).append([key, version])
    body = (json.dumps({
        "format": ACK_FORMAT, "province": own.office_code, "signer": own.fingerprint,
        "office": office_code, "bundle_hash": bundle_hash, "sequence": sequence,
        "created_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "conflicts": conflicts, "records": records,
    }, ensure_ascii=False, sort_keys=True) + "\n").encode()
    part = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("ack.json", body)
            zf.writestr("ack.sig", crypto.sign(sign_private, body))
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return out


@dataclass(frozen=True)
class AckResult:
    sequence: int
    confirmed: int
    already: bool


def _refused(path: Path, reason: str, **extra) -> DeskError:
    return DeskError(messages.ACK_REFUSED.format(name=path.name,
                                                 why=messages.ACK_REASONS[reason].format(**extra)))


def read_ack(db: Database, path: Path) -> dict:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = sorted(zf.namelist())
            if names != ["ack.json", "ack.sig"]:
                raise _refused(path, "damaged")
            info = zf.getinfo("ack.json")
            if info.file_size > MAX_ACK or info.file_size > 200 * max(info.compress_size, 1024):
                raise _refused(path, "damaged")
            body, signature = zf.read("ack.json"), zf.read("ack.sig")
    except FileNotFoundError:
        raise DeskError(messages.BUNDLE_FILE_MISSING.format(path=path)) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refused(path, "damaged") from None
    try:
        ack = json.loads(body)
        if not isinstance(ack, dict) or ack.get("format") != ACK_FORMAT:
            raise ValueError
        signer = ack["signer"]
        records = ack["records"]
        if not isinstance(records, dict) or not isinstance(signer, str):
            raise ValueError
    except (ValueError, KeyError, TypeError, RecursionError):
        raise _refused(path, "damaged") from None
    key = keys.find(db, "province", signer)
    if key is None or not crypto.verify(key.sign_public, signature, body):
        raise _refused(path, "signature")
    return ack


def apply_ack(db: Database, path: Path, *, now: datetime | None = None) -> AckResult:
    """Mark the records the province holds as delivered (one transaction; again: no change)."""
    path = Path(path)
    ack = read_ack(db, path)
    own = db.execute("SELECT office_code FROM office WHERE id = 1").fetchone()
    if own is None or ack.get("office") != own[0]:
        raise _refused(path, "other_office", office=ack.get("office"))
    found = db.execute("SELECT seq, acked_at FROM bundle_exports WHERE hash = ?",
                       [ack.get("bundle_hash")]).fetchone()
    if found is None:
        raise _refused(path, "unknown_bundle")
    seq, acked_at = found
    confirmed = 0
    with db.atomic():
        for table, pairs in ack["records"].items():
            if not isinstance(pairs, list):
                raise _refused(path, "damaged")
            for pair in pairs:
                if (not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], str)
                        or not isinstance(pair[1], int)):
                    raise _refused(path, "damaged")
            cur = db.conn.executemany(
                "UPDATE bundle_rows SET acked_version = ?2,"
                " acked_hash = CASE WHEN version = ?2 THEN hash ELSE acked_hash END"
                " WHERE tbl = ?3 AND uuid = ?1 AND version >= ?2"
                " AND (acked_version IS NULL OR acked_version < ?2"
                "      OR (version = ?2 AND acked_hash IS NOT hash))",
                [(k, v, table) for k, v in pairs])
            confirmed += max(cur.rowcount, 0)
        if acked_at is None:
            db.execute("UPDATE bundle_exports SET acked_at = ? WHERE seq = ?",
                       [(now or datetime.now()).isoformat(timespec="seconds"), seq])
    return AckResult(seq, confirmed, acked_at is not None)


def delivered(db: Database, table: str, row_ids: list[int]) -> dict[int, bool]:
    """Which of these rows the province confirmed in the version last sent (the log's mark)."""
    if not row_ids:
        return {}
    marks = "?" * 0 + ",".join("?" * len(row_ids))
    found = {r[0]: bool(r[1]) for r in db.execute(
        f"SELECT row_id, acked_version IS NOT NULL AND acked_hash = hash FROM bundle_rows"
        f" WHERE tbl = ? AND row_id IN ({marks})", [table, *row_ids])}
    return {i: found.get(i, False) for i in row_ids}


def visit_delivery(db: Database, visit_id: int) -> str:
    """Where a visit stands with the province: 'confirmed' (the province acknowledged the
    version last sent), 'sent' (in a bundle, not yet acknowledged), 'not_sent'. The record
    window shows it; a change made since the last bundle shows at the next export."""
    row = db.execute("SELECT version, hash, acked_version, acked_hash FROM bundle_rows"
                     " WHERE tbl = 'visits' AND row_id = ?", [visit_id]).fetchone()
    if row is None:
        return "not_sent"
    return "confirmed" if row[3] is not None and bytes(row[3]) == bytes(row[1]) else "sent"
