"""The report's files read back: XLSX with openpyxl (merged headers, numbers where the figures
are), the PDF's text (header, number, period, figures, signature, tables), JSON; an issued
report takes the next number and prints again as a copy; bad targets change nothing."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from openpyxl import load_workbook

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.reports.engine import build_report
from desk_app.core.reports.export import export_report, issue_report
from desk_app.core.reports.payload import report_payload
from desk_app.core.reports.periods import parse_period
from desk_app.core.reports.xlsx import render_report_xlsx
from desk_app.core.reprints import reprint
from tests.core.reports.conftest import REPORT_NOW
from tests.support import snapshot

Q4 = parse_period("2026-Q4")


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


def pdf_text(data: bytes) -> str:
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data,
                             capture_output=True, check=True).stdout.decode("utf-8")
    else:
        from pypdf import PdfReader

        out = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", out)).strip()


def _merged(sheet) -> dict[str, str]:
    return {str(r): sheet.cell(r.min_row, r.min_col).value for r in sheet.merged_cells.ranges}


def test_xlsx_is_laid_out_like_the_templates(office, tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    export_report(office, Q4, out, now=REPORT_NOW)
    book = load_workbook(out)
    assert book.sheetnames == ["01-TCD", "01-XLD", "01-KQGQ", "02-TCD", "03-TCD", "04-TCD"]
    xld = book["01-XLD"]
    assert xld["A1"].value == "ỦY BAN NHÂN DÂN PHƯỜNG NHÂN HÒA"
    merged = _merged(xld)
    assert merged["O1:AA1"] == "Biểu số 01/XLD"
    assert merged["A2:AA2"] == "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN"
    assert merged["A3:AA3"] == "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026"
    assert "Báo cáo quý IV năm 2026" in merged["A4:AA4"]
    # Header rows 6–8 with merged cells; the unit column spans all three.
    assert merged["A6:A8"] == "Đơn vị"
    assert merged["B6:B8"] == "Tổng số đơn"
    assert merged["C6:D6"] == "Kỳ trước chuyển sang"
    assert merged["C7:C8"] == "Đơn một người đứng tên"
    assert merged["S6:Z6"] == "Kết quả xử lý đơn"
    assert merged["S7:V7"] == "Đơn thuộc thẩm quyền"
    # The MS row and the figures, as numbers.
    assert [xld.cell(9, c).value for c in range(1, 5)] == ["MS", "1=2+3+4+5", "2", "3"]
    assert xld.cell(9, 10).value == "9=11+12+13=14+15+16+17=18+22"
    assert xld["A10"].value == "Ủy ban nhân dân phường Nhân Hòa"
    assert [xld.cell(10, c).value for c in range(2, 28)] == [
        10, 1, 0, 8, 1, 8, 2, 1, 7, 6, 2, 1, 4, 1, 0, 1, 5, 5, 2, 1, 2, 2, 1, 1, 0, 1]
    assert xld["A12"].value == "Ghi chú:"
    kntc = book["01-KQGQ"]
    assert [kntc.cell(r, 1).value for r in (9, 10, 11)] == ["Khiếu nại", "Tố cáo", "Tổng"]
    assert [kntc.cell(11, c).value for c in range(2, 12)] == [5, 1, 4, 4, 3, 1, 2, 2, 0, 1]
    areas = book["04-TCD"]
    assert [areas.cell(r, 1).value for r in range(9, 13)] == [
        "Phường Kinh Bắc", "Phường Nhân Hòa", "Chưa xác định địa bàn", "Tổng cộng"]


def test_xlsx_bytes_do_not_depend_on_the_clock(office):
    report = build_report(office, Q4, now=REPORT_NOW)
    payload = report_payload(report)
    assert render_report_xlsx(payload) == render_report_xlsx(json.loads(json.dumps(payload)))


def test_pdf_draft_reads_back(office, tmp_path):
    out = tmp_path / "bao-cao.pdf"
    export_report(office, Q4, out, now=REPORT_NOW)
    text = pdf_text(out.read_bytes())
    for piece in ("ỦY BAN NHÂN DÂN PHƯỜNG NHÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "/BC-UBND",
                  "Nhân Hòa, ngày 15 tháng 12 năm 2026", "BÁO CÁO",
                  "tố cáo quý IV năm 2026",
                  "(Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026)",
                  "đã tiếp 9 lượt với 14 người, về 9 vụ việc",
                  "Tổng số đơn phải xử lý: 10 đơn (kỳ trước chuyển sang 1 đơn, tiếp nhận trong "
                  "kỳ 9 đơn)",
                  "Đã giải quyết 4 vụ việc (đúng thời hạn 2, quá thời hạn 2)",
                  "Hình 1. Số đơn tiếp nhận theo tháng và loại đơn", "Hình 2.", "Hình 3.",
                  "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:", "Lưu: VT.",
                  "Biểu số 01/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", "Kỳ trước chuyển sang",
                  "Biểu số 04/TCD", "Phường Kinh Bắc", "Chưa xác định địa bàn"):
        assert piece in text, piece
    assert "Lưu ý" not in text  # no identity failed


def test_issued_report_is_numbered_and_reprinted_as_a_copy(office, tmp_path):
    first = export_report(office, Q4, tmp_path / "a.pdf", now=REPORT_NOW, issue=True)
    second = export_report(office, Q4, tmp_path / "b.pdf", now=REPORT_NOW, issue=True)
    assert (first.number, second.number) == ("01/BC-UBND", "02/BC-UBND")
    text = pdf_text((tmp_path / "a.pdf").read_bytes())
    assert "Số: 01/BC-UBND" in text
    assert "Kèm theo Báo cáo số 01/BC-UBND" in text
    doc_id, payload = office.execute(
        "SELECT id, payload FROM issued_documents WHERE kind = 'bao_cao_dinh_ky' AND seq = 1"
    ).fetchone()
    assert json.loads(payload)["tables"][1]["rows"][0]["values"]["1"] == 10
    copy = pdf_text(reprint(office, doc_id))
    assert "BẢN SAO" in copy and "Số: 01/BC-UBND" in copy and "BẢN SAO" not in text


def test_json_is_the_payload(office, tmp_path):
    out = tmp_path / "bao-cao.json"
    export_report(office, Q4, out, now=REPORT_NOW)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["period"] == {"spec": "2026-Q4", "label": "Quý IV năm 2026",
                              "start": "2026-09-15", "end": "2026-12-14", "mode": "cutoff",
                              "mode_label": "Chốt số liệu ngày 14 (Thông tư 01/2024/TT-TTCP)",
                              "range_text": "Số liệu tính từ ngày 15/09/2026 đến ngày "
                                            "14/12/2026"}
    assert [t["id"] for t in data["tables"]] == ["tcd", "xld", "kntc", "sessions", "topics",
                                                 "areas"]
    assert data["checks"] == {"failed": []}
    assert "Đặng" not in out.read_text(encoding="utf-8")  # figures only, no names


@pytest.mark.parametrize(("name", "issue", "message"), [
    ("bao-cao.docx", False, messages.REPORT_OUT_FORMAT.format(path="{dir}/bao-cao.docx")),
    ("bao-cao.xlsx", True, messages.REPORT_ISSUE_PDF_ONLY),
])
def test_bad_targets_change_nothing(office, tmp_path, name, issue, message):
    before = snapshot(office)
    with pytest.raises(DeskError) as info:
        export_report(office, Q4, tmp_path / name, now=REPORT_NOW, issue=issue)
    assert info.value.message == message.format(dir=tmp_path)
    assert snapshot(office) == before
    assert not list(tmp_path.glob("bao-cao*"))


def test_a_failed_render_uses_no_number(office, monkeypatch):
    report = build_report(office, Q4, now=REPORT_NOW)
    before = snapshot(office)

    def broken(payload, copy=False):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("desk_app.core.reports.export.render_report_pdf", broken)
    with pytest.raises(RuntimeError):
        issue_report(office, report, REPORT_NOW)
    assert snapshot(office) == before
