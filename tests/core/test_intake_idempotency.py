"""An intake saved twice with one idempotency key is recorded once (double click, a retry
after a crash, the same JSON file run twice); and the 0007 step that stores the key."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from desk_app.core.reception.intake import register_visit
from desk_app.core.storage import uuids
from desk_app.core.storage.failures import DB_ERRORS
from desk_app.core.storage.migrations import known_steps, migrations
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


def test_a_retry_returns_the_receipt_number_of_the_first_save(db, monkeypatch):
    """Receipts are numbered when the visit is saved and issued when first printed or saved
    (core/documents/register.py): a retry with the same key, before or after that delivery,
    answers with the number the first save returned, takes no new number and issues nothing."""
    from desk_app.core.documents.register import deliver_receipt, preview_receipt, receipt_record

    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")
    first = register(db, intake_id=KEY)
    other = register(db, person(serial=2), intake_id=str(uuid.uuid4()))
    assert (first.receipt_no, other.receipt_no) == ("01/GBN-TCD", "02/GBN-TCD")
    preview_receipt(db, first.visit_id)  # looking at it issues nothing
    before = snapshot(db)
    assert register(db, intake_id=KEY).receipt_no == first.receipt_no
    assert snapshot(db) == before
    _pdf, copy = deliver_receipt(db, first.visit_id)  # the first print: the original
    assert not copy and receipt_record(db, first.visit_id) == (first.receipt_no, True)
    before = snapshot(db)
    again = register(db, intake_id=KEY)
    assert again.already_recorded and again.receipt_no == first.receipt_no
    assert snapshot(db) == before
    _pdf, copy = deliver_receipt(db, first.visit_id)  # the retry issued nothing new: a copy
    assert copy
    assert db.execute("SELECT COUNT(*) FROM issued_documents WHERE visit_id = ?",
                      [first.visit_id]).fetchone() == (1,)


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

    register(db, intake_id=KEY)
    with pytest.raises(DB_ERRORS, match="UNIQUE"), db.atomic():
        db.execute("INSERT INTO visits (uuid, received_at, reception_kind, person_id, outcome,"
                   " created_at, intake_id) SELECT ?, received_at, reception_kind,"
                   " person_id, outcome, created_at, intake_id FROM visits WHERE intake_id = ?",
                   [uuids.new(), KEY])


# --- the 0007 step on a database written by the previous version --------------------------


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0006.sqlite3"


@pytest.fixture
def schema_0006(tmp_path):
    """A database at step 0006 holding an office and visits, as the release before this
    step left it (tests/fixtures/make_schema_0006.py)."""
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    return path


def _rows(db: Database, table: str, columns: list[str]) -> list:
    # uuids are stored as 16 bytes since 0014: compared as the strings they were
    as_text = f"""CASE typeof(uuid) WHEN 'blob' THEN {uuids.SQL_TEXT.format(col='uuid')}
                  ELSE uuid END"""
    names = ", ".join(as_text if c == "uuid" and table in uuids.BLOB_TABLES else f'"{c}"'
                      for c in columns)
    return sorted(db.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)


def test_upgrade_from_0006_keeps_the_data_and_takes_keys(schema_0006, tmp_path):
    copy = tmp_path / "before.sqlite3"
    shutil.copyfile(schema_0006, copy)
    old = Database(copy)
    assert [m.name for m in migrations.applied(old)][-1] == "0006_case_tracking"
    # Every row of every table, in the columns it had; the FTS5 shadow tables' bytes may be
    # merged differently. (Later steps add columns and tables; their own tests check them.)
    # 0013 rebuilds the search index (contentless) and the log's keys: test_search_log_migration
    # checks that every search and every order of the log is kept.
    skip = ("_sqlite_migrations", "meta", "petition_log_keys", "search_fts")
    old_columns = {t: [r[1] for r in old.execute(f'PRAGMA table_info("{t}")')]
                   for t in old.table_names()
                   if t not in skip and not t.startswith("search_fts_")}
    old_state = {t: _rows(old, t, columns) for t, columns in old_columns.items()}
    old_visits = old_state["visits"]
    assert old_visits, "the fixture holds visits"
    old.close()

    db = open_db(schema_0006)
    assert [m.name for m in migrations.applied(db)] == list(known_steps())
    # 0007 is the first pending step: the backup before the upgrade is named after it.
    backups = list((schema_0006.parent / "backups").glob("before-0007_intake_idempotency-*"))
    assert len(backups) == 1
    assert "intake_id" in [r[1] for r in db.execute("PRAGMA table_info(visits)")]
    assert db.execute("SELECT COUNT(*) FROM visits WHERE intake_id IS NOT NULL").fetchone() == (0,)
    for table, columns in old_columns.items():
        assert _rows(db, table, columns) == old_state[table], table

    first = register_visit(db, replace(form(), intake_id=KEY), NOW)
    again = register_visit(db, replace(form(), intake_id=KEY), NOW)
    assert again.visit_id == first.visit_id and again.already_recorded
    assert first.visit_id == max(v[0] for v in old_visits) + 1
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
    assert first[0]["receipt_no"] == first[1]["receipt_no"] == "01/GBN-TCD"

    path.write_text(json.dumps(visit, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data), "intake", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == messages.INTAKE_ALREADY_RECORDED.format(visit_id=first[0]["visit_id"]) \
        + " Giấy biên nhận số 01/GBN-TCD.\n"
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
