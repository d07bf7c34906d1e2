"""`correct`, `cancel-visit`, `history`, `person` and safe terminal output."""

from __future__ import annotations

import json

from desk_app import messages
from tests.cli.test_cli import count, example_visit, one_line_error, write


def _intake(cli, tmp_path, *visits) -> list[dict]:
    done = cli("--json", "intake", write(tmp_path, list(visits) or [example_visit()]))
    assert done.code == 0, done.err
    out = json.loads(done.out)
    return out if isinstance(out, list) else [out]


def test_correct_lists_fields_then_corrects(cli, office, tmp_path, read_db):
    [visit] = _intake(cli, tmp_path)
    listed = cli("correct", str(visit["visit_id"]))
    assert listed.code == 0, listed.err
    assert "summary                  Tóm tắt nội dung: Kiến nghị cấp giấy chứng nhận" in listed.out
    assert "full_name                Họ và tên: Đặng Văn Dũng" in listed.out
    done = cli("--json", "correct", str(visit["visit_id"]), "--field", "summary", "--value",
               "Kiến nghị cấp sổ đỏ thửa 48", "--reason", "Ghi thiếu số thửa", "--officer", "1")
    assert done.code == 0, done.err
    assert json.loads(done.out)["field"] == "summary"
    with read_db() as conn:
        assert conn.execute("SELECT summary FROM petitions").fetchone() == ("Kiến nghị cấp sổ đỏ thửa 48",)
        assert conn.execute("SELECT old_value, reason, officer_id FROM record_corrections").fetchone() == (
            "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất", "Ghi thiếu số thửa", 1)
    history = cli("history", str(visit["visit_id"]))
    assert "Tóm tắt nội dung: “Kiến nghị cấp giấy chứng nhận quyền sử dụng đất” → " \
           "“Kiến nghị cấp sổ đỏ thửa 48”. Lý do: Ghi thiếu số thửa (Nguyễn Thị Hồng Nhung)" in history.out


def test_correct_refusals_are_one_line(cli, office, tmp_path, read_db, data_dir):
    [visit] = _intake(cli, tmp_path)
    vid = str(visit["visit_id"])
    from desk_app import paths
    from desk_app.core.opening import open_db
    from desk_app.core.storage.office import add_officer

    db = open_db(paths.db_path(data_dir))
    add_officer(db, "Lê Văn Dũng", "Chủ tịch")  # two officers: say which one corrects
    db.close()
    one_line_error(cli("correct", vid, "--field", "summary", "--value", "x", "--reason", "r"),
                   messages.CORRECTION_OFFICER_REQUIRED)
    one_line_error(cli("correct", vid, "--field", "summary", "--reason", "r", "--officer", "1"),
                   messages.CORRECTION_VALUE_REQUIRED)
    one_line_error(cli("correct", vid, "--field", "summary", "--value", "Mới", "--officer", "1"),
                   messages.CORRECTION_REASON_REQUIRED)
    one_line_error(cli("correct", vid, "--field", "phone", "--value", "123", "--reason", "r",
                       "--officer", "1"), messages.PHONE_INVALID.format(phone="123"))
    one_line_error(cli("correct", "99", "--field", "note", "--value", "x", "--reason", "r",
                       "--officer", "1"), messages.VISIT_MISSING.format(id=99))
    assert count(read_db, "record_corrections") == 0


def test_cancel_visit_keeps_the_line(cli, office, tmp_path, read_db):
    [visit] = _intake(cli, tmp_path)
    done = cli("cancel-visit", str(visit["visit_id"]), "--reason", "Ghi trùng", "--officer", "1")
    assert done.code == 0, done.err
    assert "ĐÃ HỦY" in done.out
    found = cli("search", "dang van dung")
    assert found.out.rstrip().endswith("[ĐÃ HỦY]")
    with read_db() as conn:
        assert conn.execute("SELECT COUNT(*), MAX(log_no) FROM petitions").fetchone() == (1, 1)
        assert conn.execute("SELECT status FROM cases").fetchone() == ("cancelled",)
    again = cli("cancel-visit", str(visit["visit_id"]), "--reason", "Lần nữa", "--officer", "1")
    assert again.code == 1 and again.err.startswith(f"Lượt tiếp số {visit['visit_id']} đã bị hủy")
    out = tmp_path / "r.pdf"
    receipt = cli("receipt", str(visit["visit_id"]), "--out", str(out))
    assert receipt.code == 1 and "đã bị hủy" in receipt.err and not out.exists()


def test_the_only_officer_is_the_default(cli, office, tmp_path, read_db):
    [visit] = _intake(cli, tmp_path)
    done = cli("correct", str(visit["visit_id"]), "--field", "note", "--value", "Đã gọi lại",
               "--reason", "Bổ sung")
    assert done.code == 0, done.err
    with read_db() as conn:
        assert conn.execute("SELECT officer_id FROM record_corrections").fetchone() == (1,)


def test_person_history(cli, office, tmp_path):
    first = example_visit()
    later = example_visit(person={**first["person"], "address": "Số 9 ngõ 30, phường Nhân Hòa"})
    _intake(cli, tmp_path, first, later)
    done = cli("person", first["person"]["id_number"])
    assert done.code == 0, done.err
    assert "Địa chỉ: Số 9 ngõ 30, phường Nhân Hòa" in done.out
    assert "Địa chỉ: “Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh” → “Số 9 ngõ 30, phường Nhân Hòa”" \
        in done.out
    one_line_error(cli("person", "001099009999"),
                   messages.PERSON_NOT_FOUND.format(id_number="001099009999"))


def test_search_never_prints_control_characters(cli, office, tmp_path, data_dir):
    """Old rows (entered before the checks) may hold escape sequences: they are shown, not run."""
    _intake(cli, tmp_path)
    from desk_app import paths
    from desk_app.core.opening import open_db
    from desk_app.core.reception.search_index import index_petitions

    db = open_db(paths.db_path(data_dir))
    with db.atomic():
        db.execute("UPDATE petitions SET summary = 'Kiến nghị \x1b[2J\x1b]0;x\x07 \u202eđất'")
        index_petitions(db, [1])
    db.close()
    text = cli("search", "kien nghi")
    assert "\x1b" not in text.out and "\u202e" not in text.out and "\x07" not in text.out
    assert "Kiến nghị <U+001B>[2J<U+001B>]0;x<U+0007> <U+202E>đất" in text.out
    as_json = cli("--json", "search", "kien nghi")
    assert "\x1b" not in as_json.out and "\u202e" not in as_json.out
    assert json.loads(as_json.out)[0]["summary"] == "Kiến nghị \x1b[2J\x1b]0;x\x07 \u202eđất"


def test_intake_refuses_hidden_characters_and_strings_for_booleans(cli, office, tmp_path, read_db):
    bad = example_visit(person={**example_visit()["person"], "full_name": "Đặng\u202e Văn Dũng"})
    one_line_error(cli("intake", write(tmp_path, bad)), messages.INTAKE_ITEM.format(
        index=1, message=messages.TEXT_HIDDEN_CHAR.format(field="Họ và tên", code="U+202E")))
    no = example_visit(written_by_officer="no")
    one_line_error(cli("intake", write(tmp_path, no)), messages.INTAKE_ITEM.format(
        index=1, message=messages.INTAKE_FIELD_BOOL.format(field="written_by_officer",
                                                           value='"no"')))
    assert count(read_db, "visits") == 0
