"""Intake validation: every refusal is a DeskError with its Vietnamese sentence and writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.model import (
    DocumentItem,
    IdKind,
    Outcome,
    PetitionKind,
    Sex,
)
from desk_app.core.reception import intake, search_index
from desk_app.core.reception.intake import FUTURE_SLACK, register_visit
from tests.support import NOW, RECEIVED, cccd, counts, form, part, person, register, snapshot

GOOD_ID = cccd(1990, Sex.NAM)
REASON = catalog.refusal_reasons()[0].code


def _p(**changes):
    return replace(person(), **changes)


# (case id, form changes, expected message, field the message belongs to)
CASES = [
    ("name-missing", {"person": _p(full_name="   ")}, messages.NAME_REQUIRED, "full_name"),
    ("name-digits", {"person": _p(full_name="Nguyễn Văn 3")},
     messages.NAME_INVALID.format(name="Nguyễn Văn 3"), "full_name"),
    ("id-missing", {"person": _p(id_number="  ")}, messages.ID_REQUIRED, "id_number"),
    ("id-short", {"person": _p(id_number=GOOD_ID[:-1])},
     messages.ID_DIGITS.format(count=11), "id_number"),
    ("id-long", {"person": _p(id_number=GOOD_ID + "5")},
     messages.ID_DIGITS.format(count=13), "id_number"),
    ("id-letters", {"person": _p(id_number=GOOD_ID[:-1] + "A")},
     messages.ID_DIGITS.format(count=12), "id_number"),
    ("id-province", {"person": _p(id_number="003" + GOOD_ID[3:])},
     messages.ID_PROVINCE.format(code="003"), "id_number"),
    ("id-year", {"person": _p(date_of_birth=date(1991, 3, 4))},
     messages.ID_CENTURY_YEAR.format(id_year=1990, dob_year=1991), "id_number"),
    ("id-century", {"person": _p(id_number=GOOD_ID[:3] + "2" + GOOD_ID[4:])},
     messages.ID_CENTURY_YEAR.format(id_year=2090, dob_year=1990), "id_number"),
    ("id-sex", {"person": _p(sex=Sex.NU)},
     messages.ID_SEX.format(id_sex=Sex.NAM.value, sex=Sex.NU.value), "sex"),
    ("cmnd-digits", {"person": _p(id_kind=IdKind.CMND, id_number="12345678")},
     messages.ID_CMND_DIGITS, "id_number"),
    ("cmnd-unicode-digits", {"person": _p(id_kind=IdKind.CMND, id_number="12345678²")},
     messages.ID_CMND_DIGITS, "id_number"),
    ("id-unicode-digit", {"person": _p(id_number=GOOD_ID[:3] + "²" + GOOD_ID[4:])},
     messages.ID_DIGITS.format(count=12), "id_number"),
    ("dob-future", {"person": _p(id_kind=IdKind.HO_CHIEU, id_number="C1234567",
                                 date_of_birth=RECEIVED.date() + timedelta(days=1))},
     messages.DOB_FUTURE.format(dob=(RECEIVED.date() + timedelta(days=1)).strftime("%d/%m/%Y")),
     "date_of_birth"),
    ("phone", {"person": _p(phone="12345")}, messages.PHONE_INVALID.format(phone="12345"), "phone"),
    ("received-future", {"received_at": NOW + FUTURE_SLACK + timedelta(minutes=1)},
     messages.RECEIVED_AT_FUTURE.format(
         when=(NOW + FUTURE_SLACK + timedelta(minutes=1)).strftime("%H:%M %d/%m/%Y")),
     "received_at"),
    ("received-too-old", {"received_at": intake.EARLIEST - timedelta(days=1)},
     messages.RECEIVED_AT_OLD.format(
         when=(intake.EARLIEST - timedelta(days=1)).strftime("%d/%m/%Y")), "received_at"),
    ("no-parts", {"parts": ()}, messages.PARTS_REQUIRED, "summary"),
    ("topic-unknown", {"parts": (part(topic="khong_co"),)},
     messages.TOPIC_UNKNOWN.format(value="khong_co"), "topic"),
    ("summary-empty", {"parts": (part(summary=" \t "),)}, messages.SUMMARY_REQUIRED, "summary"),
    ("same-kind-twice", {"parts": (part(), part(summary="Kiến nghị sửa đường"))},
     messages.PARTS_SAME_KIND.format(kind=catalog.PETITION_KIND_LABELS[PetitionKind.KIEN_NGHI]),
     "petition_kind"),
    ("refused-no-reason", {"outcome": Outcome.REFUSED}, messages.REFUSAL_REASON_REQUIRED,
     "refusal_reason"),
    ("refused-unknown-reason", {"outcome": Outcome.REFUSED, "refusal_reason": "khong_co"},
     messages.REFUSAL_REASON_UNKNOWN.format(value="khong_co"), "refusal_reason"),
    ("reason-without-refusal", {"refusal_reason": REASON}, messages.REFUSAL_REASON_UNEXPECTED,
     "refusal_reason"),
    ("guided-no-body", {"outcome": Outcome.GUIDED, "outcome_body": "  "},
     messages.OUTCOME_BODY_REQUIRED.format(action="hướng dẫn đến"), "outcome_body"),
    ("transferred-no-body", {"outcome": Outcome.TRANSFERRED},
     messages.OUTCOME_BODY_REQUIRED.format(action="chuyển đơn đến"), "outcome_body"),
    ("document-no-name", {"documents": (DocumentItem("Đơn", 1), DocumentItem("  ", 1))},
     messages.DOC_NAME_REQUIRED.format(index=2), "documents"),
    ("document-zero-pages", {"documents": (DocumentItem("Sổ đỏ", 0),)},
     messages.DOC_PAGES.format(name="Sổ đỏ", pages=0), "documents"),
    ("officer-unknown", {"officer_id": 999}, messages.OFFICER_UNKNOWN.format(value=999), "officer"),
    ("crowd-size-zero", {"crowd_size": 0}, messages.CROWD_SIZE.format(value=0), "crowd_size"),
    ("reps-without-crowd", {"crowd_size": 3, "representatives": (person("Lê Thị Hoa", sex=Sex.NU,
                                                                         serial=77),)},
     messages.REPS_WITHOUT_CROWD.format(size=3), "representatives"),
    ("crowd-too-many-reps", {"crowd_size": 8, "representatives": tuple(
        person(f"Lê Văn {n}", serial=100 + i) for i, n in enumerate(("An", "Bình")))},
     messages.CROWD_REPS_5_10.format(size=8, reps=3), "representatives"),
    ("representative-bad-id", {"crowd_size": 6, "representatives": (_p(id_number="123"),)},
     messages.REP_LABEL.format(index=2, message=messages.ID_DIGITS.format(count=3)),
     "representatives"),
]


@pytest.fixture
def seeded(db):
    """A database that already holds one visit, so 'untouched' is checked against real content."""
    register(db, person("Nguyễn Thị Lan", dob=date(1985, 6, 1), sex=Sex.NU, serial=555))
    return db


@pytest.mark.parametrize(("changes", "expected", "field"),
                         [pytest.param(c, m, f, id=i) for i, c, m, f in CASES])
def test_invalid_form_is_refused_and_nothing_is_written(seeded, changes, expected, field):
    before = snapshot(seeded)
    assert before["visits"][0] == 1 and before["search_fts_data"][0] and before["search_vocab"][0]
    with pytest.raises(DeskError) as caught:
        register_visit(seeded, form(**changes), NOW)
    assert caught.value.message == expected
    assert str(caught.value) == expected
    assert caught.value.field == field
    assert snapshot(seeded) == before


def test_the_unchanged_form_is_accepted(seeded):
    """Guards the table above: each case fails only because of the change it makes."""
    before = counts(seeded)
    registered = register(seeded)
    after = counts(seeded)
    assert after["visits"] == before["visits"] + 1
    assert after["petitions"] == before["petitions"] + 1
    assert registered.receipt_no


def test_received_just_inside_the_clock_slack_is_accepted(db):
    when = NOW + FUTURE_SLACK - timedelta(minutes=1)
    registered = register(db, received_at=when)
    stored = db.execute("SELECT received_at FROM visits WHERE id = ?", [registered.visit_id])
    assert stored.fetchone()[0] == when.isoformat()


def test_failure_while_writing_rolls_back_everything(seeded, monkeypatch):
    """A crash after the rows were inserted (here: indexing) must not leave half a visit."""
    before = snapshot(seeded)

    def broken(db, ids):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_index, "index_petitions", broken)
    with pytest.raises(RuntimeError):
        register(seeded, person("Phạm Văn Toàn", dob=date(1970, 1, 1), serial=9),
                 parts=(part(), part(PetitionKind.KHIEU_NAI, "boi_thuong_gpmb", "Khiếu nại giá")))
    assert snapshot(seeded) == before
