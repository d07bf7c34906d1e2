"""Printed forms (docs/legal-fidelity.md, “Printed forms”): numbers as Decree 30/2020 writes
them, a document dated with the act it records, the ID's date and place of issue, the signer's
capacity, refusal grounds by era, the log book's handling columns after later steps, one office
header everywhere."""

from __future__ import annotations

import json
from datetime import date, datetime

from desk_app.core.cases.tracking import record_event
from desk_app.core.documents import export_log_pdf, issue_refusal, log_rows_for_print, reprint
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.documents.register import deliver_receipt
from desk_app.core.documents.session_notice import Session
from desk_app.core.documents.slips import (
    issue_acceptance,
    issue_appointment,
    issue_non_acceptance,
    issue_session_notice,
    issue_transfer,
)
from desk_app.core.model import Outcome, PetitionKind
from desk_app.core.reception.intake import register_visit
from desk_app.core.storage import settings
from tests.support import NOW, form, part, person, register

NOTICE_DAY = datetime(2026, 11, 25, 9, 0)


def _text(data: bytes, pdf) -> str:
    return pdf.flat(pdf.raw_text(data))


def _complaint(db, serial: int, received: datetime | None = None) -> int:
    changes = {"received_at": received} if received else {}
    return register(db, person(serial=serial), parts=(part(PetitionKind.KHIEU_NAI,
                    summary="Khiếu nại quyết định thu hồi đất"),), **changes).case_ids[0]


# ---------------------------------------------------------------- numbers

def test_numbers_have_two_digits_and_notices_share_the_tb_series(db, pdf):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    # Decree 30/2020 App. I §II.4: "Số: 01/…", numbers under 10 with a leading zero; App. III:
    # "TB" for every notice — so the refusal notice, the acceptance and non-acceptance
    # notices and the session notice run in one sequence and no number is given twice.
    refused = register(db, person(serial=1), outcome=Outcome.REFUSED,
                       refusal_reason="da_giai_quyet_dung")
    accepted, declined = _complaint(db, 2), _complaint(db, 3)
    record_event(db, accepted, "accept", occurred_on=date(2026, 11, 23), now=NOTICE_DAY)
    numbers = [
        issue_refusal(db, refused.visit_id, now=NOTICE_DAY).number,
        issue_acceptance(db, accepted, NOTICE_DAY).number,
        issue_non_acceptance(db, declined, "Đơn không có chữ ký", NOTICE_DAY).number,
        issue_session_notice(db, Session(held_on=date(2026, 11, 24), host="Lê Văn Dũng",
                                         conclusions=("Giải quyết dứt điểm.",)),
                             NOTICE_DAY).number,
    ]
    assert numbers == ["01/TB-UBND", "02/TB-UBND", "03/TB-UBND", "04/TB-UBND"]
    # Receipts have their own series: the two complaints took 01 and 02.
    assert refused.receipt_no is None and register(db, person(serial=4)).receipt_no == "03/GBN-TCD"
    kinds = db.execute("SELECT kind, seq FROM issued_documents WHERE number LIKE '%/TB-UBND'"
                       " ORDER BY seq").fetchall()
    assert [k for k, _ in kinds] == ["tu_choi_01", "thong_bao_thu_ly", "thong_bao_khong_thu_ly",
                                     "ket_luan_tiep"]


# ---------------------------------------------------------------- dates

def test_a_receipt_is_dated_with_the_visit_and_a_reprint_says_when_it_was_reprinted(db, pdf):
    # A reception on Wed 18/11/2026 entered on Fri 20/11 (NOW): the receipt records the
    # reception, so it is dated 18/11, whenever it is printed.
    visit = register_visit(db, form(received_at=datetime(2026, 11, 18, 14, 30)), NOW)
    original, copy = deliver_receipt(db, visit.visit_id, on=date(2026, 11, 27))
    assert not copy
    text = _text(original, pdf)
    assert "Nhân Hòa, ngày 18 tháng 11 năm 2026" in text
    assert "Vào hồi 14 giờ 30 phút, ngày 18/11/2026" in text
    doc_id = db.execute("SELECT id FROM issued_documents WHERE visit_id = ?",
                        [visit.visit_id]).fetchone()[0]
    again = _text(reprint(db, doc_id, date(2027, 1, 4)), pdf)
    assert "Nhân Hòa, ngày 18 tháng 11 năm 2026" in again  # the copy keeps the original's date
    assert "Bản chính lập ngày 18/11/2026; in lại ngày 04/01/2027" in again


def test_slips_are_dated_with_the_step_they_record(db, pdf):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    case_id = register(db, parts=(part(PetitionKind.PHAN_ANH,
                                       summary="Phản ánh tiếng ồn"),)).case_ids[0]
    record_event(db, case_id, "transfer", occurred_on=date(2026, 11, 23),
                 body="Công an phường Nhân Hòa", now=NOTICE_DAY)
    # Printed on 25/11, the transfer slip records the transfer of Mon 23/11; the appointment
    # slip the reception of Fri 20/11.
    assert "Nhân Hòa, ngày 23 tháng 11 năm 2026" in _text(issue_transfer(db, case_id,
                                                                           NOTICE_DAY).pdf, pdf)
    assert "Nhân Hòa, ngày 20 tháng 11 năm 2026" in _text(issue_appointment(db, case_id,
                                                                              NOTICE_DAY).pdf, pdf)


# ---------------------------------------------------------------- the ID on forms 01 and 02

def test_forms_01_and_02_print_the_ids_date_and_place_of_issue(db, pdf):
    # The place of issue recorded with the visit's identity (docs/records.md) is printed.
    place = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    visit = register(db, person(id_issued_on=date(2021, 8, 15), id_issued_place=place))
    receipt = _text(deliver_receipt(db, visit.visit_id)[0], pdf)
    assert f"Số căn cước: 027090001234; ngày cấp: 15/08/2021; nơi cấp: {place}." in receipt
    payload = json.loads(db.execute("SELECT payload FROM issued_documents WHERE visit_id = ?",
                                    [visit.visit_id]).fetchone()[0])
    assert payload["provider"]["id_issued_place"] == place
    # Not recorded: a dotted line to fill in by hand.
    payload["provider"].update(id_issued_place="", id_issued_by="")
    assert "ngày cấp: 15/08/2021; nơi cấp: ……………." in _text(render_receipt(payload), pdf)
    refused = register(db, person("Trần Văn Bình", serial=8, id_issued_on=date(2022, 1, 5),
                                  id_issued_place="Công an tỉnh Bắc Ninh"),
                       outcome=Outcome.REFUSED, refusal_reason="da_giai_quyet_dung")
    notice = _text(issue_refusal(db, refused.visit_id, now=NOTICE_DAY).pdf, pdf)
    assert "ngày cấp 05/01/2022, nơi cấp Công an tỉnh Bắc Ninh;" in notice
    unknown = register(db, person("Lê Thị Cúc", serial=9), outcome=Outcome.REFUSED,
                       refusal_reason="da_giai_quyet_dung")
    notice = _text(issue_refusal(db, unknown.visit_id, now=NOTICE_DAY).pdf, pdf)
    assert "ngày cấp …/…/……, nơi cấp ……………;" in notice


# ---------------------------------------------------------------- the signer

def test_a_deputy_signs_for_the_chairperson(db, pdf):
    settings.put_many(db, {"signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Phạm Thị Thu"})
    case_id = _complaint(db, 5)
    record_event(db, case_id, "accept", occurred_on=date(2026, 11, 23), now=NOTICE_DAY)
    # Accepting a complaint is the chairperson's act (Complaints Law art. 17, 27): the notice
    # says so and is signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", without "TM.".
    text = _text(issue_acceptance(db, case_id, NOTICE_DAY).pdf, pdf)
    assert "Chủ tịch Ủy ban nhân dân phường Nhân Hòa đã thụ lý giải quyết khiếu nại" in text
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Thị Thu" in text
    assert "TM. ỦY BAN NHÂN DÂN" not in text
    # The committee's own documents: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
    refused = register(db, person(serial=9), outcome=Outcome.REFUSED,
                       refusal_reason="da_giai_quyet_dung")
    notice = _text(issue_refusal(db, refused.visit_id, now=NOTICE_DAY).pdf, pdf)
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Thị Thu" in notice


def test_an_old_era_acceptance_cites_decree_124(db, pdf):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    # Received Tue 30/06/2026: the acceptance period is Decree 124/2020 art. 16(1).
    case_id = _complaint(db, 6, received=datetime(2026, 6, 30, 9, 0))
    record_event(db, case_id, "accept", occurred_on=date(2026, 7, 2), now=NOTICE_DAY)
    text = _text(issue_acceptance(db, case_id, NOTICE_DAY).pdf, pdf)
    assert ("Căn cứ Điều 17 và Điều 27 Luật Khiếu nại năm 2011; khoản 1 Điều 16 Nghị định "
            "124/2020/NĐ-CP" in text)
    assert "Nhân Hòa, ngày 02 tháng 7 năm 2026" in text  # dated with the acceptance


# ---------------------------------------------------------------- refusal grounds by era

def test_refusal_grounds_follow_the_law_of_the_day(db, pdf):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    # Refused on Tue 30/06/2026: Reception Law 2013 art. 9(3); on 20/11/2026: Decree 154/2026
    # art. 4, in force from 01/07/2026.
    old = register(db, person(serial=10), outcome=Outcome.REFUSED,
                   refusal_reason="da_giai_quyet_dung", received_at=datetime(2026, 6, 30, 9))
    new = register(db, person(serial=11), outcome=Outcome.REFUSED,
                   refusal_reason="da_giai_quyet_dung")
    on = datetime(2026, 11, 23, 8)
    assert "Căn cứ khoản 3 Điều 9 Luật Tiếp công dân năm 2013" in _text(
        issue_refusal(db, old.visit_id, now=on).pdf, pdf)
    assert "Căn cứ Điều 4 Nghị định số 154/2026/NĐ-CP" in _text(
        issue_refusal(db, new.visit_id, now=on).pdf, pdf)


# ---------------------------------------------------------------- the log book

def test_log_book_columns_follow_the_later_steps(db, pdf, tmp_path):
    received = register(db, person(serial=12), parts=(part(PetitionKind.KIEN_NGHI,
                        summary="Kiến nghị sửa đường liên thôn"),))
    transferred = register(db, person(serial=13), parts=(part(PetitionKind.PHAN_ANH,
                           summary="Phản ánh rác thải"),))
    # A week later: one accepted for handling, the other transferred with a document number.
    record_event(db, received.case_ids[0], "classify", occurred_on=date(2026, 11, 27),
                 data={"competent": True}, now=datetime(2026, 11, 27, 16))
    record_event(db, transferred.case_ids[0], "transfer", occurred_on=date(2026, 11, 27),
                 body="Công ty Môi trường đô thị", doc_no="15/PC-UBND",
                 now=datetime(2026, 11, 27, 16))
    rows = {r.petition_id: r for r in log_rows_for_print(db, date(2026, 11, 1),
                                                          date(2026, 11, 30))}
    kept, moved = rows[received.petition_ids[0]], rows[transferred.petition_ids[0]]
    assert (kept.within_competence, kept.transferred_to) == (True, "")
    assert (moved.within_competence, moved.transferred_to) == (
        False, "Công ty Môi trường đô thị (15/PC-UBND)")
    out = tmp_path / "so.pdf"
    export_log_pdf(db, date(2026, 11, 1), date(2026, 11, 30), out)
    printed = _text(out.read_bytes(), pdf).replace("- ", "-")  # a narrow column wraps at "-"
    assert "Công ty Môi trường đô thị (15/PC-UBND)" in printed


# ---------------------------------------------------------------- one header

def test_the_office_header_reads_the_same_on_every_document(db, pdf, tmp_path):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    visit = register(db, person(serial=14))
    refused = register(db, person(serial=15), outcome=Outcome.REFUSED,
                       refusal_reason="da_giai_quyet_dung")
    out = tmp_path / "so.pdf"
    export_log_pdf(db, date(2026, 11, 1), date(2026, 11, 30), out)
    documents = {
        "receipt": deliver_receipt(db, visit.visit_id)[0],
        "refusal": issue_refusal(db, refused.visit_id, now=NOTICE_DAY).pdf,
        "appointment": issue_appointment(db, visit.case_ids[0], NOTICE_DAY).pdf,
        "log book (landscape)": out.read_bytes(),
    }
    for name, data in documents.items():
        lines = pdf.raw_text(data).splitlines()
        lines = lines[lines.index("UBND TỈNH BẮC NINH"):]  # the receipt's QR caption comes first
        # The parent body abbreviated as in portrait, the office on two lines, every time.
        assert lines[:3] == ["UBND TỈNH BẮC NINH", "ỦY BAN NHÂN DÂN", "PHƯỜNG NHÂN HÒA"] or \
            lines[:4] == ["UBND TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "ỦY BAN NHÂN DÂN", "PHƯỜNG NHÂN HÒA"], (name, lines[:5])
