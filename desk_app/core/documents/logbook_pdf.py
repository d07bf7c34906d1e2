"""Sổ tiếp công dân (Form 03/TCD) for a date range as a PDF: A4 landscape, the official
columns, the header row on every page, "Trang n/N", long text wrapped and never cut.

A year of a province's log is 100,000 lines and ~10,000 pages: the lines are read from the
database in batches as the pages need them and written to the file as it is made, so time
and memory stay in proportion to a page, not to the year (docs/scale.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlite_utils import Database

from desk_app.core.documents import layout
from desk_app.core.documents.data import (
    BOOKS,
    book_columns,
    log_cells,
    log_lines_for_print,
    office_values,
)
from desk_app.core.documents.layout import GridTable, Page
from desk_app.core.errors import Cancelled
from desk_app.core.model import LogRow

# Column widths in mm, LOG_COLUMNS order; they fill the landscape text width (297-30-15).
WIDTHS_MM = (18, 17, 34, 22, 40, 15, 10, 17, 12, 17, 17, 13, 20)
CENTERED = (0, 1, 5, 6, 8)
FONT_SIZE = 9


def _cells(rows: Iterable[LogRow], total: int | None,
           progress: Callable[[int, int], None] | None, cancel) -> Iterator[tuple]:
    """Each line's cells as the table asks for them; progress and cancel every 500 lines."""
    count = 0
    for count, row in enumerate(rows):
        if count % 500 == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress and total:
                progress(count, total)
        yield log_cells(row)
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def story(office: dict, rows: Iterable[LogRow], date_from: date, date_to: date, *,
          total: int | None = None, progress: Callable[[int, int], None] | None = None,
          cancel=None, title: str = BOOKS["visit"]) -> list[Flowable]:
    width = layout.text_width(portrait=False)
    widths = [w * mm for w in WIDTHS_MM]
    widths[4] += width - sum(widths)  # the summary takes whatever is left
    table = GridTable(book_columns(title), _cells(rows, total, progress, cancel), widths,
                      size=FONT_SIZE, centered=CENTERED, bold_first_line=(2,))
    st = layout.styles()
    return [
        layout.header(office["name"], office["parent_name"], width=width),
        *layout.title(title),
        layout.para(f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}", st.place_date),
        Spacer(1, 5 * mm),
        table,
    ]


def write_log_pdf(out: BinaryIO, office: dict, rows: Iterable[LogRow], date_from: date,
                  date_to: date, *, total: int | None = None,
                  progress: Callable[[int, int], None] | None = None, cancel=None,
                  title: str = BOOKS["visit"]) -> None:
    """The log book (`title`: one of data.BOOKS) of these lines (any iterable: they are read
    once, as pages need them), written to `out`; `total` (the number of lines) for
    `progress`."""
    if total is None and isinstance(rows, (list, tuple)):
        total = len(rows)
    layout.build_to(out, story(office, rows, date_from, date_to, total=total, progress=progress,
                               cancel=cancel, title=title),
                    Page(landscape=True, numbering="footer"), title=title,
                    subject=f"{date_from:%d/%m/%Y} - {date_to:%d/%m/%Y}")
    if progress and total is not None:
        progress(total, total)


def render_log_pdf(office: dict, rows: Iterable[LogRow], date_from: date, date_to: date, *,
                   progress: Callable[[int, int], None] | None = None, cancel=None) -> bytes:
    """The same as bytes (a short range, tests)."""
    import io

    buf = io.BytesIO()
    write_log_pdf(buf, office, rows, date_from, date_to, progress=progress, cancel=cancel)
    return buf.getvalue()


def export_log_pdf(db: Database, date_from: date, date_to: date, out: str | Path, *,
                   reveal: bool = False, progress: Callable[[int, int], None] | None = None,
                   cancel=None, book: str = "visit") -> int:
    """Write the log book (`book`: data.BOOKS) for the range to `out` (via a .part file,
    removed if cancelled); returns the line count."""
    total, rows = log_lines_for_print(db, date_from, date_to, reveal=reveal, book=book)
    office = office_values(db)

    def produce(fh) -> None:
        write_log_pdf(fh, office, rows, date_from, date_to, total=total, progress=progress,
                      cancel=cancel, title=BOOKS[book])
        if cancel is not None and cancel.is_set():  # cancelled while the last pages were made
            raise Cancelled()

    layout.write_streamed(out, produce)
    return total
