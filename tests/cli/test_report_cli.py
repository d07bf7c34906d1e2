"""`desk-app report`: tables as text and JSON, files, a numbered PDF, the records behind a
figure, the office's period mode; bad input exits 1 with one Vietnamese line and changes
nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from desk_app import messages, paths
from desk_app.core.opening import open_db
from tests.core.reports.conftest import build_office
from tests.support import copy_template, snapshot


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


@pytest.fixture
def office(data_dir, schema_template):
    data_dir.mkdir(parents=True)
    copy_template(schema_template, paths.db_path(data_dir))  # encrypted, with its keyring
    db = open_db(paths.db_path(data_dir))
    ids = build_office(db)
    db.close()
    return ids


def _state(data_dir):
    db = open_db(paths.db_path(data_dir))
    try:
        return snapshot(db)
    finally:
        db.close()


def test_tables_as_text(cli, office):
    done = cli("report", "--period", "2026-Q4", "--table", "kntc", "--today", "2026-12-15")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0] == "Quý IV năm 2026 — Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026"
    assert lines[1] == ("Biểu số 01/KQGQ — TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO "
                        "THUỘC THẨM QUYỀN")
    assert "  [to_cao] Tố cáo" in lines
    assert "      (8) Quá thời hạn: 1" in lines
    assert not any(line.startswith("Biểu số 01/XLD") for line in lines)


def test_json_and_files(cli, office, tmp_path):
    done = cli("report", "--period", "2026-Q4", "--today", "2026-12-15", "--json")
    assert done.code == 0, done.err
    payload = json.loads(done.out)
    assert payload["tables"][1]["rows"][0]["values"]["1"] == 10
    assert payload["checks"] == {"failed": []}
    out = tmp_path / "q4.xlsx"
    done = cli("report", "--period", "2026-Q4", "--today", "2026-12-15", "--out", out)
    assert done.code == 0, done.err
    assert done.out.strip() == (f"Đã ghi báo cáo quý IV năm 2026 (số liệu tính từ ngày "
                                f"15/09/2026 đến ngày 14/12/2026) ra {out}")
    assert load_workbook(out)["01-TCD"]["B9"].value == 9


def test_issued_pdf_takes_the_next_number(cli, office, tmp_path, data_dir):
    for n in (1, 2):
        done = cli("report", "--period", "2026-Q4", "--today", "2026-12-15", "--issue",
                   "--out", tmp_path / f"q4-{n}.pdf", "--json")
        assert done.code == 0, done.err
        assert json.loads(done.out)["number"] == f"{n:02d}/BC-UBND"
        assert (tmp_path / f"q4-{n}.pdf").read_bytes().startswith(b"%PDF")


def test_explain_lists_the_records(cli, office):
    done = cli("report", "--period", "2026-Q4", "--today", "2026-12-15", "--explain",
               "kntc:to_cao:8", "--json")
    assert done.code == 0, done.err
    found = json.loads(done.out)
    assert (found["value"], found["count"]) == (1, 1)
    assert found["records"][0]["case_id"] == office["C3"]
    done = cli("report", "--period", "2026-Q4", "--today", "2026-12-15", "--explain",
               "tcd:tong:1", "--limit", "2")
    lines = done.out.splitlines()
    assert lines[0] == "Biểu số 01/TCD, dòng “Ủy ban nhân dân phường Nhân Hòa”, cột (1) Tổng số lượt tiếp: 9"
    assert lines[1] == "9 hồ sơ:"
    assert len(lines) == 5 and lines[-1] == "  … và 7 hồ sơ khác (--limit)"


def test_period_mode_is_an_office_setting(cli, office):
    done = cli("report", "--set-mode", "calendar")
    assert done.code == 0 and "Theo tháng dương lịch" in done.out
    done = cli("report", "--period", "2026-Q4", "--table", "tcd", "--json")
    assert json.loads(done.out)["period"]["start"] == "2026-10-01"
    done = cli("report", "--period", "2026-Q4", "--mode", "cutoff", "--table", "tcd", "--json")
    assert json.loads(done.out)["period"]["start"] == "2026-09-15"


@pytest.mark.parametrize(("args", "message"), [
    (("--period", "2026-Q5"), messages.REPORT_PERIOD_INVALID.format(value="2026-Q5")),
    ((), messages.REPORT_PERIOD_REQUIRED),
    (("--period", "2026-Q4", "--explain", "xld:tong:99"),
     messages.REPORT_CELL_UNKNOWN.format(cell="xld:tong:99")),
    (("--period", "2026-Q4", "--explain", "xld"), messages.REPORT_CELL_INVALID.format(cell="xld")),
    (("--period", "2026-Q4", "--issue"), messages.REPORT_ISSUE_PDF_ONLY),
    (("--period", "2026-Q4", "--issue", "--out", "x.xlsx"), messages.REPORT_ISSUE_PDF_ONLY),
    (("--period", "2026-Q4", "--out", "x.docx"), messages.REPORT_OUT_FORMAT.format(path="x.docx")),
    (("--period", "2026-Q4", "--today", "15/12/2026"),
     messages.DATE_FORMAT.format(value="15/12/2026")),
])
def test_bad_input_exits_1_and_changes_nothing(cli, office, data_dir, args, message):
    before = _state(data_dir)
    done = cli("report", *args)
    assert (done.code, done.err.strip(), done.out) == (1, message, "")
    assert _state(data_dir) == before


def test_runs_as_a_real_process(office, data_dir):
    done = subprocess.run([sys.executable, "-m", "desk_app", "--data-dir", str(data_dir),
                           "report", "--period", "2026-Q4", "--table", "sessions", "--today",
                           "2026-12-15"], capture_output=True, text=True, encoding="utf-8",
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "      (2) Số tuần Chủ tịch chưa tiếp: 11" in done.stdout.splitlines()
