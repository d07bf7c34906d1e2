"""`desk-app slip KIND CASE_ID --out F.pdf` and the session notice from a JSON file."""

import io
import json
import unicodedata

import pytest
from pypdf import PdfReader

from desk_app import messages
from desk_app.core.documents.slips import SLIPS

PERSON = {"full_name": "Đặng Văn Dũng", "id_number": "027090001234",
          "date_of_birth": "1990-03-04", "sex": "Nam", "phone": "0912345678",
          "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"}
VISIT = {"person": PERSON, "reception_kind": "thuong_xuyen", "petition_kind": "kien_nghi",
         "topic": "dat_dai", "summary": "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
         "received_at": "2026-11-20T09:15:00", "officer_id": 1,
         "documents": [{"name": "Đơn kiến nghị", "pages": 2, "condition": "bản gốc"}]}


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


def _intake(cli, tmp_path, **changes) -> int:
    path = tmp_path / "visit.json"
    path.write_text(json.dumps({**VISIT, **changes}, ensure_ascii=False), encoding="utf-8")
    done = cli("intake", path, "--json")
    assert done.code == 0, done.err
    return json.loads(done.out)["case_id"]


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_appointment_slip_then_copies(cli, office, tmp_path):
    case_id = _intake(cli, tmp_path)
    out = tmp_path / "hen.pdf"
    done = cli("slip", "phieu_hen", case_id, "--out", out)
    assert done.code == 0, done.err
    assert done.out.strip() == f"Đã in phiếu hẹn số 01/PH-TCD ra {out}"
    text = _text(out)
    assert "PHIẾU HẸN" in text and "Đặng Văn Dũng" in text and "BẢN SAO" not in text
    again = cli("slip", "phieu_hen", case_id, "--out", tmp_path / "hen2.pdf", "--json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == {"kind": "phieu_hen", "case_id": case_id,
                                     "number": "01/PH-TCD", "copy": True,
                                     "out": str(tmp_path / "hen2.pdf")}
    copy = cli("slip", "phieu_hen", case_id, "--copy", "--out", tmp_path / "hen3.pdf")
    assert copy.out.strip() == f"Đã in phiếu hẹn số 01/PH-TCD (bản sao) ra {tmp_path / 'hen3.pdf'}"
    assert "BẢN SAO" in _text(tmp_path / "hen3.pdf")


def test_transfer_guidance_and_denunciation_slips(cli, office, tmp_path, read_db):
    transferred = _intake(cli, tmp_path, outcome="transferred", outcome_body="Công an phường")
    done = cli("slip", "phieu_chuyen_don", transferred, "--out", tmp_path / "pc.pdf")
    assert done.code == 0, done.err
    assert "Kính gửi: Công an phường." in _text(tmp_path / "pc.pdf")
    guided = _intake(cli, tmp_path, outcome="guided", outcome_body="Tòa án nhân dân khu vực 1",
                     summary="Kiến nghị chia di sản thừa kế")
    done = cli("slip", "phieu_huong_dan", guided, "--out", tmp_path / "hd.pdf")
    assert done.code == 0, done.err
    assert "Tòa án nhân dân khu vực 1" in _text(tmp_path / "hd.pdf")
    denounced = _intake(cli, tmp_path, petition_kind="to_cao", outcome="transferred",
                        outcome_body="Thanh tra tỉnh Bắc Ninh",
                        summary="Tố cáo cán bộ địa chính nhận tiền")
    done = cli("slip", "phieu_chuyen_don_to_cao", denounced, "--out", tmp_path / "tc.pdf", "--json")
    assert done.code == 0, done.err
    # Both transfer slips are "PC" (Decree 30/2020 Appendix III) and share one sequence.
    assert json.loads(done.out)["number"] == "02/PC-UBND"
    text = _text(tmp_path / "tc.pdf")
    assert "PHIẾU CHUYỂN ĐƠN TỐ CÁO" in text
    assert "Đặng Văn Dũng" not in text and "027090001234" not in text
    with read_db() as conn:
        kinds = conn.execute("SELECT kind, number FROM issued_documents WHERE case_id IS NOT NULL"
                             " ORDER BY id").fetchall()
    assert kinds == [("phieu_chuyen_don", "01/PC-UBND"), ("phieu_huong_dan", "01/PHD-TCD"),
                     ("phieu_chuyen_don_to_cao", "02/PC-UBND")]


def test_session_notice_from_a_file(cli, office, tmp_path):
    case_id = _intake(cli, tmp_path)
    session = tmp_path / "buoi.json"
    session.write_text(json.dumps({
        "held_on": "2026-11-26", "host": "Lê Văn Dũng", "place": "Trụ sở UBND phường",
        "citizens": [{"case_id": case_id, "conclusion": "Giao công chức Địa chính trả lời."}],
        "conclusions": ["Giải quyết dứt điểm trong tháng 12/2026."]}, ensure_ascii=False),
        encoding="utf-8")
    out = tmp_path / "kl.pdf"
    done = cli("slip", "ket_luan_tiep", "--session-file", session, "--out", out)
    assert done.code == 0, done.err
    assert done.out.strip() == f"Đã in thông báo kết luận việc tiếp công dân số 01/TB-UBND ra {out}"
    text = _text(out)
    assert "Giao công chức Địa chính trả lời." in text and "Đặng Văn Dũng" in text
    copy = cli("slip", "ket_luan_tiep", "--session-file", session, "--copy",
               "--out", tmp_path / "kl2.pdf")
    assert copy.code == 0 and "(bản sao)" in copy.out


def test_slip_bad_input(cli, office, tmp_path):
    case_id = _intake(cli, tmp_path)
    out = tmp_path / "x.pdf"

    def fails(*args) -> str:
        done = cli("slip", *args, "--out", out)
        assert done.code == 1, done.out
        return done.err.strip()

    assert fails("phieu_la", case_id) == messages.SLIP_KIND_UNKNOWN.format(
        kind="phieu_la", choices=", ".join(SLIPS))
    assert fails("phieu_hen", 999) == messages.CASE_MISSING.format(id=999)
    assert fails("phieu_hen") == messages.SLIP_CASE_REQUIRED.format(what="phiếu hẹn")
    assert fails("phieu_chuyen_don", case_id) == messages.SLIP_NOT_TRANSFERRED.format(id=case_id)
    assert fails("phieu_huong_dan", case_id) == messages.SLIP_NOT_GUIDED.format(id=case_id)
    assert fails("phieu_chuyen_don_to_cao", case_id) == messages.SLIP_NOT_DENUNCIATION.format(
        id=case_id, kind="đơn kiến nghị")
    assert fails("thong_bao_thu_ly", case_id) == messages.SLIP_NOTICE_WRONG_KIND.format(
        id=case_id, kind="đơn kiến nghị")
    assert fails("de_xuat_thu_ly", case_id, "--copy") == messages.SLIP_NOT_ISSUED.format(
        what="phiếu đề xuất thụ lý đơn")
    assert fails("ket_luan_tiep") == messages.SLIP_SESSION_REQUIRED
    broken = tmp_path / "buoi.json"
    broken.write_text('{"held_on": "26/11/2026"}', encoding="utf-8")
    assert fails("ket_luan_tiep", "--session-file", broken) == \
        messages.SLIP_SESSION_FILE_INVALID.format(
            path=broken, why="“held_on” phải là ngày dạng YYYY-MM-DD")
    assert not out.exists()
    done = cli("slip", "phieu_hen", case_id, "--out", tmp_path / "x.png")
    assert done.code == 1 and "phải có đuôi .pdf" in done.err
    with pytest.raises(SystemExit) as usage:
        cli("slip", "phieu_hen", case_id)  # --out is required
    assert usage.value.code == 2


def test_help_lists_every_kind(cli, capsys):
    with pytest.raises(SystemExit):
        cli("slip", "--help")
    shown = capsys.readouterr().out
    assert all(kind in shown for kind in SLIPS)
