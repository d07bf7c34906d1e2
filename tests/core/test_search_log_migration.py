"""0013_search_and_log_scale on the database the 0006 release wrote (tests/fixtures/schema_0006*):
after the upgrade the log lists the same lines in the same order for every sort and filter that
release offered, search finds what it found, and what is indexed is what the tables say."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desk_app.core.opening import open_db
from desk_app.core.reception import search_index
from desk_app.core.reception.logbook import SORTS, LogFilter, log_ids
from desk_app.core.reception.search import search_ids
from desk_app.core.storage.migrations import known_steps
from desk_app.core.text import collation_key
from tests.support import indexed_lines, person, register

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# The orders of the 0006 release, over its own tables: petition_log_keys (k) held the
# reception kind, officer, crowd size and the folded name ('~' for a protected visit).
_OLD_ORDER = {
    "received_at": "p.received_at {d}, p.id {d}",
    "log_no": "p.log_year {d}, p.log_no {d}",
    "kind": "p.kind {d}, p.received_at DESC, p.id DESC",
    "name": "k.name_key {d}, p.id DESC",
    "crowd_size": "k.crowd_size {d}, p.received_at DESC, p.id DESC",
    "officer": "k.officer_id {d}, p.received_at DESC, p.id DESC",
}


def _old_log(conn: sqlite3.Connection, flt: LogFilter) -> list[int]:
    where, params = [], []
    if flt.reception_kind:
        where.append("k.reception_kind = ?")
        params.append(flt.reception_kind)
    if flt.petition_kind:
        where.append("p.kind = ?")
        params.append(flt.petition_kind)
    sql = ("SELECT p.id FROM petitions p JOIN petition_log_keys k ON k.petition_id = p.id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY " + _OLD_ORDER[flt.sort].format(d="DESC" if flt.descending else "ASC"))
    return [r[0] for r in conn.execute(sql, params)]


@pytest.fixture
def paths(tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0006.sqlite3", old)
    new = tmp_path / "data" / "desk.sqlite3"
    new.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_0006.sqlite3", new)
    return old, new


def test_the_log_keeps_every_order_and_filter(paths):
    old, new = paths
    filters = [LogFilter(sort=sort, descending=desc, reception_kind=rk, petition_kind=pk)
               for sort, desc, rk, pk in itertools.product(
                   SORTS, (True, False), (None, "thuong_xuyen"), (None, "kien_nghi"))]
    with sqlite3.connect(old) as conn:
        before = {flt: _old_log(conn, flt) for flt in filters}
        names = [r[0] for r in conn.execute("SELECT full_name FROM persons")]
    # These names sort the same folded and in Vietnamese order (the one D name is "Đặng"), so
    # the name sort must be the old one too; test_log_order checks where the orders differ.
    assert sorted(names, key=collation_key) == sorted(names, key=lambda n: n.lower()
                                                      .replace("đ", "d"))
    db = open_db(new)
    try:
        for flt in filters:
            assert list(log_ids(db, flt)) == before[flt], flt
            assert list(log_ids(db, flt, limit=2)) == before[flt][:2], flt
        views = json.loads((FIXTURES / "schema_0006_views.json").read_text(encoding="utf-8"))
        assert list(log_ids(db)) == views["log_ids"]
        for query, hits in views["searches"].items():
            assert search_ids(db, query) == hits, query
        assert indexed_lines(db) == search_index.documents(db, views["log_ids"])
        keys = dict(db.execute("SELECT full_name, sort_key FROM identity_snapshots").fetchall())
        assert keys == {name: collation_key(name) for name in keys}
        steps = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert "0013_search_and_log_scale" in steps and steps == list(known_steps())
    finally:
        db.close()


def test_the_upgraded_office_takes_new_lines_in_order(paths):
    _, new = paths
    db = open_db(new)
    try:
        reg = register(db, person("Đinh Thị Hoa", serial=55))
        ids = list(log_ids(db, LogFilter(sort="name", descending=False)))
        names = [db.execute("SELECT i.full_name FROM petitions p JOIN visits v ON v.id = p.visit_id"
                            " JOIN identity_snapshots i ON i.id = v.identity_id WHERE p.id = ?",
                            [pid]).fetchone()[0] for pid in ids]
        visible = [n for n in names if n != "Phan Quốc Cường"]  # the fixture's denouncer
        assert visible == sorted(visible, key=collation_key)
        assert names.index("Đặng Văn Dũng") < names.index("Đinh Thị Hoa") < names.index("Trương Thị Hằng")
        assert search_ids(db, "dinh thi hoa") == list(reg.petition_ids)
    finally:
        db.close()
