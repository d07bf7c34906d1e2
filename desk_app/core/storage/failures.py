"""What the disk and SQLite report, as a Vietnamese sentence the officer can act on.

The mapping is deliberately narrow: only SQLITE_CORRUPT and SQLITE_NOTADB mean a damaged
file. A read-only folder, a missing permission or a full disk is never reported as damage:
an officer told "the file is damaged, restore from a backup" would overwrite good data with
an older copy. Anything not recognised here is a bug, reported by the caller with its log.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import sqlcipher3

from desk_app import messages
from desk_app.core.errors import DeskError

# Primary result codes (https://sqlite.org/rescode.html); Python ≥ 3.11 sets
# `sqlite_errorcode` (the extended code: the primary one is its low byte).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_NOTADB = 26

# The database driver is SQLCipher (storage/db.py); sqlite3's own errors still come from
# plain sqlite3 connections (tests, tools). Both are database failures.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
DB_OR_OS_ERRORS: tuple[type[Exception], ...] = (*DB_ERRORS, OSError)

BUSY_SECONDS = 15  # how long a writer waits for another one's lock (storage.db sets it)

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def latest_backup(db_path: Path) -> Path | None:
    """The newest finished backup beside the database (a *.part is a copy in progress)."""
    folder = backups_dir(db_path)
    try:
        found = [p for p in folder.glob("*.sqlite3") if p.is_file() and p.stat().st_size > 0]
    except OSError:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime_ns, p.name), default=None)


def backup_text(db_path: Path) -> str:
    found = latest_backup(db_path)
    return str(found) if found else messages.DB_NO_BACKUP.format(folder=backups_dir(db_path))


def damaged(db_path: Path) -> DeskError:
    return DeskError(messages.DB_DAMAGED.format(path=db_path, backup=backup_text(db_path)))


def empty(db_path: Path) -> DeskError:
    return DeskError(messages.DB_EMPTY.format(path=db_path, backup=backup_text(db_path)))


_REASONS = {
    errno.ENOENT: "không có thư mục hoặc tệp đó",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EISDIR: "đó là một thư mục",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EIO: "lỗi đọc/ghi ổ đĩa",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}


def reason(exc: OSError) -> str:
    """Why a file could not be written, in Vietnamese (the system's words otherwise)."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    return known or exc.strerror or type(exc).__name__


def describe(exc: BaseException, path: str | Path) -> DeskError | None:
    """The DeskError for a database or file-system failure at `path`, or None for a bug."""
    if isinstance(exc, DeskError):
        return exc
    path = Path(path)
    if isinstance(exc, DB_ERRORS):
        code = sqlite_code(exc)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return DeskError(messages.DB_BUSY.format(seconds=BUSY_SECONDS))
        if code == SQLITE_FULL:
            return DeskError(messages.DISK_FULL.format(path=path.parent))
        # CANTOPEN on a file that exists: the folder refuses the -wal/-shm files beside it.
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
            return DeskError(messages.DATA_READ_ONLY.format(path=path.parent))
        if code == SQLITE_IOERR:
            return DeskError(messages.DISK_IO.format(path=path))
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return damaged(path)
        return None
    if isinstance(exc, OSError):
        where = exc.filename or path
        if exc.errno in _FULL_ERRNOS:
            return DeskError(messages.DISK_FULL.format(path=Path(where).parent))
        if exc.errno in _DENIED_ERRNOS:
            return DeskError(messages.DATA_READ_ONLY.format(path=where))
        if exc.errno == errno.EIO:
            return DeskError(messages.DISK_IO.format(path=where))
    return None
