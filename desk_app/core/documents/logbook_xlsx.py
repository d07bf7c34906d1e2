"""Sổ tiếp công dân (Form 03/TCD) for a date range as an XLSX workbook.

XlsxWriter in its constant-memory mode: each row's XML goes to a temporary file as soon as
the row is complete, and the lines are read from the database in batches as they are
written, so a year of a province's log (100,000 lines) takes the memory of a few rows
(docs/scale.md). Title rows, the official columns, wrapped text, a frozen header row, and a
print setup of A4 landscape that repeats the header row on every printed page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import xlsxwriter
from sqlite_utils import Database
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.xmlwriter import XMLwriter

from desk_app.core.documents import layout
from desk_app.core.documents.data import (
    BOOKS,
    LOG_COLUMNS,
    book_columns,
    log_cells,
    log_lines_for_print,
    office_values,
)
from desk_app.core.documents.layout import nfc
from desk_app.core.errors import Cancelled
from desk_app.core.limits import XLSX_CELL_MAX
from desk_app.core.model import LogRow

# Column widths in characters, LOG_COLUMNS order.
WIDTHS = (9, 11, 30, 15, 45, 11, 7, 18, 10, 20, 20, 14, 18)
CENTERED = (0, 1, 5, 6, 8)
HEADER_ROW = 4  # 0-based: parent body, issuing body, title, range, header


def write_log_xlsx(out: BinaryIO, office: dict, rows: Iterable[LogRow], date_from: date,
                   date_to: date, *, total: int | None = None,
                   progress: Callable[[int, int], None] | None = None, cancel=None,
                   title: str = BOOKS["visit"]) -> None:
    """The workbook of these lines (any iterable, read once in order), written to `out`;
    `total` (the number of lines) for `progress`."""
    if total is None and isinstance(rows, (list, tuple)):
        total = len(rows)
    # Rows must be written top to bottom (constant memory): title, header, lines, in order.
    book = xlsxwriter.Workbook(out, {"constant_memory": True,
                                     "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    # A fixed creation time keeps the same data giving the same file.
    book.set_properties({"title": title, "author": nfc(office["name"]),
                         "created": datetime(date_to.year, date_to.month, date_to.day)})
    sheet = book.add_worksheet(title)
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top", "text_wrap": True}
    f_title = book.add_format({**base, "bold": True, "font_size": 14, "align": "center",
                               "text_wrap": False})
    f_range = book.add_format({**base, "italic": True, "align": "center", "text_wrap": False})
    f_head = book.add_format({**base, "bold": True, "align": "center", "valign": "vcenter",
                              "border": 1, "bg_color": "#F2F2F2"})
    f_cell = book.add_format({**base, "border": 1})
    f_center = book.add_format({**base, "border": 1, "align": "center"})
    last_col = len(LOG_COLUMNS) - 1

    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    # The office header as every printed document has it (layout.header_lines): the parent
    # body over the issuing body on the left, the national title and motto on the right.
    parent, body = layout.header_lines(office["name"], office["parent_name"])
    f_parent = book.add_format({**base, "align": "center", "text_wrap": True})
    f_body = book.add_format({**base, "bold": True, "align": "center", "text_wrap": True})
    f_national = book.add_format({**base, "bold": True, "align": "center", "text_wrap": False})
    # Row by row (constant memory: a row is written out once a later one is started).
    sheet.set_row(0, 15 * max(len(parent), 1))
    sheet.merge_range(0, 0, 0, 3, "\n".join(parent), f_parent)
    sheet.merge_range(0, 8, 0, last_col, layout.NATIONAL_TITLE, f_national)
    sheet.set_row(1, 15 * max(len(body), 1))
    sheet.merge_range(1, 0, 1, 3, "\n".join(body), f_body)
    sheet.merge_range(1, 8, 1, last_col, layout.MOTTO, f_national)
    sheet.merge_range(2, 0, 2, last_col, title.upper(), f_title)
    sheet.merge_range(3, 0, 3, last_col,
                      f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}", f_range)
    sheet.set_row(HEADER_ROW, 45)
    for col, name in enumerate(book_columns(title)):
        sheet.write_string(HEADER_ROW, col, name, f_head)
    lines = _RowWriter(sheet, HEADER_ROW + 1, [f_center if col in CENTERED else f_cell
                                                for col in range(len(LOG_COLUMNS))])
    count = 0
    for count, row in enumerate(rows, start=1):
        if count % 1000 == 1:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress and total:
                progress(count - 1, total)
        cells = [value if isinstance(value, int) else
                 nfc("\n".join(v for v in value if v) if isinstance(value, tuple) else value)
                 for value in log_cells(row)]
        # A cell holds at most 32,767 characters and Excel cuts the rest without a word: a
        # longer text (only rows entered before the limits of docs/limits.md) goes on below,
        # in rows marked as the line's continuation.
        pieces = [_pieces(c) if isinstance(c, str) and len(c) > XLSX_CELL_MAX else [c]
                  for c in cells]
        for k in range(max(len(p) for p in pieces)):
            values = [parts[k] if k < len(parts) else "" for parts in pieces]
            if k:
                values[0] = f"{cells[0]} (tiếp theo)"
            lines.write(values)
    r = lines.close()

    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    # Margins in inches: top/bottom 20 mm, left 30 mm, right 15 mm (as the PDF).
    sheet.set_margins(left=30 / 25.4, right=15 / 25.4, top=20 / 25.4, bottom=20 / 25.4)
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&CTrang &P/&N")
    if count:
        sheet.autofilter(HEADER_ROW, 0, r, last_col)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    book.close()
    if progress and total is not None:
        progress(total, total)


def render_log_xlsx(office: dict, rows: Iterable[LogRow], date_from: date, date_to: date, *,
                    progress: Callable[[int, int], None] | None = None, cancel=None) -> bytes:
    """The same as bytes (a short range, tests)."""
    buf = io.BytesIO()
    write_log_xlsx(buf, office, rows, date_from, date_to, progress=progress, cancel=cancel)
    return buf.getvalue()


class _RowWriter:
    """Writes the lines' rows as XML straight into the worksheet's row file.

    XlsxWriter's own `write_*` calls cost ~30 µs a cell (checks, a cell object, attribute
    escaping): 40 s for a year of a province's log. In constant-memory mode it writes each
    finished row as `<row>` XML to a temporary file (`row_data_fh`) and copies that file into
    the sheet at the end; this writes the same XML for our plain cells (an inline string, a
    number or a blank, each with its format) and then tells the sheet how far the data goes.
    It relies on those internals of XlsxWriter 3.x (pinned); tests/core/documents read the
    workbook back cell by cell and compare it with the one the public calls write.
    """

    def __init__(self, sheet, first_row: int, formats: list):
        sheet._write_single_row(first_row)  # the rows above are written out now
        self.sheet = sheet
        self.fh = sheet.row_data_fh
        self.row = first_row - 1
        self.first_row = first_row
        self.cols = [(xl_col_to_name(col), fmt._get_xf_index()) for col, fmt in enumerate(formats)]

    def write(self, values: list) -> None:
        self.row += 1
        n = self.row + 1  # rows are numbered from 1 in the XML
        out = [f'<row r="{n}">']
        for (name, xf), value in zip(self.cols, values, strict=True):
            if isinstance(value, int):
                out.append(f'<c r="{name}{n}" s="{xf}"><v>{value}</v></c>')
            elif value:
                space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
                out.append(f'<c r="{name}{n}" s="{xf}" t="inlineStr"><is><t{space}>'
                           f'{_xml_text(value)}</t></is></c>')
            else:
                out.append(f'<c r="{name}{n}" s="{xf}"/>')
        out.append("</row>")
        self.fh.write("".join(out))

    def close(self) -> int:
        """The last row written (the header's, if none)."""
        if self.row >= self.first_row:
            self.sheet._check_dimensions(self.row, len(self.cols) - 1)
            self.sheet.previous_row = self.row + 1
        return self.row


_XML_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


def _xml_text(text: str) -> str:
    """Element text as XlsxWriter writes it: &, <, > escaped; control characters as Excel's
    _xHHHH_ (and a literal _xHHHH_ with its underscore escaped)."""
    if not _XML_SPECIAL.search(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return XMLwriter._escape_control_characters(text)


def _pieces(text: str, size: int = XLSX_CELL_MAX) -> list[str]:
    """`text` in pieces of at most `size` characters, cut at a space where there is one."""
    out = []
    while len(text) > size:
        cut = text.rfind(" ", size // 2, size + 1)
        cut = cut if cut > 0 else size
        out.append(text[:cut])
        text = text[cut:].lstrip(" ")
    out.append(text)
    return out


def export_log_xlsx(db: Database, date_from: date, date_to: date, out: str | Path, *,
                    reveal: bool = False, progress: Callable[[int, int], None] | None = None,
                    cancel=None, book: str = "visit") -> int:
    """Write the log book (`book`: data.BOOKS) for the range to `out` (via a .part file,
    removed if cancelled); returns the line count."""
    total, rows = log_lines_for_print(db, date_from, date_to, reveal=reveal, book=book)
    office = office_values(db)

    def produce(fh) -> None:
        write_log_xlsx(fh, office, rows, date_from, date_to, total=total, progress=progress,
                       cancel=cancel, title=BOOKS[book])
        if cancel is not None and cancel.is_set():  # cancelled while the file was closed
            raise Cancelled()

    layout.write_streamed(out, produce)
    return total
