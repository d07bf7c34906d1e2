"""A visit keeps the identity recorded that day: a later visit with the same ID
number but other details changes the person's current details (kept as history), never the
earlier lines, receipts or search hits. Also the upgrade of a 0006 database."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from desk_app import messages
from desk_app.core.documents.data import receipt_data
from desk_app.core.documents.register import print_receipt
from desk_app.core.model import PetitionKind, Sex
from desk_app.core.opening import open_db
from desk_app.core.reception.identity import person_history
from desk_app.core.reception.logbook import LogFilter, log_ids, log_rows
from desk_app.core.reception.people import find_person, identity_warnings
from desk_app.core.reception.records import petition_record
from desk_app.core.reception.search import search_ids
from tests.core.documents.conftest import raw_text
from tests.support import counts, part, person, register

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

DUNG = person("Đặng Văn Dũng", address="Số 5 ngõ 12 đường Kinh Dương Vương", phone="0912345678")
LATER = datetime(2026, 11, 20, 11, 0)


def _moved(**changes):
    values = {"full_name": "Đặng Văn Dũng", "address": "Số 9 ngõ 30 đường Lý Thái Tổ",
              "phone": "0987654321"}
    values.update(changes)
    name = values.pop("full_name")
    return person(name, **values)


# ---- the upgrade of a 0006 database ------------------------------------------------------------


@pytest.fixture
def upgraded(tmp_path):
    target = tmp_path / "data" / "desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_0006.sqlite3", target)
    db = open_db(target)
    yield db
    db.close()


def test_upgrade_from_0006_keeps_what_every_visit_showed(upgraded, monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")
    db = upgraded
    views = json.loads((FIXTURES / "schema_0006_views.json").read_text(encoding="utf-8"))
    backups = [p.name for p in (Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
                                .parent / "backups").glob("*.sqlite3")]
    # Named after the first pending step (0007_intake_idempotency comes before this one).
    assert len(backups) == 1 and backups[0].startswith("before-0007_intake_idempotency-")
    # one snapshot per person, holding the details every line showed until now
    assert counts(db)["identity_snapshots"] == counts(db)["persons"]
    assert db.execute("SELECT COUNT(*) FROM visits WHERE identity_id IS NULL").fetchone() == (0,)
    ids = list(log_ids(db))
    assert ids == views["log_ids"]
    assert [dataclasses.asdict(r) for r in log_rows(db, ids)] == [
        {**old, "cancelled": False, "corrected": False, "channel": "truc_tiep"}
        for old in views["log_rows"]]
    for pid, old in views["records"].items():
        new = dataclasses.asdict(petition_record(db, int(pid)))
        assert {k: new[k] for k in old} == {k: tuple(v) if isinstance(v, list) else v
                                           for k, v in old.items()}, pid
    for vid, old in views["receipts"].items():
        new = receipt_data(db, int(vid))
        assert {k: v for k, v in new["provider"].items() if k in old["provider"]} == old["provider"]
        assert new["petitions"] == old["petitions"]
    for query, hits in views["searches"].items():
        assert search_ids(db, query) == hits, query
    # The receipt printed by the release is reprinted as stored (no correction since).
    assert "Đặng Văn Dung" in raw_text(print_receipt(db, 1))


def test_upgraded_database_keeps_history_from_now_on(upgraded):
    db = upgraded
    before = [dataclasses.asdict(r) for r in log_rows(db, log_ids(db))]
    reg = register(db, person("Đặng Văn Dũng", dob=date(1990, 3, 4), serial=1234,
                              address="Thôn Đông Côi", phone=""),
                   received_at=datetime(2026, 11, 20, 9, 0))
    rows = log_rows(db, log_ids(db))
    assert [dataclasses.asdict(r) for r in rows[1:]] == before
    assert rows[0].petition_id == reg.petition_ids[0]
    assert rows[0].address.startswith("Thôn Đông Côi")
    history = person_history(db, reg.person_id)
    assert [(c.field, c.old, c.new, c.source) for c in history] == [
        ("Địa chỉ", "Số 9 ngõ 30 đường Lý Thái Tổ", "Thôn Đông Côi", f"Lượt tiếp số {reg.visit_id}")]


# ---- a fresh office ----------------------------------------------------------------------------


def test_later_visit_with_new_details_leaves_earlier_line_alone(db, monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")
    first = register(db, DUNG)
    line_before = log_rows(db, first.petition_ids)[0]
    record_before = petition_record(db, first.petition_ids[0])
    receipt_before = receipt_data(db, first.visit_id)
    second = register(db, _moved(full_name="Đặng Văn Dũng Em"), received_at=LATER,
                      parts=(part(PetitionKind.KHIEU_NAI, "dat_dai", "Khiếu nại thu hồi đất"),))
    assert second.person_id == first.person_id
    assert log_rows(db, first.petition_ids)[0] == line_before
    assert petition_record(db, first.petition_ids[0]).person_name == record_before.person_name
    assert receipt_data(db, first.visit_id)["provider"] == receipt_before["provider"]
    assert "Số 5 ngõ 12" in raw_text(print_receipt(db, first.visit_id))
    new_line = log_rows(db, second.petition_ids)[0]
    assert (new_line.person_name, new_line.address.split(",")[0]) == (
        "Đặng Văn Dũng Em", "Số 9 ngõ 30 đường Lý Thái Tổ")
    assert search_ids(db, "kinh duong vuong") == list(first.petition_ids)
    assert search_ids(db, "dung em") == list(second.petition_ids)
    # The current details are the new ones; the change is kept: who, when, old → new, where.
    known = find_person(db, DUNG.id_number)
    assert (known.full_name, known.phone) == ("Đặng Văn Dũng Em", "0987654321")
    history = person_history(db, first.person_id)
    assert [(c.field, c.old, c.new) for c in history] == [
        ("Họ và tên", "Đặng Văn Dũng", "Đặng Văn Dũng Em"),
        ("Điện thoại", "0912345678", "0987654321"),
        ("Địa chỉ", "Số 5 ngõ 12 đường Kinh Dương Vương", "Số 9 ngõ 30 đường Lý Thái Tổ")]
    assert {(c.officer, c.changed_at, c.source) for c in history} == {
        ("Nguyễn Thị Hồng Nhung", "2026-11-20T15:00:00", f"Lượt tiếp số {second.visit_id}")}
    # The record window of the earlier line shows how the person's details read today.
    record = petition_record(db, first.petition_ids[0])
    assert ("Họ và tên", "Đặng Văn Dũng Em") in record.current_details
    assert len(record.person_changes) == 3


def test_same_details_store_no_new_snapshot(db):
    register(db, DUNG)
    register(db, DUNG, received_at=LATER)
    register(db, person("Đặng Văn Dũng", phone="", address=""), received_at=LATER)  # blanks keep
    assert counts(db)["identity_snapshots"] == 1
    assert counts(db)["person_changes"] == 0
    assert db.execute("SELECT version FROM persons").fetchone() == (1,)


def test_representatives_keep_their_recorded_identity(db):
    rep = person("Vũ Đình Quết", dob=date(1979, 9, 9), serial=4242, address="Thôn Bồng Lai")
    crowd = register(db, person("Đỗ Thị Yến", dob=date(1981, 1, 1), sex=Sex.NU, serial=17),
                     crowd_size=6, representatives=(rep,))
    register(db, person("Đỗ Thị Mai", dob=date(1985, 1, 1), sex=Sex.NU, serial=18), crowd_size=5,
             representatives=(person("Vũ Đình Quyết", dob=date(1979, 9, 9), serial=4242,
                                     address="Thôn Bồng Lai"),), received_at=LATER)
    record = petition_record(db, crowd.petition_ids[0])
    assert record.representatives == (f"Vũ Đình Quết ({rep.id_number})",)
    rep_id = db.execute("SELECT id FROM persons WHERE id_number = ?", [rep.id_number]).fetchone()[0]
    assert [(c.field, c.old, c.new) for c in person_history(db, rep_id)] == [
        ("Họ và tên", "Vũ Đình Quết", "Vũ Đình Quyết")]


def test_log_sorts_by_the_recorded_name(db):
    a = register(db, person("Bùi Văn An", dob=date(1980, 1, 1), serial=1))
    c = register(db, person("Cao Văn Cường", dob=date(1981, 1, 1), serial=2))
    register(db, person("Vương Văn An", dob=date(1980, 1, 1), serial=1), received_at=LATER)
    names = [r.person_name for r in log_rows(db, log_ids(db, LogFilter(sort="name",
                                                                       descending=False)))]
    assert names == ["Bùi Văn An", "Cao Văn Cường", "Vương Văn An"]
    assert find_person(db, "027080000001").person_id == a.person_id != c.person_id


def test_name_differs_warning(db):
    register(db, DUNG)
    rep = person("Lê Thị Hoa", dob=date(1975, 6, 1), sex=Sex.NU, serial=555)
    register(db, rep, received_at=LATER)
    assert identity_warnings(db, [("Đặng Văn Dũng", "cccd", DUNG.id_number)]) == []
    assert identity_warnings(db, [("  Đặng  Văn Dũng ", "cccd", DUNG.id_number)]) == []
    assert identity_warnings(db, [("Đặng Văn Dung", "cccd", DUNG.id_number),
                                  ("Lê Thị Hoà", "cccd", rep.id_number),
                                  ("Ai Đó", "cccd", "001099000001")]) == [
        messages.IDENTITY_NAME_DIFFERS.format(id_number=DUNG.id_number, saved="Đặng Văn Dũng"),
        messages.IDENTITY_REP_NAME_DIFFERS.format(index=2, message=messages.IDENTITY_NAME_DIFFERS
                                                  .format(id_number=rep.id_number,
                                                          saved="Lê Thị Hoa"))]
    assert identity_warnings(db, [("Đặng Văn Dung", "ho_chieu", DUNG.id_number)]) == []


def test_issue_place_is_recorded_and_printed(db):
    reg = register(db, person("Đặng Văn Dũng", id_issued_on=date(2021, 4, 1),
                              id_issued_place="Cục Cảnh sát quản lý hành chính về trật tự xã hội"))
    provider = receipt_data(db, reg.visit_id)["provider"]
    assert provider["id_issued_place"] == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    assert provider["id_issued_on"] == "2021-04-01"
    assert find_person(db, DUNG.id_number).id_issued_place == provider["id_issued_place"]
    assert petition_record(db, reg.petition_ids[0]).id_issued_place == provider["id_issued_place"]
