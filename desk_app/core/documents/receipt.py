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


def _id_line(who: dict) -> Flowable:
    if not who["id_number"] and who["id_label"] == "Giấy tờ tùy thân":
        return layout.body("Giấy tờ tùy thân: không xuất trình (chỉ nêu họ tên, địa chỉ).")
    issued_on, issued_place = layout.id_issue(who)
    return layout.body_markup(
        f"{esc(who['id_label'])}: {esc(who['id_number']) or layout.BLANK}; "
        f"ngày cấp: {issued_on}; nơi cấp: {esc(issued_place)}.")


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


def ack_story(p: dict) -> list[Flowable]:
    """Giấy báo đã nhận đơn: a petition that came by post, portal, website or e-mail was
    received and entered in the book (Circular 05/2021). No official form: a local notice in
    the layout of Decree 30/2020, addressed to the sender (docs/channels.md)."""
    office, prov, ch = p["office"], p["provider"], p["channel"]
    issued = date.fromisoformat(p["issued_on"])
    out: list[Flowable] = [
        layout.header(office["name"], office["parent_name"], number=p["number"],
                      place=office["place_name"], on=issued),
        *layout.title("Giấy báo", "Đã nhận đơn"),
        layout.body_markup(f"Kính gửi: ông (bà) <b>{esc(prov['name'])}</b>"),
        layout.body(f"Địa chỉ: {nfc(prov['address']) or '…'}."),
    ]
    how = nfc(ch["name"]).lower()
    when = datetime.fromisoformat(p["received_at"])
    sentence = (f"Ngày {when:%d/%m/%Y}, {nfc(office['name'])} đã nhận được đơn của ông (bà) "
                f"({how}")
    if ch.get("mailed_on"):
        sentence += f", dấu bưu điện ngày {_dmy(ch['mailed_on'])}"
    if ch.get("ref"):
        sentence += f", số hồ sơ/địa chỉ gửi: {nfc(ch['ref'])}"
    out.append(layout.body(sentence + ")."))
    for pet in p.get("petitions", ()):
        out.append(layout.body_markup(
            f"Nội dung {esc(pet['kind_label']).lower()}: {esc(pet['summary'])}"))
    out.append(layout.body(
        "Đơn đã được vào sổ tiếp nhận, xử lý đơn và sẽ được xem xét, xử lý theo quy định của "
        "pháp luật (Thông tư số 05/2021/TT-TTCP). Kết quả xử lý sẽ được thông báo đến ông (bà) "
        "theo địa chỉ trên."))
    out.append(KeepTogether([Spacer(1, 4 * mm), layout.two_columns(
        layout.body(""), layout.signature_block(Signature(("Cán bộ tiếp nhận",),
                                                          p["officer"]["name"])))]))
    return out


def story(p: dict) -> list[Flowable]:
    if p.get("kind") == "bao_nhan_don":
        return ack_story(p)
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
    out.append(_id_line(prov))
    out.append(layout.body(f"Địa chỉ: {nfc(prov['address']) or '…'}."))
    who = p.get("represented")
    if who:
        # Someone presenting on another's behalf: the receipt names both, and the paper.
        out.append(layout.body_markup(
            f"Là {esc(prov.get('role', '')).lower() or 'người đại diện'} của ông (bà): "
            f"<b>{esc(who['name'])}</b>; theo: {esc(prov.get('proof', '')) or '…'}."))
        out.append(_id_line(who))
        out.append(layout.body(f"Địa chỉ người được đại diện: {nfc(who['address']) or '…'}."))
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
    caption = (f"{payload.get('title') or 'Giấy biên nhận'} số {payload['number']}\n"
               f"Mã xác minh: {payload.get('verify_code', '')}")

    def first_page(canv, st):
        if qr_text:
            _qr(canv, st, qr_text, caption)

    page = Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(payload, reprinted_on) if copy else "",
                first_page=first_page, first_page_reserve=QR_SIZE + 4 * mm if qr_text else 0)
    return layout.build(story(payload), page,
                        title=payload.get("title") or "Giấy biên nhận thông tin, tài liệu",
                        subject=payload["number"])
