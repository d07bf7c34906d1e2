"""Encrypting an office kept in the clear by an earlier version: one guarded step.

1. Other writers are kept out (BEGIN IMMEDIATE on the old file) and the WAL is folded in.
2. A backup of the file as it is goes to backups/ (before-encryption-….sqlite3).
3. `sqlcipher_export` copies every table, index, trigger and the FTS index into a new file
   under the new key; its schema version is carried over.
4. The copy is opened with the key and checked (integrity, the same row count per table).
5. The copy replaces the old file whole (a rename): at every moment the folder holds either
   the old file or the new one, never half of each.
6. Backups left in the clear (the one from step 2, those of earlier upgrades) are encrypted
   the same way and the clear ones removed: after this step nothing in the data folder is
   readable without a password. (The old bytes may linger in free disk sectors: say so.)

The caller writes keyring.json before step 5, so a crash between the two leaves a keyring
and a clear file, which `resume` finishes with the same key.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desk_app.core.storage import db as storage_db
from desk_app.core.storage import files, keys
from desk_app.core.storage.failures import DB_ERRORS

SQLITE_HEADER = b"SQLite format 3\x00"


def _tables(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]


def _counts(conn) -> dict[str, int]:
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def is_plain(path: Path) -> bool:
    """The file opens without a key (an office from before encryption, or a plain backup)."""
    conn = storage_db.connect_file(path, None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return True
    except DB_ERRORS:
        return False
    finally:
        conn.close()


def export_encrypted(source: Path, target: Path, key: bytes) -> dict[str, int]:
    """Copy a clear database into a new file under `key` and check the copy; returns the row
    counts. The source is held with a write lock meanwhile."""
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    conn = storage_db.connect_file(source, None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.isolation_level = None
        # ATTACH is refused inside a transaction, and DETACH while it holds the file: attach,
        # then write under BEGIN IMMEDIATE (other writers kept out), commit, detach.
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", [str(target)])
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                counts = _counts(conn)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute("SELECT sqlcipher_export('encrypted')")
                conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    files.private_file(target)
    check = storage_db.connect_file(target, key)
    try:
        if check.execute("PRAGMA integrity_check").fetchall() != [("ok",)] or _counts(check) != counts:
            raise RuntimeError("the encrypted copy differs from the original")
    finally:
        check.close()
    return counts


def encrypt_in_place(db_path: Path, key: bytes, before_swap: Callable[[], None],
                     now: datetime | None = None) -> Path:
    """Steps 1–6 above for the office database; `before_swap` writes the keyring. Returns the
    clear backup's encrypted copy."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    backups = files.private_dir(db_path.parent / "backups")
    plain_backup = backups / f"before-encryption-{stamp}.sqlite3"
    source = storage_db.connect_file(db_path, None)
    try:
        dest = storage_db.connect_file(plain_backup, None)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    new = db_path.with_name(db_path.name + ".encrypting")
    export_encrypted(db_path, new, key)
    before_swap()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(new, db_path)
    db_path.with_name(db_path.name + storage_db.CLEAN_SUFFIX).unlink(missing_ok=True)
    encrypt_backups(backups, key)
    return plain_backup


def encrypt_backups(folder: Path, key: bytes) -> list[Path]:
    """Every backup in the clear in `folder` replaced by its encrypted copy (same name)."""
    done = []
    for found in sorted(folder.glob("*.sqlite3")):
        if not found.is_file() or not is_plain(found):
            continue
        new = found.with_name(found.name + ".encrypting")
        export_encrypted(found, new, key)
        _shred(found)
        os.replace(new, found)
        done.append(found)
    return done


def _shred(path: Path) -> None:
    """Overwrite a clear file before it is replaced (best effort: a journaling or flash disk
    may keep old blocks; docs/security.md says so)."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())


def needs_encryption(folder: Path) -> bool:
    """An office from before encryption: a database in the clear (with or without a keyring
    left by a step that stopped half-way)."""
    db_path = folder / "desk.sqlite3"
    return db_path.is_file() and db_path.stat().st_size > 0 and is_plain(db_path)


def has_keyring(folder: Path) -> bool:
    return keys.has_keyring(folder)
