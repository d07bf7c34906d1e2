"""`desk-app receipt` and `desk-app log`."""

import json

import openpyxl
import pytest

from desk_app import messages

VISIT = {
    "person": {"full_name": "Đặng Văn Dũng", "id_number": "027090001234",
               "date_of_birth": "1990-03-04", "sex": "Nam", "phone": "0912345678",
               "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"},
    "reception_kind": "thuong_xuyen", "petition_kind": "kien_nghi", "topic": "dat_dai",
    "summary": "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
    "received_at": "2026-11-20T09:15:00",
    "documents": [{"name": "Đơn kiến nghị", "pages": 2, "condition": "bản gốc"}],
}


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


@pytest.fixture
def visit(cli, office, tmp_path):
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(VISIT, ensure_ascii=False), encoding="utf-8")
    done = cli("intake", path, "--json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def test_receipt_then_a_copy(cli, visit, tmp_path):
    first = tmp_path / "bn.pdf"
    done = cli("receipt", visit["visit_id"], "--out", first)
    assert done.code == 0, done.err
    assert done.out.strip() == f"Đã in giấy biên nhận số 01/GBN-TCD ra {first}"
    assert first.read_bytes().startswith(b"%PDF")
    again = cli("receipt", visit["visit_id"], "--out", tmp_path / "bn2.pdf", "--json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == {"visit_id": visit["visit_id"], "number": "01/GBN-TCD",
                                     "copy": True, "out": str(tmp_path / "bn2.pdf")}
    assert (tmp_path / "bn2.pdf").read_bytes() != first.read_bytes()


def test_receipt_bad_input(cli, visit, tmp_path):
    done = cli("receipt", 99, "--out", tmp_path / "x.pdf")
    assert (done.code, done.err.strip()) == (1, messages.VISIT_MISSING.format(id=99))
    done = cli("receipt", visit["visit_id"], "--out", tmp_path / "x.png")
    assert done.code == 1 and "phải có đuôi .pdf" in done.err
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit) as usage:
        cli("receipt", visit["visit_id"])  # --out is required
    assert usage.value.code == 2


def test_log_as_pdf_and_xlsx(cli, visit, tmp_path):
    out = tmp_path / "so.xlsx"
    done = cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert done.code == 0, done.err
    assert done.out.strip() == f"Đã xuất 1 dòng sổ tiếp công dân ra {out}"
    sheet = openpyxl.load_workbook(out).active
    assert sheet["C6"].value.startswith("Đặng Văn Dũng\n")
    done = cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--out", tmp_path / "so.pdf",
               "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["rows"] == 1
    assert (tmp_path / "so.pdf").read_bytes().startswith(b"%PDF")


def test_log_bad_input(cli, visit, tmp_path):
    done = cli("log", "--from", "2026-11-31", "--to", "2026-11-30", "--out", tmp_path / "a.pdf")
    assert (done.code, done.err.strip()) == (1, messages.DATE_FORMAT.format(value="2026-11-31"))
    done = cli("log", "--from", "2026-11-30", "--to", "2026-11-01", "--out", tmp_path / "a.pdf")
    assert done.code == 1 and done.err.strip() == messages.LOG_RANGE_REVERSED.format(
        start="30/11/2026", end="01/11/2026")
    done = cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--out", tmp_path / "a.csv")
    assert done.code == 1 and "phải có đuôi .pdf hoặc .xlsx" in done.err
    missing_dir = tmp_path / "no" / "such" / "dir" / "a.pdf"
    done = cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--out", missing_dir)
    assert done.code == 1 and done.err.startswith(f"Không ghi được tệp {missing_dir}")
