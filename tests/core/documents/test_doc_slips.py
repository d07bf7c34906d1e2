"""The slips and notices (docs/legal.md, “Forms”): content read back, numbering, copies, failures, redaction."""

import io
import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.tracking import case_milestones, record_event
from desk_app.core.documents import reprint, slips
from desk_app.core.documents.session_notice import Session, SessionCitizen, session_from_dict
from desk_app.core.documents.slips import (
    SLIPS,
    copy_slip,
    issue_acceptance,
    issue_appointment,
    issue_denunciation_transfer,
    issue_guidance,
    issue_non_acceptance,
    issue_proposal,
    issue_session_notice,
    issue_slip,
    issue_transfer,
    redact,
    reprint_slip,
)
from desk_app.core.errors import DeskError
from desk_app.core.model import DocumentItem, Outcome, PetitionKind, Sex
from desk_app.core.storage import settings
from desk_app.core.text import fold
from tests.support import RECEIVED, part, person, register, snapshot

NOW = datetime(2026, 11, 25, 9, 0)
DAY = date(2026, 11, 23)
OFFICE = "Ủy ban nhân dân phường Nhân Hòa"
HEAD = ("UBND TỈNH BẮC NINH", "ỦY BAN NHÂN DÂN", "PHƯỜNG NHÂN HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# A document is dated with the act it records: the reception (20/11), the step on the case
# (DAY, 23/11), or — for what records no earlier act — the day it is issued (NOW, 25/11).
HEADER = (*HEAD, "Nhân Hòa, ngày 25 tháng 11 năm 2026")
ON_RECEIPT = (*HEAD, "Nhân Hòa, ngày 20 tháng 11 năm 2026")
ON_DAY = (*HEAD, "Nhân Hòa, ngày 23 tháng 11 năm 2026")
HEAD_SIGNS = ("Nơi nhận:", "- Như trên;", "- Lưu: VT, hồ sơ.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
              "Lê Văn Dũng")
CHAIR_SIGNS = ("Nơi nhận:", "- Như trên;", "- Lưu: VT, hồ sơ.", "CHỦ TỊCH", "Lê Văn Dũng")


@pytest.fixture(autouse=True)
def _signer(db):
    settings.put(db, "signer_name", "Lê Văn Dũng")


def _case(db, who=None, kind=PetitionKind.KIEN_NGHI, summary="Kiến nghị cấp giấy chứng nhận "
          "quyền sử dụng đất", **changes) -> int:
    return register(db, who, parts=(part(kind, summary=summary),), **changes).case_ids[0]


def _act(db, case_id, action, **kw):
    return record_event(db, case_id, action, occurred_on=kw.pop("on", DAY), now=NOW, **kw)


def _text(data: bytes, pdf) -> str:
    """The document's text as read, without the page numbers (Decree 30 puts them at the top
    of pages 2…; text extraction may place them inside a sentence that runs over a page)."""
    pages = pdf.raw_text(data).split("\f")
    kept = [pages[0]] + ["\n".join(line for line in page.splitlines() if line.strip() != str(n))
                         for n, page in enumerate(pages[1:], start=2)]
    return pdf.flat("\n".join(kept))


def _expect(text: str, *expected: str) -> None:
    for line in expected:
        assert line in text, line


def _error(call, *args, **kw) -> str:
    with pytest.raises(DeskError) as err:
        call(*args, **kw)
    return err.value.message


def _working_days_after(start: date, n: int) -> date:
    """The n-th working day after `start`, stepping one day at a time through the calendar
    (independent of the deadline engine)."""
    cal, day = WorkCalendar(), start
    while n:
        day += timedelta(days=1)
        n -= cal.is_working_day(day)
    return day


# --- 1. Phiếu hẹn -----------------------------------------------------------------------------


def test_appointment_slip_says_when_and_from_whom(db, pdf):
    case_id = _case(db)
    _act(db, case_id, "assign", data={"officer_id": 1})
    slip = issue_appointment(db, case_id, NOW)
    assert (slip.number, slip.seq, slip.copy) == ("01/PH-TCD", 1, False)
    due = _working_days_after(RECEIVED.date(), 10)  # Law on Citizen Reception art. 28(1)
    text = _text(slip.pdf, pdf)
    _expect(
        text, *ON_RECEIPT, "Số: 01/PH-TCD", "PHIẾU HẸN", "Trả lời kết quả xử lý đơn",
        "Họ và tên công dân: Đặng Văn Dũng.",
        "Địa chỉ: Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        f"Ngày 20/11/2026, {OFFICE} đã tiếp nhận đơn kiến nghị của ông (giấy biên nhận số "
        "01/GBN-TCD) với nội dung: Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
        f"Chậm nhất ngày {due:%d/%m/%Y} (10 ngày làm việc kể từ ngày tiếp nhận, theo khoản 1 "
        f"Điều 28 Luật Tiếp công dân 2013), {OFFICE} sẽ trả lời ông về việc thụ lý, gia hạn "
        "thời hạn xem xét thụ lý, không thụ lý hoặc chuyển đơn đến cơ quan có thẩm quyền giải "
        "quyết.",  # every answer art. 28(1) allows
        f"Cơ quan trả lời: {OFFICE}; cán bộ được giao theo dõi: Nguyễn Thị Hồng Nhung "
        "(Công chức).",
        f"Địa điểm nhận kết quả: Trụ sở {OFFICE}.",
        "Điện thoại liên hệ: ………",  # no phone on record: a line to fill in by hand
        "Khi đến, ông vui lòng mang theo phiếu hẹn này và giấy tờ tùy thân.",
        "Phiếu hẹn được lập thành 02 bản: công dân giữ 01 bản, lưu hồ sơ 01 bản.",
        "NGƯỜI NHẬN PHIẾU", "CÁN BỘ TIẾP CÔNG DÂN", "(Ký, ghi rõ họ tên)")
    assert all(embedded for _, embedded in pdf.fonts_report(slip.pdf))


def test_appointment_due_date_skips_holidays_and_uses_the_office_phone(db, pdf):
    # Received on Friday 28/08/2026: the National Day holiday and its swapped day follow.
    case_id = _case(db, person("Lý Thị Mai", sex=Sex.NU, serial=9),
                    received_at=datetime(2026, 8, 28, 10, 0))
    db.execute("INSERT INTO settings (key, value) VALUES ('office_phone', '0222 3812 345')")
    text = _text(issue_appointment(db, case_id, NOW).pdf, pdf)
    due = _working_days_after(date(2026, 8, 28), 10)
    assert due > date(2026, 8, 28) + timedelta(days=14)  # more than two plain weeks
    _expect(text, f"Chậm nhất ngày {due:%d/%m/%Y} (10 ngày làm việc", "sẽ trả lời bà",
            "Cơ quan trả lời: Ủy ban nhân dân phường Nhân Hòa.",
            "Điện thoại liên hệ: 0222 3812 345")


# --- 2. Phiếu đề xuất thụ lý đơn ----------------------------------------------------------------


def test_proposal_to_accept_a_petition_within_competence(db, pdf):
    case_id = _case(db, person("Trần Thị Ếch", sex=Sex.NU, serial=55), PetitionKind.KHIEU_NAI,
                    "Khiếu nại Quyết định số 12/QĐ-UBND về thu hồi đất")
    slip = issue_proposal(db, case_id, NOW)
    _expect(
        _text(slip.pdf, pdf), *HEADER, "Số: 01/PĐX-TCD", "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN",
        f"Kính gửi: Chủ tịch {OFFICE}.",
        f"Ngày 20/11/2026, {OFFICE} nhận được đơn khiếu nại của bà Trần Thị Ếch; địa chỉ: "
        "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        "Nội dung đơn: Khiếu nại Quyết định số 12/QĐ-UBND về thu hồi đất",
        "Qua nghiên cứu nội dung đơn và đối chiếu với quy định của pháp luật, đơn đủ điều kiện "
        f"thụ lý và thuộc thẩm quyền giải quyết của {OFFICE} (căn cứ Điều 27 Luật Khiếu nại năm "
        "2011).",
        f"Đề xuất: Chủ tịch {OFFICE} thụ lý giải quyết đơn khiếu nại của bà Trần Thị Ếch theo "
        "quy định.",
        "Kèm theo: Đơn kiến nghị (02 trang).",
        "Ý KIẾN PHÊ DUYỆT CỦA CHỦ TỊCH", "(Ghi ý kiến, ký, ghi rõ họ tên)", "NGƯỜI ĐỀ XUẤT",
        "Lê Văn Dũng", "Nguyễn Thị Hồng Nhung")


def test_no_proposal_for_a_petition_outside_competence(db):
    case_id = _case(db)
    _act(db, case_id, "classify", data={"competent": False})
    assert _error(issue_proposal, db, case_id, NOW) == messages.SLIP_PROPOSAL_NOT_POSSIBLE.format(
        id=case_id, why="không thuộc thẩm quyền")
    guided = _case(db, outcome=Outcome.GUIDED, outcome_body="Tòa án nhân dân khu vực 1")
    assert _error(issue_proposal, db, guided, NOW) == messages.SLIP_PROPOSAL_NOT_POSSIBLE.format(
        id=guided, why="đã hướng dẫn")


# --- 3. Phiếu chuyển đơn ------------------------------------------------------------------------


def test_transfer_slip_asks_the_body_to_handle_and_answer(db, pdf):
    case_id = _case(db, kind=PetitionKind.PHAN_ANH, summary="Phản ánh xưởng gỗ gây tiếng ồn ban đêm")
    _act(db, case_id, "transfer", body="Công an phường Nhân Hòa", doc_no="")
    slip = issue_transfer(db, case_id, NOW)
    _expect(
        _text(slip.pdf, pdf), *ON_DAY, "Số: 01/PC-UBND", "PHIẾU CHUYỂN ĐƠN",
        "Kính gửi: Công an phường Nhân Hòa.",
        f"Ngày 20/11/2026, {OFFICE} nhận được đơn phản ánh của ông Đặng Văn Dũng; địa chỉ: "
        "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        "Nội dung đơn: Phản ánh xưởng gỗ gây tiếng ồn ban đêm",
        f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {OFFICE}. Căn cứ "
        f"Thông tư số 05/2021/TT-TTCP của Thanh tra Chính phủ, {OFFICE} chuyển đơn đến Công an "
        "phường Nhân Hòa để xem xét, giải quyết theo thẩm quyền và trả lời cho người gửi đơn; "
        "đề nghị Công an phường Nhân Hòa thông báo kết quả giải quyết cho "
        f"{OFFICE} để theo dõi.",
        "Kèm theo: Đơn kiến nghị (02 trang).",
        "Nơi nhận:", "- Như trên;", "- Ông Đặng Văn Dũng (người gửi đơn, để biết);",
        "- Lưu: VT, hồ sơ.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Dũng")


def test_transfer_slip_needs_a_transfer_and_is_not_for_denunciations(db):
    case_id = _case(db)
    assert _error(issue_transfer, db, case_id, NOW) == messages.SLIP_NOT_TRANSFERRED.format(
        id=case_id)
    denunciation = _case(db, kind=PetitionKind.TO_CAO, summary="Tố cáo cán bộ nhận tiền")
    _act(db, denunciation, "transfer", body="Thanh tra tỉnh Bắc Ninh")
    assert _error(issue_transfer, db, denunciation, NOW) == \
        messages.SLIP_DENUNCIATION_USE_FORM_03.format(id=denunciation)
    assert _error(issue_transfer, db, 4242, NOW) == messages.CASE_MISSING.format(id=4242)


def test_the_slip_follows_the_last_transfer(db, pdf):
    case_id = _case(db, outcome=Outcome.TRANSFERRED, outcome_body="Sở Nông nghiệp và Môi trường")
    first = issue_transfer(db, case_id, NOW)
    assert "Kính gửi: Sở Nông nghiệp và Môi trường." in _text(first.pdf, pdf)
    again = issue_transfer(db, case_id, NOW)  # the same transfer: the same slip, as a copy
    assert (again.copy, again.id, again.number) == (True, first.id, first.number)
    assert "BẢN SAO" in _text(again.pdf, pdf)


# --- 4. Phiếu chuyển đơn tố cáo: no identity of the denouncer ---------------------------------

DENOUNCER = person("Âu Dương Phong", serial=77, phone="0987654321",
                   address="Số 77 phố Hòe Nhai, phường Nhân Hòa")


def _denunciation(db) -> int:
    case_id = _case(
        db, DENOUNCER, PetitionKind.TO_CAO,
        "Tôi là Âu Dương Phong (CCCD 027090000077, điện thoại 0987654321) tố cáo cán bộ địa "
        "chính phường nhận tiền khi làm thủ tục cấp giấy chứng nhận; liên hệ ÂU DƯƠNG PHONG tại "
        "Số 77 phố Hòe Nhai, phường Nhân Hòa",
        documents=(DocumentItem("Đơn tố cáo của ông Âu Dương Phong", 3),
                   DocumentItem("Ảnh chụp biên lai", 1)))
    _act(db, case_id, "transfer", body="Thanh tra tỉnh Bắc Ninh")
    return case_id


def test_denunciation_transfer_slip_carries_no_identity(db, pdf):
    case_id = _denunciation(db)
    slip = issue_denunciation_transfer(db, case_id, NOW)
    text = _text(slip.pdf, pdf)
    _expect(
        text, *ON_DAY, "Số: 01/PC-UBND", "PHIẾU CHUYỂN ĐƠN TỐ CÁO",
        "Kính gửi: Thanh tra tỉnh Bắc Ninh.",
        f"Ngày 20/11/2026, {OFFICE} nhận được đơn tố cáo có nội dung: Tôi là […] (CCCD […], "
        "điện thoại […]) tố cáo cán bộ địa chính phường nhận tiền khi làm thủ tục cấp giấy "
        "chứng nhận; liên hệ […] tại […]",
        f"Căn cứ Điều 24 Luật Tố cáo năm 2018 và Thông tư số 05/2021/TT-TTCP của Thanh tra Chính "
        f"phủ, {OFFICE} chuyển đơn tố cáo đến Thanh tra tỉnh Bắc Ninh để giải quyết theo thẩm "
        "quyền.",
        "Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí "
        "mật theo quy định của Luật Tố cáo",
        "Kèm theo: Đơn tố cáo của ông […] (03 trang); Ảnh chụp biên lai (01 trang).",
        *HEAD_SIGNS)
    # Nơi nhận names no one but the addressee and the file.
    recipients = text[text.index("Nơi nhận:"):text.index("- Lưu: VT, hồ sơ.")]
    assert recipients == "Nơi nhận: - Như trên; "
    stored = db.execute("SELECT payload, subject FROM issued_documents WHERE id = ?",
                        [slip.id]).fetchone()
    meta = PdfReader(io.BytesIO(slip.pdf)).metadata
    for where in (text, fold(text), pdf.flat(" ".join(pdf.pages_text(slip.pdf))),
                  stored[0], fold(stored[0]), stored[1], json.dumps(dict(meta), ensure_ascii=False),
                  _text(reprint_slip(db, slip.id), pdf)):
        for secret in ("Âu Dương Phong", "au duong phong", "Dương", "027090000077", "0987654321",
                       "Hòe Nhai", "hoe nhai"):
            assert secret not in where, (secret, where[:80])
    for secret in ("027090000077", "0987654321"):
        assert secret.encode() not in slip.pdf


def test_denunciation_transfer_slip_only_for_a_transferred_denunciation(db):
    other = _case(db, outcome=Outcome.TRANSFERRED, outcome_body="Công an phường")
    assert _error(issue_denunciation_transfer, db, other, NOW) == \
        messages.SLIP_NOT_DENUNCIATION.format(id=other, kind="đơn kiến nghị")
    kept = _case(db, kind=PetitionKind.TO_CAO, summary="Tố cáo cán bộ nhận tiền")
    assert _error(issue_denunciation_transfer, db, kept, NOW) == \
        messages.SLIP_NOT_TRANSFERRED.format(id=kept)


def test_redact_finds_a_secret_whatever_its_case_tones_or_spacing():
    text = "Ông NGUYEN  van Dung, ông Nguyễn Văn Dũngg và Nguyễn Văn Dũng (0912345678)."
    assert redact(text, ["Nguyễn Văn Dũng", "0912345678", "", "ab"]) == \
        "Ông […], ông Nguyễn Văn Dũngg và […] ([…])."


# --- 5. Phiếu hướng dẫn ---------------------------------------------------------------------------


def test_guidance_slip_names_the_competent_body(db, pdf):
    case_id = _case(db, person("Lý Thị Mai", sex=Sex.NU, serial=9), outcome=Outcome.GUIDED,
                    outcome_body="Tòa án nhân dân khu vực 1 - Bắc Ninh")
    slip = issue_guidance(db, case_id, NOW)
    _expect(
        _text(slip.pdf, pdf), *ON_RECEIPT, "Số: 01/PHD-TCD", "PHIẾU HƯỚNG DẪN",
        "Về việc gửi đơn đến cơ quan có thẩm quyền", "Kính gửi: Bà Lý Thị Mai.",
        f"Ngày 20/11/2026, {OFFICE} nhận được đơn kiến nghị của bà với nội dung: Kiến nghị cấp "
        "giấy chứng nhận quyền sử dụng đất",
        f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {OFFICE}. Căn cứ "
        "Luật Tiếp công dân năm 2013 và Thông tư số 05/2021/TT-TTCP của Thanh tra Chính phủ, "
        f"{OFFICE} hướng dẫn bà gửi đơn đến Tòa án nhân dân khu vực 1 - Bắc Ninh để được xem "
        "xét, giải quyết theo thẩm quyền.",
        f"{OFFICE} thông báo để bà Lý Thị Mai biết và thực hiện./.", *HEAD_SIGNS)


def test_guidance_slip_needs_a_guidance(db):
    case_id = _case(db)
    assert _error(issue_guidance, db, case_id, NOW) == messages.SLIP_NOT_GUIDED.format(id=case_id)


# --- 6. Thông báo thụ lý / không thụ lý ---------------------------------------------------------


def test_acceptance_notice_to_the_complainant(db, pdf):
    case_id = _case(db, person("Trần Thị Ếch", sex=Sex.NU, serial=55), PetitionKind.KHIEU_NAI,
                    "Khiếu nại Quyết định số 12/QĐ-UBND về thu hồi đất")
    assert _error(issue_acceptance, db, case_id, NOW) == messages.SLIP_NOT_ACCEPTED.format(
        id=case_id)
    _act(db, case_id, "accept")
    slip = issue_acceptance(db, case_id, NOW)
    text = _text(slip.pdf, pdf)
    resolution = next(m.milestone.due_on for m in case_milestones(db, case_id, NOW.date())
                      if m.milestone.key == "complaint_resolution")
    _expect(
        text, *ON_DAY, "Số: 01/TB-UBND", "THÔNG BÁO",
        "Về việc thụ lý giải quyết khiếu nại", "Kính gửi: Bà Trần Thị Ếch.",
        "Địa chỉ: Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        f"Ngày 20/11/2026, {OFFICE} nhận được đơn khiếu nại của bà với nội dung: Khiếu nại "
        "Quyết định số 12/QĐ-UBND về thu hồi đất",
        # Accepting is the chairperson's act (Complaints Law art. 17, 27); the decree is the
        # one of the case's era (received 20/11/2026: Decree 155/2026 art. 10).
        "Căn cứ Điều 17 và Điều 27 Luật Khiếu nại năm 2011; Điều 10 Nghị định 155/2026/NĐ-CP, "
        "xét đơn đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết, ngày 23/11/2026, Chủ tịch "
        f"{OFFICE} đã thụ lý giải quyết khiếu nại của bà.",
        f"Thời hạn giải quyết theo quy định: chậm nhất ngày {resolution:%d/%m/%Y}.",
        f"Chủ tịch {OFFICE} thông báo để bà Trần Thị Ếch biết./.", *CHAIR_SIGNS)
    assert "TM. ỦY BAN NHÂN DÂN" not in text  # signed by the chairperson, not for the committee


def test_acceptance_notice_goes_to_the_denouncer_with_his_own_name(db, pdf):
    case_id = _case(db, DENOUNCER, PetitionKind.TO_CAO, "Tố cáo cán bộ nhận tiền")
    _act(db, case_id, "accept")
    text = _text(issue_acceptance(db, case_id, NOW).pdf, pdf)
    _expect(text, "Về việc thụ lý giải quyết tố cáo", "Kính gửi: Ông Âu Dương Phong.",
            "Căn cứ Điều 29 Luật Tố cáo năm 2018")


def test_non_acceptance_notice_gives_the_reason(db, pdf):
    case_id = _case(db, person("Hoàng Văn Năm", serial=13), PetitionKind.KHIEU_NAI,
                    "Khiếu nại việc xử phạt vi phạm hành chính")
    assert _error(issue_non_acceptance, db, case_id, now=NOW) == messages.SLIP_REASON_REQUIRED
    _act(db, case_id, "classify", data={"competent": True, "eligible": False},
         note="Khiếu nại đã quá thời hiệu theo Điều 9 Luật Khiếu nại.")
    slip = issue_non_acceptance(db, case_id, now=NOW)
    _expect(
        _text(slip.pdf, pdf), *HEADER, "Số: 01/TB-UBND", "THÔNG BÁO",
        "Về việc không thụ lý giải quyết khiếu nại", "Kính gửi: Ông Hoàng Văn Năm.",
        "Căn cứ Điều 11, Điều 17 và Điều 27 Luật Khiếu nại năm 2011; Điều 10 Nghị định "
        f"155/2026/NĐ-CP, Chủ tịch {OFFICE} thông báo không thụ lý giải quyết khiếu nại của ông "
        "vì lý do: Khiếu nại đã quá thời hiệu theo Điều 9 Luật Khiếu nại.",
        f"Chủ tịch {OFFICE} thông báo để ông Hoàng Văn Năm biết./.", *CHAIR_SIGNS)
    other = issue_non_acceptance(db, case_id, "Đơn không có chữ ký của người khiếu nại", NOW)
    # Every notice ("TB") shares one sequence: another reason, another notice, the next number.
    assert (other.number, other.copy) == ("02/TB-UBND", False)
    assert "vì lý do: Đơn không có chữ ký của người khiếu nại." in _text(other.pdf, pdf)


def test_notices_only_for_complaints_and_denunciations_at_the_right_step(db):
    petition = _case(db)
    assert _error(issue_acceptance, db, petition, NOW) == messages.SLIP_NOTICE_WRONG_KIND.format(
        id=petition, kind="đơn kiến nghị")
    complaint = _case(db, kind=PetitionKind.KHIEU_NAI, summary="Khiếu nại quyết định xử phạt")
    _act(db, complaint, "accept")
    assert _error(issue_non_acceptance, db, complaint, "Lý do", NOW) == \
        messages.SLIP_ALREADY_ACCEPTED.format(id=complaint, day="23/11/2026")


# --- 7. Thông báo kết luận việc tiếp công dân ---------------------------------------------------


def _session(db) -> Session:
    complaint = _case(db, person("Trần Thị Ếch", sex=Sex.NU, serial=55), PetitionKind.KHIEU_NAI,
                      "Khiếu nại Quyết định số 12/QĐ-UBND về thu hồi đất")
    denunciation = _denunciation(db)
    return Session(
        held_on=date(2026, 11, 26), host="Lê Văn Dũng",
        place="Trụ sở Ủy ban nhân dân phường Nhân Hòa",
        participants=("Công chức Địa chính - Xây dựng", "Trưởng Công an phường"),
        citizens=(
            SessionCitizen(case_id=complaint, conclusion="Giao công chức Địa chính kiểm tra hồ "
                                                         "sơ, báo cáo trước ngày 10/12/2026."),
            SessionCitizen(case_id=denunciation, conclusion="Đã chuyển Thanh tra tỉnh; ông Âu "
                                                            "Dương Phong được thông báo kết quả."),
            SessionCitizen(name="Trần Văn Bình", address="Thôn Đông, phường Nhân Hòa",
                           content="Phản ánh tiếng ồn của xưởng gỗ",
                           conclusion="Giao Công an phường kiểm tra, xử lý.")),
        conclusions=("Các bộ phận chuyên môn giải quyết dứt điểm các vụ việc trong tháng 12/2026.",),
        recipients=("Công an phường",))


def test_session_notice_lists_citizens_and_conclusions_without_the_denouncer(db, pdf):
    session = _session(db)
    slip = issue_session_notice(db, session, NOW)
    text = _text(slip.pdf, pdf)
    _expect(
        text, *HEADER, "Số: 01/TB-UBND", "THÔNG BÁO",
        f"Kết luận của Chủ tịch {OFFICE} tại buổi tiếp công dân định kỳ ngày 26/11/2026",
        f"Ngày 26/11/2026, tại Trụ sở {OFFICE}, đồng chí Lê Văn Dũng, Chủ tịch {OFFICE} đã chủ "
        "trì buổi tiếp công dân định kỳ theo quy định của Luật Tiếp công dân.",
        "Tham dự buổi tiếp có: Công chức Địa chính - Xây dựng; Trưởng Công an phường.",
        "Tại buổi tiếp có 03 lượt công dân đến trình bày.",
        "1. Trần Thị Ếch; địa chỉ: Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh.",
        "Nội dung trình bày: Khiếu nại Quyết định số 12/QĐ-UBND về thu hồi đất",
        "Kết luận: Giao công chức Địa chính kiểm tra hồ sơ, báo cáo trước ngày 10/12/2026.",
        "2. Người tố cáo (thông tin về người tố cáo được giữ bí mật).",
        "Kết luận: Đã chuyển Thanh tra tỉnh; ông […] được thông báo kết quả.",
        "3. Trần Văn Bình; địa chỉ: Thôn Đông, phường Nhân Hòa.",
        "Kết luận chung: - Các bộ phận chuyên môn giải quyết dứt điểm các vụ việc trong tháng "
        "12/2026.",
        f"{OFFICE} thông báo để công dân và các cơ quan, đơn vị, cá nhân có liên quan biết, thực "
        "hiện./.",
        "Nơi nhận:", "- Công an phường;", "- Công dân có tên tại Thông báo;",
        "- Lưu: VT, hồ sơ.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    payload = db.execute("SELECT payload FROM issued_documents WHERE id = ?", [slip.id]).fetchone()[0]
    for where in (text, fold(text), payload, fold(payload)):
        for secret in ("Âu Dương Phong", "au duong phong", "027090000077", "Hòe Nhai"):
            assert secret not in where, secret
    again = issue_session_notice(db, session, NOW)
    assert (again.copy, again.number) == (True, "01/TB-UBND")
    amended = issue_session_notice(db, replace(session, recipients=("Thanh tra tỉnh",)), NOW)
    assert (amended.copy, amended.number) == (False, "02/TB-UBND")


def test_session_notice_checks_its_values(db):
    bare = Session(held_on=date(2026, 11, 26), host="Lê Văn Dũng")
    assert _error(issue_session_notice, db, bare, NOW) == messages.SLIP_SESSION_EMPTY
    assert _error(issue_session_notice, db, replace(bare, host=" ", conclusions=("x",)),
                  NOW) == messages.SLIP_SESSION_HOST_REQUIRED
    nameless = replace(bare, citizens=(SessionCitizen(content="Phản ánh"),))
    assert _error(issue_session_notice, db, nameless, NOW) == \
        messages.SLIP_SESSION_CITIZEN_NAME.format(index=1)
    missing = replace(bare, citizens=(SessionCitizen(case_id=4242),))
    assert _error(issue_session_notice, db, missing, NOW) == messages.CASE_MISSING.format(id=4242)
    with pytest.raises(ValueError, match="held_on"):
        session_from_dict({"held_on": "26/11/2026", "host": "A"})
    with pytest.raises(ValueError, match="reception_kind"):
        session_from_dict({"held_on": "2026-11-26", "host": "A", "reception_kind": "x"})


# --- numbering, copies, failures, bytes, pages --------------------------------------------------


def test_numbers_run_per_kind_and_year_without_gaps(db):
    cases = [_case(db, person(name, serial=100 + n))
             for n, name in enumerate(("Bùi Văn An", "Vũ Thị Bích", "Đỗ Văn Cường"))]
    numbers = [issue_appointment(db, c, NOW).number for c in cases]
    assert numbers == ["01/PH-TCD", "02/PH-TCD", "03/PH-TCD"]
    assert issue_appointment(db, cases[0], NOW).copy  # one appointment slip per case
    assert issue_proposal(db, cases[1], NOW).number == "01/PĐX-TCD"
    next_year = datetime(2027, 1, 4, 9, 0)
    assert issue_proposal(db, cases[2], next_year).number == "01/PĐX-TCD"
    assert issue_proposal(db, cases[0], next_year).number == "02/PĐX-TCD"
    rows = db.execute("SELECT kind, year, group_concat(seq) FROM (SELECT * FROM issued_documents"
                      " WHERE case_id IS NOT NULL ORDER BY id) GROUP BY kind, year"
                      " ORDER BY kind, year").fetchall()
    assert rows == [("de_xuat_thu_ly", 2026, "1"), ("de_xuat_thu_ly", 2027, "1,2"),
                    ("phieu_hen", 2026, "1,2,3")]


def test_a_failing_render_writes_nothing_and_uses_no_number(db, monkeypatch):
    case_id = _case(db)
    before = snapshot(db)

    def fail(payload, **_):
        raise RuntimeError(payload["number"])

    monkeypatch.setitem(SLIPS, slips.APPOINTMENT, replace(SLIPS[slips.APPOINTMENT], render=fail))
    with pytest.raises(RuntimeError, match="01/PH-TCD"):
        issue_appointment(db, case_id, NOW)
    assert snapshot(db) == before
    monkeypatch.undo()
    assert issue_appointment(db, case_id, NOW).number == "01/PH-TCD"


def test_same_payload_same_bytes_and_copies_are_marked(db, pdf):
    case_id = _case(db, outcome=Outcome.GUIDED, outcome_body="Tòa án nhân dân khu vực 1")
    slip = issue_guidance(db, case_id, NOW)
    payload = json.loads(db.execute("SELECT payload FROM issued_documents WHERE id = ?",
                                    [slip.id]).fetchone()[0])
    render = SLIPS[slips.GUIDANCE].render
    assert render(payload) == render(payload) == slip.pdf
    copy = reprint_slip(db, slip.id)
    assert copy == reprint_slip(db, slip.id) == reprint(db, slip.id) != slip.pdf
    assert "BẢN SAO" in pdf.raw_text(copy) and "BẢN SAO" not in pdf.raw_text(slip.pdf)
    asked = copy_slip(db, slips.GUIDANCE, case_id)
    assert (asked.copy, asked.number, asked.pdf) == (True, slip.number, copy)


def test_a_copy_needs_an_original_and_kinds_are_checked(db):
    case_id = _case(db)
    assert _error(copy_slip, db, slips.APPOINTMENT, case_id) == messages.SLIP_NOT_ISSUED.format(
        what="phiếu hẹn")
    assert _error(issue_slip, db, "phieu_la", case_id) == messages.SLIP_KIND_UNKNOWN.format(
        kind="phieu_la", choices=", ".join(SLIPS))
    assert _error(issue_slip, db, slips.APPOINTMENT) == messages.SLIP_CASE_REQUIRED.format(
        what="phiếu hẹn")
    assert _error(issue_slip, db, slips.SESSION_NOTICE) == messages.SLIP_SESSION_REQUIRED


LONG = ("Kiến nghị về việc Ủy ban nhân dân xã cũ không giải quyết tranh chấp ranh giới đất giữa "
        "hộ ông Nguyễn Văn Ất và hộ bà Trần Thị Ếch tại thôn Đoài; ") * 20


@pytest.mark.parametrize("kind", [k for k in SLIPS if k != slips.SESSION_NOTICE])
def test_a_2000_character_summary_runs_over_pages_uncut(db, pdf, kind):
    summary = LONG[:2000]
    petition_kind = {slips.DENUNCIATION_TRANSFER: PetitionKind.TO_CAO,
                     slips.ACCEPTANCE: PetitionKind.KHIEU_NAI,
                     slips.NON_ACCEPTANCE: PetitionKind.KHIEU_NAI}.get(kind, PetitionKind.KIEN_NGHI)
    case_id = _case(db, kind=petition_kind, summary=summary)
    if kind in (slips.TRANSFER, slips.DENUNCIATION_TRANSFER):
        _act(db, case_id, "transfer", body="Thanh tra tỉnh Bắc Ninh")
    elif kind == slips.GUIDANCE:
        _act(db, case_id, "guide", body="Tòa án nhân dân khu vực 1")
    elif kind == slips.ACCEPTANCE:
        _act(db, case_id, "accept")
    slip = issue_slip(db, kind, case_id, reason="Đơn không đủ điều kiện", now=NOW)
    assert pdf.page_count(slip.pdf) > 1
    assert pdf.flat(summary) in _text(slip.pdf, pdf)
    last = pdf.flat(pdf.pages_text(slip.pdf)[-1])
    assert any(sign in last for sign in ("CHỦ TỊCH", "CÁN BỘ TIẾP CÔNG DÂN", "NGƯỜI ĐỀ XUẤT"))


def test_a_long_session_notice_runs_over_pages_uncut(db, pdf):
    session = Session(held_on=date(2026, 11, 26), host="Lê Văn Dũng", citizens=tuple(
        SessionCitizen(name=f"Công dân {i}", content=LONG[:2000], conclusion="Giao xem xét.")
        for i in range(3)))
    slip = issue_session_notice(db, session, NOW)
    assert pdf.page_count(slip.pdf) > 2
    assert _text(slip.pdf, pdf).count(pdf.flat(LONG[:2000])) == 3
    assert "CHỦ TỊCH" in pdf.pages_text(slip.pdf)[-1]
