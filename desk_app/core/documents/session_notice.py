"""Thông báo kết luận việc tiếp công dân: the conclusions of a reception session held by the
head (Decree 154/2026 art. 25).

There is no sessions table yet, so a session is described by a plain value (`Session`), read
from a JSON file by the CLI:

    {"held_on": "2026-12-03", "host": "Lê Văn Dũng",
     "host_title": "Chủ tịch Ủy ban nhân dân phường Nhân Hòa",      (optional: the signer's)
     "place": "Trụ sở Ủy ban nhân dân phường Nhân Hòa",             (optional)
     "reception_kind": "dinh_ky",                                    (dinh_ky | dot_xuat)
     "participants": ["Công chức Địa chính - Xây dựng", …],
     "citizens": [{"case_id": 12, "conclusion": "Giao …"},
                  {"name": "Trần Văn Bình", "address": "…", "content": "…", "conclusion": "…"}],
     "conclusions": ["…"], "recipients": ["Công an phường", …]}

A citizen given by `case_id` takes name, address and content from the case. A denouncer is
never named in the notice (Law on Denunciations art. 47): the line says the identity is kept
confidential, and the name is removed from the content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desk_app import messages
from desk_app.core.documents import layout
from desk_app.core.documents.layout import Page, Signature, esc, nfc
from desk_app.core.documents.refusal import _authority as authority
from desk_app.core.errors import DeskError

RECEPTION_KINDS = {"dinh_ky": "định kỳ", "dot_xuat": "đột xuất", "thuong_xuyen": "thường xuyên",
                   "truc_tuyen": "trực tuyến"}
CONFIDENTIAL = "Người tố cáo (thông tin về người tố cáo được giữ bí mật)"


@dataclass(frozen=True)
class SessionCitizen:
    """One citizen (or delegation) received at the session."""

    name: str = ""
    content: str = ""
    conclusion: str = ""
    address: str = ""
    case_id: int | None = None
    denunciation: bool = False  # hide who it is (a case about a denunciation always is)


@dataclass(frozen=True)
class Session:
    held_on: date
    host: str
    place: str = ""
    host_title: str = ""
    reception_kind: str = "dinh_ky"
    participants: tuple[str, ...] = ()
    citizens: tuple[SessionCitizen, ...] = ()
    conclusions: tuple[str, ...] = ()
    recipients: tuple[str, ...] = field(default=())


def _texts(value, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"“{what}” phải là một danh sách chữ")
    return tuple(v for v in value if v.strip())


def session_from_dict(obj: dict) -> Session:
    """A Session from its JSON form; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("tệp phải chứa một đối tượng JSON")
    try:
        held_on = date.fromisoformat(str(obj.get("held_on", "")))
    except ValueError:
        raise ValueError("“held_on” phải là ngày dạng YYYY-MM-DD") from None
    kind = obj.get("reception_kind", "dinh_ky")
    if kind not in RECEPTION_KINDS:
        raise ValueError(f"“reception_kind” phải là một trong: {', '.join(RECEPTION_KINDS)}")
    citizens = []
    for i, raw in enumerate(obj.get("citizens") or [], start=1):
        if not isinstance(raw, dict):
            raise ValueError(f"công dân thứ {i} phải là một đối tượng JSON")
        case_id = raw.get("case_id")
        if case_id is not None and (isinstance(case_id, bool) or not isinstance(case_id, int)):
            raise ValueError(f"“case_id” của công dân thứ {i} phải là số")
        values = {k: raw.get(k, "") for k in ("name", "content", "conclusion", "address")}
        if not all(isinstance(v, str) for v in values.values()):
            raise ValueError(f"các trường của công dân thứ {i} phải là chữ")
        citizens.append(SessionCitizen(**values, case_id=case_id,
                                       denunciation=bool(raw.get("denunciation", False))))
    text_fields = {k: obj.get(k, "") for k in ("host", "place", "host_title")}
    if not all(isinstance(v, str) for v in text_fields.values()):
        raise ValueError("“host”, “place”, “host_title” phải là chữ")
    return Session(held_on=held_on, **text_fields, reception_kind=kind,
                   participants=_texts(obj.get("participants"), "participants"),
                   citizens=tuple(citizens),
                   conclusions=_texts(obj.get("conclusions"), "conclusions"),
                   recipients=_texts(obj.get("recipients"), "recipients"))


def read_session_file(path: str | Path) -> Session:
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        return session_from_dict(obj)
    except OSError as exc:
        raise DeskError(messages.SLIP_SESSION_FILE_INVALID.format(
            path=path, why=exc.strerror or exc)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeskError(messages.SLIP_SESSION_FILE_INVALID.format(
            path=path, why=f"không đọc được JSON ({exc})")) from None
    except ValueError as exc:
        raise DeskError(messages.SLIP_SESSION_FILE_INVALID.format(path=path, why=exc)) from None


# --- rendering --------------------------------------------------------------------------------


def _citizen(i: int, c: dict) -> list[Flowable]:
    who = f"<b>{i}. {esc(c['name'])}</b>"
    if c.get("address"):
        who += f"; địa chỉ: {esc(c['address'])}"
    head = layout.body_markup(who + ".")
    head.keepWithNext = True  # never the last line of a page
    out: list[Flowable] = [head]
    if c.get("content"):
        out.append(layout.body_markup(f"<i>Nội dung trình bày:</i> {esc(c['content'])}"))
    out.append(layout.body_markup(
        f"<i>Kết luận:</i> {esc(c['conclusion']) or 'Tiếp tục xem xét, trả lời theo quy định.'}"))
    return out


def render_session_notice(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    office, s = p["office"], p["session"]
    name = nfc(office["name"])
    held = date.fromisoformat(s["held_on"])
    kind = RECEPTION_KINDS.get(s["reception_kind"], "")
    story: list[Flowable] = [
        layout.header(office["name"], office["parent_name"], number=p["number"],
                      place=office["place_name"], on=date.fromisoformat(p["issued_on"])),
        *layout.title("Thông báo", f"Kết luận của {nfc(s['host_title'])} tại buổi tiếp công "
                                   f"dân {kind} ngày {layout.dmy(held)}"),
    ]
    place = f", tại {nfc(s['place'])}" if s.get("place") else ""
    story.append(layout.body(
        f"Ngày {layout.dmy(held)}{place}, đồng chí {nfc(s['host'])}, {nfc(s['host_title'])} đã "
        f"chủ trì buổi tiếp công dân {kind} theo quy định của Luật Tiếp công dân."))
    if s["participants"]:
        story.append(layout.body("Tham dự buổi tiếp có: " + "; ".join(
            nfc(x) for x in s["participants"]) + "."))
    citizens = s["citizens"]
    if citizens:
        story.append(layout.body(
            f"Tại buổi tiếp có {len(citizens):02d} lượt công dân đến trình bày. Sau khi nghe công "
            "dân trình bày, ý kiến của các cơ quan, đơn vị có liên quan, đồng chí "
            f"{nfc(s['host'])} kết luận như sau:"))
        for i, c in enumerate(citizens, start=1):
            story += _citizen(i, c)
    if s["conclusions"]:
        lead = layout.body_markup("<b>Kết luận chung:</b>" if citizens else
                                  f"Đồng chí {esc(s['host'])} kết luận như sau:")
        lead.keepWithNext = True
        story.append(lead)
        story += [layout.body(f"- {nfc(x)}") for x in s["conclusions"]]
    closing = (f"{name} thông báo để công dân và các cơ quan, đơn vị, cá nhân có liên quan biết, "
               "thực hiện./.")
    signer = p["signer"]
    width = layout.text_width()
    recipients = [*s["recipients"], "Công dân có tên tại Thông báo", "Lưu: VT, hồ sơ"]
    block = layout.two_columns(
        layout.recipients_block(recipients),
        layout.signature_block(Signature(authority(office["name"], signer["title"]),
                                         signer["name"], note="")),
        widths=(width * 0.45, width * 0.55))
    story.append(KeepTogether([layout.body(closing), Spacer(1, 4 * mm), block]))
    page = Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(p, reprinted_on) if copy else "")
    return layout.build(story, page, title="Thông báo kết luận việc tiếp công dân",
                        subject=p["number"])
