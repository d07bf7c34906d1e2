"""`desk-app codes` (docs/cli.md, “desk-app codes”): every code the commands and the intake
file take, with its Vietnamese name, from where the app itself reads it."""

from __future__ import annotations

import json

import pytest

from desk_app import messages
from desk_app.cli_codes import LISTS
from desk_app.core import catalog
from desk_app.core.model import IdKind, Outcome, PetitionKind, ReceptionKind
from tests.cli.test_cli import example_visit, write


def test_menu(cli):
    done = cli("codes")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0] == "Danh sách mã (desk-app codes DANH_SÁCH):"
    assert [line.split()[0] for line in lines[1:]] == list(LISTS)


def test_topics_are_the_catalogue(cli):
    done = cli("codes", "topics")
    assert done.code == 0, done.err
    assert "dat_dai              Đất đai" in done.out.splitlines()
    rows = json.loads(cli("--json", "codes", "topics").out)
    assert rows == [{"code": t.code, "name": t.name} for t in catalog.topics()]
    assert len(rows) == 15


def test_provinces_and_communes(cli):
    provinces = json.loads(cli("--json", "codes", "provinces").out)
    assert len(provinces) == 34  # after the 2025 reform
    assert {"code": 24, "name": catalog.province_name(24)} in provinces
    communes = json.loads(cli("--json", "codes", "communes", "24").out)
    assert {"code": 9253, "name": catalog.commune(9253)[0]} in communes
    assert all(catalog.commune(c["code"])[1] == 24 for c in communes)
    plain = cli("codes", "communes", "24").out
    assert f"9253                 {catalog.commune(9253)[0]}" in plain.splitlines()


@pytest.mark.parametrize(("args", "message"), [
    (["communes"], messages.CODES_PROVINCE_REQUIRED),
    (["communes", "99"], messages.PROVINCE_UNKNOWN.format(code=99)),
    (["topics", "24"], messages.CODES_PROVINCE_ONLY_COMMUNES),
])
def test_wrong_arguments(cli, args, message):
    done = cli("codes", *args)
    assert (done.code, done.out, done.err) == (1, "", message + "\n")


def test_unknown_list_is_a_usage_error(cli, capsys):
    with pytest.raises(SystemExit) as caught:
        cli("codes", "phuong")
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "lựa chọn không hợp lệ: 'phuong'" in err and "'topics'" in err


def test_refusal_grounds_say_which_need_form_01(cli):
    rows = json.loads(cli("--json", "codes", "refusal").out)
    assert [r["code"] for r in rows] == [r.code for r in catalog.refusal_reasons()]
    plain = cli("codes", "refusal").out.splitlines()
    resolved = next(line for line in plain if line.startswith("da_giai_quyet_dung "))
    assert resolved.endswith("(Nghị định 154/2026 điều 4; thông báo mẫu 01/TCD)")


def test_kinds_are_the_model_and_core_tables(cli):
    groups = json.loads(cli("--json", "codes", "kinds").out)
    codes = {key: [r["code"] for r in rows] for key, rows in groups.items()}
    assert codes["petition_kind"] == [str(k) for k in PetitionKind]
    assert codes["reception_kind"] == [str(k) for k in ReceptionKind]
    assert codes["outcome"] == [str(k) for k in Outcome]
    assert codes["id_kind"] == [str(k) for k in IdKind]
    assert codes["view"] == ["overdue", "due_soon", "waiting", "prolonged", "mediation", "police",
                             "open"]
    assert codes["channel"][0] == "truc_tiep" and "chuyen_den" in codes["channel"]
    assert codes["agent_role"] == ["uy_quyen", "luat_su", "tro_giup_phap_ly", "giam_ho"]
    assert "accept" in codes["action"] and "note" in codes["action"]
    assert "receive" not in codes["action"]  # recorded by the intake, not chosen
    assert "phieu_hen" in codes["slip"]
    plain = cli("codes", "kinds").out.splitlines()
    assert "Thao tác xử lý vụ việc (case --act):" in plain
    assert "  to_cao                   Tố cáo" in plain


def test_officers_and_bodies_need_an_office(cli, data_dir):
    for what in ("officers", "bodies"):
        done = cli("codes", what)
        assert (done.code, done.err) == (1, messages.DATA_DIR_NO_OFFICE.format(path=data_dir) + "\n")
    assert not (data_dir / "desk.sqlite3").exists()  # a read creates no office


def test_officers(cli, office):
    rows = json.loads(cli("--json", "codes", "officers").out)
    assert rows == [{"code": 1, "name": "Nguyễn Thị Hồng Nhung", "position": "Công chức"}]
    assert cli("codes", "officers").out == "   1  Nguyễn Thị Hồng Nhung — Công chức\n"


def test_bodies_directory_and_names_already_written(cli, office, tmp_path):
    rows = json.loads(cli("--json", "codes", "bodies").out)
    assert {"code": "bn.ubnd_tinh", "name": "Ủy ban nhân dân tỉnh Bắc Ninh", "address": "",
            "kind": "ubnd", "times": 0} in rows
    assert all(r["times"] == 0 for r in rows)
    guided = example_visit(outcome="guided", outcome_body="Tòa án nhân dân khu vực 1")
    transferred = example_visit(outcome="transferred", outcome_body="UBND tỉnh Bắc Ninh")
    assert cli("intake", write(tmp_path, [guided, guided, transferred])).code == 0
    rows = json.loads(cli("--json", "codes", "bodies").out)
    # Another spelling of a directory entry counts for the entry; a name outside it is listed.
    assert next(r for r in rows if r["code"] == "bn.ubnd_tinh")["times"] == 1
    assert rows[-1] == {"code": None, "name": "Tòa án nhân dân khu vực 1", "address": "",
                        "kind": "", "times": 2}
    assert "bn.ubnd_tinh" in cli("codes", "bodies").out
