"""Scanned files kept with a case: copied into the data folder, named by their SHA-256.

The copy is written as *.part and renamed, so a crash never leaves half a file under a real
name; the same scan attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.tracking import record_event
from desk_app.core.errors import DeskError
from desk_app.core.security import derived
from desk_app.core.storage import failures, files, rows, uuids

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_MB = 200

# What a case file holds: scans and photos of documents, and documents as offices send them.
# Each kind is recognised by its first bytes as well as its name, so a program renamed
# "don.pdf" is refused too. Programs, scripts, shortcuts, macro-enabled Office files (.docm,
# .xlsm), HTML and archives are not on the list: opening them runs code.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word and Excel 97-2003
_ZIP = b"PK\x03\x04"  # Office Open XML (.docx, .xlsx) and OpenDocument (.odt, .ods)
FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("tệp PDF", (b"%PDF-",)),
    ".jpg": ("ảnh JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("ảnh JPEG", (b"\xff\xd8\xff",)),
    ".png": ("ảnh PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".tif": ("ảnh TIFF", (b"II*\x00", b"MM\x00*")),
    ".tiff": ("ảnh TIFF", (b"II*\x00", b"MM\x00*")),
    ".bmp": ("ảnh BMP", (b"BM",)),
    ".doc": ("tài liệu Word", (_OLE2,)),
    ".docx": ("tài liệu Word", (_ZIP,)),
    ".xls": ("bảng tính Excel", (_OLE2,)),
    ".xlsx": ("bảng tính Excel", (_ZIP,)),
    ".odt": ("văn bản OpenDocument", (_ZIP,)),
    ".ods": ("bảng tính OpenDocument", (_ZIP,)),
    ".rtf": ("văn bản RTF", (b"{\\rtf",)),
    ".txt": ("văn bản thuần", ()),  # no signature: any text without NUL bytes
}
ALLOWED_TEXT = "PDF, JPG, PNG, TIFF, BMP, DOC, DOCX, XLS, XLSX, ODT, ODS, RTF, TXT"


def check_file_type(path: Path) -> None:
    """Refuse a file that is not a document or an image of an allowed kind, by its name and
    by its first bytes; a PDF may have a little junk before its header (as readers allow)."""
    kind = FILE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise DeskError(messages.ATTACHMENT_TYPE_REFUSED.format(name=path.name,
                                                                allowed=ALLOWED_TEXT))
    label, signatures = kind
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if path.suffix.lower() == ".pdf":
        ok = b"%PDF-" in head[:1024]
    elif signatures:
        ok = head.startswith(signatures)
    else:
        ok = b"\x00" not in head
    if not ok:
        raise DeskError(messages.ATTACHMENT_CONTENT_MISMATCH.format(name=path.name, kind=label))


def can_open(path: Path) -> bool:
    """Whether the desktop may open this stored file (older versions stored any kind)."""
    try:
        check_file_type(path)
    except (DeskError, OSError):
        return False
    return True


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
    check_file_type(source)
    digest = _digest(source)
    if db.execute("SELECT 1 FROM case_attachments WHERE case_id = ? AND sha256 = ?",
                  [case_id, digest]).fetchone():
        raise DeskError(messages.ATTACHMENT_ALREADY.format(name=source.name))
    sealing = derived.of(db, "attachments")
    if sealing is not None:
        stored_name = _store_sealed(db, data_dir, source, digest, sealing)
    else:
        stored_name = _store_plain(data_dir, source, digest)
    with db.atomic():
        attachment_id = cast(int, db.table("case_attachments").insert({
            "uuid": uuids.new_text(), "case_id": case_id, "name": source.name,
            "stored_name": stored_name, "sha256": digest, "size": size,
            "added_at": now.isoformat(timespec="seconds"), "officer_id": officer_id}).last_pk)
        record_event(db, case_id, "attachment", occurred_on=now.date(), officer_id=officer_id,
                     note=source.name, data={"attachment_id": attachment_id}, now=now)
    return attachment_id


def _store_plain(data_dir: Path, source: Path, digest: str) -> str:
    """An office in the clear (before encryption): the file as it is, named by its sha256."""
    stored_name = f"{digest[:2]}/{digest}{source.suffix.lower()}"
    target = store_dir(data_dir) / stored_name
    if not target.exists():
        part = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, part)
            if _digest(part) != digest:  # the file changed while it was being copied
                part.unlink()
                raise DeskError(messages.ATTACHMENT_MISSING.format(path=source))
            part.replace(target)
        except OSError as exc:  # a full disk, a read-only data folder
            part.unlink(missing_ok=True)
            raise failures.describe(exc, target) or DeskError(
                messages.ATTACHMENT_COPY_FAILED.format(name=source.name)) from None
    return stored_name


def _store_sealed(db: Database, data_dir: Path, source: Path, digest: str, key: bytes) -> str:
    """An encrypted office: AES-256-GCM under a key derived from the database key, named by
    an HMAC of the content (a plain hash would confirm a guessed file), `.bin` (the name
    tells nothing of the kind either); the stored name is the associated data."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = source.read_bytes()
    if hashlib.sha256(data).hexdigest() != digest:  # the file changed meanwhile
        raise DeskError(messages.ATTACHMENT_MISSING.format(path=source))
    names = derived.of(db, "attachment-names")
    assert names is not None
    mac = hmac.new(names, data, hashlib.sha256).hexdigest()
    stored_name = f"{mac[:2]}/{mac}.bin"
    target = store_dir(data_dir) / stored_name
    if not target.exists():
        part = target.with_name(target.name + ".part")
        nonce = os.urandom(12)
        try:
            files.private_dir(target.parent)
            _write_part(part, nonce + AESGCM(key).encrypt(nonce, data, stored_name.encode()))
            part.replace(target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise failures.describe(exc, target) or DeskError(
                messages.ATTACHMENT_COPY_FAILED.format(name=source.name)) from None
    return stored_name


def _write_part(part: Path, blob: bytes) -> None:
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(blob)


def read_attachment(db: Database, data_dir: Path, attachment: Attachment) -> bytes:
    """The attachment's content (decrypted in an encrypted office)."""
    raw = attachment_path(data_dir, attachment).read_bytes()
    if not attachment.stored_name.endswith(".bin"):
        return raw
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = derived.of(db, "attachments")
    if key is None:
        raise DeskError(messages.ATTACHMENT_NOT_OPENED.format(name=attachment.name))
    return AESGCM(key).decrypt(raw[:12], raw[12:], attachment.stored_name.encode())


def plain_copy(db: Database, data_dir: Path, attachment: Attachment, folder: Path) -> Path:
    """The attachment decrypted into a private folder (for the desktop's viewer), under its
    own name; the window removes the folder when it closes."""
    files.private_dir(folder)
    target = Path(folder) / Path(attachment.name).name
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(read_attachment(db, data_dir, attachment))
    return target


def case_attachments(db: Database, case_id: int) -> tuple[Attachment, ...]:
    return tuple(Attachment(**r) for r in rows.every(
        db, "SELECT id, name, stored_name, sha256, size, added_at FROM case_attachments"
            " WHERE case_id = ? ORDER BY id", [case_id]))


def attachment_path(data_dir: Path, attachment: Attachment) -> Path:
    return store_dir(data_dir) / attachment.stored_name
