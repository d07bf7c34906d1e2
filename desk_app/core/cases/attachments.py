"""Scanned files kept with a case: copied into the data folder, named by their SHA-256.

The copy is written as *.part and renamed, so a crash never leaves half a file under a real
name; the same scan attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.tracking import record_event
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_MB = 200


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    stored_name: str
    sha256: str
    size: int
    added_at: str


def store_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "attachments"


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def add_attachment(db: Database, data_dir: Path, case_id: int, source: str | Path, *,
                   officer_id: int | None = None, now: datetime | None = None) -> int:
    source = Path(source)
    now = now or datetime.now()
    if db.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone() is None:
        raise DeskError(messages.CASE_MISSING.format(id=case_id))
    if not source.is_file():
        raise DeskError(messages.ATTACHMENT_MISSING.format(path=source))
    size = source.stat().st_size
    if size > MAX_MB * 1024 * 1024:
        raise DeskError(messages.ATTACHMENT_TOO_BIG.format(name=source.name, limit=MAX_MB))
    digest = _digest(source)
    if db.execute("SELECT 1 FROM case_attachments WHERE case_id = ? AND sha256 = ?",
                  [case_id, digest]).fetchone():
        raise DeskError(messages.ATTACHMENT_ALREADY.format(name=source.name))
    stored_name = f"{digest[:2]}/{digest}{source.suffix.lower()}"
    target = store_dir(data_dir) / stored_name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        shutil.copyfile(source, part)
        if _digest(part) != digest:  # the file changed while it was being copied
            part.unlink()
            raise DeskError(messages.ATTACHMENT_MISSING.format(path=source))
        part.replace(target)
    with db.atomic():
        attachment_id = cast(int, db.table("case_attachments").insert({
            "uuid": str(uuid.uuid4()), "case_id": case_id, "name": source.name,
            "stored_name": stored_name, "sha256": digest, "size": size,
            "added_at": now.isoformat(timespec="seconds"), "officer_id": officer_id}).last_pk)
        record_event(db, case_id, "attachment", occurred_on=now.date(), officer_id=officer_id,
                     note=source.name, data={"attachment_id": attachment_id}, now=now)
    return attachment_id


def case_attachments(db: Database, case_id: int) -> tuple[Attachment, ...]:
    return tuple(Attachment(*r) for r in db.execute(
        "SELECT id, name, stored_name, sha256, size, added_at FROM case_attachments"
        " WHERE case_id = ? ORDER BY id", [case_id]))


def attachment_path(data_dir: Path, attachment: Attachment) -> Path:
    return store_dir(data_dir) / attachment.stored_name
