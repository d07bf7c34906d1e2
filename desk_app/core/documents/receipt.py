"""Giấy biên nhận thông tin, tài liệu (Form 02/TCD, Circular 04/2021 as amended)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desk_app.core.documents import layout
from desk_app.core.documents.layout import Page, Signature, esc, nfc

QR_SIZE = 24 * mm


@lru_cache(maxsize=64)
def _qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def _qr(canv, st, text: str, caption: str) -> None:
    """The receipt's QR code in the bottom left corner of page 1, with its caption; the page
    around it is its quiet zone. Dark modules are drawn as one path of rectangles."""
    modules = _qr_modules(text)
    box = QR_SIZE / len(modules)
    canv.saveState()
    canv.setFillColor(colors.black)
    path = canv.beginPath()
    for r, row in enumerate(modules):
        y = layout.BOTTOM + QR_SIZE - (r + 1) * box
        c = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                path.rect(layout.LEFT + c * box, y, count * box, box)
            c += count
    canv.drawPath(path, stroke=0, fill=1)
    canv.setFont(st.fonts.italic, 9)
    y = layout.BOTTOM + QR_SIZE - 9
    for line in caption.split("\n"):
        canv.drawString(layout.LEFT + QR_SIZE + 5 * mm, y, nfc(line))  # quiet zone
        y -= 11
    canv.restoreState()


def _sentence_time(received_at: str) -> str:
    when = datetime.fromisoformat(received_at)
    return f"Vào hồi {when:%H} giờ {when:%M} phút, ngày {when:%d/%m/%Y}"


def story(p: dict) -> list[Flowable]:
    office = p["office"]
    issued = date.fromisoformat(p["issued_on"])
    out: list[Flowable] = [
        layout.header(office["name"], office["parent_name"], number=p["number"],
                      place=office["place_name"], on=issued),
        *layout.title("Giấy biên nhận", "Thông tin, tài liệu"),
    ]
    where = (f"tại điểm tiếp công dân trực tuyến của {nfc(office['name'])}" if p.get("online")
             else f"tại trụ sở {nfc(office['name'])}")
    out.append(layout.body(f"{_sentence_time(p['received_at'])}, {where}."))
    officer = p["officer"]
    out.append(layout.body_markup(
        f"Tôi là: <b>{esc(officer['name']) or '…'}</b>; chức vụ: {esc(officer['position']) or '…'}."))
    prov = p["provider"]
    out.append(layout.body_markup(f"Đã nhận của ông (bà): <b>{esc(prov['name'])}</b>."))
    issued_on, issued_place = layout.id_issue(prov)
    out.append(layout.body_markup(
        f"{esc(prov['id_label'])}: {esc(prov['id_number']) or layout.BLANK}; "
        f"ngày cấp: {issued_on}; nơi cấp: {esc(issued_place)}."))
    out.append(layout.body(f"Địa chỉ: {nfc(prov['address']) or '…'}."))
    for pet in p.get("petitions", ()):
        out.append(layout.body_markup(
            f"Nội dung {esc(pet['kind_label']).lower()}: {esc(pet['summary'])}"))
    items = p.get("items", ())
    if items:
        lead = layout.body("Các thông tin, tài liệu sau đây:")
        lead.keepWithNext = True
        out.append(lead)
        width = layout.text_width()
        widths = [12 * mm, None, 17 * mm, 32 * mm, 30 * mm]
        widths[1] = width - sum(w for w in widths if w)
        rows = [(i, it["name"], it["pages"], it["condition"], it["copy"])
                for i, it in enumerate(items, start=1)]
        out.append(layout.data_table(
            ("STT", "Tên thông tin, tài liệu", "Số trang", "Tình trạng",
             "Bản gốc/bản sao"), rows, widths, centered=(0, 2, 4)))
        out.append(Spacer(1, 6))
    else:
        out.append(layout.body("Không nhận tài liệu kèm theo; nội dung công dân trình bày được "
                               "ghi vào sổ tiếp công dân."))
    signatures = layout.two_columns(
        layout.signature_block(Signature(("Người cung cấp",), prov["name"])),
        layout.signature_block(Signature(("Người nhận",), officer["name"])))
    out.append(KeepTogether([
        layout.body("Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản."),
        Spacer(1, 4 * mm), signatures]))
    return out


def render_receipt(payload: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    """The receipt PDF; `copy` adds the "BẢN SAO" mark of a reprint (content unchanged), with
    the day it was reprinted."""
    qr_text = payload.get("qr", "")
    caption = f"Giấy biên nhận số {payload['number']}\nMã xác minh: {payload.get('verify_code', '')}"

    def first_page(canv, st):
        if qr_text:
            _qr(canv, st, qr_text, caption)

    page = Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(payload, reprinted_on) if copy else "",
                first_page=first_page, first_page_reserve=QR_SIZE + 4 * mm if qr_text else 0)
    return layout.build(story(payload), page, title="Giấy biên nhận thông tin, tài liệu",
                        subject=payload["number"])
