"""Legal fidelity (docs/legal-fidelity.md) through the CLI: the new deadline options, the
limitation warning at intake, Form 01/TCD, the signer warning, and a receipt written to a bad
path that issues nothing."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from pypdf import PdfReader

from desk_app import messages
from desk_app.core.documents.register import refusal_record

PERSON = {"full_name": "Đặng Văn Dũng", "id_number": "027090001234",
          "date_of_birth": "1990-03-04", "sex": "Nam", "phone": "0912345678",
          "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"}
COMPLAINT = {"person": PERSON, "reception_kind": "thuong_xuyen", "petition_kind": "khieu_nai",
             "topic": "dat_dai", "summary": "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND",
             "received_at": "2026-08-04T09:15:00", "officer_id": 1}


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


def _intake(cli, tmp_path, **changes):
    path = tmp_path / "visit.json"
    path.write_text(json.dumps({**COMPLAINT, **changes}, ensure_ascii=False), encoding="utf-8")
    return cli("intake", path, "--json")


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_deadline_options_for_the_new_milestones(cli):
    # Complaints Law art. 9: known Mon 04/05/2026 + 90 = Sun 02/08 → Mon 03/08/2026. Art. 33:
    # decision received Mon 24/08/2026 + 30 = Wed 23/09/2026.
    done = cli("deadline", "--kind", "khieu_nai", "--received", "2026-08-04", "--known",
               "2026-05-04", "--accepted", "2026-08-05", "--decided", "2026-08-20",
               "--decision-received", "2026-08-24", "--json")
    assert done.code == 0, done.err
    found = {m["key"]: m for m in json.loads(done.out)}
    assert found["complaint_limitation"]["due_on"] == "2026-08-03"
    assert found["second_complaint_window"]["due_on"] == "2026-09-23"
    # Denunciation Law art. 24(1): several places, 10 working days from Mon 05/10 → Mon 19/10.
    done = cli("deadline", "--kind", "to_cao", "--received", "2026-10-05", "--several-places",
               "--json")
    assert {m["key"]: m for m in json.loads(done.out)}["denunciation_handling"]["due_on"] \
        == "2026-10-19"
    done = cli("deadline", "--kind", "khieu_nai", "--received", "2026-08-04", "--known",
               "2026-08-05")
    assert done.code == 1 and done.err.strip() == messages.DEADLINE_KNOWN_AFTER_RECEIVED.format(
        day="05/08/2026", received="04/08/2026")


def test_a_late_complaint_is_recorded_with_a_warning(cli, office, tmp_path):
    done = _intake(cli, tmp_path, known_on="2026-05-04")
    assert done.code == 0, done.err
    result = json.loads(done.out)
    assert result["case_id"] and len(result["warnings"]) == 1
    assert result["warnings"][0].startswith("Lưu ý: đơn khiếu nại nhận ngày 04/08/2026 đã quá "
                                            "thời hiệu khiếu nại")
    assert done.err.strip() == result["warnings"][0]
    # Known Wed 06/05/2026: the 90th day is Tue 04/08/2026, the day it was lodged: in time.
    in_time = _intake(cli, tmp_path, known_on="2026-05-06")
    assert in_time.code == 0 and json.loads(in_time.out)["warnings"] == [] and not in_time.err
    wrong = _intake(cli, tmp_path, petition_kind="kien_nghi", known_on="2026-05-05")
    assert wrong.code == 1 and messages.INTAKE_KNOWN_ON_NOT_COMPLAINT in wrong.err


def test_refusal_notice_from_the_cli(cli, office, tmp_path, read_db):
    done = _intake(cli, tmp_path, outcome="refused", refusal_reason="da_giai_quyet_dung",
                   received_at="2026-11-20T09:15:00")
    visit_id = json.loads(done.out)["visit_id"]
    out = tmp_path / "01tcd.pdf"
    first = cli("refusal", visit_id, "--out", out)
    assert first.code == 0, first.err
    assert first.out.strip() == f"Đã in thông báo từ chối tiếp công dân số 01/TB-UBND ra {out}"
    assert first.err.strip() == messages.SIGNER_MISSING  # printed, with a warning
    text = _text(out)
    assert "THÔNG BÁO" in text and "Về việc từ chối tiếp công dân" in text
    # Received 20/11/2026, after 01/07/2026: the ground is cited from Decree 154/2026 art. 4.
    assert "Căn cứ Điều 4 Nghị định số 154/2026/NĐ-CP" in text
    again = cli("refusal", visit_id, "--out", tmp_path / "again.pdf", "--json")
    assert json.loads(again.out) == {"visit_id": visit_id, "number": "01/TB-UBND", "copy": True,
                                     "out": str(tmp_path / "again.pdf")}
    assert "BẢN SAO" in _text(tmp_path / "again.pdf")


def test_refusal_bad_input(cli, office, tmp_path, read_db):
    accepted = json.loads(_intake(cli, tmp_path).out)["visit_id"]
    done = cli("refusal", accepted, "--out", tmp_path / "x.pdf")
    assert (done.code, done.err.strip()) == (1, messages.REFUSAL_NOT_REFUSED.format(id=accepted))
    refused = json.loads(_intake(cli, tmp_path, outcome="refused",
                                 refusal_reason="da_giai_quyet_dung").out)["visit_id"]
    done = cli("refusal", refused, "--out", tmp_path / "x.pdf", "--copy")
    assert (done.code, done.err.strip()) == (1, messages.REFUSAL_NOT_ISSUED.format(id=refused))
    # A folder that does not exist: refused before a number is used.
    done = cli("refusal", refused, "--out", tmp_path / "missing" / "x.pdf")
    assert done.code == 1 and "Không ghi được tệp" in done.err
    with read_db() as conn:
        assert conn.execute("SELECT COUNT(*) FROM issued_documents WHERE kind = 'tu_choi_01'"
                            ).fetchone()[0] == 0


def test_a_receipt_written_to_a_bad_path_stays_unissued(cli, office, tmp_path, read_db):
    visit_id = json.loads(_intake(cli, tmp_path).out)["visit_id"]
    done = cli("receipt", visit_id, "--out", tmp_path / "missing" / "bn.pdf")
    assert done.code == 1 and "Không ghi được tệp" in done.err
    with read_db() as conn:
        assert conn.execute("SELECT payload FROM issued_documents WHERE visit_id = ?",
                            [visit_id]).fetchone()[0] is None
    good = cli("receipt", visit_id, "--out", tmp_path / "bn.pdf", "--json")
    assert json.loads(good.out)["copy"] is False  # the first good write is the original
    assert "BẢN SAO" not in _text(tmp_path / "bn.pdf")


def test_refusal_record_is_none_for_an_unknown_visit(db):
    assert refusal_record(db, 4242) is None
