"""The bundle commands end to end through `desk-app`: province set-up, key exchange, export,
dry run, import, acknowledgement, a refusal as one line with exit 1."""

from __future__ import annotations

import json


def test_ward_province_ward(cli, tmp_path):
    ward, prov = tmp_path / "ward", tmp_path / "prov"
    assert cli("init", "--province", "24", "--commune", "9253", "--officer", "Lê Văn Dũng:Chủ tịch",
               data=ward).code == 0
    r = cli("init", "--province", "24", "--mode", "province", data=prov)
    assert r.code == 0 and "24-00000" in r.out
    pk, wk = tmp_path / "tinh.key", tmp_path / "phuong.key"
    r = cli("keys", "export", "--out", pk, data=prov)
    fingerprint = r.out.split("Mã nhận dạng: ")[1].strip()
    r = cli("keys", "import", pk, data=ward)
    assert r.code == 0 and fingerprint in r.out
    assert cli("keys", "export", "--out", wk, data=ward).code == 0
    assert cli("keys", "import", wk, data=prov).code == 0
    visit = tmp_path / "visit.json"
    visit.write_text(json.dumps({
        "received_at": "2026-11-20T09:15", "reception_kind": "thuong_xuyen", "officer_id": 1,
        "person": {"full_name": "Đặng Văn Dũng", "id_number": "027090001234",
                   "date_of_birth": "1990-03-04", "sex": "Nam"},
        "parts": [{"kind": "kien_nghi", "topic": "dat_dai", "summary": "Kiến nghị cấp giấy chứng nhận"}],
        "outcome": "accepted"}, ensure_ascii=False), encoding="utf-8")
    assert cli("intake", visit, data=ward).code == 0
    bundle = tmp_path / "goi.dtcd"
    r = cli("--json", "export-bundle", "--out", bundle, data=ward)
    assert r.code == 0 and json.loads(r.out)["encrypted"] is True
    r = cli("import-bundle", bundle, "--dry-run", data=prov)
    assert r.code == 0 and "lượt tiếp: mới 1" in r.out and "Chạy thử" in r.out
    r = cli("import-bundle", bundle, data=prov)
    assert r.code == 0 and ": đã nhập" in r.out
    r = cli("search-wards", "dang van dung", data=prov)
    assert "24-09253" in r.out and "Đặng Văn Dũng" in r.out
    r = cli("ack", tmp_path / "goi.ack.dtca", data=ward)
    assert r.code == 0 and "đánh dấu đã gửi" in r.out
    r = cli("--json", "export-bundle", "--out", tmp_path / "goi2.dtcd", data=ward)
    assert json.loads(r.out)["counts"]["visits"] == 0
    # a bundle cut in half: one line, exit 1, nothing imported
    cut = tmp_path / "cut.dtcd"
    cut.write_bytes(bundle.read_bytes()[:200])
    r = cli("import-bundle", cut, data=prov)
    assert r.code == 1 and r.err.startswith("Không nhận gói cut.dtcd: tệp hỏng") and r.err.count("\n") == 1
    # a ward cannot import, a province cannot export
    assert cli("import-bundle", bundle, data=ward).code == 1
    assert cli("export-bundle", "--out", tmp_path / "x.dtcd", data=prov).code == 1
