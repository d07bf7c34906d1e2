"""The log book exports stream: a page (PDF) or a row (XLSX) at a time, whatever the length."""

from __future__ import annotations

import io
import threading
from datetime import date

import openpyxl
import pytest

from desk_app.core.documents import layout, logbook_xlsx
from desk_app.core.documents.data import LOG_COLUMNS
from desk_app.core.documents.logbook_pdf import export_log_pdf, render_log_pdf
from desk_app.core.documents.logbook_xlsx import export_log_xlsx, render_log_xlsx
from desk_app.core.errors import Cancelled
from desk_app.core.limits import XLSX_CELL_MAX
from desk_app.core.model import LogRow
from tests.core.documents.test_doc_logbook import OFFICE, _synthetic_rows
from tests.support import register

D1, D2 = date(2026, 1, 1), date(2026, 12, 31)


def test_the_pdf_table_holds_only_the_rows_of_the_page_being_laid_out(monkeypatch, pdf):
    consumed = drawn = backlog = 0

    def rows():
        nonlocal consumed, backlog
        for row in _synthetic_rows(1500):
            consumed += 1
            backlog = max(backlog, consumed - drawn)
            yield row

    draw = layout.GridTable.draw

    def counting_draw(self):
        nonlocal drawn
        drawn += len(self._waiting)
        draw(self)

    monkeypatch.setattr(layout.GridTable, "draw", counting_draw)
    data = render_log_pdf(OFFICE, rows(), D1, D2)
    pages = pdf.page_count(data)
    assert drawn >= consumed == 1500  # a row split between pages is drawn twice
    assert pages > 150
    assert backlog <= 2 * 1500 / pages + 2  # about one page ahead, never the whole book
    text = pdf.raw_text(data).split("\f")
    assert pdf.flat(text[0]).count("Trang 1/") == 1 and f"Trang {pages}/{pages}" in text[pages - 1]


def test_a_cancelled_export_leaves_no_file(db, tmp_path):
    register(db)
    out = tmp_path / "out"
    out.mkdir()
    cancel = threading.Event()
    cancel.set()
    for export, name in ((export_log_pdf, "so.pdf"), (export_log_xlsx, "so.xlsx")):
        with pytest.raises(Cancelled):
            export(db, date(2026, 1, 1), date(2026, 12, 31), out / name, cancel=cancel)
        assert list(out.iterdir()) == []


class _PublicCalls:
    """The reference: the same rows written with XlsxWriter's public calls."""

    def __init__(self, sheet, first_row: int, formats: list):
        self.sheet, self.row, self.formats = sheet, first_row - 1, formats

    def write(self, values: list) -> None:
        self.row += 1
        for col, (value, fmt) in enumerate(zip(values, self.formats, strict=True)):
            if isinstance(value, int):
                self.sheet.write_number(self.row, col, value, fmt)
            elif value:
                self.sheet.write_string(self.row, col, value, fmt)
            else:
                self.sheet.write_blank(self.row, col, None, fmt)

    def close(self) -> int:
        return self.row


def _cells(data: bytes) -> tuple:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    cells = tuple(
        (c.coordinate, c.value, c.font.b, c.font.i, c.font.name, c.font.sz,
         c.alignment.horizontal, c.alignment.vertical, c.alignment.wrap_text,
         c.border.left.style, c.border.bottom.style, c.fill.fgColor.rgb)
        for row in sheet.iter_rows() for c in row)
    return (cells, sheet.dimensions, sheet.freeze_panes, sheet.auto_filter.ref,
            tuple(str(r) for r in sheet.merged_cells.ranges), sheet.print_title_rows,
            sheet.page_setup.orientation, sheet.oddFooter.center.text)


def test_xlsx_rows_written_directly_read_back_as_the_public_calls_write_them(monkeypatch):
    rows = _synthetic_rows(40)
    tricky = ["  lề trái và phải  ", "A & B < C > D", "điều khiển \x01\x1f giữa", "_x0041_ chữ",
              "dòng một\ndòng hai", "Ủy ban nhân dân phường Nhân Hòa", "x" * (XLSX_CELL_MAX + 10)]
    for i, text in enumerate(tricky):
        rows[i] = LogRow(**{**rows[i].__dict__, "summary": text, "note": text[:40]})
    ours = render_log_xlsx(OFFICE, rows, D1, D2)
    monkeypatch.setattr(logbook_xlsx, "_RowWriter", _PublicCalls)
    reference = render_log_xlsx(OFFICE, rows, D1, D2)
    got, want = _cells(ours), _cells(reference)
    assert got == want
    values = [c[1] for c in got[0]]
    # Excel's escapes, which openpyxl leaves as they are (Excel shows the characters).
    assert "điều khiển _x0001__x001F_ giữa" in values and "_x005F_x0041_ chữ" in values
    assert "  lề trái và phải  " in values and "A & B < C > D" in values
    assert any(isinstance(v, str) and v.endswith("(tiếp theo)") for v in values)


def test_an_empty_range_writes_the_header_only():
    data = render_log_xlsx(OFFICE, iter(()), D1, D2)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.max_row == 5 and sheet["A5"].value == LOG_COLUMNS[0]
