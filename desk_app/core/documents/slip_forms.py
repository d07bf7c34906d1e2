"""The slips and notices of a case, drawn in the Decree 30/2020 layout (payload dict → PDF).

Phiếu hẹn (appointment), Phiếu đề xuất thụ lý đơn (Circular 05/2021 Form 01), Phiếu chuyển
đơn, Phiếu chuyển đơn tố cáo (Form 03), Phiếu hướng dẫn, Thông báo thụ lý / không thụ lý.
The values come from `slips.py`; these functions only lay them out, so a stored payload
reprints exactly. The denunciation transfer slip is given no identity of the denouncer at all
(its payload has none): nothing here can print it.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desk_app.core.documents import layout
from desk_app.core.documents.layout import Page, Signature, esc, nfc
from desk_app.core.documents.refusal import _authority as authority  # "TM. ỦY BAN NHÂN DÂN"
from desk_app.core.documents.refusal import _honorific as honorific  # "ông"/"bà" by sex
from desk_app.core.documents.signer import CHAIRPERSON, COMMITTEE


def dots(room: float, style: ParagraphStyle) -> str:
    """A dotted line as wide as `room` (less a little), to be filled in by hand."""
    one = stringWidth("…", style.fontName, style.fontSize)
    return "…" * max(int(room // one) - 1, 3)


def _page(p: dict, copy: bool, reprinted_on: date | None = None) -> Page:
    return Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(p, reprinted_on) if copy else "")


def _head(p: dict, title: str, subtitle: str | None = None) -> list[Flowable]:
    office = p["office"]
    return [layout.header(office["name"], office["parent_name"], number=p["number"],
                          place=office["place_name"], on=date.fromisoformat(p["issued_on"])),
            *layout.title(title, subtitle)]


def _addressee(text: str, bold: str = "") -> Flowable:
    """"Kính gửi: …." — the name in bold when given."""
    markup = f"Kính gửi: {esc(text)}" + (f" <b>{esc(bold)}</b>" if bold else "") + "."
    return layout.body_markup(markup, indent=False)


def _body_address(to: dict) -> list[Flowable]:
    """The receiving body's address under "Kính gửi", when the directory has it."""
    if not to.get("address"):
        return []
    return [layout.body(f"Địa chỉ: {nfc(to['address'])}.", indent=False)]


def _summaries(p: dict) -> list[Flowable]:
    return [layout.body(s) for s in p["summaries"]]


def _lead(markup: str) -> Flowable:
    """A sentence that introduces what follows ("… với nội dung:"): kept with it."""
    out = layout.body_markup(markup)
    out.keepWithNext = True
    return out


def _who(person: dict) -> str:
    return honorific(person.get("sex", ""))


def _received_sentence(p: dict, what: str, verb: str = "nhận được") -> str:
    """"Ngày 20/11/2026, Ủy ban nhân dân phường X nhận được {what}" (markup)."""
    return f"Ngày {layout.dmy(p['received_on'])}, {esc(p['office']['name'])} {verb} {what}"


def _attachments(p: dict) -> Flowable:
    docs = p.get("documents") or ()
    if not docs:
        return layout.body("Kèm theo: đơn và các tài liệu có liên quan (nếu có).")
    listed = "; ".join(f"{nfc(d['name'])} ({d['pages']:02d} trang)" for d in docs)
    return layout.body(f"Kèm theo: {listed}.")


def _head_signs(p: dict, recipients: list[str], closing: str | Flowable,
                capacity: str = COMMITTEE) -> Flowable:
    """"Nơi nhận" on the left, the head's signature on the right; the closing sentence (or
    the attachments line) goes with them so the signature never stands alone on a page."""
    signer = p["signer"]
    width = layout.text_width()
    block = layout.two_columns(
        layout.recipients_block(recipients),
        layout.signature_block(Signature(authority(p["office"]["name"], signer["title"],
                                                   capacity), signer["name"], note="")),
        widths=(width * 0.45, width * 0.55))
    last = layout.body(closing) if isinstance(closing, str) else closing
    return KeepTogether([last, Spacer(1, 4 * mm), block])


def _build(p: dict, story: list[Flowable], copy: bool, title: str,
           reprinted_on: date | None = None) -> bytes:
    return layout.build(story, _page(p, copy, reprinted_on), title=title, subject=p["number"])


# --- 1. Phiếu hẹn -----------------------------------------------------------------------------

# Every answer Law on Citizen Reception art. 28(1) allows within the 10 working days: the
# petition is accepted, its acceptance review is extended, it is not accepted, or it is
# transferred to the competent body.
ANSWERS = ("về việc thụ lý, gia hạn thời hạn xem xét thụ lý, không thụ lý hoặc chuyển đơn đến "
           "cơ quan có thẩm quyền giải quyết")


def render_appointment(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    """No official form: the law asks only that the citizen be told when and from whom the
    answer comes (Law on Citizen Reception art. 28(1))."""
    person, office, due = p["person"], p["office"], p["due"]
    who = _who(person)
    story = _head(p, "Phiếu hẹn", "Trả lời kết quả xử lý đơn")
    story += [
        layout.body_markup(f"Họ và tên công dân: <b>{esc(person['name'])}</b>.", indent=False),
        layout.body(f"Địa chỉ: {nfc(person['address']) or '…'}.", indent=False),
        Spacer(1, 2 * mm),
    ]
    receipt = f" (giấy biên nhận số {esc(p['receipt_no'])})" if p.get("receipt_no") else ""
    story.append(_lead(_received_sentence(
        p, f"{esc(p['what'])} của {who}{receipt} với nội dung:", "đã tiếp nhận")))
    story += _summaries(p)
    if p.get("session"):  # booked into a reception session (core/schedule/day.py)
        s = p["session"]
        story.append(layout.body_markup(
            f"Mời {who} đến dự buổi <b>{esc(s['kind_label'])}</b> vào lúc "
            f"<b>{esc(s['when'])}</b> tại {esc(s['place'])}, do {esc(s['host'])} chủ trì, "
            "để trình bày nội dung trên."))
    story.append(layout.body_markup(
        f"Chậm nhất ngày <b>{layout.dmy(due['on'])}</b> ({due['working_days']} ngày làm việc "
        f"kể từ ngày tiếp nhận, theo {esc(due['basis'])}), {esc(office['name'])} sẽ trả lời "
        f"{who} {ANSWERS}."))
    answerer = f"Cơ quan trả lời: {esc(office['name'])}"
    if p.get("assignee"):
        a = p["assignee"]
        answerer += f"; cán bộ được giao theo dõi: <b>{esc(a['name'])}</b>"
        answerer += f" ({esc(a['position'])})" if a.get("position") else ""
    story.append(layout.body_markup(answerer + "."))
    place = p["where"]
    story.append(layout.body(
        f"Địa điểm nhận kết quả: {nfc(place)}. Kết quả có thể được trả lời trực tiếp hoặc bằng "
        f"văn bản gửi theo địa chỉ của {who}."))
    label = "Điện thoại liên hệ: "
    st = layout.styles()
    room = (layout.text_width() - st.body.firstLineIndent
            - stringWidth(label, st.body.fontName, st.body.fontSize))
    story.append(layout.body(label + (nfc(p["phone"]) or dots(room, st.body))))
    story.append(layout.body(f"Khi đến, {who} vui lòng mang theo phiếu hẹn này và giấy tờ tùy thân."))
    officer = p["officer"]
    signatures = layout.two_columns(
        layout.signature_block(Signature(("Người nhận phiếu",), person["name"])),
        layout.signature_block(Signature(("Cán bộ tiếp công dân",), officer["name"])))
    story.append(KeepTogether([
        layout.body("Phiếu hẹn được lập thành 02 bản: công dân giữ 01 bản, lưu hồ sơ 01 bản."),
        Spacer(1, 4 * mm), signatures]))
    return _build(p, story, copy, "Phiếu hẹn", reprinted_on)


# --- 2. Phiếu đề xuất thụ lý đơn (Circular 05/2021, Form 01) --------------------------------


OPINION_LINES = 3


def _sign_column(position: str, note: str, name: str, opinion: bool) -> list[Flowable]:
    """One signature column of Form 01; with `opinion`, dotted lines for the head's handwritten
    opinion (the other column keeps the same space, so both names stand level)."""
    st = layout.styles()
    out: list[Flowable] = [layout.para(position.upper(), st.sign_title),
                           layout.para(note, st.sign_note), Spacer(1, 3 * mm)]
    if opinion:
        line = dots(layout.text_width() / 2 - 6 * mm, st.sign_note)
        out += [layout.para(line, st.sign_note) for _ in range(OPINION_LINES)]
    else:
        out.append(Spacer(1, OPINION_LINES * st.sign_note.leading))
    out += [Spacer(1, 16 * mm), layout.para(name, st.sign_name) if name else Spacer(1, 16)]
    return out


def render_proposal(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    person, office = p["person"], p["office"]
    who = _who(person)
    head = f"{nfc(p['signer']['title']).capitalize()} {nfc(office['name'])}"
    kind = esc(p["what"])
    story = _head(p, "Phiếu đề xuất thụ lý đơn")
    story += [
        _addressee(head),
        Spacer(1, 2 * mm),
        layout.body_markup(_received_sentence(
            p, f"{kind} của {who} <b>{esc(person['name'])}</b>; địa chỉ: "
               f"{esc(person['address']) or '…'}.")),
        _lead("Nội dung đơn:"),
        *_summaries(p),
        layout.body(
            "Qua nghiên cứu nội dung đơn và đối chiếu với quy định của pháp luật, đơn đủ điều "
            f"kiện thụ lý và thuộc thẩm quyền giải quyết của {nfc(office['name'])} (căn cứ "
            f"{nfc(p['basis'])})."),
        layout.body_markup(f"Đề xuất: {esc(head)} thụ lý giải quyết {kind} của {who} "
                           f"<b>{esc(person['name'])}</b> theo quy định."),
        _attachments(p),
    ]
    signatures = layout.two_columns(
        _sign_column(f"Ý kiến phê duyệt của {nfc(p['signer']['title'])}",
                     "(Ghi ý kiến, ký, ghi rõ họ tên)", p["signer"]["name"], opinion=True),
        _sign_column("Người đề xuất", "(Ký, ghi rõ họ tên)", p["proposer"]["name"],
                     opinion=False))
    story.append(KeepTogether([Spacer(1, 4 * mm), signatures]))
    return _build(p, story, copy, "Phiếu đề xuất thụ lý đơn", reprinted_on)


# --- 3. Phiếu chuyển đơn ------------------------------------------------------------------------


def render_transfer(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    person, office, to = p["person"], p["office"], p["to"]
    who = _who(person)
    kind = esc(p["what"])
    story = _head(p, "Phiếu chuyển đơn")
    story += [
        _addressee(to["body"]),
        *_body_address(to),
        Spacer(1, 2 * mm),
        layout.body_markup(_received_sentence(
            p, f"{kind} của {who} <b>{esc(person['name'])}</b>; địa chỉ: "
               f"{esc(person['address']) or '…'}.")),
        _lead("Nội dung đơn:"),
        *_summaries(p),
        layout.body(
            f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của "
            f"{nfc(office['name'])}. Căn cứ {nfc(p['basis'])}, {nfc(office['name'])} chuyển đơn "
            f"đến {nfc(to['body'])} để xem xét, giải quyết theo thẩm quyền và trả lời cho người "
            f"gửi đơn; đề nghị {nfc(to['body'])} thông báo kết quả giải quyết cho "
            f"{nfc(office['name'])} để theo dõi."),
    ]
    story.append(_head_signs(p, ["Như trên", f"{who.capitalize()} {nfc(person['name'])} "
                                            "(người gửi đơn, để biết)", "Lưu: VT, hồ sơ"],
                             _attachments(p)))
    return _build(p, story, copy, "Phiếu chuyển đơn", reprinted_on)


# --- 4. Phiếu chuyển đơn tố cáo (Circular 05/2021, Form 03) -----------------------------------


def render_denunciation_transfer(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    """Sent without the denouncer's identity (Law on Denunciations art. 47, 56): the payload
    carries none, the content was redacted when it was built, and "Nơi nhận" names nobody."""
    office, to = p["office"], p["to"]
    name = nfc(office["name"])
    story = _head(p, "Phiếu chuyển đơn tố cáo")
    story += [
        _addressee(to["body"]),
        *_body_address(to),
        Spacer(1, 2 * mm),
        _lead(_received_sentence(p, "đơn tố cáo có nội dung:")),
        *_summaries(p),
        layout.body(
            f"Sau khi xem xét, nội dung tố cáo không thuộc thẩm quyền giải quyết của {name}. "
            f"Căn cứ {nfc(p['basis'])}, {name} chuyển đơn tố cáo đến {nfc(to['body'])} để giải "
            "quyết theo thẩm quyền."),
        layout.body(
            "Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ "
            "bí mật theo quy định của Luật Tố cáo; phiếu này và tài liệu chuyển kèm không ghi "
            f"các thông tin đó. Đề nghị {nfc(to['body'])} thông báo kết quả xử lý cho {name} để "
            "thông báo cho người tố cáo."),
    ]
    story.append(_head_signs(p, ["Như trên", "Lưu: VT, hồ sơ"], _attachments(p)))
    return _build(p, story, copy, "Phiếu chuyển đơn tố cáo", reprinted_on)


# --- 5. Phiếu hướng dẫn -------------------------------------------------------------------------


def render_guidance(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    person, office, to = p["person"], p["office"], p["to"]
    who = _who(person)
    name = nfc(office["name"])
    story = _head(p, "Phiếu hướng dẫn", "Về việc gửi đơn đến cơ quan có thẩm quyền")
    story += [
        _addressee(who.capitalize(), person["name"]),
        layout.body(f"Địa chỉ: {nfc(person['address']) or '…'}.", indent=False),
        Spacer(1, 2 * mm),
        _lead(_received_sentence(p, f"{esc(p['what'])} của {who} với nội dung:")),
        *_summaries(p),
        layout.body_markup(
            f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {esc(name)}. "
            f"Căn cứ {esc(p['basis'])}, {esc(name)} hướng dẫn {who} gửi đơn đến "
            f"<b>{esc(to['body'])}</b>"
            + (f" (địa chỉ: {esc(to['address'])})" if to.get("address") else "")
            + " để được xem xét, giải quyết theo thẩm quyền."),
    ]
    closing = f"{name} thông báo để {who} {nfc(person['name'])} biết và thực hiện./."
    story.append(_head_signs(p, ["Như trên", "Lưu: VT, hồ sơ"], closing))
    return _build(p, story, copy, "Phiếu hướng dẫn", reprinted_on)


# --- 6. Thông báo thụ lý / không thụ lý ---------------------------------------------------------


def _notice_intro(p: dict, subtitle: str) -> list[Flowable]:
    person = p["person"]
    who = _who(person)
    return [
        *_head(p, "Thông báo", subtitle),
        _addressee(who.capitalize(), person["name"]),
        layout.body(f"Địa chỉ: {nfc(person['address']) or '…'}.", indent=False),
        Spacer(1, 2 * mm),
        _lead(_received_sentence(p, f"{esc(p['what'])} của {who} với nội dung:")),
        *_summaries(p),
    ]


def _by(p: dict) -> tuple[str, str]:
    """(who acts, signing capacity): the chairperson, for a notice that says so (its payload
    has "by"); the committee for notices issued before it did."""
    if p.get("by"):
        return nfc(p["by"]), CHAIRPERSON
    return nfc(p["office"]["name"]), COMMITTEE


def render_acceptance(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    person = p["person"]
    who = _who(person)
    name, capacity = _by(p)
    matter = nfc(p["matter"])  # "khiếu nại" / "tố cáo"
    story = _notice_intro(p, f"Về việc thụ lý giải quyết {matter}")
    story.append(layout.body(
        f"Căn cứ {nfc(p['basis'])}, xét đơn đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết, "
        f"ngày {layout.dmy(p['accepted_on'])}, {name} đã thụ lý giải quyết {matter} của {who}."))
    if p.get("resolution_due"):
        story.append(layout.body_markup(
            f"Thời hạn giải quyết theo quy định: chậm nhất ngày "
            f"<b>{layout.dmy(p['resolution_due'])}</b>."))
    closing = f"{name} thông báo để {who} {nfc(person['name'])} biết./."
    story.append(_head_signs(p, ["Như trên", "Lưu: VT, hồ sơ"], closing, capacity))
    return _build(p, story, copy, f"Thông báo thụ lý giải quyết {matter}", reprinted_on)


def render_non_acceptance(p: dict, *, copy: bool = False, reprinted_on: date | None = None) -> bytes:
    person = p["person"]
    who = _who(person)
    name, capacity = _by(p)
    matter = nfc(p["matter"])
    story = _notice_intro(p, f"Về việc không thụ lý giải quyết {matter}")
    story.append(layout.body_markup(
        f"Căn cứ {esc(p['basis'])}, {esc(name)} thông báo không thụ lý giải quyết {esc(matter)} "
        f"của {who} vì lý do: <b>{esc(p['reason'])}</b>."))
    closing = f"{name} thông báo để {who} {nfc(person['name'])} biết./."
    story.append(_head_signs(p, ["Như trên", "Lưu: VT, hồ sơ"], closing, capacity))
    return _build(p, story, copy, f"Thông báo không thụ lý giải quyết {matter}", reprinted_on)
