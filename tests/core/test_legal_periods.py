"""Legal fidelity (docs/legal-fidelity.md): periods, citations, the 2026 transition and the
milestones that were missing.

Every expected date is worked out by hand in the comment above it (weekday of each day, the
holidays of the shipped calendar), citing the article that sets the period.
"""

from __future__ import annotations

from datetime import date

import pytest

from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.deadlines import CaseFacts, compute_milestones, facts_from_options
from desk_app.core.errors import DeskError

OLD, NEW = "truoc-2026-07-01", "tu-2026-07-01"


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def by_key(facts: CaseFacts, cal: WorkCalendar) -> dict:
    return {m.key: m for m in compute_milestones(facts, cal)}


# ---------------------------------------------------------------- sending decisions

def test_second_instance_decision_is_sent_within_7_calendar_days_art_41(cal):
    # Complaints Law art. 41(1): "Trong thời hạn 07 ngày" — calendar days. Decided Tue
    # 25/08/2026 + 7 = Tue 01/09/2026, Quốc khánh; Wed 02/09 too; so Thu 03/09/2026 (Civil
    # Code art. 148(5)). Seven working days would have run to Fri 04/09 (Sat 22/08 aside).
    facts = CaseFacts("khieu_nai", date(2026, 7, 1), accepted_on=date(2026, 7, 8), instance=2,
                      decided_on=date(2026, 8, 25), first_decision_on=date(2026, 6, 20))
    m = by_key(facts, cal)["send_decision"]
    assert m.due_on == date(2026, 9, 3)
    assert m.basis == "khoản 1 Điều 41 Luật Khiếu nại 2011"
    assert m.explanation.startswith("7 ngày (quyết định lần hai) kể từ ngày có quyết định")
    assert "01/09/2026 là ngày nghỉ (Quốc khánh) nên chuyển sang 03/09/2026" in m.explanation
    assert "Điều 148 Bộ luật Dân sự" in m.explanation


def test_first_instance_decision_is_sent_within_3_working_days_art_32(cal):
    # Art. 32: decided Tue 25/08/2026: Wed 26 (1), Thu 27 (2), Fri 28/08/2026 (3).
    facts = CaseFacts("khieu_nai", date(2026, 7, 1), accepted_on=date(2026, 7, 8),
                      decided_on=date(2026, 8, 25))
    m = by_key(facts, cal)["send_decision"]
    assert m.due_on == date(2026, 8, 28)
    assert m.basis == "Điều 32 Luật Khiếu nại 2011"


# ---------------------------------------------------------------- the suspension transition

def test_old_complaint_suspended_after_1_july_2026_stops_its_clock_decree_155_art_22(cal):
    # Received Mon 01/06/2026 (old rule set), accepted Mon 08/06/2026: 30 days (art. 28).
    # Suspended Fri 03/07/2026 — after 01/07/2026, so the new rule reaches it (Decree 155/2026
    # art. 22(1); Law art. 11a): days used 09/06–30/06 (22) and 01–02/07 (2) = 24, 6 remain.
    # Continued Mon 20/07/2026: the 6 remaining days run on from it (no restart): Sun 26/07,
    # a day off, so the end moves to Mon 27/07/2026 (Civil Code art. 148(5)).
    facts = CaseFacts("khieu_nai", date(2026, 6, 1), accepted_on=date(2026, 6, 8),
                      suspensions=((date(2026, 7, 3), date(2026, 7, 20)),))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.rule_set == OLD
    assert m.due_on == date(2026, 7, 27)
    assert "đã tính 24 ngày, còn 6 ngày tính tiếp từ 20/07/2026" in m.explanation
    assert "26/07/2026 là ngày nghỉ (Chủ nhật) nên chuyển sang 27/07/2026" in m.explanation
    assert "khoản 1 Điều 22 Nghị định 155/2026/NĐ-CP" in m.explanation
    # The same case still suspended: no date, 24 of 30 days used.
    still = by_key(CaseFacts("khieu_nai", date(2026, 6, 1), accepted_on=date(2026, 6, 8),
                             suspensions=((date(2026, 7, 3), None),)), cal)
    assert still["complaint_resolution"].due_on is None
    assert still["complaint_resolution"].paused
    assert "24/30" in still["complaint_resolution"].explanation


def test_old_complaint_suspended_before_1_july_2026_keeps_running(cal):
    # Accepted Mon 08/06/2026 + 30 = Wed 08/07/2026; a suspension from Mon 15/06 to Tue 30/06
    # began under the old law, which had no art. 11a: the clock did not stop.
    facts = CaseFacts("khieu_nai", date(2026, 6, 1), accepted_on=date(2026, 6, 8),
                      suspensions=((date(2026, 6, 15), date(2026, 6, 30)),))
    m = by_key(facts, cal)
    assert m["complaint_resolution"].due_on == date(2026, 7, 8)
    assert "trước 01/07/2026 không làm dừng" in m["complaint_resolution"].explanation
    # No duty to send a suspension decision existed on 15/06/2026.
    assert "send_suspension" not in m


def test_suspension_decision_is_sent_within_3_working_days_decree_155_art_28b(cal):
    # Decree 155/2026 art. 28b(1): suspended Thu 20/08/2026: Fri 21 (1), Sat 22/08 is a swapped
    # working day (2), Sun off, Mon 24/08/2026 (3).
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      suspensions=((date(2026, 8, 20), None),))
    m = by_key(facts, cal)["send_suspension"]
    assert (m.due_on, m.rule_set) == (date(2026, 8, 24), NEW)
    assert m.basis == "khoản 1 Điều 28b Nghị định 155/2026/NĐ-CP"
    # An old-set complaint suspended Fri 03/07/2026: Mon 06 (1), Tue 07 (2), Wed 08/07 (3).
    old = by_key(CaseFacts("khieu_nai", date(2026, 6, 1), accepted_on=date(2026, 6, 8),
                           suspensions=((date(2026, 7, 3), None),)), cal)["send_suspension"]
    assert old.due_on == date(2026, 7, 8) and "Điều 22" in old.basis
    # Without a suspension there is nothing to send.
    plain = by_key(CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10)), cal)
    assert "send_suspension" not in plain


def test_denunciation_suspension_cites_art_34(cal):
    # Denunciation Law art. 34(2): the suspended time does not count. Accepted Mon 12/10/2026,
    # suspended Mon 19/10 (13–18/10 used: 6), continued Mon 26/10: 24 left → Thu 19/11/2026.
    facts = CaseFacts("to_cao", date(2026, 10, 5), accepted_on=date(2026, 10, 12),
                      suspensions=((date(2026, 10, 19), date(2026, 10, 26)),))
    m = by_key(facts, cal)["denunciation_resolution"]
    assert m.due_on == date(2026, 11, 19)
    assert "khoản 2 Điều 34 Luật Tố cáo 2018" in m.explanation
    assert "Điều 36" not in m.explanation


# ---------------------------------------------------------------- denunciations

def test_verification_at_several_places_is_its_own_fact_art_24(cal):
    # Denunciation Law art. 24(1): 7 working days, up to 10 when verification is needed at
    # several places. Received Mon 05/10/2026: 7 → Wed 14/10; 10 → Mon 19/10/2026.
    plain = by_key(CaseFacts("to_cao", date(2026, 10, 5)), cal)["denunciation_handling"]
    assert plain.due_on == date(2026, 10, 14)
    places = by_key(CaseFacts("to_cao", date(2026, 10, 5), several_places=True),
                    cal)["denunciation_handling"]
    assert places.due_on == date(2026, 10, 19)
    assert "phải kiểm tra, xác minh tại nhiều địa điểm" in places.explanation
    # "Complex" alone does not lengthen it.
    complex_only = by_key(CaseFacts("to_cao", date(2026, 10, 5), complexity=2),
                          cal)["denunciation_handling"]
    assert complex_only.due_on == date(2026, 10, 14)


def test_conclusion_is_sent_within_5_working_days_art_35(cal):
    # Denunciation Law art. 35(4): conclusion Thu 29/04/2027; Fri 30/04 and Sat 01/05 holidays,
    # Mon 03/05 compensation; Tue 04 (1), Wed 05 (2), Thu 06 (3), Fri 07 (4), Mon 10/05/2027 (5).
    facts = CaseFacts("to_cao", date(2027, 3, 1), accepted_on=date(2027, 3, 8),
                      decided_on=date(2027, 4, 29))
    m = by_key(facts, cal)["send_conclusion"]
    assert m.due_on == date(2027, 5, 10)
    assert m.basis == "khoản 4 Điều 35 Luật Tố cáo 2018"
    assert "send_decision" not in by_key(facts, cal)  # the complaints' article is not cited


# ---------------------------------------------------------------- complaints: windows

def test_second_complaint_window_runs_from_the_day_the_decision_was_received_art_33(cal):
    # Art. 33: 30 days from the day the complainant RECEIVED the first decision. Decided Thu
    # 29/04/2027, received Thu 06/05/2027: + 25 = 31/05, + 30 = Sat 05/06 → Mon 07/06/2027.
    facts = CaseFacts("khieu_nai", date(2027, 3, 1), accepted_on=date(2027, 3, 5),
                      decided_on=date(2027, 4, 29), decision_received_on=date(2027, 5, 6))
    m = by_key(facts, cal)["second_complaint_window"]
    assert m.due_on == date(2027, 6, 7)
    assert "kể từ ngày người khiếu nại nhận được quyết định giải quyết lần đầu 06/05/2027" \
        in m.explanation


def test_second_complaint_window_without_a_decision_runs_from_the_end_of_art_28(cal):
    # No decision was made: the window runs from the end of the art. 28 period. Accepted Fri
    # 02/10/2026 + 30 = Sun 01/11 → Mon 02/11/2026; + 30 = Wed 02/12/2026.
    facts = CaseFacts("khieu_nai", date(2026, 10, 1), accepted_on=date(2026, 10, 2))
    m = by_key(facts, cal)
    assert m["complaint_resolution"].due_on == date(2026, 11, 2)
    window = m["second_complaint_window"]
    assert window.due_on == date(2026, 12, 2)
    assert "ngày hết thời hạn giải quyết khiếu nại lần đầu (chưa có quyết định giải quyết) " \
           "02/11/2026" in window.explanation
    # Reopened as a second complaint with no first decision: the same window, counted from the
    # first acceptance it kept.
    second = CaseFacts("khieu_nai", date(2026, 10, 1), instance=2,
                       first_accepted_on=date(2026, 10, 2), accepted_on=date(2026, 11, 20))
    assert by_key(second, cal)["second_complaint_window"].due_on == date(2026, 12, 2)


def test_complaint_limitation_90_days_art_9(cal):
    # Art. 9: 90 days from the day the complainant received or knew of the act. Known Mon
    # 04/05/2026: 27 days to 31/05, 57 to 30/06, 88 to 31/07, the 90th is Sun 02/08/2026 →
    # Mon 03/08/2026 (Civil Code art. 148(5)).
    facts = CaseFacts("khieu_nai", date(2026, 8, 4), known_on=date(2026, 5, 4))
    m = by_key(facts, cal)["complaint_limitation"]
    assert m.due_on == date(2026, 8, 3)
    assert m.basis == "Điều 9 Luật Khiếu nại 2011"
    assert "ốm đau, thiên tai, địch họa" in m.explanation  # the exceptions the law allows
    # Without the day it was known, the milestone is left out (the field is optional).
    assert "complaint_limitation" not in by_key(CaseFacts("khieu_nai", date(2026, 8, 4)), cal)
    with pytest.raises(DeskError, match="ở sau ngày tiếp nhận"):
        compute_milestones(CaseFacts("khieu_nai", date(2026, 8, 4), known_on=date(2026, 8, 5)),
                           cal)


def test_complaint_acceptance_citations_by_era(cal):
    old = by_key(CaseFacts("khieu_nai", date(2026, 6, 30)), cal)["complaint_acceptance"]
    new = by_key(CaseFacts("khieu_nai", date(2026, 7, 1)), cal)["complaint_acceptance"]
    assert old.basis == "khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP"
    assert new.basis == "Điều 10 Nghị định 155/2026/NĐ-CP"
    assert "Điều 27" not in old.basis + new.basis


# ---------------------------------------------------------------- transferred petitions

def test_result_reported_to_the_body_that_transferred_the_petition(cal):
    # Received Mon 05/10/2026 from another body: 10 working days → Mon 19/10/2026 (Reception Law
    # art. 28(1), Circular 05/2021; verify).
    m = by_key(CaseFacts("kien_nghi", date(2026, 10, 5), transferred_in=True), cal)
    assert m["report_to_transferring_body"].due_on == date(2026, 10, 19)
    assert "report_to_transferring_body" not in by_key(CaseFacts("kien_nghi", date(2026, 10, 5)),
                                                       cal)


def test_cli_options_reach_the_new_facts():
    facts = facts_from_options(kind="khieu_nai", received="2026-08-04", known="2026-05-04",
                               decided="2026-08-20", accepted="2026-08-05",
                               decision_received="2026-08-24", several_places=False)
    assert (facts.known_on, facts.decision_received_on, facts.first_accepted_on) == (
        date(2026, 5, 4), date(2026, 8, 24), date(2026, 8, 5))
    with pytest.raises(DeskError, match="trước ngày có quyết định"):
        facts_from_options(kind="khieu_nai", received="2026-08-04", accepted="2026-08-05",
                           decided="2026-08-20", decision_received="2026-08-19")
