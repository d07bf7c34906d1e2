"""Checks a bundle before anything is touched: the zip, the manifest, the signature against
the registered keys, every data file's hash, the seal, the sequence. `check_bundle` raises
DeskError with the reason in Vietnamese (messages.BUNDLE_*), or returns what the importer
needs to read the records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.bundle import container, crypto, envelope, keys
from desk_app.core.bundle.tables import BY_NAME, TABLES
from desk_app.core.errors import DeskError
from desk_app.core.storage.db import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class Checked:
    opened: container.Opened
    manifest: dict
    office_code: str
    hash: str
    shared: bytes | None
    sequence_state: str  # next / replay / imported

    @property
    def sequence(self) -> int:
        return int(self.manifest["sequence"])

    def records(self, table: str) -> Iterator[dict]:
        """The records of one table, streamed; raises DeskError if the file turns out damaged
        (the caller must read to the end before trusting what it read)."""
        entry = next(f for f in self.manifest["files"] if f["table"] == table)
        aead = crypto.file_key(self.shared, bytes.fromhex(self.manifest["bundle_id"]),
                               entry["name"]) if self.shared else None
        try:
            with self.opened.zip.open(entry["name"]) as raw:
                for line in envelope.read_lines(raw, entry["name"], aead):
                    try:
                        record = json.loads(line)
                    except (ValueError, RecursionError):  # not JSON, or nested too deep
                        raise envelope.EnvelopeError("json") from None
                    if not isinstance(record, dict):
                        raise envelope.EnvelopeError("record")
                    yield record
        except envelope.EnvelopeError as exc:
            reason = "wrong_key" if str(exc) == "tag" and self.shared else (
                "bomb" if str(exc) == "bomb" else "damaged")
            raise refused(self.opened.path, reason) from None
        except (OSError, EOFError, ValueError):
            raise refused(self.opened.path, "damaged") from None

    def close(self) -> None:
        self.opened.close()


def refused(path: Path, reason: str, **extra) -> DeskError:
    why = messages.BUNDLE_REASONS[reason].format(**extra)
    return DeskError(messages.BUNDLE_REFUSED.format(name=Path(path).name, why=why))


def _manifest_ok(m: dict) -> bool:
    try:
        ok = (isinstance(m["sequence"], int) and m["sequence"] >= 1
              and isinstance(m["base_sequence"], int) and 0 <= m["base_sequence"] < m["sequence"]
              and isinstance(m["office"], dict) and isinstance(m["office"]["code"], str)
              and isinstance(m["signer"], str) and isinstance(m["encrypted"], bool)
              and isinstance(m["files"], list) and isinstance(m["created_at"], str)
              and isinstance(m["bundle_id"], str) and len(bytes.fromhex(m["bundle_id"])) == 16
              and (m["previous_hash"] is None or isinstance(m["previous_hash"], str)))
        tables = [f["table"] for f in m["files"]]
        ok = ok and sorted(tables) == sorted(s.name for s in TABLES) and all(
            isinstance(f["name"], str) and isinstance(f["sha256"], str) and isinstance(f["rows"], int)
            and f["name"] == f"data/{f['table']}.jsonl.z" + (".enc" if m["encrypted"] else "")
            for f in m["files"])
        return bool(ok) and all(t in BY_NAME for t in tables)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def check_bundle(db: Database, path: Path, *, side: str) -> Checked:
    """`side`: 'province' (import: a registered ward's bundle) or 'office' (a ward checking
    its own bundle). Nothing is written."""
    path = Path(path)
    try:
        opened = container.open_bundle(path)
    except FileNotFoundError:
        raise DeskError(messages.BUNDLE_FILE_MISSING.format(path=path)) from None
    except container.ContainerError as exc:
        raise refused(path, exc.reason) from None
    try:
        return _check(db, opened, side)
    except container.ContainerError as exc:
        opened.close()
        raise refused(path, exc.reason) from None
    except BaseException:
        opened.close()
        raise


def _check(db: Database, opened: container.Opened, side: str) -> Checked:
    path, m = opened.path, opened.manifest
    if m.get("format") != container.BUNDLE_FORMAT:
        raise refused(path, "format")
    version = m.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise refused(path, "schema", theirs=version, ours=SCHEMA_VERSION)
    if not _manifest_ok(m):
        raise refused(path, "damaged")
    code = m["office"]["code"]
    owner = "office" if side == "province" else "self"
    key = keys.find(db, owner, m["signer"])
    if key is None:
        if side == "province" and not keys.office_known(db, code):
            raise refused(path, "unknown_office", office=code)
        raise refused(path, "unknown_key", office=code)
    if key.office_code != code or not crypto.verify(key.sign_public, opened.signature,
                                                    opened.manifest_bytes):
        raise refused(path, "signature")
    if key.valid_to is not None and m["created_at"] > key.valid_to:
        raise refused(path, "key_retired", office=code, since=key.valid_to[:10])
    names = {i.filename for i in opened.zip.infolist()} - {container.MANIFEST, container.SIGNATURE}
    if names != {f["name"] for f in m["files"]}:
        raise refused(path, "damaged")
    for f in m["files"]:
        digest, size = container.entry_sha256(opened, f["name"])
        if digest != f["sha256"] or size != f.get("size"):
            raise refused(path, "damaged")
    shared = None
    if m["encrypted"]:
        if side != "province":  # only the province holds the key that opens it
            return Checked(opened, m, code, opened.hash, None, "")
        _sign, seal_private = keys.own_private(db, m.get("recipient"))
        try:
            ephemeral = crypto.unb64(m["ephemeral_key"])
            if seal_private is None or len(ephemeral) != 32:
                raise ValueError
            shared = crypto.shared_secret(seal_private, ephemeral)
        except (ValueError, TypeError, KeyError):
            raise refused(path, "wrong_key") from None
    state = sequence_state(db, m, opened.hash, path.name) if side == "province" else ""
    return Checked(opened, m, code, opened.hash, shared, state)


def sequence_state(db: Database, m: dict, digest: str, name: str) -> str:
    """'imported' (this very bundle was imported: nothing will change), 'next' (it follows
    what the province has), else a DeskError: a replay of another bundle's number, or a gap."""
    code, seq, base = m["office"]["code"], m["sequence"], m["base_sequence"]
    same = db.execute("SELECT office_code FROM bundle_imports WHERE hash = ?", [digest]).fetchone()
    if same:
        return "imported"
    last = db.execute("SELECT MAX(seq) FROM bundle_imports WHERE office_code = ?",
                      [code]).fetchone()[0] or 0
    if seq <= last:
        raise DeskError(messages.BUNDLE_REFUSED.format(
            name=name, why=messages.BUNDLE_REASONS["replay"].format(seq=seq, last=last)))
    if base > last:
        raise DeskError(messages.BUNDLE_REFUSED.format(
            name=name, why=messages.BUNDLE_REASONS["gap"].format(
                seq=seq, last=last, missing=f"{last + 1}–{base}" if base > last + 1 else str(base))))
    before = db.execute("SELECT hash FROM bundle_imports WHERE office_code = ? AND seq = ?",
                        [code, seq - 1]).fetchone()
    if before and m["previous_hash"] != before[0]:
        raise DeskError(messages.BUNDLE_REFUSED.format(
            name=name, why=messages.BUNDLE_REASONS["fork"].format(seq=seq)))
    return "next"
