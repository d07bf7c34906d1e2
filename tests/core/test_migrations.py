"""Schema upgrades from released databases, and refusing files this version must not touch."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from desk_app import messages
from desk_app.core import text
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from desk_app.core.reception.logbook import log_ids, log_rows
from desk_app.core.reception.search import search, search_ids
from desk_app.core.storage import uuids
from desk_app.core.storage.db import open_reader
from desk_app.core.storage.failures import DB_ERRORS
from desk_app.core.storage.migrations import known_steps, migrations
from desk_app.core.storage.office import get_office, init_office
from tests.support import connect, indexed_lines, person, register, snapshot

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA_0001 = FIXTURES / "schema_0001.sqlite3"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_only(path: Path) -> sqlite3.Connection:
    return connect(path, immutable=True)


@pytest.fixture
def old_db(tmp_path):
    """A copy of the 0001 fixture in a data dir of its own; the fixture file itself is untouched."""
    before = _sha(SCHEMA_0001)
    target = tmp_path / "data" / "desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(SCHEMA_0001, target)
    yield target
    assert _sha(SCHEMA_0001) == before
    assert not SCHEMA_0001.with_name(SCHEMA_0001.name + "-wal").exists()


def test_fixture_is_at_step_0001(old_db):
    conn = _read_only(old_db)
    steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert steps == [known_steps()[0]] == ["0001_initial"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search_fts" not in tables and "identity_reveals" not in tables
    assert conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0] >= 2


def test_upgrade_from_0001(old_db):
    conn = _read_only(old_db)
    tables = ("office", "officers", "persons", "visits", "cases", "petitions", "issued_documents")
    columns = {t: ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({t})")) for t in tables}
    expected = {t: conn.execute(f"SELECT {columns[t]} FROM {t} ORDER BY id").fetchall()
                for t in tables}
    lines = conn.execute("SELECT id, person_id, kind, summary FROM petitions ORDER BY id").fetchall()
    denounced = [(pid, person_id, summary) for pid, person_id, kind, summary in lines
                 if kind == "to_cao"]
    conn.close()
    assert denounced, "the fixture must hold a denunciation"

    db = open_db(old_db)

    # A backup of the file as it was, taken before the pending step ran.
    backups = list((old_db.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert backups[0].name.startswith("before-0002_search_and_reveals-")
    with _read_only(backups[0]) as copy:
        assert [r[0] for r in copy.execute("SELECT name FROM _sqlite_migrations")] == ["0001_initial"]
        assert copy.execute("SELECT * FROM persons ORDER BY id").fetchall() == expected["persons"]
    assert not list(old_db.parent.glob("backups/*.part"))

    # Every step applied and recorded.
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    assert migrations.pending(db) == []
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(known_steps())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1

    # Data preserved (uuids are stored as 16 bytes since 0014: compared as the strings they were).
    for table, rows in expected.items():
        shown = columns[table]
        if table in uuids.BLOB_TABLES:
            shown = shown.replace("uuid", uuids.SQL_TEXT.format(col="uuid"), 1)
        assert db.execute(f"SELECT {shown} FROM {table} ORDER BY id").fetchall() == rows, table
    assert get_office(db).commune_code == expected["office"][0][4]

    # 0006: each old case got the events its desk outcome implies.
    for case_id, status in db.execute("SELECT id, status FROM cases").fetchall():
        actions = [r[0] for r in db.execute(
            "SELECT action FROM case_events WHERE case_id = ? ORDER BY id", [case_id])]
        assert actions == ["receive"] + ({"guided": ["guide"], "transferred": ["transfer"]}
                                         .get(status, [])), (case_id, status)

    # The search index was filled from the old rows.
    assert db.execute("SELECT value FROM meta WHERE key = 'search_reindex'").fetchone() == ("0",)
    assert len(indexed_lines(db)) == len(expected["petitions"])
    for pid, person_id, kind, _summary in lines:
        if kind == "to_cao":
            continue
        name = next(p[2] for p in expected["persons"] if p[0] == person_id)
        rows = search(db, text.fold(name))
        assert pid in [r.petition_id for r in rows]
        assert next(r for r in rows if r.petition_id == pid).person_name == name

    # The denunciation is found by its content, masked, and not by its author's name.
    for pid, person_id, summary in denounced:
        name = next(p[2] for p in expected["persons"] if p[0] == person_id)
        assert pid not in search_ids(db, name)
        rows = [r for r in search(db, summary) if r.petition_id == pid]
        assert len(rows) == 1
        assert rows[0].masked and rows[0].person_name == messages.MASKED_NAME
        assert name not in repr(rows[0])

    # The log book reads the old rows.
    assert sorted(log_ids(db)) == [line[0] for line in lines]
    assert len(log_rows(db, log_ids(db))) == len(expected["petitions"])
    db.close()


def test_upgraded_database_takes_new_visits_and_is_not_backed_up_again(old_db):
    db = open_db(old_db)
    before = snapshot(db)["petitions"][0]
    reg = register(db)  # the same person as in the fixture (same CCCD)
    conn = db.conn
    year, number = conn.execute("SELECT log_year, log_no FROM petitions WHERE id = ?",
                                [reg.petition_ids[0]]).fetchone()
    assert number == conn.execute("SELECT MAX(log_no) FROM petitions WHERE log_year = ?",
                                  [year]).fetchone()[0]
    assert snapshot(db)["petitions"][0] == before + 1
    same = conn.execute("SELECT id FROM persons WHERE id_number = ?", [person().id_number]).fetchall()
    assert same == [(reg.person_id,)]  # the visitor recorded by the old version is recognised
    db.close()
    again = open_db(old_db)
    assert len(list((old_db.parent / "backups").glob("*.sqlite3"))) == 1
    assert search_ids(again, "dang van dung")
    again.close()


def test_fresh_database_has_every_step_and_no_backup(tmp_path):
    db = open_db(tmp_path / "new.sqlite3")
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    assert not (tmp_path / "backups").exists()
    db.close()


def test_steps_are_named_in_order():
    steps = known_steps()
    assert list(steps) == sorted(steps)
    assert len(set(s[:4] for s in steps)) == len(steps)


def _file_state(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def test_database_from_a_newer_version_is_refused_untouched(db_path):
    db = open_db(db_path)
    init_office(db, 24, 9253, officers=(("Lê Văn Dũng", "Chủ tịch"),))
    register(db)
    db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
               " VALUES ('desk_app', '9999_future', '2031-01-01 00:00:00+00:00')")
    db.conn.commit()
    db.close()
    with _read_only(db_path) as conn:
        before_rows = snapshot(conn)
    before = _file_state(db_path)

    with pytest.raises(DeskError) as caught:
        open_db(db_path)
    assert caught.value.message == messages.DB_NEWER.format(step="9999_future")
    assert _file_state(db_path) == before
    with _read_only(db_path) as conn:
        assert snapshot(conn) == before_rows
    assert not (db_path.parent / "backups").exists()


@pytest.mark.parametrize("content", [
    random.Random(5).randbytes(8192),
    b"SQLite format 3\x00" + random.Random(6).randbytes(8176),
    "Sổ tiếp công dân\n".encode() * 50,
])
def test_not_a_database_is_refused_untouched(tmp_path, content):
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(content)
    before = _file_state(path)
    with pytest.raises(DeskError) as caught:
        open_db(path)
    assert caught.value.message == messages.DB_DAMAGED.format(
        path=path, backup=messages.DB_NO_BACKUP.format(folder=tmp_path / "backups"))
    if not content.startswith(b"SQLite format 3"):
        with pytest.raises(DeskError):
            open_reader(path)
    assert _file_state(path) == before


def test_a_failing_step_leaves_nothing_behind(tmp_path):
    import sqlite3 as _sqlite3

    import pytest as _pytest
    from sqlite_utils import Database, Migrations

    from desk_app.core.storage.migrations import _run

    steps = Migrations("probe")

    @steps(name="0001_half")
    def half(db):
        _run(db, "CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y INTEGER);\nINSERT INTO nowhere VALUES (1);\n")

    db = Database(tmp_path / "probe.sqlite3")
    with _pytest.raises(_sqlite3.OperationalError):
        steps.apply(db)
    assert not db["a"].exists() and not db["b"].exists()
    assert steps.pending(db)


def test_reader_on_corrupt_file_gives_a_clear_message(tmp_path):
    import pytest as _pytest

    from desk_app.core.errors import DeskError
    from desk_app.core.storage.db import open_reader

    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with _pytest.raises(DeskError):
        open_reader(path)


def test_schema_version_counts_every_step():
    from desk_app.core.storage.db import SCHEMA_VERSION

    assert len(known_steps()) == SCHEMA_VERSION


def test_open_current_only_for_a_database_with_nothing_to_do(tmp_path):
    from desk_app.core.storage.db import open_current

    path = tmp_path / "desk.sqlite3"
    assert open_current(path) is None  # no file
    db = open_db(path)
    db.execute("UPDATE meta SET value = '0'")
    db.conn.commit()
    conn = open_current(path)
    assert conn is not None and not hasattr(conn, "table_names")  # plain sqlite3, read-only
    with pytest.raises(DB_ERRORS):
        conn.execute("INSERT INTO settings VALUES ('x', 'y')")
    conn.close()
    db.execute("UPDATE meta SET value = '1' WHERE key = 'search_reindex'")
    db.conn.commit()
    assert open_current(path) is None  # a job left for open_db
    db.execute("UPDATE meta SET value = '0'")
    db.execute("PRAGMA user_version = 5")
    db.conn.commit()
    assert open_current(path) is None  # an older schema
    db.close()
