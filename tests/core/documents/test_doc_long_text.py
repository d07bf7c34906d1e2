"""Long text in printed documents: laid out once, in time that grows with the text,
nothing cut or reordered; the XLSX log never cuts a cell. Timings are in benchmarks/."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from reportlab.platypus import Paragraph

from desk_app.core.documents import layout
from desk_app.core.documents.logbook_pdf import render_log_pdf
from desk_app.core.documents.logbook_xlsx import render_log_xlsx
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.limits import XLSX_CELL_MAX
from desk_app.core.model import LogRow

OFFICE = {"name": "Ủy ban nhân dân phường Nhân Hòa", "parent_name": "Ủy ban nhân dân tỉnh Bắc Ninh",
          "place_name": "Nhân Hòa", "office_code": "24-09253"}


def numbered(count: int) -> str:
    """Words that say where they belong: a lost or reordered word shows."""
    return " ".join(f"đất{i:05d}" + ("" if i % 7 else " thửa ruộng") for i in range(count))


def _receipt(summary: str) -> dict:
    return {"kind": "bien_nhan_02", "number": "1/GBN-TCD", "year": 2026,
            "issued_on": "2026-11-20", "visit_id": 1, "office": OFFICE,
            "received_at": "2026-11-20T09:15:00", "online": False,
            "officer": {"name": "Nguyễn Thị Hồng Nhung", "position": "Công chức"},
            "provider": {"name": "Đặng Văn Dũng", "sex": "Nam", "id_label": "Số căn cước",
                         "id_number": "027090001234", "id_issued_on": "", "id_issued_by": "",
                         "address": "Số 5"},
            "petitions": [{"kind": "kien_nghi", "kind_label": "Kiến nghị", "summary": summary}],
            "items": []}


def test_a_long_summary_is_laid_out_exactly_as_one_paragraph(pdf):
    """The pieces a long paragraph is handed on in give the same lines, in the same places, as
    reportlab's own paragraph: only the time it takes differs."""
    text = numbered(2500)  # about 8 pages of body text
    st = layout.styles()
    ours = layout.build([layout.body(text)])
    theirs = layout.build([Paragraph(layout.esc(text), st.body)])
    assert pdf.page_count(ours) >= 6
    assert pdf.raw_text(ours) == pdf.raw_text(theirs)


def test_receipt_with_a_long_summary_keeps_every_word_in_order(pdf):
    text = numbered(3000)
    data = render_receipt(_receipt(text))
    words = pdf.raw_text(data).split()
    assert pdf.in_order(text.split(), words)
    assert sum(w.startswith("đất") for w in words) == 3000
    assert words[-1] != "đất02999"  # the signatures follow the text


def test_a_word_longer_than_a_cell_wraps_in_pieces(pdf):
    word = "".join(f"{i % 10}" for i in range(20_000))
    lines = layout.wrap_text(word, layout.styles().fonts.regular, 9, 60)
    assert "".join(t for t, _ in lines) == word
    assert all(w <= 60 for _, w in lines) and len(lines) > 100
    slashed = layout.wrap_text("1234/" + "6" * 40, layout.styles().fonts.regular, 9, 60)
    assert slashed[0][0] == "1234/"


def _row(summary: str) -> LogRow:
    return LogRow(petition_id=1, visit_id=1, received_at="2026-11-20T09:15:00",
                  person_name="Đặng Văn Dũng", address="Số 5", id_number="027090001234",
                  summary=summary, petition_kind="kien_nghi", crowd_size=1, prior_handlers="",
                  within_competence=False, guided_to="", transferred_to="", follow_up="received",
                  note="", reception_kind="thuong_xuyen", officer_name="", log_label="7/2026")


def test_log_pdf_with_an_unbroken_long_word(pdf):
    word = "x" * 6000
    data = render_log_pdf(OFFICE, [_row(word)], date(2026, 1, 1), date(2026, 12, 31))
    assert "".join(t for t in pdf.raw_text(data).split() if set(t) == {"x"}) == word


def test_xlsx_never_cuts_a_long_cell():
    """Cells hold 32,767 characters: a longer text (entered before the limits) continues on
    rows marked as the same line's continuation."""
    text = numbered(9000)
    assert len(text) > 2 * XLSX_CELL_MAX
    data = render_log_xlsx(OFFICE, [_row(text), _row("Dòng sau")], date(2026, 1, 1),
                           date(2026, 12, 31))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert [r[0] for r in rows] == ["7/2026", "7/2026 (tiếp theo)", "7/2026 (tiếp theo)", "7/2026"]
    assert all(len(r[4]) <= XLSX_CELL_MAX for r in rows)
    assert " ".join(r[4] for r in rows[:3]) == text
    assert rows[1][2] is None and rows[0][2].startswith("Đặng Văn Dũng")
    assert rows[3][4] == "Dòng sau"
    assert sheet.auto_filter.ref == "A5:M9"
