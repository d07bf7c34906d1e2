"""Thông báo về việc từ chối tiếp công dân (Form 01/TCD): issued by the head within 3 working
days for the "already resolved" and "repeated" grounds (Law on Citizen Reception art. 9,
Decree 154/2026 art. 4)."""

from __future__ import annotations

import re
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desk_app.core.documents import layout
from desk_app.core.documents.layout import Page, Signature, esc, nfc
from desk_app.core.documents.signer import COMMITTEE, signature_lines


def _honorific(sex: str) -> str:
    return {"Nam": "ông", "Nữ": "bà"}.get(nfc(sex), "ông (bà)")


def _authority(office_name: str, title: str, capacity: str = COMMITTEE) -> tuple[str, ...]:
    """The lines above the signature: "TM. ỦY BAN NHÂN DÂN" over the head's title (or "KT.
    CHỦ TỊCH / PHÓ CHỦ TỊCH"), see signer.py."""
    return signature_lines(nfc(office_name), nfc(title), capacity)


def story(p: dict) -> list[Flowable]:
    office = p["office"]
    person = p["person"]
    issued = date.fromisoformat(p["issued_on"])
    who = _honorific(person.get("sex", ""))
    out: list[Flowable] = [
        layout.header(office["name"], office["parent_name"], number=p["number"],
                      place=office["place_name"], on=issued),
        *layout.title("Thông báo", "Về việc từ chối tiếp công dân"),
        layout.body_markup(f"Kính gửi: {who.capitalize()} <b>{esc(person['name'])}</b>.",
                           indent=False),
        Spacer(1, 2 * mm),
    ]
    issued_on, issued_place = layout.id_issue(person)
    ident = (f"{esc(person['id_label']).lower()} {esc(person['id_number']) or layout.BLANK}, "
             f"ngày cấp {issued_on}, nơi cấp {esc(issued_place)}")
    came = datetime.fromisoformat(p["received_at"])
    kinds = ", ".join(dict.fromkeys(nfc(pet["kind_label"]).lower() for pet in p["petitions"]))
    out.append(layout.body_markup(
        f"Ngày {came:%d/%m/%Y}, {who} <b>{esc(person['name'])}</b>, {ident}; địa chỉ: "
        f"{esc(person['address']) or '…'}; đến {esc(office['name'])} để "
        f"{kinds or 'trình bày'} về việc:"))
    for pet in p["petitions"]:
        out.append(layout.body(pet["summary"]))
    reason = p["reason"]
    out.append(layout.body_markup(
        f"Căn cứ {esc(legal_basis(reason.get('basis', '')))}, {esc(office['name'])} thông báo "
        f"từ chối tiếp {who} <b>{esc(person['name'])}</b> vì lý do: {esc(reason['name'])}."))
    closing = layout.body(f"{nfc(office['name'])} thông báo để {who} {nfc(person['name'])} "
                          "được biết./.")
    signer = p["signer"]
    width = layout.text_width()
    block = layout.two_columns(
        layout.recipients_block(("Như trên", "Lưu: VT, hồ sơ")),
        layout.signature_block(Signature(_authority(office["name"], signer["title"]),
                                         signer["name"], note="")),
        widths=(width * 0.45, width * 0.55))
    # The signature never stands alone on a page: the closing sentence goes with it.
    out.append(KeepTogether([closing, Spacer(1, 4 * mm), block]))
    return out


_LAWS = {
    "Luật TCD": "Luật Tiếp công dân năm 2013",
    "Nghị định 154/2026": "Nghị định số 154/2026/NĐ-CP",
}
_BASIS = re.compile(r"^(?P<law>.+?)\s+điều\s+(?P<art>\d+)(?:\s+khoản\s+(?P<cl>\d+))?$",
                    re.IGNORECASE)


def legal_basis(basis: str) -> str:
    """The catalogue's short basis ("Luật TCD điều 9 khoản 3") as a document cites it
    ("khoản 3 Điều 9 Luật Tiếp công dân năm 2013")."""
    basis = nfc(basis).strip()
    found = _BASIS.match(basis)
    if not found:
        return basis or "quy định của pháp luật về tiếp công dân"
    law = _LAWS.get(found["law"], found["law"])
    clause = f"khoản {found['cl']} " if found["cl"] else ""
    return f"{clause}Điều {found['art']} {law}"


def render_refusal(payload: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    page = Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(payload, reprinted_on) if copy else "")
    return layout.build(story(payload), page, title="Thông báo về việc từ chối tiếp công dân",
                        subject=payload["number"])
