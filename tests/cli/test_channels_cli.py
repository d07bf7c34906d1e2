"""desk-app address, desk-app body, a letter and a forwarded petition through intake, the
mediation and police steps of `case`, the dashboard's two new lines."""

from __future__ import annotations

import json

from desk_app import messages
from tests.cli.test_cli import example_visit, write


def test_address_suggests_the_new_commune(cli):
    done = cli("--json", "address", "Thôn Khúc Toại, xã Khúc Xuyên, TP Bắc Ninh, Bắc Ninh")
    assert done.code == 0
    assert json.loads(done.out)["commune"] == "Phường Kinh Bắc, Bắc Ninh"
    split = json.loads(cli("--json", "address", "Kim", "Mã,", "Ba", "Đình,", "Hà", "Nội").out)
    assert split["commune_code"] is None and len(split["candidates"]) == 3
    nothing = cli("address", "Thôn Trung")
    assert nothing.out.strip() == messages.OLD_ADDRESS_NOT_FOUND.format(address="Thôn Trung")


def test_body_edits_the_directory(cli, office):
    done = cli("--json", "body", "--name", "Hợp tác xã nông nghiệp Nhân Hòa", "--kind",
               "don_vi_su_nghiep", "--alias", "HTX Nhân Hòa")
    assert done.code == 0, done.err
    code = json.loads(done.out)["code"]
    rows = json.loads(cli("--json", "codes", "bodies").out)
    assert any(r["code"] == code for r in rows)
    again = cli("body", "--name", "UBND tỉnh Bắc Ninh", "--kind", "ubnd")
    assert (again.code, again.err.strip()) == (1, messages.BODY_DUPLICATE.format(
        name="UBND tỉnh Bắc Ninh", other="Ủy ban nhân dân tỉnh Bắc Ninh"))
    bad = cli("body", "--name", "Cơ quan X", "--kind", "bo")
    assert bad.code == 1 and "bo" in bad.err


def test_letters_and_forwarded_petitions_through_intake(cli, office, tmp_path):
    letter = {"channel": "buu_chinh", "received_at": "2026-11-18T08:00", "mailed_on": "2026-11-16",
              "person": {"full_name": "Ngô Thị Bưởi", "id_kind": "khong",
                         "address": "Thôn Khúc Toại, phường Nhân Hòa"},
              "petition_kind": "kien_nghi", "topic": "dat_dai", "summary": "Kiến nghị làm đường"}
    forwarded = {**letter, "channel": "chuyen_den", "mailed_on": None,
                 "source_body": "UBND tỉnh Bắc Ninh", "source_doc_no": "123/UBND-TCD"}
    done = cli("--json", "intake", write(tmp_path, [letter, forwarded]))
    assert done.code == 0, done.err
    first, second = json.loads(done.out)
    assert first["receipt_no"] == "01/BNĐ-TCD" and second["receipt_no"] is None
    out = tmp_path / "bao.pdf"
    printed = cli("receipt", first["visit_id"], "--out", out)
    assert printed.code == 0 and out.exists()
    assert printed.out.strip() == f"Đã in giấy báo đã nhận đơn số 01/BNĐ-TCD ra {out}"

    # The book of petitions received holds both; the log book 03/TCD neither.
    books = tmp_path / "don.xlsx"
    done = cli("--json", "log", "--from", "2026-11-01", "--to", "2026-11-30", "--book",
               "tiep_nhan_don", "--out", books)
    assert done.code == 0, done.err
    assert json.loads(done.out)["rows"] == 2
    receptions = cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                     tmp_path / "tcd.xlsx")
    assert receptions.out.strip() == f"Đã xuất 0 dòng sổ tiếp công dân ra {tmp_path / 'tcd.xlsx'}"
    none = cli("receipt", second["visit_id"], "--out", tmp_path / "x.pdf")
    assert none.code == 1 and "không lập giấy biên nhận" in none.err
    case = json.loads(cli("--json", "case", second["case_id"]).out)
    assert "report_to_transferring_body" in [m["milestone"]["key"] for m in case["milestones"]]
    # A reception kind on a letter is refused with the visit named.
    bad = cli("intake", write(tmp_path, [{**letter, "reception_kind": "dinh_ky"}]))
    assert bad.code == 1 and "Lượt tiếp thứ 1" in bad.err


def test_mediation_and_police_steps(cli, office, tmp_path):
    dispute = example_visit(outcome="mediation", outcome_body="Tổ hòa giải thôn Khúc Toại")
    done = cli("--json", "intake", write(tmp_path, dispute))
    assert done.code == 0, done.err
    case_id = json.loads(done.out)["case_id"]
    listed = json.loads(cli("--json", "cases", "--view", "mediation").out)
    assert [c["id"] for c in listed] == [case_id]
    refused = cli("case", case_id, "--act", "mediated")
    assert refused.code == 1 and refused.err.strip() == messages.MEDIATION_RESULT_NOTE_REQUIRED
    assert cli("case", case_id, "--act", "mediated", "--note", "Hòa giải thành").code == 0
    assert json.loads(cli("--json", "case", case_id).out)["status"] == "closed"
    crowd = cli("--json", "intake", write(tmp_path, example_visit(
        crowd_size=6, representatives=[{"full_name": "Lê Văn Hùng", "id_number": "027078004321",
                                         "date_of_birth": "1978-05-02", "sex": "Nam"}])))
    crowd_case = json.loads(crowd.out)["case_id"]
    board = json.loads(cli("--json", "dashboard").out)
    assert board["police"] == 1
    bad = cli("case", crowd_case, "--act", "police", "--body", "Công an phường", "--at", "sáng")
    assert bad.code == 1 and "YYYY-MM-DDTHH:MM" in bad.err
    ok = cli("case", crowd_case, "--act", "police", "--body", "Công an phường Nhân Hòa",
             "--at", "2026-11-16T09:30")
    assert ok.code == 0, ok.err
    assert json.loads(cli("--json", "dashboard").out)["police"] == 0
