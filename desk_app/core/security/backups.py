"""Backups that restore (docs/security.md).

A backup is an online copy by SQLite's backup API, encrypted under the office's key like the
database (SQLCipher copies pages between two connections keyed alike), verified by opening it
and running `PRAGMA integrity_check`, with a copy of `keyring.json` beside it
(`NAME.sqlite3.keyring.json`): a user's password or the recovery code opens it on another PC
(a lost PC must not lose the data). Backups live in the data folder's `backups/` (0700), or
wherever the officer points (a USB stick).

- automatic: when data changed since the last backup (the audit trail's last event is later
  than the one the last backup saw) — at close and every `AUTO_HOURS` hours — named
  `auto-…`, thinned to every one of the last two days, then one a day for two weeks, one a
  week for two months, one a month for a year;
- before every migration (storage/db.py, `before-…`), every import and every restore
  (`before-restore-…`): never thinned;
- by hand: `desk-app backup [--to DIR]`, the backup window; never thinned.

A restore never removes a backup: it backs the current file up first, checks the chosen
one, and swaps it in whole.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.security import audit, session
from desk_app.core.security.roles import Permission
from desk_app.core.storage import db as storage_db
from desk_app.core.storage import files, keys
from desk_app.core.storage.failures import DB_ERRORS

if TYPE_CHECKING:
    from sqlite_utils import Database

AUTO_HOURS = 4
REMIND_DAYS = 7
KEYRING_SUFFIX = ".keyring.json"
_META_LAST = "backup_last_audit_id"  # the audit trail's last event the last backup holds


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    kind: str  # auto, manual, before (a migration, an import, a restore), other
    size: int

    @property
    def keyring(self) -> Path:
        return self.path.with_name(self.path.name + KEYRING_SUFFIX)


def folder_of(db: Database) -> Path:
    found = session.folder_of(db)
    if found is None:
        raise DeskError(messages.BACKUP_NO_FOLDER)
    return found


def default_dir(db: Database) -> Path:
    return folder_of(db) / "backups"


def _kind(name: str) -> str:
    for prefix in ("auto", "manual", "before"):
        if name.startswith(prefix + "-"):
            return prefix
    return "other"


def _parse(path: Path) -> Backup | None:
    if not path.is_file() or path.suffix != ".sqlite3":
        return None
    stamp = path.stem.rsplit("-", 2)[-2:]
    try:
        made = datetime.strptime("-".join(stamp), "%Y%m%d-%H%M%S")
    except ValueError:
        made = datetime.fromtimestamp(path.stat().st_mtime)
    return Backup(path, made, _kind(path.name), path.stat().st_size)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in a folder, newest first."""
    if not Path(folder).is_dir():
        return []
    found = [b for b in map(_parse, Path(folder).glob("*.sqlite3")) if b is not None]
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def verify(path: Path, key: bytes | None) -> bool:
    """The backup opens with the key and passes SQLite's integrity check."""
    try:
        conn = storage_db.connect_file(path, key)
    except DB_ERRORS:
        return False
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except DB_ERRORS:
        return False
    finally:
        conn.close()


def _last_event(db: Database) -> int:
    return audit.head(db)[0]


def make_backup(db: Database, target_dir: Path | None = None, *, kind: str = "manual",
                now: datetime | None = None, record: bool = True) -> Backup:
    """Copy, verify, put the keyring beside it, record it. A backup that fails its check is
    removed and refused (messages.BACKUP_FAILED_CHECK): a bad copy is never kept as good."""
    if kind == "manual" and record:
        session.require(db, Permission.BACKUP)
    now = now or datetime.now()
    target_dir = Path(target_dir) if target_dir is not None else default_dir(db)
    files.private_dir(target_dir)
    name = f"{kind}-{now:%Y%m%d-%H%M%S}.sqlite3"
    target = target_dir / name
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{kind}-{now:%Y%m%d-%H%M%S}-{n}.sqlite3"
    seen = _last_event(db)
    storage_db.backup(db, target)
    key = getattr(db.conn, "db_key", None)
    if not verify(target, key):
        target.unlink(missing_ok=True)
        raise DeskError(messages.BACKUP_FAILED_CHECK.format(path=target))
    folder = session.folder_of(db)
    if folder is not None and keys.has_keyring(folder):
        ring = target.with_name(target.name + KEYRING_SUFFIX)
        shutil.copyfile(keys.keyring_path(folder), ring)
        files.private_file(ring)
    made = Backup(target, now.replace(microsecond=0), kind, target.stat().st_size)
    if record:
        with db.atomic():
            audit.record(db, "backup", "backup", None,
                         {"file": str(target), "kind": kind, "audit_head": seen})
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       [_META_LAST, str(_last_event(db))])
    return made


def changed_since_last(db: Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_META_LAST]).fetchone()
    return row is None or int(row[0]) < _last_event(db)


def auto_backup(db: Database, now: datetime | None = None, *, force: bool = False
                ) -> Backup | None:
    """The automatic backup: only when data changed (or `force`), then thinned."""
    if not force and not changed_since_last(db):
        return None
    made = make_backup(db, kind="auto", now=now)
    thin(default_dir(db), now or datetime.now())
    return made


def keep(backups: list[Backup], now: datetime) -> set[Path]:
    """The automatic backups thinning keeps: all of the last 2 days, the newest of each day
    for 14 days, of each ISO week for 8 weeks, of each month for 12 months."""
    kept: set[Path] = set()
    buckets: set[tuple] = set()
    for b in sorted(backups, key=lambda b: b.made_at, reverse=True):
        age = now - b.made_at
        if age <= timedelta(days=2):
            kept.add(b.path)
            continue
        if age <= timedelta(days=14):
            bucket: tuple = ("day", b.made_at.date())
        elif age <= timedelta(weeks=8):
            bucket = ("week", *b.made_at.isocalendar()[:2])
        elif age <= timedelta(days=366):
            bucket = ("month", b.made_at.year, b.made_at.month)
        else:
            continue
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(b.path)
    return kept


def thin(folder: Path, now: datetime) -> list[Path]:
    """Remove the automatic backups `keep` does not keep (never a manual or a before- one)."""
    autos = [b for b in list_backups(folder) if b.kind == "auto"]
    kept = keep(autos, now)
    removed = []
    for b in autos:
        if b.path not in kept:
            b.path.unlink(missing_ok=True)
            b.keyring.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def last_good(folder: Path, key: bytes | None) -> Backup | None:
    """The newest backup that opens with the key and passes the integrity check."""
    for b in list_backups(folder):
        if verify(b.path, key):
            return b
    return None


def needs_reminder(folder: Path, now: datetime | None = None) -> bool:
    """No backup (of any kind) in the last REMIND_DAYS days."""
    found = list_backups(folder)
    return not found or (now or datetime.now()) - found[0].made_at > timedelta(days=REMIND_DAYS)


def restore(db: Database, source: Path, reopen: Callable[[Path], Database],
            now: datetime | None = None) -> Path:
    """Replace the office's database with a backup. The signed-in role must allow it; the
    backup must open with this office's key and pass its check; the current file is backed
    up first (`before-restore-…`, never thinned). `db` is closed here (the caller must have
    closed every other connection, e.g. the window's workers). Returns the safety backup."""
    session.require(db, Permission.RESTORE)
    source = Path(source)
    key = getattr(db.conn, "db_key", None)
    if not source.is_file():
        raise DeskError(messages.RESTORE_MISSING.format(path=source))
    if not verify(source, key):
        raise DeskError(messages.RESTORE_UNREADABLE.format(path=source))
    db_path = folder_of(db) / "desk.sqlite3"
    safety = make_backup(db, kind="before-restore", now=now)
    user = session.current(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    part = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(source, part)
    files.private_file(part)
    for suffix in ("-wal", "-shm", storage_db.CLEAN_SUFFIX):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{db_path}{suffix}")
    os.replace(part, db_path)
    # The restored chain goes on: the restore is its next event (who, from which file, the
    # safety copy of what was replaced). `reopen` is core.opening.open_db (an older backup
    # is upgraded like any database).
    restored = reopen(db_path)
    try:
        with restored.atomic():
            audit.record(restored, "restore", "backup", None,
                         {"file": str(source), "safety_backup": str(safety.path)},
                         username=user.username if user else None,
                         officer_id=user.officer_id if user else None)
    finally:
        restored.close()
    return safety.path


def restore_into_empty(folder: Path, source: Path) -> None:
    """A new PC: the backup and its keyring copy become the office of an empty data folder;
    signing in then opens it with a password of the time of the backup (or the recovery
    code)."""
    source = Path(source)
    ring = source.with_name(source.name + KEYRING_SUFFIX)
    if not source.is_file():
        raise DeskError(messages.RESTORE_MISSING.format(path=source))
    if not ring.is_file():
        raise DeskError(messages.RESTORE_NO_KEYRING.format(path=ring))
    files.private_dir(folder)
    target = Path(folder) / "desk.sqlite3"
    if target.exists() or keys.has_keyring(folder):
        raise DeskError(messages.OFFICE_EXISTS)
    shutil.copyfile(ring, keys.keyring_path(folder))
    files.private_file(keys.keyring_path(folder))
    shutil.copyfile(source, target)
    files.private_file(target)
