"""Correcting a saved entry and cancelling one made in error: the old value, who,
when and why are kept and shown; a cancelled entry keeps its number; reprints say so."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases.links import attach_petition
from desk_app.core.cases.tracking import case_events, record_event
from desk_app.core.documents.data import receipt_data
from desk_app.core.documents.register import issue_refusal, print_receipt
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, Sex
from desk_app.core.reception.corrections import cancel_visit, correct_entry, correctable_fields
from desk_app.core.reception.identity import person_history
from desk_app.core.reception.logbook import log_ids, log_rows
from desk_app.core.reception.people import find_person
from desk_app.core.reception.records import petition_record
from desk_app.core.reception.search import search_ids
from desk_app.core.text import collation_key
from tests.core.documents.conftest import flat, raw_text
from tests.support import NOW, part, person, register, snapshot

LATER = datetime(2026, 11, 21, 9, 30)  # the correction is made the next morning
REASON = "Ghi nhầm khi tiếp"


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


def refused(db, call, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.message == message
    assert snapshot(db) == before


def test_correct_summary_keeps_old_value_and_says_so(db):
    reg = register(db)
    pid, case_id = reg.petition_ids[0], reg.case_ids[0]
    correct_entry(db, reg.visit_id, "summary", "Kiến nghị cấp giấy chứng nhận thửa đất số 48",
                  REASON, officer_id=2, now=LATER)
    row = log_rows(db, [pid])[0]
    assert row.summary == "Kiến nghị cấp giấy chứng nhận thửa đất số 48"
    assert row.corrected and not row.cancelled
    assert row.note == messages.LOG_CORRECTED_NOTE.format(day="21/11/2026")
    record = petition_record(db, pid)
    [c] = record.corrections
    assert (c.corrected_at, c.officer, c.target, c.field, c.old, c.new, c.reason) == (
        "2026-11-21T09:30:00", "Lê Văn Dũng", "Đơn số 1/2026", "Tóm tắt nội dung",
        "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Kiến nghị cấp giấy chứng nhận thửa đất số 48", REASON)
    # The case opened from this petition follows, and its timeline says why.
    assert db.execute("SELECT title FROM cases WHERE id = ?", [case_id]).fetchone() == (
        "Kiến nghị cấp giấy chứng nhận thửa đất số 48",)
    assert case_events(db, case_id)[-1].note == messages.CORRECTION_NOTE.format(
        field="tóm tắt nội dung", log="1/2026", reason=REASON)
    assert search_ids(db, "thua dat so 48") == [pid]
    assert search_ids(db, "quyen su dung") == []


@pytest.mark.parametrize(("key", "value", "reason", "message"), [
    ("summary", "Nội dung mới", "  ", messages.CORRECTION_REASON_REQUIRED),
    ("summary", "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất", REASON,
     messages.CORRECTION_SAME_VALUE.format(field="Tóm tắt nội dung")),
    ("summary", "   ", REASON, messages.SUMMARY_REQUIRED),
    ("summary", "x" * 5001, REASON, messages.FIELD_TOO_LONG.format(
        field="Tóm tắt nội dung", length="5.001", limit="5.000")),
    ("summary", "Nội dung\x1b[31m đỏ", REASON, messages.TEXT_HIDDEN_CHAR.format(
        field="Tóm tắt nội dung", code="U+001B")),
    ("received_at", "2026-11-19T09:00", REASON, None),
    ("phone", "12345", REASON, messages.PHONE_INVALID.format(phone="12345")),
    ("date_of_birth", "1850-01-01", REASON, messages.ID_CENTURY_YEAR.format(id_year=1990,
                                                                           dob_year=1850)),
    ("date_of_birth", "31/02/1990", REASON, messages.CORRECTION_VALUE_INVALID.format(
        value="31/02/1990", field="Ngày sinh", why=messages.CORRECTION_DATE_FORMAT)),
    ("commune_code", "99999", REASON, messages.COMMUNE_UNKNOWN.format(code=99999)),
    ("full_name", "Đặng\u202eVăn Dũng", REASON, messages.TEXT_HIDDEN_CHAR.format(
        field="Họ và tên", code="U+202E")),
    ("kind", "khieu", REASON, messages.CORRECTION_VALUE_INVALID.format(
        value="khieu", field="Loại đơn", why=messages.CORRECTION_CHOICES.format(
            choices="khieu_nai, to_cao, kien_nghi, phan_anh"))),
    ("outcome_body", "UBND xã", REASON, messages.CORRECTION_OUTCOME_BODY_UNUSED.format(
        outcome=catalog.OUTCOME_LABELS[Outcome.ACCEPTED])),
    ("rep2.full_name", "Lê Thị Hoa", REASON, messages.CORRECTION_REP_MISSING.format(
        visit=1, index=2)),
])
def test_refused_corrections_change_nothing(db, key, value, reason, message):
    reg = register(db)
    if message is None:
        from desk_app.core.reception.correctable import _unknown

        message = _unknown(key).message
    refused(db, lambda: correct_entry(db, reg.visit_id, key, value, reason, officer_id=1,
                                      now=LATER), message)


def test_correct_name_of_the_latest_visit_fixes_the_current_details(db):
    first = register(db, person("Đặng Văn Dung"))
    second = register(db, person("Đặng Văn Dung"), received_at=datetime(2026, 11, 20, 11, 0))
    correct_entry(db, second.visit_id, "full_name", "Đặng Văn Dũng", "Sai dấu", officer_id=1,
                  now=LATER)
    assert log_rows(db, second.petition_ids)[0].person_name == "Đặng Văn Dũng"
    assert log_rows(db, first.petition_ids)[0].person_name == "Đặng Văn Dung"  # its own record
    assert find_person(db, person().id_number).full_name == "Đặng Văn Dũng"
    [change] = person_history(db, first.person_id)
    assert (change.field, change.old, change.new, change.source, change.officer) == (
        "Họ và tên", "Đặng Văn Dung", "Đặng Văn Dũng", "Đính chính: Sai dấu",
        "Nguyễn Thị Hồng Nhung")


def test_correcting_an_older_visit_leaves_the_current_details(db):
    first = register(db, person("Đặng Văn Dũng", address="Thôn Cũ"))
    register(db, person("Đặng Văn Dũng", address="Thôn Mới"), received_at=datetime(2026, 11, 20, 11, 0))
    correct_entry(db, first.visit_id, "address", "Thôn Cũ, xóm 2", REASON, officer_id=1, now=LATER)
    assert log_rows(db, first.petition_ids)[0].address.startswith("Thôn Cũ, xóm 2")
    assert find_person(db, person().id_number).address == "Thôn Mới"
    assert [c.source for c in person_history(db, first.person_id)] == [
        f"Lượt tiếp số {first.visit_id + 1}"]


def test_id_number_of_another_person_is_refused(db):
    other = register(db, person("Lê Thị Hoa", dob=date(1975, 6, 1), sex=Sex.NU, serial=555))
    reg = register(db, person("Lê Thị Hoa", dob=date(1975, 6, 1), sex=Sex.NU, serial=556),
                   received_at=datetime(2026, 11, 20, 11, 0))
    number = db.execute("SELECT id_number FROM persons WHERE id = ?", [other.person_id]).fetchone()[0]
    refused(db, lambda: correct_entry(db, reg.visit_id, "id_number", number, REASON, officer_id=1,
                                      now=LATER),
            messages.CORRECTION_ID_TAKEN.format(id_number=number, name="Lê Thị Hoa"))


def test_correct_kind_recomputes_the_case(db):
    reg = register(db)
    case_id = reg.case_ids[0]
    before = db.execute("SELECT kind, due_key FROM cases WHERE id = ?", [case_id]).fetchone()
    correct_entry(db, reg.visit_id, "kind", "khieu_nai", "Đơn là khiếu nại", officer_id=1, now=LATER)
    kind, due_key = db.execute("SELECT kind, due_key FROM cases WHERE id = ?", [case_id]).fetchone()
    assert (kind, before[0]) == ("khieu_nai", "kien_nghi")
    # A complaint must be accepted within 7 working days: that milestone now comes first.
    assert (before[1], due_key) == ("answer_visitor", "complaint_acceptance")
    assert log_rows(db, reg.petition_ids)[0].petition_kind == "khieu_nai"


def test_kind_of_a_handled_case_is_refused(db):
    reg = register(db)
    record_event(db, reg.case_ids[0], "accept", occurred_on=date(2026, 11, 20), officer_id=1, now=NOW)
    refused(db, lambda: correct_entry(db, reg.visit_id, "kind", "phan_anh", REASON, officer_id=1,
                                      now=LATER),
            messages.CORRECTION_KIND_HANDLED.format(case=reg.case_ids[0], step="Thụ lý giải quyết"))


def test_kind_correction_moves_denunciation_protection(db):
    reg = register(db, parts=(part(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị đo lại thửa đất"),
                              part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh khói bụi")))
    correct_entry(db, reg.visit_id, "kind", "to_cao", "Là tố cáo", officer_id=1,
                  petition_id=reg.petition_ids[1], now=LATER)
    rows = log_rows(db, reg.petition_ids)
    assert all(r.masked for r in rows)
    assert search_ids(db, "dang van dung") == []
    correct_entry(db, reg.visit_id, "kind", "phan_anh", "Nhầm lần trước", officer_id=1,
                  petition_id=reg.petition_ids[1], now=LATER)
    assert not any(r.masked for r in log_rows(db, reg.petition_ids))
    keys = db.execute("SELECT name_sort FROM petition_log_keys ORDER BY petition_id").fetchall()
    assert keys == [(collation_key("Đặng Văn Dũng"),)] * 2


def test_several_petitions_need_one_chosen(db):
    reg = register(db, parts=(part(), part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh bụi")))
    ids = ", ".join(map(str, reg.petition_ids))
    refused(db, lambda: correct_entry(db, reg.visit_id, "topic", "moi_truong", REASON,
                                      officer_id=1, now=LATER),
            messages.CORRECTION_PETITION_REQUIRED.format(visit=reg.visit_id, count=2, ids=ids))
    refused(db, lambda: correct_entry(db, reg.visit_id, "kind", "phan_anh", REASON, officer_id=1,
                                      petition_id=reg.petition_ids[0], now=LATER),
            messages.PARTS_SAME_KIND.format(kind="Phản ánh"))


def test_representative_correction(db):
    rep = person("Vũ Đình Quết", dob=date(1979, 9, 9), serial=4242)
    reg = register(db, person("Đỗ Thị Yến", dob=date(1981, 1, 1), sex=Sex.NU, serial=17),
                   crowd_size=6, representatives=(rep,))
    correct_entry(db, reg.visit_id, "rep2.full_name", "Vũ Đình Quyết", REASON, officer_id=1,
                  now=LATER)
    record = petition_record(db, reg.petition_ids[0])
    assert record.representatives == (f"Vũ Đình Quyết ({rep.id_number})",)
    assert record.corrections[0].target == "Người đại diện thứ 2"
    assert search_ids(db, "vu dinh quyet") == list(reg.petition_ids)


def test_outcome_body_follows_into_the_case_step(db):
    reg = register(db, outcome=Outcome.TRANSFERRED, outcome_body="UBND huyện", outcome_doc_no="12/UBND")
    correct_entry(db, reg.visit_id, "outcome_body", "Sở Tài nguyên và Môi trường", REASON,
                  officer_id=1, now=LATER)
    assert log_rows(db, reg.petition_ids)[0].transferred_to == "Sở Tài nguyên và Môi trường (12/UBND)"
    transfer = [e for e in case_events(db, reg.case_ids[0]) if e.action == "transfer"]
    assert [e.body for e in transfer] == ["Sở Tài nguyên và Môi trường"]


def test_correctable_fields_list_current_values(db):
    reg = register(db, person(id_issued_on=date(2021, 4, 1)))
    fields = {f.key: f for f in correctable_fields(db, reg.visit_id)}
    assert not fields["id_issued_on"].masked
    assert fields["id_issued_on"].value == "2021-04-01" and fields["id_issued_on"].shown == "01/04/2021"
    assert fields["topic"].choices and fields["summary"].multiline
    assert "outcome_body" not in fields
    assert fields["commune_code"].value == ""


def test_denunciation_corrections_hide_identity_values(db):
    reg = register(db, parts=(part(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),))
    correct_entry(db, reg.visit_id, "address", "Thôn Mới", REASON, officer_id=1, now=LATER)
    masked = petition_record(db, reg.petition_ids[0])
    assert (masked.corrections[0].old, masked.corrections[0].new) == (messages.MASKED_VALUE,) * 2
    assert masked.person_changes == () and masked.current_details == ()
    shown = petition_record(db, reg.petition_ids[0], reveal=True)
    assert shown.corrections[0].new == "Thôn Mới"
    hidden = {f.key: f for f in correctable_fields(db, reg.visit_id)}
    assert hidden["full_name"].masked and hidden["full_name"].value == ""
    assert hidden["full_name"].shown == messages.MASKED_VALUE
    assert not hidden["summary"].masked and hidden["summary"].value == "Tố cáo cán bộ nhận tiền"
    revealed = {f.key: f for f in correctable_fields(db, reg.visit_id, reveal=True)}
    assert revealed["full_name"].value == "Đặng Văn Dũng"


# ---- reprints ----------------------------------------------------------------------------------


def test_reprint_after_correction_shows_new_values_and_says_so(db):
    reg = register(db)
    original = raw_text(print_receipt(db, reg.visit_id))
    correct_entry(db, reg.visit_id, "full_name", "Đặng Văn Dũng Em", REASON, officer_id=1, now=LATER)
    correct_entry(db, reg.visit_id, "summary", "Kiến nghị đo đạc lại thửa đất", REASON,
                  officer_id=1, now=LATER)
    copy = flat(raw_text(print_receipt(db, reg.visit_id)))
    assert "Đặng Văn Dũng Em" not in original
    assert "Đặng Văn Dũng Em" in copy and "Kiến nghị đo đạc lại thửa đất" in copy
    assert "BẢN SAO" in copy and messages.COPY_CORRECTED_NOTE.format(day="21/11/2026") in copy
    assert "Bản chính lập ngày 20/11/2026" in copy


def test_refusal_notice_copy_shows_correction(db):
    reg = register(db, outcome=Outcome.REFUSED, refusal_reason="da_giai_quyet_dung", documents=())
    issue_refusal(db, reg.visit_id, now=NOW)
    correct_entry(db, reg.visit_id, "address", "Thôn Đông Côi", REASON, officer_id=1, now=LATER)
    copy = flat(raw_text(issue_refusal(db, reg.visit_id, now=LATER).pdf))
    assert "Thôn Đông Côi" in copy and messages.COPY_CORRECTED_NOTE.format(day="21/11/2026") in copy


# ---- cancellation ------------------------------------------------------------------------------


def test_cancelled_visit_keeps_its_number_and_ends_its_case(db):
    keep = register(db, person("Lê Thị Hoa", dob=date(1975, 6, 1), sex=Sex.NU, serial=555))
    wrong = register(db, received_at=datetime(2026, 11, 20, 10, 0))
    after = register(db, person("Phan Văn Tư", dob=date(1960, 1, 1), serial=9),
                     received_at=datetime(2026, 11, 20, 11, 0))
    print_receipt(db, wrong.visit_id)
    cancel_visit(db, wrong.visit_id, "Ghi trùng lượt tiếp", officer_id=2, now=LATER)
    rows = {r.petition_id: r for r in log_rows(db, log_ids(db))}
    line = rows[wrong.petition_ids[0]]
    assert line.cancelled and line.log_label == "2/2026"
    assert line.note == messages.LOG_CANCELLED_NOTE.format(day="21/11/2026",
                                                           reason="Ghi trùng lượt tiếp")
    assert [rows[p].log_label for p in (*keep.petition_ids, *after.petition_ids)] == ["1/2026", "3/2026"]
    status, is_open = db.execute("SELECT status, is_open FROM cases WHERE id = ?",
                                 wrong.case_ids).fetchone()
    assert (status, is_open) == ("cancelled", 0)
    assert case_events(db, wrong.case_ids[0])[-1].action == "cancel"
    record = petition_record(db, wrong.petition_ids[0])
    assert record.cancelled == "21/11/2026: Ghi trùng lượt tiếp"
    assert record.corrections[-1].cancelled and record.corrections[-1].officer == "Lê Văn Dũng"
    copy = flat(raw_text(print_receipt(db, wrong.visit_id)))
    assert messages.COPY_CANCELLED_NOTE.format(day="21/11/2026") in copy
    # Nothing more happens to a cancelled entry.
    refused(db, lambda: cancel_visit(db, wrong.visit_id, "Lần nữa", officer_id=1, now=LATER),
            messages.VISIT_ALREADY_CANCELLED.format(visit=wrong.visit_id, day="21/11/2026"))
    refused(db, lambda: correct_entry(db, wrong.visit_id, "note", "x", REASON, officer_id=1,
                                      now=LATER),
            messages.CORRECTION_CANCELLED.format(visit=wrong.visit_id, day="21/11/2026"))


def test_no_new_documents_for_a_cancelled_visit(db):
    accepted = register(db)
    refusal = register(db, person("Phan Văn Tư", dob=date(1960, 1, 1), serial=9),
                       outcome=Outcome.REFUSED, refusal_reason="da_giai_quyet_dung", documents=())
    for reg in (accepted, refusal):
        cancel_visit(db, reg.visit_id, "Nhầm", officer_id=1, now=LATER)
    message = messages.VISIT_CANCELLED.format(visit=accepted.visit_id, day="21/11/2026",
                                              reason="Nhầm")
    refused(db, lambda: print_receipt(db, accepted.visit_id), message)
    refused(db, lambda: receipt_data(db, accepted.visit_id), message)
    refused(db, lambda: issue_refusal(db, refusal.visit_id, now=LATER),
            messages.VISIT_CANCELLED.format(visit=refusal.visit_id, day="21/11/2026", reason="Nhầm"))


def test_cancelling_a_visit_whose_case_holds_another_petition_leaves_a_note(db):
    first = register(db)
    again = register(db, received_at=datetime(2026, 11, 20, 11, 0))
    attach_petition(db, again.petition_ids[0], first.case_ids[0], officer_id=1, now=NOW)
    cancel_visit(db, again.visit_id, "Ghi nhầm người", officer_id=1, now=LATER)
    status = db.execute("SELECT status FROM cases WHERE id = ?", first.case_ids).fetchone()[0]
    assert status == "received"
    assert case_events(db, first.case_ids[0])[-1].note == messages.CANCEL_CASE_NOTE.format(
        visit=again.visit_id, log="2/2026", reason="Ghi nhầm người")


def test_cancelling_a_visit_under_a_mistyped_id_restores_that_persons_details(db):
    hoa = register(db, person("Lê Thị Hoa", dob=date(1990, 6, 1), sex=Sex.NU, serial=555,
                              address="Thôn Bồng Lai"))
    number = db.execute("SELECT id_number FROM persons").fetchone()[0]
    # Another visitor's visit entered under Hoa's number by mistake.
    wrong = register(db, person("Nguyễn Thị Bình", dob=date(1990, 6, 1), sex=Sex.NU, serial=555,
                                address="Xóm Chùa"), received_at=datetime(2026, 11, 20, 11, 0))
    assert wrong.person_id == hoa.person_id
    assert find_person(db, number).full_name == "Nguyễn Thị Bình"
    cancel_visit(db, wrong.visit_id, "Nhập nhầm số căn cước", officer_id=1, now=LATER)
    assert (find_person(db, number).full_name, find_person(db, number).address) == (
        "Lê Thị Hoa", "Thôn Bồng Lai")
    assert log_rows(db, wrong.petition_ids)[0].person_name == "Nguyễn Thị Bình"  # as recorded
    history = person_history(db, hoa.person_id)
    assert [(c.field, c.old, c.new) for c in history[-2:]] == [
        ("Họ và tên", "Nguyễn Thị Bình", "Lê Thị Hoa"), ("Địa chỉ", "Xóm Chùa", "Thôn Bồng Lai")]
    assert history[-1].source == f"Hủy lượt tiếp số {wrong.visit_id}: Nhập nhầm số căn cước"


@pytest.mark.parametrize(("reason", "message"), [
    ("", messages.CANCEL_REASON_REQUIRED),
    ("x" * 501, messages.FIELD_TOO_LONG.format(field="Lý do", length="501", limit="500")),
])
def test_cancel_needs_a_reason(db, reason, message):
    reg = register(db)
    refused(db, lambda: cancel_visit(db, reg.visit_id, reason, officer_id=1, now=LATER), message)


def test_unknown_visit_or_officer(db):
    reg = register(db)
    refused(db, lambda: cancel_visit(db, 999, "Nhầm", officer_id=1, now=LATER),
            messages.VISIT_MISSING.format(id=999))
    refused(db, lambda: correct_entry(db, reg.visit_id, "note", "x", "Nhầm", officer_id=77,
                                      now=LATER), messages.OFFICER_UNKNOWN.format(value=77))
