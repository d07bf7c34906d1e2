"""The public schedule: what is posted (niêm yết) for a month or a quarter, the notice of a
postponement, and the same schedule for the office's website (HTML) and calendars (ICS).

Reception Law 2013 art. 24: the office posts where and when it receives citizens, the regular
hours, and the head's sessions with their participants and expected content, at least 5
working days before each session (core/schedule/rules.py); a session that cannot take place
is moved to another time with a public notice. Printing the posting notice records the
posting day on the sessions it lists. Only sessions still to come are posted: a session in
the past is refused. No citizen is named on a public paper; the expected content is cleared
of the identity of any denouncer booked into the session (Law on Denunciations art. 47).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.cases.calendar import fmt
from desk_app.core.documents import register
from desk_app.core.documents.data import office_values, signer_values
from desk_app.core.documents.register import Issued, issue
from desk_app.core.errors import DeskError
from desk_app.core.schedule import recurrence
from desk_app.core.schedule.model import KIND_PHRASES, KINDS, LIVE, WEEKDAYS, SessionRow
from desk_app.core.schedule.notice_pdf import render_postponement_notice, render_schedule_notice
from desk_app.core.schedule.views import get_session, sessions_between
from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEDULE_NOTICE = "lich_tiep"
POSTPONEMENT_NOTICE = "hoan_tiep"
# Both are notices of the People's Committee: ký hiệu "TB-UBND" (Decree 30/2020, Appendix I
# §II.4 and Appendix III), sharing the year's sequence with its other notices
# (register.series), two digits at least.
RENDERERS = {SCHEDULE_NOTICE: render_schedule_notice,
             POSTPONEMENT_NOTICE: render_postponement_notice}
NUMBER_FORMAT = "{seq:02d}/TB-UBND"
POSTING_ROLE, POSTPONEMENT_ROLE = "posting", "postponement"
PUBLIC_KINDS = ("dinh_ky", "dot_xuat", "truc_tuyen")  # desk duty is posted as regular hours


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # "tháng 01/2027", "quý I/2027"
    slug: str  # "2027-01", "2027-Q1"


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")


def parse_period(text: str) -> Period:
    """"2027-01" (a month) or "2027-Q1" (a quarter)."""
    value = (text or "").strip()
    found = _MONTH.match(value)
    if found and 1 <= int(found.group(2)) <= 12:
        year, month = int(found.group(1)), int(found.group(2))
        return month_period(year, month)
    found = _QUARTER.match(value)
    if found:
        year, quarter = int(found.group(1)), int(found.group(2))
        start = date(year, 3 * quarter - 2, 1)
        end = month_period(year, 3 * quarter).end
        return Period(start, end, f"quý {['I', 'II', 'III', 'IV'][quarter - 1]}/{year}",
                      f"{year}-Q{quarter}")
    raise DeskError(messages.SCHEDULE_PERIOD_FORMAT.format(value=text))


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return Period(start, end, f"tháng {month:02d}/{year}", f"{year}-{month:02d}")


# --- what is published --------------------------------------------------------------------


def _secrets(db: Database, session_ids: list[int]) -> list[str]:
    """Identities behind denunciations booked into these sessions (never printed)."""
    if not session_ids:
        return []
    marks = ",".join("?" * len(session_ids))
    out = []
    for row in db.execute(
            f"""SELECT pe.full_name, pe.id_number, pe.phone, pe.address
                  FROM session_bookings b JOIN petitions p ON p.case_id = b.case_id
                  JOIN persons pe ON pe.id = p.person_id
                 WHERE b.session_id IN ({marks}) AND EXISTS (
                       SELECT 1 FROM petitions q WHERE q.visit_id = p.visit_id
                          AND q.kind = 'to_cao')""", session_ids):
        out += [v for v in row if v]
    return out


def _public(s: SessionRow, secrets: list[str]) -> dict:
    from desk_app.core.documents.slips import redact

    def scrub(text: str) -> str:
        return redact(text, secrets) if secrets and text else text

    return {"uuid": s.uuid, "kind": s.kind, "kind_label": KINDS[s.kind],
            "kind_phrase": KIND_PHRASES[s.kind], "note": s.calendar_note,
            "date": fmt(s.day), "weekday": WEEKDAYS[s.day.weekday()], "hours": s.hours,
            "starts_at": s.starts_at, "ends_at": s.ends_at, "host": s.host,
            "host_position": s.host_position, "place": s.place,
            "participants": [scrub(p) for p in s.participants], "content": scrub(s.content),
            "status": s.status}


def _regular(db: Database, rows: list[SessionRow]) -> list[dict]:
    """Desk duty as "which days, which hours, where, who": one line per rule or time."""
    groups: dict[tuple, dict] = {}
    rules = dict(db.execute("SELECT id, rule FROM session_series WHERE kind = 'thuong_xuyen'"))
    for s in rows:
        if s.kind != "thuong_xuyen" or s.status not in LIVE:
            continue
        days = recurrence.describe(rules[s.series_id]) if s.series_id in rules else fmt(s.day)
        key = (days, s.hours, s.place)
        entry = groups.setdefault(key, {"days": days, "hours": s.hours, "place": s.place,
                                        "officers": []})
        for name in s.officers:
            if name not in entry["officers"]:
                entry["officers"].append(name)
    return list(groups.values())


def _notes(rows: list[SessionRow]) -> list[str]:
    """The calendar's effect on the period: the head's sessions moved or not held because of
    a day off, the days desk duty does not run, the weekend days it does (swapped days)."""
    notes = []
    closed: dict[str, list[date]] = {}
    for s in rows:
        if s.kind == "thuong_xuyen":
            if s.status == "skipped":
                label = s.calendar_note[s.calendar_note.rfind("(") + 1:].rstrip(")")
                closed.setdefault(label, []).append(s.day)
            elif s.calendar_note and s.status in LIVE:
                notes.append(messages.SCHEDULE_NOTE_REGULAR_WORKED.format(
                    day=f"{WEEKDAYS[s.day.weekday()]} {fmt(s.day)}", note=s.calendar_note))
        elif s.calendar_note and s.status in ("planned", "held", "skipped"):
            where = "" if s.status == "skipped" else f"{WEEKDAYS[s.day.weekday()]} {fmt(s.day)}: "
            notes.append(messages.SCHEDULE_NOTE_HEAD.format(
                kind=KIND_PHRASES[s.kind], where=where, note=s.calendar_note))
    for label, days in closed.items():
        span = fmt(days[0]) if len(days) == 1 else f"{fmt(days[0])}–{fmt(days[-1])}"
        notes.append(messages.SCHEDULE_NOTE_REGULAR_CLOSED.format(span=span, label=label))
    return list(dict.fromkeys(notes))


def schedule_data(db: Database, period: Period, *, upcoming_after: datetime | None = None) -> dict:
    """What the posted schedule (and its HTML and ICS) shows for the period; with
    `upcoming_after`, only sessions starting after that moment (what may still be posted)."""
    rows = sessions_between(db, period.start, period.end)
    if upcoming_after is not None:
        stamp = upcoming_after.isoformat(timespec="seconds")
        rows = [s for s in rows if s.starts_at >= stamp]
    public = [s for s in rows if s.kind in PUBLIC_KINDS and s.status in LIVE]
    secrets = _secrets(db, [s.id for s in public])
    office = office_values(db)
    place = (public[0].place if public else
             next((s.place for s in rows if s.place), f"Trụ sở {office['name']}"))
    return {"office": office, "signer": signer_values(db),
            "period": {"label": period.label, "from": period.start.isoformat(),
                       "to": period.end.isoformat(), "slug": period.slug},
            "place": place, "regular": _regular(db, rows),
            "sessions": [_public(s, secrets) for s in public], "notes": _notes(rows),
            "session_ids": [s.id for s in public]}


# --- posting ---------------------------------------------------------------------------------


def _find(db: Database, kind: str, source: str) -> dict | None:
    return rows.one(
        db, "SELECT id, kind, year, seq, number, issued_at, sha256 FROM issued_documents"
            " WHERE kind = ? AND json_extract(payload, '$.source') = ? ORDER BY id DESC LIMIT 1",
        [kind, source])


@dataclass(frozen=True)
class Posted:
    issued: Issued
    copy: bool
    session_ids: tuple[int, ...]


def issue_schedule_notice(db: Database, period: Period, now: datetime | None = None) -> Posted:
    """Number and print the posting notice for the period's sessions still to come, and
    record today as their posting day. The same schedule asked again comes back as a copy."""
    now = (now or datetime.now()).replace(microsecond=0)
    data = schedule_data(db, period, upcoming_after=now)
    if not data["sessions"] and not data["regular"]:
        if period.end < now.date():
            raise DeskError(messages.SCHEDULE_POST_PAST_PERIOD.format(period=period.label))
        raise DeskError(messages.SCHEDULE_POST_NOTHING.format(period=period.label))
    ids = data.pop("session_ids")
    digest = hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
    source = f"period:{period.slug}:{digest.hexdigest()[:16]}"
    with db.atomic():
        found = _find(db, SCHEDULE_NOTICE, source)
        if found is not None:
            return Posted(Issued(**found, pdf=register.reprint(
                db, found["id"], now.date(), RENDERERS[SCHEDULE_NOTICE])), True, tuple(ids))
        done = issue(db, SCHEDULE_NOTICE, year=now.year, payload={**data, "source": source},
                     subject=f"Thông báo lịch tiếp công dân {period.label}", now=now,
                     render=RENDERERS[SCHEDULE_NOTICE], number_format=NUMBER_FORMAT)
        _mark_posted(db, ids, now.date(), done.id, POSTING_ROLE)
    return Posted(done, False, tuple(ids))


def _mark_posted(db: Database, ids, on: date, doc_id: int | None, role: str) -> None:
    db.conn.executemany("UPDATE sessions SET posted_on = COALESCE(posted_on, ?) WHERE id = ?",
                        [(on.isoformat(), i) for i in ids])
    if doc_id is not None:
        db.conn.executemany("INSERT OR IGNORE INTO session_documents VALUES (?, ?, ?)",
                            [(i, doc_id, role) for i in ids])


def mark_posted(db: Database, session_ids: list[int], on: date,
                now: datetime | None = None) -> None:
    """Record a posting done outside the app (on the website, by hand) on these sessions."""
    now = now or datetime.now()
    if on > now.date():
        raise DeskError(messages.SCHEDULE_POSTED_FUTURE.format(day=fmt(on)))
    rows = [get_session(db, i) for i in session_ids]
    for s in rows:
        if s.status not in LIVE or datetime.fromisoformat(s.starts_at) < now:
            raise DeskError(messages.SCHEDULE_POST_PAST.format(day=fmt(s.day)))
    with db.atomic():
        _mark_posted(db, session_ids, on, None, POSTING_ROLE)


# --- postponement ---------------------------------------------------------------------------


def postponement_data(db: Database, session_id: int) -> dict:
    old = get_session(db, session_id)
    if old.status != "postponed" or old.postponed_to is None:
        raise DeskError(messages.SCHEDULE_NOT_POSTPONED.format(day=fmt(old.day)))
    new = get_session(db, old.postponed_to)
    secrets = _secrets(db, [new.id])
    return {"office": office_values(db), "signer": signer_values(db),
            "session": _public(old, secrets), "new": _public(new, secrets),
            "reason": old.status_reason, "source": f"postponed:{old.uuid}"}


def issue_postponement_notice(db: Database, session_id: int,
                              now: datetime | None = None) -> tuple[Issued, bool]:
    """The public notice of a postponement with its new time (Reception Law art. 24(4)); the
    new session counts as posted that day. Asked again: the registered notice, as a copy."""
    now = (now or datetime.now()).replace(microsecond=0)
    data = postponement_data(db, session_id)
    new_id = get_session(db, session_id).postponed_to
    with db.atomic():
        found = _find(db, POSTPONEMENT_NOTICE, data["source"])
        if found is not None:
            return Issued(**found, pdf=register.reprint(
                db, found["id"], now.date(), RENDERERS[POSTPONEMENT_NOTICE])), True
        done = issue(db, POSTPONEMENT_NOTICE, year=now.year, payload=data,
                     subject=f"Thông báo hoãn buổi tiếp công dân ngày {data['session']['date']}",
                     now=now, render=RENDERERS[POSTPONEMENT_NOTICE], number_format=NUMBER_FORMAT)
        db.execute("INSERT OR IGNORE INTO session_documents VALUES (?, ?, ?)",
                   [session_id, done.id, POSTPONEMENT_ROLE])
        _mark_posted(db, [new_id], now.date(), done.id, POSTING_ROLE)
    return done, False


# --- files for the website -------------------------------------------------------------------


def export_schedule(db: Database, period: Period, out, now: datetime | None = None) -> dict:
    """Write the period's schedule as .html or .ics (nothing in the database changes), or as
    .pdf: the numbered posting notice (`issue_schedule_notice`). Returns what was written."""
    from pathlib import Path

    from desk_app.core.documents.layout import write_file
    from desk_app.core.schedule.web import render_html, render_ics

    now = (now or datetime.now()).replace(microsecond=0)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html", ".ics"):
        raise DeskError(messages.SCHEDULE_EXPORT_FORMAT.format(path=out))
    if suffix == ".pdf":
        posted = issue_schedule_notice(db, period, now)
        write_file(out, posted.issued.pdf)
        return {"out": str(out), "number": posted.issued.number, "copy": posted.copy,
                "sessions": len(posted.session_ids), "period": period.slug}
    data = schedule_data(db, period)
    data["generated_at"] = now.isoformat()
    write_file(out, render_html(data) if suffix == ".html" else render_ics(data))
    return {"out": str(out), "number": None, "copy": False, "sessions": len(data["sessions"]),
            "period": period.slug}
