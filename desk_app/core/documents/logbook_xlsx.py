"""Sổ tiếp công dân (Form 03/TCD) for a date range as an XLSX workbook.

XlsxWriter (10,000 lines in under a second; it writes each row's XML as it goes, where
openpyxl builds a cell object per value first). Title rows, the official
columns, wrapped text, a frozen header row, and a print setup of A4 landscape that repeats
the header row on every printed page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from sqlite_utils import Database

from desk_app.core.documents import layout
from desk_app.core.documents.data import (
    BOOKS,
    LOG_COLUMNS,
    book_columns,
    log_cells,
    log_rows_for_print,
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


def render_log_xlsx(office: dict, rows: Sequence[LogRow], date_from: date, date_to: date, *,
                    progress: Callable[[int, int], None] | None = None, cancel=None,
                    title: str = "Sổ tiếp công dân") -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True,
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
    sheet.merge_range(0, 0, 0, 3, "\n".join(parent), f_parent)
    sheet.merge_range(1, 0, 1, 3, "\n".join(body), f_body)
    sheet.merge_range(0, 8, 0, last_col, layout.NATIONAL_TITLE, f_national)
    sheet.merge_range(1, 8, 1, last_col, layout.MOTTO, f_national)
    sheet.set_row(0, 15 * max(len(parent), 1))
    sheet.set_row(1, 15 * max(len(body), 1))
    sheet.merge_range(2, 0, 2, last_col, title.upper(), f_title)
    sheet.merge_range(3, 0, 3, last_col,
                      f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}", f_range)
    sheet.set_row(HEADER_ROW, 45)
    for col, name in enumerate(book_columns(title)):
        sheet.write_string(HEADER_ROW, col, name, f_head)
    total = len(rows)
    r = HEADER_ROW
    for i, row in enumerate(rows):
        if i % 1000 == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress:
                progress(i, total)
        cells = [value if isinstance(value, int) else
                 nfc("\n".join(v for v in value if v) if isinstance(value, tuple) else value)
                 for value in log_cells(row)]
        # A cell holds at most 32,767 characters and Excel cuts the rest without a word: a
        # longer text (only rows entered before the limits of docs/limits.md) goes on below,
        # in rows marked as the line's continuation.
        pieces = [_pieces(c) if isinstance(c, str) else [c] for c in cells]
        for k in range(max(len(p) for p in pieces)):
            r += 1
            for col, parts in enumerate(pieces):
                fmt = f_center if col in CENTERED else f_cell
                value = parts[k] if k < len(parts) else ""
                if k and col == 0:
                    value = f"{cells[0]} (tiếp theo)"
                if isinstance(value, int):
                    sheet.write_number(r, col, value, fmt)
                elif value:
                    sheet.write_string(r, col, value, fmt)
                else:
                    sheet.write_blank(r, col, None, fmt)

    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    # Margins in inches: top/bottom 20 mm, left 30 mm, right 15 mm (as the PDF).
    sheet.set_margins(left=30 / 25.4, right=15 / 25.4, top=20 / 25.4, bottom=20 / 25.4)
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&CTrang &P/&N")
    if total:
        sheet.autofilter(HEADER_ROW, 0, r, last_col)
    book.close()
    if progress:
        progress(total, total)
    return buf.getvalue()


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
    """Write the log book (`book`: data.BOOKS) for the range to `out` (via a .part file);
    returns the line count."""
    rows = log_rows_for_print(db, date_from, date_to, reveal=reveal, book=book)
    data = render_log_xlsx(office_values(db), rows, date_from, date_to, progress=progress,
                           cancel=cancel, title=BOOKS[book])
    if cancel is not None and cancel.is_set():  # cancelled while the file was laid out
        raise Cancelled()
    layout.write_file(out, data)
    return len(rows)
