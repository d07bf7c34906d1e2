"""The schedule's legal checks: posting period, the weekly session, the deputy, and others."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime

from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.deadlines import rules_dir
from desk_app.core.schedule.checks import check_period, week_check
from desk_app.core.schedule.hosts import head_officer_id, set_head
from desk_app.core.schedule.public import issue_postponement_notice, mark_posted
from desk_app.core.schedule.rules import POSTING, posting_rule, schedule_rule
from desk_app.core.schedule.sessions import cancel_session, postpone_session, record_held
from desk_app.core.storage.office import add_officer
from tests.core.schedule.conftest import DEPUTY, HEAD, NOW, one, session_on, thursdays


def codes(alerts, session_id=None):
    return [a.code for a in alerts if session_id is None or a.session_id == session_id]


def test_the_posting_period_is_a_rule_in_the_effective_dated_rule_files():
    rule = posting_rule(date(2027, 1, 7))
    assert (rule.key, rule.period, rule.days, rule.applies_to, rule.basis) == (
        POSTING, 5, "working", frozenset({"dinh_ky"}), "khoản 4 Điều 24 Luật Tiếp công dân 2013")
    # Thu 11/02/2027 after Tết: 5 working days back skips 04/02–10/02.
    assert rule.deadline(WorkCalendar(), date(2027, 2, 11)) == date(2027, 1, 28)
    assert posting_rule(date(2020, 1, 2)).period == 5  # the 2014 rule set has it too


def test_a_changed_rule_file_changes_the_period(tmp_path):
    for path in rules_dir().glob("deadlines-*.json"):
        shutil.copy(path, tmp_path / path.name)
    newest = tmp_path / "deadlines-2026-07-01.json"
    data = json.loads(newest.read_text(encoding="utf-8"))
    data["schedule_rules"][0]["period"] = 3
    newest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = tmp_path / "deadlines-2014-07-01.json"
    data = json.loads(old.read_text(encoding="utf-8"))
    del data["schedule_rules"]
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert schedule_rule(POSTING, date(2027, 1, 7), tmp_path).period == 3
    assert schedule_rule(POSTING, date(2020, 1, 2), tmp_path) is None


def test_posting_check(office):
    thursdays(office, first=date(2026, 12, 1), last=date(2027, 1, 31))
    today, now = date(2027, 1, 5), datetime(2027, 1, 5, 9, 0)
    # 5 working days before Thu 07/01/2027 skip Fri 01/01 (Tết Dương lịch): Wed 30/12, missed.
    soon = session_on(office, date(2027, 1, 7))
    near = session_on(office, date(2027, 1, 14))  # deadline Thu 07/01: a task for this week
    later = session_on(office, date(2027, 1, 28))  # deadline Thu 21/01: nothing to say yet
    found = check_period(office, date(2027, 1, 4), date(2027, 1, 31), today, now)
    texts = {a.session_id: a.text for a in found if a.code == "posting"}
    assert texts[soon] == (
        "Buổi tiếp Thứ Năm 07/01/2027 chưa được niêm yết đúng hạn (hạn 30/12/2026, 5 ngày làm "
        "việc trước, khoản 4 Điều 24 Luật Tiếp công dân 2013).")
    assert texts[near] == (
        "Buổi tiếp Thứ Năm 14/01/2027 chưa niêm yết: cần niêm yết chậm nhất ngày 07/01/2027 "
        "(5 ngày làm việc trước, khoản 4 Điều 24 Luật Tiếp công dân 2013).")
    assert later not in texts
    mark_posted(office, [soon, near, later], today, now)
    found = check_period(office, date(2027, 1, 4), date(2027, 1, 31), today, now)
    texts = {a.session_id: a.text for a in found if a.code == "posting"}
    assert texts == {soon: "Buổi tiếp Thứ Năm 07/01/2027 niêm yết ngày 05/01/2027, muộn hơn hạn "
                           "30/12/2026 (5 ngày làm việc trước, khoản 4 Điều 24 Luật Tiếp công "
                           "dân 2013)."}


def test_a_week_without_the_chairpersons_session(office):
    thursdays(office, first=date(2026, 12, 1), last=date(2027, 2, 28))
    cancel_session(office, session_on(office, date(2027, 1, 14)), "Chủ tịch dự hội nghị", NOW)
    found = week_check(office, date(2026, 12, 1), date(2027, 2, 28))
    assert [(a.code, a.day) for a in found] == [("no_head_week", date(2027, 1, 11))]
    assert found[0].text == (
        "Tuần 11/01/2027–17/01/2027 không có buổi Chủ tịch trực tiếp tiếp công dân định kỳ "
        "(điểm d khoản 2 Điều 15 Luật Tiếp công dân: ít nhất 01 ngày trong 01 tuần).")
    # Tết week (01–07/02/2027) is covered by the session moved to Wed 03/02.
    # An extra session in the gap week fills it.
    one(office, date(2027, 1, 15), "14:00", "16:00")
    assert week_check(office, date(2026, 12, 1), date(2027, 2, 28)) == []


def test_a_session_hosted_by_a_deputy_is_flagged_and_does_not_count_for_the_week(office):
    thursdays(office, first=date(2026, 11, 23), last=date(2026, 12, 31))
    planned = one(office, date(2027, 1, 5), host=DEPUTY)
    held = session_on(office, date(2026, 12, 3))
    record_held(office, held, DEPUTY, datetime(2026, 12, 3, 11, 0))
    found = check_period(office, date(2026, 11, 30), date(2027, 1, 10), date(2026, 12, 3))
    deputy = {a.session_id: a.text for a in found if a.code == "deputy_host"}
    assert deputy[planned] == (
        "Buổi tiếp định kỳ Thứ Ba 05/01/2027 do Trần Văn Phó (Phó Chủ tịch Ủy ban nhân dân) dự "
        "kiến chủ trì, không phải Chủ tịch: Chủ tịch phải trực tiếp tiếp công dân, không giao "
        "cấp phó (Luật 136/2025/QH15).")
    assert "đã chủ trì" in deputy[held]
    weeks = [a.day for a in found if a.code == "no_head_week"]
    assert weeks == [date(2026, 11, 30), date(2027, 1, 4)]


def test_the_head_is_the_setting_or_the_officer_called_chairperson(office):
    assert head_officer_id(office) == HEAD  # "Chủ tịch", not "Phó Chủ tịch …"
    new = add_officer(office, "Phạm Thị Mai", "Chủ tịch Ủy ban nhân dân phường")
    set_head(office, new)
    assert head_officer_id(office) == new
    found = week_check(office, date(2027, 1, 4), date(2027, 1, 10))
    assert codes(found) == ["no_head_week"]


def test_other_alerts(office):
    thursdays(office, first=date(2026, 11, 23), last=date(2026, 12, 31))
    crowd = one(office, date(2026, 12, 1), kind="dot_xuat", reason_code="crowd")
    old = session_on(office, date(2026, 12, 10))
    postpone_session(office, old, datetime(2026, 12, 11, 8), datetime(2026, 12, 11, 11),
                     "Chủ tịch họp tại tỉnh", NOW)
    past = session_on(office, date(2026, 11, 26))
    found = check_period(office, date(2026, 11, 23), date(2026, 12, 31), date(2026, 12, 14),
                         datetime(2026, 12, 14, 9, 0))
    assert "police" in codes(found, crowd)
    assert "postponement_notice" in codes(found, old)
    assert "not_recorded" in codes(found, past)
    desk = one(office, date(2026, 12, 2), kind="thuong_xuyen", host=None, officer_ids=(1,))
    found = check_period(office, date(2026, 11, 23), date(2026, 12, 31), date(2026, 12, 14),
                         datetime(2026, 12, 14, 9, 0))
    assert codes(found, desk) == []  # desk duty is not recorded day by day
    issue_postponement_notice(office, old, NOW)
    found = check_period(office, date(2026, 11, 23), date(2026, 12, 31), date(2026, 12, 14),
                         datetime(2026, 12, 14, 9, 0))
    assert "postponement_notice" not in codes(found, old)
