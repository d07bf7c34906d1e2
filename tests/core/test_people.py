"""Repeat visitors, and the numbering of log lines and receipts."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.core import catalog
from desk_app.core.model import IdKind, Outcome, PetitionKind, Sex
from desk_app.core.reception.people import OPEN_STATUSES, find_person
from tests.support import counts, part, person, register

CUONG = person("Phan Quốc Cường", dob=date(1958, 12, 1), serial=777, phone="0905111222",
               address="Thôn Đông, phường Nhân Hòa")
REASON = catalog.refusal_reasons()[0].code


def test_unknown_or_blank_id_finds_nobody(db):
    register(db, CUONG)
    assert find_person(db, "") is None
    assert find_person(db, "   ") is None
    assert find_person(db, CUONG.id_number[:-1] + "9") is None


def test_repeat_visit_reuses_person_and_keeps_phone(db):
    first = register(db, CUONG, received_at=datetime(2026, 11, 2, 9, 0))
    again = register(db, person("Phan Quốc Cường", dob=date(1958, 12, 1), serial=777, phone="",
                                address=""),
                     parts=(part(PetitionKind.KHIEU_NAI, "boi_thuong_gpmb",
                                 "Khiếu nại chưa nhận tiền bồi thường"),),
                     received_at=datetime(2026, 11, 16, 14, 0))
    assert again.person_id == first.person_id
    assert counts(db)["persons"] == 1
    phone, address, version = db.execute(
        "SELECT phone, address, version FROM persons WHERE id = ?", [first.person_id]).fetchone()
    assert phone == CUONG.phone
    assert address == CUONG.address
    assert version == 1  # nothing changed, so no new version


def test_repeat_visit_updates_changed_details(db):
    first = register(db, CUONG)
    register(db, person("Phan Quốc Cường", dob=date(1958, 12, 1), serial=777, phone="0905 111 333",
                        address=""))
    phone, address, version = db.execute(
        "SELECT phone, address, version FROM persons WHERE id = ?", [first.person_id]).fetchone()
    assert phone == "0905111333"
    assert address == CUONG.address
    assert version == 2


def test_same_number_of_another_kind_is_another_person(db):
    passport = person("Phan Quốc Cường", id_kind=IdKind.HO_CHIEU, id_number=CUONG.id_number,
                      dob=date(1958, 12, 1))
    a = register(db, CUONG)
    b = register(db, passport)
    assert a.person_id != b.person_id


def test_find_person_lists_visits_newest_first_and_open_cases(db):
    visits = [
        register(db, CUONG, received_at=datetime(2026, 10, 5, 9, 0), parts=(
            part(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị cấp sổ đỏ thửa 12"),)),
        register(db, CUONG, received_at=datetime(2026, 11, 3, 9, 0), outcome=Outcome.REFUSED,
                 refusal_reason=REASON, parts=(
                     part(PetitionKind.PHAN_ANH, "moi_truong", "Phản ánh rác thải ùn ứ"),)),
        register(db, CUONG, received_at=datetime(2026, 11, 19, 9, 0), outcome=Outcome.GUIDED,
                 outcome_body="Tòa án nhân dân khu vực 1 - Bắc Ninh", parts=(
                     part(PetitionKind.KHIEU_NAI, "dat_dai", "Khiếu nại quyết định thu hồi đất"),
                     part(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"))),
    ]
    found = find_person(db, f" {CUONG.id_number} ")
    assert found is not None
    assert found.person_id == visits[0].person_id
    assert (found.full_name, found.id_number, found.phone) == (
        CUONG.full_name, CUONG.id_number, CUONG.phone)
    assert found.date_of_birth == CUONG.date_of_birth.isoformat()
    assert found.sex == str(CUONG.sex)
    received = [v.received_at for v in found.visits]
    assert received == sorted(received, reverse=True)
    # The denouncing visit (both its lines) and its cases are left out without a reveal:
    # even the fact that this person denounced is secret (docs/security.md).
    assert {v.visit_id for v in found.visits} == {visits[0].visit_id, visits[1].visit_id}
    assert [v.outcome for v in found.visits if v.visit_id == visits[1].visit_id] == ["refused"]
    assert PetitionKind.TO_CAO not in {v.petition_kind for v in found.visits}
    assert found.open_cases == ("Kiến nghị cấp sổ đỏ thửa 12",)
    assert db.execute("SELECT COUNT(*) FROM identity_reveals").fetchone()[0] == 0
    revealed = find_person(db, CUONG.id_number, reveal_reason="Đối chiếu đơn trùng")
    assert len(revealed.visits) == 4  # one line per petition
    kinds = {v.petition_kind: v.summary for v in revealed.visits}
    assert kinds[PetitionKind.TO_CAO] == "Tố cáo cán bộ nhận tiền"
    assert sorted(revealed.open_cases) == sorted(
        ["Kiến nghị cấp sổ đỏ thửa 12", "Khiếu nại quyết định thu hồi đất",
         "Tố cáo cán bộ nhận tiền"])
    # Both lines of the denouncing visit were revealed, with the reason, and audited.
    assert db.execute("SELECT COUNT(*), MIN(reason) FROM identity_reveals").fetchone() == (
        2, "Đối chiếu đơn trùng")
    assert db.execute("SELECT COUNT(*) FROM audit_events WHERE action = 'reveal'"
                      " AND subject = 'person'").fetchone()[0] == 1


def test_closed_case_is_not_open(db):
    reg = register(db, CUONG)
    assert "received" in OPEN_STATUSES
    db.execute("UPDATE cases SET status = 'closed' WHERE id = ?", [reg.case_ids[0]])
    assert find_person(db, CUONG.id_number).open_cases == ()


def test_find_person_limit(db):
    for day in range(1, 6):
        register(db, CUONG, received_at=datetime(2026, 11, day, 9, 0))
    found = find_person(db, CUONG.id_number, limit=3)
    assert [v.received_at[:10] for v in found.visits] == ["2026-11-05", "2026-11-04", "2026-11-03"]


OTHERS = ("Lý Thị Mai", "Đinh Thị Lan", "Ngô Thị Huyền", "Dương Thị Thảo", "Lương Thị Oanh")


def _other(i: int):
    return person(OTHERS[i], dob=date(1980 + i, 1, 1), sex=Sex.NU, serial=900 + i)


def test_log_numbers_are_sequential_per_year(db):
    plan = [
        (datetime(2025, 12, 30, 9, 0), 1),
        (datetime(2025, 12, 31, 9, 0), 2),  # a mixed petition takes two log lines
        (datetime(2026, 1, 2, 9, 0), 1),
        (datetime(2026, 1, 5, 9, 0), 1),
    ]
    kinds = [PetitionKind.KIEN_NGHI, PetitionKind.KHIEU_NAI]
    made = []
    for i, (when, n) in enumerate(plan):
        parts = tuple(part(kinds[k], "dat_dai", f"Nội dung {i}-{k}") for k in range(n))
        made.append(register(db, _other(i), received_at=when, parts=parts))
    by_year = {}
    for reg in made:
        for pid in reg.petition_ids:
            year, no = db.execute("SELECT log_year, log_no FROM petitions WHERE id = ?",
                                  [pid]).fetchone()
            by_year.setdefault(year, []).append(no)
    assert by_year == {2025: [1, 2, 3], 2026: [1, 2]}


def test_receipt_numbers_are_sequential_per_year_and_skip_refusals(db):
    plan = [
        (datetime(2025, 12, 29, 9, 0), Outcome.ACCEPTED),
        (datetime(2025, 12, 30, 9, 0), Outcome.REFUSED),
        (datetime(2025, 12, 31, 9, 0), Outcome.GUIDED),
        (datetime(2026, 1, 2, 9, 0), Outcome.TRANSFERRED),
        (datetime(2026, 1, 3, 9, 0), Outcome.ACCEPTED),
    ]
    got = []
    for i, (when, outcome) in enumerate(plan):
        extra = {}
        if outcome == Outcome.REFUSED:
            extra["refusal_reason"] = REASON
        if outcome in (Outcome.GUIDED, Outcome.TRANSFERRED):
            extra["outcome_body"] = "Sở Xây dựng tỉnh Bắc Ninh"
        got.append((when.year, register(db, _other(i), received_at=when, outcome=outcome,
                                        **extra)))
    numbers = [(year, reg.receipt_no) for year, reg in got]
    assert numbers[1][1] is None
    issued = [(year, int(no.split("/")[0])) for year, no in numbers if no]
    assert issued == [(2025, 1), (2025, 2), (2026, 1), (2026, 2)]
    rows = db.execute("SELECT year, seq, number, visit_id FROM issued_documents ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == issued
    assert [r[2] for r in rows] == [no for _, no in numbers if no]
    assert [r[3] for r in rows] == [reg.visit_id for _, reg in got if reg.receipt_no]
