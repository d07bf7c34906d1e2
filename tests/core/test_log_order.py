"""The log's order and filters (docs/log.md): every filter × sort gives the lines a plain reading
of the rows gives, the first screen is its start, a narrow filter read from its own index gives
the same as a wide one read along the sort, and a saved line lands where a reload puts it."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from desk_app.core.demo.generate import generate
from desk_app.core.model import PetitionKind
from desk_app.core.reception import log_order
from desk_app.core.reception.log_order import LogFilter, fetch_ids, log_ids, log_sql, place
from desk_app.core.text import collation_key
from tests.support import part, person, register

SORTS = log_order.SORTS


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from desk_app.core.opening import open_db

    db = open_db(tmp_path_factory.mktemp("log") / "desk.sqlite3")
    generate(db, 600, seed=11, end=datetime(2026, 11, 20, 15, 0), years=3)
    yield db
    db.close()


def _lines(db) -> list[dict]:
    """Every line with what the log sorts and filters by, read plainly from the tables."""
    rows = db.execute(
        "SELECT p.id, p.received_at, p.log_year, p.log_no, p.kind, v.reception_kind,"
        " v.officer_id, v.crowd_size, i.full_name,"
        " EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = p.visit_id AND q.kind = 'to_cao')"
        " FROM petitions p JOIN visits v ON v.id = p.visit_id"
        " JOIN identity_snapshots i ON i.id = v.identity_id").fetchall()
    keys = ("id", "at", "year", "no", "kind", "rk", "officer", "crowd", "name", "protected")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _expected(lines: list[dict], flt: LogFilter) -> list[int]:
    """The log as its documentation defines it."""
    kept = [x for x in lines
            if (not flt.date_from or x["at"][:10] >= flt.date_from.isoformat())
            and (not flt.date_to or x["at"][:10] <= flt.date_to.isoformat())
            and (not flt.reception_kind or x["rk"] == flt.reception_kind)
            and (not flt.petition_kind or x["kind"] == flt.petition_kind)
            and (flt.officer_id is None or x["officer"] == flt.officer_id)]
    d = flt.descending

    def name(x):  # a protected visit's lines after every name (Denunciation law art. 47)
        return "~" if x["protected"] else collation_key(x["name"])

    passes = {  # stable sorts, the least significant first
        "received_at": [(lambda x: (x["at"], x["id"]), d)],
        "log_no": [(lambda x: (x["year"], x["no"]), d)],
        "kind": [(lambda x: (x["at"], x["id"]), True), (lambda x: x["kind"], d)],
        "name": [(lambda x: x["id"], True), (name, d)],
        "crowd_size": [(lambda x: (x["at"], x["id"]), True), (lambda x: x["crowd"], d)],
        "officer": [(lambda x: (x["at"], x["id"]), True), (lambda x: x["officer"] or 0, d)],
    }[flt.sort]
    for key, reverse in passes:
        kept.sort(key=key, reverse=reverse)
    return [x["id"] for x in kept]


def _filters():
    for sort, desc, dated, rk, pk, officer in itertools.product(
            SORTS, (True, False), (False, True), (None, "dinh_ky"), (None, "khieu_nai"),
            (None, 2)):
        yield LogFilter(date_from=date(2025, 3, 1) if dated else None,
                        date_to=date(2025, 12, 31) if dated else None, reception_kind=rk,
                        petition_kind=pk, officer_id=officer, sort=sort, descending=desc)


@pytest.mark.parametrize("few", [0, 10**9], ids=["along the sort", "narrow filter"])
def test_every_filter_and_sort(office, monkeypatch, few):
    monkeypatch.setattr(log_order, "FEW", few)
    lines = _lines(office)
    for flt in _filters():
        expected = _expected(lines, flt)
        assert list(log_ids(office, flt)) == expected, flt
        assert list(log_ids(office, flt, limit=37)) == expected[:37], flt


def test_one_query_gives_the_same_order(office):
    for flt in _filters():
        assert list(fetch_ids(office, *log_sql(flt))) == list(log_ids(office, flt)), flt


def test_filters_that_keep_nothing(office):
    assert list(log_ids(office, LogFilter(reception_kind="khong_co"))) == []
    assert list(log_ids(office, LogFilter(officer_id=999, sort="name"))) == []
    assert list(log_ids(office, LogFilter(date_from=date(2030, 1, 1), sort="officer",
                                          descending=False))) == []


def test_name_sort_is_vietnamese(db):
    for serial, name in enumerate(("Đỗ Văn An", "Dương Thị Hoa", "Ân Văn Tâm", "Ăn Thị Mai",
                                   "An Văn Bình", "Bùi Thị Lan", "Đào Quang Hải"), start=1):
        register(db, person(name, serial=serial), received_at=datetime(2026, 11, serial, 9, 0))
    ids = log_ids(db, LogFilter(sort="name", descending=False))
    names = [db.execute("SELECT i.full_name FROM petitions p JOIN visits v ON v.id = p.visit_id"
                        " JOIN identity_snapshots i ON i.id = v.identity_id WHERE p.id = ?",
                        [pid]).fetchone()[0] for pid in ids]
    assert names == ["An Văn Bình", "Ăn Thị Mai", "Ân Văn Tâm", "Bùi Thị Lan", "Dương Thị Hoa",
                     "Đào Quang Hải", "Đỗ Văn An"]
    assert list(log_ids(db, LogFilter(sort="name", descending=True))) == ids[::-1].tolist()


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_a_saved_visit_lands_where_a_reload_puts_it(db, sort, descending):
    for serial, name in enumerate(("Lê Văn Hùng", "Trần Thị Mai", "Đặng Văn Dũng", "Bùi Văn An"),
                                  start=1):
        register(db, person(name, serial=serial), received_at=datetime(2026, 11, serial * 3, 9, 0),
                 crowd_size=serial)
    flt = LogFilter(sort=sort, descending=descending)
    shown = log_ids(db, flt)
    # back-dated, two petitions, a name in the middle of the alphabet
    reg = register(db, person("Đinh Thị Hoa", serial=9), received_at=datetime(2026, 11, 5, 8, 0),
                   parts=(part(), part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh khói bụi")),
                   crowd_size=2)
    for position, pid in place(db, flt, shown, reg.petition_ids):
        shown.insert(position, pid)
    assert shown == log_ids(db, flt)


def test_a_saved_visit_outside_the_filter_is_not_placed(db):
    register(db, person("Lê Văn Hùng", serial=1))
    flt = LogFilter(reception_kind="dinh_ky")
    reg = register(db, person("Bùi Văn An", serial=2))  # thuong_xuyen
    assert place(db, flt, log_ids(db, flt), reg.petition_ids) == []
