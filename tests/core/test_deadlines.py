"""Deadline engine: effective-dated rule sets → milestones (docs/legal.md, “Deadlines”).

Every expected date is worked out by hand in a comment (weekdays, the holidays python-holidays
gives), not copied from the code's output.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import date, timedelta

import pytest

from desk_app.core.cases import deadlines
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.deadlines import CaseFacts, compute_milestones, rule_set_for, validate_kind
from desk_app.core.errors import DeskError

OLD, NEW = "truoc-2026-07-01", "tu-2026-07-01"


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def by_key(facts: CaseFacts, cal: WorkCalendar, directory=None) -> dict:
    return {m.key: m for m in compute_milestones(facts, cal, directory)}


# ---------------------------------------------------------------- rule sets by date

def test_rule_set_is_chosen_by_the_day_received():
    # Law 136/2025/QH15 applies to cases received from 01/07/2026; earlier ones keep the old periods.
    assert rule_set_for(date(2026, 6, 30)).name == OLD
    assert rule_set_for(date(2026, 7, 1)).name == NEW
    assert rule_set_for(date(2014, 7, 1)).name == OLD
    assert rule_set_for(date(2026, 7, 1)).effective_from == date(2026, 7, 1)


def test_complaint_acceptance_10_then_7_working_days(cal):
    # Received Tue 30/06/2026, old set, Decree 124/2020 art. 16(1): 10 working days.
    # Wed 01, Thu 02, Fri 03/07 (3), weekend, 06–10/07 (8), weekend, Mon 13 (9), Tue 14/07 (10).
    old = by_key(CaseFacts("khieu_nai", date(2026, 6, 30)), cal)["complaint_acceptance"]
    assert old.due_on == date(2026, 7, 14)
    assert old.rule_set == OLD
    assert "10 ngày làm việc" in old.explanation
    assert old.basis == "khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP"
    # Received Wed 01/07/2026, Decree 155/2026 art. 10: 7 working days.
    # Thu 02, Fri 03 (2), weekend, Mon 06 – Fri 10/07 (7).
    new = by_key(CaseFacts("khieu_nai", date(2026, 7, 1)), cal)["complaint_acceptance"]
    assert new.due_on == date(2026, 7, 10)
    assert new.rule_set == NEW
    assert new.basis == "Điều 10 Nghị định 155/2026/NĐ-CP"


def test_complaint_received_just_before_tet_2027(cal):
    # Received Fri 29/01/2027, 7 working days: Mon 01, Tue 02, Wed 03/02 (3); Tết 04–10/02 off
    # (mùng 1 = Sat 06/02); Thu 11, Fri 12 (5); weekend; Mon 15 (6), Tue 16/02 (7).
    m = by_key(CaseFacts("khieu_nai", date(2027, 1, 29)), cal)
    assert m["complaint_acceptance"].due_on == date(2027, 2, 16)
    assert m["complaint_acceptance"].explanation == (
        "7 ngày làm việc kể từ ngày tiếp nhận 29/01/2027; bỏ qua 30/01–31/01 (thứ Bảy, Chủ nhật), "
        "04/02–10/02 (Tết Nguyên đán), 13/02–14/02 (thứ Bảy, Chủ nhật); căn cứ Điều 10 Nghị định "
        "155/2026/NĐ-CP")
    # Reception Law art. 28(1): answer within 10 working days: Wed 17 (8), Thu 18 (9), Fri 19/02 (10).
    assert m["answer_visitor"].due_on == date(2027, 2, 19)
    assert m["process_petition"].due_on == date(2027, 2, 19)


# ---------------------------------------------------------------- complaint resolution

def test_waiting_for_acceptance_art_28(cal):
    m = by_key(CaseFacts("khieu_nai", date(2026, 10, 1)), cal)["complaint_resolution"]
    assert m.due_on is None
    assert m.explanation.startswith("Tính từ ngày thụ lý (chưa thụ lý)")
    assert m.start_event == "accepted"


def test_calendar_deadline_on_sunday_rolls_to_monday_art_28(cal):
    # Accepted Fri 02/10/2026 + 30 calendar days = Sun 01/11/2026 → Mon 02/11/2026.
    facts = CaseFacts("khieu_nai", date(2026, 10, 1), accepted_on=date(2026, 10, 2))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.due_on == date(2026, 11, 2)
    assert "01/11/2026 là ngày nghỉ (Chủ nhật) nên chuyển sang 02/11/2026" in m.explanation


def test_complex_and_remote_first_instance_art_28(cal):
    accepted = date(2026, 10, 5)  # Mon
    facts = CaseFacts("khieu_nai", date(2026, 10, 1), accepted_on=accepted)
    # 45 days: 05/10 + 45 = Thu 19/11/2026; remote + complex 60 days: Fri 04/12/2026.
    assert by_key(CaseFacts(**{**facts.__dict__, "complexity": 1}), cal)[
        "complaint_resolution"].due_on == date(2026, 11, 19)
    assert by_key(CaseFacts(**{**facts.__dict__, "remote": True}), cal)[
        "complaint_resolution"].due_on == date(2026, 11, 19)
    m = by_key(CaseFacts(**{**facts.__dict__, "remote": True, "complexity": 2}), cal)
    assert m["complaint_resolution"].due_on == date(2026, 12, 4)
    assert "60 ngày (vụ việc phức tạp, vùng sâu, vùng xa)" in m["complaint_resolution"].explanation
    assert "complaint_resolution_2" not in m


def test_remote_complex_second_instance_70_days_art_37(cal):
    # Accepted Wed 03/02/2027: 25 days to 28/02, 31 to 31/03 (56), 14 more → Wed 14/04/2027.
    facts = CaseFacts("khieu_nai", date(2027, 1, 29), accepted_on=date(2027, 2, 3), instance=2,
                      complexity=1, remote=True, first_decision_on=date(2027, 1, 10),
                      decision_received_on=date(2027, 1, 15))
    m = by_key(facts, cal)
    assert "complaint_resolution" not in m
    second = m["complaint_resolution_2"]
    assert second.due_on == date(2027, 4, 14)
    assert "Điều 37" in second.basis and "70 ngày" in second.explanation
    # Art. 33: second complaint within 45 days (remote) of the day the complainant RECEIVED the
    # first decision, Fri 15/01/2027 (not of its date 10/01): 16 days to 31/01, 28 to 28/02 (44),
    # 45th day Mon 01/03/2027.
    window = m["second_complaint_window"]
    assert window.start_event == "decision_received"
    assert window.due_on == date(2027, 3, 1)
    # Art. 41(1): a second-instance decision is sent within 07 (calendar) days.
    assert "7 ngày (quyết định lần hai)" in m["send_decision"].explanation
    assert m["send_decision"].basis == "khoản 1 Điều 41 Luật Khiếu nại 2011"


def test_suspended_complaint_resumes_art_11a(cal):
    # Law 136/2025 art. 11a. Accepted Mon 10/08/2026, suspended Thu 20/08: 11–19/08 used (9 days),
    # 21 left from the continuation Tue 15/09 → Tue 06/10/2026.
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      suspensions=((date(2026, 8, 20), date(2026, 9, 15)),))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.due_on == date(2026, 10, 6)
    assert not m.paused
    assert "đã tính 9 ngày, còn 21 ngày" in m.explanation
    assert "Điều 11a" in m.explanation
    # Without the suspension: 10/08 + 30 = Wed 09/09/2026.
    plain = by_key(CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10)), cal)
    assert plain["complaint_resolution"].due_on == date(2026, 9, 9)


def test_still_suspended_complaint_has_no_date_art_11a(cal):
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      suspensions=((date(2026, 8, 20), None),))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.due_on is None and m.paused
    assert "đang tạm đình chỉ từ 20/08/2026" in m.explanation and "9/30" in m.explanation
    # The acceptance milestone counts from receipt and is not suspended.
    assert by_key(facts, cal)["complaint_acceptance"].due_on is not None


def test_suspension_after_the_deadline_changes_nothing(cal):
    # 10/08 + 30 = 09/09/2026; a suspension on 20/09 comes too late.
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      suspensions=((date(2026, 9, 20), date(2026, 10, 1)),))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.due_on == date(2026, 9, 9)
    assert "khi đã hết hạn" in m.explanation


def test_old_rule_set_does_not_stop_the_complaint_clock(cal):
    # Before Law 136/2025 there is no art. 11a: accepted Mon 08/06/2026 + 30 = Wed 08/07/2026,
    # suspension or not; the explanation says so.
    facts = CaseFacts("khieu_nai", date(2026, 6, 1), accepted_on=date(2026, 6, 8),
                      suspensions=((date(2026, 6, 15), date(2026, 6, 30)),))
    m = by_key(facts, cal)["complaint_resolution"]
    assert m.rule_set == OLD
    assert m.due_on == date(2026, 7, 8)
    assert "không làm dừng" in m.explanation


def test_dialogue_notice_five_calendar_days_before_decree_155_art_11(cal):
    # Decree 155/2026 art. 11: "ít nhất 05 ngày" — calendar days. Dialogue Tue 08/09/2026 − 5 =
    # Thu 03/09/2026, a working day (5 working days would have given Thu 27/08).
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      dialogue_on=date(2026, 9, 8))
    m = by_key(facts, cal)["dialogue_notice"]
    assert m.due_on == date(2026, 9, 3)
    assert m.explanation.startswith("Chậm nhất 5 ngày trước ngày đối thoại 08/09/2026")
    assert "Điều 11 Nghị định 155/2026/NĐ-CP" in m.basis
    # Dialogue Mon 07/09/2026 − 5 = Wed 02/09 (Quốc khánh): the notice cannot go out on a day
    # off, so it must leave earlier: 01/09 Quốc khánh, Mon 31/08 off (swapped for Sat 22/08),
    # 29–30/08 weekend → Fri 28/08/2026.
    facts = CaseFacts("khieu_nai", date(2026, 8, 3), accepted_on=date(2026, 8, 10),
                      dialogue_on=date(2026, 9, 7))
    m = by_key(facts, cal)["dialogue_notice"]
    assert m.due_on == date(2026, 8, 28)
    assert "ngày 02/09/2026 là ngày nghỉ (Quốc khánh) nên phải làm trước đó, chậm nhất 28/08/2026" \
        in m.explanation


def test_send_decision_three_working_days_art_32(cal):
    # Complaints Law art. 32. Decided Thu 29/04/2027: Fri 30/04 and Sat 01/05 holidays, Sun,
    # Mon 03/05 compensation; Tue 04 (1), Wed 05 (2), Thu 06/05/2027 (3).
    facts = CaseFacts("khieu_nai", date(2027, 3, 1), accepted_on=date(2027, 3, 5),
                      decided_on=date(2027, 4, 29))
    m = by_key(facts, cal)
    assert m["send_decision"].due_on == date(2027, 5, 6)
    assert m["send_decision"].basis == "Điều 32 Luật Khiếu nại 2011"
    # Art. 33 counts the second complaint's window from the day the complainant received the
    # decision: until that day is recorded there is no date.
    window = m["second_complaint_window"]
    assert window.due_on is None
    assert "chưa ghi ngày người khiếu nại nhận được quyết định" in window.explanation


# ---------------------------------------------------------------- denunciations

def test_denunciation_especially_complex_extended_twice_art_30(cal):
    # Law on Denunciation 2018 art. 30: 30 days from acceptance, +30 twice when especially complex.
    # Accepted Mon 12/10/2026 + 90: to 31/10 is 19, to 30/11 is 49, to 31/12 is 80, +10 = Sun
    # 10/01/2027 → Mon 11/01/2027.
    facts = CaseFacts("to_cao", date(2026, 10, 5), accepted_on=date(2026, 10, 12), complexity=2,
                      extensions=2)
    m = by_key(facts, cal)
    res = m["denunciation_resolution"]
    assert res.due_on == date(2027, 1, 11)
    assert "2 lần gia hạn × 30 ngày (vụ việc đặc biệt phức tạp) = 90 ngày" in res.explanation
    # Unextended: 12/10 + 30 = Wed 11/11/2026.
    once = by_key(CaseFacts(**{**facts.__dict__, "extensions": 0}), cal)
    assert once["denunciation_resolution"].due_on == date(2026, 11, 11)
    # Art. 24(1): register and classify within 7 working days of receipt (Mon 05/10): Wed 14/10,
    # even when especially complex (only verification at several places gives 10).
    assert once["denunciation_handling"].due_on == date(2026, 10, 14)
    simple = by_key(CaseFacts("to_cao", date(2026, 10, 5)), cal)
    assert simple["denunciation_handling"].due_on == date(2026, 10, 14)
    # Art. 24(2): transfer within 5 working days: Mon 12/10/2026.
    assert simple["denunciation_transfer"].due_on == date(2026, 10, 12)
    # Art. 29(3): notify acceptance within 5 working days of Mon 12/10: Mon 19/10/2026.
    assert once["denunciation_acceptance_notice"].due_on == date(2026, 10, 19)


def test_extensions_beyond_the_law_are_refused_art_30(cal):
    base = dict(kind="to_cao", received_on=date(2026, 10, 5), accepted_on=date(2026, 10, 12))
    with pytest.raises(DeskError, match="tối đa 2 lần"):
        compute_milestones(CaseFacts(**base, complexity=2, extensions=3), cal)
    with pytest.raises(DeskError, match="tối đa 1 lần"):
        compute_milestones(CaseFacts(**base, complexity=1, extensions=2), cal)
    with pytest.raises(DeskError, match="tối đa 0 lần"):
        compute_milestones(CaseFacts(**base, extensions=1), cal)
    with pytest.raises(DeskError):
        compute_milestones(CaseFacts("khieu_nai", date(2026, 10, 5), extensions=1), cal)


# ---------------------------------------------------------------- petitions, refusal

def test_petition_feedback_local_target(cal):
    # No statutory limit: office target 30 days. Received Thu 01/10/2026 + 30 = Sat 31/10 → Mon 02/11.
    m = by_key(CaseFacts("phan_anh", date(2026, 10, 1)), cal)
    res = m["petition_resolution"]
    assert res.local and res.due_on == date(2026, 11, 2)
    assert res.explanation.startswith("Chỉ tiêu của cơ quan")
    assert set(m) == {"answer_visitor", "process_petition", "petition_resolution"}


def test_refusal_notice_only_when_refused_decree_154_art_4(cal):
    assert "refusal_notice" not in by_key(CaseFacts("kien_nghi", date(2026, 10, 1)), cal)
    # Refused Fri 02/10/2026: 3 working days → Wed 07/10/2026.
    m = by_key(CaseFacts("kien_nghi", date(2026, 10, 2), refused_on=date(2026, 10, 2)), cal)
    assert m["refusal_notice"].due_on == date(2026, 10, 7)
    assert "Nghị định 154/2026" in m["refusal_notice"].basis


# ---------------------------------------------------------------- office calendar

def test_office_holiday_and_swapped_saturday_move_the_deadline():
    # Reception Law art. 28(1), 10 working days from Mon 01/03/2027 → Mon 15/03 (see test_calendar).
    facts = CaseFacts("kien_nghi", date(2027, 3, 1))
    holiday = {date(2027, 3, 10): "Nghỉ theo quyết định của tỉnh"}
    assert by_key(facts, WorkCalendar())["answer_visitor"].due_on == date(2027, 3, 15)
    m = by_key(facts, WorkCalendar(extra_holidays=holiday))["answer_visitor"]
    assert m.due_on == date(2027, 3, 16)
    assert "10/03 (Nghỉ theo quyết định của tỉnh)" in m.explanation
    swapped = WorkCalendar(extra_holidays=holiday, workdays={date(2027, 3, 13): "Làm bù"})
    m = by_key(facts, swapped)["answer_visitor"]
    assert m.due_on == date(2027, 3, 15)
    assert "13/03" not in m.explanation


# ---------------------------------------------------------------- bad input

def test_unknown_kind():
    with pytest.raises(DeskError, match="khieu_nai, to_cao"):
        validate_kind("khieu-nai")
    with pytest.raises(DeskError):
        compute_milestones(CaseFacts("don_thu", date(2026, 10, 1)), WorkCalendar())


@pytest.mark.parametrize("facts, needle", [
    (CaseFacts("khieu_nai", date(2101, 1, 2)), "2000–2100"),
    (CaseFacts("khieu_nai", date(1999, 12, 31)), "2000–2100"),
    (CaseFacts("khieu_nai", date(2010, 1, 4)), "01/07/2014"),  # before the first rule set
    (CaseFacts("khieu_nai", date(2026, 10, 5), accepted_on=date(2026, 10, 1)), "ngày thụ lý"),
    (CaseFacts("khieu_nai", date(2026, 10, 5), instance=3), "1 hoặc 2"),
    (CaseFacts("khieu_nai", date(2026, 10, 5),
               suspensions=((date(2026, 10, 20), date(2026, 10, 10)),)), "tạm đình chỉ"),
])
def test_bad_facts_are_refused(cal, facts, needle):
    with pytest.raises(DeskError, match=needle):
        compute_milestones(facts, cal)


# ---------------------------------------------------------------- rule sets are data

def test_a_rule_set_added_as_a_file_is_used_without_code(tmp_path, cal):
    for path in deadlines.rules_dir().glob("deadlines-*.json"):
        shutil.copy(path, tmp_path)
    (tmp_path / "deadlines-2030-01-01.json").write_text(json.dumps({
        "format": 1, "name": "thu-2030", "title": "Thử: từ 01/01/2030",
        "effective_from": "2030-01-01",
        "rules": [{"key": "complaint_acceptance", "label": "Thụ lý khiếu nại", "kinds": ["khieu_nai"],
                   "period": 5, "days": "working", "start": "received", "basis": "Luật giả định 2029"}],
    }, ensure_ascii=False), encoding="utf-8")
    # Received Wed 02/01/2030: Thu 03, Fri 04 (2), weekend, Mon 07 – Wed 09/01/2030 (5).
    new = compute_milestones(CaseFacts("khieu_nai", date(2030, 1, 2)), cal, tmp_path)
    assert [(m.key, m.due_on, m.rule_set) for m in new] == [
        ("complaint_acceptance", date(2030, 1, 9), "thu-2030")]
    # The day before still follows Law 136/2025 (7 working days).
    before = by_key(CaseFacts("khieu_nai", date(2029, 12, 31)), cal, tmp_path)
    assert before["complaint_acceptance"].rule_set == NEW
    assert deadlines.rule_set_for(date(2030, 1, 1), tmp_path).name == "thu-2030"


def test_a_broken_rule_file_is_reported(tmp_path):
    (tmp_path / "deadlines-2030-01-01.json").write_text(json.dumps({
        "format": 1, "name": "x", "effective_from": "2030-01-01",
        "rules": [{"key": "a", "label": "A", "kinds": ["khieu_nai"], "period": 5, "days": "weeks",
                   "start": "received", "basis": "?"}]}), encoding="utf-8")
    with pytest.raises(DeskError, match="days"):
        rule_set_for(date(2030, 1, 2), tmp_path)


def test_shipped_rule_sets_cover_every_kind():
    for rule_set in deadlines.rule_sets():
        for kind in ("khieu_nai", "to_cao", "kien_nghi", "phan_anh"):
            assert rule_set.rules_for(kind), (rule_set.name, kind)


# ---------------------------------------------------------------- many cases

def test_many_random_cases_compute_consistently(cal):
    """The engine's memo gives the answers a fresh calendar gives, over many random cases.
    (How fast 100,000 cases compute is measured in benchmarks/bench_deadlines.py, not here: a
    wall-clock bound fails on a loaded machine.)"""
    rng = random.Random(3)
    kinds = ("khieu_nai", "to_cao", "kien_nghi", "phan_anh")
    cases = []
    for _ in range(3_000):
        received = date(2024, 1, 1) + timedelta(days=rng.randrange(1500))
        accepted = received + timedelta(days=rng.randrange(1, 12)) if rng.random() < 0.7 else None
        cases.append(CaseFacts(rng.choice(kinds), received, accepted, remote=rng.random() < 0.2,
                               complexity=rng.choice((0, 0, 1))))
    fresh = WorkCalendar()
    for facts in cases:
        once = compute_milestones(facts, cal)
        assert once == compute_milestones(facts, cal) == compute_milestones(facts, fresh)
        assert all(m.due_on is None or m.due_on > facts.received_on for m in once), facts
