"""Create and change reception sessions, one transaction each (docs/architecture.md).

A recurring rule (`session_series`) is stored with every occurrence up to its end (at most
10 years: a weekly rule is ~520 rows, an every-working-day rule ~2,500), each a `sessions` row
keyed by the rule's own day. Moving, postponing or cancelling one occurrence edits its row
(`edited = 1`), so the change persists; re-placing a rule after a calendar change
(`replan_series`) touches only untouched future rows. See docs/schedule.md.

Refusals raise DeskError before anything is written: an end before the start, a session in
the past (unless it is recorded as held), an unknown host, a rule without an end or longer
than 10 years, two live sessions of one host that overlap.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.calendar import check_date, fmt
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.errors import DeskError
from desk_app.core.schedule import recurrence
from desk_app.core.schedule.hosts import check_officer
from desk_app.core.schedule.model import (
    AD_HOC_REASONS,
    HOSTED,
    KINDS,
    LIVE,
    SeriesForm,
    SessionForm,
)
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

SLACK = timedelta(minutes=10)  # the desk clock and the PC clock may differ a little


@dataclass(frozen=True)
class Saved:
    session_ids: tuple[int, ...]
    series_id: int | None = None


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _when(moment: datetime | str) -> str:
    """"08:00 ngày 11/02/2027" as the messages and notices say a time."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return f"{moment:%H:%M} ngày {fmt(moment.date())}"


def _texts(values: Iterable[str]) -> list[str]:
    return [clean(v) for v in values if clean(v)]


# --- validation ---------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DeskError(messages.SCHEDULE_KIND_UNKNOWN.format(
            value=kind, choices=", ".join(KINDS)), field="kind")


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    check_date(starts_at.date())
    if ends_at <= starts_at:
        raise DeskError(messages.SCHEDULE_END_BEFORE_START.format(
            start=_when(starts_at), end=_when(ends_at)), field="ends_at")
    if ends_at.date() != starts_at.date():
        raise DeskError(messages.SCHEDULE_ONE_DAY.format(start=_when(starts_at)), field="ends_at")


def _check_future(starts_at: datetime, now: datetime) -> None:
    if starts_at < now - SLACK:
        raise DeskError(messages.SCHEDULE_IN_PAST.format(start=_when(starts_at)),
                        field="starts_at")


def _check_people(db: Database, kind: str, host_id: int | None,
                  officer_ids: tuple[int, ...]) -> int | None:
    for officer_id in officer_ids:
        check_officer(db, officer_id, "officers")
    if kind in HOSTED:
        return check_officer(db, host_id)
    if host_id is not None:
        return check_officer(db, host_id)
    if not officer_ids:
        raise DeskError(messages.SCHEDULE_OFFICERS_REQUIRED, field="officers")
    return None


def _check_reason(form: SessionForm) -> None:
    if form.kind != "dot_xuat":
        return
    if form.reason_code not in AD_HOC_REASONS:
        raise DeskError(messages.SCHEDULE_REASON_REQUIRED.format(
            choices=", ".join(AD_HOC_REASONS)), field="reason_code")
    if form.reason_code == "other" and not clean(form.reason):
        raise DeskError(messages.SCHEDULE_REASON_TEXT_REQUIRED, field="reason")


def clash(db: Database, host_id: int | None, starts_at: str, ends_at: str,
          exclude: int | None = None) -> tuple | None:
    """A live session of the same host overlapping [starts_at, ends_at), if any."""
    if host_id is None:
        return None
    marks = ",".join("?" * len(LIVE))
    return db.execute(
        f"SELECT id, starts_at, ends_at, kind FROM sessions WHERE host_id = ?"
        f" AND status IN ({marks}) AND starts_at < ? AND ends_at > ? AND id IS NOT ?"
        " ORDER BY starts_at LIMIT 1",
        [host_id, *LIVE, ends_at, starts_at, exclude]).fetchone()


def _refuse_clash(db: Database, host_id: int | None, starts_at: str, ends_at: str,
                  exclude: int | None = None) -> None:
    found = clash(db, host_id, starts_at, ends_at, exclude)
    if found is not None:
        name = db.execute("SELECT full_name FROM officers WHERE id = ?", [host_id]).fetchone()[0]
        raise DeskError(messages.SCHEDULE_OVERLAP.format(
            host=name, start=_when(starts_at), other=_when(found[1]),
            other_end=found[2][11:16], kind=KINDS[found[3]].lower()), field="starts_at")


def _default_place(db: Database, place: str) -> str:
    if clean(place):
        return clean(place)
    row = db.execute("SELECT name FROM office WHERE id = 1").fetchone()
    return messages.SCHEDULE_DEFAULT_PLACE.format(office=row[0]) if row else ""


# --- one session ---------------------------------------------------------------------------


def _row(db: Database, form: SessionForm, host_id: int | None, stamp: str, **extra) -> dict:
    values = {
        "uuid": uuids.new_text(), "kind": form.kind, "starts_at": _iso(form.starts_at),
        "ends_at": _iso(form.ends_at), "host_id": host_id,
        "place": _default_place(db, form.place),
        "participants": json.dumps(_texts(form.participants), ensure_ascii=False),
        "content": clean(form.content), "reason_code": form.reason_code if form.kind == "dot_xuat" else "",
        "reason": clean(form.reason),
        "police_informed_at": _iso(form.police_informed_at) if form.police_informed_at else None,
        "police_contact": clean(form.police_contact), "status": "planned",
        "created_at": stamp, "updated_at": stamp, "version": 1,
    }
    values.update(extra)
    return values


def validate_session(db: Database, form: SessionForm, now: datetime) -> int | None:
    """Every check of `add_session` (the page runs it before saving); returns the host id."""
    _check_kind(form.kind)
    _check_times(form.starts_at, form.ends_at)
    if form.held:
        if form.starts_at > now + SLACK:
            raise DeskError(messages.SCHEDULE_HELD_IN_FUTURE.format(start=_when(form.starts_at)),
                            field="starts_at")
    else:
        _check_future(form.starts_at, now)
    host_id = _check_people(db, form.kind, form.host_id, form.officer_ids)
    _check_reason(form)
    if form.police_informed_at and form.police_informed_at > now + SLACK:
        raise DeskError(messages.SCHEDULE_POLICE_FUTURE, field="police_informed_at")
    _refuse_clash(db, host_id, _iso(form.starts_at), _iso(form.ends_at))
    return host_id


def add_session(db: Database, form: SessionForm, now: datetime | None = None) -> Saved:
    now = now or datetime.now()
    host_id = validate_session(db, form, now)
    stamp = _iso(now)
    with db.atomic():
        extra: dict[str, object] = {"edited": 1}
        if form.held:
            extra.update(status="held", actual_host_id=host_id)
        session_id = cast(int, db.table("sessions").insert(_row(db, form, host_id, stamp, **extra)).last_pk)
        db.table("session_officers").insert_all(
            {"session_id": session_id, "officer_id": o} for o in dict.fromkeys(form.officer_ids))
    return Saved((session_id,))


# --- recurring rules -----------------------------------------------------------------------


def _clock(text: str, field: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise DeskError(messages.SCHEDULE_TIME_FORMAT.format(value=text), field=field) from None


def add_series(db: Database, form: SeriesForm, now: datetime | None = None) -> Saved:
    """A recurring rule and all its occurrences, placed on the working-day calendar."""
    now = now or datetime.now()
    _check_kind(form.kind)
    rule = recurrence.check_rule(form.rule, form.first_day, form.last_day, form.holiday_policy)
    last_day = form.last_day
    assert last_day is not None  # check_rule refuses a rule without an end
    start, end = _clock(form.start_time, "start_time"), _clock(form.end_time, "end_time")
    _check_times(datetime.combine(form.first_day, start), datetime.combine(form.first_day, end))
    if form.first_day < now.date():
        raise DeskError(messages.SCHEDULE_RULE_IN_PAST.format(first=fmt(form.first_day)),
                        field="first_day")
    if form.kind == "dot_xuat":
        raise DeskError(messages.SCHEDULE_AD_HOC_NOT_RECURRING, field="kind")
    host_id = _check_people(db, form.kind, form.host_id, form.officer_ids)
    cal = load_calendar(db)
    placed = recurrence.place(rule, form.first_day, last_day, form.holiday_policy, cal)
    if not any(o.day for o in placed):
        raise DeskError(messages.SCHEDULE_RULE_EMPTY.format(
            first=fmt(form.first_day), last=fmt(last_day)), field="rule")
    past = next((o.day for o in placed if o.day and datetime.combine(o.day, start) < now - SLACK),
                None)
    if past is not None:
        raise DeskError(messages.SCHEDULE_IN_PAST.format(
            start=_when(datetime.combine(past, start))), field="first_day")
    _refuse_series_clash(db, host_id, placed, start, end)
    stamp = _iso(now)
    place = _default_place(db, form.place)
    participants = json.dumps(_texts(form.participants), ensure_ascii=False)
    with db.atomic():
        series_id = cast(int, db.table("session_series").insert({
            "uuid": uuids.new_text(), "kind": form.kind, "rule": rule,
            "first_day": form.first_day.isoformat(), "last_day": last_day.isoformat(),
            "start_time": start.isoformat("minutes"), "end_time": end.isoformat("minutes"),
            "holiday_policy": form.holiday_policy, "host_id": host_id,
            "officers": json.dumps(list(dict.fromkeys(form.officer_ids))), "place": place,
            "participants": participants, "content": clean(form.content),
            "created_at": stamp, "updated_at": stamp,
        }).last_pk)
        occurrences = [_occurrence_row(series_id, form.kind, o, start, end, host_id, place,
                                participants, clean(form.content), stamp) for o in placed]
        db.table("sessions").insert_all(occurrences, batch_size=500)
        ids = tuple(r[0] for r in db.execute(
            "SELECT id FROM sessions WHERE series_id = ? ORDER BY starts_at", [series_id]))
        _staff(db, ids, form.officer_ids)
    return Saved(ids, series_id)


def _occurrence_row(series_id: int, kind: str, o: recurrence.Occurrence, start: time, end: time,
                    host_id: int | None, place: str, participants: str, content: str,
                    stamp: str) -> dict:
    day = o.day or o.rule_day
    return {"uuid": uuids.new_text(), "series_id": series_id, "series_day": o.rule_day.isoformat(),
            "kind": kind, "starts_at": _iso(datetime.combine(day, start)),
            "ends_at": _iso(datetime.combine(day, end)), "host_id": host_id, "place": place,
            "participants": participants, "content": content,
            "status": "planned" if o.day else "skipped", "calendar_note": o.note,
            "created_at": stamp, "updated_at": stamp, "version": 1}


def _staff(db: Database, ids: Iterable[int], officer_ids: Iterable[int]) -> None:
    officer_ids = list(dict.fromkeys(officer_ids))
    if officer_ids:
        db.conn.executemany("INSERT OR IGNORE INTO session_officers VALUES (?, ?)",
                            [(s, o) for s in ids for o in officer_ids])


def _refuse_series_clash(db: Database, host_id: int | None, placed, start: time,
                         end: time, series_id: int | None = None) -> None:
    if host_id is None:
        return
    days = [o.day for o in placed if o.day]
    marks = ",".join("?" * len(LIVE))
    busy: dict[str, list[tuple]] = {}
    for row in db.execute(
            f"SELECT id, starts_at, ends_at, kind FROM sessions WHERE host_id = ?"
            f" AND status IN ({marks}) AND starts_at >= ? AND starts_at < ?"
            " AND series_id IS NOT ?",
            [host_id, *LIVE, min(days).isoformat(), (max(days) + timedelta(days=1)).isoformat(),
             series_id]):
        busy.setdefault(row[1][:10], []).append(row)
    for day in days:
        a, b = _iso(datetime.combine(day, start)), _iso(datetime.combine(day, end))
        for _id, other_start, other_end, _kind in busy.get(day.isoformat(), ()):
            if other_start < b and other_end > a:
                _refuse_clash(db, host_id, a, b)


def replan_series(db: Database, now: datetime | None = None) -> int:
    """Place the untouched future occurrences of every rule again on the current calendar
    (after the office recorded a holiday or a swapped day); returns how many moved."""
    now = now or datetime.now()
    cal = load_calendar(db)
    stamp = _iso(now)
    changed = 0
    with db.atomic():
        for series in list(rows.every(
                db, "SELECT id, rule, first_day, last_day, holiday_policy, start_time, end_time"
                    " FROM session_series WHERE last_day >= ?", [now.date().isoformat()])):
            start = time.fromisoformat(series["start_time"])
            end = time.fromisoformat(series["end_time"])
            placed = {o.rule_day.isoformat(): o for o in recurrence.place(
                series["rule"], date.fromisoformat(series["first_day"]),
                date.fromisoformat(series["last_day"]), series["holiday_policy"], cal)}
            for s in list(rows.every(
                    db, "SELECT id, series_day, starts_at, status, calendar_note FROM sessions"
                        " WHERE series_id = ? AND edited = 0 AND status IN ('planned', 'skipped')"
                        " AND starts_at >= ?", [series["id"], _iso(now)])):
                session_id, starts_at, status, note = (s["id"], s["starts_at"], s["status"],
                                                       s["calendar_note"])
                o = placed.get(s["series_day"])
                if o is None:
                    continue
                day = o.day or o.rule_day
                values = (_iso(datetime.combine(day, start)), "planned" if o.day else "skipped",
                          o.note)
                if values != (starts_at, status, note):
                    db.execute("UPDATE sessions SET starts_at = ?, ends_at = ?, status = ?,"
                               " calendar_note = ?, updated_at = ?, version = version + 1"
                               " WHERE id = ?",
                               [values[0], _iso(datetime.combine(day, end)), values[1], o.note,
                                stamp, session_id])
                    changed += 1
    return changed


# --- changing one session ------------------------------------------------------------------


def _load(db: Database, session_id: int) -> dict:
    row = rows.one(db, "SELECT * FROM sessions WHERE id = ?", [session_id])
    if row is None:
        raise DeskError(messages.SCHEDULE_SESSION_MISSING.format(id=session_id))
    return row


def _require_planned(s: dict, action: str) -> None:
    if s["status"] != "planned":
        from desk_app.core.schedule.model import STATUSES

        raise DeskError(messages.SCHEDULE_NOT_PLANNED.format(
            action=action, day=_when(s["starts_at"]), status=STATUSES[s["status"]].lower()))


def _reason(reason: str) -> str:
    text = clean(reason)
    if not text:
        raise DeskError(messages.SCHEDULE_CHANGE_REASON_REQUIRED, field="reason")
    return text


def _new_time(db: Database, s: dict, starts_at: datetime, ends_at: datetime, now: datetime,
              exclude: int | None) -> tuple[str, str]:
    _check_times(starts_at, ends_at)
    _check_future(starts_at, now)
    a, b = _iso(starts_at), _iso(ends_at)
    _refuse_clash(db, s["host_id"], a, b, exclude)
    return a, b


def move_session(db: Database, session_id: int, starts_at: datetime, ends_at: datetime,
                 reason: str, now: datetime | None = None) -> None:
    """Change this occurrence's time (before it takes place). A posted session has to be
    posted again: the new time is not the one people read."""
    now = now or datetime.now()
    s = _load(db, session_id)
    _require_planned(s, messages.SCHEDULE_ACTION_MOVE)
    text = _reason(reason)
    a, b = _new_time(db, s, starts_at, ends_at, now, session_id)
    with db.atomic():
        db.execute("UPDATE sessions SET moved_from = COALESCE(moved_from, starts_at),"
                   " starts_at = ?, ends_at = ?, status_reason = ?, edited = 1, posted_on = NULL,"
                   " updated_at = ?, version = version + 1 WHERE id = ?",
                   [a, b, text, _iso(now), session_id])


def postpone_session(db: Database, session_id: int, starts_at: datetime, ends_at: datetime,
                     reason: str, now: datetime | None = None) -> int:
    """Postpone to a new time (Reception Law art. 24(4): with a public notice of the new time,
    `public.issue_postponement_notice`). The session stays as "postponed"; a new session at the
    new time takes its bookings. Returns the new session's id."""
    now = now or datetime.now()
    s = _load(db, session_id)
    _require_planned(s, messages.SCHEDULE_ACTION_POSTPONE)
    text = _reason(reason)
    a, b = _new_time(db, s, starts_at, ends_at, now, session_id)
    stamp = _iso(now)
    with db.atomic():
        keep = {k: s[k] for k in ("kind", "host_id", "place", "participants", "content",
                                  "reason_code", "reason", "police_informed_at",
                                  "police_contact")}
        new_id = cast(int, db.table("sessions").insert({
            **keep, "uuid": uuids.new_text(), "starts_at": a, "ends_at": b, "status": "planned",
            "moved_from": s["starts_at"], "edited": 1, "created_at": stamp, "updated_at": stamp,
            "version": 1}).last_pk)
        db.execute("INSERT INTO session_officers SELECT ?, officer_id FROM session_officers"
                   " WHERE session_id = ?", [new_id, session_id])
        db.execute("UPDATE session_bookings SET session_id = ? WHERE session_id = ?",
                   [new_id, session_id])
        db.execute("UPDATE sessions SET status = 'postponed', status_reason = ?,"
                   " postponed_to = ?, edited = 1, updated_at = ?, version = version + 1"
                   " WHERE id = ?", [text, new_id, stamp, session_id])
    return new_id


def cancel_session(db: Database, session_id: int, reason: str,
                   now: datetime | None = None) -> None:
    now = now or datetime.now()
    s = _load(db, session_id)
    _require_planned(s, messages.SCHEDULE_ACTION_CANCEL)
    text = _reason(reason)
    with db.atomic():
        db.execute("UPDATE sessions SET status = 'cancelled', status_reason = ?, edited = 1,"
                   " updated_at = ?, version = version + 1 WHERE id = ?",
                   [text, _iso(now), session_id])


def record_held(db: Database, session_id: int, actual_host_id: int | None = None,
                now: datetime | None = None) -> None:
    """The session took place; who actually hosted it is kept (a deputy is warned about)."""
    now = now or datetime.now()
    s = _load(db, session_id)
    _require_planned(s, messages.SCHEDULE_ACTION_HOLD)
    if datetime.fromisoformat(s["starts_at"]) > now + SLACK:
        raise DeskError(messages.SCHEDULE_HELD_IN_FUTURE.format(start=_when(s["starts_at"])))
    host = actual_host_id if actual_host_id is not None else s["host_id"]
    if s["kind"] in HOSTED or host is not None:
        check_officer(db, host)
    with db.atomic():
        db.execute("UPDATE sessions SET status = 'held', actual_host_id = ?, edited = 1,"
                   " updated_at = ?, version = version + 1 WHERE id = ?",
                   [host, _iso(now), session_id])


def set_police(db: Database, session_id: int, informed_at: datetime, contact: str,
               now: datetime | None = None) -> None:
    """Crowd sessions: the police were informed (time and whom), as the 2019 crowd plan asks."""
    now = now or datetime.now()
    s = _load(db, session_id)
    if s["kind"] != "dot_xuat":
        raise DeskError(messages.SCHEDULE_POLICE_AD_HOC_ONLY)
    if informed_at > now + SLACK:
        raise DeskError(messages.SCHEDULE_POLICE_FUTURE, field="police_informed_at")
    if not clean(contact):
        raise DeskError(messages.SCHEDULE_POLICE_CONTACT_REQUIRED, field="police_contact")
    with db.atomic():
        db.execute("UPDATE sessions SET police_informed_at = ?, police_contact = ?,"
                   " updated_at = ?, version = version + 1 WHERE id = ?",
                   [_iso(informed_at), clean(contact), _iso(now), session_id])


def current_session(db: Database, now: datetime | None = None) -> tuple[int, str] | None:
    """(id, kind) of the live session under way at `now` (the intake's default), preferring
    the head's sessions over desk duty when both run."""
    now = now or datetime.now()
    stamp = _iso(now)
    row = db.execute(
        "SELECT id, kind FROM sessions WHERE status IN ('planned', 'held')"
        " AND starts_at <= ? AND ends_at > ? AND starts_at >= ?"
        " ORDER BY kind = 'thuong_xuyen', starts_at DESC LIMIT 1",
        [_iso(now + SLACK), stamp, now.date().isoformat()]).fetchone()
    return (row[0], row[1]) if row else None
