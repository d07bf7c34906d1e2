"""`desk-app dashboard`, `cases`, `case` (docs/cli.md, “Cases”): what they print, what `--act`
writes, and refusals that leave the database as it was.

Visits are received on fixed past days and the lists are computed `--today 2026-11-20`, so
every expected date and count below is worked out by hand:
- A, kiến nghị received Mon 02/11/2026: answer the visitor within 10 working days → Mon 16/11
  (02/11 does not count; 03–06, 09–13, 16/11), so 4 days overdue on 20/11;
- B, kiến nghị received Mon 16/11/2026: 17–20, 23, 25–27, 30/11, 01/12 (24/11 is a holiday in
  the calendar) → 01/12, not due on 20/11;
- C, a crowd of 6 (phản ánh) received Thu 19/11/2026: not due either.
"""

from __future__ import annotations

import json

import pytest

from desk_app import messages, paths
from desk_app.core.cases.lifecycle import STATUS_LABELS
from tests.cli.test_cli import example_visit, write
from tests.support import cccd, connect, snapshot

TODAY = "2026-11-20"
A_SUMMARY = "Kiến nghị sửa chữa mương thoát nước trước nhà văn hóa thôn Đông"
B_SUMMARY = "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất"
C_SUMMARY = "Phản ánh xưởng gỗ gây tiếng ồn ban đêm ở cụm dân cư số 3"


@pytest.fixture
def three_cases(cli, office, tmp_path):
    """Case ids of A, B, C (see the module docstring)."""
    a = example_visit(summary=A_SUMMARY, received_at="2026-11-02T09:00:00")
    b = example_visit(received_at="2026-11-16T09:15:00")
    c = example_visit(
        person={"full_name": "Trương Thị Hằng", "id_number": cccd(1985, "Nữ", "024", 777),
                "date_of_birth": "1985-11-20", "sex": "Nữ", "address": "Thôn Khúc Toại"},
        petition_kind="phan_anh", topic="moi_truong", summary=C_SUMMARY,
        received_at="2026-11-19T14:00:00", crowd_size=6)
    done = cli("--json", "intake", write(tmp_path, [a, b, c]))
    assert done.code == 0, done.err
    return [answer["case_id"] for answer in json.loads(done.out)]


@pytest.fixture
def db_snapshot(data_dir):
    def take():
        conn = connect(paths.db_path(data_dir))
        try:
            return snapshot(conn)
        finally:
            conn.close()
    return take


def test_dashboard_counts(cli, three_cases):
    done = cli("dashboard", "--today", TODAY)
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0] == "Ngày 20/11/2026: 3 vụ việc đang giải quyết"
    assert "  Quá hạn: 1" in lines
    assert "  Chờ cơ quan nhận đơn trả lời: 0" in lines
    assert f"  {STATUS_LABELS['received']}: 3" in lines

    data = json.loads(cli("--json", "dashboard", "--today", TODAY).out)
    assert (data["open"], data["overdue"], data["waiting"]) == (3, 1, 0)
    assert data["today"] == TODAY


def test_dashboard_of_an_officer_with_no_cases(cli, three_cases):
    data = json.loads(cli("--json", "dashboard", "--today", TODAY, "--officer", "1").out)
    assert data["open"] == 0 and data["overdue"] == 0


def test_cases_lists_the_overdue_ones_by_default(cli, three_cases):
    a, _b, _c = three_cases
    done = cli("cases", "--today", TODAY)
    assert done.code == 0, done.err
    (line,) = done.out.splitlines()
    assert line.startswith(f"#{a:<7} 2026-11-02  Đặng Văn Dũng  [Kiến nghị]  Đã tiếp nhận")
    assert "Quá hạn 4 ngày" in line and line.endswith(A_SUMMARY)
    rows = json.loads(cli("--json", "cases", "--today", TODAY).out)
    assert [r["id"] for r in rows] == [a]


def test_cases_other_views_and_flags(cli, three_cases):
    a, b, c = three_cases
    everything = json.loads(cli("--json", "cases", "--view", "open", "--today", TODAY).out)
    assert sorted(r["id"] for r in everything) == sorted([a, b, c])
    crowd = json.loads(cli("--json", "cases", "--view", "open", "--flag", "crowd").out)
    assert [r["id"] for r in crowd] == [c]
    assert cli("cases", "--view", "waiting").out == "Không có vụ việc nào.\n"
    limited = json.loads(cli("--json", "cases", "--view", "open", "--limit", "2").out)
    assert len(limited) == 2


def test_cases_unknown_flag(cli, three_cases):
    done = cli("cases", "--flag", "hot")
    assert (done.code, done.out) == (1, "")
    assert done.err.startswith("Không có dấu hiệu “hot”.")


def test_case_shows_its_milestones_and_events(cli, three_cases):
    a = three_cases[0]
    done = cli("case", str(a))
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0] == f"Vụ việc #{a}: {A_SUMMARY}"
    assert lines[1] == "  Kiến nghị · Đất đai · Đã tiếp nhận · nhận 2026-11-02"
    assert "  Người: Đặng Văn Dũng" in lines
    answer = next(i for i, line in enumerate(lines) if "Trả lời người đến" in line)
    assert lines[answer].startswith("    16/11/2026 Trả lời người đến")
    assert "10 ngày làm việc kể từ ngày tiếp nhận 02/11/2026" in lines[answer + 1]
    assert lines[-1] == "    2026-11-02  Tiếp nhận"
    data = json.loads(cli("--json", "case", str(a)).out)
    assert data["id"] == a and data["status_label"] == "Đã tiếp nhận"


def test_accept_records_the_step(cli, three_cases, read_db):
    a = three_cases[0]
    done = cli("case", str(a), "--act", "accept", "--on", TODAY, "--officer", "1")
    assert done.code == 0, done.err
    # A kiến nghị is considered, not accepted: the step keeps its code, with its own words.
    assert " · Đang xem xét, giải quyết · " in done.out.splitlines()[1]
    assert done.out.splitlines()[-1] == "    2026-11-20  Xem xét, giải quyết"
    with read_db() as conn:
        assert conn.execute("SELECT action, occurred_on, officer_id FROM case_events"
                            " WHERE case_id = ? ORDER BY id DESC LIMIT 1", [a]).fetchone() == (
            "accept", TODAY, 1)
        assert conn.execute("SELECT status FROM cases WHERE id = ?", [a]).fetchone() == ("accepted",)


def test_classify_as_not_competent(cli, three_cases, read_db):
    b = three_cases[1]
    done = cli("case", str(b), "--act", "classify", "--not-competent", "--on", TODAY,
               "--note", "Thuộc thẩm quyền Văn phòng đăng ký đất đai")
    assert done.code == 0, done.err
    assert done.out.splitlines()[-1] == (
        "    2026-11-20  Phân loại, xử lý đơn: Thuộc thẩm quyền Văn phòng đăng ký đất đai")
    with read_db() as conn:
        (data,) = conn.execute("SELECT data FROM case_events WHERE case_id = ? AND action ="
                               " 'classify'", [b]).fetchone()
    assert json.loads(data) == {"competent": False, "eligible": True}


def test_a_second_transfer_of_the_same_content_needs_confirm(cli, three_cases, tmp_path,
                                                             db_snapshot):
    b = three_cases[1]
    first = cli("case", str(b), "--act", "transfer", "--on", TODAY,
                "--body", "Văn phòng đăng ký đất đai tỉnh", "--doc-no", "12/UBND-TCD")
    assert first.code == 0, first.err
    assert first.out.splitlines()[-1] == (
        "    2026-11-20  Chuyển đơn — Văn phòng đăng ký đất đai tỉnh (12/UBND-TCD)")
    # The same person brings the same content again: a new case.
    again = cli("--json", "intake", write(tmp_path, example_visit(
        received_at="2026-11-19T10:00:00"), "again.json"))
    assert again.code == 0, again.err
    second = json.loads(again.out)["case_id"]
    before = db_snapshot()
    refused = cli("case", str(second), "--act", "transfer", "--on", TODAY,
                  "--body", "Sở Tài nguyên và Môi trường")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err.endswith(" (thêm --confirm)\n")
    assert "Văn phòng đăng ký đất đai tỉnh" in refused.err
    assert db_snapshot() == before
    confirmed = cli("case", str(second), "--act", "transfer", "--on", TODAY, "--confirm",
                    "--body", "Sở Tài nguyên và Môi trường")
    assert confirmed.code == 0, confirmed.err
    assert " · Đã chuyển đơn · " in confirmed.out.splitlines()[1]


def test_note(cli, three_cases, read_db):
    c = three_cases[2]
    done = cli("case", str(c), "--act", "note", "--note", "Đã gọi điện hẹn công dân",
               "--officer", "1")
    assert done.code == 0, done.err
    assert done.out.splitlines()[-1].endswith("Ghi chú: Đã gọi điện hẹn công dân")
    with read_db() as conn:
        assert conn.execute("SELECT note, officer_id FROM case_events WHERE case_id = ?"
                            " AND action = 'note'", [c]).fetchone() == (
            "Đã gọi điện hẹn công dân", 1)


@pytest.mark.parametrize(("args", "message"), [
    (["--act", "note"], messages.CASE_NOTE_EMPTY),
    (["--act", "reply", "--body", "Sở Xây dựng"], None),  # not after "received"
    (["--act", "frobnicate"], messages.CASE_ACTION_UNKNOWN.format(action="frobnicate")),
    (["--act", "accept", "--on", "20/13/2026"], messages.DATE_FORMAT.format(value="20/13/2026")),
    (["--act", "accept", "--on", "2026-10-01"], None),  # before the case was received
    (["--act", "decide", "--on", TODAY], None),  # not accepted yet
])
def test_refused_steps_change_nothing(cli, three_cases, db_snapshot, args, message):
    a = three_cases[0]
    before = db_snapshot()
    done = cli("case", str(a), *args)
    assert (done.code, done.out) == (1, "")
    assert done.err.count("\n") == 1
    if message is not None:
        assert done.err == message + "\n"
    assert db_snapshot() == before


def test_unknown_case(cli, office):
    done = cli("case", "999")
    assert (done.code, done.out) == (1, "")
    assert done.err == messages.CASE_MISSING.format(id=999) + "\n"
