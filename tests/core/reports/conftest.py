"""A small office whose report figures are counted by hand (test_tables.py): a dozen visits
around the fourth quarter of 2026 (15/09–14/12 with the 14th cut-off), their cases' steps, the
chairperson's sessions. Built once per test session into a file; each test works on a copy."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk_app.core.cases.links import attach_petition
from desk_app.core.cases.tracking import record_event
from desk_app.core.model import Outcome, PetitionKind, PetitionPart, ReceptionKind
from desk_app.core.opening import open_db
from desk_app.core.reception.intake import register_visit
from desk_app.core.schedule.model import SessionForm
from desk_app.core.schedule.sessions import (
    add_session,
    cancel_session,
    postpone_session,
    record_held,
)
from desk_app.core.storage.office import add_officer, init_office
from tests.support import copy_template, form, person

CLERK, HEAD, DEPUTY = 1, 2, 3
NHAN_HOA, KINH_BAC = 9253, 9187
# The report is made the day after the quarter closed.
REPORT_NOW = datetime(2026, 12, 15, 10, 0)
KN, TC = PetitionKind.KHIEU_NAI, PetitionKind.TO_CAO
KNG, PA = PetitionKind.KIEN_NGHI, PetitionKind.PHAN_ANH


def _visit(db, day: date, who, parts, **changes):
    received = datetime.combine(day, time(9, 0))
    return register_visit(db, form(who, received_at=received, parts=tuple(parts), **changes),
                          datetime.combine(day, time(17, 0)))


def _act(db, case_id: int, action: str, day: date, **kw) -> int:
    return record_event(db, case_id, action, occurred_on=day, officer_id=CLERK,
                        now=datetime.combine(day, time(16, 0)), **kw)


def _session(db, day: date, kind: str = "dinh_ky") -> int:
    start = datetime.combine(day, time(8, 0))
    return add_session(db, SessionForm(kind=kind, starts_at=start,
                                       ends_at=datetime.combine(day, time(11, 0)), host_id=HEAD,
                                       reason_code="crowd" if kind == "dot_xuat" else ""),
                       datetime(2026, 9, 1, 8)).session_ids[0]


def build_office(db) -> dict:
    """The records; returns their ids by name (visit Vn, case Cn, session Sn)."""
    init_office(db, 24, NHAN_HOA, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),
                                            ("Lê Văn Dũng", "Chủ tịch Ủy ban nhân dân")))
    assert add_officer(db, "Trần Văn Phó", "Phó Chủ tịch Ủy ban nhân dân") == DEPUTY
    ids: dict = {}

    def who(name: str, serial: int, commune: int | None):
        return person(name, serial=serial, commune_code=commune)

    a = who("Đặng Văn An", 1, NHAN_HOA)
    s1 = _session(db, date(2026, 10, 5))
    s2 = _session(db, date(2026, 10, 15))
    s3 = _session(db, date(2026, 10, 22))
    ids["S4"] = _session(db, date(2026, 11, 5))
    ids["S5"] = _session(db, date(2026, 12, 10))
    s6 = _session(db, date(2026, 11, 9), "dot_xuat")
    ids.update(S1=s1, S2=s2, S3=s3, S6=s6)

    # V0, 10/06: a complaint accepted 12/06 and decided only on 01/12: carried into the
    # quarter as a complaint to resolve, resolved late (due 12/07).
    r = _visit(db, date(2026, 6, 10), who("Bùi Thị Bích", 10, NHAN_HOA),
               [PetitionPart(KN, "dat_dai", "Khiếu nại việc thu hồi đất nông nghiệp")])
    ids["C0"] = c0 = r.case_ids[0]
    _act(db, c0, "accept", date(2026, 6, 12))
    _act(db, c0, "decide", date(2026, 12, 1), doc_no="52/QĐ-UBND")
    # V1, Mon 14/09 (last day of Q3): a kiến nghị accepted on 16/09: carried into Q4.
    r = _visit(db, date(2026, 9, 14), a,
               [PetitionPart(KNG, "dat_dai", "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")])
    ids["V1"], ids["C1"] = r.visit_id, r.case_ids[0]
    _act(db, ids["C1"], "accept", date(2026, 9, 16))
    # V2, Tue 15/09 (first day of Q4): a complaint decided on time, then a second complaint
    # (reopened) accepted 03/11 and decided 25/11, notified and closed.
    r = _visit(db, date(2026, 9, 15), who("Phạm Văn Bình", 2, NHAN_HOA),
               [PetitionPart(KN, "boi_thuong_gpmb", "Khiếu nại mức giá bồi thường")])
    ids["V2"] = r.visit_id
    ids["C2"] = c2 = r.case_ids[0]
    for action, day, extra in (("accept", date(2026, 9, 18), {}),
                               ("decide", date(2026, 10, 10), {"doc_no": "15/QĐ-UBND"}),
                               ("notify", date(2026, 10, 12), {}),
                               ("close", date(2026, 10, 15), {}),
                               ("reopen", date(2026, 11, 1), {}),
                               ("accept", date(2026, 11, 3), {}),
                               ("decide", date(2026, 11, 25), {"doc_no": "40/QĐ-UBND"}),
                               ("notify", date(2026, 11, 27), {}),
                               ("close", date(2026, 11, 30), {})):
        _act(db, c2, action, day, **extra)
    # V3, 01/10: a denunciation accepted 05/10, decided 20/11: late (due 04/11).
    r = _visit(db, date(2026, 10, 1), who("Hoàng Văn Cường", 3, KINH_BAC),
               [PetitionPart(TC, "tham_nhung", "Tố cáo cán bộ nhận tiền khi làm thủ tục")])
    ids["V3"], ids["C3"] = r.visit_id, r.case_ids[0]
    _act(db, ids["C3"], "accept", date(2026, 10, 5))
    _act(db, ids["C3"], "decide", date(2026, 11, 20), doc_no="7/KL-UBND")
    # V4, 05/10: a crowd of 6 at the chairperson's session S1, guided to the court.
    r = _visit(db, date(2026, 10, 5), who("Đỗ Văn Dũng", 4, None),
               [PetitionPart(KNG, "moi_truong", "Kiến nghị di dời cơ sở gây ô nhiễm")],
               crowd_size=6, representatives=(who("Ngô Thị Dung", 40, None),),
               reception_kind=ReceptionKind.DINH_KY, session_id=s1, outcome=Outcome.GUIDED,
               outcome_body="Tòa án nhân dân khu vực 1 - Bắc Ninh")
    ids["V4"], ids["C4"] = r.visit_id, r.case_ids[0]
    # V5, 12/10: feedback already answered by the ward before, transferred; the answer
    # came on 30/10.
    r = _visit(db, date(2026, 10, 12), who("Lý Thị Én", 5, NHAN_HOA),
               [PetitionPart(PA, "trat_tu_xay_dung", "Phản ánh xây dựng lấn chiếm hành lang")],
               outcome=Outcome.TRANSFERRED, outcome_body="Sở Xây dựng tỉnh Bắc Ninh",
               prior_handlers="UBND phường đã trả lời bằng văn bản")
    ids["V5"], ids["C5"] = r.visit_id, r.case_ids[0]
    _act(db, ids["C5"], "reply", date(2026, 10, 30), body="Sở Xây dựng tỉnh Bắc Ninh")
    # V6, 20/10: a mixed petition split in two: the complaint is filed (not eligible) on
    # 22/10, the kiến nghị is still waiting at the end of the quarter.
    r = _visit(db, date(2026, 10, 20), who("Vũ Văn Phong", 6, KINH_BAC),
               [PetitionPart(KN, "dat_dai", "Khiếu nại việc cấp đất giãn dân"),
                PetitionPart(KNG, "dat_dai", "Kiến nghị làm đường vào khu giãn dân")])
    ids["V6"], (ids["C6a"], ids["C6b"]) = r.visit_id, r.case_ids
    _act(db, ids["C6a"], "file", date(2026, 10, 22))
    # V9, 10/11: reception refused (no petition to handle).
    r = _visit(db, date(2026, 11, 10), who("Trịnh Văn Ích", 9, NHAN_HOA),
               [PetitionPart(KNG, "khac", "Nội dung đã được giải quyết đúng")],
               outcome=Outcome.REFUSED, refusal_reason="da_giai_quyet_dung")
    ids["V9"] = r.visit_id
    # V10, 25/11: A again about the same land: the petition joins case C1 (its own case is
    # merged away).
    r = _visit(db, date(2026, 11, 25), a,
               [PetitionPart(KNG, "dat_dai", "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")])
    ids["V10"], ids["P10"] = r.visit_id, r.petition_ids[0]
    attach_petition(db, r.petition_ids[0], ids["C1"], officer_id=CLERK,
                    now=datetime(2026, 11, 25, 10))
    # V11, 02/12: a complaint accepted 04/12, still being resolved at the end.
    r = _visit(db, date(2026, 12, 2), who("Lương Văn Khải", 11, KINH_BAC),
               [PetitionPart(KN, "dat_dai", "Khiếu nại quyết định xử phạt về đất đai")])
    ids["V11"], ids["C11"] = r.visit_id, r.case_ids[0]
    _act(db, ids["C11"], "accept", date(2026, 12, 4))
    # V7, Mon 14/12 (last day of Q4), ad hoc reception: waiting.
    r = _visit(db, date(2026, 12, 14), who("Trần Thị Giang", 7, NHAN_HOA),
               [PetitionPart(KNG, "chinh_sach_xa_hoi", "Đề nghị xét trợ cấp người cao tuổi")],
               reception_kind=ReceptionKind.DOT_XUAT)
    ids["V7"], ids["C7"] = r.visit_id, r.case_ids[0]
    # V8, Tue 15/12: the first day of Q1 2027.
    r = _visit(db, date(2026, 12, 15), who("Đinh Văn Hải", 8, NHAN_HOA),
               [PetitionPart(KNG, "ha_tang_giao_thong", "Kiến nghị sửa đường liên thôn")])
    ids["V8"], ids["C8"] = r.visit_id, r.case_ids[0]

    # The chairperson's sessions: S1 held; S2 postponed to 16/10 and that one hosted by the
    # deputy; S3 cancelled; S4 and S5 never recorded; S6 (ad hoc) held.
    record_held(db, s1, now=datetime(2026, 10, 5, 11))
    ids["S2b"] = s2b = postpone_session(db, s2, datetime(2026, 10, 16, 8), datetime(2026, 10, 16, 11),
                                        "Chủ tịch họp tại tỉnh", datetime(2026, 10, 10, 8))
    record_held(db, s2b, DEPUTY, datetime(2026, 10, 16, 11))
    cancel_session(db, s3, "Trùng kỳ họp Hội đồng nhân dân", datetime(2026, 10, 20, 8))
    record_held(db, s6, now=datetime(2026, 11, 9, 11))
    return ids


@pytest.fixture(scope="session")
def office_template(tmp_path_factory, schema_template):
    path = tmp_path_factory.mktemp("reports") / "desk.sqlite3"
    copy_template(schema_template, path)  # and its keyring, unlocked
    db = open_db(path)
    ids = build_office(db)
    db.close()
    return path, ids


@pytest.fixture
def office(office_template, tmp_path):
    template, ids = office_template
    path = tmp_path / "desk.sqlite3"
    copy_template(template, path)  # and its keyring, unlocked
    database = open_db(path)
    database.ids = ids
    yield database
    database.close()
