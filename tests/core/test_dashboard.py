"""The dashboard counts and lists: overdue, due soon (a setting), waiting for a reply, prolonged
(a setting), by flag, by status, restricted to an assignee. Today is Mon 20/07/2026."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk_app import messages
from desk_app.core.cases.dashboard import case_ids, dashboard
from desk_app.core.cases.labels import VIEWS
from desk_app.core.cases.tracking import case_milestones, record_event, set_complexity, set_flag
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, PetitionPart
from desk_app.core.reception.intake import register_visit
from desk_app.core.storage import settings
from tests.support import form, person

TODAY = date(2026, 7, 20)
REP = (person("Phạm Văn Tư", serial=4321),)


def visit(db, kind, received, summary="Nội dung", **changes) -> int:
    reg = register_visit(db, form(received_at=datetime.combine(received, time(9)),
                                  parts=(PetitionPart(kind, "dat_dai", summary),), **changes),
                         datetime.combine(received, time(17)))
    return reg.case_ids[0]


def act(db, case_id, action, day, **kw):
    return record_event(db, case_id, action, occurred_on=day, officer_id=1,
                        now=datetime.combine(day, time(16)), **kw)


@pytest.fixture
def office(db):
    """Six cases; the due date of each is counted by hand."""
    c = {}
    # A: complaint, Wed 01/07, crowd of 6, not accepted: acceptance due 7 working days later
    # (02, 03, 06, 07, 08, 09, 10 → 10/07): overdue on 20/07.
    c["A"] = visit(db, PetitionKind.KHIEU_NAI, date(2026, 7, 1), crowd_size=6,
                   representatives=REP)
    # B: kiến nghị, Wed 08/07: answer within 10 working days: 09, 10, 13, 14, 15, 16, 17, 20,
    # 21, 22 → 22/07: due within 3 working days of 20/07 (21, 22, 23).
    c["B"] = visit(db, PetitionKind.KIEN_NGHI, date(2026, 7, 8))
    # C: kiến nghị, Wed 15/07: 16, 17, 20, 21, 22, 23, 24, 27, 28, 29 → 29/07.
    c["C"] = visit(db, PetitionKind.KIEN_NGHI, date(2026, 7, 15))
    # D: transferred at the desk on Thu 02/07: waiting for the other body's answer, nothing due.
    c["D"] = visit(db, PetitionKind.KIEN_NGHI, date(2026, 7, 2), outcome=Outcome.TRANSFERRED,
                   outcome_body="Sở Xây dựng tỉnh Bắc Ninh")
    # E: guided at the desk (crowd too): closed, counted nowhere.
    c["E"] = visit(db, PetitionKind.KIEN_NGHI, date(2026, 7, 3), crowd_size=5,
                   representatives=REP, outcome=Outcome.GUIDED, outcome_body="Tòa án nhân dân")
    # F: kiến nghị, Mon 02/03/2026, accepted 05/03: the office's 30-day target from receipt,
    # 02/03 + 30 = Wed 01/04: overdue; opened more than 90 days before 20/07: prolonged.
    c["F"] = visit(db, PetitionKind.KIEN_NGHI, date(2026, 3, 2))
    act(db, c["F"], "accept", date(2026, 3, 5))
    set_complexity(db, c["F"], 1, occurred_on=date(2026, 3, 6), now=datetime(2026, 3, 6, 9))
    set_flag(db, c["B"], "hot_spot", True, now=datetime(2026, 7, 9, 9))
    for case in ("A", "F"):
        act(db, c[case], "assign", date(2026, 7, 10), data={"officer_id": 2})
    dues = dict(db.execute("SELECT id, due_on FROM cases"))
    assert [dues[c[k]] for k in "ABCDEF"] == [
        "2026-07-10", "2026-07-22", "2026-07-29", None, None, "2026-04-01"]
    return c


def ids(db, view, today=TODAY, **kw):
    return case_ids(db, view, today, **kw).tolist()


def test_counts_and_lists(db, office):
    c = office
    board = dashboard(db, TODAY)
    assert (board.open, board.overdue, board.due_soon, board.waiting, board.prolonged) == (
        5, 2, 1, 1, 1)
    # 3 working days after Mon 20/07 → Thu 23/07; 20/07 − 90 days → 21/04/2026.
    assert (board.due_soon_until, board.prolonged_before) == (date(2026, 7, 23),
                                                             date(2026, 4, 21))
    assert board.by_flag == {"crowd": 1, "complex": 1, "prolonged": 0, "over_level": 0,
                             "hot_spot": 1, "vulnerable": 0, "several_places": 0}
    assert board.by_status == {"received": 3, "accepted": 1, "transferred": 1}
    assert list(board.by_status) == ["received", "accepted", "transferred"]
    # Most urgent first: earliest due date, cases with none last.
    assert ids(db, "overdue") == [c["F"], c["A"]]
    assert ids(db, "due_soon") == [c["B"]]
    assert ids(db, "waiting") == [c["D"]]
    assert ids(db, "prolonged") == [c["F"]]
    assert ids(db, "open") == [c["F"], c["A"], c["B"], c["C"], c["D"]]
    assert ids(db, "open", limit=2) == [c["F"], c["A"]]
    assert set(VIEWS) == {"overdue", "due_soon", "waiting", "prolonged", "mediation", "police",
                          "open"}


def test_overdue_list_agrees_with_the_milestones(db, office):
    late = set(ids(db, "overdue"))
    for case_id in ids(db, "open"):
        flagged = [m.milestone.key for m in case_milestones(db, case_id, TODAY) if m.overdue]
        assert bool(flagged) is (case_id in late), (case_id, flagged)
    # A: acceptance was due 10/07, and answering the visitor 15/07 (10 working days).
    assert [m.milestone.key for m in case_milestones(db, office["A"], TODAY) if m.overdue] == [
        "answer_visitor", "process_petition", "complaint_acceptance"]


def test_due_today_is_due_soon_and_overdue_the_next_day(db, office):
    b = office["B"]  # due Wed 22/07
    assert b in ids(db, "due_soon", date(2026, 7, 22))
    assert b not in ids(db, "overdue", date(2026, 7, 22))
    assert b in ids(db, "overdue", date(2026, 7, 23))
    assert b not in ids(db, "due_soon", date(2026, 7, 23))


def test_due_soon_uses_the_setting(db, office):
    settings.put(db, "due_soon_working_days", "7")
    board = dashboard(db, TODAY)
    # 7 working days after 20/07: 21, 22, 23, 24, 27, 28, 29 → 29/07, so C counts too.
    assert (board.due_soon_until, board.due_soon) == (date(2026, 7, 29), 2)
    assert ids(db, "due_soon") == [office["B"], office["C"]]
    settings.put(db, "due_soon_working_days", "1")  # until Tue 21/07: B (22/07) drops out
    assert dashboard(db, TODAY).due_soon == 0


def test_prolonged_uses_the_setting(db, office):
    c = office
    settings.put(db, "prolonged_days", "10")  # opened before 10/07
    board = dashboard(db, TODAY)
    assert (board.prolonged_before, board.prolonged) == (date(2026, 7, 10), 4)
    assert sorted(ids(db, "prolonged")) == sorted([c["A"], c["B"], c["D"], c["F"]])


def test_counts_restricted_to_an_assignee(db, office):
    c = office
    mine = dashboard(db, TODAY, assignee=2)
    assert (mine.open, mine.overdue, mine.due_soon, mine.waiting, mine.prolonged) == (
        2, 2, 0, 0, 1)
    assert mine.by_flag["crowd"] == 1 and mine.by_flag["complex"] == 1
    assert mine.by_flag["hot_spot"] == 0
    assert mine.by_status == {"received": 1, "accepted": 1}
    assert ids(db, "open", assignee=2) == [c["F"], c["A"]]
    assert ids(db, "open", assignee=1) == []
    assert dashboard(db, TODAY, assignee=1).open == 0


def test_lists_by_flag(db, office):
    c = office
    assert ids(db, "open", flag="crowd") == [c["A"]]  # E is a crowd too, but closed
    assert ids(db, "overdue", flag="complex") == [c["F"]]
    assert ids(db, "due_soon", flag="hot_spot") == [c["B"]]
    assert ids(db, "waiting", flag="hot_spot") == []


def test_counts_follow_the_events(db, office):
    c = office
    act(db, c["A"], "accept", TODAY)  # resolution due 20/07 + 30 = Wed 19/08
    act(db, c["D"], "reply", TODAY)
    board = dashboard(db, TODAY)
    assert (board.open, board.overdue, board.waiting) == (4, 1, 0)
    assert ids(db, "overdue") == [c["F"]]
    assert db.execute("SELECT due_on FROM cases WHERE id = ?", [c["A"]]).fetchone()[0] == \
        "2026-08-19"


def test_unknown_view_or_flag(db, office):
    with pytest.raises(DeskError) as caught:
        case_ids(db, "late", TODAY)
    assert caught.value.message == messages.DASHBOARD_VIEW_UNKNOWN.format(
        view="late", choices=", ".join(VIEWS))
    with pytest.raises(DeskError) as caught:
        case_ids(db, "open", TODAY, flag="loud")
    assert "loud" in caught.value.message


def test_empty_office(db):
    board = dashboard(db, TODAY)
    assert (board.open, board.overdue, board.due_soon, board.waiting, board.prolonged) == (
        0, 0, 0, 0, 0)
    assert board.by_status == {} and set(board.by_flag.values()) == {0}
    assert ids(db, "open") == []
