"""Migration 0014_compact_storage: uuids as 16 bytes (the same strings outside), indexes no
query uses dropped, the file compacted; every row keeps its meaning (docs/scale.md)."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from desk_app.core.cases.view import case_detail
from desk_app.core.opening import open_db
from desk_app.core.storage import uuids
from tests.support import register

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DROPPED = {"visits_kind", "visits_officer", "cases_opened", "cases_status",
           "issued_documents_kind", "case_events_action"}
# Derived tables a later step rebuilds from the others (0013: the log's keys, WITHOUT ROWID);
# tests/core/test_migrations.py checks that the log keeps its order and filters.
REBUILT = ("petition_log_keys",)


def _integrity_errors():
    import sqlcipher3

    return (sqlite3.IntegrityError, sqlcipher3.IntegrityError)


INTEGRITY = _integrity_errors()


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_fts%' AND name NOT IN ('_sqlite_migrations', 'meta')"
        " ORDER BY name") if r[0] not in REBUILT]


def _rows(conn: sqlite3.Connection, table: str) -> dict[int, dict]:
    import sqlcipher3  # the office's connections are SQLCipher's (docs/security.md)

    conn.row_factory = sqlcipher3.Row if isinstance(conn, sqlcipher3.Connection) else sqlite3.Row
    rows = conn.execute(f"SELECT rowid AS _rowid, * FROM {table}").fetchall()
    conn.row_factory = None
    return {r["_rowid"]: dict(r) for r in rows}


@pytest.fixture
def fixture_0006(tmp_path):
    target = tmp_path / "data" / "desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_0006.sqlite3", target)
    return target


def test_upgrade_from_0006_keeps_every_row_and_every_uuid_string(fixture_0006):
    old = sqlite3.connect(f"file:{fixture_0006}?mode=ro", uri=True)
    before = {t: _rows(old, t) for t in _tables(old)}
    old.close()
    assert all(before[t] for t in uuids.BLOB_TABLES), "the fixture must hold rows of each"

    db = open_db(fixture_0006)
    for table, rows in before.items():
        after = _rows(db.conn, table)
        assert after.keys() == rows.keys(), table
        for rowid, row in rows.items():
            new = {k: after[rowid][k] for k in row}  # later steps may add columns
            if table in uuids.BLOB_TABLES:
                assert isinstance(new["uuid"], bytes) and len(new["uuid"]) == 16
                assert uuids.text(new["uuid"]) == row["uuid"], (table, rowid)
                new["uuid"] = row["uuid"]
            assert new == row, (table, rowid)

    # A row is still found by the uuid a bundle carries, through its unique index.
    visit_uuid = before["visits"][1]["uuid"]
    assert db.execute("SELECT id FROM visits WHERE uuid = ?",
                      [uuids.blob(visit_uuid)]).fetchone() == (1,)
    plan = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM visits WHERE uuid = ?", [uuids.blob(visit_uuid)]))
    assert "sqlite_autoindex_visits_1" in plan
    shown = db.execute(f"SELECT {uuids.SQL_TEXT.format(col='uuid')} FROM visits WHERE id = 1")
    assert shown.fetchone() == (visit_uuid,)

    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not DROPPED & indexes
    assert {"case_events_bodies", "issued_documents_case", "case_events_case"} <= indexes
    # compacted once, after the steps
    assert db.execute("PRAGMA freelist_count").fetchone() == (0,)
    assert db.execute("SELECT value FROM meta WHERE key = 'vacuum'").fetchone() == ("0",)
    db.close()


def test_a_text_uuid_is_refused_in_the_compact_tables(db):
    reg = register(db)
    for table in uuids.BLOB_TABLES:
        row_id = db.execute(f"SELECT MIN(id) FROM {table}").fetchone()[0]
        with pytest.raises(INTEGRITY, match="16 bytes"):
            db.execute(f"UPDATE {table} SET uuid = ? WHERE id = ?", [str(uuid.uuid4()), row_id])
    with pytest.raises(INTEGRITY, match="16 bytes"):
        db.execute("INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on,"
                   " entered_at) VALUES (?, ?, 'note', 'received', '2026-11-20',"
                   " '2026-11-20T10:00:00')", [str(uuid.uuid4()), reg.case_ids[0]])


def test_new_rows_get_time_ordered_uuids_and_strings_outside(db):
    first = register(db)
    second = register(db)
    for reg in (first, second):
        assert isinstance(reg.visit_uuid, str) and uuid.UUID(reg.visit_uuid).version == 7
        stored = db.execute("SELECT uuid FROM visits WHERE id = ?", [reg.visit_id]).fetchone()[0]
        assert uuids.text(stored) == reg.visit_uuid
    assert first.visit_uuid[:8] <= second.visit_uuid[:8]  # the time comes first
    detail = case_detail(db, first.case_ids[0], date(2026, 11, 20))
    stored = db.execute("SELECT uuid FROM cases WHERE id = ?", [first.case_ids[0]]).fetchone()[0]
    assert detail.uuid == uuids.text(stored) and uuid.UUID(detail.uuid).version == 7


def test_uuid_helpers():
    made = uuids.new(1_700_000_000_123, lambda bits: (1 << bits) - 1)
    value = uuid.UUID(bytes=made)
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert int.from_bytes(made[:6], "big") == 1_700_000_000_123
    assert uuids.blob(uuids.text(made)) == made and uuids.blob(made) == made
    assert uuids.text(None) is None and uuids.text("abc") == "abc"
