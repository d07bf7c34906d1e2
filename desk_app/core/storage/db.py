"""The one place a database connection is opened: pragmas, WAL, migrations, backups."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sqlite_utils import Database

    # meta key set by a migration step → the job that upper layers run once after all steps
    AfterSteps = Mapping[str, Callable[[Database], object]]  # what a job returns is not used

_SQLITE_MAGIC = b"SQLite format 3\x00"

# The number of migration steps this version knows (tests keep it equal to
# len(migrations.known_steps())). It lets a start-up see that a database is current
# without importing sqlite-utils and the migrations (~70 ms of a ~250 ms start).
SCHEMA_VERSION = 9
# meta keys set by a migration step for work done once after all steps ran; the jobs
# themselves belong to upper layers and are passed in (see core/opening.py).
_POST_STEP_JOBS = ("search_reindex", "recompute_due")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=15, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_file(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) != _SQLITE_MAGIC:
                raise DeskError(messages.DB_NOT_A_DATABASE.format(path=path))


def open_db(path: str | Path, *, after_steps: AfterSteps, migrate: bool = True) -> Database:
    """Open (creating if needed) the office database and bring its schema up to date.

    Refuses a file written by a newer version, and takes an online backup beside it
    before applying any pending step to a database that already holds data. A step that
    leaves work for an upper layer sets a meta key; `after_steps[key]` then runs once.
    Callers use `desk_app.core.opening.open_db`, which passes the jobs.
    """
    path = Path(path)
    _check_file(path)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed intake survives a power cut, not only stays uncorrupted.
        conn.execute("PRAGMA synchronous = FULL")
        from sqlite_utils import Database

        # No sqlite-utils plugins: nothing third-party runs inside the office database, and
        # scanning entry points costs start-up time.
        db = Database(conn, execute_plugins=False)
        if migrate:
            _migrate(db, path, after_steps)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DeskError(messages.DB_NOT_A_DATABASE.format(path=path)) from exc
    except BaseException:
        conn.close()
        raise
    return db


def open_reader(path: str | Path) -> Database:
    """A second connection for reading while the writer works (WAL); never migrates."""
    path = Path(path)
    _check_file(path)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DeskError(messages.DB_NOT_A_DATABASE.format(path=path)) from exc
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_current(path: str | Path) -> sqlite3.Connection | None:
    """A plain read-only connection if the database is up to date with nothing left to do
    after its steps, else None (then `open_db` must run). For a quick start-up: the core's
    read functions use only `.execute`, which sqlite3 connections have too."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        _check_file(path)
        conn = _connect(path)
    except (DeskError, sqlite3.DatabaseError):
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        current = conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        marks = ",".join("?" * len(_POST_STEP_JOBS))
        if current and not conn.execute(
                f"SELECT 1 FROM meta WHERE key IN ({marks}) AND value = '1'",
                _POST_STEP_JOBS).fetchone():
            return conn
    except sqlite3.DatabaseError:
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
    """An online, consistent copy of the database (sqlite3 backup API) written via *.part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    dest = sqlite3.connect(str(part))
    try:
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
