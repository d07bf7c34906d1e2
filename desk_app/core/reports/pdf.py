"""The periodic report as a PDF in the layout of Decree 30/2020: the two-column header with
the number (Số: …/BC-UBND, from the register when the report is issued), the title and the
period, the figures in words and three charts (reportlab graphics), the head's signature and
"Nơi nhận"; then the tables on A4 landscape pages, each with its number, title, period line,
header rows with merged cells, the "MS" row and the notes. Rendered from the payload alone,
so a reprint from the register is the same document.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desk_app.core.documents import layout
from desk_app.core.documents.layout import BOTTOM, LEFT, RIGHT, TOP, Signature, esc, nfc
from desk_app.core.documents.refusal import _authority as authority  # "TM. ỦY BAN NHÂN DÂN"
from desk_app.core.reports import pdf_charts
from desk_app.core.reports.periods import in_sentence

# Landscape table pages keep the Decree's margins with the binding edge on the left.
L_LEFT, L_RIGHT = 20 * mm, 15 * mm


def _style(name: str, font: str, size: float, align=TA_CENTER, leading: float | None = None
           ) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.2,
                          alignment=align)


def _number(p: dict[str, Any]) -> str:
    """The report's number, or in a draft the format with the number left blank."""
    blank = re.sub(r"\{seq[^}]*\}", "\u00a0" * 8, p.get("number_format", "{seq:02d}/BC-UBND"))
    return p.get("number") or blank


def _sentences(p: dict[str, Any]) -> list[tuple[str, str]]:
    """(heading, text) of the report's body: the figures, each one a cell of the tables."""
    s, office = p["summary"], p["office"]["name"]
    period = in_sentence(p["period"]["label"])
    # "Trong quý IV năm 2026, …"; a range of dates already says when: "Từ ngày … , …".
    when = (period[:1].upper() + period[1:]) if period.startswith("từ ") else f"Trong {period}"
    return [
        ("I. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN",
         f"{when}, {office} đã tiếp {s['visits']} lượt với {s['persons']} người, về "
         f"{s['cases']} vụ việc; trong đó có {s['crowds']} đoàn đông người với "
         f"{s['crowd_persons']} người. Chủ tịch Ủy ban nhân dân tiếp định kỳ "
         f"{s['head_sessions']} buổi; có {s['weeks_missed']}/{s['weeks']} tuần chưa có buổi "
         f"tiếp công dân của Chủ tịch (chi tiết tại Biểu số 01/TCD và 02/TCD)."),
        ("II. TIẾP NHẬN, PHÂN LOẠI VÀ XỬ LÝ ĐƠN",
         f"Tổng số đơn phải xử lý: {s['petitions']} đơn (kỳ trước chuyển sang {s['carried']} đơn, "
         f"tiếp nhận trong kỳ {s['new']} đơn). Đã xử lý {s['processed']} đơn, trong đó "
         f"{s['eligible']} đơn đủ điều kiện xử lý: thuộc thẩm quyền {s['competent']} đơn; "
         f"hướng dẫn {s['guided']} đơn; chuyển đơn đến cơ quan có thẩm quyền "
         f"{s['transferred']} đơn. Đã nhận {s['replies']} văn bản trả lời của cơ quan nhận đơn "
         f"chuyển (chi tiết tại Biểu số 01/XLD)."),
        ("III. GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO THUỘC THẨM QUYỀN",
         f"Tổng số vụ việc khiếu nại, tố cáo phải giải quyết: {s['to_resolve']} vụ việc. Đã "
         f"giải quyết {s['resolved']} vụ việc (đúng thời hạn {s['on_time']}, quá thời hạn "
         f"{s['late']}); đang giải quyết {s['in_progress']} vụ việc (chi tiết tại Biểu số "
         f"01/KQGQ)."),
    ]


def _front(p: dict[str, Any], issued: date) -> list[Flowable]:
    st = layout.styles()
    office = p["office"]
    story: list[Flowable] = [
        layout.header(office["name"], office["parent_name"], number=_number(p),
                      place=office["place_name"], on=issued),
        Spacer(1, 8 * mm),
        layout.para(p["title"].upper(), st.title),
        layout.para(f"{p['subject']} {in_sentence(p['period']['label'])}", st.subtitle),
        layout.para(f"({p['period']['range_text']})", st.sign_note),
        Spacer(1, 6 * mm),
    ]
    width = layout.text_width()
    charts = p["charts"]
    figures = [pdf_charts.by_month(charts, width, st.fonts.regular, st.fonts.bold),
               pdf_charts.by_topic(charts, width, st.fonts.regular, st.fonts.bold),
               pdf_charts.resolution(charts, width, st.fonts.regular, st.fonts.bold)]
    for (heading, text), figure in zip(_sentences(p), figures, strict=True):
        story += [layout.para(heading, ParagraphStyle("h", parent=st.body_left,
                                                      fontName=st.fonts.bold)),
                  layout.body(text), KeepTogether([figure]), Spacer(1, 3 * mm)]
    failed = p["checks"]["failed"]
    if failed:
        story.append(layout.body("Lưu ý: " + " ".join(failed)))
    signer = p["signer"]
    story.append(KeepTogether([
        layout.body("Số liệu chi tiết tại các biểu kèm theo."), Spacer(1, 4 * mm),
        layout.two_columns(
            layout.recipients_block(p["recipients"]),
            layout.signature_block(Signature(authority(office["name"], signer["title"]),
                                             signer["name"], note="")),
            widths=(width * 0.45, width * 0.55))]))
    return story


def _table(p: dict[str, Any], table: dict[str, Any], width: float) -> list[Flowable]:
    st = layout.styles()
    fonts = st.fonts
    columns = table["columns"]
    depth = table["header_depth"]
    n = len(columns)
    # Many narrow columns (the templates have up to ~30): smaller type, so a word is never
    # split inside (reportlab would break "người" into "ngườ-i" rather than overflow).
    size = 7 if n > 20 else 8 if n > 12 else 10
    head = _style("th", fonts.bold, size, leading=size + 1.5)
    cell = _style("td", fonts.regular, size + 1)
    label = _style("tl", fonts.regular, size + 1, TA_LEFT)
    bold_label = _style("tb", fonts.bold, size + 1, TA_LEFT)
    bold_cell = _style("tbc", fonts.bold, size + 1)
    ms = _style("ms", fonts.italic, min(size, 7))
    first = min((38 if n > 20 else 50) * mm, width * 0.3)
    pad = 1 if n > 20 else 2
    rest = (width - first) / n
    grid: list[list[Any]] = [["" for _ in range(n + 1)] for _ in range(depth)]
    spans = []
    for c in table["header"]:
        grid[c["row"]][c["col"]] = Paragraph(esc(c["text"]), head)
        if c["rowspan"] > 1 or c["colspan"] > 1:
            spans.append(("SPAN", (c["col"], c["row"]),
                          (c["col"] + c["colspan"] - 1, c["row"] + c["rowspan"] - 1)))
    grid.append([Paragraph("MS", ms)] + [
        Paragraph(esc(table["formulas"].get(str(col["no"]), str(col["no"]))), ms)
        for col in columns])
    for row in table["rows"]:
        grid.append([Paragraph(esc(row["label"]), bold_label if row["total"] else label)] + [
            Paragraph(str(row["values"][str(col["no"])]), bold_cell if row["total"] else cell)
            for col in columns])
    t = Table(grid, colWidths=[first] + [rest] * n, repeatRows=depth + 1, hAlign="CENTER")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, depth - 1), colors.HexColor("#F2F2F2")),
        *spans]))
    office = p["office"]
    top = Table([[Paragraph(esc(nfc(office["name"]).upper()), _style("o", fonts.bold, 10,
                                                                      TA_LEFT)),
                  Paragraph(esc(table["code"]), _style("c", fonts.bold_italic, 11, TA_RIGHT))]],
                colWidths=[width * 0.6, width * 0.4])
    top.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    number = p.get("number")
    attached = (f"(Kèm theo Báo cáo số {number} của {office['name']})" if number else
                f"(Kèm theo Báo cáo {in_sentence(p['period']['label'])} của {office['name']})")
    out: list[Flowable] = [
        top, Spacer(1, 3 * mm),
        Paragraph(esc(table["title"]), _style("tt", fonts.bold, 13)),
        Paragraph(esc(p["period"]["range_text"]), _style("tr", fonts.italic, 11)),
        Paragraph(esc(attached), _style("ta", fonts.italic, 10)),
        Spacer(1, 4 * mm), t]
    if table["notes"]:
        note = _style("tn", fonts.regular, 9.5, TA_LEFT)
        out += [Spacer(1, 3 * mm), Paragraph("<b>Ghi chú:</b>", note)]
        out += [Paragraph(esc(f"- {text}"), note) for text in table["notes"]]
    return out


def _numbered(canv, doc) -> None:
    """Decree 30/2020: page numbers from the second page, top centre."""
    number = canv.getPageNumber()
    if number > 1:
        width, height = canv._pagesize
        st = layout.styles()
        canv.setFont(st.fonts.regular, 12)
        canv.drawCentredString(width / 2, height - TOP / 2 - 4, str(number))


def render_report_pdf(p: dict[str, Any], *, copy: bool = False,
                      reprinted_on: date | None = None) -> bytes:
    """The report as a PDF; `copy`: a reprint from the register, marked "BẢN SAO" with the
    day of the original and the day it was reprinted, as every reprinted document is."""
    issued = date.fromisoformat(p.get("issued_on") or p["generated_at"][:10])
    note = layout.copy_note({"issued_on": issued.isoformat()}, reprinted_on) if copy else ""
    portrait_w, portrait_h = A4
    land_w, land_h = landscape(A4)
    buf = io.BytesIO()
    st = layout.styles()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1, title=nfc(
        f"{p['title']} {p['subject']} {in_sentence(p['period']['label'])}"), author="",
        creator="desk_app", producer="desk_app", subject=nfc(p.get("number") or ""), lang="vi",
        initialFontName=st.fonts.regular, initialFontSize=layout.BODY_SIZE)
    portrait = Frame(LEFT, BOTTOM, portrait_w - LEFT - RIGHT, portrait_h - TOP - BOTTOM,
                     id="portrait", leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0)
    wide = Frame(L_LEFT, BOTTOM, land_w - L_LEFT - L_RIGHT, land_h - TOP - BOTTOM, id="wide",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    upright = Frame(LEFT, BOTTOM, portrait_w - LEFT - RIGHT, portrait_h - TOP - BOTTOM,
                    id="upright", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def decorate(canv, d):
        _numbered(canv, d)
        if copy:
            layout._copy_mark(canv, st, canv._pagesize[0], canv._pagesize[1], note)

    doc.addPageTemplates([
        PageTemplate(id="portrait", frames=[portrait], onPage=decorate, pagesize=A4),
        PageTemplate(id="landscape", frames=[wide], onPage=decorate, pagesize=landscape(A4)),
        PageTemplate(id="upright", frames=[upright], onPage=decorate, pagesize=A4),
    ])
    story = _front(p, issued)
    for table in p["tables"]:
        wide_table = table.get("landscape", True)
        story += [NextPageTemplate("landscape" if wide_table else "upright"), PageBreak()]
        width = (land_w - L_LEFT - L_RIGHT) if wide_table else (portrait_w - LEFT - RIGHT)
        story += _table(p, table, width)
    doc.build(story)
    return buf.getvalue()
