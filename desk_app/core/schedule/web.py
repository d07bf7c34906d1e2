"""The posted schedule for the office's website: a standalone HTML page and an iCalendar file.

Both take the payload of `public.schedule_data` (the same values as the printed notice), so
the three never disagree; neither names a citizen. Times are the office's local time
(Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from desk_app.core.documents.layout import nfc

TZ = "Asia/Ho_Chi_Minh"
PRODID = "-//desk_app//Ban tiep dan//VI"


def _e(value: object) -> str:
    return escape(nfc(value))


def render_html(p: dict) -> bytes:
    office, period = p["office"], p["period"]
    rows = []
    for i, s in enumerate(p["sessions"], start=1):
        kind = "" if s["kind"] == "dinh_ky" else f"<em>{_e(s['kind_label'])}</em><br>"
        rows.append(
            f"<tr><td>{i}</td><td>{_e(s['weekday'])}<br>{_e(s['date'])}</td>"
            f"<td>{_e(s['hours'])}</td><td><strong>{_e(s['host'])}</strong><br>"
            f"{_e(s['host_position'])}</td><td>{'<br>'.join(_e(x) for x in s['participants']) or '—'}"
            f"</td><td>{kind}{_e(s['content']) or '—'}</td><td>{_e(s['place'])}</td></tr>")
    regular = "".join(
        f"<li>{_e(r['days'])}, {_e(r['hours'])}, tại {_e(r['place'])}"
        + (f"; cán bộ tiếp: {_e(', '.join(r['officers']))}" if r["officers"] else "") + "</li>"
        for r in p["regular"]) or "<li>Trong giờ hành chính các ngày làm việc.</li>"
    notes = "".join(f"<li>{_e(n)}</li>" for n in p["notes"])
    title = f"Lịch tiếp công dân {nfc(period['label'])} — {nfc(office['name'])}"
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>
body {{ font-family: "Times New Roman", "Liberation Serif", serif; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.4; }}
h1 {{ font-size: 1.4em; text-align: center; text-transform: uppercase; }}
h2 {{ font-size: 1.1em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #000; padding: .3em .4em; vertical-align: top; }}
th {{ background: #eee; }}
</style>
</head>
<body>
<p>{_e(office['parent_name']).upper()}<br><strong>{_e(office['name']).upper()}</strong></p>
<h1>Lịch tiếp công dân {_e(period['label'])}</h1>
<h2>1. Nơi tiếp công dân</h2>
<p>{_e(p['place'])}</p>
<h2>2. Tiếp công dân thường xuyên</h2>
<ul>{regular}</ul>
<h2>3. Lịch Chủ tịch trực tiếp tiếp công dân</h2>
<table>
<thead><tr><th>STT</th><th>Ngày</th><th>Thời gian</th><th>Người chủ trì</th>
<th>Thành phần tham dự</th><th>Nội dung dự kiến</th><th>Địa điểm</th></tr></thead>
<tbody>
{''.join(rows) or '<tr><td colspan="7">Không có buổi tiếp trong thời gian này.</td></tr>'}
</tbody>
</table>
{f'<h2>Ghi chú</h2><ul>{notes}</ul>' if notes else ''}
<h2>4. Tiếp công dân đột xuất</h2>
<p>Chủ tịch tiếp công dân đột xuất trong các trường hợp quy định tại khoản 3 Điều 18 Luật Tiếp
công dân. Trường hợp không tiếp được theo lịch, lịch tiếp được lùi sang thời gian khác và thông
báo công khai.</p>
</body>
</html>
"""
    return html.encode("utf-8")


def render_ics(p: dict) -> bytes:
    """One VEVENT per public session (UID = the session's UUID at the office code)."""
    from icalendar import Calendar, Event

    zone = ZoneInfo(TZ)
    office = p["office"]
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", nfc(f"Lịch tiếp công dân — {office['name']}"))
    cal.add("x-wr-timezone", TZ)
    for s in p["sessions"]:
        event = Event()
        event.add("uid", f"{s['uuid']}@{office['office_code']}")
        event.add("dtstamp", datetime.fromisoformat(p.get("generated_at") or s["starts_at"])
                  .replace(tzinfo=zone))
        event.add("dtstart", datetime.fromisoformat(s["starts_at"]).replace(tzinfo=zone))
        event.add("dtend", datetime.fromisoformat(s["ends_at"]).replace(tzinfo=zone))
        event.add("summary", nfc(f"{s['kind_label']} — {s['host']}"))
        event.add("location", nfc(s["place"]))
        lines = [f"Người chủ trì: {s['host']}" + (f", {s['host_position']}"
                                                  if s["host_position"] else "")]
        if s["participants"]:
            lines.append("Thành phần tham dự: " + "; ".join(s["participants"]))
        if s["content"]:
            lines.append(f"Nội dung dự kiến: {s['content']}")
        event.add("description", nfc("\n".join(lines)))
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for Asia/Ho_Chi_Minh, for calendars without tzdata
    return cal.to_ical()
