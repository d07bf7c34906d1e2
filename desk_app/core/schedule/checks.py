"""Legal and practical checks of the schedule. They warn; they never refuse.

- A week with working days but no periodic session hosted by the head: the commune
  chairperson receives citizens in person at least 1 day every week (Reception Law 2013
  art. 15(2)(d)).
- A periodic session not posted, or posted later than the posting period before it
  (Reception Law art. 24(4): at least 5 working days; the period is data, core/schedule/rules.py).
- A periodic session hosted (planned, or actually) by someone other than the head: the head may
  not hand the duty to a deputy (Law 136/2025/QH15).
- A crowd session without the police informed (the 2019 crowd plan); a planned session on a
  day off; a postponed session without its public notice (art. 24(4)); a hosted session that
  is over and was never recorded as held or cancelled (desk duty is not recorded day by day).
Overlapping sessions of one host are refused when saved (core/schedule/sessions.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar, fmt
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.schedule.hosts import head_officer_id, officer_names
from desk_app.core.schedule.model import HOSTED, LIVE, WEEKDAYS, Alert, SessionRow
from desk_app.core.schedule.rules import posting_rule
from desk_app.core.schedule.views import sessions_between
from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

SOON_DAYS = 7  # a session not posted yet is shown as a task once its posting day is this near


def _day(row: SessionRow) -> str:
    return f"{WEEKDAYS[row.day.weekday()]} {fmt(row.day)}"


def effective_host(row: SessionRow) -> int | None:
    return row.actual_host_id if row.status == "held" and row.actual_host_id else row.host_id


def week_alerts(rows: list[SessionRow], start: date, end: date, head: int | None,
                cal: WorkCalendar) -> list[Alert]:
    """Weeks (Monday to Sunday) touching [start, end] that have a working day and no live
    periodic session hosted by the head. `rows` must cover those whole weeks."""
    covered: set[date] = set()
    for row in rows:
        if row.kind == "dinh_ky" and row.status in LIVE and effective_host(row) == head:
            covered.add(row.day - timedelta(days=row.day.weekday()))
    return _uncovered_weeks(covered, start, end, cal)


def _uncovered_weeks(covered: set[date], start: date, end: date,
                     cal: WorkCalendar) -> list[Alert]:
    monday = start - timedelta(days=start.weekday())
    out = []
    while monday <= end:
        sunday = monday + timedelta(days=6)
        if monday not in covered and cal.count_working_days(monday - timedelta(days=1), sunday):
            out.append(Alert("no_head_week", messages.SCHEDULE_ALERT_NO_HEAD_WEEK.format(
                start=fmt(monday), end=fmt(sunday)), day=monday))
        monday += timedelta(days=7)
    return out


def _posting(row: SessionRow, replacements: set[int], today: date,
             cal: WorkCalendar) -> Alert | None:
    rule = posting_rule(row.day)
    if rule is None or row.kind not in rule.applies_to or row.status not in LIVE:
        return None
    if row.id in replacements:  # a postponed session's new time goes out in its notice
        return None
    deadline = rule.deadline(cal, row.day)
    if row.posted_on is None:
        if row.status == "held" or today > deadline:
            text = messages.SCHEDULE_ALERT_NOT_POSTED_LATE
        elif (deadline - today).days <= SOON_DAYS:
            text = messages.SCHEDULE_ALERT_NOT_POSTED
        else:
            return None
    elif date.fromisoformat(row.posted_on) > deadline:
        text = messages.SCHEDULE_ALERT_POSTED_LATE
    else:
        return None
    return Alert("posting", text.format(
        day=_day(row), deadline=fmt(deadline), posted=fmt(date.fromisoformat(row.posted_on))
        if row.posted_on else "", period=rule.period, basis=rule.basis), row.id, row.day)


def session_alerts(db: Database, rows: list[SessionRow], today: date, now: datetime,
                   head: int | None, cal: WorkCalendar) -> list[Alert]:
    ids = [r.id for r in rows]
    replacements: set[int] = set()
    notified: set[int] = set()
    if ids:
        lo, hi = min(ids), max(ids)
        replacements = {r[0] for r in db.execute(
            "SELECT postponed_to FROM sessions WHERE postponed_to BETWEEN ? AND ?", [lo, hi])}
        notified = {r[0] for r in db.execute(
            "SELECT session_id FROM session_documents WHERE role = 'postponement'"
            " AND session_id BETWEEN ? AND ?", [lo, hi])}
    names = officer_names(db)
    stamp = now.isoformat(timespec="seconds")
    out = []
    for row in rows:
        found = _posting(row, replacements, today, cal)
        if found:
            out.append(found)
        host = effective_host(row)
        if row.kind == "dinh_ky" and row.status in LIVE and head is not None and host != head:
            name, position = names.get(host, ("", ""))
            out.append(Alert("deputy_host", messages.SCHEDULE_ALERT_DEPUTY.format(
                day=_day(row), name=name or "?", position=position or "—",
                held="đã chủ trì" if row.status == "held" else "dự kiến chủ trì"),
                row.id, row.day))
        if row.kind == "dot_xuat" and row.reason_code == "crowd" and row.status in LIVE \
                and not row.police_informed_at:
            out.append(Alert("police", messages.SCHEDULE_ALERT_POLICE.format(day=_day(row)),
                             row.id, row.day))
        if row.status == "planned" and not cal.is_working_day(row.day):
            out.append(Alert("day_off", messages.SCHEDULE_ALERT_DAY_OFF.format(
                day=_day(row), label=cal.day_label(row.day)), row.id, row.day))
        if row.status == "postponed" and row.id not in notified:
            out.append(Alert("postponement_notice", messages.SCHEDULE_ALERT_POSTPONED.format(
                day=_day(row)), row.id, row.day))
        if row.status == "planned" and row.kind in HOSTED and row.ends_at < stamp:
            out.append(Alert("not_recorded", messages.SCHEDULE_ALERT_NOT_RECORDED.format(
                day=_day(row)), row.id, row.day))
    return out


def alerts_for(db: Database, rows: list[SessionRow], start: date, end: date, today: date,
               cal: WorkCalendar | None = None, now: datetime | None = None) -> list[Alert]:
    """Every alert of these sessions and of the weeks in [start, end] (rows cover them)."""
    cal = cal or load_calendar(db)
    now = now or datetime.combine(today, datetime.now().time())
    head = head_officer_id(db)
    out = session_alerts(db, rows, today, now, head, cal)
    if head is None:
        out.append(Alert("no_head", messages.SCHEDULE_ALERT_NO_HEAD))
    else:
        out += week_alerts(rows, start, end, head, cal)
    return sorted(out, key=lambda a: (a.day or date.min, a.session_id or 0, a.code))


def check_period(db: Database, start: date, end: date, today: date | None = None,
                 now: datetime | None = None) -> list[Alert]:
    """The alerts of a period (the CLI's `schedule --from --to`, the reports)."""
    today = today or date.today()
    monday = start - timedelta(days=start.weekday())
    sunday = end + timedelta(days=6 - end.weekday())
    rows = sessions_between(db, monday, sunday, with_officers=False)
    inside = [r for r in rows if start <= r.day <= end]
    found = alerts_for(db, rows, start, end, today, now=now)
    ids = {r.id for r in inside}
    return [a for a in found if a.session_id is None or a.session_id in ids]


def week_check(db: Database, start: date, end: date) -> list[Alert]:
    """Only the weekly rule, over a long period (ten years reads ~520 periodic sessions)."""
    head = head_officer_id(db)
    if head is None:
        return [Alert("no_head", messages.SCHEDULE_ALERT_NO_HEAD)]
    monday = start - timedelta(days=start.weekday())
    sunday = end + timedelta(days=6 - end.weekday())
    # Only the days and hosts of the head's periodic sessions: one index range scan.
    covered = set()
    for s in rows.every(
            db, "SELECT substr(starts_at, 1, 10) AS day, status, host_id, actual_host_id"
                " FROM sessions WHERE kind = 'dinh_ky' AND starts_at >= ? AND starts_at < ?"
                " AND status IN ('planned', 'held')",
            [monday.isoformat(), (sunday + timedelta(days=1)).isoformat()]):
        actual = s["actual_host_id"]
        if (actual if s["status"] == "held" and actual else s["host_id"]) == head:
            d = date.fromisoformat(s["day"])
            covered.add(d - timedelta(days=d.weekday()))
    return _uncovered_weeks(covered, start, end, load_calendar(db))
