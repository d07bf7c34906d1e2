"""0010_schedule on a database at step 0006 that holds data (tests/fixtures/schema_0006.sqlite3,
written by that release's own services): data kept, a backup taken, sessions usable, visits
join them."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

from desk_app.core.opening import open_db
from desk_app.core.schedule.model import SessionForm
from desk_app.core.schedule.sessions import add_session
from desk_app.core.storage import uuids
from desk_app.core.storage.migrations import known_steps, migrations
from tests.support import register

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema_0006.sqlite3"
STEP_0006 = "0006_case_tracking"


def _database_at_0006(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    with sqlite3.connect(path) as conn:
        steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert steps[-1] == STEP_0006
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sessions'").fetchone()
    return path


def _columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_upgrade_from_0006_keeps_the_data_and_adds_the_schedule(tmp_path):
    path = _database_at_0006(tmp_path)
    with sqlite3.connect(path) as conn:
        # later steps add columns: compare the columns the 0006 release had
        columns = {t: _columns(conn, t)
                   for t in ("persons", "visits", "petitions", "cases", "case_events")}
        before = {t: conn.execute(f"SELECT {', '.join(c)} FROM {t} ORDER BY id").fetchall()
                  for t, c in columns.items()}
    assert before["visits"] and before["cases"]
    db = open_db(path)
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    backups = [p.name for p in (path.parent / "backups").glob("*.sqlite3")]
    assert len(backups) == 1 and backups[0].startswith(
        f"before-{known_steps()[known_steps().index(STEP_0006) + 1]}-")
    for table, rows in before.items():
        # uuids are stored as 16 bytes since 0014: compared as the strings they were
        shown = [uuids.SQL_TEXT.format(col=c) if c == "uuid" else c for c in columns[table]]
        assert db.execute(f"SELECT {', '.join(shown)} FROM {table} ORDER BY id"
                          ).fetchall() == rows, table
    for table in ("session_series", "sessions", "session_officers", "session_bookings",
                  "session_receptions", "session_directions", "session_documents"):
        assert db[table].exists() and db[table].count == 0, table
    assert "visits_session" in {i.name for i in db["visits"].indexes}
    # The upgraded office schedules a session and takes a visit in it.
    officer = db.execute("SELECT id FROM officers ORDER BY id LIMIT 1").fetchone()[0]
    now = datetime(2026, 11, 20, 14, 0)
    sid = add_session(db, SessionForm(kind="dinh_ky", starts_at=datetime(2026, 11, 20, 14, 0),
                                      ends_at=datetime(2026, 11, 20, 17, 0), host_id=officer),
                      now).session_ids[0]
    visit = register(db, session_id=sid, received_at=datetime(2026, 11, 20, 14, 30)).visit_id
    assert db.execute("SELECT session_id FROM visits WHERE id = ?", [visit]).fetchone() == (sid,)
    assert date.fromisoformat(db.execute("SELECT substr(starts_at, 1, 10) FROM sessions")
                              .fetchone()[0]) == date(2026, 11, 20)
    db.close()
