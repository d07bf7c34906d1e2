"""The log book (Sổ tiếp công dân, form 03/TCD): sorted, filtered id lists and rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.demo.generate import generate
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, ReceptionKind, Sex
from desk_app.core.reception.logbook import LogFilter, log_ids, log_number, log_rows
from desk_app.core.text import fold
from tests.support import part, person, register

REASON = catalog.refusal_reasons()[2]

# (name, received_at, reception kind, officer, parts, outcome extras)
PLAN = [
    ("Nguyễn Văn Hùng", datetime(2026, 11, 18, 9, 0), ReceptionKind.THUONG_XUYEN, 1,
     (part(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị cấp giấy chứng nhận"),), {}),
    ("Bùi Thị Lan", datetime(2026, 11, 19, 16, 30), ReceptionKind.DINH_KY, 2,
     (part(PetitionKind.KHIEU_NAI, "boi_thuong_gpmb", "Khiếu nại giá bồi thường"),
      part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh bụi từ công trường")), {}),
    ("Đặng Văn Dũng", datetime(2026, 11, 20, 8, 0), ReceptionKind.THUONG_XUYEN, 2,
     (part(PetitionKind.KIEN_NGHI, "ha_tang_giao_thong", "Kiến nghị sửa đường"),),
     {"outcome": Outcome.REFUSED, "refusal_reason": REASON.code}),
    ("Trần Thị Yến", datetime(2026, 11, 17, 10, 0), ReceptionKind.DOT_XUAT, 1,
     (part(PetitionKind.PHAN_ANH, "an_ninh_trat_tu", "Phản ánh tụ tập ban đêm"),),
     {"outcome": Outcome.GUIDED, "outcome_body": "Công an tỉnh Bắc Ninh"}),
    ("Hồ Văn Nam", datetime(2026, 11, 19, 8, 0), ReceptionKind.THUONG_XUYEN, 1,
     (part(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),), {}),
    ("Ông Văn Lộc", datetime(2026, 11, 16, 9, 0), ReceptionKind.THUONG_XUYEN, 1,
     (part(PetitionKind.KHIEU_NAI, "dat_dai", "Khiếu nại thu hồi đất"),),
     {"outcome": Outcome.TRANSFERRED, "outcome_body": "Sở Nông nghiệp và Môi trường",
      "outcome_doc_no": "12/UBND-TCD"}),
]


@pytest.fixture
def book(db):
    made = []
    for i, (name, when, rkind, officer, parts, extra) in enumerate(PLAN):
        sex = Sex.NU if " Thị " in name else Sex.NAM
        reg = register(db, person(name, dob=date(1960 + i, 5, 5), sex=sex, serial=3000 + i),
                       received_at=when, reception_kind=rkind, officer_id=officer, parts=parts,
                       **extra)
        for pid, p in zip(reg.petition_ids, parts, strict=True):
            made.append({"id": pid, "visit": reg.visit_id, "name": name, "when": when,
                         "rkind": rkind, "officer": officer, "kind": p.kind, "reg": reg})
    return made


def expected(book, keep=lambda e: True):
    rows = [e for e in book if keep(e)]
    return [e["id"] for e in sorted(rows, key=lambda e: (e["when"], e["id"]), reverse=True)]


def test_newest_first_by_default(db, book):
    ids = log_ids(db)
    assert list(ids) == expected(book)
    assert len(ids) == len(book)
    when = [r.received_at for r in log_rows(db, ids)]
    assert when == sorted(when, reverse=True)


def test_oldest_first(db, book):
    assert list(log_ids(db, LogFilter(descending=False))) == expected(book)[::-1]


def test_date_range_includes_the_whole_end_day(db, book):
    flt = LogFilter(date_from=date(2026, 11, 18), date_to=date(2026, 11, 19))
    got = list(log_ids(db, flt))
    assert got == expected(book, lambda e: date(2026, 11, 18) <= e["when"].date() <= date(2026, 11, 19))
    # The 16:30 visit on the end day is in; nothing from the 17th or the 20th.
    assert any(e["when"] == datetime(2026, 11, 19, 16, 30) and e["id"] in got for e in book)
    assert len(got) == 4


@pytest.mark.parametrize(("date_from", "date_to"), [
    (date(2026, 11, 20), None), (None, date(2026, 11, 16)), (date(2026, 11, 19), date(2026, 11, 19)),
    (date(2026, 11, 21), date(2026, 11, 30)), (date(2026, 11, 19), date(2026, 11, 18)),
])
def test_open_and_single_day_ranges(db, book, date_from, date_to):
    def keep(e):
        d = e["when"].date()
        return (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
    assert list(log_ids(db, LogFilter(date_from=date_from, date_to=date_to))) == expected(book, keep)


@pytest.mark.parametrize("rkind", list(ReceptionKind))
def test_filter_by_reception_kind(db, book, rkind):
    got = list(log_ids(db, LogFilter(reception_kind=str(rkind))))
    assert got == expected(book, lambda e: e["rkind"] == rkind)


@pytest.mark.parametrize("kind", list(PetitionKind))
def test_filter_by_petition_kind(db, book, kind):
    got = list(log_ids(db, LogFilter(petition_kind=str(kind))))
    assert got == expected(book, lambda e: e["kind"] == kind)
    assert got  # every kind occurs in the plan


@pytest.mark.parametrize("officer", [1, 2, 3])
def test_filter_by_officer(db, book, officer):
    got = list(log_ids(db, LogFilter(officer_id=officer)))
    assert got == expected(book, lambda e: e["officer"] == officer)


def test_filters_combine(db, book):
    flt = LogFilter(date_from=date(2026, 11, 17), date_to=date(2026, 11, 19), officer_id=1,
                    reception_kind="thuong_xuyen")
    got = list(log_ids(db, flt))
    assert got == expected(book, lambda e: e["officer"] == 1 and e["rkind"] == "thuong_xuyen"
                           and date(2026, 11, 17) <= e["when"].date() <= date(2026, 11, 19))
    assert got


def test_sort_by_name_ascending(db, book):
    got = list(log_ids(db, LogFilter(sort="name", descending=False)))
    # a visit that brings a denunciation sorts after every name, never by the hidden one
    protected = {e["visit"] for e in book if e["kind"] == "to_cao"}

    def key(e):
        return "~" if e["visit"] in protected else fold(e["name"])

    keys = [key(e) for e in sorted(book, key=lambda e: got.index(e["id"]))]
    assert keys == sorted(keys)
    first = next(e for e in book if e["id"] == got[0])
    assert key(first) == min(key(e) for e in book)
    assert sorted(got) == sorted(e["id"] for e in book)


@pytest.mark.parametrize("sort", ["log_no", "kind", "crowd_size", "officer", "name", "bogus"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_lists_every_line_once(db, book, sort, descending):
    got = list(log_ids(db, LogFilter(sort=sort, descending=descending)))
    assert sorted(got) == sorted(e["id"] for e in book)


def test_sort_by_log_number(db, book):
    got = list(log_ids(db, LogFilter(sort="log_no", descending=False)))
    numbers = [log_number(db, pid) for pid in got]
    assert numbers == sorted(numbers)
    assert [n for _, n in numbers] == list(range(1, len(book) + 1))


def test_mixed_petition_gives_two_lines(db, book):
    mixed = [e for e in book if e["name"] == "Bùi Thị Lan"]
    assert len(mixed) == 2
    rows = log_rows(db, [e["id"] for e in mixed])
    assert {r.visit_id for r in rows} == {mixed[0]["visit"]}
    assert [r.petition_kind for r in rows] == [PetitionKind.KHIEU_NAI, PetitionKind.PHAN_ANH]
    assert [r.summary for r in rows] == ["Khiếu nại giá bồi thường", "Phản ánh bụi từ công trường"]
    numbers = [log_number(db, e["id"]) for e in mixed]
    assert numbers[1][1] == numbers[0][1] + 1
    assert len(mixed[0]["reg"].case_ids) == 2
    assert mixed[0]["reg"].receipt_no is not None  # one receipt for the visit


def test_refused_visit_shows_reason_and_has_no_receipt(db, book):
    entry = next(e for e in book if e["name"] == "Đặng Văn Dũng")
    row = log_rows(db, [entry["id"]])[0]
    assert row.note == "Từ chối tiếp: " + REASON.name
    assert not row.within_competence
    assert row.follow_up == ""
    assert entry["reg"].receipt_no is None
    assert entry["reg"].case_ids == ()
    assert db.execute("SELECT COUNT(*) FROM issued_documents WHERE visit_id = ?",
                      [entry["visit"]]).fetchone()[0] == 0


def test_refusal_note_keeps_the_officer_note(db):
    reg = register(db, outcome=Outcome.REFUSED, refusal_reason=REASON.code,
                   note="Công dân đã được giải thích")
    row = log_rows(db, reg.petition_ids)[0]
    assert row.note == f"Từ chối tiếp: {REASON.name}; Công dân đã được giải thích"


def test_guided_and_transferred_columns(db, book):
    guided = next(e for e in book if e["name"] == "Trần Thị Yến")
    moved = next(e for e in book if e["name"] == "Ông Văn Lộc")
    g, t = log_rows(db, [guided["id"], moved["id"]])
    assert (g.guided_to, g.transferred_to, g.within_competence) == ("Công an tỉnh Bắc Ninh", "", False)
    assert t.transferred_to == "Sở Nông nghiệp và Môi trường (12/UBND-TCD)"
    assert t.guided_to == ""


def test_accepted_row_columns(db, book):
    entry = next(e for e in book if e["name"] == "Nguyễn Văn Hùng")
    row = log_rows(db, [entry["id"]])[0]
    assert row.person_name == "Nguyễn Văn Hùng"
    assert row.within_competence
    assert row.officer_name == "Nguyễn Thị Hồng Nhung"
    assert row.reception_kind == "thuong_xuyen"
    assert row.received_at == entry["when"].isoformat()
    assert row.crowd_size == 1
    assert row.follow_up  # an open case has a status label
    assert not row.masked


def test_commune_label_is_added_to_the_address(db):
    found = catalog.commune(9253)
    reg = register(db, person("Kiều Văn Sơn", dob=date(1977, 7, 7), serial=8, address="Số 3",
                              commune_code=9253))
    row = log_rows(db, reg.petition_ids)[0]
    assert row.address.startswith("Số 3, ")
    assert found[0] in row.address


def test_denunciation_row_is_masked_unless_revealed(db, book):
    entry = next(e for e in book if e["kind"] == PetitionKind.TO_CAO)
    masked = log_rows(db, [entry["id"]])[0]
    assert masked.masked
    assert (masked.person_name, masked.id_number, masked.address) == (
        messages.MASKED_NAME, messages.MASKED_VALUE, messages.MASKED_VALUE)
    shown = log_rows(db, [entry["id"]], {entry["id"]})[0]
    assert shown.person_name == entry["name"]
    assert not shown.masked


def test_rows_follow_the_given_order_and_skip_missing(db, book):
    ids = [e["id"] for e in book][::-1] + [10_000]
    rows = log_rows(db, ids)
    assert [r.petition_id for r in rows] == ids[:-1]
    assert log_rows(db, []) == []


def test_rows_in_many_pages(db):
    """More ids than one `IN (…)` chunk: every row comes back, in the order of the ids."""
    generate(db, 1200, seed=5, end=datetime(2026, 11, 1, 17, 0), years=2)
    ids = log_ids(db)
    total = db.execute("SELECT COUNT(*) FROM petitions").fetchone()[0]
    assert len(ids) == total > 1200
    rows = log_rows(db, ids)
    assert [r.petition_id for r in rows] == list(ids)
    when = [r.received_at for r in rows]
    assert when == sorted(when, reverse=True)


def test_log_number_of_missing_record(db):
    with pytest.raises(DeskError) as caught:
        log_number(db, 4242)
    assert caught.value.message == messages.RECORD_MISSING.format(id=4242)
