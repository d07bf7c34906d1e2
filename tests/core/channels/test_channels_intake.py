"""Petitions that arrive without a visit: each channel through intake → case → document, the
visit-only fields refused, the log's two books, deadlines from the day the office received it."""

import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from desk_app import messages
from desk_app.core.cases.tracking import case_milestones
from desk_app.core.documents.register import deliver_receipt
from desk_app.core.errors import DeskError
from desk_app.core.model import Channel, IdKind, Outcome, PersonForm
from desk_app.core.reception.logbook import LogFilter, log_ids, log_rows
from desk_app.core.reception.search import search
from tests.support import NOW, RECEIVED, form, register, snapshot

LETTER_WRITER = PersonForm(full_name="Ngô Thị Bưởi", id_kind=IdKind.KHONG,
                           address="Thôn Khúc Toại, phường Nhân Hòa, tỉnh Bắc Ninh")


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return unicodedata.normalize("NFC", " ".join(
        page.extract_text() for page in PdfReader(str(path)).pages))


CHANNEL_FIELDS = {
    Channel.BUU_CHINH: {"mailed_on": date(2026, 11, 17), "envelope_kept": True},
    Channel.CONG_DVC: {"channel_ref": "G22.99-261120-0001"},
    Channel.WEBSITE: {"channel_ref": "GY-2026-0412"},
    Channel.THU_DIEN_TU: {"channel_ref": "ngothibuoi@example.vn"},
    Channel.DUONG_DAY_NONG: {"channel_ref": "0912000111"},
    Channel.CHUYEN_DEN: {"source_body": "UBND tỉnh Bắc Ninh", "source_doc_no": "123/UBND-TCD",
                         "source_doc_on": date(2026, 11, 12)},
}


@pytest.mark.parametrize("channel", list(CHANNEL_FIELDS))
def test_each_channel_goes_through_intake_case_and_document(db, channel, tmp_path):
    reg = register(db, LETTER_WRITER, channel=channel, documents=(), **CHANNEL_FIELDS[channel])
    visit = db.execute("SELECT channel, reception_kind, person_id FROM visits WHERE id = ?",
                       [reg.visit_id]).fetchone()
    assert visit[:2] == (str(channel), "")  # a letter is not a reception: no reception kind
    assert db.execute("SELECT arrival FROM petitions WHERE visit_id = ?",
                      [reg.visit_id]).fetchone() == (str(channel),)
    # The same case and deadlines as a visit: 10 working days from the day it was received.
    keys = {m.milestone.key: m.milestone.due_on for m in case_milestones(db, reg.case_ids[0], NOW.date())}
    assert keys["answer_visitor"] == date(2026, 12, 4)
    # The book of petitions received, not the log book 03/TCD.
    assert reg.case_ids and list(log_ids(db, LogFilter(channel="visit"))) == []
    row = log_rows(db, log_ids(db, LogFilter(channel="no_visit")))[0]
    assert row.channel == str(channel)
    # The acknowledgement the channel gets (resources/catalog/channels.json).
    if channel in (Channel.DUONG_DAY_NONG, Channel.CHUYEN_DEN):
        assert reg.receipt_no is None
        with pytest.raises(DeskError):
            deliver_receipt(db, reg.visit_id)
    else:
        assert reg.receipt_no == "01/BNĐ-TCD"
        text = _text(deliver_receipt(db, reg.visit_id)[0], tmp_path)
        assert "Giấy báo đã nhận đơn số 01/BNĐ-TCD" in text and "Ngô Thị Bưởi" in text
        assert "vào sổ tiếp nhận, xử lý đơn" in text


def test_post_deadlines_run_from_the_day_received_not_the_postmark(db):
    reg = register(db, LETTER_WRITER, channel=Channel.BUU_CHINH, documents=(),
                   mailed_on=date(2026, 11, 2), received_at=RECEIVED)
    due = {m.milestone.key: m.milestone.due_on
           for m in case_milestones(db, reg.case_ids[0], NOW.date())}
    assert due["answer_visitor"] == date(2026, 12, 4)  # 10 working days from 20/11, not 02/11
    row = log_rows(db, [reg.petition_ids[0]])[0]
    assert "dấu bưu điện ngày 02/11/2026" in row.note


def test_forwarded_petition_gets_the_report_back_milestone(db):
    reg = register(db, LETTER_WRITER, channel=Channel.CHUYEN_DEN, documents=(),
                   **CHANNEL_FIELDS[Channel.CHUYEN_DEN])
    keys = [m.milestone.key for m in case_milestones(db, reg.case_ids[0], NOW.date())]
    assert "report_to_transferring_body" in keys
    data = db.execute("SELECT data FROM case_events WHERE case_id = ? AND action = 'receive'",
                      [reg.case_ids[0]]).fetchone()[0]
    # The directory's name for the body, however it was typed.
    assert '"transferred_from": "Ủy ban nhân dân tỉnh Bắc Ninh"' in data
    # A visit has no such milestone.
    other = register(db)
    assert "report_to_transferring_body" not in [
        m.milestone.key for m in case_milestones(db, other.case_ids[0], NOW.date())]


@pytest.mark.parametrize(("changes", "message"), [
    ({"channel": Channel.CHUYEN_DEN}, messages.CHANNEL_SOURCE_REQUIRED),
    ({"channel": Channel.BUU_CHINH, "mailed_on": date(2026, 11, 21)},
     messages.CHANNEL_MAILED_AFTER_RECEIVED.format(mailed="21/11/2026", received="20/11/2026")),
    ({"channel": Channel.CONG_DVC, "mailed_on": date(2026, 11, 19)},
     messages.CHANNEL_FIELD_UNEXPECTED.format(what="Ngày dấu bưu điện",
                                              channel="cổng dịch vụ công quốc gia")),
    ({"channel": Channel.BUU_CHINH, "outcome": Outcome.REFUSED, "refusal_reason": "say_ruou_tam_than"},
     messages.CHANNEL_VISIT_ONLY.format(what="Từ chối tiếp công dân",
                                        channel="đơn gửi qua bưu chính")),
    ({"channel": Channel.THU_DIEN_TU, "session_id": 1},
     messages.CHANNEL_VISIT_ONLY.format(what="Buổi tiếp công dân", channel="thư điện tử")),
])
def test_bad_channel_input_is_refused_and_changes_nothing(db, changes, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        register(db, LETTER_WRITER, documents=(), **changes)
    assert caught.value.message == message
    assert snapshot(db) == before


def test_a_person_known_by_name_and_address_only(db):
    reg = register(db, LETTER_WRITER)
    again = register(db, LETTER_WRITER, received_at=datetime(2026, 11, 20, 10, 0))
    assert reg.person_id == again.person_id  # same name and address, no paper: one person
    with pytest.raises(DeskError) as caught:
        register(db, replace(LETTER_WRITER, address=""))
    assert caught.value.message == messages.ADDRESS_REQUIRED_WITHOUT_ID
    with pytest.raises(DeskError) as caught:
        register(db, replace(LETTER_WRITER, id_number="027090001234"))
    assert caught.value.message == messages.ID_NUMBER_WITHOUT_PAPER.format(number="027090001234")


def test_search_finds_a_letter_by_its_sender_and_the_forwarding_body(db):
    register(db, LETTER_WRITER, channel=Channel.CHUYEN_DEN, documents=(),
             **CHANNEL_FIELDS[Channel.CHUYEN_DEN])
    assert search(db, "ngo thi buoi")
    assert search(db, "uy ban nhan dan tinh bac ninh") or search(db, "ubnd tinh bac ninh")


def test_form_defaults_are_a_reception(db):
    reg = register(db)
    assert db.execute("SELECT channel FROM visits WHERE id = ?", [reg.visit_id]).fetchone() == (
        "truc_tiep",)
    assert reg.receipt_no.endswith("/GBN-TCD")
    assert form().channel == Channel.TRUC_TIEP


def test_the_record_window_says_how_it_came_and_who_presented_it(db):
    from desk_app.core.model import AgentRole
    from desk_app.core.reception.records import petition_record
    from tests.support import person

    letter = register(db, LETTER_WRITER, channel=Channel.BUU_CHINH, documents=(),
                      mailed_on=date(2026, 11, 17))
    record = petition_record(db, letter.petition_ids[0])
    assert record.channel == "Đơn gửi qua bưu chính, dấu bưu điện ngày 17/11/2026"
    assert record.agent == "" and record.receipt_no == "01/BNĐ-TCD"
    lawyer = person("Trần Văn Luật", dob=date(1980, 1, 1), serial=555)
    client = person("Lê Thị Hoa", dob=date(1950, 2, 2), serial=777)
    visit = register(db, client, agent=lawyer, agent_role=AgentRole.LUAT_SU,
                     agent_proof="Giấy ủy quyền số 12/2026/UQ")
    record = petition_record(db, visit.petition_ids[0])
    assert record.channel == "" and record.person_name == "Lê Thị Hoa"
    assert record.agent == f"Trần Văn Luật ({lawyer.id_number}); Luật sư; Giấy ủy quyền số 12/2026/UQ"
