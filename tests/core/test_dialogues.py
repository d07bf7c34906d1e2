"""Dialogue in a complaint (Law on Complaints art. 30): notice at least 5 working days before
(the `dialogue_notice` rule), minutes with every participant's position, status `dialogue`."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk_app import messages
from desk_app.core.cases.dialogues import (
    Participant,
    case_dialogues,
    notice_period,
    record_dialogue,
    schedule_dialogue,
)
from desk_app.core.cases.office_calendar import set_day
from desk_app.core.cases.tracking import case_events, case_milestones, record_event
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind, PetitionPart
from desk_app.core.reception.intake import register_visit
from tests.support import form, snapshot

PLACE = "Hội trường Ủy ban nhân dân phường Nhân Hòa"
PEOPLE = [
    Participant("Đặng Văn Dũng", "Người khiếu nại",
                "Giữ nguyên yêu cầu bồi thường theo giá thị trường"),
    Participant("Lê Văn Dũng", "Người giải quyết khiếu nại", "Giải thích căn cứ xác định giá đất"),
    Participant("  ", "Người ghi biên bản", ""),  # a blank line of the form is dropped
]


def case(db, kind=PetitionKind.KHIEU_NAI, accept=True) -> int:
    reg = register_visit(db, form(received_at=datetime(2026, 7, 1, 9),
                                  parts=(PetitionPart(kind, "dat_dai", "Khiếu nại thu hồi đất"),)),
                         datetime(2026, 7, 1, 17))
    case_id = reg.case_ids[0]
    if accept:
        record_event(db, case_id, "accept", occurred_on=date(2026, 7, 6), officer_id=1,
                     now=datetime(2026, 7, 6, 16))
    return case_id


def schedule(db, case_id, when=datetime(2026, 7, 20, 8, 30), sent=date(2026, 7, 13), **kw):
    kw.setdefault("place", PLACE)
    return schedule_dialogue(db, case_id, when, notice_sent_on=sent, officer_id=1,
                             now=datetime.combine(sent, time(16)), **kw)


def status(db, case_id):
    return db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()[0]


def refused(db, call, message, field=None):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.message == message
    if field:
        assert caught.value.field == field
    assert snapshot(db) == before


def test_notice_period_comes_from_the_rules():
    # Decree 155/2026 art. 11: "ít nhất 05 ngày" — calendar days, in both rule sets.
    assert notice_period(date(2026, 7, 1)) == (5, False)
    assert notice_period(date(2025, 1, 2)) == (5, False)


def test_notice_fewer_than_5_days_before_is_refused(db):
    case_id = case(db)
    # Notice sent Mon 13/07: 5 calendar days are 14–18/07 → the dialogue may be on Sat 18/07
    # at the earliest; Fri 17/07 is one day short.
    refused(db, lambda: schedule(db, case_id, when=datetime(2026, 7, 17, 8, 30)),
            messages.DIALOGUE_NOTICE_TOO_LATE.format(days=5, sent="13/07/2026",
                                                     earliest="18/07/2026"),
            field="scheduled_at")
    schedule(db, case_id, when=datetime(2026, 7, 20, 8, 30))


def test_an_office_holiday_moves_the_last_notice_day_earlier(db):
    case_id = case(db)
    set_day(db, date(2026, 7, 15), "holiday", "Nghỉ bù theo quyết định của tỉnh")
    # Calendar days: a holiday does not lengthen the notice (13/07 + 5 = 18/07 still)...
    refused(db, lambda: schedule(db, case_id, when=datetime(2026, 7, 17, 8, 30)),
            messages.DIALOGUE_NOTICE_TOO_LATE.format(days=5, sent="13/07/2026",
                                                     earliest="18/07/2026"))
    schedule(db, case_id, when=datetime(2026, 7, 20, 8, 30), sent=date(2026, 7, 14))
    # ...but for a dialogue on Mon 20/07 the last day to send it, Wed 15/07, is that office
    # holiday: it must go out by Tue 14/07.
    record_dialogue(db, case_dialogues(db, case_id)[0].id, held_at=datetime(2026, 7, 20, 9),
                    participants=PEOPLE, result="Thống nhất", now=datetime(2026, 7, 20, 17))
    notice = {m.milestone.key: m for m in case_milestones(db, case_id, date(2026, 7, 20))}
    assert notice["dialogue_notice"].milestone.due_on == date(2026, 7, 14)


def test_scheduling_writes_the_dialogue_and_an_event(db):
    case_id = case(db)
    dialogue_id = schedule(db, case_id)
    [d] = case_dialogues(db, case_id)
    assert (d.id, d.case_id, d.scheduled_at, d.place, d.notice_sent_on, d.held_at, d.status,
            d.participants, d.result) == (
        dialogue_id, case_id, "2026-07-20T08:30", PLACE, "2026-07-13", None, "planned", (), "")
    last = case_events(db, case_id)[-1]
    assert (last.action, last.occurred_on, last.status_after, last.data) == (
        "dialogue_planned", "2026-07-13", "accepted",
        {"dialogue_id": dialogue_id, "scheduled_at": "2026-07-20T08:30"})
    assert last.note == messages.DIALOGUE_PLANNED_NOTE.format(when="08:30 20/07/2026",
                                                              place=PLACE)
    assert status(db, case_id) == "accepted"


def test_recorded_minutes_keep_participants_and_positions(db):
    case_id = case(db)
    dialogue_id = schedule(db, case_id)
    record_dialogue(db, dialogue_id, held_at=datetime(2026, 7, 20, 9, 0), participants=PEOPLE,
                    result=" Các bên chưa thống nhất;  tiếp tục xác minh ", officer_id=2,
                    now=datetime(2026, 7, 20, 17))
    [d] = case_dialogues(db, case_id)
    assert (d.status, d.held_at, d.result) == (
        "held", "2026-07-20T09:00", "Các bên chưa thống nhất; tiếp tục xác minh")
    assert d.participants == tuple(PEOPLE[:2])
    assert [p.position for p in d.participants] == [
        "Giữ nguyên yêu cầu bồi thường theo giá thị trường", "Giải thích căn cứ xác định giá đất"]
    assert status(db, case_id) == "dialogue"
    last = case_events(db, case_id)[-1]
    assert (last.action, last.occurred_on, last.officer, last.note, last.data) == (
        "dialogue", "2026-07-20", "Lê Văn Dũng", "Các bên chưa thống nhất; tiếp tục xác minh",
        {"dialogue_id": dialogue_id})
    # The notice milestone now shows: 5 calendar days before Mon 20/07 is Wed 15/07/2026.
    notice = {m.milestone.key: m for m in case_milestones(db, case_id, date(2026, 7, 20))}
    assert notice["dialogue_notice"].milestone.due_on == date(2026, 7, 15)
    assert notice["dialogue_notice"].overdue is False
    # After the dialogue the officer may verify further, then decide.
    record_event(db, case_id, "verify", occurred_on=date(2026, 7, 21), now=datetime(2026, 7, 21))
    assert status(db, case_id) == "verifying"


def test_minutes_need_people_and_a_result_and_are_written_once(db):
    case_id = case(db)
    dialogue_id = schedule(db, case_id)
    held = datetime(2026, 7, 20, 9)
    now = datetime(2026, 7, 20, 17)
    refused(db, lambda: record_dialogue(db, dialogue_id, held_at=held, participants=PEOPLE[2:],
                                        result="Kết quả", now=now),
            messages.DIALOGUE_NO_PARTICIPANTS, field="participants")
    refused(db, lambda: record_dialogue(db, dialogue_id, held_at=held, participants=PEOPLE,
                                        result="   ", now=now),
            messages.DIALOGUE_RESULT_REQUIRED, field="result")
    refused(db, lambda: record_dialogue(db, 999, held_at=held, participants=PEOPLE,
                                        result="Kết quả", now=now),
            messages.DIALOGUE_MISSING.format(id=999))
    record_dialogue(db, dialogue_id, held_at=held, participants=PEOPLE, result="Kết quả", now=now)
    refused(db, lambda: record_dialogue(db, dialogue_id, held_at=held, participants=PEOPLE,
                                        result="Lần nữa", now=now),
            messages.DIALOGUE_ALREADY_HELD)


def test_minutes_of_a_case_already_decided_are_refused_whole(db):
    case_id = case(db)
    dialogue_id = schedule(db, case_id)
    record_event(db, case_id, "decide", occurred_on=date(2026, 7, 17), doc_no="20/QĐ-UBND",
                 now=datetime(2026, 7, 17, 16))
    before = snapshot(db)
    with pytest.raises(DeskError):
        record_dialogue(db, dialogue_id, held_at=datetime(2026, 7, 20, 9), participants=PEOPLE,
                        result="Kết quả", now=datetime(2026, 7, 20, 17))
    assert snapshot(db) == before  # the dialogue row stays planned: one transaction
    assert case_dialogues(db, case_id)[0].status == "planned"


@pytest.mark.parametrize("kind", [PetitionKind.TO_CAO, PetitionKind.KIEN_NGHI])
def test_dialogue_only_in_complaints(db, kind):
    case_id = case(db, kind)
    refused(db, lambda: schedule(db, case_id), messages.DIALOGUE_ONLY_COMPLAINTS)


def test_dialogue_only_once_accepted_and_with_a_place(db):
    case_id = case(db, accept=False)
    refused(db, lambda: schedule(db, case_id), messages.DIALOGUE_NOT_ACCEPTED)
    record_event(db, case_id, "accept", occurred_on=date(2026, 7, 6), now=datetime(2026, 7, 6))
    refused(db, lambda: schedule(db, case_id, place="  "), messages.DIALOGUE_PLACE_REQUIRED,
            field="place")
    record_event(db, case_id, "suspend", occurred_on=date(2026, 7, 8), now=datetime(2026, 7, 8))
    refused(db, lambda: schedule(db, case_id), messages.DIALOGUE_NOT_ACCEPTED)
