"""Dialogue (đối thoại) in a complaint: schedule it with due notice, record who said what.

Law on Complaints 2011 art. 30: the person resolving the complaint holds a dialogue with the
complainant, the person complained against and the bodies concerned when the verification
result differs from the complaint. The notice goes out "ít nhất 05 ngày" — at least 5
calendar days — before (Decree 155/2026 art. 11; the number and the day kind are the
`dialogue_notice` rule in resources/rules).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.cases.calendar import fmt
from desk_app.core.cases.deadlines import rule_set_for
from desk_app.core.cases.lifecycle import HANDLING
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.cases.tracking import case_state, record_event
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

ROLES = ("Người khiếu nại", "Người đại diện", "Người bị khiếu nại", "Người giải quyết khiếu nại",
         "Cơ quan, tổ chức, cá nhân có liên quan", "Người ghi biên bản")


@dataclass(frozen=True)
class Participant:
    name: str
    role: str
    position: str = ""  # what they said: their position in the dialogue


@dataclass(frozen=True)
class Dialogue:
    id: int
    case_id: int
    scheduled_at: str
    place: str
    notice_sent_on: str | None
    held_at: str | None
    participants: tuple[Participant, ...]
    result: str
    status: str  # planned / held / cancelled


def notice_period(received_on: date) -> tuple[int, bool]:
    """(days, working days?) the notice must precede the dialogue, from the case's rule set."""
    rule = next((r for r in rule_set_for(received_on).rules if r.key == "dialogue_notice"), None)
    if rule is None:
        return 5, False
    return rule.base.period, rule.base.days == "working"


def schedule_dialogue(db: Database, case_id: int, when: datetime, *, place: str,
                      notice_sent_on: date, officer_id: int | None = None,
                      now: datetime | None = None) -> int:
    now = now or datetime.now()
    kind, st = case_state(db, case_id)
    if kind != "khieu_nai":
        raise DeskError(messages.DIALOGUE_ONLY_COMPLAINTS)
    if st.status not in HANDLING:
        raise DeskError(messages.DIALOGUE_NOT_ACCEPTED)
    if not clean(place):
        raise DeskError(messages.DIALOGUE_PLACE_REQUIRED, field="place")
    assert st.received_on is not None  # a case in HANDLING has been received
    days, working = notice_period(st.received_on)
    cal = load_calendar(db)
    earliest = (cal.add_working_days(notice_sent_on, days) if working
                else cal.add_calendar_days(notice_sent_on, days))
    if when.date() < earliest:
        raise DeskError(messages.DIALOGUE_NOTICE_TOO_LATE.format(
            days=days, sent=fmt(notice_sent_on), earliest=fmt(earliest)), field="scheduled_at")
    with db.atomic():
        dialogue_id = cast(int, db.table("dialogues").insert({
            "uuid": uuids.new_text(), "case_id": case_id,
            "scheduled_at": when.isoformat(timespec="minutes"), "place": clean(place),
            "notice_sent_on": notice_sent_on.isoformat(), "status": "planned",
            "created_at": now.isoformat(timespec="seconds")}).last_pk)
        record_event(db, case_id, "dialogue_planned", occurred_on=min(notice_sent_on, now.date()),
                     officer_id=officer_id, data={"dialogue_id": dialogue_id,
                                                  "scheduled_at": when.isoformat(timespec="minutes")},
                     note=messages.DIALOGUE_PLANNED_NOTE.format(
                         when=f"{when:%H:%M} {fmt(when.date())}", place=clean(place)), now=now)
    return dialogue_id


def record_dialogue(db: Database, dialogue_id: int, *, held_at: datetime,
                    participants: list[Participant], result: str,
                    officer_id: int | None = None, now: datetime | None = None) -> None:
    """The minutes: who took part, each one's position, and the result."""
    now = now or datetime.now()
    row = db.execute("SELECT case_id, status FROM dialogues WHERE id = ?", [dialogue_id]).fetchone()
    if row is None:
        raise DeskError(messages.DIALOGUE_MISSING.format(id=dialogue_id))
    case_id, status = row
    if status != "planned":
        raise DeskError(messages.DIALOGUE_ALREADY_HELD)
    people = [Participant(clean(p.name), clean(p.role), clean(p.position)) for p in participants]
    if not any(p.name for p in people):
        raise DeskError(messages.DIALOGUE_NO_PARTICIPANTS, field="participants")
    if not clean(result):
        raise DeskError(messages.DIALOGUE_RESULT_REQUIRED, field="result")
    with db.atomic():
        db.execute(
            "UPDATE dialogues SET held_at = ?, participants = ?, result = ?, status = 'held'"
            " WHERE id = ?",
            [held_at.isoformat(timespec="minutes"),
             json.dumps([p.__dict__ for p in people if p.name], ensure_ascii=False),
             clean(result), dialogue_id])
        record_event(db, case_id, "dialogue", occurred_on=held_at.date(), officer_id=officer_id,
                     note=clean(result), data={"dialogue_id": dialogue_id}, now=now)


def case_dialogues(db: Database, case_id: int) -> tuple[Dialogue, ...]:
    return tuple(
        Dialogue(**{**r, "participants": tuple(Participant(**p)
                                               for p in json.loads(r["participants"]))})
        for r in rows.every(
            db, "SELECT id, case_id, scheduled_at, place, notice_sent_on, held_at, participants,"
                " result, status FROM dialogues WHERE case_id = ? ORDER BY scheduled_at",
            [case_id]))
