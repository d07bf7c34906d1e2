"""Giấy biên nhận (Form 02/TCD): content, fonts, byte-stability, pagination, reprints, QR."""

import hashlib
import json
import unicodedata
from datetime import date

import pytest

from desk_app import messages
from desk_app.core.documents import print_receipt, reprint
from desk_app.core.documents.data import receipt_data
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.documents.register import deliver_receipt, receipt_qr_text, verify_receipt_qr
from desk_app.core.errors import DeskError
from desk_app.core.model import DocCopy, DocumentItem, Outcome, PetitionKind, PetitionPart
from tests.support import part, person, register


def _stored(db, visit_id):
    row = db.execute("SELECT id, number, sha256, payload FROM issued_documents"
                     " WHERE visit_id = ? AND kind = 'bien_nhan_02'", [visit_id]).fetchone()
    return row[0], row[1], row[2], json.loads(row[3]) if row[3] else None


def test_receipt_prints_the_form_02_content(db, pdf):
    visit = register(db, documents=(
        DocumentItem("Đơn kiến nghị", 2, "Nguyên vẹn"),
        DocumentItem("Bản sao sổ hộ khẩu", 3, "Rõ nét", DocCopy.CERTIFIED),
    ))
    data = print_receipt(db, visit.visit_id)
    text = pdf.flat(pdf.raw_text(data))
    for expected in (
        "UBND TỈNH BẮC NINH", "ỦY BAN NHÂN DÂN", "PHƯỜNG NHÂN HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        f"Số: {visit.receipt_no}", "Nhân Hòa, ngày 20 tháng 11 năm 2026",
        "GIẤY BIÊN NHẬN", "Thông tin, tài liệu",
        "Vào hồi 09 giờ 15 phút, ngày 20/11/2026",
        "Tôi là: Nguyễn Thị Hồng Nhung; chức vụ: Công chức.",
        "Đã nhận của ông (bà): Đặng Văn Dũng.", "Số căn cước: 027090001234",
        "Địa chỉ: Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        "Nội dung kiến nghị: Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Đơn kiến nghị 2 Nguyên vẹn Bản gốc", "Bản sao sổ hộ khẩu 3 Rõ nét Bản sao có chứng thực",
        "Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản.",
        "NGƯỜI CUNG CẤP", "NGƯỜI NHẬN", "(Ký, ghi rõ họ tên)",
    ):
        assert expected in text, expected
    assert "BẢN SAO" not in text
    assert text == unicodedata.normalize("NFC", text)


def test_fonts_are_embedded_subsets(db, pdf):
    data = print_receipt(db, register(db).visit_id)
    fonts = pdf.fonts_report(data)
    assert fonts, "the receipt uses no font?"
    assert all(embedded for _, embedded in fonts), fonts
    assert all("+" in name for name, _ in fonts), fonts  # subsets (ABCDEF+Name)
    assert {name.split("+")[1] for name, _ in fonts} >= {"LiberationSerif",
                                                         "LiberationSerif-Bold"}


def test_same_payload_same_bytes(db):
    visit = register(db)
    first = print_receipt(db, visit.visit_id)
    _, _, digest, payload = _stored(db, visit.visit_id)
    assert hashlib.sha256(first).hexdigest() == digest
    assert render_receipt(payload) == first
    assert render_receipt(payload) == render_receipt(json.loads(json.dumps(payload)))


def test_text_is_nfc_even_when_the_input_is_not(db, pdf):
    visit = register(db)
    payload = receipt_data(db, visit.visit_id)
    payload["provider"]["name"] = unicodedata.normalize("NFD", "Nguyễn Thị Ếch")
    text = pdf.raw_text(render_receipt(payload))
    assert "Nguyễn Thị Ếch" in text
    assert unicodedata.normalize("NFD", "Nguyễn") not in text


def test_reprint_is_the_same_document_marked_as_a_copy(db, pdf):
    visit = register(db)
    original = print_receipt(db, visit.visit_id)
    doc_id, number, digest, _ = _stored(db, visit.visit_id)
    # The records change after the first print; a reprint still says what the original said.
    db.execute("UPDATE persons SET full_name = 'Tên Đã Sửa', address = 'Địa chỉ mới'")
    db.execute("UPDATE settings SET value = value")
    later = date(2026, 12, 2)
    again, is_copy = deliver_receipt(db, visit.visit_id, on=later)
    by_id = reprint(db, doc_id, later)
    assert again == by_id and is_copy
    assert again != original
    assert _stored(db, visit.visit_id)[2] == digest  # the register keeps the original's hash
    copy_text = pdf.raw_text(again)
    # The copy keeps the original's date (the visit's) and says when it was reprinted.
    note = "Bản chính lập ngày 20/11/2026; in lại ngày 02/12/2026"
    assert "BẢN SAO" in copy_text and note in copy_text
    assert "Tên Đã Sửa" not in copy_text and "Đặng Văn Dũng" in copy_text
    lines = [ln for ln in copy_text.splitlines() if ln not in ("BẢN SAO", note)]
    assert lines == pdf.raw_text(original).splitlines()
    assert pdf.page_count(again) == pdf.page_count(original)


def test_copy_on_first_print_still_registers_the_original(db, pdf):
    visit = register(db)
    data = print_receipt(db, visit.visit_id, copy=True)
    assert "BẢN SAO" in pdf.raw_text(data)
    _, _, digest, payload = _stored(db, visit.visit_id)
    assert payload is not None
    assert hashlib.sha256(render_receipt(payload)).hexdigest() == digest


def test_thirty_documents_and_a_long_summary_paginate_without_cutting(db, pdf):
    summary = ("Khiếu nại việc thu hồi đất ở của hộ ông Nguyễn Văn Ất tại thửa số 12, tờ bản đồ "
               "số 5, thôn Đông, không được bồi thường, hỗ trợ tái định cư theo quy định; ")
    summary = (summary * 20)[:2000].strip()
    items = tuple(DocumentItem(f"Tài liệu thứ {i}: quyết định thu hồi đất số {100 + i}/QĐ-UBND "
                               "của Ủy ban nhân dân huyện Quế Võ cũ", i % 9 + 1, "Rõ nét",
                               DocCopy.PHOTOCOPY if i % 2 else DocCopy.ORIGINAL)
                  for i in range(1, 31))
    visit = register(db, parts=(part(PetitionKind.KHIEU_NAI, summary=summary),), documents=items)
    data = print_receipt(db, visit.visit_id)
    pages = pdf.page_count(data)
    assert pages > 1
    text = pdf.flat(pdf.raw_text(data))
    assert pdf.flat(summary) in text
    for item in items:
        assert f"{item.name} {item.pages} Rõ nét" in text, item.name
    # the table's header row is on every page the table runs over
    per_page = pdf.pages_text(data)
    with_rows = [t for t in per_page if "quyết định thu hồi đất số" in t]
    assert len(with_rows) > 1
    assert all("Tên thông tin, tài liệu" in t for t in with_rows)
    # pages from the second on are numbered at the top (Decree 30)
    assert all(str(n) in [ln.strip() for ln in t.splitlines()]
               for n, t in enumerate(per_page[1:], start=2))
    assert "1" not in [ln.strip() for ln in per_page[0].splitlines()]
    assert "Giấy biên nhận được lập thành 02 bản" in per_page[-1]
    assert "NGƯỜI NHẬN" in per_page[-1]


def test_a_denouncer_gets_his_own_identity_on_his_receipt(db, pdf):
    visit = register(db, person("Âu Dương Phong", serial=77), parts=(
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),))
    text = pdf.raw_text(print_receipt(db, visit.visit_id))
    assert "Âu Dương Phong" in text
    assert messages.MASKED_NAME not in text


def test_a_refused_visit_has_no_receipt(db):
    visit = register(db, outcome=Outcome.REFUSED, refusal_reason="de_doa_xuc_pham")
    with pytest.raises(DeskError) as err:
        print_receipt(db, visit.visit_id)
    assert err.value.message == messages.RECEIPT_MISSING.format(id=visit.visit_id)
    with pytest.raises(DeskError) as err:
        print_receipt(db, 999)
    assert err.value.message == messages.VISIT_MISSING.format(id=999)


def test_receipt_qr_finds_the_visit_and_rejects_forgeries(db):
    first = register(db)
    second = register(db, person("Lý Thị Mai", serial=9))
    print_receipt(db, first.visit_id)
    print_receipt(db, second.visit_id)
    payload = _stored(db, second.visit_id)[3]
    qr = payload["qr"]
    assert qr == f"TCD1|24-09253|02/GBN-TCD/2026|{payload['verify_code']}"
    assert len(payload["verify_code"]) == 6
    assert verify_receipt_qr(db, qr) == second.visit_id
    code = payload["verify_code"]
    assert verify_receipt_qr(db, f"{qr.rsplit('|', 1)[0]}|{code.lower()}\n") == second.visit_id
    # the code of receipt 2 does not vouch for receipt 1
    assert verify_receipt_qr(db, receipt_qr_text("24-09253", "01/GBN-TCD", 2026, code)) is None
    assert verify_receipt_qr(db, receipt_qr_text("01-00004", "02/GBN-TCD", 2026, code)) is None
    assert verify_receipt_qr(db, receipt_qr_text("24-09253", "02/GBN-TCD", 2025, code)) is None
    for junk in ("", "TCD1", "hello|world", "TCD1|24-09253|02/GBN-TCD/abcd|X", "TCD2|a|b|c"):
        assert verify_receipt_qr(db, junk) is None
    # the secret lives in settings and is not one of the user-visible settings
    from desk_app.core.storage.settings import all_settings
    assert "receipt_qr_secret" not in all_settings(db)
