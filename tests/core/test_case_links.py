"""Repeat matters (docs/legal.md, “Repeat matters”): likely duplicates, attaching a petition to an existing case,
splitting it out again; petitions, visits and events are never lost."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk_app import messages
from desk_app.core.cases.links import (
    attach_petition,
    candidates_for_petition,
    duplicate_candidates,
    similarity,
    split_petition,
)
from desk_app.core.cases.tracking import case_events, record_event
from desk_app.core.cases.view import case_detail
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome, PetitionKind, PetitionPart
from desk_app.core.reception.intake import register_visit
from tests.support import form, person, snapshot

LAND = "Khiếu nại quyết định thu hồi đất thửa số 45 tờ bản đồ 12 phường Nhân Hòa"
LAND_AGAIN = "Khiếu nại việc thu hồi đất thửa 45 tờ bản đồ 12"
NOISE = "Phản ánh tiếng ồn xưởng gỗ lúc nửa đêm"
ADDRESS = "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"  # tests.support.person's address


def visit(db, who, summary, received=date(2026, 7, 1), kind=PetitionKind.KHIEU_NAI, **changes):
    return register_visit(db, form(who, received_at=datetime.combine(received, time(9)),
                                   parts=(PetitionPart(kind, "dat_dai", summary),), **changes),
                          datetime.combine(received, time(17)))


def case_of(db, petition_id):
    return db.execute("SELECT case_id FROM petitions WHERE id = ?", [petition_id]).fetchone()[0]


def case_row(db, case_id):
    return db.execute("SELECT status, is_open, merged_into, closed_on FROM cases WHERE id = ?",
                      [case_id]).fetchone()


def refused(db, call, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.message == message
    assert snapshot(db) == before


# ---------------------------------------------------------------- candidates


def test_similarity_ignores_case_tones_and_filler_words():
    # Content words of LAND once folded and filler ("khieu nai", "so", "viec") removed:
    # quyet dinh thu hoi dat thua 45 to ban do 12 phuong nhan hoa (14); of LAND_AGAIN:
    # thu hoi dat thua 45 to ban do 12 (9), all shared → 9 / 14. "to" (tờ) and "dinh" (định)
    # stay: they fold like "tố", "đình" but carry content.
    assert similarity(LAND, LAND_AGAIN) == pytest.approx(9 / 14)
    assert similarity("KHIẾU NẠI THU HỒI ĐẤT", "khieu nai thu hoi dat") == 1.0
    assert similarity(LAND, NOISE) == 0.0
    assert similarity("đề nghị về việc", LAND) == 0.0  # nothing but filler words


def test_same_person_with_similar_content_is_a_candidate(db):
    first = visit(db, person(), LAND)
    later = visit(db, person(), LAND_AGAIN, received=date(2026, 7, 13))
    assert later.person_id == first.person_id
    found = duplicate_candidates(db, person_id=later.person_id, summary=LAND_AGAIN,
                                 kind="khieu_nai", exclude_case=later.case_ids[0])
    assert [c.case_id for c in found] == [first.case_ids[0]]
    [c] = found
    assert (c.same_person, c.kind, c.status, c.opened_on, c.person_name) == (
        True, "khieu_nai", "received", "2026-07-01", "Đặng Văn Dũng")
    assert c.similarity == round(9 / 14 + 0.1, 2)  # same kind adds 0.1
    assert [c.case_id for c in candidates_for_petition(db, later.petition_ids[0])] == [
        first.case_ids[0]]
    assert [c.case_id for c in candidates_for_petition(db, first.petition_ids[0])] == [
        later.case_ids[0]]


def test_dissimilar_content_of_the_same_person_is_not_a_candidate(db):
    first = visit(db, person(), NOISE, kind=PetitionKind.PHAN_ANH)
    assert duplicate_candidates(db, person_id=first.person_id, summary=LAND) == []


def test_namesake_at_another_address_is_not_a_candidate(db):
    first = visit(db, person(), LAND)
    namesake = visit(db, person(serial=9999, dob=date(1975, 1, 1),
                                address="Thôn Đông, xã Tiên Du, tỉnh Bắc Ninh"),
                     LAND, received=date(2026, 7, 13))
    assert namesake.person_id != first.person_id
    assert duplicate_candidates(db, person_id=namesake.person_id, summary=LAND,
                                exclude_case=namesake.case_ids[0]) == []
    assert candidates_for_petition(db, namesake.petition_ids[0]) == []


def test_same_name_and_address_without_the_same_card_is_a_candidate(db):
    """Same name and address (e.g. the card was not shown the second time) counts as the same
    person, but is reported as a different record."""
    first = visit(db, person(), LAND)
    other = visit(db, person(serial=5555, address=ADDRESS), LAND, received=date(2026, 7, 13))
    assert other.person_id != first.person_id
    [c] = candidates_for_petition(db, other.petition_ids[0])
    assert (c.case_id, c.same_person) == (first.case_ids[0], False)


def test_open_cases_come_before_closed_ones(db):
    closed = visit(db, person(), LAND, outcome=Outcome.GUIDED, outcome_body="Tòa án nhân dân")
    still_open = visit(db, person(), LAND, received=date(2026, 7, 2))
    found = duplicate_candidates(db, person_id=closed.person_id, summary=LAND)
    assert [c.case_id for c in found] == [still_open.case_ids[0], closed.case_ids[0]]
    assert [c.status for c in found] == ["received", "guided"]


def test_candidates_of_a_missing_petition(db):
    with pytest.raises(DeskError) as caught:
        candidates_for_petition(db, 404)
    assert caught.value.message == messages.RECORD_MISSING.format(id=404)
    assert duplicate_candidates(db, person_id=404, summary=LAND) == []


# ---------------------------------------------------------------- attach and split


def test_attach_moves_the_petition_and_merges_the_emptied_case(db):
    first = visit(db, person(), LAND)
    later = visit(db, person(), LAND_AGAIN, received=date(2026, 7, 13))
    target, emptied = first.case_ids[0], later.case_ids[0]
    petition = later.petition_ids[0]
    attach_petition(db, petition, target, officer_id=2, now=datetime(2026, 7, 14, 10))
    assert case_of(db, petition) == target
    assert db.execute("SELECT version FROM petitions WHERE id = ?", [petition]).fetchone()[0] == 2
    got = case_events(db, target)[-1]
    assert (got.action, got.occurred_on, got.officer, got.data, got.status_after) == (
        "attach", "2026-07-14", "Lê Văn Dũng", {"from_case": emptied, "petition_id": petition},
        "received")
    gone = case_events(db, emptied)[-1]
    assert (gone.action, gone.status_after, gone.data) == (
        "merge", "merged", {"into_case": target, "petition_id": petition})
    assert case_row(db, emptied) == ("merged", 0, target, "2026-07-14")
    assert case_row(db, target) == ("received", 1, None, None)
    detail = case_detail(db, emptied, date(2026, 7, 14))
    assert (detail.merged_into, detail.petitions, detail.status_label) == (
        target, (), "Đã gộp vào vụ việc khác")
    assert [p.id for p in case_detail(db, target, date(2026, 7, 14)).petitions] == [
        first.petition_ids[0], petition]
    # A merged case is neither a candidate nor a target any more.
    assert [c.case_id for c in candidates_for_petition(db, first.petition_ids[0])] == []
    refused(db, lambda: attach_petition(db, first.petition_ids[0], emptied,
                                        now=datetime(2026, 7, 14, 11)),
            messages.CASE_TARGET_MERGED.format(case=emptied))


def test_attach_from_a_case_that_keeps_other_petitions_detaches(db):
    a, b, c = (visit(db, person(), LAND, received=date(2026, 7, d)) for d in (1, 2, 3))
    attach_petition(db, b.petition_ids[0], a.case_ids[0], now=datetime(2026, 7, 6, 9))
    assert db.execute("SELECT COUNT(*) FROM petitions WHERE case_id = ?",
                      [a.case_ids[0]]).fetchone()[0] == 2
    attach_petition(db, b.petition_ids[0], c.case_ids[0], now=datetime(2026, 7, 7, 9))
    last = case_events(db, a.case_ids[0])[-1]
    assert (last.action, last.data) == ("detach", {"petition_id": b.petition_ids[0],
                                                   "to_case": c.case_ids[0]})
    assert case_row(db, a.case_ids[0]) == ("received", 1, None, None)
    assert case_of(db, b.petition_ids[0]) == c.case_ids[0]


def test_attach_is_refused_when_it_makes_no_sense(db):
    first = visit(db, person(), LAND)
    later = visit(db, person(), LAND_AGAIN, received=date(2026, 7, 13))
    other_kind = visit(db, person(), LAND, kind=PetitionKind.KIEN_NGHI)
    now = datetime(2026, 7, 14, 10)
    refused(db, lambda: attach_petition(db, later.petition_ids[0], other_kind.case_ids[0],
                                        now=now), messages.CASE_KIND_MISMATCH)
    refused(db, lambda: attach_petition(db, first.petition_ids[0], first.case_ids[0], now=now),
            messages.CASE_ALREADY_ATTACHED.format(case=first.case_ids[0]))
    refused(db, lambda: attach_petition(db, first.petition_ids[0], 999, now=now),
            messages.CASE_MISSING.format(id=999))
    refused(db, lambda: attach_petition(db, 999, first.case_ids[0], now=now),
            messages.RECORD_MISSING.format(id=999))


def test_split_gives_the_petition_a_new_case(db):
    first = visit(db, person(), LAND)
    later = visit(db, person(), LAND_AGAIN, received=date(2026, 7, 13))
    record_event(db, first.case_ids[0], "accept", occurred_on=date(2026, 7, 6),
                 now=datetime(2026, 7, 6, 16))
    attach_petition(db, later.petition_ids[0], first.case_ids[0], now=datetime(2026, 7, 14, 9))
    new = split_petition(db, later.petition_ids[0], officer_id=1, now=datetime(2026, 7, 15, 9))
    assert new not in (first.case_ids[0], later.case_ids[0])
    assert case_of(db, later.petition_ids[0]) == new
    row = db.execute("SELECT kind, topic, title, status, opened_on, person_id, due_on, due_key,"
                     " is_open FROM cases WHERE id = ?", [new]).fetchone()
    # Opened on the petition's own receipt (Mon 13/07): acceptance due 7 working days later:
    # 14, 15, 16, 17, 20, 21, 22 → 22/07.
    assert row == ("khieu_nai", "dat_dai", LAND_AGAIN, "received", "2026-07-13",
                   later.person_id, "2026-07-22", "complaint_acceptance", 1)
    [receive] = case_events(db, new)
    assert (receive.action, receive.occurred_on, receive.note, receive.data) == (
        "receive", "2026-07-13", messages.CASE_SPLIT_NOTE.format(case=first.case_ids[0]),
        {"petition_id": later.petition_ids[0], "from_case": first.case_ids[0]})
    detach = case_events(db, first.case_ids[0])[-1]
    assert (detach.action, detach.data) == ("detach", {"petition_id": later.petition_ids[0],
                                                       "to_case": new})
    # The case it left is untouched in its own progress.
    assert case_row(db, first.case_ids[0]) == ("accepted", 1, None, None)


def test_split_is_refused_for_the_only_petition_or_none(db):
    first = visit(db, person(), LAND)
    refused(db, lambda: split_petition(db, first.petition_ids[0], now=datetime(2026, 7, 2)),
            messages.CASE_ONLY_PETITION)
    turned_away = visit(db, person(), LAND, outcome=Outcome.REFUSED,
                        refusal_reason="trung_lap_da_tra_loi")
    refused(db, lambda: split_petition(db, turned_away.petition_ids[0],
                                       now=datetime(2026, 7, 2)),
            messages.CASE_NOTHING_TO_SPLIT)


def test_nothing_is_lost_by_attach_and_split(db):
    regs = [visit(db, person(), LAND, received=date(2026, 7, d)) for d in (1, 2, 3)]

    def rows(table, columns):
        return {r[0]: r for r in db.execute(f"SELECT {columns} FROM {table}")}

    petitions = rows("petitions", "id, uuid, visit_id, person_id, kind, summary, received_at")
    visits = rows("visits", "*")
    events = rows("case_events", "*")
    cases_before = rows("cases", "id, uuid")
    a, b, c = (r.case_ids[0] for r in regs)
    attach_petition(db, regs[1].petition_ids[0], a, now=datetime(2026, 7, 6, 9))  # b merged
    attach_petition(db, regs[2].petition_ids[0], a, now=datetime(2026, 7, 6, 10))  # c merged
    new = split_petition(db, regs[1].petition_ids[0], now=datetime(2026, 7, 7, 9))
    assert rows("petitions", "id, uuid, visit_id, person_id, kind, summary, received_at") == \
        petitions
    assert rows("visits", "*") == visits
    after = rows("case_events", "*")
    assert {k: after[k] for k in events} == events  # every earlier event, unchanged
    # Added: attach + merge, attach + merge, receive (new case) + detach.
    assert sorted(e[3] for k, e in after.items() if k not in events) == [
        "attach", "attach", "detach", "merge", "merge", "receive"]
    assert set(rows("cases", "id, uuid")) == set(cases_before) | {new}
    assert {case_of(db, p) for p in (regs[0].petition_ids[0], regs[2].petition_ids[0])} == {a}
    assert case_of(db, regs[1].petition_ids[0]) == new
    assert [case_row(db, x)[0] for x in (a, b, c, new)] == [
        "received", "merged", "merged", "received"]
