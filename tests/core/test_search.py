"""The search box: folded, diacritic-insensitive FTS over log-book lines, denouncers masked."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core import text
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind, Sex
from desk_app.core.reception import search_index
from desk_app.core.reception.logbook import reveal_identity
from desk_app.core.reception.search import match_expression, search, search_ids
from tests.support import NOW, counts, indexed_lines, part, person, register, snapshot

DUNG_NGUYEN = person("Nguyễn Văn Dũng", dob=date(1982, 7, 9), serial=11,
                     address="Thôn Xuân Ổ, phường Võ Cường", phone="0987000111")
DUNG_DANG = person("Đặng Văn Dũng", dob=date(1990, 3, 4), serial=1234,
                   address="Số 5 ngõ 12 đường Kinh Dương Vương", phone="0912345678")
HOA = person("Lê Thị Hoa", dob=date(1975, 1, 2), sex=Sex.NU, serial=321, province="001",
             address="Khu phố Niềm Xá", phone="0363000222")
DENOUNCER = person("Hoàng Minh Khôi", dob=date(1968, 4, 5), serial=888, province="024",
                   address="Thôn Khúc Toại, phường Khúc Xuyên", phone="0399888777")


@pytest.fixture
def office(db):
    ids = {
        "nguyen": register(db, DUNG_NGUYEN, parts=(part(
            PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh xưởng gỗ gây tiếng ồn ban đêm"),),
            received_at=datetime(2026, 11, 18, 9, 0)),
        "dang": register(db, DUNG_DANG, parts=(part(
            PetitionKind.KIEN_NGHI, "dat_dai",
            "Kiến nghị cấp giấy chứng nhận quyền sử dụng thửa đất số 127"),),
            received_at=datetime(2026, 11, 19, 10, 0)),
        "hoa": register(db, HOA, parts=(part(
            PetitionKind.KHIEU_NAI, "boi_thuong_gpmb",
            "Khiếu nại mức bồi thường khi thu hồi ruộng lúa"),),
            received_at=datetime(2026, 11, 19, 14, 0)),
        "to_cao": register(db, DENOUNCER, parts=(part(
            PetitionKind.TO_CAO, "tham_nhung",
            "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục tách thửa"),),
            received_at=datetime(2026, 11, 20, 8, 30)),
    }
    return {key: reg.petition_ids[0] for key, reg in ids.items()}


def names(rows):
    return [r.person_name for r in rows]


def test_unaccented_query_finds_accented_name(db, office):
    rows = search(db, "nguyen van dung")
    assert [r.petition_id for r in rows] == [office["nguyen"]]
    assert rows[0].person_name == "Nguyễn Văn Dũng"


@pytest.mark.parametrize("query", ["Đặng", "dang", "DANG", "đặng", "ĐẶNG", "Dang Van Dung",
                                   "đặng văn dũng"])
def test_d_with_stroke_folds_to_d(db, office, query):
    rows = search(db, query)
    assert office["dang"] in [r.petition_id for r in rows]
    assert office["nguyen"] not in [r.petition_id for r in rows]
    assert "Đặng Văn Dũng" in names(rows)


@pytest.mark.parametrize("query", ["Nguyễn Văn Dũng", "Nguyễn Văn Dũng", "NGUYỄN VĂN DŨNG"])
def test_nfc_and_nfd_queries(db, office, query):
    for form in ("NFC", "NFD"):
        rows = search(db, unicodedata.normalize(form, query))
        assert [r.petition_id for r in rows] == [office["nguyen"]], form


def test_nfd_stored_name_is_kept_nfc_and_found(db):
    decomposed = unicodedata.normalize("NFD", "Trịnh Thị Phượng")
    assert decomposed != "Trịnh Thị Phượng"
    reg = register(db, person(decomposed, dob=date(1988, 8, 8), sex=Sex.NU, serial=5))
    stored = db.execute("SELECT full_name FROM persons WHERE id = ?", [reg.person_id]).fetchone()[0]
    assert stored == "Trịnh Thị Phượng"
    for query in ("Trịnh Thị Phượng", decomposed, "trinh thi phuong", "phuong"):
        rows = search(db, query)
        assert [r.petition_id for r in rows] == list(reg.petition_ids), query
        assert rows[0].person_name == "Trịnh Thị Phượng"


def test_prefix_of_last_word_while_typing(db, office):
    assert office["nguyen"] in search_ids(db, "nguyen van du")
    assert office["nguyen"] in search_ids(db, "Nguyễn V")


def test_every_word_must_match(db, office):
    assert search_ids(db, "hoa van dung") == []


def test_id_number_and_prefix(db, office):
    assert search_ids(db, DUNG_DANG.id_number) == [office["dang"]]
    assert search_ids(db, DUNG_NGUYEN.id_number[:7]) == [office["nguyen"]]
    assert search_ids(db, HOA.id_number[:6]) == [office["hoa"]]


def test_phone_address_and_summary(db, office):
    assert search_ids(db, "0987000111") == [office["nguyen"]]
    assert search_ids(db, "kinh duong vuong") == [office["dang"]]
    assert search_ids(db, "Khu phố Niềm Xá") == [office["hoa"]]
    assert search_ids(db, "xuong go tieng on") == [office["nguyen"]]
    assert search_ids(db, "ruộng lúa") == [office["hoa"]]


def test_topic_and_kind_are_searchable(db, office):
    assert office["hoa"] in search_ids(db, "khieu nai")
    assert office["hoa"] in search_ids(db, "giải phóng mặt bằng")


def test_newest_first(db, office):
    ids = search_ids(db, "dung")
    assert ids == sorted(ids, reverse=True)
    assert set(ids) == {office["nguyen"], office["dang"]}


def test_limit(db, office):
    assert len(search_ids(db, "van dung", limit=1)) == 1


@pytest.mark.parametrize("query", ["", "   ", "!!!", "…", "\u0301"])
def test_nothing_to_search(db, office, query):
    assert match_expression(query) is None
    assert search(db, query) == []


@pytest.mark.parametrize("query", ['dung"', "dung OR *", "NEAR(dung hoa)", "-dung", "dung:*",
                                   "'; DROP TABLE persons; --", "^dung", "(dung"])
def test_fts_syntax_in_query_is_plain_text(db, office, query):
    ids = search_ids(db, query)
    assert isinstance(ids, list)
    assert counts(db)["persons"] == 4


def _indexed(db, rowid: int) -> str:
    return indexed_lines(db).get(rowid, "")


def test_folding_matches_the_index(db, office):
    row = _indexed(db, office["dang"])
    assert row == text.fold(row)
    assert row.startswith("dang van dung ")
    assert "_kien _nghi _dat _dai _kien _nghi _cap _giay" in row  # what it is about, marked
    assert "dang.van van.dung" in row  # neighbouring words, for phrases
    assert "đ" not in row


def test_index_holds_what_the_tables_say(db, office):
    assert indexed_lines(db) == search_index.documents(db, office.values())


# ---- denunciations (Denunciation law art. 9, 47) --------------------------------------------


def test_denunciation_found_by_content_and_masked(db, office):
    rows = search(db, "dia chinh nhan tien")
    assert [r.petition_id for r in rows] == [office["to_cao"]]
    row = rows[0]
    assert row.masked
    assert row.person_name == messages.MASKED_NAME
    assert row.id_number == messages.MASKED_VALUE
    assert row.address == messages.MASKED_VALUE
    assert DENOUNCER.full_name not in repr(row)
    assert DENOUNCER.id_number not in repr(row)
    assert row.summary.startswith("Tố cáo cán bộ địa chính")


@pytest.mark.parametrize("query", [DENOUNCER.full_name, "hoang minh khoi", "Khôi",
                                   DENOUNCER.id_number, DENOUNCER.id_number[:7], DENOUNCER.phone,
                                   "Khúc Toại", "khuc xuyen"])
def test_denouncer_identity_is_not_searchable(db, office, query):
    assert office["to_cao"] not in search_ids(db, query)
    assert search(db, query) == []


def test_denouncer_identity_not_in_index_text(db, office):
    body = _indexed(db, office["to_cao"])
    assert body.startswith("_to _cao")  # only what it is about
    for value in (DENOUNCER.full_name, DENOUNCER.id_number, DENOUNCER.phone, DENOUNCER.address):
        for word in text.tokens(value):
            assert word not in body.split(), word
    assert not [t for t in body.split() if t.startswith("#")]  # no prefix of the ID or phone
    vocabulary = {r[0] for r in db.execute("SELECT term FROM search_vocab")}
    assert "khoi" not in vocabulary and "minh.khoi" not in vocabulary


def test_reveal_identity_records_and_unmasks(db, office):
    when = datetime(2026, 11, 20, 16, 0, 0)
    row = reveal_identity(db, office["to_cao"], 2, "  Chủ tịch   xem để xác minh ", now=when)
    assert not row.masked
    assert row.person_name == DENOUNCER.full_name
    assert row.id_number == DENOUNCER.id_number
    assert DENOUNCER.address in row.address
    reveals = db.execute(
        "SELECT petition_id, officer_id, reason, revealed_at FROM identity_reveals").fetchall()
    assert reveals == [(office["to_cao"], 2, "Chủ tịch xem để xác minh", when.isoformat())]
    # Revealing once does not unmask the row for everybody.
    assert search(db, "dia chinh nhan tien")[0].masked


@pytest.mark.parametrize("reason", ["", "   ", "\t\n"])
def test_reveal_without_reason_is_refused(db, office, reason):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        reveal_identity(db, office["to_cao"], 1, reason, now=NOW)
    assert caught.value.message == messages.REVEAL_REASON_REQUIRED
    assert snapshot(db) == before


def test_reveal_unknown_record(db, office):
    before = snapshot(db)
    missing = max(office.values()) + 100
    with pytest.raises(DeskError) as caught:
        reveal_identity(db, missing, 1, "Kiểm tra", now=NOW)
    assert caught.value.message == messages.RECORD_MISSING.format(id=missing)
    assert snapshot(db) == before


# ---- a later visit does not rewrite earlier lines ----------------------------------------------


def test_a_new_address_leaves_earlier_lines_as_recorded(db, office):
    """Each line is found by the identity it shows: the one recorded that day."""
    moved = person("Nguyễn Văn Dũng", dob=date(1982, 7, 9), serial=11,
                   address="Số 9 đường Lý Thái Tổ", phone="")
    reg = register(db, moved, received_at=datetime(2026, 11, 20, 10, 0))
    assert search_ids(db, "ly thai to") == list(reg.petition_ids)
    assert search_ids(db, "xuan o") == [office["nguyen"]]
    assert set(search_ids(db, moved.id_number)) == {office["nguyen"], *reg.petition_ids}
    old, new = search(db, moved.id_number)[::-1]
    assert old.address.startswith("Thôn Xuân Ổ") and new.address.startswith("Số 9 đường Lý Thái Tổ")


def test_representative_is_searchable(db, office):
    rep = person("Vũ Đình Quyết", dob=date(1979, 9, 9), serial=4242)
    reg = register(db, person("Đỗ Thị Yến", dob=date(1981, 1, 1), sex=Sex.NU, serial=17),
                   crowd_size=6, representatives=(rep,))
    assert search_ids(db, "vu dinh quyet") == list(reg.petition_ids)


def test_new_details_given_as_representative_stay_with_that_visit(db, office):
    corrected = person("Lê Thị Hoa", dob=date(1975, 1, 2), sex=Sex.NU, serial=321, province="001",
                       address="Số 77 đường Đấu Mã", phone="0363000222")
    crowd = register(db, person("Bùi Văn Long", dob=date(1970, 2, 2), serial=99), crowd_size=5,
                     representatives=(corrected,), received_at=datetime(2026, 11, 20, 11, 0))
    assert search_ids(db, "le thi hoa") == [*crowd.petition_ids, office["hoa"]]
    assert search_ids(db, "niem xa") == [office["hoa"]]  # her own earlier line, as recorded
    assert search(db, "niem xa")[0].address.startswith("Khu phố Niềm Xá")
    current = db.execute("SELECT address FROM persons WHERE id_number = ?", [corrected.id_number])
    assert current.fetchone() == ("Số 77 đường Đấu Mã",)


def test_corrected_name_does_not_rewrite_visits_where_they_were_representative(db, office):
    rep = person("Vũ Đình Quết", dob=date(1979, 9, 9), serial=4242)  # typo at first
    crowd = register(db, person("Đỗ Thị Yến", dob=date(1981, 1, 1), sex=Sex.NU, serial=17),
                     crowd_size=6, representatives=(rep,))
    # The same person comes alone later; the officer types the name properly this time.
    alone = register(db, person("Vũ Đình Quyết", dob=date(1979, 9, 9), serial=4242),
                     received_at=datetime(2026, 11, 20, 12, 0))
    assert search_ids(db, "Vũ Đình Quyết") == list(alone.petition_ids)
    assert search_ids(db, "vu dinh quet") == list(crowd.petition_ids)
    stored = db.execute("SELECT full_name FROM persons WHERE id_number = ?", [rep.id_number])
    assert stored.fetchall() == [("Vũ Đình Quyết",)]  # the current details are the new ones
