"""The schedule's public papers in the Decree 30/2020 layout (payload dict → PDF).

- Thông báo lịch tiếp công dân: posted (niêm yết) at the office for a month or a quarter —
  place, regular hours, the head's sessions with participants and expected content
  (Reception Law 2013 art. 24).
- Thông báo hoãn buổi tiếp công dân: a postponed session and its new time (art. 24(4)).
The values come from core/schedule/public.py; nothing here reads the database, so a stored
payload reprints exactly. Neither paper names a citizen.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desk_app.core.documents import layout
from desk_app.core.documents.layout import Page, Signature, esc, nfc
from desk_app.core.documents.refusal import _authority as authority

TABLE_HEAD = ("STT", "Ngày", "Thời gian", "Người chủ trì", "Thành phần tham dự",
              "Nội dung dự kiến")
WIDTHS_MM = (10, 24, 22, 34, 38, 37)  # portrait text width 165 mm


def _page(p: dict, copy: bool, reprinted_on: date | None = None) -> Page:
    return Page(numbering="top", copy=copy,
                copy_note=layout.copy_note(p, reprinted_on) if copy else "")


def _head(p: dict, title: str, subtitle: str) -> list[Flowable]:
    office = p["office"]
    return [layout.header(office["name"], office["parent_name"], number=p["number"],
                          place=office["place_name"], on=date.fromisoformat(p["issued_on"])),
            *layout.title(title, subtitle)]


def _signs(p: dict, recipients: list[str], closing: str) -> Flowable:
    signer = p["signer"]
    width = layout.text_width()
    block = layout.two_columns(
        layout.recipients_block(recipients),
        layout.signature_block(Signature(authority(p["office"]["name"], signer["title"]),
                                         signer["name"], note="")),
        widths=(width * 0.45, width * 0.55))
    return KeepTogether([layout.body(closing), Spacer(1, 4 * mm), block])


def _section(text: str, keep: bool = True) -> Flowable:
    para = layout.body_markup(f"<b>{esc(text)}</b>")
    para.keepWithNext = keep
    return para


def in_sentence(weekday: str) -> str:
    """"Thứ Năm" → "thứ Năm" (Chủ nhật stays as it is)."""
    return weekday[:1].lower() + weekday[1:] if weekday.startswith("Thứ") else weekday


def _cells(i: int, s: dict) -> list:
    host = [s["host"], s.get("host_position", "")]
    kind = "" if s["kind"] == "dinh_ky" else f"{s['kind_label']}\n"
    content = kind + (s["content"] or "—") + (f"\n({s['note']})" if s.get("note") else "")
    return [str(i), f"{s['weekday']}\n{s['date']}", s["hours"], host,
            "\n".join(s["participants"]) or "—", content]


def render_schedule_notice(p: dict, *, copy: bool = False,
                           reprinted_on: date | None = None) -> bytes:
    office = p["office"]
    story = _head(p, "Thông báo", f"Lịch tiếp công dân {nfc(p['period']['label'])}")
    story += [
        layout.body("Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;"),
        layout.body(f"{nfc(office['name'])} thông báo lịch tiếp công dân như sau:"),
        _section("1. Nơi tiếp công dân"),
        layout.body(p["place"] + "."),
        _section("2. Tiếp công dân thường xuyên"),
    ]
    if p["regular"]:
        for r in p["regular"]:
            who = f"; cán bộ tiếp: {', '.join(r['officers'])}" if r["officers"] else ""
            story.append(layout.body(f"- {r['days']}, {r['hours']}, tại {r['place']}{who}."))
    else:
        story.append(layout.body("- Trong giờ hành chính các ngày làm việc."))
    story.append(CondPageBreak(45 * mm))  # the heading never ends a page alone
    story.append(_section("3. Lịch Chủ tịch trực tiếp tiếp công dân", keep=False))
    if p["sessions"]:
        widths = [w * mm for w in WIDTHS_MM]
        widths[-1] += layout.text_width() - sum(widths)
        story.append(layout.GridTable(TABLE_HEAD, [_cells(i, s) for i, s in
                                                   enumerate(p["sessions"], start=1)],
                                      widths, size=11, centered=(0, 1, 2),
                                      bold_first_line=(3,)))
    else:
        story.append(layout.body("Không có buổi tiếp trong thời gian này."))
    if p["notes"]:
        story.append(Spacer(1, 2 * mm))
        story.append(layout.body_markup("<i>Ghi chú:</i>"))
        story += [layout.body(f"- {nfc(n)}.") for n in p["notes"]]
    story += [
        _section("4. Tiếp công dân đột xuất"),
        layout.body("Chủ tịch tiếp công dân đột xuất trong các trường hợp quy định tại khoản 3 "
                    "Điều 18 Luật Tiếp công dân. Trường hợp không tiếp được theo lịch, lịch tiếp "
                    "được lùi sang thời gian khác và thông báo công khai."),
    ]
    closing = (f"{nfc(office['name'])} thông báo để công dân, cơ quan, tổ chức, đơn vị có liên "
               "quan biết, thực hiện./.")
    story.append(_signs(p, ["Niêm yết tại trụ sở và nơi tiếp công dân",
                            "Trang thông tin điện tử (nếu có)", "Lưu: VT"], closing))
    return layout.build(story, _page(p, copy, reprinted_on), title="Thông báo lịch tiếp công dân",
                        subject=p["number"])


def render_postponement_notice(p: dict, *, copy: bool = False,
                               reprinted_on: date | None = None) -> bytes:
    office, old, new = p["office"], p["session"], p["new"]
    story = _head(p, "Thông báo", f"Về việc hoãn buổi {nfc(old['kind_phrase'])} "
                                  f"ngày {old['date']}")
    host = esc(old["host"]) + (f", {esc(old['host_position'])}" if old.get("host_position") else "")
    story += [
        layout.body_markup(
            f"Buổi {esc(old['kind_phrase'])} do đồng chí {host} chủ trì, dự kiến vào lúc "
            f"<b>{esc(old['hours'])} {esc(in_sentence(old['weekday']))} ngày {esc(old['date'])}"
            f"</b> tại {esc(old['place'])}, được hoãn vì lý do: {esc(p['reason'])}."),
        layout.body_markup(
            f"Thời gian tiếp công dân mới: <b>{esc(new['hours'])} "
            f"{esc(in_sentence(new['weekday']))} ngày {esc(new['date'])}</b>, tại "
            f"{esc(new['place'])}."),
        layout.body("Công dân đã được hẹn đến buổi tiếp nói trên vui lòng đến theo thời gian mới; "
                    "phiếu hẹn đã cấp vẫn có giá trị."),
    ]
    closing = (f"{nfc(office['name'])} thông báo để công dân, cơ quan, tổ chức, đơn vị có liên "
               "quan biết./.")
    story.append(_signs(p, ["Niêm yết tại trụ sở và nơi tiếp công dân",
                            "Trang thông tin điện tử (nếu có)", "Lưu: VT"], closing))
    return layout.build(story, _page(p, copy, reprinted_on), title="Thông báo hoãn buổi tiếp công dân",
                        subject=p["number"])
