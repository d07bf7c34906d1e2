"""The one place a database connection is opened: key, pragmas, WAL, migrations, backups.

Every connection comes from SQLCipher (`sqlcipher3`, SQLite with page encryption): keyed with
the office's key when its folder was unlocked (storage/keys.py), in the clear for an office
from before encryption. SQLCipher's exceptions are not sqlite3's: catch `DB_ERRORS`."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.storage import failures, files, keys
from desk_app.core.storage.failures import DB_ERRORS, DB_OR_OS_ERRORS

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sqlite_utils import Database

    # meta key set by a migration step → the job that upper layers run once after all steps
    AfterSteps = Mapping[str, Callable[[Database], object]]  # what a job returns is not used

# The number of migration steps this version knows (tests keep it equal to
# len(migrations.known_steps())). It lets a start-up see that a database is current
# without importing sqlite-utils and the migrations (~70 ms of a ~250 ms start).
SCHEMA_VERSION = 15
# meta keys set by a migration step for work done once after all steps ran; the jobs
# themselves belong to upper layers and are passed in (see core/opening.py).
_POST_STEP_JOBS = ("search_reindex", "recompute_due", "vacuum")


_BEGIN = re.compile(r"\s*BEGIN(\s+DEFERRED)?(\s+TRANSACTION)?\s*;?\s*\Z", re.IGNORECASE)
# Beside the database: its size and mtime when the last connection closed cleanly.
CLEAN_SUFFIX = ".clean"


def _immediate(sql: str) -> str:
    return "BEGIN IMMEDIATE" if _BEGIN.match(sql) else sql


class _Cursor(sqlcipher3.Cursor):
    def execute(self, sql, parameters=(), /):
        if self.connection.immediate:
            sql = _immediate(sql)
        return super().execute(sql, parameters)


class _Connection(sqlcipher3.Connection):
    """A connection whose write transactions take the write lock when they begin.

    A deferred BEGIN reads first and asks for the write lock at its first write; in WAL mode
    that upgrade fails at once ("database is locked") when another process wrote meanwhile,
    and the busy timeout cannot help. BEGIN IMMEDIATE waits for the lock up front (up to the
    busy timeout), so two writers queue instead of failing. sqlite-utils' `atomic()` says
    "BEGIN" and Python's implicit transactions follow `isolation_level`: both become
    IMMEDIATE here. Readers keep deferred transactions (they never take the write lock).
    """

    immediate = False
    clean_marker: Path | None = None
    # The office's key (None in the clear): subkeys for the receipt QR and the attachments
    # are derived from it (core/security/derived.py), so nothing secret is stored beside it.
    db_key: bytes | None = None
    path: Path | None = None

    def cursor(self, factory=_Cursor):
        return super().cursor(factory)

    def execute(self, sql, parameters=(), /):
        if self.immediate:
            sql = _immediate(sql)
        return super().execute(sql, parameters)

    def close(self):
        was_open = self.clean_marker is not None
        super().close()
        if was_open:
            _mark_clean(self.clean_marker)
            self.clean_marker = None


_FROM_FOLDER = b""  # _connect's default: the key registered for the database's folder


def _key_for(path: Path) -> keys.Unlocked | None:
    """The unlocked key of the database's folder; None for an office kept in the clear.
    A folder with a keyring whose key is not in memory is locked: refused, not opened."""
    found = keys.unlocked(path.parent)
    if found is None and keys.has_keyring(path.parent):
        raise DeskError(messages.DB_LOCKED.format(path=path.parent))
    return found


def _connect(path: Path, *, writer: bool = False, key: bytes | None = _FROM_FOLDER) -> _Connection:
    read_only = False
    if key is _FROM_FOLDER:
        found = _key_for(path)
        key, read_only = (found.key, found.read_only) if found else (None, False)
    conn = sqlcipher3.connect(str(path), timeout=failures.BUSY_SECONDS, check_same_thread=False,
                              factory=_Connection,
                              isolation_level="IMMEDIATE" if writer else "DEFERRED")
    if key:
        conn.execute(keys.key_pragma(key))  # before anything reads the file
        conn.db_key = key
    conn.path = path
    conn.immediate = writer
    conn.clean_marker = path
    conn.execute(f"PRAGMA busy_timeout = {failures.BUSY_SECONDS * 1000}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def connect_file(path: Path, key: bytes | None) -> _Connection:
    """A connection to a database file outside the data folder's registry (a backup to
    verify or restore, a file being encrypted), keyed with `key`; nothing marks it clean."""
    conn = _connect(Path(path), key=key)
    conn.clean_marker = None
    return conn


def wrong_key(path: Path) -> DeskError:
    """Opening with the office's key failed: an office still in the clear (not yet migrated),
    or a file whose first page does not decrypt under this key. SQLCipher cannot tell a
    damaged header from another office's key, so the sentence names both and the backup."""
    probe = connect_file(path, None)
    try:
        probe.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        plain = True
    except DB_ERRORS:
        plain = False
    finally:
        probe.close()
    if plain:
        return DeskError(messages.DB_NOT_ENCRYPTED.format(path=path))
    return DeskError(messages.DB_UNREADABLE.format(path=path, backup=failures.backup_text(path)))


# --- a damaged file is refused before anything is written to it -------------------------
# A full `PRAGMA quick_check` reads the whole file (seconds for a large office), so it runs
# only when the file is not as the last clean close left it: after a crash, a copy or
# restore by hand, or a change by anything else. A connection that found the file as
# recorded (or checked it) records the main file's size and mtime in `desk.sqlite3.clean`
# when it closes; the last one to close does so after SQLite checkpointed the WAL into the
# file. A matching file is trusted (its WAL, if any, carries checksums). Recording at a
# moment the file is still changing only costs one more check next time.

def _file_stamp(path: Path) -> dict | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _mark_clean(path: Path) -> None:
    stamp = _file_stamp(path)
    if stamp is None or stamp["size"] == 0:
        return
    marker = path.with_name(path.name + CLEAN_SUFFIX)
    part = marker.with_name(f"{marker.name}.{os.getpid()}-{threading.get_ident()}.part")
    try:
        part.write_text(json.dumps(stamp), encoding="ascii")
        os.replace(part, marker)
    except OSError:  # a read-only folder: the next opening just checks the file again
        with contextlib.suppress(OSError):
            part.unlink()


def changed_since_clean_close(path: Path) -> bool:
    marker = path.with_name(path.name + CLEAN_SUFFIX)
    try:
        recorded = json.loads(marker.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return True
    return recorded != _file_stamp(path)


def _readable(conn: _Connection, path: Path) -> None:
    """The first read: with a key, SQLITE_NOTADB means the key does not fit this file."""
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except DB_ERRORS as exc:
        if conn.db_key and failures.sqlite_code(exc) == failures.SQLITE_NOTADB:
            raise wrong_key(path) from None
        raise


def _quick_check(conn: _Connection, path: Path) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        raise failures.damaged(path)


def _check_file(path: Path) -> None:
    """Refuse an empty file before SQLite sees it (SQLite would take it for a new database).

    The header itself is left to SQLite (SQLITE_NOTADB): reading the file through a second
    descriptor here would drop the POSIX locks of any connection this process already has
    on it when that descriptor closes, which can corrupt the database.
    """
    if path.is_dir():
        raise DeskError(messages.DATA_DIR_NOT_A_FOLDER.format(path=path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise failures.describe(exc, path) or exc from None
    if not os.access(path, os.R_OK):
        raise DeskError(messages.DATA_NOT_READABLE.format(path=path))
    if size == 0:
        raise failures.empty(path)


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DeskError(messages.DATA_READ_ONLY.format(path=folder))
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        part = folder / name
        # Access first, existence after: another process closing its last connection deletes
        # the -wal and -shm files at any moment, and a file that vanished between the two
        # looks unwritable to os.access (it was: "not writable" for a healthy folder).
        if not os.access(part, os.R_OK | os.W_OK) and part.exists():
            raise DeskError(messages.DATA_READ_ONLY.format(path=part))


def _create(path: Path) -> None:
    """A new, empty database with every step, put in place whole: a crash while creating
    never leaves an empty file that a later start could mistake for a damaged office."""
    part = path.with_name(f"{path.name}.{os.getpid()}.new")
    for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
        leftover.unlink(missing_ok=True)
    conn = _connect(part, writer=True)
    conn.clean_marker = None
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        files.private_file(part)
        from sqlite_utils import Database

        from desk_app.core.storage.migrations import known_steps, migrations

        db = Database(conn, execute_plugins=False)
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known_steps())}")
        # Nothing to redo after the steps of an empty file (no lines to index, no cases; it
        # is compacted here, cheaply while empty): the first opening finds it as created.
        marks = ",".join("?" * len(_POST_STEP_JOBS))
        db.execute(f"UPDATE meta SET value = '0' WHERE key IN ({marks})", _POST_STEP_JOBS)
        conn.commit()
        conn.execute("VACUUM")  # the pages the steps freed (0014 drops indexes) given back
    finally:
        conn.close()
    try:
        os.link(part, path)  # fails if another process created it meanwhile: keep theirs
        _mark_clean(path)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(part, path)
            _mark_clean(path)
    part.unlink(missing_ok=True)


def open_db(path: str | Path, *, after_steps: AfterSteps, migrate: bool = True,
            create: bool = True) -> Database:
    """Open the office database for writing and bring its schema up to date.

    A missing file is created (with `create`), else refused with "no office here". An empty
    or damaged file is refused with the path of the latest backup, and a file the folder's
    permissions keep from being written gets its own message (it is not damaged). Refuses a
    file written by a newer version, and takes an online backup beside it before applying
    any pending step to a database that already holds data. A step that leaves work for an
    upper layer sets a meta key; `after_steps[key]` then runs once. Callers use
    `desk_app.core.opening.open_db`, which passes the jobs.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise DeskError(messages.DATA_DIR_NO_OFFICE.format(path=path.parent))
    _check_file(path)
    _check_writable(path)
    if not path.exists():
        if not create:
            raise DeskError(messages.DATA_DIR_NO_OFFICE.format(path=path.parent))
        try:
            _create(path)
        except DB_OR_OS_ERRORS as exc:
            raise failures.describe(exc, path) or exc from None
    check = changed_since_clean_close(path)
    conn = _connect(path, writer=True)  # records a clean close only once the checks passed
    try:
        _readable(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed intake survives a power cut, not only stays uncorrupted.
        conn.execute("PRAGMA synchronous = FULL")
        if check:
            _quick_check(conn, path)
        from sqlite_utils import Database

        # No sqlite-utils plugins: nothing third-party runs inside the office database, and
        # scanning entry points costs start-up time.
        db = Database(conn, execute_plugins=False)
        if migrate:
            _migrate(db, path, after_steps)
    except DB_OR_OS_ERRORS as exc:
        conn.clean_marker = None  # not a clean close: check the file again next time
        conn.close()
        raise failures.describe(exc, path) or exc from None
    except BaseException:
        conn.clean_marker = None
        conn.close()
        raise
    return db


def open_reader(path: str | Path) -> Database:
    """A second connection for reading while the writer works (WAL); never migrates."""
    path = Path(path)
    _check_file(path)
    if not path.exists():
        raise DeskError(messages.DATA_DIR_NO_OFFICE.format(path=path.parent))
    trusted = not changed_since_clean_close(path)
    conn = _connect(path)
    if not trusted:
        conn.clean_marker = None  # only a connection that found the file as left may vouch for it
    try:
        conn.execute("PRAGMA query_only = ON")
        _readable(conn, path)
    except DeskError:
        conn.clean_marker = None
        conn.close()
        raise
    except DB_ERRORS as exc:
        conn.clean_marker = None
        conn.close()
        raise failures.describe(exc, path) or failures.damaged(path) from None
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_current(path: str | Path) -> _Connection | None:
    """A plain read-only connection if the database is up to date with nothing left to do
    after its steps and unchanged since its last clean close, else None (then `open_db`
    must run, and checks it). For a quick start-up: the core's read functions use only
    `.execute`, which plain connections have too."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0 or changed_since_clean_close(path):
            return None
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            # Reading in WAL mode would leave -wal/-shm files it cannot clear: the full
            # opening refuses with the one line that says what may not be written.
            return None
        _check_file(path)
        conn = _connect(path)
    except (DeskError, *DB_OR_OS_ERRORS):  # type: ignore[misc]  # a tuple of classes
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        current = conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        marks = ",".join("?" * len(_POST_STEP_JOBS))
        if current and not conn.execute(
                f"SELECT 1 FROM meta WHERE key IN ({marks}) AND value = '1'",
                _POST_STEP_JOBS).fetchone():
            return conn
    except DB_ERRORS:
        pass
    conn.close()
    return None


def _migrate(db: Database, path: Path, after_steps: AfterSteps) -> None:
    from desk_app.core.storage.migrations import known_steps, migrations

    known = set(known_steps())
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise DeskError(messages.DB_NEWER.format(step=unknown[-1]))
    pending = migrations.pending(db)
    if pending and applied:
        backup(db, path.parent / "backups" / f"before-{pending[0].name}-{_stamp()}.sqlite3")
    if pending:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known)}")
    for key in _POST_STEP_JOBS:
        if db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone() == ("1",):
            after_steps[key](db)  # each job sets its key back to '0' in its own transaction


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup(db: Database, target: Path) -> Path:
    """An online, consistent copy of the database (SQLite's backup API) written via *.part,
    encrypted under the same key as the database (SQLCipher copies pages between two
    connections keyed alike), readable only by its owner."""
    files.private_dir(target.parent)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    dest = connect_file(part, getattr(db.conn, "db_key", None))
    try:
        files.private_file(part)
        db.conn.backup(dest)
    finally:
        dest.close()
    part.replace(target)
    return target


def needs_upgrade(path: str | Path) -> bool:
    """True when opening would back up and migrate an existing database (a slow first start)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    from desk_app.core.storage.migrations import migrations

    db = open_reader(path)
    try:
        return bool(migrations.applied(db)) and bool(migrations.pending(db))
    finally:
        db.close()
