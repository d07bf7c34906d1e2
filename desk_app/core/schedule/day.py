"""The chairperson's reception day: who comes, what the host records, the conclusions notice.

Before the session: citizens are booked into it (`book`, with an appointment slip that names
the session), and the day's list gathers them with every walk-in the desk registered during
the session (visits.session_id), each with the case's summary, history and deadlines prepared
(core/cases/view.py, a denouncer masked). During it the host records who was received, what
they presented and the directions given: each direction is a `direct` event on its case with
the host's due date, a follow-up milestone on the dashboard (core/cases/follow_ups.py).
Afterwards the notice of the session's conclusions (Decree 154/2026 art. 25) is drafted from
those records, numbered and registered like every document; once it is issued the
directions are fixed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.calendar import check_date, fmt
from desk_app.core.cases.tracking import case_state, record_event
from desk_app.core.cases.view import CaseDetail, case_detail
from desk_app.core.errors import DeskError
from desk_app.core.schedule.hosts import check_officer
from desk_app.core.schedule.model import HOSTED, KIND_PHRASES, STATUSES, SessionRow
from desk_app.core.schedule.sessions import SLACK
from desk_app.core.schedule.views import get_session
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean, fold

if TYPE_CHECKING:
    from sqlite_utils import Database

CONCLUSIONS_ROLE = "conclusions"


@dataclass(frozen=True)
class Direction:
    id: int
    case_id: int
    text: str
    due_on: str
    assignee: str
    done: bool


@dataclass(frozen=True)
class DayItem:
    key: str  # "case:12" or "visit:34" (a visit that opened no case)
    source: str  # "booking", "walk_in" or "added"
    case_id: int | None
    visit_id: int | None
    person_name: str
    masked: bool
    title: str
    detail: CaseDetail | None  # summary, history and deadlines, prepared
    received: bool | None  # None: not recorded yet
    presented: str
    directions: tuple[Direction, ...]


@dataclass(frozen=True)
class ReceptionDay:
    session: SessionRow
    items: tuple[DayItem, ...]
    conclusions: tuple[str, ...]
    notice: tuple[int, str] | None  # (document id, number) of the conclusions notice


def _stamp(now: datetime) -> str:
    return now.replace(microsecond=0).isoformat(timespec="seconds")


def _notice(db: Database, session_id: int) -> tuple[int, str] | None:
    row = db.execute("SELECT d.id, d.number FROM session_documents sd JOIN issued_documents d"
                     " ON d.id = sd.document_id WHERE sd.session_id = ? AND sd.role = ?",
                     [session_id, CONCLUSIONS_ROLE]).fetchone()
    return (row[0], row[1]) if row else None


def session_brief(s: SessionRow) -> dict:
    """How an appointment slip names the session it books the citizen into."""
    return {"id": s.id, "uuid": s.uuid, "kind_label": KIND_PHRASES[s.kind],
            "when": f"{s.starts_at[11:16]} ngày {fmt(s.day)}", "host": s.host, "place": s.place}


# --- before the session ------------------------------------------------------------------


def book(db: Database, session_id: int, case_id: int, note: str = "",
         now: datetime | None = None) -> int:
    """Book the citizen of a case into a future session hosted by the head or a deputy."""
    now = now or datetime.now()
    s = get_session(db, session_id)
    case_state(db, case_id)  # CASE_MISSING for an unknown id
    if s.kind not in HOSTED or s.status != "planned":
        raise DeskError(messages.SCHEDULE_BOOK_NOT_OPEN.format(
            day=fmt(s.day), kind=KIND_PHRASES[s.kind], status=STATUSES[s.status].lower()))
    if datetime.fromisoformat(s.starts_at) < now - SLACK:
        raise DeskError(messages.SCHEDULE_BOOK_PAST.format(day=fmt(s.day)))
    if db.execute("SELECT 1 FROM session_bookings WHERE session_id = ? AND case_id = ?",
                  [session_id, case_id]).fetchone():
        raise DeskError(messages.SCHEDULE_BOOK_TWICE.format(id=case_id, day=fmt(s.day)))
    with db.atomic():
        return cast(int, db.table("session_bookings").insert({
            "uuid": uuids.new_text(), "session_id": session_id, "case_id": case_id,
            "note": clean(note), "booked_at": _stamp(now)}).last_pk)


def issue_booking_slip(db: Database, session_id: int, case_id: int,
                       now: datetime | None = None):
    """The appointment slip (phiếu hẹn) that books the citizen into the session."""
    from desk_app.core.documents.slips import issue_appointment

    if db.execute("SELECT 1 FROM session_bookings WHERE session_id = ? AND case_id = ?",
                  [session_id, case_id]).fetchone() is None:
        raise DeskError(messages.SCHEDULE_NOT_BOOKED.format(id=case_id))
    return issue_appointment(db, case_id, now, session=session_brief(get_session(db, session_id)))


# --- the day's list ------------------------------------------------------------------------


def _directions(db: Database, session_id: int) -> dict[int, list[Direction]]:
    out: dict[int, list[Direction]] = {}
    given = list(rows.every(
        db, "SELECT d.id, d.case_id, d.text, d.due_on, COALESCE(o.full_name, '') AS assignee,"
            " d.uuid FROM session_directions d LEFT JOIN officers o ON o.id = d.assignee_id"
            " WHERE d.session_id = ? ORDER BY d.id", [session_id]))
    done: set[str] = set()
    if given:
        marks = ",".join("?" * len(given))
        for (data,) in db.execute(
                f"SELECT data FROM case_events WHERE action = 'direct_done'"
                f" AND case_id IN ({marks})", [r["case_id"] for r in given]):
            done.add(json.loads(data or "{}").get("key", ""))
    for r in given:
        key = r.pop("uuid")  # a direction's key in its case's events is its uuid
        out.setdefault(r["case_id"], []).append(Direction(**r, done=key in done))
    return out


def reception_day(db: Database, session_id: int, today: date | None = None) -> ReceptionDay:
    """The session's list, in the order people are expected: booked citizens first, then
    walk-ins registered during the session, then anyone else the host recorded."""
    today = today or date.today()
    s = get_session(db, session_id)
    recorded = {}
    for case_id, visit_id, received, presented in db.execute(
            "SELECT case_id, visit_id, received, presented FROM session_receptions"
            " WHERE session_id = ? ORDER BY id", [session_id]):
        recorded[f"case:{case_id}" if case_id else f"visit:{visit_id}"] = (
            case_id, visit_id, bool(received), presented)
    wanted: dict[str, tuple[str, int | None, int | None]] = {}
    for (case_id,) in db.execute("SELECT case_id FROM session_bookings WHERE session_id = ?"
                                 " ORDER BY booked_at, id", [session_id]):
        wanted.setdefault(f"case:{case_id}", ("booking", case_id, None))
    for visit_id, case_id in db.execute(
            "SELECT v.id, p.case_id FROM visits v JOIN petitions p ON p.visit_id = v.id"
            " WHERE v.session_id = ? ORDER BY v.received_at, v.id, p.id", [session_id]):
        key = f"case:{case_id}" if case_id else f"visit:{visit_id}"
        wanted.setdefault(key, ("walk_in", case_id, visit_id))
    for key, (case_id, visit_id, _r, _p) in recorded.items():
        wanted.setdefault(key, ("added", case_id, visit_id))
    directions = _directions(db, session_id)
    items = []
    for key, (source, case_id, visit_id) in wanted.items():
        _c, _v, received, presented = recorded.get(key, (None, None, None, ""))
        follow: tuple[Direction, ...] = ()
        if case_id is not None:
            detail = case_detail(db, case_id, today)
            name, masked, title = detail.person_name, detail.masked, detail.title
            follow = tuple(directions.get(case_id, ()))
        else:
            assert visit_id is not None  # every line is a case or a visit without a case
            detail = None
            name, masked, title = _visit_line(db, visit_id)
        items.append(DayItem(key, source, case_id, visit_id, name, masked, title, detail,
                             received, presented, follow))
    conclusions = tuple(json.loads(db.execute(
        "SELECT conclusions FROM sessions WHERE id = ?", [session_id]).fetchone()[0] or "[]"))
    return ReceptionDay(s, tuple(items), conclusions, _notice(db, session_id))


def _visit_line(db: Database, visit_id: int) -> tuple[str, bool, str]:
    name, protected = db.execute(
        "SELECT pe.full_name, EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = v.id"
        " AND q.kind = 'to_cao') FROM visits v JOIN persons pe ON pe.id = v.person_id"
        " WHERE v.id = ?", [visit_id]).fetchone()
    summary = "; ".join(r[0] for r in db.execute(
        "SELECT summary FROM petitions WHERE visit_id = ? ORDER BY id", [visit_id]))
    return (messages.MASKED_NAME if protected else name), bool(protected), summary


# --- during and after the session ----------------------------------------------------------


def _open_for_records(db: Database, session_id: int, now: datetime) -> SessionRow:
    s = get_session(db, session_id)
    if s.status not in ("planned", "held"):
        raise DeskError(messages.SCHEDULE_RECORD_NOT_LIVE.format(
            day=fmt(s.day), status=STATUSES[s.status].lower()))
    if datetime.fromisoformat(s.starts_at) > now + SLACK:
        raise DeskError(messages.SCHEDULE_RECORD_NOT_STARTED.format(day=fmt(s.day),
                                                                    start=s.starts_at[11:16]))
    if _notice(db, session_id) is not None:
        raise DeskError(messages.SCHEDULE_NOTICE_ISSUED.format(day=fmt(s.day)))
    return s


def record_reception(db: Database, session_id: int, *, case_id: int | None = None,
                     visit_id: int | None = None, received: bool = True, presented: str = "",
                     now: datetime | None = None) -> None:
    """Who was received and what they presented (one line per case, or per visit)."""
    now = now or datetime.now()
    _open_for_records(db, session_id, now)
    if case_id is None and visit_id is None:
        raise DeskError(messages.SCHEDULE_RECEPTION_WHO)
    if case_id is not None:
        case_state(db, case_id)
    elif db.execute("SELECT 1 FROM visits WHERE id = ?", [visit_id]).fetchone() is None:
        raise DeskError(messages.VISIT_MISSING.format(id=visit_id))
    with db.atomic():
        _upsert_reception(db, session_id, case_id, visit_id, received, clean(presented), now)


def _upsert_reception(db: Database, session_id: int, case_id: int | None, visit_id: int | None,
                      received: bool, presented: str | None, now: datetime) -> None:
    where = ("session_id = ? AND case_id = ?" if case_id is not None
             else "session_id = ? AND case_id IS NULL AND visit_id = ?")
    key = case_id if case_id is not None else visit_id
    found = db.execute(f"SELECT id, presented FROM session_receptions WHERE {where}",
                       [session_id, key]).fetchone()
    if found is None:
        db.table("session_receptions").insert({
            "uuid": uuids.new_text(), "session_id": session_id, "case_id": case_id,
            "visit_id": visit_id, "received": int(received), "presented": presented or "",
            "updated_at": _stamp(now)})
    else:
        db.execute("UPDATE session_receptions SET received = ?, presented = ?, updated_at = ?"
                   " WHERE id = ?", [int(received), found[1] if presented is None else presented,
                                     _stamp(now), found[0]])


def add_direction(db: Database, session_id: int, case_id: int, text: str, due_on: date, *,
                  assignee_id: int | None = None, now: datetime | None = None) -> int:
    """A direction of the host for a case, with its due date: recorded on the case as a
    follow-up milestone, and as received in the session's list."""
    now = now or datetime.now()
    s = _open_for_records(db, session_id, now)
    text = clean(text)
    if not text:
        raise DeskError(messages.SCHEDULE_DIRECTION_TEXT, field="text")
    check_date(due_on)
    if due_on <= s.day:
        raise DeskError(messages.SCHEDULE_DIRECTION_DUE.format(due=fmt(due_on), day=fmt(s.day)),
                        field="due_on")
    if assignee_id is not None:
        check_officer(db, assignee_id, "assignee")
    case_state(db, case_id)
    key = uuids.new_text()
    host = s.actual_host_id or s.host_id
    with db.atomic():
        event_id = record_event(
            db, case_id, "direct", occurred_on=s.day, officer_id=host, note=text,
            data={"key": key, "due_on": due_on.isoformat(), "text": text, "session_id": s.id},
            now=now)
        _upsert_reception(db, session_id, case_id, None, True, None, now)
        return cast(int, db.table("session_directions").insert({
            "uuid": key, "session_id": session_id, "case_id": case_id, "text": text,
            "due_on": due_on.isoformat(), "assignee_id": assignee_id, "event_id": event_id,
            "created_at": _stamp(now)}).last_pk)


def complete_direction(db: Database, direction_id: int, on: date | None = None, *,
                       note: str = "", officer_id: int | None = None,
                       now: datetime | None = None) -> int:
    """The direction was carried out: its follow-up milestone is met."""
    now = now or datetime.now()
    row = rows.one(db, "SELECT case_id, uuid, text FROM session_directions WHERE id = ?",
                   [direction_id])
    if row is None:
        raise DeskError(messages.SCHEDULE_DIRECTION_MISSING.format(id=direction_id))
    case_id, key, text = row["case_id"], row["uuid"], row["text"]
    for (data,) in db.execute("SELECT data FROM case_events WHERE case_id = ?"
                              " AND action = 'direct_done'", [case_id]):
        if json.loads(data or "{}").get("key") == key:
            raise DeskError(messages.SCHEDULE_DIRECTION_DONE.format(text=text))
    return record_event(db, case_id, "direct_done", occurred_on=on or now.date(),
                        officer_id=officer_id, note=clean(note) or text, data={"key": key},
                        now=now)


def set_conclusions(db: Database, session_id: int, conclusions: list[str],
                    now: datetime | None = None) -> None:
    """The host's general conclusions (not tied to one case)."""
    now = now or datetime.now()
    _open_for_records(db, session_id, now)
    values = [clean(c) for c in conclusions if clean(c)]
    with db.atomic():
        db.execute("UPDATE sessions SET conclusions = ?, updated_at = ? WHERE id = ?",
                   [json.dumps(values, ensure_ascii=False), _stamp(now), session_id])


# --- the notice of conclusions -------------------------------------------------------------


def _host_title(position: str, office_name: str) -> str:
    position = clean(position)
    if not position:
        return ""
    return position if "uy ban" in fold(position) else f"{position} {office_name}"


def _direction_sentence(d: Direction) -> str:
    who = f"Giao {d.assignee} " if d.assignee else ""
    text = d.text[:1].lower() + d.text[1:] if who else d.text
    return f"{who}{text}; thời hạn hoàn thành: {fmt(date.fromisoformat(d.due_on))}"


def conclusions_session(db: Database, session_id: int, recipients: tuple[str, ...] = ()):
    """The documents layer's `Session` value for the notice, from what the host recorded."""
    from desk_app.core.documents.session_notice import Session, SessionCitizen

    day = reception_day(db, session_id)
    s = day.session
    host_id = s.actual_host_id or s.host_id
    name, position = db.execute("SELECT full_name, position FROM officers WHERE id = ?",
                                [host_id]).fetchone()
    office = db.execute("SELECT name FROM office WHERE id = 1").fetchone()[0]
    citizens = []
    for item in day.items:
        if not item.received:
            continue
        conclusion = "; ".join(_direction_sentence(d) for d in item.directions)
        if item.case_id is not None:
            citizens.append(SessionCitizen(case_id=item.case_id, content=item.presented,
                                           conclusion=conclusion))
        else:
            person, address = db.execute(
                "SELECT pe.full_name, pe.address FROM visits v JOIN persons pe"
                " ON pe.id = v.person_id WHERE v.id = ?", [item.visit_id]).fetchone()
            citizens.append(SessionCitizen(name=person, address=address,
                                           content=item.presented or item.title,
                                           conclusion=conclusion, denunciation=item.masked))
    return Session(held_on=s.day, host=name, place=s.place,
                   host_title=_host_title(position, office), reception_kind=s.kind,
                   participants=s.participants, citizens=tuple(citizens),
                   conclusions=day.conclusions, recipients=tuple(recipients))


def issue_conclusions(db: Database, session_id: int, recipients: tuple[str, ...] = (),
                      now: datetime | None = None):
    """Number, print and register the notice of the session's conclusions; asked again, the
    registered notice comes back as a copy. The session must be recorded as held."""
    from desk_app.core.documents.slips import issue_session_notice

    now = now or datetime.now()
    s = get_session(db, session_id)
    if s.status != "held":
        raise DeskError(messages.SCHEDULE_NOTICE_NOT_HELD.format(
            day=fmt(s.day), status=STATUSES[s.status].lower()))
    with db.atomic():
        slip = issue_session_notice(db, conclusions_session(db, session_id, recipients), now,
                                    source=f"session:{s.uuid}")
        db.execute("INSERT OR IGNORE INTO session_documents (session_id, document_id, role)"
                   " VALUES (?, ?, ?)", [session_id, slip.id, CONCLUSIONS_ROLE])
    return slip
