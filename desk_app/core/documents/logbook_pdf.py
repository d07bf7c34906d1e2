"""Sổ tiếp công dân (Form 03/TCD) for a date range as a PDF: A4 landscape, the official
columns, the header row on every page, "Trang n/N", long text wrapped and never cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlite_utils import Database

from desk_app.core.documents import layout
from desk_app.core.documents.data import (
    BOOKS,
    book_columns,
    log_cells,
    log_rows_for_print,
    office_values,
)
from desk_app.core.documents.layout import GridTable, Page
from desk_app.core.errors import Cancelled
from desk_app.core.model import LogRow

# Column widths in mm, LOG_COLUMNS order; they fill the landscape text width (297-30-15).
WIDTHS_MM = (18, 17, 34, 22, 40, 15, 10, 17, 12, 17, 17, 13, 20)
CENTERED = (0, 1, 5, 6, 8)
FONT_SIZE = 9


def story(office: dict, rows: Sequence[LogRow], date_from: date, date_to: date, *,
          progress: Callable[[int, int], None] | None = None, cancel=None,
          title: str = "Sổ tiếp công dân") -> list[Flowable]:
    width = layout.text_width(portrait=False)
    widths = [w * mm for w in WIDTHS_MM]
    widths[4] += width - sum(widths)  # the summary takes whatever is left
    cells = []
    total = len(rows)
    for i, row in enumerate(rows):
        if i % 500 == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress:
                progress(i, total)
        cells.append(log_cells(row))
    table = GridTable(book_columns(title), cells, widths, size=FONT_SIZE, centered=CENTERED,
                      bold_first_line=(2,))
    if cancel is not None and cancel.is_set():  # wrapping every cell is the long part
        raise Cancelled()
    st = layout.styles()
    return [
        layout.header(office["name"], office["parent_name"], width=width),
        *layout.title(title),
        layout.para(f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}", st.place_date),
        Spacer(1, 5 * mm),
        table,
    ]


def render_log_pdf(office: dict, rows: Sequence[LogRow], date_from: date, date_to: date, *,
                   progress: Callable[[int, int], None] | None = None, cancel=None,
                   title: str = "Sổ tiếp công dân") -> bytes:
    data = layout.build(story(office, rows, date_from, date_to, progress=progress, cancel=cancel,
                              title=title),
                        Page(landscape=True, numbering="footer"), title=title,
                        subject=f"{date_from:%d/%m/%Y} - {date_to:%d/%m/%Y}")
    if progress:
        progress(len(rows), len(rows))
    return data


def export_log_pdf(db: Database, date_from: date, date_to: date, out: str | Path, *,
                   reveal: bool = False, progress: Callable[[int, int], None] | None = None,
                   cancel=None, book: str = "visit") -> int:
    """Write the log book (`book`: data.BOOKS) for the range to `out` (via a .part file);
    returns the line count."""
    rows = log_rows_for_print(db, date_from, date_to, reveal=reveal, book=book)
    data = render_log_pdf(office_values(db), rows, date_from, date_to, progress=progress,
                          cancel=cancel, title=BOOKS[book])
    if cancel is not None and cancel.is_set():  # cancelled while the pages were laid out
        raise Cancelled()
    layout.write_file(out, data)
    return len(rows)
