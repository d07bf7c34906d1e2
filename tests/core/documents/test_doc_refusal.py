"""Thông báo về việc từ chối tiếp công dân (Form 01/TCD)."""

from datetime import datetime

import pytest

from desk_app import messages
from desk_app.core.documents import issue_refusal
from desk_app.core.documents.refusal import legal_basis
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, Sex
from desk_app.core.storage import settings
from tests.support import part, person, register

ON = datetime(2026, 11, 23, 8, 30)


def _refused(db, who=None, **changes):
    values = {"outcome": Outcome.REFUSED, "refusal_reason": "da_giai_quyet_dung"}
    values.update(changes)
    return register(db, who, **values)


def test_notice_names_who_came_when_why_and_on_what_ground(db, pdf):
    settings.put(db, "signer_name", "Lê Văn Dũng")
    visit = _refused(db, person("Trần Thị Ếch", sex=Sex.NU, serial=55),
                     parts=(part(PetitionKind.KHIEU_NAI, summary="Khiếu nại việc thu hồi đất"),))
    notice = issue_refusal(db, visit.visit_id, now=ON)
    assert notice.number == "01/TB-UBND" and notice.year == 2026 and notice.seq == 1
    text = pdf.flat(pdf.raw_text(notice.pdf))
    for expected in (
        "Số: 01/TB-UBND", "Nhân Hòa, ngày 23 tháng 11 năm 2026",
        "THÔNG BÁO", "Về việc từ chối tiếp công dân", "Kính gửi: Bà Trần Thị Ếch.",
        # Form 01/TCD: the ID with its date and place of issue (dotted lines when unknown).
        "Ngày 20/11/2026, bà Trần Thị Ếch, số căn cước 027190000055, ngày cấp …/…/……, nơi cấp "
        "……………;",
        "đến Ủy ban nhân dân phường Nhân Hòa để khiếu nại về việc:",
        "Khiếu nại việc thu hồi đất",
        # Refused on 20/11/2026, after 01/07/2026: Decree 154/2026 art. 4.
        "Căn cứ Điều 4 Nghị định số 154/2026/NĐ-CP, Ủy ban nhân dân phường Nhân Hòa "
        "thông báo từ chối tiếp bà Trần Thị Ếch vì lý do: Vụ việc đã giải quyết đúng chính "
        "sách, pháp luật",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT, hồ sơ.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Dũng",
    ):
        assert expected in text, expected
    assert all(embedded for _, embedded in pdf.fonts_report(notice.pdf))


def test_notice_is_numbered_once_per_visit_and_in_sequence(db, pdf):
    first = _refused(db)
    second = _refused(db, person("Lý Thị Mai", serial=9), refusal_reason="trung_lap_da_tra_loi")
    a = issue_refusal(db, first.visit_id, now=ON)
    b = issue_refusal(db, second.visit_id, now=ON)
    assert (a.number, b.number) == ("01/TB-UBND", "02/TB-UBND")
    again = issue_refusal(db, first.visit_id, now=ON)
    assert (again.id, again.number, again.sha256) == (a.id, a.number, a.sha256)
    assert "BẢN SAO" in pdf.raw_text(again.pdf)
    assert db.execute("SELECT COUNT(*) FROM issued_documents WHERE kind = 'tu_choi_01'"
                      ).fetchone()[0] == 2


def test_only_a_refused_visit_gets_a_notice(db):
    visit = register(db)
    with pytest.raises(DeskError) as err:
        issue_refusal(db, visit.visit_id, now=ON)
    assert err.value.message == messages.REFUSAL_NOT_REFUSED.format(id=visit.visit_id)
    with pytest.raises(DeskError) as err:
        issue_refusal(db, 4242, now=ON)
    assert err.value.message == messages.VISIT_MISSING.format(id=4242)


def test_long_content_runs_over_pages_and_the_signature_keeps_its_sentence(db, pdf):
    summary = ("Khiếu nại việc Ủy ban nhân dân xã cũ không giải quyết tranh chấp ranh giới đất "
               "giữa hộ ông Nguyễn Văn Ất và hộ bà Trần Thị Ếch tại thôn Đoài; ") * 20
    visit = _refused(db, parts=(part(PetitionKind.KHIEU_NAI, summary=summary[:2000]),))
    notice = issue_refusal(db, visit.visit_id, now=ON)
    assert pdf.page_count(notice.pdf) > 1
    assert pdf.flat(summary[:2000]) in pdf.flat(pdf.raw_text(notice.pdf))
    last = pdf.pages_text(notice.pdf)[-1]
    assert "thông báo để ông Đặng Văn Dũng được biết./." in pdf.flat(last)
    assert "CHỦ TỊCH" in last


def test_legal_basis_is_cited_as_a_document_cites_it():
    assert legal_basis("Luật TCD điều 9 khoản 3") == "khoản 3 Điều 9 Luật Tiếp công dân năm 2013"
    assert legal_basis("Nghị định 154/2026 điều 4") == "Điều 4 Nghị định số 154/2026/NĐ-CP"
    assert legal_basis("") == "quy định của pháp luật về tiếp công dân"
    assert legal_basis("Luật khác") == "Luật khác"
