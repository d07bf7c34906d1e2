"""Open the office database with the jobs a schema upgrade may leave for the upper layers.

`storage.db` applies the steps; a step that changes what the search index or the cached case
state hold sets a meta key, and the matching job here runs once afterwards. Keeping the jobs
here lets storage stay the lowest layer (it never imports reception or cases).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.core.cases.tracking import recompute_all
from desk_app.core.reception import search_index
from desk_app.core.storage import db as storage_db

if TYPE_CHECKING:
    from sqlite_utils import Database


def _reindex(db: Database) -> None:
    with db.atomic():
        search_index.rebuild(db)
        db.execute("UPDATE meta SET value = '0' WHERE key = 'search_reindex'")


def quick(db: Database, pragma: str) -> bool:
    """Run a PRAGMA that needs the file to itself without waiting for other connections;
    False if one holds it (the PRAGMA then did nothing)."""
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute(pragma)
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def _vacuum(db: Database) -> None:
    """Compact the file once after a step that rewrote many rows (0014): VACUUM writes every
    table and index afresh, pages full, and gives the freed space back. It cannot run inside
    a transaction, so not in the step itself."""
    db.conn.commit()
    # In WAL mode VACUUM would write the whole new file into the log first (three times the
    # file on disk at the peak): with a rollback journal it needs about twice. Opening runs
    # this before the program opens other connections; if some other one has the file open,
    # the mode stays WAL.
    left_wal = quick(db, "PRAGMA journal_mode = DELETE")
    try:
        db.execute("VACUUM")
    finally:
        if left_wal:
            db.execute("PRAGMA journal_mode = WAL")
    with db.atomic():
        db.execute("UPDATE meta SET value = '0' WHERE key = 'vacuum'")


AFTER_STEPS: dict[str, Callable[[Database], object]] = {
    "search_reindex": _reindex,
    "recompute_due": recompute_all,  # sets the flag back to '0' in its transaction
    "vacuum": _vacuum,
}


def open_db(path: str | Path, *, migrate: bool = True, create: bool = True) -> Database:
    """Open the office database (creating it if missing, with `create`), bring it up to
    date, run what is left."""
    return storage_db.open_db(path, after_steps=AFTER_STEPS, migrate=migrate, create=create)
