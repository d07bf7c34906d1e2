"""The posted schedule (PDF), the postponement notice, and the HTML and iCalendar exports."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from desk_app import messages
from desk_app.core.model import PetitionKind
from desk_app.core.reprints import reprint
from desk_app.core.schedule.day import book
from desk_app.core.schedule.model import SeriesForm
from desk_app.core.schedule.public import (
    export_schedule,
    issue_postponement_notice,
    issue_schedule_notice,
    parse_period,
)
from desk_app.core.schedule.recurrence import EVERY_WORKING_DAY
from desk_app.core.schedule.sessions import add_series, postpone_session
from desk_app.core.schedule.views import get_session
from tests.core.schedule.conftest import CLERK, NOW, error_of, pdf_text, session_on, thursdays
from tests.support import part, person, register, snapshot

DENOUNCER = "Trần Thị Lan"


def _office_schedule(db):
    thursdays(db, first=date(2026, 12, 1), last=date(2027, 3, 31),
              content=f"Kiến nghị về đất đai; đơn của bà {DENOUNCER}")
    add_series(db, SeriesForm(kind="thuong_xuyen", rule=EVERY_WORKING_DAY,
                              first_day=date(2026, 12, 1), last_day=date(2027, 3, 31),
                              start_time="07:30", end_time="11:30", holiday_policy="skip",
                              officer_ids=(CLERK,)), NOW)
    secret = register(db, person(DENOUNCER, serial=77),
                      parts=(part(PetitionKind.TO_CAO, summary="Tố cáo cán bộ"),)).case_ids[0]
    book(db, session_on(db, date(2027, 2, 11)), secret, now=NOW)


def test_the_posting_notice_for_a_quarter(office):
    _office_schedule(office)
    posted = issue_schedule_notice(office, parse_period("2027-Q1"), NOW)
    assert (posted.issued.number, posted.copy, len(posted.session_ids)) == ("01/TB-UBND", False, 12)
    text = pdf_text(posted.issued.pdf)
    for expected in (
            "THÔNG BÁO Lịch tiếp công dân quý I/2027",
            "1. Nơi tiếp công dân Trụ sở Ủy ban nhân dân phường Nhân Hòa.",
            "- Tất cả các ngày làm việc, 07:30–11:30, tại Trụ sở Ủy ban nhân dân phường Nhân "
            "Hòa; cán bộ tiếp: Nguyễn Thị Hồng Nhung.",
            "3. Lịch Chủ tịch trực tiếp tiếp công dân",
            "Buổi tiếp công dân định kỳ của Chủ tịch Thứ Tư 03/02/2027: Chuyển từ Thứ Năm "
            "04/02/2027 (Tết Nguyên đán).",
            "Không tiếp công dân thường xuyên 04/02/2027–10/02/2027 (Tết Nguyên đán).",
            "Không tiếp công dân thường xuyên 01/01/2027 (Tết Dương lịch).",
            "Lê Văn Dũng", "Công an xã", "TM. ỦY BAN NHÂN DÂN"):
        assert expected in text, expected
    assert DENOUNCER not in text  # scrubbed from the content of the session she is booked in
    assert text.count(DENOUNCER) == 0 and "[…]" in text
    # Posting recorded on every session it lists; the same schedule again is a copy.
    marks = ",".join("?" * len(posted.session_ids))
    days = office.execute(f"SELECT DISTINCT posted_on FROM sessions WHERE id IN ({marks})",
                          list(posted.session_ids)).fetchall()
    assert days == [("2026-11-20",)]
    again = issue_schedule_notice(office, parse_period("2027-Q1"), datetime(2026, 11, 21, 8))
    assert (again.issued.id, again.copy) == (posted.issued.id, True)
    assert "BẢN SAO" in pdf_text(reprint(office, posted.issued.id))


def test_a_past_period_cannot_be_posted(office):
    _office_schedule(office)
    before = snapshot(office)
    assert error_of(issue_schedule_notice, office, parse_period("2026-10"), NOW) == \
        messages.SCHEDULE_POST_PAST_PERIOD.format(period="tháng 10/2026")
    assert error_of(issue_schedule_notice, office, parse_period("2027-05"), NOW) == \
        messages.SCHEDULE_POST_NOTHING.format(period="tháng 05/2027")
    assert error_of(parse_period, "2027-13") == messages.SCHEDULE_PERIOD_FORMAT.format(
        value="2027-13")
    assert snapshot(office) == before


def test_the_ics_file_reads_back(office, tmp_path):
    _office_schedule(office)
    out = tmp_path / "lich.ics"
    done = export_schedule(office, parse_period("2027-02"), out, NOW)
    assert done["number"] is None and done["sessions"] == 4
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [
        datetime(2027, 2, d, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")) for d in (3, 11, 18, 25)]
    first = events[0]
    assert str(first["summary"]) == "Tiếp công dân định kỳ của Chủ tịch — Lê Văn Dũng"
    assert str(first["location"]) == "Trụ sở Ủy ban nhân dân phường Nhân Hòa"
    uid = get_session(office, session_on(office, date(2027, 2, 3))).uuid
    assert str(first["uid"]) == f"{uid}@24-09253"
    assert "Thành phần tham dự: Công chức Địa chính - Xây dựng; Công an xã" in str(
        first["description"])
    assert list(cal.walk("VTIMEZONE"))[0]["tzid"] == "Asia/Ho_Chi_Minh"
    assert DENOUNCER not in out.read_text(encoding="utf-8")
    # Exporting changes nothing: no number, no posting day.
    assert office.execute("SELECT COUNT(*) FROM sessions WHERE posted_on IS NOT NULL"
                          ).fetchone() == (0,)


def test_the_html_page(office, tmp_path):
    _office_schedule(office)
    out = tmp_path / "lich.html"
    export_schedule(office, parse_period("2027-02"), out, NOW)
    html = out.read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "<h1>Lịch tiếp công dân tháng 02/2027</h1>" in html
    assert html.count("<tr><td>") == 4 and "Thứ Tư<br>03/02/2027" in html
    assert DENOUNCER not in html
    with pytest.raises(Exception) as info:
        export_schedule(office, parse_period("2027-02"), tmp_path / "lich.doc", NOW)
    assert info.value.message == messages.SCHEDULE_EXPORT_FORMAT.format(path=tmp_path / "lich.doc")


def test_the_postponement_notice_gives_the_new_time(office):
    _office_schedule(office)
    old = session_on(office, date(2027, 1, 7))
    before = snapshot(office)
    assert error_of(issue_postponement_notice, office, old, NOW) == \
        messages.SCHEDULE_NOT_POSTPONED.format(day="07/01/2027")
    assert snapshot(office) == before
    new = postpone_session(office, old, datetime(2027, 1, 8, 14, 0), datetime(2027, 1, 8, 16, 30),
                           "Chủ tịch họp Ban Thường vụ", NOW)
    issued, copy = issue_postponement_notice(office, old, NOW)
    assert (issued.number, copy) == ("01/TB-UBND", False)
    text = pdf_text(issued.pdf)
    assert "Về việc hoãn buổi tiếp công dân định kỳ của Chủ tịch ngày 07/01/2027" in text
    assert ("dự kiến vào lúc 08:00–11:00 thứ Năm ngày 07/01/2027 tại Trụ sở Ủy ban nhân dân "
            "phường Nhân Hòa, được hoãn vì lý do: Chủ tịch họp Ban Thường vụ.") in text
    assert "Thời gian tiếp công dân mới: 14:00–16:30 thứ Sáu ngày 08/01/2027" in text
    assert get_session(office, new).posted_on == "2026-11-20"
    assert issue_postponement_notice(office, old, NOW)[1] is True
