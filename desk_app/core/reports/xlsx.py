"""The report's tables as an XLSX workbook laid out like the official templates: one sheet per
table with the unit and the table number, the title, the period line, the header rows with
merged cells, the "MS" row of column numbers and their sums ("1=2+3"), the figures as numbers,
and the notes. XlsxWriter, A4 landscape (or portrait), header rows repeated on every page.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

import xlsxwriter

from desk_app.core.documents.layout import nfc
from desk_app.core.reports.periods import in_sentence

FONT = "Times New Roman"
TITLE_ROW = 1
FIRST_HEADER_ROW = 5


def sheet_name(table: dict[str, Any], used: set[str]) -> str:
    """"Biểu số 01/XLD" → "01-XLD" (sheet names take no "/" and at most 31 characters)."""
    code = re.sub(r"^Biểu số\s*", "", table.get("code") or "").replace("/", "-")
    name = re.sub(r"[\[\]:*?/\\]", "-", code or table["id"])[:31] or table["id"]
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}-{n}"
        n += 1
    used.add(name)
    return name


def render_report_xlsx(payload: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    created = datetime.fromisoformat(payload["generated_at"])
    book.set_properties({"title": nfc(f"{payload['title']} {payload['subject']}"),
                         "subject": nfc(payload["period"]["label"]),
                         "author": nfc(payload["office"]["name"]), "created": created})
    base = {"font_name": FONT, "font_size": 11, "valign": "vcenter", "text_wrap": True}
    f = {
        "office": book.add_format({**base, "bold": True, "text_wrap": False, "align": "left"}),
        "code": book.add_format({**base, "bold": True, "italic": True, "align": "right",
                                 "text_wrap": False}),
        "title": book.add_format({**base, "bold": True, "font_size": 13, "align": "center"}),
        "range": book.add_format({**base, "italic": True, "align": "center"}),
        "head": book.add_format({**base, "bold": True, "align": "center", "border": 1,
                                 "font_size": 10}),
        "ms": book.add_format({**base, "italic": True, "align": "center", "border": 1,
                               "font_size": 9}),
        "label": book.add_format({**base, "border": 1, "align": "left"}),
        "num": book.add_format({**base, "border": 1, "align": "center"}),
        "total_label": book.add_format({**base, "border": 1, "align": "left", "bold": True}),
        "total_num": book.add_format({**base, "border": 1, "align": "center", "bold": True}),
        "note_head": book.add_format({**base, "bold": True, "italic": True, "text_wrap": False}),
        "note": book.add_format({**base, "text_wrap": False, "font_size": 10}),
    }
    used: set[str] = set()
    number = payload.get("number")
    for table in payload["tables"]:
        _sheet(book.add_worksheet(sheet_name(table, used)), table, payload, f, number)
    book.close()
    return buf.getvalue()


def _sheet(sheet, table: dict[str, Any], payload: dict[str, Any], f: dict, number: str | None):
    columns = table["columns"]
    last = len(columns)  # column 0 holds the row labels
    depth = table["header_depth"]
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, last, 9 if last > 12 else 12)
    office = payload["office"]
    half = max(1, last // 2)
    sheet.merge_range(0, 0, 0, half, nfc(office["name"]).upper(), f["office"])
    if last > half + 1:
        sheet.merge_range(0, half + 1, 0, last, nfc(table["code"]), f["code"])
    else:
        sheet.write_string(0, last, nfc(table["code"]), f["code"])
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, nfc(table["title"]), f["title"])
    sheet.merge_range(2, 0, 2, last, nfc(payload["period"]["range_text"]), f["range"])
    attached = (f"(Kèm theo Báo cáo số {number} của {office['name']})" if number
                else f"(Kèm theo Báo cáo {in_sentence(payload['period']['label'])} của {office['name']})")
    sheet.merge_range(3, 0, 3, last, nfc(attached), f["range"])
    sheet.set_row(TITLE_ROW, 22)
    top = FIRST_HEADER_ROW
    for cell in table["header"]:
        r, c = top + cell["row"], cell["col"]
        r2, c2 = r + cell["rowspan"] - 1, c + cell["colspan"] - 1
        text = nfc(cell["text"])
        if (r, c) == (r2, c2):
            sheet.write_string(r, c, text, f["head"])
        else:
            sheet.merge_range(r, c, r2, c2, text, f["head"])
    for r in range(depth):
        sheet.set_row(top + r, 30 if r < depth - 1 else 75)
    ms = top + depth
    sheet.write_string(ms, 0, "MS", f["ms"])
    for i, column in enumerate(columns, start=1):
        sheet.write_string(ms, i, table["formulas"].get(str(column["no"]), str(column["no"])),
                           f["ms"])
    row_at = ms + 1
    for row in table["rows"]:
        label_f, num_f = (f["total_label"], f["total_num"]) if row["total"] else \
            (f["label"], f["num"])
        sheet.write_string(row_at, 0, nfc(row["label"]), label_f)
        for i, column in enumerate(columns, start=1):
            sheet.write_number(row_at, i, row["values"][str(column["no"])], num_f)
        row_at += 1
    if table["notes"]:
        row_at += 1
        sheet.write_string(row_at, 0, "Ghi chú:", f["note_head"])
        for note in table["notes"]:
            row_at += 1
            sheet.write_string(row_at, 0, nfc(f"- {note}"), f["note"])
    sheet.freeze_panes(ms + 1, 1)
    if table.get("landscape", True):
        sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=20 / 25.4, right=15 / 25.4, top=20 / 25.4, bottom=20 / 25.4)
    sheet.repeat_rows(top, ms)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&CTrang &P/&N")
