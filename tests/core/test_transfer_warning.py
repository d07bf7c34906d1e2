"""A petition transferred once is not transferred again unnoticed, even as a new case
(the plans: petitions "transferred many times by many bodies with the same content")."""

from datetime import timedelta

import pytest

from desk_app.core.cases.tracking import RepeatTransfer, record_event
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind
from tests.support import NOW, part, register

SUMMARY = "Kiến nghị giải quyết tranh chấp ranh giới đất với hộ liền kề tại Thôn Đông"


def _case(db, summary=SUMMARY, kind=PetitionKind.KIEN_NGHI, days_ago=20):
    when = NOW - timedelta(days=days_ago)
    return register(db, parts=(part(kind=kind, summary=summary),), received_at=when).case_ids[0]


def _transfer(db, case_id, **kw):
    return record_event(db, case_id, "transfer", occurred_on=(NOW - timedelta(days=1)).date(),
                        body="Tòa án nhân dân khu vực 1", doc_no="12/UBND-TCD",
                        now=NOW, **kw)


def test_same_content_in_a_new_case_warns_before_a_second_transfer(db):
    first = _case(db, days_ago=30)
    _transfer(db, first)
    second = _case(db, summary=SUMMARY + " (lần hai)", days_ago=10)
    with pytest.raises(RepeatTransfer) as caught:
        _transfer(db, second)
    assert "Tòa án nhân dân khu vực 1" in caught.value.message
    assert db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND action = 'transfer'",
                      [second]).fetchone()[0] == 0
    _transfer(db, second, confirm_repeat=True)  # the officer confirms: allowed
    assert db.execute("SELECT status FROM cases WHERE id = ?", [second]).fetchone()[0] == "transferred"


def test_different_content_of_the_same_person_does_not_warn(db):
    first = _case(db, days_ago=30)
    _transfer(db, first)
    other = _case(db, summary="Phản ánh đèn đường hỏng trên tuyến Lý Thái Tổ",
                  kind=PetitionKind.PHAN_ANH, days_ago=10)
    _transfer(db, other)
    assert db.execute("SELECT status FROM cases WHERE id = ?", [other]).fetchone()[0] == "transferred"


def test_a_denunciation_with_the_same_content_is_transferred_once(db):
    # Circular 05/2021: a denunciation with the same content is transferred only once.
    summary = "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục đất đai"
    first = _case(db, summary=summary, kind=PetitionKind.TO_CAO, days_ago=30)
    _transfer(db, first)
    second = _case(db, summary=summary, kind=PetitionKind.TO_CAO, days_ago=10)
    with pytest.raises(DeskError) as caught:
        _transfer(db, second, confirm_repeat=True)
    assert not isinstance(caught.value, RepeatTransfer)
    assert "chỉ được chuyển một lần" in caught.value.message


def test_assigning_checks_the_officer_and_shows_in_my_list(db):
    from desk_app.core.cases.dashboard import case_ids
    from desk_app.core.cases.tracking import assign_case

    case_id = _case(db)
    with pytest.raises(DeskError) as caught:
        assign_case(db, case_id, 99, now=NOW)
    assert "99" in caught.value.message
    assign_case(db, case_id, 2, by=1, now=NOW)
    assert db.execute("SELECT assignee_id FROM cases WHERE id = ?", [case_id]).fetchone() == (2,)
    assert case_id in case_ids(db, "open", NOW.date(), assignee=2)
    assert case_id not in case_ids(db, "open", NOW.date(), assignee=1)


def test_warm_up_builds_the_calendar_the_first_save_uses(db):
    from desk_app.core.cases.office_calendar import load_calendar
    from desk_app.core.cases.tracking import warm_up

    warm_up(db, NOW.date())
    calendar = load_calendar(db)
    assert NOW.year in calendar._years  # built once, before any save
    assert load_calendar(db) is calendar  # and the same calendar is what saves get
