"""An intake saved twice with one idempotency key is recorded once (double click, a retry
after a crash, the same JSON file run twice); and the 0007 step that stores the key."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace
from datetime import datetime

import pytest
from sqlite_utils import Database

from desk_app import messages
from desk_app.core.demo.generate import generate
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from desk_app.core.reception.intake import register_visit
from desk_app.core.storage.migrations import known_steps, migrations
from desk_app.core.storage.office import init_office
from tests.support import NOW, form, person, register, snapshot

KEY = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"


def test_same_key_returns_the_first_visit_and_writes_nothing(db):
    first = register(db, intake_id=KEY)
    assert not first.already_recorded and first.receipt_no
    before = snapshot(db)
    again = register(db, intake_id=KEY)
    assert again.already_recorded
    assert (again.visit_id, again.visit_uuid, again.person_id, again.petition_ids,
            again.case_ids, again.receipt_no) == (
        first.visit_id, first.visit_uuid, first.person_id, first.petition_ids, first.case_ids,
        first.receipt_no)
    assert snapshot(db) == before


def test_any_spelling_of_the_uuid_is_the_same_key(db):
    first = register(db, intake_id=KEY)
    before = snapshot(db)
    for spelling in (KEY.upper(), "{" + KEY + "}", KEY.replace("-", ""), f"urn:uuid:{KEY}"):
        assert register(db, intake_id=spelling).visit_id == first.visit_id
    assert snapshot(db) == before
    assert db.execute("SELECT intake_id FROM visits WHERE id = ?",
                      [first.visit_id]).fetchone() == (KEY,)


def test_a_retry_returns_the_first_visit_even_if_the_form_would_now_be_refused(db):
    first = register(db, intake_id=KEY)
    before = snapshot(db)
    changed = form(person(phone="12345"), intake_id=KEY)  # would be refused as a new visit
    assert register_visit(db, changed, NOW).visit_id == first.visit_id
    assert snapshot(db) == before


def test_different_keys_and_no_key_record_separate_visits(db):
    a = register(db, intake_id=str(uuid.uuid4()))
    b = register(db, intake_id=str(uuid.uuid4()))
    c, d = register(db), register(db)
    assert len({a.visit_id, b.visit_id, c.visit_id, d.visit_id}) == 4
    assert db.execute("SELECT COUNT(*) FROM visits WHERE intake_id IS NULL").fetchone() == (2,)


def test_refused_visit_with_a_key(db):
    refused = dict(outcome="refused", refusal_reason=_a_refusal_reason(), intake_id=KEY)
    first = register(db, **refused)
    assert first.receipt_no is None and first.case_ids == ()
    again = register(db, **refused)
    assert again.already_recorded and again.visit_id == first.visit_id
    assert again.petition_ids == first.petition_ids and again.case_ids == ()


def _a_refusal_reason() -> str:
    from desk_app.core import catalog

    return catalog.refusal_reasons()[0].code


@pytest.mark.parametrize("bad", ["", "not-a-uuid", "3f2b8c1e", "x" * 100_000, "ﬀ" * 32])
def test_a_malformed_key_is_refused(db, bad):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        register(db, intake_id=bad)
    assert caught.value.message.startswith("intake_id “")
    assert len(caught.value.message) < 400
    assert snapshot(db) == before


def test_the_key_is_unique_in_the_database(db):
    """The index is the last guard: even a write that skipped the lookup cannot add a second
    visit with the key."""
    import sqlite3

    register(db, intake_id=KEY)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), db.atomic():
        db.execute("INSERT INTO visits (uuid, received_at, reception_kind, person_id, outcome,"
                   " created_at, intake_id) SELECT uuid || 'x', received_at, reception_kind,"
                   " person_id, outcome, created_at, intake_id FROM visits WHERE intake_id = ?",
                   [KEY])


# --- the 0007 step on a database written by the previous version --------------------------


@pytest.fixture
def schema_0006(tmp_path):
    """A database at step 0006 holding an office and generated visits, as the previous
    version left it."""
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="0007_intake_idempotency")
    db.execute("PRAGMA user_version = 6")
    init_office(db, 24, 9253, officers=(("Lê Văn Dũng", "Chủ tịch"),))
    generate(db, 60, seed=4, end=datetime(2026, 11, 13, 16, 0), years=1)
    db.close()
    return path


def test_upgrade_from_0006_keeps_the_data_and_takes_keys(schema_0006, tmp_path):
    copy = tmp_path / "before.sqlite3"
    shutil.copyfile(schema_0006, copy)
    old = Database(copy)
    assert [m.name for m in migrations.applied(old)][-1] == "0006_case_tracking"
    old_visits = old.execute("SELECT * FROM visits ORDER BY id").fetchall()
    # Rows as the reader sees them; the FTS5 shadow tables' bytes may be merged differently.
    old_state = {t: v for t, v in snapshot(old).items()
                 if t not in ("_sqlite_migrations", "meta") and not t.startswith("search_fts_")}
    old.close()

    db = open_db(schema_0006)
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    backups = list((schema_0006.parent / "backups").glob("before-0007_intake_idempotency-*"))
    assert len(backups) == 1
    new_state = snapshot(db)
    columns = [r[1] for r in db.execute("PRAGMA table_info(visits)")]
    assert "intake_id" in columns
    visits = db.execute(f"SELECT {', '.join(columns[:-1])} FROM visits ORDER BY id").fetchall()
    assert visits == old_visits  # every old row, unchanged, with no key
    assert db.execute("SELECT COUNT(*) FROM visits WHERE intake_id IS NOT NULL").fetchone() == (0,)
    for table, value in old_state.items():
        if table != "visits":
            assert new_state[table] == value, table

    first = register_visit(db, replace(form(), intake_id=KEY), NOW)
    again = register_visit(db, replace(form(), intake_id=KEY), NOW)
    assert again.visit_id == first.visit_id and again.already_recorded
    assert first.visit_id == len(old_visits) + 1
    db.close()


def test_cli_reports_a_file_run_twice(tmp_path, capsys):
    import json

    from desk_app.cli import main
    from tests.support import cccd

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "init", "--province", "24", "--commune", "9253"]) == 0
    visit = {"intake_id": KEY,
             "person": {"full_name": "Đặng Văn Dũng", "id_number": cccd(1990), "date_of_birth":
                        "1990-03-04", "sex": "Nam"},
             "petition_kind": "kien_nghi", "topic": "dat_dai", "summary": "Kiến nghị cấp sổ đỏ",
             "received_at": "2026-11-20T09:15:00"}
    path = tmp_path / "visit.json"
    path.write_text(json.dumps([visit, visit], ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--json", "intake", str(path)]) == 0
    first = json.loads(capsys.readouterr().out)
    # The same key twice in one file: the second is the first.
    assert [v["already_recorded"] for v in first] == [False, True]
    assert first[0]["visit_id"] == first[1]["visit_id"]
    assert first[0]["receipt_no"] == first[1]["receipt_no"] == "1/GBN-TCD"

    path.write_text(json.dumps(visit, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data), "intake", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == messages.INTAKE_ALREADY_RECORDED.format(visit_id=first[0]["visit_id"]) \
        + " Giấy biên nhận số 1/GBN-TCD.\n"
    assert main(["--data-dir", str(data), "--json", "intake", str(path)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again == {**first[0], "already_recorded": True}
    db = open_db(data / "desk.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM visits").fetchone() == (1,)
    db.close()

    path.write_text(json.dumps({**visit, "intake_id": 12}), encoding="utf-8")
    assert main(["--data-dir", str(data), "intake", str(path)]) == 1
    assert capsys.readouterr().err == messages.INTAKE_ITEM.format(
        index=1, message=messages.INTAKE_ID_INVALID.format(value="12")) + "\n"
