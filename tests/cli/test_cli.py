"""The headless command line (docs/cli.md): exit codes, one-line Vietnamese errors, JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk_app import messages, paths
from desk_app.core import catalog
from desk_app.core.model import Sex
from desk_app.core.reception.intake import RECEIPT_KIND
from tests.support import SIGN_IN_ENV, cccd, indexed_lines

# Well inside the past, whatever day the suite runs (the CLI checks against the real clock).
PAST = (datetime.now() - timedelta(days=3)).replace(hour=9, minute=15, second=0, microsecond=0)


def example_visit(**changes) -> dict:
    """The first example of docs/intake-format.md, with a recent date and a consistent CCCD."""
    visit = {
        "person": {"full_name": "Đặng Văn Dũng", "id_number": cccd(1990, Sex.NAM, "027", 1234),
                   "date_of_birth": "1990-03-04", "sex": "Nam", "phone": "0912345678",
                   "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"},
        "reception_kind": "thuong_xuyen", "petition_kind": "kien_nghi", "topic": "dat_dai",
        "summary": "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
        "received_at": PAST.isoformat(timespec="seconds"),
        "documents": [{"name": "Đơn kiến nghị", "pages": 2, "condition": "bản gốc"}],
    }
    visit.update(changes)
    return visit


def second_visit() -> dict:
    return example_visit(
        person={"full_name": "Trương Thị Hằng", "id_number": cccd(1985, Sex.NU, "024", 777),
                "date_of_birth": "1985-11-20", "sex": "Nữ", "address": "Thôn Khúc Toại"},
        petition_kind="phan_anh", topic="moi_truong",
        summary="Phản ánh xưởng gỗ gây tiếng ồn ban đêm",
        received_at=(PAST + timedelta(hours=2)).isoformat(timespec="seconds"))


def write(tmp_path: Path, payload, name="visits.json") -> Path:
    path = tmp_path / name
    if isinstance(payload, str | bytes):
        path.write_bytes(payload if isinstance(payload, bytes) else payload.encode("utf-8"))
    else:
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def count(read_db, table: str) -> int:
    with read_db() as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def one_line_error(done, expected: str) -> None:
    assert done.code == 1
    assert done.out == ""
    assert done.err == expected + "\n"
    assert done.err.count("\n") == 1


# ---- init ----------------------------------------------------------------------------------


def test_init(cli, read_db):
    done = cli("--json", "init", "--province", "24", "--commune", "9253", "--officer",
               "Nguyễn Thị Hồng Nhung:Công chức", "--officer", "Lê Văn Dũng")
    assert done.code == 0, done.err
    office = json.loads(done.out)
    assert office["province_code"] == 24 and office["commune_code"] == 9253
    assert office["commune_name"] == catalog.commune(9253)[0]
    assert office["province_name"] == catalog.province_name(24)
    with read_db() as conn:
        assert conn.execute("SELECT full_name, position FROM officers ORDER BY id").fetchall() == [
            ("Nguyễn Thị Hồng Nhung", "Công chức"), ("Lê Văn Dũng", "")]


def test_init_plain_text(cli):
    done = cli("init", "--province", "24", "--commune", "9253")
    assert done.code == 0
    assert done.out.startswith("Đã thiết lập: Ủy ban nhân dân")
    assert catalog.commune(9253)[0].lower() in done.out.lower()


def test_init_twice(cli, office):
    again = cli("init", "--province", "24", "--commune", "9253")
    one_line_error(again, messages.OFFICE_EXISTS)


def test_init_bad_commune_code(cli, data_dir):
    done = cli("init", "--province", "24", "--commune", "99999999")
    one_line_error(done, messages.COMMUNE_UNKNOWN.format(code=99999999))
    assert not paths.db_path(data_dir).exists()


def test_init_bad_province_code(cli):
    done = cli("init", "--province", "99", "--commune", "9253")
    one_line_error(done, messages.PROVINCE_UNKNOWN.format(code=99))


def test_init_commune_of_another_province(cli, data_dir):
    hanoi_ward = int(catalog.communes(1)[0].code)
    assert catalog.commune(hanoi_ward)[1] == 1
    done = cli("init", "--province", "24", "--commune", str(hanoi_ward))
    one_line_error(done, messages.COMMUNE_NOT_IN_PROVINCE.format(commune=hanoi_ward, province=24))
    assert not paths.db_path(data_dir).exists()


@pytest.mark.parametrize("argv", [
    ["init", "--province", "24"],  # --commune missing
    ["init", "--province", "hai-bốn", "--commune", "9253"],
    ["frobnicate"],
    ["intake"],
    ["search"],
    ["demo", "--visits", "nhiều"],
])
def test_usage_errors_exit_2(cli, capsys, argv):
    with pytest.raises(SystemExit) as caught:
        cli(*argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Lệnh không đúng: ") and err.endswith(" -h\n")
    assert err.count("\n") == 1  # one line, in Vietnamese, not argparse's usage text
    assert "usage" not in err and "argument" not in err


# ---- intake --------------------------------------------------------------------------------


def test_intake_design_example(cli, office, tmp_path, read_db):
    done = cli("--json", "intake", write(tmp_path, example_visit()))
    assert done.code == 0, done.err
    answer = json.loads(done.out)
    assert isinstance(answer["visit_id"], int)
    assert isinstance(answer["case_id"], int)
    with read_db() as conn:
        visit = conn.execute("SELECT received_at, reception_kind, person_id FROM visits WHERE id = ?",
                             [answer["visit_id"]]).fetchone()
        assert visit == (PAST.isoformat(), "thuong_xuyen", answer["person_id"])
        person = conn.execute("SELECT full_name, id_number, sex FROM persons WHERE id = ?",
                              [answer["person_id"]]).fetchone()
        assert person == ("Đặng Văn Dũng", example_visit()["person"]["id_number"], "Nam")
        case = conn.execute("SELECT kind, topic FROM cases WHERE id = ?", [answer["case_id"]])
        assert case.fetchone() == ("kien_nghi", "dat_dai")
        receipt = conn.execute("SELECT number FROM issued_documents WHERE visit_id = ? AND kind = ?",
                               [answer["visit_id"], RECEIPT_KIND]).fetchone()
        assert receipt == (answer["receipt_no"],)
        docs = conn.execute("SELECT name, pages, copy FROM visit_documents WHERE visit_id = ?",
                            [answer["visit_id"]]).fetchall()
        assert docs == [("Đơn kiến nghị", 2, "ban_goc")]
        assert len(indexed_lines(conn)) == 1


def test_intake_plain_text_answer(cli, office, tmp_path, read_db):
    done = cli("intake", write(tmp_path, example_visit()))
    assert done.code == 0, done.err
    with read_db() as conn:
        visit_id, number = conn.execute("SELECT visit_id, number FROM issued_documents").fetchone()
    assert str(visit_id) in done.out and number in done.out


def test_intake_list(cli, office, tmp_path, read_db):
    third = example_visit(received_at=(PAST + timedelta(hours=4)).isoformat(),
                          person={**example_visit()["person"], "phone": ""})
    done = cli("--json", "intake", write(tmp_path, [example_visit(), second_visit(), third]))
    assert done.code == 0, done.err
    answer = json.loads(done.out)
    assert isinstance(answer, list) and len(answer) == 3
    assert len({a["visit_id"] for a in answer}) == 3
    assert answer[0]["person_id"] == answer[2]["person_id"] != answer[1]["person_id"]
    receipts = [int(a["receipt_no"].split("/")[0]) for a in answer]
    assert receipts == [receipts[0], receipts[0] + 1, receipts[0] + 2]
    assert count(read_db, "visits") == 3
    assert count(read_db, "persons") == 2
    with read_db() as conn:
        phone = conn.execute("SELECT phone FROM persons WHERE id = ?", [answer[0]["person_id"]])
        assert phone.fetchone()[0] == "0912345678"


def test_intake_mixed_parts_and_refusal(cli, office, tmp_path, read_db):
    reason = catalog.refusal_reasons()[0]
    mixed = example_visit(parts=[
        {"kind": "khieu_nai", "topic": "boi_thuong_gpmb", "summary": "Khiếu nại giá bồi thường"},
        {"kind": "to_cao", "topic": "tham_nhung", "summary": "Tố cáo cán bộ nhận tiền"}])
    refused = second_visit() | {"outcome": "refused", "refusal_reason": reason.code}
    done = cli("--json", "intake", write(tmp_path, [mixed, refused]))
    assert done.code == 0, done.err
    first, second = json.loads(done.out)
    assert len(first["petition_ids"]) == 2 and len(first["case_ids"]) == 2
    assert second["receipt_no"] is None and second["case_id"] is None
    with read_db() as conn:
        assert conn.execute("SELECT refusal_reason FROM visits WHERE id = ?",
                            [second["visit_id"]]).fetchone() == (reason.code,)


def test_mid_file_failure_saves_nothing(cli, office, tmp_path, read_db):
    bad = second_visit() | {"topic": "khong_co_linh_vuc"}
    done = cli("intake", write(tmp_path, [example_visit(), bad, example_visit()]))
    one_line_error(done, messages.INTAKE_ITEM.format(
        index=2, message=messages.TOPIC_UNKNOWN.format(value="khong_co_linh_vuc")))
    for table in ("visits", "persons", "petitions", "cases", "issued_documents",
                  "visit_documents", "search_vocab"):
        assert count(read_db, table) == 0, table
    with read_db() as conn:
        assert indexed_lines(conn) == {}


def test_failure_after_earlier_intake_keeps_only_the_earlier_one(cli, office, tmp_path, read_db):
    assert cli("intake", write(tmp_path, example_visit(), "first.json")).code == 0
    with read_db() as conn:
        before = {t: conn.execute(f"SELECT * FROM {t}").fetchall()
                  for t in ("visits", "persons", "petitions", "issued_documents")}
        fts = indexed_lines(conn)
    wrong_sex = second_visit()
    wrong_sex["person"] = {**wrong_sex["person"], "sex": "Nam"}
    done = cli("intake", write(tmp_path, [second_visit(), wrong_sex], "second.json"))
    one_line_error(done, messages.INTAKE_ITEM.format(
        index=2, message=messages.ID_SEX.format(id_sex="Nữ", sex="Nam")))
    with read_db() as conn:
        assert {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in before} == before
        assert indexed_lines(conn) == fts


def test_malformed_json(cli, office, tmp_path, read_db):
    text = '{"person": {"full_name": "Đặng Văn Dũng",}\n'
    path = write(tmp_path, text)
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        expected = messages.INTAKE_FILE_JSON.format(path=path, line=exc.lineno, col=exc.colno,
                                                    why=exc.msg)
    done = cli("intake", path)
    one_line_error(done, expected)
    assert count(read_db, "visits") == 0


def test_not_utf8(cli, office, tmp_path):
    path = write(tmp_path, json.dumps(example_visit(), ensure_ascii=False).encode("cp1258",
                                                                                 "replace"))
    done = cli("intake", path)
    assert done.code == 1
    assert done.err.startswith(f"Tệp {path} không phải JSON hợp lệ")
    assert "UTF-8" in done.err


def test_utf8_with_bom_is_accepted(cli, office, tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(example_visit(), ensure_ascii=False)
                 .encode("utf-8"))
    assert cli("intake", path).code == 0


def test_missing_file(cli, office, tmp_path, read_db):
    path = tmp_path / "khong-co.json"
    done = cli("intake", path)
    one_line_error(done, messages.INTAKE_FILE_MISSING.format(path=path))
    assert count(read_db, "visits") == 0


@pytest.mark.parametrize("payload", [[], [1, 2], "\"một chuỗi\"", "42", [example_visit(), "x"]])
def test_wrong_shape(cli, office, tmp_path, read_db, payload):
    path = write(tmp_path, payload)
    done = cli("intake", path)
    one_line_error(done, messages.INTAKE_FILE_SHAPE.format(path=path))
    assert count(read_db, "visits") == 0


@pytest.mark.parametrize(("change", "message"), [
    ({"person": None}, messages.INTAKE_FIELD_MISSING.format(field="person")),
    ({"received_at": "20/11/2026"}, messages.DATETIME_FORMAT.format(value="20/11/2026")),
    ({"petition_kind": "don_thu"}, messages.PETITION_KIND_UNKNOWN.format(
        value="don_thu", choices="khieu_nai, to_cao, kien_nghi, phan_anh")),
    ({"summary": ""}, messages.INTAKE_FIELD_MISSING.format(field="summary")),
    ({"crowd_size": "năm"}, messages.INTAKE_FIELD_TYPE.format(field="crowd_size", value="năm")),
    ({"documents": [{"name": "Đơn", "pages": 0}]}, messages.DOC_PAGES.format(name="Đơn", pages=0)),
])
def test_bad_field_names_the_visit(cli, office, tmp_path, read_db, change, message):
    done = cli("intake", write(tmp_path, [example_visit(), example_visit(**change)]))
    one_line_error(done, messages.INTAKE_ITEM.format(index=2, message=message))
    assert count(read_db, "visits") == 0


def test_intake_before_init(cli, tmp_path, data_dir):
    done = cli("intake", write(tmp_path, example_visit()))
    one_line_error(done, messages.DATA_DIR_NO_OFFICE.format(path=data_dir))
    assert not data_dir.exists()


def test_intake_in_the_future_is_refused(cli, office, tmp_path, read_db):
    later = datetime.now() + timedelta(days=2)
    done = cli("intake", write(tmp_path, example_visit(received_at=later.isoformat())))
    assert done.code == 1
    assert "ở tương lai" in done.err
    assert count(read_db, "visits") == 0


# ---- search --------------------------------------------------------------------------------


def test_search_json_keeps_diacritics(cli, office, tmp_path):
    assert cli("intake", write(tmp_path, [example_visit(), second_visit()])).code == 0
    done = cli("--json", "search", "dang", "van", "dung")
    assert done.code == 0, done.err
    rows = json.loads(done.out)
    assert [r["person_name"] for r in rows] == ["Đặng Văn Dũng"]
    assert rows[0]["summary"] == example_visit()["summary"]
    assert "Đặng Văn Dũng" in done.out  # written as UTF-8 text, not \\u escapes


def test_search_plain_text(cli, office, tmp_path):
    assert cli("intake", write(tmp_path, second_visit())).code == 0
    done = cli("search", "TIẾNG ỒN")
    assert done.code == 0
    assert "Trương Thị Hằng" in done.out and "[Phản ánh]" in done.out
    nothing = cli("search", "khongcoai")
    assert nothing.code == 0 and nothing.out.strip() == "Không tìm thấy kết quả."


def test_search_masks_denouncer(cli, office, tmp_path):
    denunciation = example_visit(petition_kind="to_cao", topic="tham_nhung",
                                 summary="Tố cáo cán bộ địa chính nhận tiền")
    assert cli("intake", write(tmp_path, denunciation)).code == 0
    by_name = cli("--json", "search", "Đặng Văn Dũng")
    assert json.loads(by_name.out) == []
    by_content = json.loads(cli("--json", "search", "dia chinh").out)
    assert len(by_content) == 1
    assert by_content[0]["person_name"] == messages.MASKED_NAME
    assert "Đặng" not in cli("--json", "search", "dia chinh").out


def test_search_empty_text(cli, office):
    done = cli("search", " ")
    one_line_error(done, messages.SEARCH_EMPTY)


# ---- demo ----------------------------------------------------------------------------------


def test_demo_then_search_is_deterministic(cli, tmp_path, read_db):
    names = []
    for run in ("a", "b"):
        done = cli("--json", "demo", "--visits", "300", "--seed", "3", data=tmp_path / run)
        assert done.code == 0, done.err
        assert json.loads(done.out) == {"visits": 300}
        with read_db(tmp_path / run) as conn:
            names.append(conn.execute("SELECT full_name FROM persons ORDER BY id").fetchall())
    assert names[0] == names[1]
    assert len(names[0]) > 100

    with read_db(tmp_path / "a") as conn:
        (name,) = conn.execute(
            "SELECT pe.full_name FROM petitions p JOIN persons pe ON pe.id = p.person_id"
            " WHERE p.kind <> 'to_cao' ORDER BY p.id LIMIT 1").fetchone()
    found = cli("--json", "search", name, data=tmp_path / "a")
    rows = json.loads(found.out)
    assert rows and all(r["person_name"] == name for r in rows)

    other = cli("--json", "demo", "--visits", "300", "--seed", "4", data=tmp_path / "c")
    assert other.code == 0
    with read_db(tmp_path / "c") as conn:
        assert conn.execute("SELECT full_name FROM persons ORDER BY id").fetchall() != names[0]


# ---- a real process ------------------------------------------------------------------------


def _run(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DESK_APP") or k in SIGN_IN_ENV}
    return subprocess.run([sys.executable, "-m", "desk_app", "--data-dir", str(data), *args],
                          capture_output=True, timeout=120, env=env, check=False)


def test_python_dash_m(tmp_path):
    data = tmp_path / "proc"
    bad = _run("init", "--province", "24", "--commune", "99999999", data=data)
    assert bad.returncode == 1
    assert bad.stdout == b""
    assert bad.stderr.decode("utf-8") == messages.COMMUNE_UNKNOWN.format(code=99999999) + "\n"

    good = _run("init", "--province", "24", "--commune", "9253", data=data)
    assert good.returncode == 0, good.stderr.decode("utf-8", "replace")
    visit = write(tmp_path, example_visit())
    done = _run("--json", "intake", str(visit), data=data)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout.decode("utf-8"))["receipt_no"]
    found = _run("--json", "search", "Dang Van Dung", data=data)
    assert found.returncode == 0
    assert [r["person_name"] for r in json.loads(found.stdout.decode("utf-8"))] == ["Đặng Văn Dũng"]

    usage = _run("nope", data=data)
    assert usage.returncode == 2
    assert usage.stderr.decode("utf-8").startswith("Lệnh không đúng: ")


def test_json_flag_after_the_command_as_in_readme(cli, office, tmp_path):
    """README: `intake visit.json --json` and `search nguyen van dung --json`."""
    done = cli("intake", write(tmp_path, example_visit()), "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["receipt_no"]
    found = cli("search", "dang", "van", "dung", "--json")
    assert [r["person_name"] for r in json.loads(found.out)] == ["Đặng Văn Dũng"]
    plain = cli("search", "dang", "van", "dung")
    assert plain.out.splitlines()[0].endswith(example_visit()["summary"])


def test_init_with_bad_commune_creates_no_file(tmp_path):
    from desk_app.cli import main

    target = tmp_path / "office"
    assert main(["--data-dir", str(target), "init", "--province", "24", "--commune", "99999"]) == 1
    assert not (target / "desk.sqlite3").exists()


def test_data_dir_after_the_command(tmp_path):
    from desk_app.cli import main

    target = tmp_path / "after"
    assert main(["init", "--province", "24", "--commune", "9253", "--data-dir", str(target)]) == 0
    assert (target / "desk.sqlite3").exists()
