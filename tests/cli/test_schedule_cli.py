"""`desk-app schedule`: list with warnings, add with the page's validation, export, changes.

The CLI works on the real clock, so the dates here are counted from today."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from desk_app import messages, paths
from desk_app.core.opening import open_db
from tests.support import snapshot


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


@pytest.fixture
def office3(cli):
    done = cli("init", "--province", "24", "--commune", "9253",
               "--officer", "Nguyễn Thị Hồng Nhung:Công chức",
               "--officer", "Lê Văn Dũng:Chủ tịch", "--officer", "Trần Văn Phó:Phó Chủ tịch")
    assert done.code == 0, done.err


def _thursday(after_days: int) -> date:
    day = date.today() + timedelta(days=after_days)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _db(data_dir):
    return open_db(paths.db_path(data_dir))


def test_add_a_rule_list_it_with_warnings_and_export(cli, office3, data_dir, tmp_path):
    first = _thursday(40)
    last = first + timedelta(days=90)
    done = cli("schedule", "add", "--kind", "dinh_ky", "--every", "TH", "--from", first,
               "--until", last, "--start", "08:00", "--end", "11:00", "--host", "2",
               "--participant", "Công an phường", "--content", "Kiến nghị về đất đai", "--json")
    assert done.code == 0, done.err
    added = json.loads(done.out)
    assert added["series_id"] == 1 and added["sessions"] >= 12
    deputy = cli("schedule", "add", "--kind", "dinh_ky", "--on", first + timedelta(days=1),
                 "--start", "14:00", "--end", "16:00", "--host", "3")
    assert deputy.code == 0, deputy.err
    listed = cli("schedule", "--from", first, "--to", first + timedelta(days=6), "--json")
    assert listed.code == 0, listed.err
    data = json.loads(listed.out)
    assert [(s["kind"], s["host"]) for s in data["sessions"]] == [
        ("dinh_ky", "Lê Văn Dũng"), ("dinh_ky", "Trần Văn Phó")]
    assert [w["code"] for w in data["sessions"][1]["warnings"]] == ["deputy_host"]
    text = cli("schedule", "--from", first, "--to", first + timedelta(days=6))
    assert f"{first:%d/%m/%Y} 08:00–11:00  Định kỳ" in text.out
    assert "do Trần Văn Phó (Phó Chủ tịch) dự kiến chủ trì" in text.out
    # The month's files for the website: an ICS calendar the library reads back, a page.
    month = f"{first:%Y-%m}"
    ics = tmp_path / "lich.ics"
    done = cli("schedule", "export", "--month", month, "--out", ics)
    assert done.code == 0, done.err
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert events and all(str(e["location"]) == "Trụ sở Ủy ban nhân dân phường Nhân Hòa"
                          for e in events)
    assert first in [e.decoded("dtstart").date() for e in events]
    html = tmp_path / "lich.html"
    assert cli("schedule", "export", "--month", month, "--out", html).code == 0
    assert "Lê Văn Dũng" in html.read_text(encoding="utf-8")
    pdf = tmp_path / "lich.pdf"
    done = cli("schedule", "export", "--month", month, "--out", pdf, "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["number"] == "01/TB-UBND"
    assert pdf.read_bytes().startswith(b"%PDF-")


BAD = [
    (["add", "--kind", "dinh_ky", "--on", "{day}", "--start", "10:00", "--end", "09:00",
      "--host", "2"], "SCHEDULE_END_BEFORE_START"),
    (["add", "--kind", "dinh_ky", "--on", "2020-01-07", "--start", "08:00", "--end", "09:00",
      "--host", "2"], "SCHEDULE_IN_PAST"),
    (["add", "--kind", "dinh_ky", "--on", "{day}", "--start", "08:00", "--end", "09:00",
      "--host", "42"], "SCHEDULE_HOST_UNKNOWN"),
    (["add", "--kind", "dinh_ky", "--every", "TH", "--from", "{day}", "--start", "08:00",
      "--end", "09:00", "--host", "2"], "SCHEDULE_RULE_NO_END"),
    (["add", "--kind", "dinh_ky", "--every", "TH", "--from", "{day}", "--until", "{far}",
      "--start", "08:00", "--end", "09:00", "--host", "2"], "SCHEDULE_RULE_TOO_LONG"),
    (["add", "--kind", "dinh_ky", "--every", "XX", "--from", "{day}", "--until", "{day}",
      "--start", "08:00", "--end", "09:00", "--host", "2"], "SCHEDULE_CLI_EVERY"),
    (["add", "--kind", "dinh_ky", "--on", "{day}", "--start", "8h", "--end", "09:00",
      "--host", "2"], "SCHEDULE_TIME_FORMAT"),
    (["export", "--month", "2020-01", "--out", "{tmp}/old.pdf"], "SCHEDULE_POST_PAST_PERIOD"),
    (["export", "--month", "2027-13", "--out", "{tmp}/x.pdf"], "SCHEDULE_PERIOD_FORMAT"),
    (["postpone", "999", "--on", "{day}", "--start", "08:00", "--end", "09:00", "--reason", "x"],
     "SCHEDULE_SESSION_MISSING"),
    ([], "SCHEDULE_CLI_RANGE"),
]


@pytest.mark.parametrize("args, message", BAD, ids=[b[1] for b in BAD])
def test_bad_input_exits_1_with_one_line_and_changes_nothing(cli, office3, data_dir, tmp_path,
                                                             args, message):
    day = _thursday(20)
    values = {"day": day.isoformat(), "far": (day + timedelta(days=3700)).isoformat(),
              "tmp": str(tmp_path)}
    db = _db(data_dir)
    before = snapshot(db)
    done = cli("schedule", *[a.format(**values) for a in args])
    assert done.code == 1
    assert done.err.count("\n") == 1 and done.out == ""
    template = getattr(messages, message)
    head = template.split("{")[0]
    assert done.err.startswith(head), (done.err, head)
    assert snapshot(db) == before
    db.close()


def test_postpone_with_its_notice_then_held_and_the_conclusions_notice(cli, office3, data_dir,
                                                                        tmp_path):
    day = _thursday(20)
    assert cli("schedule", "add", "--kind", "dinh_ky", "--on", day, "--start", "08:00",
               "--end", "11:00", "--host", "2").code == 0
    notice = tmp_path / "hoan.pdf"
    done = cli("schedule", "postpone", "1", "--on", day + timedelta(days=1), "--start", "08:00",
               "--end", "11:00", "--reason", "Chủ tịch họp tại tỉnh", "--notice", notice, "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out) == {"id": 1, "new_id": 2, "notice": "01/TB-UBND"}
    assert notice.read_bytes().startswith(b"%PDF-")
    # An ad hoc session held today, with a citizen the host recorded: its notice by id.
    now = datetime.now()
    today = now.date().isoformat()
    done = cli("schedule", "add", "--kind", "dot_xuat", "--on", today, "--start", "00:00",
               "--end", "00:01", "--host", "2", "--reason-code", "heated", "--held")
    assert done.code == 0, done.err
    empty = cli("schedule", "notice", "3", "--out", tmp_path / "kl.pdf")
    assert (empty.code, empty.err.strip()) == (1, messages.SLIP_SESSION_EMPTY)
    db = _db(data_dir)
    from desk_app.core.schedule.day import set_conclusions

    set_conclusions(db, 3, ["Giao Văn phòng tổng hợp ý kiến của các hộ dân"], now=now)
    db.close()
    out = tmp_path / "kl.pdf"
    done = cli("schedule", "notice", "3", "--out", out, "--recipient", "Công an phường")
    assert done.code == 0, done.err
    # Every notice of the committee runs in one "TB" series: the postponement notice took 01.
    assert done.out.strip() == f"Đã in thông báo kết luận số 02/TB-UBND ra {out}"
    again = cli("schedule", "notice", "3", "--out", tmp_path / "kl2.pdf", "--json")
    assert json.loads(again.out)["copy"] is True


def test_compliance_and_head(cli, office3, data_dir):
    done = cli("schedule", "head", "3")
    assert done.code == 0, done.err
    day = _thursday(20)
    assert cli("schedule", "add", "--kind", "dinh_ky", "--on", day, "--start", "08:00",
               "--end", "11:00", "--host", "3").code == 0
    assert cli("schedule", "cancel", "1", "--reason", "Trùng hội nghị").code == 0
    done = cli("schedule", "compliance", "--from", day - timedelta(days=3), "--to", day,
               "--json")
    assert done.code == 0, done.err
    data = json.loads(done.out)
    assert data["hosts"][0]["host"] == "Trần Văn Phó" and data["hosts"][0]["is_head"] is True
    assert data["changes"][0]["reason"] == "Trùng hội nghị"


def test_replan_after_an_office_holiday(cli, office3, data_dir):
    day = _thursday(20)
    last = day + timedelta(days=21)
    assert cli("schedule", "add", "--kind", "dinh_ky", "--every", "TH", "--from", day,
               "--until", last, "--start", "08:00", "--end", "11:00", "--host", "2").code == 0
    db = _db(data_dir)
    from desk_app.core.cases.office_calendar import set_day

    set_day(db, day + timedelta(days=7), "holiday", "Nghỉ theo quyết định của tỉnh")
    db.close()
    done = cli("schedule", "replan", "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out) == {"moved": 1}
    listed = json.loads(cli("schedule", "--from", day, "--to", last, "--json").out)
    moved = [s for s in listed["sessions"] if s["calendar_note"]]
    assert len(moved) == 1 and moved[0]["calendar_note"].endswith(
        "(Nghỉ theo quyết định của tỉnh)")
    # Moved within the week of the day off (policy same_week), onto a working day.
    new_day = date.fromisoformat(moved[0]["starts_at"][:10])
    off = day + timedelta(days=7)
    assert new_day != off and (new_day - timedelta(days=new_day.weekday())) == (
        off - timedelta(days=off.weekday()))
    db = _db(data_dir)
    from desk_app.core.cases.office_calendar import load_calendar

    assert load_calendar(db).is_working_day(new_day)
    db.close()
