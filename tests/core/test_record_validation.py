"""Validation gaps and length limits: each bad value is refused with its exact
Vietnamese sentence and leaves the database unchanged; what is allowed is stored cleaned."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core import limits
from desk_app.core.errors import DeskError
from desk_app.core.model import DocumentItem, IdKind, Sex
from desk_app.core.reception.intake import register_visit
from desk_app.core.reception.intake_file import form_from_json, read_intake_file
from desk_app.core.text import visible
from tests.support import NOW, RECEIVED, cccd, form, part, person, register, snapshot


def _p(**changes):
    return replace(person(), **changes)


def _passport(**changes):
    return _p(id_kind=IdKind.HO_CHIEU, id_number="C1234567", **changes)


CASES = [
    # An ID number whose digits 4-6 give a year of birth that cannot be (no date of birth given).
    ("id-born-2190", {"person": _p(id_number=cccd(2190), date_of_birth=None)},
     messages.ID_BIRTH_YEAR_IMPOSSIBLE.format(year=2190, day="20/11/2026"), "id_number"),
    ("id-born-2030", {"person": _p(id_number=cccd(2030), date_of_birth=None)},
     messages.ID_BIRTH_YEAR_IMPOSSIBLE.format(year=2030, day="20/11/2026"), "id_number"),
    ("id-born-1850", {"person": _p(id_number="027850001234", date_of_birth=None)},
     messages.ID_BIRTH_YEAR_IMPOSSIBLE.format(year=1850, day="20/11/2026"), "id_number"),
    ("dob-1850", {"person": _passport(date_of_birth=date(1850, 5, 1))},
     messages.DOB_TOO_OLD.format(dob="01/05/1850"), "date_of_birth"),
    ("issued-future", {"person": _p(id_issued_on=date(2026, 11, 21))},
     messages.ID_ISSUED_FUTURE.format(issued="21/11/2026", day="20/11/2026"), "id_issued_on"),
    ("issued-before-birth", {"person": _p(id_issued_on=date(1990, 3, 3))},
     messages.ID_ISSUED_BEFORE_BIRTH.format(issued="03/03/1990", dob="04/03/1990"),
     "id_issued_on"),
    ("issued-before-id-year", {"person": _p(date_of_birth=None, id_issued_on=date(1989, 1, 1))},
     messages.ID_ISSUED_BEFORE_BIRTH_YEAR.format(issued="01/01/1989", year=1990), "id_issued_on"),
    ("issued-1850", {"person": _passport(date_of_birth=None, id_issued_on=date(1850, 1, 1))},
     messages.ID_ISSUED_TOO_OLD.format(issued="01/01/1850"), "id_issued_on"),
    ("commune-unknown", {"person": _p(commune_code=99999)},
     messages.COMMUNE_UNKNOWN.format(code=99999), "commune_code"),
    ("crowd-10e12", {"crowd_size": 10**12},
     messages.CROWD_SIZE_MAX.format(value="1.000.000.000.000", limit="9.999"), "crowd_size"),
    ("pages-10e12", {"documents": (DocumentItem("Đơn", 10**12),)},
     messages.DOC_PAGES_MAX.format(name="Đơn", pages="1.000.000.000.000", limit="9.999"),
     "documents"),
    ("documents-many", {"documents": tuple(DocumentItem(f"Tài liệu {i}") for i in range(101))},
     messages.DOCUMENTS_MAX.format(limit=100, count=101), "documents"),
    # Hidden characters: refused in names, refused (controls, bidi) in free text.
    ("name-nul", {"person": _p(full_name="Đặng Văn\x00 Dũng")},
     messages.TEXT_HIDDEN_CHAR.format(field="Họ và tên", code="U+0000"), "full_name"),
    ("name-bidi", {"person": _p(full_name="Đặng \u202eVăn Dũng")},
     messages.TEXT_HIDDEN_CHAR.format(field="Họ và tên", code="U+202E"), "full_name"),
    ("name-zero-width", {"person": _p(full_name="Đặng Văn\u200b Dũng")},
     messages.TEXT_HIDDEN_CHAR.format(field="Họ và tên", code="U+200B"), "full_name"),
    ("name-escape", {"person": _p(full_name="\x1b[2JĐặng Văn Dũng")},
     messages.TEXT_HIDDEN_CHAR.format(field="Họ và tên", code="U+001B"), "full_name"),
    ("name-symbol", {"person": _p(full_name="Đặng Văn Dũng*")},
     messages.NAME_INVALID.format(name="Đặng Văn Dũng*"), "full_name"),
    ("address-bidi", {"person": _p(address="Số 5 \u202engõ 12")},
     messages.TEXT_HIDDEN_CHAR.format(field="Địa chỉ", code="U+202E"), "address"),
    ("summary-nul", {"parts": (part(summary="Kiến nghị\x00 cấp sổ"),)},
     messages.TEXT_HIDDEN_CHAR.format(field="Tóm tắt nội dung", code="U+0000"), "summary"),
    ("note-escape", {"note": "Ghi chú \x1b]0;title\x07"},
     messages.TEXT_HIDDEN_CHAR.format(field="Ghi chú", code="U+001B"), "note"),
    ("rep-bidi", {"crowd_size": 6, "representatives": (
        person("Lê Thị \u2066Hoa", dob=date(1975, 6, 1), sex=Sex.NU, serial=5),)},
     messages.REP_LABEL.format(index=2, message=messages.TEXT_HIDDEN_CHAR.format(
         field="Họ và tên", code="U+2066")), "representatives"),
    # Lengths.
    ("name-101", {"person": _p(full_name="Đặng " + "A" * 96)},
     messages.FIELD_TOO_LONG.format(field="Họ và tên", length="101", limit="100"), "full_name"),
    ("summary-10MB", {"parts": (part(summary="đất " * 2_500_000),)},
     messages.FIELD_TOO_LONG.format(field="Tóm tắt nội dung", length="9.999.999", limit="5.000"),
     "summary"),
    ("address-301", {"person": _p(address="x" * 301)},
     messages.FIELD_TOO_LONG.format(field="Địa chỉ", length="301", limit="300"), "address"),
    ("note-1001", {"note": "n" * 1001},
     messages.FIELD_TOO_LONG.format(field="Ghi chú", length="1.001", limit="1.000"), "note"),
    ("issue-place-151", {"person": _p(id_issued_place="C" * 151)},
     messages.FIELD_TOO_LONG.format(field="Nơi cấp giấy tờ", length="151", limit="150"),
     "id_issued_place"),
    ("document-name-301", {"documents": (DocumentItem("Đ" * 301),)},
     messages.FIELD_TOO_LONG.format(field="Tên tài liệu", length="301", limit="300"), "documents"),
]


@pytest.mark.parametrize(("changes", "expected", "field"),
                         [pytest.param(c, m, f, id=i) for i, c, m, f in CASES])
def test_refused_and_nothing_written(db, changes, expected, field):
    register(db, person("Nguyễn Thị Lan", dob=date(1985, 6, 1), sex=Sex.NU, serial=555))
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        register_visit(db, form(**changes), NOW)
    assert caught.value.message == expected
    assert caught.value.field == field
    assert snapshot(db) == before


def test_at_the_limits_is_accepted_and_zero_width_is_dropped_from_free_text(db):
    longest = "Kiến nghị " + "đo đạc lại thửa đất " * 249
    longest = longest[:limits.TEXT_LIMITS["summary"][0]].strip()
    reg = register(db, _p(full_name="Đặng Văn Dũng", address="Số 5\u200b ngõ 12"),
                   parts=(part(summary=longest),), crowd_size=limits.CROWD_MAX,
                   representatives=(person("Lê Thị Hoa", dob=date(1975, 6, 1), sex=Sex.NU,
                                           serial=5),),
                   documents=(DocumentItem("Đơn", limits.PAGES_MAX),),
                   note="Ghi\u00adchú\ufeff")
    summary, = db.execute("SELECT summary FROM petitions WHERE id = ?", reg.petition_ids).fetchone()
    assert summary == longest
    address, note = db.execute(
        "SELECT pe.address, v.note FROM visits v JOIN identity_snapshots pe"
        " ON pe.id = v.identity_id WHERE v.id = ?", [reg.visit_id]).fetchone()
    assert (address, note) == ("Số 5 ngõ 12", "Ghichú")


def test_birth_years_the_id_allows(db):
    """The 1900s and 2000s up to the visit's year are fine without a date of birth."""
    for serial, year in enumerate((1900, 1999, 2000, 2026), start=40):
        register(db, _p(id_number=cccd(year, serial=serial), date_of_birth=None))


# ---- the JSON intake ---------------------------------------------------------------------------

BASE = {"person": {"full_name": "Đặng Văn Dũng", "id_number": cccd(1990), "date_of_birth":
                   "1990-03-04", "sex": "Nam"},
        "petition_kind": "kien_nghi", "topic": "dat_dai", "summary": "Kiến nghị cấp sổ đỏ",
        "received_at": "2026-11-20T09:15:00"}


@pytest.mark.parametrize("value", ["no", "false", 0, 1, None, [], "có"])
def test_written_by_officer_takes_json_booleans_only(value):
    with pytest.raises(DeskError) as caught:
        form_from_json({**BASE, "written_by_officer": value})
    shown = json.dumps(value, ensure_ascii=False)
    assert caught.value.message == messages.INTAKE_FIELD_BOOL.format(field="written_by_officer",
                                                                     value=shown)


def test_written_by_officer_true_and_default():
    assert form_from_json({**BASE, "written_by_officer": True}).written_by_officer is True
    assert form_from_json(BASE).written_by_officer is False


@pytest.mark.parametrize(("text", "local"), [
    ("2026-11-20T02:15:00Z", datetime(2026, 11, 20, 9, 15)),
    ("2026-11-20T02:15:00+00:00", datetime(2026, 11, 20, 9, 15)),
    ("2026-11-20T09:15:00+07:00", datetime(2026, 11, 20, 9, 15)),
    ("2026-11-19T21:15:00-05:00", datetime(2026, 11, 20, 9, 15)),
    ("2026-11-20T09:15:00", datetime(2026, 11, 20, 9, 15)),
])
def test_received_at_with_an_offset_is_vietnam_time(text, local):
    assert form_from_json({**BASE, "received_at": text}).received_at == local


def test_issue_place_is_read_from_json(tmp_path):
    path = tmp_path / "visit.json"
    person = {**BASE["person"], "id_issued_on": "2021-04-01",
              "id_issued_place": "Cục Cảnh sát QLHC về TTXH"}
    path.write_text(json.dumps({**BASE, "person": person}, ensure_ascii=False), encoding="utf-8")
    [read] = read_intake_file(path)
    assert read.person.id_issued_place == "Cục Cảnh sát QLHC về TTXH"
    assert read.person.id_issued_on == date(2021, 4, 1)
    assert read.received_at == RECEIVED


def test_visible_never_passes_control_characters():
    assert visible("Đặng\x1b[31mVăn\u202eDũng\x00") == "Đặng<U+001B>[31mVăn<U+202E>Dũng<U+0000>"
    assert visible("Nguyễn Văn Dũng") == "Nguyễn Văn Dũng"


# ---- steps of a case and reveals obey the same limits ----------------------------------------


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"note": "n" * 2001}, messages.FIELD_TOO_LONG.format(field="Ghi chú", length="2.001",
                                                          limit="2.000")),
    ({"body": "UBND \u202ehuyện"}, messages.TEXT_HIDDEN_CHAR.format(field="Cơ quan, tổ chức",
                                                                    code="U+202E")),
])
def test_case_steps_obey_the_limits(db, kwargs, expected):
    from desk_app.core.cases.tracking import record_event

    reg = register(db)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        record_event(db, reg.case_ids[0], "transfer", occurred_on=date(2026, 11, 20),
                     officer_id=1, now=NOW, **{"body": "UBND huyện", **kwargs})
    assert caught.value.message == expected
    assert snapshot(db) == before


def test_reveal_reason_obeys_the_limit(db):
    from desk_app.core.reception.logbook import reveal_identity

    reg = register(db)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        reveal_identity(db, reg.petition_ids[0], 1, "r" * 501, now=NOW)
    assert caught.value.message == messages.FIELD_TOO_LONG.format(field="Lý do", length="501",
                                                                  limit="500")
    assert snapshot(db) == before
