"""Cases driven by their events: intake opens them, `record_event` moves them along the
legal path, the cached columns follow, milestones come from the rule files.

Dates are in July–October 2026. The only weekday holidays in that stretch are 31/08, 01/09 and
02/09/2026 (National Day) and the only worked Saturday is 22/08/2026; weekdays of July 2026:
Wed 01, Fri 03, Mon 06, Fri 10, Mon 13, Fri 17, Mon 20, Fri 24, Mon 27, Fri 31. Every expected
date below is counted by hand in the comment beside it.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from desk_app import messages
from desk_app.core.cases import lifecycle
from desk_app.core.cases import tracking as cases
from desk_app.core.cases.dashboard import case_ids
from desk_app.core.cases.labels import FLAGS, due_text
from desk_app.core.cases.links import attach_petition
from desk_app.core.cases.tracking import (
    RepeatTransfer,
    add_note,
    case_events,
    case_milestones,
    recompute_all,
    record_event,
    refresh_case,
    set_complexity,
    set_flag,
)
from desk_app.core.cases.view import case_detail, case_rows
from desk_app.core.catalog import PETITION_KIND_LABELS, refusal_reasons
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, PetitionPart
from desk_app.core.reception.intake import register_visit
from desk_app.paths import resources_dir
from tests.support import counts, form, person, snapshot

OFFICER, CHAIR = "Nguyễn Thị Hồng Nhung", "Lê Văn Dũng"  # officers 1 and 2 (conftest)
NEW, OLD = "tu-2026-07-01", "truoc-2026-07-01"  # rule set names in resources/rules
SUMMARIES = {
    PetitionKind.KHIEU_NAI: "Khiếu nại quyết định thu hồi đất thửa số 45 tờ bản đồ 12",
    PetitionKind.TO_CAO: "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục cấp sổ",
    PetitionKind.KIEN_NGHI: "Kiến nghị sửa chữa đường ngõ 12 bị sụt lún",
    PetitionKind.PHAN_ANH: "Phản ánh tiếng ồn từ xưởng gỗ ban đêm",
}
CACHED = ("status", "is_open", "due_on", "due_key", "closed_on", "waiting_since", "instance",
          "complexity", "flags", "rule_set", "assignee_id")


def visit(db, kind=PetitionKind.KHIEU_NAI, received=date(2026, 7, 1), who=None, summary=None,
          **changes):
    """Register a visit at 09:00 on `received`, entered the same afternoon."""
    parts = changes.pop("parts", None) or (
        PetitionPart(kind, "dat_dai", summary or SUMMARIES[kind]),)
    return register_visit(db, form(who, received_at=datetime.combine(received, time(9)),
                                   parts=parts, **changes),
                          datetime.combine(received, time(17)))


def new_case(db, kind=PetitionKind.KHIEU_NAI, received=date(2026, 7, 1), **changes) -> int:
    return visit(db, kind, received, **changes).case_ids[0]


def act(db, case_id, action, day, officer=1, **kw) -> int:
    """Record `action` as happening on `day`, entered at 16:00 that day."""
    return record_event(db, case_id, action, occurred_on=day, officer_id=officer,
                        now=datetime.combine(day, time(16)), **kw)


def cached(db, case_id) -> dict:
    row = db.execute(f"SELECT {', '.join(CACHED)} FROM cases WHERE id = ?", [case_id]).fetchone()
    return dict(zip(CACHED, row, strict=True))


def milestones(db, case_id, today) -> dict:
    return {m.milestone.key: m for m in case_milestones(db, case_id, today)}


def refused(db, call, message, field=None):
    """`call` raises DeskError with exactly `message` and writes nothing at all."""
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.message == message
    if field is not None:
        assert caught.value.field == field
    assert snapshot(db) == before
    return caught.value


def rule(rule_set: str, key: str) -> dict:
    name = "deadlines-2026-07-01.json" if rule_set == NEW else "deadlines-2014-07-01.json"
    data = json.loads((resources_dir() / "rules" / name).read_text(encoding="utf-8"))
    return next(r for r in data["rules"] if r["key"] == key)


# ---------------------------------------------------------------- intake opens cases


def test_accepted_visit_opens_a_case_with_a_receive_event(db):
    reg = visit(db, PetitionKind.KIEN_NGHI)
    assert len(reg.case_ids) == 1
    case_id = reg.case_ids[0]
    assert db.execute("SELECT case_id FROM petitions WHERE id = ?",
                      [reg.petition_ids[0]]).fetchone()[0] == case_id
    [event] = case_events(db, case_id)
    assert (event.action, event.status_after, event.occurred_on, event.officer) == (
        "receive", "received", "2026-07-01", OFFICER)
    assert event.entered_at == "2026-07-01T17:00:00"
    assert cached(db, case_id) == {
        "status": "received", "is_open": 1,
        # answer the visitor: 10 working days after Wed 01/07: 02, 03, 06, 07, 08, 09, 10, 13,
        # 14, 15 → 15/07 (process_petition has the same date; keys sort answer_visitor first)
        "due_on": "2026-07-15", "due_key": "answer_visitor", "closed_on": None,
        "waiting_since": None, "instance": 1, "complexity": 0, "flags": 0, "rule_set": NEW,
        "assignee_id": None}
    row = db.execute("SELECT opened_on, person_id, kind, title FROM cases WHERE id = ?",
                     [case_id]).fetchone()
    assert row == ("2026-07-01", reg.person_id, "kien_nghi", SUMMARIES[PetitionKind.KIEN_NGHI])


def test_a_visit_with_two_kinds_opens_two_cases(db):
    reg = visit(db, parts=(
        PetitionPart(PetitionKind.KHIEU_NAI, "dat_dai", SUMMARIES[PetitionKind.KHIEU_NAI]),
        PetitionPart(PetitionKind.PHAN_ANH, "moi_truong", SUMMARIES[PetitionKind.PHAN_ANH])))
    assert len(set(reg.case_ids)) == 2
    kinds = [db.execute("SELECT kind FROM cases WHERE id = ?", [c]).fetchone()[0]
             for c in reg.case_ids]
    assert kinds == ["khieu_nai", "phan_anh"]
    assert [[e.action for e in case_events(db, c)] for c in reg.case_ids] == [["receive"]] * 2
    # 7 working days for the complaint (Law 136/2025): 02, 03, 06, 07, 08, 09, 10 → 10/07.
    assert cached(db, reg.case_ids[0])["due_on"] == "2026-07-10"
    assert cached(db, reg.case_ids[1])["due_on"] == "2026-07-15"


def test_guided_visit_opens_a_closed_case(db):
    case_id = new_case(db, PetitionKind.PHAN_ANH, outcome=Outcome.GUIDED,
                       outcome_body="Công an phường Nhân Hòa", outcome_doc_no="3/HD-TCD")
    events = case_events(db, case_id)
    assert [(e.action, e.status_after) for e in events] == [("receive", "received"),
                                                            ("guide", "guided")]
    assert (events[1].body, events[1].doc_no, events[1].occurred_on) == (
        "Công an phường Nhân Hòa", "3/HD-TCD", "2026-07-01")
    row = cached(db, case_id)
    assert (row["status"], row["is_open"], row["closed_on"], row["due_on"], row["due_key"]) == (
        "guided", 0, "2026-07-01", None, None)
    assert all(m.done and not m.overdue
               for m in case_milestones(db, case_id, date(2026, 12, 31)))
    assert case_ids(db, "open", date(2026, 7, 2)).tolist() == []


def test_transferred_visit_waits_for_the_reply_which_closes_it(db):
    case_id = new_case(db, PetitionKind.KIEN_NGHI, outcome=Outcome.TRANSFERRED,
                       outcome_body="Sở Xây dựng tỉnh Bắc Ninh", outcome_doc_no="12/UBND-TCD")
    row = cached(db, case_id)
    assert (row["status"], row["is_open"], row["waiting_since"], row["closed_on"]) == (
        "transferred", 1, "2026-07-01", None)
    assert row["due_on"] is None  # the transfer answered the visitor and disposed of the petition
    assert case_ids(db, "waiting", date(2026, 7, 20)).tolist() == [case_id]
    act(db, case_id, "reply", date(2026, 7, 20), note="Sở Xây dựng đã trả lời bằng văn bản")
    row = cached(db, case_id)
    assert (row["status"], row["is_open"], row["waiting_since"], row["closed_on"]) == (
        "closed", 0, None, "2026-07-20")
    assert case_ids(db, "waiting", date(2026, 7, 20)).tolist() == []


@pytest.mark.parametrize(("size", "crowd"), [(4, False), (5, True), (12, True)])
def test_crowd_visits_get_the_crowd_flag(db, size, crowd):
    reps = () if size < 5 else (person("Phạm Văn Tư", serial=4321),)
    case_id = new_case(db, crowd_size=size, representatives=reps)
    assert cached(db, case_id)["flags"] == (FLAGS["crowd"][0] if crowd else 0)
    flags = [e.data for e in case_events(db, case_id) if e.action == "flag"]
    assert flags == ([{"flag": "crowd", "on": True}] if crowd else [])
    assert ("Đông người" in case_detail(db, case_id, date(2026, 7, 2)).flags) is crowd


def test_refused_visit_opens_no_case(db):
    before = counts(db)
    reg = visit(db, outcome=Outcome.REFUSED, refusal_reason=refusal_reasons()[0].code)
    assert reg.case_ids == ()
    after = counts(db)
    assert (after["cases"], after["case_events"]) == (before["cases"], before["case_events"])
    assert after["petitions"] == before["petitions"] + 1


# ---------------------------------------------------------------- the complaint path


def test_full_complaint_path_each_step_an_event(db):
    case_id = new_case(db)
    row = cached(db, case_id)
    # Complaint acceptance: 7 working days after Wed 01/07: 02, 03, 06, 07, 08, 09, 10.
    assert (row["status"], row["is_open"], row["due_on"], row["due_key"], row["rule_set"]) == (
        "received", 1, "2026-07-10", "complaint_acceptance", NEW)

    act(db, case_id, "accept", date(2026, 7, 6))
    row = cached(db, case_id)
    # First-instance resolution: 30 calendar days after Mon 06/07 → Wed 05/08 (a working day).
    assert (row["status"], row["due_on"], row["due_key"]) == (
        "accepted", "2026-08-05", "complaint_resolution")

    act(db, case_id, "verify", date(2026, 7, 10))
    assert (cached(db, case_id)["status"], cached(db, case_id)["due_on"]) == (
        "verifying", "2026-08-05")

    act(db, case_id, "dialogue", date(2026, 7, 17), note="Hai bên giữ ý kiến")
    assert (cached(db, case_id)["status"], cached(db, case_id)["due_on"]) == (
        "dialogue", "2026-08-05")

    act(db, case_id, "decide", date(2026, 7, 24), officer=2, doc_no="15/QĐ-UBND")
    row = cached(db, case_id)
    # Send the decision: 3 working days after Fri 24/07: 27, 28, 29 → 29/07.
    assert (row["status"], row["due_on"], row["due_key"], row["is_open"]) == (
        "decided", "2026-07-29", "send_decision", 1)

    act(db, case_id, "notify", date(2026, 7, 27), body="Ông Đặng Văn Dũng")
    row = cached(db, case_id)
    assert (row["status"], row["due_on"], row["due_key"], row["is_open"], row["closed_on"]) == (
        "notified", None, None, 1, None)

    act(db, case_id, "close", date(2026, 7, 31))
    row = cached(db, case_id)
    assert (row["status"], row["due_on"], row["due_key"], row["is_open"], row["closed_on"]) == (
        "closed", None, None, 0, "2026-07-31")
    act(db, case_id, "note", date(2026, 8, 5), note="Lưu hồ sơ")  # closed_on stays put
    assert (cached(db, case_id)["status"], cached(db, case_id)["closed_on"]) == (
        "closed", "2026-07-31")

    events = case_events(db, case_id)
    assert [(e.action, e.status_after, e.occurred_on, e.officer) for e in events] == [
        ("receive", "received", "2026-07-01", OFFICER),
        ("accept", "accepted", "2026-07-06", OFFICER),
        ("verify", "verifying", "2026-07-10", OFFICER),
        ("dialogue", "dialogue", "2026-07-17", OFFICER),
        ("decide", "decided", "2026-07-24", CHAIR),
        ("notify", "notified", "2026-07-27", OFFICER),
        ("close", "closed", "2026-07-31", OFFICER),
        ("note", "closed", "2026-08-05", OFFICER),
    ]
    assert [e.entered_at for e in events[1:]] == [
        f"{e.occurred_on}T16:00:00" for e in events[1:]]
    assert events[4].doc_no == "15/QĐ-UBND"
    assert events[4].label == lifecycle.ACTIONS["decide"].label
    assert db.execute("SELECT version FROM cases WHERE id = ?", [case_id]).fetchone()[0] == 8

    done = milestones(db, case_id, date(2026, 12, 31))
    assert {k: (m.milestone.due_on, m.done, m.overdue) for k, m in done.items()
            if k in ("complaint_acceptance", "complaint_resolution", "send_decision")} == {
        "complaint_acceptance": (date(2026, 7, 10), True, False),
        "complaint_resolution": (date(2026, 8, 5), True, False),
        "send_decision": (date(2026, 7, 29), True, False)}
    assert all(m.done and not m.overdue for m in done.values())


@pytest.mark.parametrize(("received", "due", "rule_set", "period"), [
    # Law on Complaints art. 27: 10 days to accept; Law 136/2025/QH15 shortens it to 7 working
    # days for complaints received from 01/07/2026 (docs/legal.md, “Deadlines”).
    # Tue 30/06: 01, 02, 03, 06, 07, 08, 09, 10, 13, 14 → 14/07 (10 working days, old rules).
    (date(2026, 6, 30), "2026-07-14", OLD, 10),
    # Wed 01/07: 02, 03, 06, 07, 08, 09, 10 → 10/07 (7 working days, new rules).
    (date(2026, 7, 1), "2026-07-10", NEW, 7),
])
def test_complaint_acceptance_period_depends_on_the_day_received(db, received, due, rule_set,
                                                                 period):
    case_id = new_case(db, received=received)
    row = cached(db, case_id)
    assert (row["due_on"], row["rule_set"]) == (due, rule_set)
    # Under the old rules answering the visitor falls on the same day (10 working days too).
    assert row["due_key"] == ("complaint_acceptance" if rule_set == NEW else "answer_visitor")
    assert rule(rule_set, "complaint_acceptance")["period"] == period
    m = milestones(db, case_id, date(2026, 7, 2))["complaint_acceptance"]
    assert (m.milestone.due_on.isoformat(), m.done, m.overdue) == (due, False, False)
    assert milestones(db, case_id, date.fromisoformat(due))["complaint_acceptance"].overdue is False
    late = date(2026, 7, 15)
    assert milestones(db, case_id, late)["complaint_acceptance"].overdue is True
    act(db, case_id, "accept", date(2026, 7, 3))
    m = milestones(db, case_id, late)["complaint_acceptance"]
    assert (m.done, m.overdue) == (True, False)


@pytest.mark.parametrize(("accepted", "complexity", "remote", "due"), [
    (date(2026, 7, 6), 0, False, "2026-08-05"),  # Mon 06/07 + 30 days = Wed 05/08
    (date(2026, 7, 9), 0, False, "2026-08-10"),  # Thu 09/07 + 30 = Sat 08/08 → Mon 10/08
    (date(2026, 7, 6), 1, False, "2026-08-20"),  # complex: + 45 = Thu 20/08
    (date(2026, 7, 6), 0, True, "2026-08-20"),  # remote area: + 45 = Thu 20/08
    (date(2026, 7, 6), 1, True, "2026-09-04"),  # both: + 60 = Fri 04/09
])
def test_resolution_due_counts_from_the_accept_date(db, accepted, complexity, remote, due):
    """Law on Complaints art. 28: 30 days from acceptance, 45 if complex or remote, 60 if both."""
    if remote:
        db.execute("UPDATE office SET remote_area = 1")
    case_id = new_case(db)
    act(db, case_id, "accept", accepted)
    if complexity:
        set_complexity(db, case_id, complexity, occurred_on=date(2026, 7, 10), doc_no="5/QĐ",
                       officer_id=2, now=datetime(2026, 7, 10, 16))
    row = cached(db, case_id)
    assert (row["due_on"], row["due_key"], row["complexity"]) == (
        due, "complaint_resolution", complexity)
    assert bool(row["flags"] & FLAGS["complex"][0]) is bool(complexity)


def test_classify_keeps_eligibility_and_competence(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "classify", date(2026, 7, 2), data={"competent": False, "extra": "x"})
    [event] = [e for e in case_events(db, case_id) if e.action == "classify"]
    assert event.data == {"eligible": True, "competent": False}
    # Denunciation law art. 24(2): outside competence → transfer within 5 working days:
    # 02, 03, 06, 07, 08 → 08/07, which is now the earliest pending milestone.
    row = cached(db, case_id)
    assert (row["status"], row["due_on"], row["due_key"]) == (
        "classified", "2026-07-08", "denunciation_transfer")
    act(db, case_id, "transfer", date(2026, 7, 7), body="Thanh tra tỉnh Bắc Ninh")
    assert cached(db, case_id)["due_on"] is None


def test_competent_denunciation_has_no_transfer_milestone(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    m = milestones(db, case_id, date(2026, 7, 20))["denunciation_transfer"]
    assert (m.done, m.overdue) == (True, False)
    # Denunciation handling: 7 working days after 01/07 → 10/07.
    assert cached(db, case_id)["due_on"] == "2026-07-10"
    assert cached(db, case_id)["due_key"] == "denunciation_handling"


def test_denunciation_acceptance_notice_is_due_then_done(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "accept", date(2026, 7, 6))
    # Denunciation law art. 29(3): notify within 5 working days: 07, 08, 09, 10, 13 → 13/07.
    row = cached(db, case_id)
    assert (row["due_on"], row["due_key"]) == ("2026-07-13", "denunciation_acceptance_notice")
    assert case_ids(db, "overdue", date(2026, 7, 14)).tolist() == [case_id]
    act(db, case_id, "notify_acceptance", date(2026, 7, 8))
    row = cached(db, case_id)
    # Denunciation law art. 30: 30 days from acceptance: 06/07 + 30 = Wed 05/08.
    assert (row["status"], row["due_on"], row["due_key"]) == (
        "accepted", "2026-08-05", "denunciation_resolution")
    assert case_ids(db, "overdue", date(2026, 7, 14)).tolist() == []


# ---------------------------------------------------------------- what is refused


def test_closing_a_case_never_decided_is_refused(db):
    case_id = new_case(db)
    refused(db, lambda: act(db, case_id, "close", date(2026, 7, 2)),
            messages.CASE_ACTION_NOT_NOW.format(
                action="Kết thúc vụ việc", status="Đã tiếp nhận",
                allowed="Đã có quyết định/kết luận, Đã gửi/thông báo kết quả"))


def test_deciding_a_case_never_accepted_is_refused(db):
    case_id = new_case(db)
    refused(db, lambda: act(db, case_id, "decide", date(2026, 7, 2), doc_no="1/QĐ"),
            messages.CASE_ACTION_NOT_NOW.format(
                action="Ban hành quyết định/kết luận", status="Đã tiếp nhận",
                allowed="Đã thụ lý, Đang xác minh, Đã đối thoại"))


def test_unknown_action_is_refused(db):
    case_id = new_case(db)
    refused(db, lambda: act(db, case_id, "approve", date(2026, 7, 2)),
            messages.CASE_ACTION_UNKNOWN.format(action="approve"))


def test_dialogue_on_a_denunciation_is_refused(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "dialogue", date(2026, 7, 8)),
            messages.CASE_ACTION_WRONG_KIND.format(action="Đối thoại", kind="tố cáo"))


@pytest.mark.parametrize(("kind", "action"), [
    (PetitionKind.KHIEU_NAI, "extend"), (PetitionKind.KIEN_NGHI, "reopen"),
    (PetitionKind.PHAN_ANH, "dialogue")])
def test_actions_of_another_kind_are_refused(db, kind, action):
    case_id = new_case(db, kind)
    refused(db, lambda: act(db, case_id, action, date(2026, 7, 2)),
            messages.CASE_ACTION_WRONG_KIND.format(action=lifecycle.ACTIONS[action].label,
                                                   kind=PETITION_KIND_LABELS[kind].lower()))


def test_record_event_on_a_missing_case(db):
    refused(db, lambda: act(db, 999, "accept", date(2026, 7, 2)),
            messages.CASE_MISSING.format(id=999))


def test_future_date_is_refused(db):
    case_id = new_case(db)
    refused(db, lambda: record_event(db, case_id, "accept", occurred_on=date(2026, 7, 3),
                                     officer_id=1, now=datetime(2026, 7, 2, 23, 59)),
            messages.CASE_DATE_FUTURE.format(day="03/07/2026"), field="occurred_on")


def test_date_before_the_case_was_opened_is_refused(db):
    case_id = new_case(db)
    refused(db, lambda: act(db, case_id, "accept", date(2026, 6, 30)),
            messages.CASE_DATE_BEFORE_OPENING.format(day="30/06/2026", opened="01/07/2026"),
            field="occurred_on")
    refused(db, lambda: add_note(db, case_id, "ghi chú", now=datetime(2026, 6, 30, 8)),
            messages.CASE_DATE_BEFORE_OPENING.format(day="30/06/2026", opened="01/07/2026"),
            field="occurred_on")


def test_step_dated_before_the_previous_step_is_refused(db):
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "verify", date(2026, 7, 3)),
            messages.CASE_DATE_BEFORE_LAST_STEP.format(
                day="03/07/2026", last="06/07/2026", step="thụ lý giải quyết"),
            field="occurred_on")
    # A note about the file may still carry an earlier date.
    record_event(db, case_id, "note", occurred_on=date(2026, 7, 3), note="Bổ sung tài liệu",
                 now=datetime(2026, 7, 6, 17))


def test_decide_without_a_document_number_is_refused(db):
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "decide", date(2026, 7, 20), doc_no="   "),
            messages.CASE_DECISION_NUMBER_REQUIRED, field="doc_no")


@pytest.mark.parametrize("action", ["transfer", "guide"])
def test_transfer_or_guide_without_a_body_is_refused(db, action):
    case_id = new_case(db, PetitionKind.KIEN_NGHI)
    refused(db, lambda: act(db, case_id, action, date(2026, 7, 2), body=" \t "),
            messages.CASE_BODY_REQUIRED, field="body")


def test_extension_of_an_ordinary_denunciation_is_refused(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "extend", date(2026, 7, 20)),
            messages.CASE_EXTENSION_LIMIT.format(level="thông thường", count=0))


@pytest.mark.parametrize(("complexity", "level", "dues"), [
    # Denunciation law art. 30: 30 days from acceptance (06/07 → Wed 05/08), + 30 per extension;
    # complex: once (06/07 + 60 = Fri 04/09); especially complex: twice (06/07 + 90 = Sun 04/10
    # → Mon 05/10).
    (1, "phức tạp", [date(2026, 8, 5), date(2026, 9, 4)]),
    (2, "đặc biệt phức tạp", [date(2026, 8, 5), date(2026, 9, 4), date(2026, 10, 5)]),
])
def test_extensions_of_a_denunciation_up_to_the_limit(db, complexity, level, dues):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "accept", date(2026, 7, 6))
    set_complexity(db, case_id, complexity, occurred_on=date(2026, 7, 7), doc_no="7/QĐ",
                   now=datetime(2026, 7, 7, 16))

    def due():
        return milestones(db, case_id, date(2026, 8, 1))["denunciation_resolution"].milestone.due_on

    seen = [due()]
    for n in range(complexity):
        act(db, case_id, "extend", date(2026, 7, 20 + n), doc_no=f"{n + 8}/QĐ")
        seen.append(due())
    assert seen == dues
    refused(db, lambda: act(db, case_id, "extend", date(2026, 7, 28)),
            messages.CASE_EXTENSION_LIMIT.format(level=level, count=complexity))


def test_flags_notes_and_complexity_are_checked(db):
    case_id = new_case(db)
    refused(db, lambda: set_flag(db, case_id, "loud", True, now=datetime(2026, 7, 2, 9)),
            messages.CASE_FLAG_UNKNOWN.format(flag="loud", choices=", ".join(FLAGS)))
    refused(db, lambda: set_complexity(db, case_id, 3, occurred_on=date(2026, 7, 2),
                                       now=datetime(2026, 7, 2, 9)),
            messages.CASE_COMPLEXITY_UNKNOWN.format(level=3))
    refused(db, lambda: add_note(db, case_id, "  ", now=datetime(2026, 7, 2, 9)),
            messages.CASE_NOTE_EMPTY, field="note")


def test_flags_toggle_bits_and_notes_are_events(db):
    case_id = new_case(db)
    set_flag(db, case_id, "hot_spot", True, officer_id=2, now=datetime(2026, 7, 2, 9))
    set_flag(db, case_id, "vulnerable", True, now=datetime(2026, 7, 2, 9))
    assert cached(db, case_id)["flags"] == 16 | 32
    set_flag(db, case_id, "hot_spot", False, now=datetime(2026, 7, 3, 9))
    assert cached(db, case_id)["flags"] == 32
    add_note(db, case_id, "  Người khiếu nại  bổ sung hồ sơ ", now=datetime(2026, 7, 3, 10))
    last = case_events(db, case_id)[-1]
    assert (last.action, last.note, last.status_after) == (
        "note", "Người khiếu nại bổ sung hồ sơ", "received")
    assert cached(db, case_id)["status"] == "received"


def test_assign_sets_the_assignee(db):
    case_id = new_case(db)
    act(db, case_id, "assign", date(2026, 7, 2), data={"officer_id": 2})
    assert cached(db, case_id)["assignee_id"] == 2
    assert case_detail(db, case_id, date(2026, 7, 2)).assignee == CHAIR


# ---------------------------------------------------------------- transfers


def _transferred_then_back(db, kind):
    """A petition transferred on Thu 02/07; the same content brought again on Mon 13/07 and the
    old file folded into the new case."""
    first = new_case(db, kind)
    act(db, first, "transfer", date(2026, 7, 2), body="Sở Xây dựng tỉnh Bắc Ninh",
        doc_no="4/UBND-TCD")
    again = visit(db, kind, date(2026, 7, 13))
    old_petition = db.execute("SELECT id FROM petitions WHERE case_id = ?", [first]).fetchone()[0]
    attach_petition(db, old_petition, again.case_ids[0], officer_id=1,
                    now=datetime(2026, 7, 13, 10))
    assert cached(db, first)["status"] == "merged"
    return again.case_ids[0]


def test_second_transfer_needs_confirmation(db):
    case_id = _transferred_then_back(db, PetitionKind.KIEN_NGHI)
    error = refused(db, lambda: act(db, case_id, "transfer", date(2026, 7, 14),
                                    body="Sở Tài chính tỉnh Bắc Ninh"),
                    messages.CASE_REPEAT_TRANSFER.format(
                        count=1, day="02/07/2026", body="Sở Xây dựng tỉnh Bắc Ninh"))
    assert isinstance(error, RepeatTransfer)
    act(db, case_id, "transfer", date(2026, 7, 14), body="Sở Tài chính tỉnh Bắc Ninh",
        confirm_repeat=True)
    row = cached(db, case_id)
    assert (row["status"], row["waiting_since"]) == ("transferred", "2026-07-14")
    assert [e.body for e in case_events(db, case_id) if e.action == "transfer"] == [
        "Sở Tài chính tỉnh Bắc Ninh"]


def test_denunciation_is_transferred_only_once_even_when_confirmed(db):
    case_id = _transferred_then_back(db, PetitionKind.TO_CAO)
    message = messages.CASE_DENUNCIATION_TRANSFERRED.format(
        day="02/07/2026", body="Sở Xây dựng tỉnh Bắc Ninh")
    for confirm in (False, True):
        error = refused(db, lambda c=confirm: act(db, case_id, "transfer", date(2026, 7, 14),
                                                  body="Thanh tra tỉnh", confirm_repeat=c),
                        message)
        assert not isinstance(error, RepeatTransfer)  # no "confirm to continue" for this one
    assert cached(db, case_id)["status"] == "received"


def test_first_transfer_needs_no_confirmation(db):
    case_id = new_case(db, PetitionKind.TO_CAO)
    act(db, case_id, "transfer", date(2026, 7, 3), body="Thanh tra tỉnh Bắc Ninh")
    assert cached(db, case_id)["status"] == "transferred"
    assert cases.prior_transfers(db, case_id) == [("2026-07-03", "Thanh tra tỉnh Bắc Ninh", "")]


# ---------------------------------------------------------------- suspension


def test_suspension_pauses_the_resolution_and_resume_pushes_it(db):
    """Law 136/2025 art. 11a: suspension stops the clock; it restarts from the decision to
    continue. Accepted Mon 06/07 → due Wed 05/08 (30 days)."""
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    act(db, case_id, "verify", date(2026, 7, 10))
    assert cached(db, case_id)["due_on"] == "2026-08-05"

    act(db, case_id, "suspend", date(2026, 7, 16), doc_no="9/QĐ-TĐC")
    row = cached(db, case_id)
    # While suspended, what is due is sending the suspension decision: 3 working days from
    # Thu 16/07 (Decree 155/2026 art. 28b(1)): Fri 17, Mon 20, Tue 21/07.
    assert (row["status"], row["is_open"], row["due_on"], row["due_key"]) == (
        "suspended", 1, "2026-07-21", "send_suspension")
    m = milestones(db, case_id, date(2026, 7, 20))["complaint_resolution"]
    assert (m.milestone.due_on, m.milestone.paused, m.done, m.overdue) == (None, True, False, False)
    assert lifecycle.available_actions("suspended", "khieu_nai") == (
        "withdraw", "send_suspension", "resume")
    act(db, case_id, "send_suspension", date(2026, 7, 17), doc_no="9/QĐ-TĐC")
    assert cached(db, case_id)["due_on"] is None

    act(db, case_id, "resume", date(2026, 7, 24))
    row = cached(db, case_id)
    # 07/07–15/07 counted (9 days); 16/07–24/07 stopped (9 days); the 21 days left run from
    # 25/07 → Fri 14/08, i.e. 05/08 pushed by the 9 suspended days.
    assert (row["status"], row["due_on"], row["due_key"]) == (
        "verifying", "2026-08-14", "complaint_resolution")
    assert [e.status_after for e in case_events(db, case_id)][-2:] == ["suspended", "verifying"]


def test_resume_from_accepted_goes_back_to_accepted(db):
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    act(db, case_id, "suspend", date(2026, 7, 7))
    act(db, case_id, "send_suspension", date(2026, 7, 7))
    act(db, case_id, "resume", date(2026, 7, 8))
    # 0 days used before 07/07; 07/07–08/07 stopped; 30 days from 08/07 → Fri 07/08.
    assert (cached(db, case_id)["status"], cached(db, case_id)["due_on"]) == (
        "accepted", "2026-08-07")


def test_suspension_before_law_136_does_not_stop_the_clock(db):
    """The pre-2026 rule set stops the clock only for suspensions from 01/07/2026 (Decree
    155/2026 art. 22(1)): one from 20/06 leaves the due date where it was."""
    case_id = new_case(db, received=date(2026, 6, 10))
    act(db, case_id, "accept", date(2026, 6, 15))
    act(db, case_id, "suspend", date(2026, 6, 20))
    row = cached(db, case_id)
    # Accepted Mon 15/06 + 30 = Wed 15/07/2026, suspension or not; no suspension decision to
    # send before 01/07/2026.
    assert (row["status"], row["due_on"], row["rule_set"]) == ("suspended", "2026-07-15", OLD)
    assert rule(OLD, "complaint_resolution")["pause_from"] == "2026-07-01"
    assert rule(NEW, "complaint_resolution")["pausable"] is True


def test_old_complaint_suspended_from_july_2026_stops_the_clock(db):
    """Decree 155/2026 art. 22(1): received 30/06 (old rules), accepted Mon 06/07, suspended
    Thu 16/07: the clock stops as under the new rules."""
    case_id = new_case(db, received=date(2026, 6, 30))
    act(db, case_id, "accept", date(2026, 7, 6))
    act(db, case_id, "suspend", date(2026, 7, 16))
    row = cached(db, case_id)
    assert (row["due_on"], row["due_key"], row["rule_set"]) == (
        "2026-07-21", "send_suspension", OLD)
    m = milestones(db, case_id, date(2026, 7, 20))["complaint_resolution"]
    assert m.milestone.paused and m.milestone.due_on is None


def test_suspend_and_resume_only_when_they_make_sense(db):
    case_id = new_case(db)
    refused(db, lambda: act(db, case_id, "suspend", date(2026, 7, 2)),
            messages.CASE_ACTION_NOT_NOW.format(
                action="Tạm đình chỉ giải quyết", status="Đã tiếp nhận",
                allowed="Đã thụ lý, Đang xác minh, Đã đối thoại"))
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "resume", date(2026, 7, 7)),
            messages.CASE_ACTION_NOT_NOW.format(
                action="Tiếp tục giải quyết", status="Đã thụ lý", allowed="Tạm đình chỉ"))
    act(db, case_id, "suspend", date(2026, 7, 7))
    act(db, case_id, "withdraw", date(2026, 7, 9))
    row = cached(db, case_id)
    assert (row["status"], row["is_open"], row["closed_on"], row["due_on"]) == (
        "withdrawn", 0, "2026-07-09", None)


# ---------------------------------------------------------------- second instance


def _decided_complaint(db, close=True) -> int:
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    act(db, case_id, "decide", date(2026, 7, 20), doc_no="15/QĐ-UBND")
    if close:
        act(db, case_id, "close", date(2026, 7, 24))
    # Complaints Law art. 33: the complainant received the decision on Wed 22/07/2026.
    act(db, case_id, "decision_received", date(2026, 7, 22))
    return case_id


def test_reopen_starts_the_second_instance(db):
    case_id = _decided_complaint(db)
    act(db, case_id, "reopen", date(2026, 8, 3), note="Không đồng ý quyết định lần đầu")
    row = cached(db, case_id)
    assert (row["status"], row["instance"], row["is_open"], row["closed_on"]) == (
        "reopened", 2, 1, None)
    # The first instance's deadlines were all met: reopening must not make the case overdue.
    assert not [k for k, m in milestones(db, case_id, date(2026, 8, 3)).items() if m.overdue]
    assert row["due_on"] is None or row["due_on"] >= "2026-08-03"
    assert case_ids(db, "overdue", date(2026, 8, 3)).tolist() == []

    act(db, case_id, "accept", date(2026, 8, 5))
    row = cached(db, case_id)
    second = rule(NEW, "complaint_resolution_2")
    assert (second["period"], second["days"], second["when"]) == (45, "calendar", {"instance": 2})
    # Law on Complaints art. 37: 45 days from acceptance: Wed 05/08 + 45 = Sat 19/09 → Mon 21/09.
    assert (row["status"], row["due_on"], row["due_key"]) == (
        "accepted", "2026-09-21", "complaint_resolution_2")
    keys = milestones(db, case_id, date(2026, 8, 5))
    assert "complaint_resolution" not in keys
    # The citizen's window counts from the day the first decision was received (art. 33:
    # 22/07 + 30 = Fri 21/08); it is informational and never makes the case overdue.
    window = keys["second_complaint_window"]
    assert (window.milestone.due_on, window.overdue) == (date(2026, 8, 21), False)
    assert "second_complaint_window" not in cases.DONE_BY


def test_second_instance_decision_is_sent_within_7_calendar_days(db):
    case_id = _decided_complaint(db, close=False)
    act(db, case_id, "reopen", date(2026, 8, 3))
    act(db, case_id, "accept", date(2026, 8, 5))
    set_complexity(db, case_id, 1, occurred_on=date(2026, 8, 6), now=datetime(2026, 8, 6, 9))
    # Complex second instance: 60 days: 05/08 + 60 = Sun 04/10 → Mon 05/10.
    assert cached(db, case_id)["due_on"] == "2026-10-05"
    act(db, case_id, "decide", date(2026, 9, 25), doc_no="30/QĐ-UBND")
    # Art. 41(1): "07 ngày" (calendar) after Fri 25/09 → Fri 02/10/2026, a working day.
    row = cached(db, case_id)
    assert (row["due_on"], row["due_key"], row["instance"]) == ("2026-10-02", "send_decision", 2)
    # The window for the second complaint still counts from the first decision's receipt
    # (22/07 + 30 = Fri 21/08).
    window = milestones(db, case_id, date(2026, 9, 25))["second_complaint_window"]
    assert window.milestone.due_on == date(2026, 8, 21)
    assert rule(NEW, "send_decision")["variants"][0]["period"] == 7


def test_reopen_only_after_a_decision(db):
    case_id = new_case(db)
    act(db, case_id, "accept", date(2026, 7, 6))
    refused(db, lambda: act(db, case_id, "reopen", date(2026, 7, 7)),
            messages.CASE_ACTION_NOT_NOW.format(
                action="Khiếu nại lần hai", status="Đã thụ lý",
                allowed="Đã có quyết định/kết luận, Đã gửi/thông báo kết quả, Đã kết thúc"))


# ---------------------------------------------------------------- cached state


def _assorted(db) -> list[int]:
    made = [new_case(db)]  # received
    made.append(_decided_complaint(db))  # closed
    made.append(new_case(db, PetitionKind.TO_CAO, who=person("Hà Thị Mai", serial=11)))
    act(db, made[-1], "accept", date(2026, 7, 6))
    act(db, made[-1], "suspend", date(2026, 7, 8))
    made.append(new_case(db, PetitionKind.KIEN_NGHI, outcome=Outcome.TRANSFERRED,
                         outcome_body="Sở Xây dựng"))
    made.append(new_case(db, PetitionKind.PHAN_ANH, received=date(2026, 6, 15),
                         crowd_size=6, representatives=(person("Phạm Văn Tư", serial=43),)))
    act(db, made[-1], "classify", date(2026, 6, 16))
    act(db, made[-1], "assign", date(2026, 6, 16), data={"officer_id": 2})
    set_complexity(db, made[-1], 2, occurred_on=date(2026, 6, 17), now=datetime(2026, 6, 17))
    return made


def test_recompute_all_matches_refreshing_case_by_case(db):
    made = _assorted(db)
    expected = {c: cached(db, c) for c in made}
    assert {r["status"] for r in expected.values()} == {
        "received", "closed", "suspended", "transferred", "classified"}
    db.execute("UPDATE cases SET status = 'received', is_open = 1, due_on = '2000-01-01',"
               " due_key = 'x', closed_on = NULL, waiting_since = NULL, instance = 1,"
               " complexity = 0, flags = 0, rule_set = NULL, assignee_id = NULL")
    seen = []
    assert recompute_all(db, date(2026, 8, 1), progress=lambda d, t: seen.append((d, t)),
                         batch=2) == len(made)
    assert {c: cached(db, c) for c in made} == expected
    assert seen and seen[-1][1] == len(made) and all(d <= t for d, t in seen)
    assert db.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone() == ("0",)
    db.execute("UPDATE cases SET due_on = NULL, status = 'x'")
    for c in made:
        refresh_case(db, c, date(2026, 8, 1))
    assert {c: cached(db, c) for c in made} == expected


# ---------------------------------------------------------------- the case page


def test_case_detail_masks_the_denouncer_unless_revealed(db):
    who = person("Âu Dương Phong", serial=77, phone="0987654321")
    case_id = new_case(db, PetitionKind.TO_CAO, who=who)
    masked = case_detail(db, case_id, date(2026, 7, 2))
    assert masked.masked is True
    assert (masked.person_name, masked.person_id_number, masked.person_address,
            masked.person_phone) == (messages.MASKED_NAME, messages.MASKED_VALUE,
                                     messages.MASKED_VALUE, messages.MASKED_VALUE)
    assert "Âu Dương Phong" not in repr(masked)
    shown = case_detail(db, case_id, date(2026, 7, 2), reveal=True)
    assert shown.masked is False
    assert (shown.person_name, shown.person_id_number, shown.person_phone) == (
        "Âu Dương Phong", who.id_number, "0987654321")
    assert shown.person_address.startswith(who.address)
    [row] = case_rows(db, [case_id])
    assert (row.person_name, row.masked) == (messages.MASKED_NAME, True)


def test_case_detail_of_a_missing_case(db):
    with pytest.raises(DeskError) as caught:
        case_detail(db, 4242, date(2026, 7, 2))
    assert caught.value.message == messages.CASE_MISSING.format(id=4242)


def test_case_detail_of_a_complaint_shows_everything(db):
    case_id = new_case(db, who=person("Bùi Thị Lan", serial=5))
    act(db, case_id, "accept", date(2026, 7, 6))
    detail = case_detail(db, case_id, date(2026, 7, 6))
    assert (detail.person_name, detail.masked, detail.status, detail.status_label) == (
        "Bùi Thị Lan", False, "accepted", "Đã thụ lý")
    assert (detail.due_on, detail.opened_on, detail.instance, detail.complexity_label) == (
        "2026-08-05", "2026-07-01", 1, "Thông thường")
    assert [e.action for e in detail.events] == ["receive", "accept"]
    assert [p.summary for p in detail.petitions] == [SUMMARIES[PetitionKind.KHIEU_NAI]]
    # tests.support lists DocumentItem("Đơn kiến nghị", 2, "bản gốc"): condition "bản gốc",
    # copy = original.
    assert detail.documents == ("Đơn kiến nghị — 2 trang, bản gốc, bản gốc",)
    assert detail.issued and detail.issued[0][1] == "bien_nhan_02"
    assert "decide" in detail.actions and "close" not in detail.actions
    assert detail.actions == lifecycle.available_actions("accepted", "khieu_nai")
    assert case_rows(db, [case_id, 12345])[0].person_name == "Bùi Thị Lan"


def test_every_case_of_a_denouncing_visit_is_masked(db):
    """As in the log (test_denouncer_protection): the other petition of a visit that brought a
    denunciation does not show who came either, on the case page or in the case list."""
    reg = visit(db, who=person("Âu Dương Phong", serial=77), parts=(
        PetitionPart(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị cấp sổ đỏ thửa đất số 77"),
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền khi làm sổ đỏ")))
    for case_id in reg.case_ids:
        assert case_detail(db, case_id, date(2026, 7, 2)).person_name == messages.MASKED_NAME
    assert [r.person_name for r in case_rows(db, list(reg.case_ids))] == [
        messages.MASKED_NAME] * 2


@pytest.mark.parametrize(("due", "today", "is_open", "expected"), [
    ("2026-07-10", date(2026, 7, 13), True, (messages.DUE_OVERDUE.format(days=3), True)),
    ("2026-07-10", date(2026, 7, 10), True, (messages.DUE_TODAY, False)),
    ("2026-07-10", date(2026, 7, 8), True, (messages.DUE_IN.format(days=2), False)),
    ("2026-07-10", date(2026, 7, 13), False, ("", False)),
    (None, date(2026, 7, 13), True, ("", False)),
])
def test_due_text(due, today, is_open, expected):
    assert due_text(due, today, is_open) == expected
