"""Sổ tiếp công dân (Form 03/TCD) as PDF and XLSX: columns, pagination, redaction."""

import io
import random
import unicodedata
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from desk_app import messages
from desk_app.core.documents import export_log_pdf, export_log_xlsx, log_rows_for_print
from desk_app.core.documents.data import LOG_COLUMNS, office_values
from desk_app.core.documents.logbook_pdf import render_log_pdf
from desk_app.core.documents.logbook_xlsx import render_log_xlsx
from desk_app.core.errors import DeskError
from desk_app.core.model import LogRow, PetitionKind, PetitionPart
from tests.support import part, person, register

D1, D2 = date(2026, 11, 1), date(2026, 11, 30)
OFFICE = {"name": "Ủy ban nhân dân phường Nhân Hòa", "parent_name": "Ủy ban nhân dân tỉnh Bắc Ninh",
          "place_name": "Nhân Hòa", "office_code": "24-09253"}
WORDS = ("đất", "ruộng", "thửa", "bồi", "thường", "giải", "phóng", "mặt", "bằng", "Ủy", "ban",
         "xã", "phường", "ngõ", "hẻm", "khiếu", "nại", "tố", "cáo", "Nguyễn", "Trần", "Lê", "ấp",
         "lũy", "tre", "điện", "nước", "cống", "rãnh", "ô", "nhiễm", "tiếng", "ồn", "quyết", "định")


def _synthetic_rows(n: int, seed: int = 7) -> list[LogRow]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        summary = f"Nội dung số {i}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 40)))
        rows.append(LogRow(
            petition_id=i, visit_id=i, received_at=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00",
            person_name=f"Người thứ {i}", address=f"Số {i} ngõ {i % 50}, phường Nhân Hòa",
            id_number=f"{i:012d}", summary=summary, petition_kind="khieu_nai", crowd_size=1 + i % 7,
            prior_handlers="UBND xã cũ đã trả lời" if i % 5 == 0 else "",
            within_competence=i % 2 == 0, guided_to="Tòa án nhân dân khu vực 1" if i % 7 == 0 else "",
            transferred_to="", follow_up="Đang xử lý", note="", reception_kind="thuong_xuyen",
            officer_name="", log_label=f"{i}/2026"))
    return rows


def test_log_book_pdf_is_landscape_with_the_official_columns(db, pdf):
    register(db)
    register(db, person("Lý Thị Mai", serial=9), parts=(part(PetitionKind.PHAN_ANH, "moi_truong",
                                                              "Phản ánh tiếng ồn ở ngõ 12"),))
    rows = log_rows_for_print(db, D1, D2)
    data = render_log_pdf(office_values(db), rows, D1, D2)
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    text = pdf.flat(pdf.raw_text(data))
    for expected in ("SỔ TIẾP CÔNG DÂN", "Từ ngày 01/11/2026 đến ngày 30/11/2026",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trang 1/1",
                     "1/2026 20/11/2026 Đặng Văn Dũng", "027090001234",
                     "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất Kiến nghị 1",
                     "Lý Thị Mai", "Phản ánh tiếng ồn ở ngõ 12 Phản ánh 1"):
        assert expected in text, expected
    for column in LOG_COLUMNS:
        assert all(w in text for w in column.split()), column
    assert all(embedded for _, embedded in pdf.fonts_report(data))


def test_many_lines_paginate_with_the_header_on_every_page(pdf):
    # 600 lines make ~85 pages: enough page breaks to catch a dropped or cut line
    # (the 10,000-line timing is benchmarks/bench_documents.py).
    rows = _synthetic_rows(600)
    data = render_log_pdf(OFFICE, rows, date(2026, 1, 1), date(2026, 12, 31))
    pages = pdf.page_count(data)
    assert pages > 50
    text = pdf.raw_text(data)
    # every line's text, in order: nothing dropped or cut at a page break
    tokens = text.split()
    words = [w for r in rows for w in (r.log_label, *r.person_name.split(), r.id_number,
                                        *r.summary.split())]
    assert pdf.in_order(words, tokens)
    per_page = text.split("\f")
    per_page = [p for p in per_page if p.strip()]
    assert len(per_page) == pages
    for n, page_text in enumerate(per_page, start=1):
        flat = pdf.flat(page_text)
        assert f"Trang {n}/{pages}" in flat
        assert "Tóm tắt nội dung vụ việc" in flat and "Theo dõi kết quả" in flat, n


def test_a_line_longer_than_a_page_is_split_between_lines_not_cut(pdf):
    rows = _synthetic_rows(3)
    huge = "Tóm tắt rất dài: " + " ".join(f"ý{i} thửa đất số {i}" for i in range(900))
    rows[1] = LogRow(**{**rows[1].__dict__, "summary": huge})
    data = render_log_pdf(OFFICE, rows, D1, D2)
    assert pdf.page_count(data) >= 3
    assert pdf.in_order(huge.split(), pdf.raw_text(data).split())
    assert pdf.in_order(rows[2].summary.split(), pdf.raw_text(data).split())


DENOUNCER = person("Âu Dương Phong", serial=77, address="Số 99 đường Bí Mật, phường Nhân Hòa")


def _denouncing_visit(db):
    return register(db, DENOUNCER, parts=(
        PetitionPart(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị cấp sổ đỏ thửa đất số 77"),
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền khi làm sổ đỏ"),
    ))


def test_printed_log_masks_a_denouncing_visit_as_the_screen_does(db, pdf, tmp_path):
    _denouncing_visit(db)
    register(db, person("Bùi Văn An", serial=1))
    out = tmp_path / "so.pdf"
    assert export_log_pdf(db, D1, D2, out) == 3
    assert not (tmp_path / "so.pdf.part").exists()
    text = pdf.flat(pdf.raw_text(out.read_bytes()))
    # both lines of the visit are masked, the content stays (Denunciation law art. 47, 56)
    assert text.count(messages.MASKED_NAME) == 2
    assert "Tố cáo cán bộ nhận tiền khi làm sổ đỏ" in text and "Bùi Văn An" in text
    for secret in ("Âu Dương Phong", DENOUNCER.id_number, "Bí Mật"):
        assert secret not in text

    revealed = tmp_path / "revealed.pdf"
    export_log_pdf(db, D1, D2, revealed, reveal=True)
    shown = pdf.flat(pdf.raw_text(revealed.read_bytes()))
    assert shown.count("Âu Dương Phong") == 2 and DENOUNCER.id_number in shown
    assert messages.MASKED_NAME not in shown


def test_log_xlsx_reads_back_exactly(db, tmp_path):
    _denouncing_visit(db)
    register(db, person("Nguyễn Thị Ếch", serial=2), prior_handlers="UBND xã cũ đã trả lời")
    out = tmp_path / "so.xlsx"
    assert export_log_xlsx(db, D1, D2, out) == 3
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet.title == "Sổ tiếp công dân"
    # The office header as on every printed document: parent over issuing body, national title.
    assert (sheet["A1"].value, sheet["A2"].value) == ("UBND TỈNH BẮC NINH",
                                                      "ỦY BAN NHÂN DÂN\nPHƯỜNG NHÂN HÒA")
    assert (sheet["I1"].value, sheet["I2"].value) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                      "Độc lập - Tự do - Hạnh phúc")
    assert sheet["A3"].value == "SỔ TIẾP CÔNG DÂN"
    assert sheet["A4"].value == "Từ ngày 01/11/2026 đến ngày 30/11/2026"
    assert [c.value for c in sheet[5]] == list(LOG_COLUMNS)
    lines = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert len(lines) == 3
    assert lines[0][:4] == ["1/2026", "20/11/2026", messages.MASKED_NAME + "\n" + messages.MASKED_VALUE,
                            messages.MASKED_VALUE]
    assert lines[1][0] == "2/2026" and lines[1][4] == "Tố cáo cán bộ nhận tiền khi làm sổ đỏ"
    assert lines[1][5] == "Tố cáo"
    ech = lines[2]
    assert ech[2].startswith("Nguyễn Thị Ếch\nSố 5 ngõ 12")
    assert ech[2] == unicodedata.normalize("NFC", ech[2])
    assert ech[6] == 1 and ech[7] == "UBND xã cũ đã trả lời" and ech[8] == "x"
    assert sheet.freeze_panes == "A6"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9
    assert sheet.print_title_rows == "$5:$5"
    assert sheet["C6"].alignment.wrap_text
    assert sheet.column_dimensions["E"].width > sheet.column_dimensions["A"].width

    export_log_xlsx(db, D1, D2, tmp_path / "all.xlsx", reveal=True)
    shown = openpyxl.load_workbook(tmp_path / "all.xlsx").active
    assert shown["C6"].value.startswith("Âu Dương Phong\n")


def test_many_lines_as_xlsx(tmp_path):
    rows = _synthetic_rows(2_000)
    data = render_log_xlsx(OFFICE, rows, date(2026, 1, 1), date(2026, 12, 31))
    assert data == render_log_xlsx(OFFICE, rows, date(2026, 1, 1), date(2026, 12, 31))
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    values = list(sheet.iter_rows(min_row=6, values_only=True))
    assert len(values) == 2_000
    assert [v[4] for v in values] == [r.summary for r in rows]


def test_reversed_range_is_refused(db):
    with pytest.raises(DeskError) as err:
        log_rows_for_print(db, D2, D1)
    assert err.value.message == messages.LOG_RANGE_REVERSED.format(start="30/11/2026",
                                                                   end="01/11/2026")


def test_case_statuses_print_in_vietnamese():
    from desk_app.core.documents.data import log_cells

    row = _synthetic_rows(1)[0]
    assert log_cells(LogRow(**{**row.__dict__, "follow_up": "closed"}))[11] == "Đã kết thúc"
    assert log_cells(LogRow(**{**row.__dict__, "follow_up": "Đang xử lý"}))[11] == "Đang xử lý"
