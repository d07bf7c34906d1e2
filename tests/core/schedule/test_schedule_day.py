"""The reception day: bookings, the day's list, directions as follow-up milestones, and the
notice of the session's conclusions drafted from them."""

from __future__ import annotations

from datetime import date, datetime

from desk_app import messages
from desk_app.core.cases.dashboard import case_ids, dashboard
from desk_app.core.cases.view import case_detail
from desk_app.core.model import PetitionKind
from desk_app.core.schedule.day import (
    add_direction,
    book,
    complete_direction,
    issue_booking_slip,
    issue_conclusions,
    reception_day,
    record_reception,
    set_conclusions,
)
from desk_app.core.schedule.sessions import cancel_session, record_held
from tests.core.schedule.conftest import CLERK, NOW, one, pdf_text, session_on, thursdays
from tests.support import part, person, register, snapshot

DAY = date(2026, 12, 3)
DURING = datetime(2026, 12, 3, 9, 30)
DENOUNCER = "Trần Thị Lan"


def _setup(db):
    thursdays(db)
    sid = session_on(db, DAY)
    land = register(db).case_ids[0]
    secret = register(db, person(DENOUNCER, serial=77, phone="0987654321"),
                      parts=(part(PetitionKind.TO_CAO, summary="Tố cáo cán bộ địa chính nhận "
                                  "tiền của Trần Thị Lan"),)).case_ids[0]
    book(db, sid, land, "Hẹn trình bày với Chủ tịch", now=NOW)
    book(db, sid, secret, now=NOW)
    return sid, land, secret


def test_booking_rules_and_the_slip_that_names_the_session(office):
    sid, land, _secret = _setup(office)
    before = snapshot(office)
    assert reception_day(office, sid, NOW.date()).items[0].source == "booking"
    err = _error(book, office, sid, land, now=NOW)
    assert err == messages.SCHEDULE_BOOK_TWICE.format(id=land, day="03/12/2026")
    desk = one(office, date(2026, 12, 4), kind="thuong_xuyen", host=None, officer_ids=(CLERK,))
    assert _error(book, office, desk, land, now=NOW) == messages.SCHEDULE_BOOK_NOT_OPEN.format(
        day="04/12/2026", kind="tiếp công dân thường xuyên", status="dự kiến")
    later = session_on(office, date(2026, 12, 10))
    cancel_session(office, later, "Chủ tịch đi công tác", NOW)
    before = snapshot(office)
    assert _error(book, office, later, land, now=NOW) == messages.SCHEDULE_BOOK_NOT_OPEN.format(
        day="10/12/2026", kind="tiếp công dân định kỳ của Chủ tịch", status="đã hủy")
    assert _error(book, office, sid, land, now=datetime(2026, 12, 3, 9)) == \
        messages.SCHEDULE_BOOK_PAST.format(day="03/12/2026")
    assert snapshot(office) == before
    slip = issue_booking_slip(office, sid, land, NOW)
    text = pdf_text(slip.pdf)
    assert slip.number == "01/PH-TCD"
    assert ("Mời ông đến dự buổi tiếp công dân định kỳ của Chủ tịch vào lúc 08:00 ngày "
            "03/12/2026 tại Trụ sở Ủy ban nhân dân phường Nhân Hòa, do Lê Văn Dũng chủ trì") in text


def _error(fn, *args, **kwargs):
    from tests.core.schedule.conftest import error_of

    return error_of(fn, *args, **kwargs)


def test_the_days_list_prepares_each_case_and_masks_the_denouncer(office):
    sid, land, secret = _setup(office)
    walk_in = register(office, person("Phạm Văn Hải", serial=55), session_id=None,
                       received_at=datetime(2026, 11, 20, 10, 0))
    one_day = one(office, date(2026, 11, 20), "14:00", "17:00", kind="dot_xuat",
                  reason_code="heated", now=datetime(2026, 11, 20, 13, 55))
    there = register(office, person("Vũ Thị Hoa", serial=56), session_id=one_day,
                     received_at=datetime(2026, 11, 20, 14, 30))
    day = reception_day(office, sid, NOW.date())
    assert [(i.source, i.case_id) for i in day.items] == [("booking", land), ("booking", secret)]
    first, second = day.items
    assert first.person_name == "Đặng Văn Dũng" and first.detail.milestones
    assert first.detail.events[0].label == "Tiếp nhận"
    assert second.masked and second.person_name == messages.MASKED_NAME
    assert DENOUNCER not in repr(second.detail.person_name)
    walk = reception_day(office, one_day, NOW.date()).items
    assert [(i.source, i.case_id) for i in walk] == [("walk_in", there.case_ids[0])]
    assert walk_in.case_ids[0] not in [i.case_id for i in walk]


def test_directions_become_follow_up_milestones_on_the_case_and_the_dashboard(office):
    sid, land, secret = _setup(office)
    before = snapshot(office)
    assert _error(add_direction, office, sid, land, "Kiểm tra hồ sơ", date(2026, 12, 17),
                  now=NOW) == messages.SCHEDULE_RECORD_NOT_STARTED.format(
        day="03/12/2026", start="08:00")
    assert _error(add_direction, office, sid, land, "Kiểm tra hồ sơ", DAY, now=DURING) == \
        messages.SCHEDULE_DIRECTION_DUE.format(due="03/12/2026", day="03/12/2026")
    assert _error(add_direction, office, sid, land, "  ", date(2026, 12, 17), now=DURING) == \
        messages.SCHEDULE_DIRECTION_TEXT
    assert snapshot(office) == before
    record_reception(office, sid, case_id=land, presented="Đề nghị sớm cấp giấy chứng nhận",
                     now=DURING)
    direction = add_direction(office, sid, land, "Kiểm tra hồ sơ địa chính, trả lời công dân",
                              date(2026, 12, 17), assignee_id=CLERK, now=DURING)
    add_direction(office, sid, secret, "Xác minh nội dung tố cáo", date(2026, 12, 24), now=DURING)
    detail = case_detail(office, land, date(2026, 12, 18))
    follow = [m for m in detail.milestones if m.milestone.key.startswith("direction:")]
    assert [(m.milestone.label, m.milestone.due_on, m.done, m.overdue) for m in follow] == [
        ("Thực hiện chỉ đạo: Kiểm tra hồ sơ địa chính, trả lời công dân", date(2026, 12, 17),
         False, True)]
    assert detail.events[-1].label == "Chỉ đạo tại buổi tiếp công dân"
    # The case's next due date is the earliest open milestone; the follow-up keeps the case
    # on the dashboard after the legal ones are met.
    from desk_app.core.cases.tracking import record_event

    record_event(office, land, "classify", occurred_on=date(2026, 11, 24),
                 data={"competent": True, "eligible": True}, now=datetime(2026, 11, 24, 9))
    assert office.execute("SELECT due_on, due_key FROM cases WHERE id = ?", [land]).fetchone()[0] \
        == "2026-12-17"
    assert land in case_ids(office, "overdue", date(2026, 12, 18))
    assert land in case_ids(office, "due_soon", date(2026, 12, 15))
    complete_direction(office, direction, date(2026, 12, 16), now=datetime(2026, 12, 16, 10))
    assert land not in case_ids(office, "overdue", date(2026, 12, 18))
    assert dashboard(office, date(2026, 12, 18)).open == 2
    done = [m for m in case_detail(office, land, date(2026, 12, 18)).milestones
            if m.milestone.key.startswith("direction:")]
    assert done[0].done and not done[0].overdue
    day = reception_day(office, sid, DAY)
    assert [d.done for d in day.items[0].directions] == [True]
    assert [i.received for i in day.items] == [True, True]  # a direction means received


def test_the_conclusions_notice_is_drafted_from_the_session_and_numbered(office):
    sid, land, secret = _setup(office)
    record_reception(office, sid, case_id=land, presented="Đề nghị sớm cấp giấy chứng nhận",
                     now=DURING)
    add_direction(office, sid, land, "Kiểm tra hồ sơ địa chính, trả lời công dân",
                  date(2026, 12, 17), assignee_id=CLERK, now=DURING)
    add_direction(office, sid, secret, f"Xác minh, không để lộ danh tính {DENOUNCER}",
                  date(2026, 12, 24), now=DURING)
    set_conclusions(office, sid, ["Văn phòng theo dõi, đôn đốc việc thực hiện"], now=DURING)
    before = snapshot(office)
    assert _error(issue_conclusions, office, sid, (), DURING) == \
        messages.SCHEDULE_NOTICE_NOT_HELD.format(day="03/12/2026", status="dự kiến")
    assert snapshot(office) == before
    record_held(office, sid, now=datetime(2026, 12, 3, 11, 0))
    slip = issue_conclusions(office, sid, ("Công an xã",), datetime(2026, 12, 3, 14, 0))
    assert (slip.number, slip.copy) == ("01/TB-UBND", False)
    text = pdf_text(slip.pdf)
    for expected in (
            "Kết luận của Chủ tịch Ủy ban nhân dân phường Nhân Hòa tại buổi tiếp công dân định "
            "kỳ ngày 03/12/2026",
            "đồng chí Lê Văn Dũng, Chủ tịch Ủy ban nhân dân phường Nhân Hòa đã chủ trì",
            "Tham dự buổi tiếp có: Công chức Địa chính - Xây dựng; Công an xã.",
            "1. Đặng Văn Dũng",
            "Nội dung trình bày: Đề nghị sớm cấp giấy chứng nhận",
            "Kết luận: Giao Nguyễn Thị Hồng Nhung kiểm tra hồ sơ địa chính, trả lời công dân; "
            "thời hạn hoàn thành: 17/12/2026",
            "2. Người tố cáo (thông tin về người tố cáo được giữ bí mật)",
            "thời hạn hoàn thành: 24/12/2026",
            "Văn phòng theo dõi, đôn đốc việc thực hiện", "Công an xã"):
        assert expected in text, expected
    assert DENOUNCER not in text and "0987654321" not in text
    # Registered: the document and its link to the session.
    assert office.execute("SELECT d.kind, d.number FROM session_documents s JOIN issued_documents"
                          " d ON d.id = s.document_id WHERE s.session_id = ?",
                          [sid]).fetchall() == [("ket_luan_tiep", "01/TB-UBND")]
    assert reception_day(office, sid, DAY).notice == (slip.id, "01/TB-UBND")
    # Asked again: the same notice, as a copy. The directions are fixed now.
    again = issue_conclusions(office, sid, (), datetime(2026, 12, 4, 8, 0))
    assert (again.id, again.copy) == (slip.id, True)
    before = snapshot(office)
    assert _error(add_direction, office, sid, land, "Thêm việc", date(2026, 12, 30),
                  now=datetime(2026, 12, 4, 8)) == messages.SCHEDULE_NOTICE_ISSUED.format(
        day="03/12/2026")
    assert snapshot(office) == before
