"""What every printed document shares, laid out as Decree 30/2020 (Appendix I) asks.

A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; the two-column header (issuing body
and number on the left, national title, motto and place/date on the right); title; justified
body; signature block; "Nơi nhận"; tables with a repeated header row; the "BẢN SAO" mark of
a reprint; page numbers. Every text goes through `nfc` before it is drawn: reportlab does not
position combining marks, so a decomposed "ế" would print as "ê" and a floating accent.
Documents are built with `invariant=1`: the same input gives the same bytes.
"""

from __future__ import annotations

import io
import os
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFZCompress,
)
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desk_app import messages
from desk_app.core.documents.fonts import FontSet, fonts
from desk_app.core.errors import DeskError
from desk_app.core.storage import failures

# Decree 30/2020, Appendix I §I.2: margins (the low end of each range).
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
COPY_MARK = "BẢN SAO"
BODY_SIZE = 13  # body text 13–14 pt
TITLE_SIZE = 14


def nfc(value: object) -> str:
    """Text as it may be drawn: NFC (precomposed letters), no None."""
    return unicodedata.normalize("NFC", "" if value is None else str(value))


def esc(value: object) -> str:
    """NFC text escaped for Paragraph markup."""
    return escape(nfc(value))


def upper(value: object) -> str:
    return nfc(value).upper()


def vn_date(d: date) -> str:
    """"ngày 05 tháng 3 năm 2026": a day below 10 and the months 1 and 2 take a leading zero
    (Decree 30/2020, Appendix I §II.5.b), other months do not."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def copy_note(payload: dict, reprinted_on: date | None = None) -> str:
    """The lines under a reprint's "BẢN SAO": the original's date (the date of the act it
    records) and, for a reprint, the day it was reprinted; then when the entry it records was
    corrected or cancelled since (core/documents/data.amend_reprint)."""
    first = f"Bản chính lập ngày {dmy(payload['issued_on'])}"
    lines = [first + (f"; in lại ngày {dmy(reprinted_on)}" if reprinted_on else "")]
    if payload.get("corrected_on"):
        lines.append(messages.COPY_CORRECTED_NOTE.format(day=dmy(payload["corrected_on"])))
    if payload.get("cancelled_on"):
        lines.append(messages.COPY_CANCELLED_NOTE.format(day=dmy(payload["cancelled_on"])))
    return "\n".join(lines)


def place_date(place: str, d: date) -> str:
    return f"{nfc(place)}, {vn_date(d)}"


def dmy(value: str | date | None) -> str:
    """An ISO date or datetime as dd/mm/yyyy ('' for nothing)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%d/%m/%Y")


BLANK = "……………………"  # a dotted line to fill in by hand
BLANK_DATE = "…/…/……"  # a date to fill in by hand
BLANK_SHORT = "……………"


def id_issue(person: dict) -> tuple[str, str]:
    """(date, place) of issue of a person's ID as printed; a dotted line when unknown (Forms
    01 and 02/TCD ask for both). The place is `id_issued_place` (older payloads:
    `id_issued_by`)."""
    issued_on = dmy(person.get("id_issued_on")) or BLANK_DATE
    place = nfc(person.get("id_issued_place") or person.get("id_issued_by") or "").strip()
    return issued_on, place or BLANK_SHORT


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    body: ParagraphStyle
    body_left: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    place_date: ParagraphStyle
    number: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle
    recipients_head: ParagraphStyle
    recipients_item: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle


@cache
def _styles_for(fs: FontSet) -> Styles:
    def style(name, font, size, align=TA_CENTER, leading=None, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.2,
                              alignment=align, **kw)

    return Styles(
        fonts=fs,
        # Decree 30: body justified, first line indented 1–1.27 cm, at least 6 pt between
        # paragraphs, line spacing from single to 1.5 lines.
        body=style("body", fs.regular, BODY_SIZE, TA_JUSTIFY, BODY_SIZE * 1.3,
                   firstLineIndent=10 * mm, spaceAfter=6),
        body_left=style("body_left", fs.regular, BODY_SIZE, TA_JUSTIFY, BODY_SIZE * 1.3,
                        spaceAfter=4),
        title=style("title", fs.bold, TITLE_SIZE, leading=TITLE_SIZE * 1.25),
        subtitle=style("subtitle", fs.bold, TITLE_SIZE, leading=TITLE_SIZE * 1.25),
        header=style("header", fs.regular, 12.5, leading=15),
        header_bold=style("header_bold", fs.bold, 12.5, leading=15),
        national=style("national", fs.bold, 12, leading=15),
        motto=style("motto", fs.bold, 13, leading=15),
        place_date=style("place_date", fs.italic, 13, leading=16),
        number=style("number", fs.regular, 13, leading=16),
        sign_title=style("sign_title", fs.bold, 13, leading=16),
        sign_note=style("sign_note", fs.italic, 12, leading=15),
        sign_name=style("sign_name", fs.bold, 13, leading=16),
        recipients_head=style("recipients_head", fs.bold_italic, 12, TA_LEFT, 14),
        recipients_item=style("recipients_item", fs.regular, 11, TA_LEFT, 13),
        cell=style("cell", fs.regular, 12, TA_LEFT, 14.5),
        cell_center=style("cell_center", fs.regular, 12, TA_CENTER, 14.5),
        cell_head=style("cell_head", fs.bold, 12, TA_CENTER, 14.5),
        small=style("small", fs.italic, 9, TA_LEFT, 11),
    )


def styles() -> Styles:
    return _styles_for(fonts())


def text_width(portrait: bool = True) -> float:
    page = A4 if portrait else landscape(A4)
    return page[0] - LEFT - RIGHT


# A paragraph of more lines than this is handed to the pages in pieces of _PIECE_LINES lines.
_PIECE_LINES = 30


class _Piece(Paragraph):
    """A run of lines of a long paragraph. Its last line is justified like the lines around it,
    also when the piece itself is split at a page break."""

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and getattr(self, "_JustifyLast", 0):
            parts[1]._JustifyLast = 1
        return parts


class LongParagraph(Paragraph):
    """A paragraph that breaks its lines once, however many pages it fills.

    reportlab's Paragraph.split hands the rest of the text to a new paragraph, which breaks
    all its lines again on the next page: n lines over p pages cost n·p (a 320,000-character
    text took 25 s). This one keeps reportlab's split for the first page, then hands the rest
    on as pieces of lines already broken, so the time grows with the text (docs/limits.md).
    """

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if getattr(self, "blPara", None) is None or getattr(self, "width", None) != availWidth:
            self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        total = len(lines)
        if total <= 2 * _PIECE_LINES:
            return super().split(availWidth, availHeight)
        blpara, func, style = self.blPara, self._get_split_blParaFunc(), self.style
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first = len(parts[0].blPara.lines)
        # A piece starts mid-paragraph: one line of it may end a page (no orphan rule).
        middle = ParagraphStyle(f"{style.name}-piece", parent=style, firstLineIndent=0,
                                spaceBefore=0, spaceAfter=0, allowOrphans=1)
        last = ParagraphStyle(f"{style.name}-end", parent=middle, spaceAfter=style.spaceAfter)
        pieces: list[Flowable] = [parts[0]]
        for start in range(first, total, _PIECE_LINES):
            stop = min(start + _PIECE_LINES, total)
            piece = _Piece(None, last if stop == total else middle, frags=func(blpara, start, stop))
            piece._JustifyLast = int(stop < total)
            pieces.append(piece)
        return pieces


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return LongParagraph(esc(text), style)


# --- header -----------------------------------------------------------------------------


def _header_widths() -> tuple[float, float]:
    """(left, right) column widths of the header: those of a portrait page on every document,
    so the issuing body's name breaks into the same lines everywhere (the landscape log book
    too) and the office header reads the same on every document."""
    st = styles()
    right_w = stringWidth(NATIONAL_TITLE, st.national.fontName, st.national.fontSize) + 8
    return text_width() - right_w, right_w


def header_lines(office_name: str, parent_name: str) -> tuple[list[str], list[str]]:
    """(parent body lines, issuing body lines) exactly as the header prints them."""
    st = styles()
    room = _header_widths()[0] - 4
    parent = (_body_name_lines(upper(parent_name), st.header, room, abbreviate=True)
              if parent_name else [])
    return parent, _body_name_lines(upper(office_name), st.header_bold, room)


def header(office_name: str, parent_name: str, *, number: str | None = None,
           place: str | None = None, on: date | None = None,
           width: float | None = None) -> Table:
    """The two header columns (Decree 30, Appendix I §II.1-5).

    Left: the parent body (upper-case, regular) over the issuing body (upper-case, bold) with
    a short rule under it, then "Số: …". Right: the national title, the motto with a rule as
    long as itself, then the place and date in italics, level with the number. The columns
    have the same widths on every page size (a wider page puts the space between them).
    """
    st = styles()
    width = width or text_width()
    left_w, right_w = _header_widths()
    room = left_w - 4
    parent_lines, body_lines = header_lines(office_name, parent_name)
    name_w = max(stringWidth(line, st.header_bold.fontName, st.header_bold.fontSize)
                 for line in body_lines)
    motto_w = stringWidth(MOTTO, st.motto.fontName, st.motto.fontSize)
    left = []
    if parent_lines:
        left.append(Paragraph("<br/>".join(esc(line) for line in parent_lines), st.header))
    # The rules keep clear of the dot below (Ộ, Ự) and descenders of the line above.
    left += [Paragraph("<br/>".join(esc(line) for line in body_lines), st.header_bold),
             Spacer(1, 4), HRFlowable(width=max(min(name_w, room) * 0.4, 20 * mm), thickness=0.6,
                        color=colors.black, spaceBefore=1, spaceAfter=0, hAlign="CENTER")]
    right = [para(NATIONAL_TITLE, st.national), para(MOTTO, st.motto), Spacer(1, 3),
             HRFlowable(width=motto_w, thickness=0.6, color=colors.black, spaceBefore=1,
                        spaceAfter=0, hAlign="CENTER")]
    gap = max(width - left_w - right_w, 0)
    rows: list[list[Any]] = [[left, "", right]]
    if number is not None or (place and on):
        rows.append([para(f"Số: {number}", st.number) if number is not None else "", "",
                     para(place_date(place, on), st.place_date) if place and on else ""])
    table = Table(rows, colWidths=[left_w, gap, right_w], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


_COMMITTEE = "ỦY BAN NHÂN DÂN"


def _body_name_lines(name: str, style: ParagraphStyle, room: float, *,
                     abbreviate: bool = False) -> list[str]:
    """A body's name as header lines: whole if it fits; else the classic break after
    "ỦY BAN NHÂN DÂN"; a parent body may instead abbreviate it to "UBND" (Decree 30,
    Appendix I §II.3); other names wrap at spaces."""
    def fits(text: str) -> bool:
        return stringWidth(text, style.fontName, style.fontSize) <= room

    if fits(name):
        return [name]
    if name.startswith(_COMMITTEE + " "):
        rest = name[len(_COMMITTEE) + 1:]
        if abbreviate and fits("UBND " + rest):
            return ["UBND " + rest]
        if fits(rest):
            return [_COMMITTEE, rest]
    return [line for line, _ in wrap_text(name, style.fontName, style.fontSize, room)]


def title(text: str, subtitle: str | None = None) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Spacer(1, 8 * mm), para(upper(text), st.title)]
    if subtitle:
        out.append(para(subtitle, st.subtitle))
    out.append(Spacer(1, 6 * mm))
    return out


def body(text: str, *, indent: bool = True) -> Paragraph:
    st = styles()
    return para(text, st.body if indent else st.body_left)


def body_markup(markup: str, *, indent: bool = True) -> Paragraph:
    """A body paragraph from markup whose variable parts the caller passed through `esc`."""
    st = styles()
    return LongParagraph(nfc(markup), st.body if indent else st.body_left)


# --- signatures and recipients -------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    """A signature block: authority lines and position upper-case bold, a note, space, name."""

    position: tuple[str, ...]
    name: str = ""
    note: str = "(Ký, ghi rõ họ tên)"


def signature_block(sig: Signature) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [para(upper(line), st.sign_title) for line in sig.position]
    if sig.note:
        out.append(para(sig.note, st.sign_note))
    out.append(Spacer(1, 24 * mm))
    out.append(para(sig.name, st.sign_name) if sig.name else Spacer(1, 16))
    return out


def recipients_block(items: Sequence[str]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [para("Nơi nhận:", st.recipients_head)]
    last = len(items) - 1
    for i, item in enumerate(items):
        out.append(para(f"- {nfc(item)}{'.' if i == last else ';'}", st.recipients_item))
    return out


def two_columns(left: list[Flowable] | str, right: list[Flowable] | str,
                widths: tuple[float, float] | None = None) -> Table:
    st = styles()
    width = text_width()
    widths = widths or (width / 2, width / 2)
    table = Table([[left, right]], colWidths=list(widths), hAlign="CENTER")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    table.keepWithPrevious = False
    return table


# --- tables ---------------------------------------------------------------------------------


def data_table(head: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
               centered: Sequence[int] = ()) -> Table:
    """A bordered table whose header row is repeated on every page; cells wrap."""
    st = styles()
    data = [[para(h, st.cell_head) for h in head]]
    for row in rows:
        data.append([para(v, st.cell_center if i in centered else st.cell)
                     for i, v in enumerate(row)])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


@lru_cache(maxsize=20_000)
def wrap_text(text: str, font: str, size: float, width: float) -> tuple[tuple[str, float], ...]:
    """Lines (text, width) of `text` broken at spaces to fit `width`; a word longer than the
    width is broken between letters. Nothing is ever dropped."""
    lines: list[tuple[str, float]] = []
    space = stringWidth(" ", font, size)
    for paragraph in text.split("\n"):
        whole = stringWidth(paragraph, font, size)
        if whole <= width:
            lines.append((paragraph, whole))
            continue
        current, current_w = "", 0.0
        for word in paragraph.split():
            word_w = stringWidth(word, font, size)
            if current and current_w + space + word_w <= width:
                current, current_w = f"{current} {word}", current_w + space + word_w
                continue
            if current:
                lines.append((current, current_w))
            if word_w > width:  # an over-long word: pieces as wide as fit
                *pieces, (word, word_w) = _break_word(word, font, size, width)
                lines += pieces
            current, current_w = word, word_w
        lines.append((current, current_w))
    return tuple(lines)


def _break_word(word: str, font: str, size: float, width: float) -> list[tuple[str, float]]:
    """An over-long word as pieces that fit `width`, each ending after a / or - where one
    falls in it, else anywhere; at least one letter each. Every letter's width is measured
    once, so a word of any length costs time in proportion to it."""
    advance = [stringWidth(ch, font, size) for ch in word]
    pieces = []
    start = 0
    while start < len(word):
        used, end = 0.0, start
        while end < len(word) and (end == start or used + advance[end] <= width):
            used += advance[end]
            end += 1
        if end < len(word):
            mark = max(word.rfind("/", start, end - 1), word.rfind("-", start, end - 1))
            if mark > start:
                end = mark + 1
        pieces.append((word[start:end], stringWidth(word[start:end], font, size)))
        start = end
    return pieces


_ENCODED_MAX = 20_000  # distinct texts remembered per document (dates, labels, names…)


def _encoder(canv: Canvas) -> Callable[[str, str], tuple[tuple[str, str], ...]]:
    """text → ((font subset's PDF name, "(bytes) Tj"), …) for this canvas' document, as
    reportlab's text object encodes a TrueType font's text (a character's subset and code
    never change within a document, so a text's encoding can be remembered)."""
    doc = canv._doc
    memo = getattr(doc, "_desk_encoded", None)
    if memo is None:
        memo = doc._desk_encoded = {}
    escape_pdf = canv._escape

    def encode(font_name: str, text: str) -> tuple[tuple[str, str], ...]:
        key = (font_name, text)
        found = memo.get(key)
        if found is None:
            font = getFont(font_name)
            found = tuple((font.getSubsetInternalName(subset, doc), f"({escape_pdf(chunk)}) Tj")
                          for subset, chunk in font.splitString(text, doc))
            if len(memo) >= _ENCODED_MAX:
                memo.clear()
            memo[key] = found
        return found

    return encode


def _fp_memo() -> Callable[[float], str]:
    """fp_str, remembered: the same x and y positions recur on every line and page."""
    memo: dict[float, str] = {}

    def num(value: float) -> str:
        found = memo.get(value)
        if found is None:
            found = memo[value] = fp_str(value)
        return found

    return num


# A cell of a GridTable: its lines as (text, font, width).
Line = tuple[str, str, float]


@lru_cache(maxsize=20_000)
def _lines(text: str, font: str, size: float, width: float) -> tuple[Line, ...]:
    return tuple((t, font, w) for t, w in wrap_text(text, font, size, width))


class GridTable(Flowable):
    """A long bordered table drawn straight on the canvas, page by page, in time and memory
    that do not grow with what is left to print.

    Platypus' Table re-measures all remaining rows at each page break. This one takes its rows
    from any iterable (a generator reading the database in batches), wraps each row's cells
    once when a page needs it (`wrap_text`, cached), holds only the rows of the page being laid
    out, and hands the rest on at a page break without copying it. The header row repeats on
    every page; a row taller than what is left of a page is split between two lines of text,
    so nothing is cut.
    """

    def __init__(self, head: Sequence[str], rows: Iterable[Sequence[object]],
                 widths: Sequence[float], *, size: float = 9, centered: Iterable[int] = (),
                 bold_first_line: Sequence[int] = (), _prepared=None):
        super().__init__()
        self.widths = list(widths)
        self.size = size
        self.leading = size * 1.2
        self.pad_x, self.pad_y = 2.0, 2.0
        self.centered = frozenset(centered)
        self._fs = fonts()
        self._bold = frozenset(bold_first_line)
        # Prepared rows waiting to be placed, (cells, height), and the rows behind them; a
        # part made by `split` has only prepared rows. Both are shared with the rest after a
        # split (the flowable split is never used again).
        self._waiting: deque[tuple[list[list[Line]], float]]
        if _prepared is not None:
            self.head, waiting = _prepared
            self._waiting = deque(waiting)
            self._source: Iterator[Sequence[object]] | None = None
        else:
            self.head = self._cells([[(h, self._fs.bold) for h in nfc(h).split("\n")]
                                     for h in head])
            self._waiting = deque()
            self._source = iter(rows)
        self._waiting_h = sum(h for _c, h in self._waiting)
        self.head_h = self._height(self.head)

    def _prepare(self, row) -> list[list[Line]]:
        """A row's cells as wrapped lines; a value given as several parts (a tuple) has its
        first part bold in the `bold_first_line` columns. Runs for every line of the log."""
        regular, bold = self._fs.regular, self._fs.bold
        cells: list[list[Line]] = []
        for i, value in enumerate(row):
            inner = self.widths[i] - 2 * self.pad_x
            strong = i in self._bold
            if isinstance(value, (list, tuple)):  # several parts: the first bold if asked
                lines: list[Line] = []
                for part in value:
                    if part:
                        lines += _lines(nfc(part), bold if strong and not lines else regular,
                                        self.size, inner)
                cells.append(lines)
            else:
                cells.append(list(_lines(nfc(value), bold if strong else regular, self.size,
                                         inner)))
        return cells

    def _cells(self, row) -> list[list[Line]]:
        cells = []
        for i, parts in enumerate(row):
            inner = self.widths[i] - 2 * self.pad_x
            lines: list[Line] = []
            for text, font in parts:
                lines += [(t, font, w) for t, w in wrap_text(text, font, self.size, inner)]
            cells.append(lines)
        return cells

    def _height(self, row: list[list[Line]]) -> float:
        return max((len(c) for c in row), default=1) * self.leading + 2 * self.pad_y

    def _fill(self, room: float) -> None:
        """Prepare rows until those waiting are taller than `room` or there are no more."""
        while self._source is not None and self._waiting_h <= room:
            row = next(self._source, None)
            if row is None:
                self._source = None
                break
            cells = self._prepare(row)
            height = self._height(cells)
            self._waiting.append((cells, height))
            self._waiting_h += height

    def _part(self, rows: list[tuple[list[list[Line]], float]]) -> GridTable:
        return GridTable((), (), self.widths, size=self.size, centered=self.centered,
                         _prepared=(self.head, rows))

    def wrap(self, avail_w, avail_h):
        self._fill(avail_h - self.head_h)
        self.width = sum(self.widths)
        # Rows still unread make it taller than the frame: platypus then calls split.
        more = self.leading if self._source is not None else 0.0
        self.height = self.head_h + self._waiting_h + more
        return self.width, self.height

    def split(self, avail_w, avail_h):
        room = avail_h - self.head_h
        self._fill(room)
        if room < self.leading + 2 * self.pad_y or not self._waiting:
            return []
        taken: list[tuple[list[list[Line]], float]] = []
        used = 0.0
        while self._waiting and used + self._waiting[0][1] <= room:
            cells, height = self._waiting.popleft()
            self._waiting_h -= height
            taken.append((cells, height))
            used += height
        if not self._waiting and self._source is None:
            return [self._part(taken)]
        row = self._waiting[0][0]
        fit = int((room - used - 2 * self.pad_y) // self.leading)
        lines = max(len(c) for c in row)
        # Split a row between pages only when it must (nothing else fits) or when it is tall.
        if fit >= 1 and (not taken or (lines > 8 and fit >= 3)):
            first = [c[:fit] for c in row]
            rest = [c[fit:] for c in row]
            self._waiting_h -= self._waiting[0][1]
            self._waiting[0] = (rest, self._height(rest))
            self._waiting_h += self._waiting[0][1]
            taken.append((first, self._height(first)))
        if not taken:
            return []
        return [self._part(taken), self._rest()]

    def _rest(self) -> GridTable:
        """A new flowable for the rows not placed yet (platypus keeps its own marks, such as
        "postponed", on the old one)."""
        rest = GridTable((), (), self.widths, size=self.size, centered=self.centered,
                         _prepared=(self.head, ()))
        rest._bold, rest._waiting, rest._waiting_h, rest._source = (
            self._bold, self._waiting, self._waiting_h, self._source)
        return rest

    def _head_form(self, canv: Canvas, xs: list[float]) -> str:
        doc = canv._doc
        forms = getattr(doc, "_desk_grid_heads", None)
        if forms is None:
            forms = doc._desk_grid_heads = {}
        key = (tuple(self.widths), self.size, tuple(tuple(c) for c in self.head))
        name = forms.get(key)
        if name is None:
            name = forms[key] = f"gridhead{len(forms)}"
            canv.beginForm(name, 0, 0, xs[-1], self.head_h)
            self._draw_text(canv, xs, self.head_h, [(self.head, self.head_h)], centred=True)
            canv.endForm()
        return name

    def _draw_text(self, canv: Canvas, xs: list[float], top: float,
                   rows: Iterable[tuple[list[list[Line]], float]], centred: bool = False) -> None:
        """The rows' text below `top`, as PDF text operators written directly (what reportlab's
        text object writes for a TrueType font, less its per-call work: a year of the log
        book draws ~2 million lines), each distinct text encoded once per document. A left
        aligned cell is placed once, its next lines follow with T* (next line, TL apart)."""
        encode = _encoder(canv)
        memo = canv._doc._desk_encoded  # encode's memo, read first: this loop draws every line
        num = _fp_memo()
        size, leading = self.size, self.leading
        ops = ["BT", f"{fp_str(leading)} TL"]
        add = ops.append
        current = None
        y = top
        left = [num(x + self.pad_x) for x in xs[:-1]]
        for row, h in rows:
            top_line = y - self.pad_y - size
            for i, cell in enumerate(row):
                middle = centred or i in self.centered
                placed = False
                for k, (s, font, w) in enumerate(cell):
                    if not s:
                        placed = False
                        continue
                    if middle:
                        x = xs[i] + (self.widths[i] - w) / 2
                        add(f"1 0 0 1 {num(x)} {num(top_line - k * leading)} Tm")
                    elif placed:
                        add("T*")
                    else:
                        add(f"1 0 0 1 {left[i]} {num(top_line - k * leading)} Tm")
                        placed = True
                    chunks = memo.get((font, s)) or encode(font, s)
                    for name, chunk in chunks:
                        if name != current:
                            add(f"{name} {fp_str(size)} Tf")
                            current = name
                        add(chunk)
            y -= h
        ops.append("ET")
        canv._code.append("\n".join(ops))

    def draw(self):
        canv = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        y = self.height
        tops = [y]
        # The header row's text is the same on every page: a form (PDF XObject) made once per
        # document and placed on each page.
        head = self._head_form(canv, xs)
        canv.saveState()
        canv.translate(0, y - self.head_h)
        canv.doForm(head)
        canv.restoreState()
        y -= self.head_h
        tops.append(y)
        self._draw_text(canv, xs, y, self._waiting)
        for _cells, h in self._waiting:
            y -= h
            tops.append(y)
        canv.setLineWidth(0.5)
        canv.setStrokeColor(colors.black)
        segments = [(0, t, xs[-1], t) for t in tops]
        segments += [(x, tops[0], x, tops[-1]) for x in xs]
        canv.lines(segments)


# --- building -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """How pages are decorated: numbers ("top": Decree 30, from page 2, top centre; "footer":
    "Trang n/N" at the bottom; None), the reprint mark, and a hook for the first page."""

    landscape: bool = False
    numbering: str | None = "top"
    copy: bool = False
    copy_note: str = ""
    first_page: Callable[[Canvas, Styles], None] | None = None
    first_page_reserve: float = 0.0  # extra bottom space kept free on page 1 (a QR code)


def _canvas_class(page: Page, st: Styles):
    class DocCanvas(Canvas):
        """Decorates each page as it ends, so no page is kept for the end, and compresses its
        content at once (reportlab keeps every page's text until `save`: hundreds of MB for a
        year of the log book). "Trang n/N" needs N: a page's content is then two streams,
        its own and a small one for the footer, written at `save` once N is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._footers: list[PDFStream] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._decorate()
            super().showPage()
            footer = None
            if page.numbering == "footer":
                footer = PDFStream(content="")
                self._footers.append(footer)
            _finish_last_page(self._doc, self._pageCompression, footer,
                              ascii85=rl_config.useA85 and footer is None)

        def save(self):
            total = len(self._footers)
            encode = _encoder(self)
            width = self._pagesize[0]
            for number, stream in enumerate(self._footers, start=1):
                text = f"Trang {number}/{total}"
                x = LEFT + (width - LEFT - RIGHT) / 2 - stringWidth(text, st.fonts.regular, 10) / 2
                ops = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(BOTTOM / 2 - 3)} Tm"]
                for name, chunk in encode(st.fonts.regular, text):
                    ops += [f"{name} 10 Tf", chunk]
                stream.content = " ".join([*ops, "ET"])
            super().save()

        def _decorate(self) -> None:
            number = self.getPageNumber()
            width, height = self._pagesize
            if page.numbering == "top" and number > 1:  # Decree 30: from the second page
                self.setFont(st.fonts.regular, 13)
                self.drawCentredString(LEFT + (width - LEFT - RIGHT) / 2, height - TOP / 2 - 4,
                                       str(number))
            if page.copy:
                _copy_mark(self, st, width, height, page.copy_note)

    return DocCanvas


def _finish_last_page(doc, compress: bool, footer: PDFStream | None, *, ascii85: bool) -> None:
    """Encode the page just ended now, with the filters reportlab would apply at save (the
    same bytes), so that only its compressed form is kept; a footer stream written later is
    added after it. The log book leaves out ASCII85 (a quarter larger, for 7-bit channels
    that PDFs no longer travel through): its thousands of pages are held until the end."""
    last = doc.Pages.pages[-1]
    content = getattr(last, "stream", None)
    if not content or last.Contents or not (compress or footer):
        return
    if compress:
        filters = [PDFBase85Encode, PDFZCompress] if ascii85 else [PDFZCompress]
        for f in reversed(filters):
            content = f.encode(content)
        stream = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName(f.pdfname)
                                                              for f in filters])}), content)
    else:
        stream = PDFStream(content=content)
    stream.__Comment__ = "page stream"
    last.Contents = stream if footer is None else PDFArray([stream, footer])
    last.stream = None


def _copy_mark(canv: Canvas, st: Styles, width: float, height: float, note: str) -> None:
    """A boxed "BẢN SAO" in the top right margin of every page of a reprint, with its note
    lines (when the original was made; a later correction or cancellation)."""
    size = 12
    lines = [nfc(line) for line in note.split("\n") if line] if note else []
    text_w = stringWidth(COPY_MARK, st.fonts.bold, size)
    note_w = max((stringWidth(line, st.fonts.italic, 8) for line in lines), default=0)
    box_w = max(text_w, note_w) + 8
    box_h = 16 + 10 * len(lines)
    x = width - RIGHT - box_w
    y = height - TOP + 3
    canv.saveState()
    canv.setLineWidth(1)
    canv.rect(x, y, box_w, box_h)
    canv.setFont(st.fonts.bold, size)
    canv.drawCentredString(x + box_w / 2, y + box_h - 13, COPY_MARK)
    canv.setFont(st.fonts.italic, 8)
    for i, line in enumerate(lines):
        canv.drawCentredString(x + box_w / 2, y + 4 + 10 * (len(lines) - 1 - i), line)
    canv.restoreState()


def build(story: list[Flowable], page: Page = Page(), *, title: str = "",
          subject: str = "") -> bytes:
    """The PDF of this story, byte-identical for the same input (invariant=1)."""
    buf = io.BytesIO()
    build_to(buf, story, page, title=title, subject=subject)
    return buf.getvalue()


def build_to(out: BinaryIO, story: list[Flowable], page: Page = Page(), *, title: str = "",
             subject: str = "") -> None:
    """`build`, written to `out` (a long document need not be held as bytes as well)."""
    st = styles()
    size = landscape(A4) if page.landscape else A4
    doc = BaseDocTemplate(out, pagesize=size, leftMargin=LEFT, rightMargin=RIGHT,
                          topMargin=TOP, bottomMargin=BOTTOM, invariant=1,
                          title=nfc(title), subject=nfc(subject), author="",
                          creator="desk_app", producer="desk_app", lang="vi",
                          initialFontName=st.fonts.regular, initialFontSize=BODY_SIZE)
    frame_w = size[0] - LEFT - RIGHT
    frame_h = size[1] - TOP - BOTTOM
    first = Frame(LEFT, BOTTOM + page.first_page_reserve, frame_w,
                  frame_h - page.first_page_reserve, id="first", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BOTTOM, frame_w, frame_h, id="later", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)

    def on_first(canv, _doc):
        if page.first_page:
            page.first_page(canv, st)

    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=on_first, autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later]),
    ])
    doc.build(story, canvasmaker=_canvas_class(page, st))


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Write a finished document: to `path.part` first, renamed at the end (docs/architecture.md, “Long jobs”), so a
    failure never leaves half a file under the real name."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(messages.OUT_WRITE_FAILED.format(path=target, why=failures.reason(exc))) from exc


def write_streamed(path: str | os.PathLike, produce: Callable[[BinaryIO], None]) -> None:
    """`write_file` for a document written as it is made: `produce(fh)` writes `path.part`,
    renamed at the end; a failure or a cancel removes the part."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        with open(part, "wb") as fh:
            produce(fh)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(messages.OUT_WRITE_FAILED.format(path=target, why=failures.reason(exc))) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
