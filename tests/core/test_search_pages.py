"""Search a page at a time (docs/search.md): pages follow each other across the tiers without
repeating or skipping a line, the count says how many match (or that there are more than it
counts), and what the index holds follows corrections."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.core.demo.generate import generate
from desk_app.core.model import PetitionKind
from desk_app.core.reception import search, search_index
from desk_app.core.reception.corrections import correct_entry
from desk_app.core.reception.search import count_matches, search_ids, search_page
from tests.support import indexed_lines, part, person, register

QUERIES = ["nguyen", "nguyen van", "van nguyen", "d", "0", "027", "dat", "thu hoi dat",
           "dat nguyen", "le thi hoa", "hoa le", "khieu nai", "xyzzy", "nguyen xyzzy", "so 1",
           "ng", "phuong nhan hoa", "027090", "09"]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from desk_app.core.opening import open_db

    db = open_db(tmp_path_factory.mktemp("search") / "desk.sqlite3")
    generate(db, 700, seed=5, end=datetime(2026, 11, 20, 15, 0), years=3)
    yield db
    db.close()


def _tier_of(db, text):
    """Each matching line's tier, by asking each tier's own query (no exclusions)."""
    tiers = search._tiers(db, text)
    out: dict[int, int] = {}
    for number, expr in enumerate(tiers, start=1):
        if expr is None:
            continue
        for (rowid,) in db.conn.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [expr]):
            out.setdefault(rowid, number)
    return out


@pytest.mark.parametrize("text", QUERIES)
def test_pages_follow_each_other(office, text):
    everything = search_ids(office, text, limit=10**6)
    tiers = _tier_of(office, text)
    # best tier first, newest first within a tier, each line once
    assert everything == sorted(tiers, key=lambda pid: (tiers[pid], -pid))
    paged, after = [], None
    while True:
        page = search_page(office, text, limit=7, after=after)
        assert len(page.ids) == 7 or page.after is None
        paged += page.ids
        if page.after is None:
            break
        after = page.after
    assert paged == everything
    n, exact = count_matches(office, text)
    assert (n, exact) == (len(everything), True)
    assert count_matches(office, text, cap=3) == ((3, False) if len(everything) > 3
                                                  else (len(everything), True))


def test_a_page_that_ends_with_its_tier(office):
    everything = search_ids(office, "nguyen van", limit=10**6)
    tiers = _tier_of(office, "nguyen van")
    first_tier = sum(1 for pid in everything if tiers[pid] == 1)
    assert 0 < first_tier < len(everything)
    page = search_page(office, "nguyen van", limit=first_tier)
    assert page.ids == everything[:first_tier] and page.after is not None
    assert search_page(office, "nguyen van", limit=5, after=page.after).ids == \
        everything[first_tier:first_tier + 5]


def test_every_line_found_by_its_name_id_and_phone(office):
    for pid, who in office.execute(
            "SELECT p.id, i.full_name || '|' || i.id_number || '|' || i.phone FROM petitions p"
            " JOIN visits v ON v.id = p.visit_id JOIN identity_snapshots i ON i.id = v.identity_id"
            " WHERE NOT EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = p.visit_id"
            " AND q.kind = 'to_cao') ORDER BY p.id LIMIT 60"):
        name, id_number, phone = who.split("|")
        for text in (name, id_number, id_number[:4], phone, phone[:7]):
            assert pid in search_ids(office, text, limit=10**6), text


def test_the_index_follows_corrections(db):
    reg = register(db, person("Đặng Văn Dũng", serial=1), parts=(
        part(), part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh khói bụi")))
    other = register(db, person("Lê Thị Hoa", serial=2), received_at=datetime(2026, 11, 20, 9, 0))
    assert search_ids(db, "dang van dung") == list(reg.petition_ids)[::-1]
    for key, value, petition in (("full_name", "Đặng Văn Hùng", None),
                                 ("summary", "Phản ánh tiếng ồn", reg.petition_ids[1]),
                                 ("kind", "to_cao", reg.petition_ids[1]),
                                 ("kind", "phan_anh", reg.petition_ids[1]),
                                 ("id_number", "027090009999", None)):
        correct_entry(db, reg.visit_id, key, value, "Sửa cho đúng", officer_id=1,
                      petition_id=petition, now=datetime(2026, 11, 20, 16, 0))
        ids = [*reg.petition_ids, *other.petition_ids]
        assert indexed_lines(db) == search_index.documents(db, ids), key
    # the old name is gone; line 1 is still found by its words anywhere ("sử dụng đất")
    assert search_ids(db, "dang van dung") == [reg.petition_ids[0]]
    assert search_ids(db, "dang van hung") == list(reg.petition_ids)[::-1]
    assert search_ids(db, "027090009999") == list(reg.petition_ids)[::-1]
    assert search_ids(db, "tieng on") == [reg.petition_ids[1]]
    assert search_ids(db, "khoi bui") == []


def test_the_vocabulary_lists_words_and_pairs_not_long_numbers(db):
    register(db, person("Đặng Văn Dũng", serial=1, phone="0912345678"))
    vocabulary = {r for r in db.execute("SELECT kind, term FROM search_vocab")}
    assert (search_index.WHO_WORD, "dang") in vocabulary
    assert (search_index.WHO_PAIR, "dang.van") in vocabulary
    assert (search_index.WHAT_WORD, "kien") in vocabulary
    assert not any(term.isdigit() and len(term) >= 6 for _, term in vocabulary)


@pytest.mark.parametrize(("text", "same_as"), [
    ("nguyen " * 300, "nguyen"), ("dat " * 50 + "nguyen", "dat nguyen"), ("so 1", "so 1"),
    ("王小明 nguyen", "nguyen"), ('"; DROP TABLE petitions; --', "drop table petitions"),
    ("NEAR(nguyen van) OR *", "near nguyen van or"), ("w" * 5000, None),
    (" ".join(f"w{i}" for i in range(400)), None)])
def test_odd_queries_find_what_their_words_find(office, text, same_as):
    """A word said twice asks nothing more; FTS5's own syntax is plain text; nonsense finds
    nothing (and none of them is slow: the words are checked against the vocabulary first)."""
    ids = search_ids(office, text, limit=10**6)
    assert len(ids) == len(set(ids))
    if same_as is None:
        assert ids == []
    else:
        assert set(ids) == set(search_ids(office, same_as, limit=10**6))
        assert count_matches(office, text) == count_matches(office, same_as)
