"""Rows are read by column name: a record read back with every field distinct shows each value
in its own field (a SELECT read by position would shift them when a column moves)."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import date, datetime

import pytest

from desk_app.core import catalog
from desk_app.core.cases.view import case_detail, case_rows
from desk_app.core.model import (
    DocCopy,
    DocumentItem,
    Outcome,
    PetitionKind,
    PetitionPart,
    ReceptionKind,
    Sex,
)
from desk_app.core.reception.people import find_person
from desk_app.core.reception.records import petition_record
from desk_app.core.storage import rows
from desk_app.core.storage.office import get_office, officers
from tests.support import cccd, form, person

WHEN = datetime(2026, 11, 18, 10, 40)
NOW = datetime(2026, 11, 20, 15, 0)


def test_rows_are_dicts_by_column_name_on_any_connection(db, tmp_path):
    assert rows.one(db, "SELECT 1 AS a, 'x' AS b") == {"a": 1, "b": "x"}
    assert rows.one(db, "SELECT 1 WHERE 0") is None
    assert list(rows.every(db, "SELECT value AS v FROM json_each('[3, 4]')")) == [{"v": 3},
                                                                                 {"v": 4}]
    record = rows.records(db, "SELECT 5 AS id, 'b' AS name")[0]
    assert (record["id"], record["name"], record[0], tuple(record)) == (5, "b", 5, (5, "b"))
    plain = sqlite3.connect(tmp_path / "plain.sqlite3")  # the CLI's read-only connection kind
    assert rows.one(plain, "SELECT 2 AS two") == {"two": 2}
    plain.close()


def test_a_column_name_twice_is_refused_not_silently_dropped(db):
    with pytest.raises(ValueError, match="appears twice"):
        rows.one(db, "SELECT 1 AS id, 2 AS id")
    with pytest.raises(ValueError, match="appears twice"):
        list(rows.every(db, "SELECT 1 AS id, 2 AS id"))


def _distinct_visit(db):
    """A guided visit whose every recorded value differs from every other."""
    who = person("Trần Thị Bích Ngọc", dob=date(1984, 7, 9), sex=Sex.NU, serial=5678,
                  phone="0987654321", address="Thôn Đông, xóm 4", commune_code=9253,
                  old_address="Xóm 4, xã Cũ, huyện Cũ", id_issued_on=date(2021, 5, 6),
                  id_issued_place="Cục Cảnh sát QLHC về TTXH")
    from desk_app.core.reception.intake import register_visit

    done = register_visit(db, form(
        who, received_at=WHEN, reception_kind=ReceptionKind.DOT_XUAT, officer_id=2,
        parts=(PetitionPart(PetitionKind.PHAN_ANH, "moi_truong", "Khói bụi từ xưởng gỗ"),),
        prior_handlers="Tổ dân phố số 3", outcome=Outcome.GUIDED,
        outcome_body="Ủy ban nhân dân huyện Cũ", outcome_doc_no="17/HD-UBND",
        note="Đến lần đầu",
        documents=(DocumentItem("Ảnh chụp hiện trường", 6, "Rõ nét", DocCopy.CERTIFIED),)), NOW)
    return who, done


def test_a_record_reads_every_field_from_its_own_column(db):
    who, done = _distinct_visit(db)
    r = petition_record(db, done.petition_ids[0])
    commune = catalog.commune_label(9253)
    expected = {
        "petition_id": done.petition_ids[0], "log_label": f"Số 1/{WHEN.year}",
        "received_at": WHEN.isoformat(timespec="seconds"),
        "reception_kind": catalog.RECEPTION_KIND_LABELS[ReceptionKind.DOT_XUAT],
        "officer": "Lê Văn Dũng", "person_name": "Trần Thị Bích Ngọc",
        "id_number": who.id_number, "date_of_birth": "1984-07-09", "sex": "Nữ",
        "phone": "0987654321", "address": f"Thôn Đông, xóm 4, {commune}",
        "old_address": "Xóm 4, xã Cũ, huyện Cũ", "crowd_size": 1, "representatives": (),
        "kind": "Phản ánh", "topic": catalog.topic_name("moi_truong"),
        "summary": "Khói bụi từ xưởng gỗ", "prior_handlers": "Tổ dân phố số 3",
        "outcome": catalog.OUTCOME_LABELS[Outcome.GUIDED],
        "outcome_body": "Ủy ban nhân dân huyện Cũ (17/HD-UBND)", "refusal_reason": "",
        "note": "Đến lần đầu",
        "documents": ("Ảnh chụp hiện trường — 6 trang, bản sao có chứng thực, Rõ nét",),
        "receipt_no": "01/GBN-TCD", "masked": False, "visit_id": done.visit_id,
        "person_id": done.person_id, "id_issued_on": "2021-05-06",
        "id_issued_place": "Cục Cảnh sát QLHC về TTXH", "cancelled": "",
    }
    got = asdict(r)
    assert {k: got[k] for k in expected} == expected


def test_a_known_person_and_their_visits_by_name(db):
    who, done = _distinct_visit(db)
    known = find_person(db, who.id_number)
    assert known is not None
    assert (known.person_id, known.full_name, known.id_number, known.date_of_birth, known.sex,
            known.phone, known.address, known.commune_code, known.id_issued_on,
            known.id_issued_place) == (
        done.person_id, "Trần Thị Bích Ngọc", who.id_number, "1984-07-09", "Nữ", "0987654321",
        "Thôn Đông, xóm 4", 9253, "2021-05-06", "Cục Cảnh sát QLHC về TTXH")
    (visit,) = known.visits
    assert asdict(visit) == {"visit_id": done.visit_id,
                             "received_at": WHEN.isoformat(timespec="seconds"),
                             "petition_kind": "phan_anh", "summary": "Khói bụi từ xưởng gỗ",
                             "outcome": "guided"}


def test_a_case_and_its_list_row_by_name(db):
    from desk_app.core.reception.intake import register_visit

    who = person("Phạm Quang Huy", dob=date(1979, 2, 3), serial=4321, phone="0911222333",
                 address="Số 9 đường Lý Thái Tổ", commune_code=9253)
    done = register_visit(db, form(who, received_at=WHEN, parts=(
        PetitionPart(PetitionKind.KHIEU_NAI, "dat_dai", "Khiếu nại quyết định thu hồi đất"),)),
        NOW)
    case_id = done.case_ids[0]
    d = case_detail(db, case_id, date(2026, 11, 20))
    assert (d.id, d.kind, d.title, d.status, d.opened_on, d.closed_on, d.complexity,
            d.instance, d.merged_into, d.person_name, d.person_id_number, d.person_phone,
            d.assignee) == (
        case_id, "khieu_nai", "Khiếu nại quyết định thu hồi đất", "received", "2026-11-18",
        None, 0, 1, None, "Phạm Quang Huy", who.id_number, "0911222333", "")
    assert d.person_address == f"Số 9 đường Lý Thái Tổ, {catalog.commune_label(9253)}"
    assert len(d.uuid) == 36 and d.topic == catalog.topic_name("dat_dai")
    (p,) = d.petitions
    assert asdict(p) == {"id": done.petition_ids[0], "log_label": f"1/{WHEN.year}",
                         "received_at": WHEN.isoformat(timespec="seconds"), "kind": "khieu_nai",
                         "summary": "Khiếu nại quyết định thu hồi đất",
                         "visit_id": done.visit_id}
    (row,) = case_rows(db, [case_id])
    assert asdict(row) == {"id": case_id, "opened_on": "2026-11-18",
                           "person_name": "Phạm Quang Huy", "kind": "khieu_nai",
                           "title": "Khiếu nại quyết định thu hồi đất", "status": "received",
                           "due_on": d.due_on, "due_key": row.due_key, "flags": 0,
                           "masked": False}
    assert row.due_on  # a complaint has a due date from the day it is received


def test_the_office_and_officers_by_name(db):
    office = get_office(db)
    assert office is not None
    assert (office.office_code, office.province_code, office.commune_code,
            office.remote_area) == ("24-09253", 24, 9253, False)
    assert office.name.startswith("Ủy ban nhân dân") and office.parent_name != office.name
    assert office.province_name and office.commune_name and office.place_name
    assert [(o.id, o.full_name, o.position, o.active) for o in officers(db)] == [
        (1, "Nguyễn Thị Hồng Nhung", "Công chức", True), (2, "Lê Văn Dũng", "Chủ tịch", True)]


def test_cccd_helper_makes_distinct_numbers():
    # the records above rely on the two people's numbers differing
    assert cccd(1984, Sex.NU, serial=5678) != cccd(1979, Sex.NAM, serial=4321)
