"""Representatives, identity papers, mediation and police, the directory of bodies and the
repeated-transfer warning across spellings, old addresses → new communes."""

import json
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desk_app import messages
from desk_app.core import bodies, catalog
from desk_app.core.cases.dashboard import case_ids, dashboard
from desk_app.core.cases.tracking import RepeatTransfer, case_milestones, record_event
from desk_app.core.errors import DeskError
from desk_app.core.model import AgentRole, Channel, IdKind, Outcome, PetitionKind, Sex
from desk_app.core.reception.logbook import log_rows
from desk_app.core.reception.old_address import suggest
from desk_app.core.text import fold
from tests.support import NOW, part, person, register, snapshot

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LAWYER = person("Trần Văn Luật", dob=date(1980, 1, 1), serial=555)
PROOF = "Giấy ủy quyền số 12/2026/UQ ngày 10/11/2026"


# --- representatives ---------------------------------------------------------------------------

def test_the_case_belongs_to_the_person_represented(db):
    client = person("Lê Thị Hoa", dob=date(1950, 2, 2), sex=Sex.NU, serial=777)
    reg = register(db, client, agent=LAWYER, agent_role=AgentRole.LUAT_SU, agent_proof=PROOF)
    owner = db.execute("SELECT p.full_name FROM cases c JOIN persons p ON p.id = c.person_id"
                       " WHERE c.id = ?", [reg.case_ids[0]]).fetchone()[0]
    assert owner == "Lê Thị Hoa"
    row = db.execute("SELECT a.full_name, v.agent_role, v.agent_proof FROM visits v"
                     " JOIN persons a ON a.id = v.agent_person_id WHERE v.id = ?",
                     [reg.visit_id]).fetchone()
    assert row == ("Trần Văn Luật", "luat_su", PROOF)
    line = log_rows(db, [reg.petition_ids[0]])[0]
    assert line.person_name == "Lê Thị Hoa" and "Người trình bày thay: Trần Văn Luật" in line.note
    # Not a crowd's representative: nothing in visit_representatives.
    assert db.execute("SELECT COUNT(*) FROM visit_representatives").fetchone() == (0,)


@pytest.mark.parametrize(("changes", "message"), [
    ({"agent": LAWYER}, messages.AGENT_ROLE_REQUIRED),
    ({"agent": LAWYER, "agent_role": AgentRole.UY_QUYEN}, messages.AGENT_PROOF_REQUIRED),
    ({"agent_role": AgentRole.GIAM_HO}, messages.AGENT_WITHOUT_AGENT),
    ({"agent": person(), "agent_role": AgentRole.UY_QUYEN, "agent_proof": PROOF},
     messages.AGENT_SAME_PERSON.format(number=person().id_number)),
    ({"agent": replace(LAWYER, id_number="123"), "agent_role": AgentRole.LUAT_SU,
      "agent_proof": PROOF},
     messages.AGENT_LABEL.format(message=messages.ID_DIGITS.format(count=3))),
    ({"channel": Channel.BUU_CHINH, "documents": (), "agent": LAWYER,
      "agent_role": AgentRole.LUAT_SU, "agent_proof": PROOF},
     messages.AGENT_NOT_AT_A_VISIT.format(channel="đơn gửi qua bưu chính")),
])
def test_bad_representation_is_refused(db, changes, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        register(db, **changes)
    assert caught.value.message == message
    assert snapshot(db) == before


# --- identity papers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("who", "message"), [
    (person(id_kind=IdKind.CCCD, id_issued_on=date(2025, 3, 1)),
     messages.ID_CCCD_ISSUED_LATE.format(issued="01/03/2025")),
    (person(id_kind=IdKind.CCCD, id_issued_on=date(2012, 3, 1)),
     messages.ID_CCCD_ISSUED_EARLY.format(issued="01/03/2012")),
    (person(id_kind=IdKind.CAN_CUOC, id_issued_on=date(2023, 3, 1)),
     messages.ID_CAN_CUOC_ISSUED_EARLY.format(issued="01/03/2023")),
    (person(id_kind=IdKind.HO_CHIEU, id_number="C12-45"),
     messages.ID_PASSPORT_FORMAT.format(number="C12-45")),
    (person(id_kind=IdKind.CMND, id_number="12345678"), messages.ID_CMND_DIGITS),
    (person(id_kind=IdKind.GIAY_CHUNG_NHAN, id_number="12345"), messages.ID_CERTIFICATE_DIGITS),
    (person(id_kind=IdKind.CCCD, id_number=""), messages.ID_REQUIRED),
])
def test_identity_papers_are_checked(db, who, message):
    with pytest.raises(DeskError) as caught:
        register(db, who)
    assert caught.value.message == message


def test_valid_papers_of_each_kind(db):
    register(db, person(id_kind=IdKind.CAN_CUOC, id_issued_on=date(2025, 3, 1)))
    register(db, person("Phạm Văn Cũ", id_kind=IdKind.CMND, id_number="125123456"))
    register(db, person("John Smith", id_kind=IdKind.HO_CHIEU, id_number="c1234567",
                        date_of_birth=None))
    # The new căn cước card keeps the CCCD's personal number: one person, not two.
    n = person().id_number
    assert db.execute("SELECT COUNT(*) FROM persons WHERE id_number = ?", [n]).fetchone() == (1,)
    again = register(db, person(id_kind=IdKind.CCCD, id_issued_on=date(2021, 4, 1)),
                     received_at=datetime(2026, 11, 20, 11, 0))
    first = db.execute("SELECT id FROM persons WHERE id_number = ?", [n]).fetchone()[0]
    assert again.person_id == first


# --- mediation and police -----------------------------------------------------------------------

def test_mediation_referral_follow_up_and_result(db):
    dispute = part(kind=PetitionKind.KIEN_NGHI, summary="Tranh chấp lối đi chung với hộ liền kề")
    reg = register(db, parts=(dispute,), outcome=Outcome.MEDIATION,
                   outcome_body="Tổ hòa giải thôn Khúc Toại")
    case_id = reg.case_ids[0]
    found = {m.milestone.key: m for m in case_milestones(db, case_id, NOW.date())}
    follow = found["mediation_follow_up"]
    assert follow.milestone.due_on == date(2026, 12, 21)  # 30 days → Sat 20/12 → Mon 21/12
    assert follow.milestone.local and not follow.done
    assert case_id in case_ids(db, "mediation", NOW.date())
    assert dashboard(db, NOW.date()).mediation == 1
    # Overdue once the day passes without a result.
    assert case_id in case_ids(db, "overdue", date(2026, 12, 22))
    with pytest.raises(DeskError) as caught:
        record_event(db, case_id, "mediated", occurred_on=date(2026, 11, 20), now=NOW)
    assert caught.value.message == messages.MEDIATION_RESULT_NOTE_REQUIRED
    record_event(db, case_id, "mediation_failed", occurred_on=date(2026, 11, 20), now=NOW,
                 note="Biên bản hòa giải không thành ngày 20/11/2026")
    status = db.execute("SELECT status, waiting_since FROM cases WHERE id = ?", [case_id]).fetchone()
    assert status == ("received", None)  # back to the office: guide to the court, or accept
    assert dashboard(db, NOW.date()).mediation == 0


def test_mediation_is_not_for_complaints(db):
    with pytest.raises(DeskError) as caught:
        register(db, parts=(part(kind=PetitionKind.KHIEU_NAI),), outcome=Outcome.MEDIATION,
                 outcome_body="Tổ hòa giải thôn Khúc Toại")
    assert caught.value.message == messages.MEDIATION_KIND


def test_police_coordination_on_a_crowd_visit(db):
    reps = (person("Lê Văn Hùng", dob=date(1978, 5, 2), serial=4321),)
    crowd = register(db, crowd_size=8, representatives=reps)
    assert dashboard(db, NOW.date()).police == 1
    informed = register(db, person("Võ Thị Mai", dob=date(1985, 1, 1), sex=Sex.NU, serial=9),
                        crowd_size=6, representatives=reps,
                        police_informed_at=datetime(2026, 11, 20, 9, 0),
                        police_contact="Công an phường Nhân Hòa, đ/c Hải")
    assert dashboard(db, NOW.date()).police == 1
    assert informed.case_ids[0] not in case_ids(db, "police", NOW.date())
    record_event(db, crowd.case_ids[0], "police", occurred_on=NOW.date(), now=NOW,
                 body="Công an phường Nhân Hòa", data={"informed_at": "2026-11-20T10:05"})
    assert dashboard(db, NOW.date()).police == 0
    with pytest.raises(DeskError) as caught:
        register(db, police_contact="Công an phường")
    assert caught.value.message == messages.POLICE_WHEN_REQUIRED


# --- the directory of bodies -------------------------------------------------------------------

def test_body_keys_recognise_one_body_across_spellings(db):
    same = ["UBND tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", "Uỷ ban nhân dân tỉnh Bắc Ninh",
            "uy ban nhan dan tinh bac ninh", "UBND  Tỉnh  Bắc Ninh."]
    assert len({bodies.body_key(n) for n in same}) == 1
    assert bodies.same_body(db, "Sở TN&MT Bắc Ninh", "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh")
    assert not bodies.same_body(db, "UBND tỉnh Bắc Ninh", "UBND tỉnh Bắc Giang")
    assert bodies.suggest(db, "so xay")[0].name == "Sở Xây dựng tỉnh Bắc Ninh"
    assert bodies.suggest(db, "ubnd tinh")[0].code == "bn.ubnd_tinh"


def test_the_administrator_edits_the_directory(db):
    code = bodies.save_body(db, code=None, name="Ban Quản lý dự án đầu tư xây dựng tỉnh Bắc Ninh",
                            kind="don_vi_su_nghiep", address="Số 1 Lý Thái Tổ")
    assert bodies.find(db, "BQL dự án đầu tư xây dựng tỉnh Bắc Ninh") is None  # no such alias
    assert bodies.address_of(db, "Ban Quản lý dự án đầu tư xây dựng tỉnh Bắc Ninh") == "Số 1 Lý Thái Tổ"
    bodies.save_body(db, code="bn.so_xay_dung", name="Sở Xây dựng tỉnh Bắc Ninh", kind="so",
                     address="Đường Lý Thái Tổ, phường Kinh Bắc")
    assert bodies.address_of(db, "So Xay dung tinh Bac Ninh") == "Đường Lý Thái Tổ, phường Kinh Bắc"
    bodies.save_body(db, code=code, name="Ban Quản lý dự án đầu tư xây dựng tỉnh Bắc Ninh",
                     kind="don_vi_su_nghiep", hidden=True)
    assert all(b.code != code for b in bodies.directory(db))
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        bodies.save_body(db, code=None, name="UBND tỉnh Bắc Ninh", kind="ubnd")
    assert caught.value.message == messages.BODY_DUPLICATE.format(
        name="UBND tỉnh Bắc Ninh", other="Ủy ban nhân dân tỉnh Bắc Ninh")
    assert snapshot(db) == before


def test_repeated_transfer_to_the_same_body_in_another_spelling(db):
    summary = "Kiến nghị giải quyết tranh chấp ranh giới đất với hộ liền kề tại Thôn Đông"
    first = register(db, parts=(part(summary=summary),),
                     received_at=datetime(2026, 10, 1, 9)).case_ids[0]
    picked = bodies.suggest(db, "ubnd tinh bac ninh")[0].name  # picked from the directory
    record_event(db, first, "transfer", occurred_on=date(2026, 10, 2), body=picked, now=NOW)
    second = register(db, parts=(part(summary=summary + " (lần hai)"),)).case_ids[0]
    before = snapshot(db)
    with pytest.raises(RepeatTransfer) as caught:
        record_event(db, second, "transfer", occurred_on=NOW.date(), body="UBND tỉnh Bắc Ninh",
                     now=NOW)
    assert caught.value.message == messages.CASE_REPEAT_TRANSFER_SAME_BODY.format(
        day="02/10/2026", body="Ủy ban nhân dân tỉnh Bắc Ninh")
    assert snapshot(db) == before


def test_sending_a_forwarded_petition_back_to_its_source_warns(db):
    reg = register(db, channel=Channel.CHUYEN_DEN, documents=(), source_body="UBND tỉnh Bắc Ninh",
                   source_doc_no="123/UBND-TCD")
    with pytest.raises(RepeatTransfer) as caught:
        record_event(db, reg.case_ids[0], "transfer", occurred_on=NOW.date(),
                     body="Ủy ban nhân dân tỉnh Bắc Ninh", now=NOW)
    assert caught.value.message == messages.CASE_TRANSFER_BACK_TO_SOURCE.format(
        day="20/11/2026", body="Ủy ban nhân dân tỉnh Bắc Ninh")
    record_event(db, reg.case_ids[0], "transfer", occurred_on=NOW.date(),
                 body="Ủy ban nhân dân tỉnh Bắc Ninh", now=NOW, confirm_repeat=True)


def test_channel_codes_agree_with_the_model():
    assert [c.code for c in catalog.channels()] == [
        "truc_tiep", "buu_chinh", "cong_dvc", "website", "thu_dien_tu", "duong_day_nong",
        "chuyen_den"]
    assert {c.code for c in catalog.channels()} == {str(c) for c in Channel}


# --- old addresses -------------------------------------------------------------------------------

def _code(label: str) -> int:
    squash = lambda x: re.sub(r"[^0-9a-z]", "", fold(x))  # noqa: E731
    provinces, communes = catalog._units()
    ward, province = (x.strip() for x in label.rsplit(",", 1))
    return next(c for c, (name, p) in communes.items()
                if squash(name) == squash(ward)
                and squash(catalog.proper_name(provinces[p])) == squash(catalog.proper_name(province)))


def test_old_addresses_map_to_their_new_commune():
    cases = json.loads((FIXTURES / "old_addresses.json").read_text(encoding="utf-8"))["addresses"]
    assert len(cases) >= 50
    hits, wrong = 0, []
    for case in cases:
        found = suggest(case["address"])
        if "expected" in case:
            ok = found.commune_code == _code(case["expected"])
            if found.commune_code is not None and not ok:
                wrong.append(case["address"])  # a wrong suggestion is worse than none
        elif "split" in case:
            ok = found.commune_code is None and set(found.candidates) == {
                _code(x) for x in case["split"]}
        else:
            ok = found.commune_code is None
        hits += ok
    assert wrong == []
    assert hits / len(cases) >= 0.95, hits  # 62 of 64 (docs/channels.md)


def test_the_address_table_read_in_slices_is_the_packages_table():
    """old_address parses vietnam-address-converter's table in slices (so that building the
    index on a worker thread does not stall the GUI thread); it must read what the package's
    own import reads, row for row."""
    from vietnam_address_converter.data import DEFAULT_DATA

    from desk_app.core.reception.old_address import _mapping_rows

    sliced = [row["keys"] for row in _mapping_rows()]
    assert sliced == [row["keys"] for row in DEFAULT_DATA["mapping"]["rows"]]
    assert len(sliced) == 10_358


def test_a_new_mediation_follow_up_target_moves_the_cases_waiting_for_mediation(db):
    from desk_app.core.cases.recompute import moved_by_settings, save_settings

    dispute = part(kind=PetitionKind.KIEN_NGHI, summary="Tranh chấp lối đi chung với hộ liền kề")
    waiting = register(db, parts=(dispute,), outcome=Outcome.MEDIATION,
                       outcome_body="Tổ hòa giải thôn Khúc Toại").case_ids[0]
    other = register(db, person("Lê Văn Bình", serial=77)).case_ids[0]
    assert moved_by_settings(db, {"mediation_follow_up_days": ("30", "15")}) == [waiting]
    assert save_settings(db, {"mediation_follow_up_days": "15"})
    found = {m.milestone.key: m for m in case_milestones(db, waiting, NOW.date())}
    assert found["mediation_follow_up"].milestone.due_on == date(2026, 12, 7)  # Sat 5/12 → Mon
    assert other not in case_ids(db, "mediation", NOW.date())
