"""Generated demo data: deterministic for a seed, and with the invariants real intake keeps."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desk_app.core import text
from desk_app.core.demo import generate as demo
from desk_app.core.model import PetitionKind, Sex
from desk_app.core.opening import open_db
from desk_app.core.reception.ids import check_cccd
from desk_app.core.reception.search import search
from tests.support import snapshot

END = datetime(2026, 11, 13, 16, 0)


def _make(path, seed, end=END):
    db = open_db(path)
    demo.generate(db, 250, seed, end=end, years=3)
    return db


def test_same_seed_same_data(tmp_path):
    a = _make(tmp_path / "a.sqlite3", 7)
    b = _make(tmp_path / "b.sqlite3", 7)
    state_a, state_b = snapshot(a), snapshot(b)
    for table in ("persons", "visits", "petitions", "cases", "issued_documents", "search_fts_data",
                  "search_vocab", "petition_log_keys"):
        assert state_a[table] == state_b[table], table
    c = _make(tmp_path / "c.sqlite3", 8)
    assert snapshot(c)["persons"] != state_a["persons"]


def test_people_do_not_depend_on_the_clock(tmp_path):
    """Without an explicit end the demo ends "now"; the same seed must still give the same people."""
    names = []
    for i, end in enumerate((END, END + timedelta(seconds=37), END + timedelta(hours=5))):
        db = _make(tmp_path / f"{i}.sqlite3", 3, end=end)
        names.append([r[0] for r in db.execute("SELECT full_name FROM persons ORDER BY id")])
    assert names[0] == names[1] == names[2]


def test_invariants(tmp_path):
    db = _make(tmp_path / "d.sqlite3", 11)
    for number, dob, sex in db.execute("SELECT id_number, date_of_birth, sex FROM persons"):
        check_cccd(number, date.fromisoformat(dob), Sex(sex))
    for year, numbers in _group(db, "SELECT log_year, log_no FROM petitions ORDER BY id").items():
        assert numbers == list(range(1, len(numbers) + 1)), year
    for year, numbers in _group(db, "SELECT year, seq FROM issued_documents ORDER BY id").items():
        assert numbers == list(range(1, len(numbers) + 1)), year
    assert db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 250
    latest = db.execute("SELECT MAX(received_at) FROM visits").fetchone()[0]
    assert latest <= END.isoformat()
    refused_with_receipt = db.execute(
        "SELECT COUNT(*) FROM visits v JOIN issued_documents d ON d.visit_id = v.id"
        " WHERE v.outcome = 'refused'").fetchone()[0]
    assert refused_with_receipt == 0


def _group(db, sql):
    out = {}
    for key, value in db.execute(sql):
        out.setdefault(key, []).append(value)
    return out


def test_demo_denouncers_are_masked_in_search(tmp_path):
    db = _make(tmp_path / "e.sqlite3", 2)
    row = db.execute(
        "SELECT p.id, p.summary, pe.full_name FROM petitions p JOIN persons pe ON pe.id = p.person_id"
        " WHERE p.kind = ? ORDER BY p.id LIMIT 1", [PetitionKind.TO_CAO]).fetchone()
    assert row is not None, "seed 2 should produce a denunciation"
    pid, summary, name = row
    assert pid not in [h.petition_id for h in search(db, text.fold(name))]
    found = [h for h in search(db, summary, limit=1000) if h.petition_id == pid]
    assert len(found) == 1 and found[0].masked


def test_generate_twice_appends(tmp_path):
    db = _make(tmp_path / "f.sqlite3", 4)
    demo.generate(db, 50, 5, end=END + timedelta(days=10), years=1)
    assert db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 300
    dupes = db.execute("SELECT id_number FROM persons GROUP BY id_number HAVING COUNT(*) > 1")
    assert dupes.fetchall() == []


def test_cached_case_state_is_what_a_full_recompute_writes(tmp_path):
    """The generator computes each case's cached state as it makes its events; recomputing
    every case from the file must change nothing."""
    from desk_app.core.cases.tracking import recompute_all

    db = _make(tmp_path / "d.sqlite3", 4)
    columns = ("status, is_open, complexity, instance, flags, due_on, due_key, waiting_since,"
               " rule_set, closed_on, assignee_id")
    before = db.execute(f"SELECT id, {columns} FROM cases ORDER BY id").fetchall()
    assert {r[1] for r in before} >= {"closed", "accepted"} and any(r[6] for r in before)
    recompute_all(db, today=END.date())
    assert db.execute(f"SELECT id, {columns} FROM cases ORDER BY id").fetchall() == before
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"petitions_received_at", "case_events_case", "log_keys_name", "log_keys_line"} <= indexes
