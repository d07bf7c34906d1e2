"""0012_reports on a database at step 0006 that holds data (the 0001 fixture brought to 0006 by
the released steps): a backup is taken, the data kept, each case's first handling step filled
from its events and kept by the triggers afterwards, the resolution due dates recomputed, and
the report runs."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from desk_app.core.cases.tracking import record_event
from desk_app.core.opening import AFTER_STEPS, open_db
from desk_app.core.reports.engine import build_report
from desk_app.core.reports.periods import parse_period
from desk_app.core.storage import uuids
from desk_app.core.storage.migrations import known_steps, migrations
from tests.support import register

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema_0001.sqlite3"
STEP = "0012_reports"
FIRST = ("SELECT action, occurred_on FROM case_events WHERE case_id = ? AND action IN"
         " ('accept', 'guide', 'transfer', 'urge', 'return', 'file', 'withdraw', 'merge')"
         " ORDER BY occurred_on, id LIMIT 1")


def _database_before(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    steps = known_steps()
    db = Database(sqlite3.connect(path), execute_plugins=False)
    migrations.apply(db, stop_before=STEP)
    db.execute(f"PRAGMA user_version = {steps.index(STEP)}")
    db.conn.commit()
    for key, job in AFTER_STEPS.items():
        # Left to after the upgrade: today's recompute and search index expect today's schema.
        if key not in ("recompute_due", "search_reindex") and db.execute(
                "SELECT value FROM meta WHERE key = ?", [key]).fetchone() == ("1",):
            job(db)
    assert "first_outcome" not in {r[1] for r in db.execute("PRAGMA table_info(cases)")}
    # Steps taken before the upgrade: one case accepted (a note entered after it, dated
    # earlier), then withdrawn; the other still waiting.
    first = db.execute("SELECT id, opened_on FROM cases ORDER BY id").fetchone()
    for n, (action, day) in enumerate((("accept", "2026-01-10"), ("note", "2026-01-05"),
                                       ("withdraw", "2026-01-20"))):
        db.execute("INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on,"
                   " entered_at) VALUES (?, ?, ?, 'accepted', ?, ?)",
                   [str(uuid.UUID(int=n + 1)), first[0], action, max(day, first[1]),
                    "2026-01-20T10:00:00"])
    db.conn.commit()
    db.close()
    return path


def _texts(rows: list) -> list:
    """Rows with their uuids as text: stored as 16 bytes since 0014_compact_storage."""
    return [tuple(uuids.text(v) if isinstance(v, bytes) else v for v in row) for row in rows]


def test_upgrade_fills_and_keeps_the_first_step(tmp_path):
    path = _database_before(tmp_path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                  for t in ("persons", "visits", "petitions", "case_events")}
        cases = conn.execute("SELECT id, uuid, kind, topic, title, opened_on FROM cases"
                             " ORDER BY id").fetchall()
    assert cases
    db = open_db(path)
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    backups = [p.name for p in (path.parent / "backups").glob("*.sqlite3")]
    assert len(backups) == 1 and backups[0].startswith(f"before-{STEP}-")
    for table, rows in before.items():
        # Later steps may add columns (0016_channels adds some to visits): the columns the
        # rows had keep their values.
        after = _texts(db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall())
        assert [r[:len(b)] for r, b in zip(after, rows, strict=True)] == rows, table
    assert _texts(db.execute("SELECT id, uuid, kind, topic, title, opened_on FROM cases"
                             " ORDER BY id").fetchall()) == cases
    assert db.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone() == ("0",)
    for case_id, first, first_on in db.execute(
            "SELECT id, first_outcome, first_outcome_on FROM cases").fetchall():
        assert (first, first_on) == (tuple(db.execute(FIRST, [case_id]).fetchone() or (None,
                                                                                       None)))
    assert db.execute("SELECT COUNT(*) FROM cases WHERE first_outcome = 'accept'"
                      ).fetchone()[0] == 1
    # New steps keep it: the first one sets it, a later one does not move it.
    reg = register(db, received_at=datetime(2026, 11, 20, 9))
    case = reg.case_ids[0]
    assert db.execute("SELECT first_outcome FROM cases WHERE id = ?", [case]).fetchone() == (
        None,)
    record_event(db, case, "accept", occurred_on=date(2026, 11, 20),
                 now=datetime(2026, 11, 20, 16))
    record_event(db, case, "withdraw", occurred_on=date(2026, 11, 20),
                 now=datetime(2026, 11, 20, 17))
    # A kiến nghị: the office's 30-day target from 20/11 ends on Sunday 20/12, so Monday 21/12.
    assert db.execute("SELECT first_outcome, first_outcome_on, resolution_due_on FROM cases"
                      " WHERE id = ?", [case]).fetchone() == ("accept", "2026-11-20",
                                                              "2026-12-21")
    report = build_report(db, parse_period("2026"), now=datetime(2026, 12, 15))
    assert report.failures == ()
    # Both accepted petitions (the old one from March, the new one) are within competence,
    # however they ended (the fixture's denunciation has no case: a 0001 database).
    assert (report.cell("xld:tong:1"), report.cell("xld:tong:18"), report.cell("xld:tong:7")
            ) == (2, 2, 0)
    db.close()
