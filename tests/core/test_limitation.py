"""Complaints Law art. 9 at intake: the day the act complained of became known, the 90-day
limitation as a milestone of the case, and a warning (never a refusal) when it has passed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.limitation import form_warnings, limitation_warning
from desk_app.core.cases.tracking import case_milestones, record_event
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind, PetitionPart
from tests.support import form, register, snapshot

COMPLAINT = "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND"


def complaint(known_on: date | None) -> PetitionPart:
    return PetitionPart(PetitionKind.KHIEU_NAI, "dat_dai", COMPLAINT, known_on)


def test_known_day_is_kept_and_gives_the_limitation_milestone(db):
    # Known Mon 04/05/2026; art. 9: 90 days end Sun 02/08 → Mon 03/08/2026 (Civil Code art.
    # 148(5)). Received Fri 20/11/2026 (support.RECEIVED): long after.
    case_id = register(db, parts=(complaint(date(2026, 5, 4)),)).case_ids[0]
    data = db.execute("SELECT data FROM case_events WHERE case_id = ? AND action = 'receive'",
                      [case_id]).fetchone()[0]
    assert data == '{"known_on": "2026-05-04"}'
    found = {m.milestone.key: m for m in case_milestones(db, case_id, date(2026, 11, 20))}
    limit = found["complaint_limitation"]
    assert limit.milestone.due_on == date(2026, 8, 3)
    # The citizen's own period: it never makes the office's case overdue.
    assert not limit.overdue


def test_a_late_complaint_is_recorded_with_a_warning_not_refused():
    cal = WorkCalendar()
    # Known Mon 04/05/2026, last day Mon 03/08/2026: lodged Tue 04/08 is late, 03/08 is not.
    late = limitation_warning("khieu_nai", date(2026, 8, 4), date(2026, 5, 4), cal)
    assert late == messages.LIMITATION_PASSED.format(
        received="04/08/2026", known="04/05/2026", due="03/08/2026",
        basis="Điều 9 Luật Khiếu nại 2011")
    assert "ốm đau, thiên tai, địch họa" in late
    assert limitation_warning("khieu_nai", date(2026, 8, 3), date(2026, 5, 4), cal) is None
    assert limitation_warning("khieu_nai", date(2026, 8, 4), None, cal) is None
    assert limitation_warning("to_cao", date(2026, 8, 4), date(2026, 5, 4), cal) is None
    visit = form(parts=(complaint(date(2026, 5, 4)),),
                 received_at=datetime(2026, 8, 4, 9, 0))
    assert form_warnings(visit, cal) == [late]


@pytest.mark.parametrize("part, message", [
    (PetitionPart(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị", date(2026, 5, 4)),
     messages.INTAKE_KNOWN_ON_NOT_COMPLAINT),
    (complaint(date(2026, 11, 21)), messages.DEADLINE_KNOWN_AFTER_RECEIVED.format(
        day="21/11/2026", received="20/11/2026")),
])
def test_a_known_day_that_cannot_be_is_refused(db, part, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        register(db, parts=(part,))
    assert (caught.value.message, caught.value.field) == (message, "known_on")
    assert snapshot(db) == before


def test_decision_received_is_recorded_after_a_decision_only(db):
    case_id = register(db, parts=(complaint(None),)).case_ids[0]
    now = datetime(2026, 12, 20, 16)
    with pytest.raises(DeskError) as caught:
        record_event(db, case_id, "decision_received", occurred_on=date(2026, 12, 1), now=now)
    assert caught.value.message == messages.CASE_ACTION_NOT_NOW.format(
        action="Người khiếu nại nhận được quyết định giải quyết lần đầu",
        status="Đã tiếp nhận",
        allowed="Đã có quyết định/kết luận, Đã gửi/thông báo kết quả, Đã kết thúc, "
                "Khiếu nại lần hai")
    record_event(db, case_id, "accept", occurred_on=date(2026, 11, 23), now=now)
    record_event(db, case_id, "decide", occurred_on=date(2026, 12, 10), doc_no="5/QĐ-UBND",
                 now=now)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        record_event(db, case_id, "decision_received", occurred_on=date(2026, 12, 9), now=now)
    assert caught.value.message == messages.CASE_RECEIVED_BEFORE_DECISION.format(
        day="09/12/2026", decided="10/12/2026")
    assert snapshot(db) == before
    record_event(db, case_id, "decision_received", occurred_on=date(2026, 12, 14), now=now)
    # Art. 33: 30 days from Mon 14/12/2026 → Wed 13/01/2027.
    found = {m.milestone.key: m for m in case_milestones(db, case_id, date(2026, 12, 20))}
    assert found["second_complaint_window"].milestone.due_on == date(2027, 1, 13)


def test_a_suspension_decision_needs_a_suspension(db):
    case_id = register(db, parts=(complaint(None),)).case_ids[0]
    now = datetime(2026, 12, 20, 16)
    record_event(db, case_id, "accept", occurred_on=date(2026, 11, 23), now=now)
    with pytest.raises(DeskError) as caught:
        record_event(db, case_id, "send_suspension", occurred_on=date(2026, 11, 24), now=now)
    assert caught.value.message == messages.CASE_NOT_SUSPENDED
