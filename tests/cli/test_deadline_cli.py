"""`desk-app deadline` (docs/cli.md): pure computation, no database or office needed."""

from __future__ import annotations

import json

from desk_app import paths


def test_prints_each_milestone_with_date_and_explanation(cli, data_dir):
    # Complaints Law art. 27 as amended by Law 136/2025: 7 working days from Fri 29/01/2027 across
    # Tết (04–10/02/2027) → Tue 16/02/2027.
    done = cli("deadline", "--kind", "khieu_nai", "--received", "2027-01-29")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].startswith("Bộ quy tắc: Từ 01/07/2026")
    row = next(i for i, line in enumerate(lines) if "Thụ lý khiếu nại" in line)
    assert lines[row].startswith("16/02/2027")
    assert "04/02–10/02 (Tết Nguyên đán)" in lines[row + 1]
    assert any(line.startswith("chưa tính") and "Giải quyết khiếu nại lần đầu" in line
               for line in lines)
    assert not paths.db_path(data_dir).exists()  # no database was opened or created


def test_json_remote_complex_second_instance(cli):
    # Complaints Law art. 37: remote area, complex, second instance: 70 days from Wed 03/02/2027
    # → Wed 14/04/2027.
    done = cli("deadline", "--kind", "khieu_nai", "--received", "2027-01-29", "--accepted",
               "2027-02-03", "--instance", "2", "--complex", "--remote", "--json")
    assert done.code == 0, done.err
    milestones = {m["key"]: m for m in json.loads(done.out)}
    assert milestones["complaint_resolution_2"]["due_on"] == "2027-04-14"
    assert milestones["complaint_resolution_2"]["rule_set"] == "tu-2026-07-01"
    assert set(milestones["complaint_acceptance"]) == {
        "key", "label", "due_on", "explanation", "basis", "rule_set", "start_event", "local", "paused"}


def test_suspended_and_extended_denunciation(cli):
    # Denunciation Law art. 30 + art. 34(2): accepted Mon 12/10/2026, especially complex, extended
    # twice (90 days), suspended Tue 20/10 – Fri 30/10: 13–19/10 used (7), 83 left from 30/10:
    # 30/10 + 83 = Thu 21/01/2027.
    done = cli("deadline", "--kind", "to_cao", "--received", "05/10/2026", "--accepted",
               "2026-10-12", "--especially-complex", "--extensions", "2",
               "--suspended", "2026-10-20:2026-10-30", "--json")
    assert done.code == 0, done.err
    resolution = {m["key"]: m for m in json.loads(done.out)}["denunciation_resolution"]
    assert resolution["due_on"] == "2027-01-21"
    # Still suspended: no date.
    done = cli("deadline", "--kind", "to_cao", "--received", "2026-10-05", "--accepted",
               "2026-10-12", "--suspended", "2026-10-20:", "--json")
    resolution = {m["key"]: m for m in json.loads(done.out)}["denunciation_resolution"]
    assert resolution["due_on"] is None and resolution["paused"] is True


def test_bad_input_is_one_vietnamese_line_exit_1(cli):
    for args, needle in (
        (("--kind", "khieunai", "--received", "2026-10-05"), "Loại đơn “khieunai”"),
        (("--kind", "khieu_nai", "--received", "2026-13-05"), "không hợp lệ"),
        (("--kind", "khieu_nai", "--received", "2101-01-03"), "2000–2100"),
        (("--kind", "khieu_nai", "--received", "2026-10-05", "--suspended", "2026-10-06"),
         "tạm đình chỉ"),
        (("--kind", "to_cao", "--received", "2026-10-05", "--extensions", "1"), "gia hạn"),
    ):
        done = cli("deadline", *args)
        assert done.code == 1, args
        assert needle in done.err
        assert len(done.err.strip().splitlines()) == 1
        assert done.out == ""
