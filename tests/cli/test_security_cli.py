"""Signing in on the command line, role denial, and the three denouncer leaks closed:
`log --reveal`, `receipt --copy` and `slip de_xuat_thu_ly` of a denouncing visit
(docs/security.md)."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app import messages
from tests.support import TEST_PASSWORD, TEST_USER, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cli import PAST, example_visit, one_line_error, write  # noqa: E402

DENOUNCER, DENOUNCER_ID = "Âu Dương Phong", "027090007777"


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return unicodedata.normalize("NFC", " ".join(p.extract_text() or "" for p in reader.pages))


def _denounce(cli, tmp_path) -> dict:
    visit = example_visit(person={**example_visit()["person"], "full_name": DENOUNCER,
                                  "id_number": DENOUNCER_ID},
                          petition_kind="to_cao", topic="tham_nhung",
                          summary="Tố cáo cán bộ địa chính nhận tiền khi làm sổ đỏ")
    done = cli("--json", "intake", write(tmp_path, visit, "to_cao.json"))
    assert done.code == 0, done.err
    return json.loads(done.out)


def _reveals(read_db):
    with read_db() as conn:
        return (conn.execute("SELECT COUNT(*) FROM identity_reveals").fetchone()[0],
                [json.loads(r[0]) for r in conn.execute(
                    "SELECT detail FROM audit_events WHERE action = 'reveal' ORDER BY id")])


def _state(read_db):
    with read_db() as conn:
        return snapshot(conn)


def _add_account(cli, monkeypatch, name, role, officer="1"):
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", f"mat-khau-{name}")
    done = cli("accounts", "add", name, "--role", role, *(("--officer", officer) if officer else ()))
    assert done.code == 0, done.err


def _as(monkeypatch, name):
    monkeypatch.setenv("DESK_APP_USER", name)
    monkeypatch.setenv("DESK_APP_PASSWORD", f"mat-khau-{name}")


def test_a_wrong_password_is_one_line(cli, office, monkeypatch):
    monkeypatch.setenv("DESK_APP_PASSWORD", "sai-mat-khau")
    one_line_error(cli("dashboard"), messages.LOGIN_FAILED)
    monkeypatch.setenv("DESK_APP_PASSWORD", TEST_PASSWORD)
    assert cli("dashboard").code == 0


def test_without_credentials_and_no_terminal_the_command_says_how(cli, office, monkeypatch):
    monkeypatch.delenv("DESK_APP_PASSWORD")
    one_line_error(cli("dashboard"), messages.LOGIN_REQUIRED)


def test_init_prints_the_recovery_code_once(office):
    assert f"quản trị: {TEST_USER}" in office.out
    assert "Mã khôi phục: " in office.out


def test_roles_are_refused_before_anything_is_done(cli, office, monkeypatch, tmp_path, read_db):
    _add_account(cli, monkeypatch, "chixem", "read_only")
    _add_account(cli, monkeypatch, "hoa", "reception")
    before = _state(read_db)
    _as(monkeypatch, "chixem")
    one_line_error(cli("intake", write(tmp_path, example_visit())), messages.NOT_PERMITTED.format(
        role="Chỉ xem", what="ghi sổ, ghi bước xử lý, đính chính"))
    one_line_error(cli("log", "--from", "2026-01-01", "--to", "2026-12-31", "--out",
                       tmp_path / "s.xlsx"),
                   messages.NOT_PERMITTED.format(role="Chỉ xem", what="xuất sổ, báo cáo ra tệp"))
    assert cli("search", "Dũng").code == 0  # looking is allowed
    _as(monkeypatch, "hoa")
    one_line_error(cli("accounts", "add", "ai-do", "--role", "admin"),
                   messages.NOT_PERMITTED.format(role="Cán bộ tiếp công dân",
                                                 what="quản lý tài khoản"))
    assert _state(read_db) == before
    assert not (tmp_path / "s.xlsx").exists()


def test_log_reveal_needs_a_reason_a_role_and_is_audited(cli, office, tmp_path, read_db,
                                                         monkeypatch):
    """Leak: `log --reveal` wrote names with no reason, officer or record."""
    _denounce(cli, tmp_path)
    day = PAST.date().isoformat()
    out = tmp_path / "so.pdf"
    plain = cli("log", "--from", day, "--to", day, "--out", out)
    assert plain.code == 0, plain.err
    assert DENOUNCER not in _text(out)
    with pytest.raises(SystemExit):  # a usage error: --reveal takes the reason
        cli("log", "--from", day, "--to", day, "--out", out, "--reveal")
    _add_account(cli, monkeypatch, "hoa", "reception", officer=None)
    _as(monkeypatch, "hoa")  # a reception officer sees only the visits they received
    refused = cli("log", "--from", day, "--to", day, "--out", out, "--reveal", "Kiểm tra")
    assert refused.code == 1 and "xem danh tính người tố cáo" in refused.err
    assert _reveals(read_db) == (0, [])
    monkeypatch.setenv("DESK_APP_USER", TEST_USER)
    monkeypatch.setenv("DESK_APP_PASSWORD", TEST_PASSWORD)
    done = cli("log", "--from", day, "--to", day, "--out", out, "--reveal", "Báo cáo thanh tra")
    assert done.code == 0, done.err
    assert DENOUNCER in _text(out)
    count, events = _reveals(read_db)
    assert count == 1 and events[-1]["what"] == "log_export"
    assert events[-1]["reason"] == "Báo cáo thanh tra"
    with read_db() as conn:
        exports = conn.execute("SELECT COUNT(*) FROM audit_events WHERE action = 'export'"
                               ).fetchone()[0]
    assert exports == 2  # the plain export and the revealed one


def test_a_receipt_copy_of_a_denouncing_visit_needs_a_reveal(cli, office, tmp_path, read_db):
    """Leak: `receipt ID --copy` printed the denouncer's name and ID number unaudited."""
    visit = _denounce(cli, tmp_path)
    first = cli("receipt", visit["visit_id"], "--out", tmp_path / "bn.pdf")
    assert first.code == 0, first.err  # the original, for the person who came
    before = _state(read_db)
    one_line_error(cli("receipt", visit["visit_id"], "--copy", "--out", tmp_path / "c.pdf"),
                   messages.REVEAL_NEEDED)
    assert not (tmp_path / "c.pdf").exists() and _state(read_db) == before
    done = cli("receipt", visit["visit_id"], "--copy", "--out", tmp_path / "c.pdf",
               "--reveal", "Công dân xin cấp lại")
    assert done.code == 0, done.err
    assert DENOUNCER in _text(tmp_path / "c.pdf")
    count, events = _reveals(read_db)
    assert count == 1 and events[-1]["what"] == "receipt_copy"


def test_a_proposal_slip_of_a_denunciation_needs_a_reveal(cli, office, tmp_path, read_db):
    """Leak: `slip de_xuat_thu_ly ID` printed the denouncer unaudited."""
    visit = _denounce(cli, tmp_path)
    case_id = visit["case_id"]
    before = _state(read_db)
    one_line_error(cli("slip", "de_xuat_thu_ly", case_id, "--out", tmp_path / "dx.pdf"),
                   messages.REVEAL_NEEDED)
    assert _state(read_db) == before
    done = cli("slip", "de_xuat_thu_ly", case_id, "--out", tmp_path / "dx.pdf",
               "--reveal", "Trình lãnh đạo thụ lý")
    assert done.code == 0, done.err
    assert DENOUNCER in _text(tmp_path / "dx.pdf")
    count, events = _reveals(read_db)
    assert count == 1 and events[-1]["what"] == "slip:de_xuat_thu_ly"


def test_the_known_person_lookup_hides_a_denouncer(cli, office, tmp_path):
    _denounce(cli, tmp_path)
    one_line_error(cli("person", DENOUNCER_ID), messages.PERSON_NOT_FOUND.format(
        id_number=DENOUNCER_ID))


def test_accounts_password_and_recover(cli, office, monkeypatch, data_dir):
    code = office.out.split("Mã khôi phục: ")[1].split()[0]
    assert len(code) == 35, office.out
    _add_account(cli, monkeypatch, "hoa", "reception")
    listed = cli("--json", "accounts")
    assert [a["username"] for a in json.loads(listed.out)] == [TEST_USER, "hoa"]
    _as(monkeypatch, "hoa")
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "mat-khau-moi-hoa")
    assert cli("password").code == 0
    monkeypatch.setenv("DESK_APP_PASSWORD", "mat-khau-moi-hoa")
    assert cli("dashboard").code == 0
    monkeypatch.setenv("DESK_APP_RECOVERY_CODE", code)
    monkeypatch.setenv("DESK_APP_NEW_PASSWORD", "mat-khau-phuc-hoi")
    assert cli("recover", TEST_USER).code == 0
    _as(monkeypatch, TEST_USER)
    monkeypatch.setenv("DESK_APP_PASSWORD", "mat-khau-phuc-hoi")
    assert cli("dashboard").code == 0


@pytest.mark.parametrize("mode", [0o600])
def test_the_data_folder_is_private(cli, office, data_dir, mode):
    for name in ("desk.sqlite3", "keyring.json"):
        assert (data_dir / name).stat().st_mode & 0o777 == mode


# --- backups, restore, check ------------------------------------------------------------------

def _visits(read_db, data=None) -> int:
    with read_db(data) as conn:
        return conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]


def test_backup_then_restore_round_trip(cli, office, tmp_path, read_db, data_dir):
    assert cli("intake", write(tmp_path, example_visit())).code == 0
    usb = tmp_path / "usb"
    done = cli("--json", "backup", "--to", usb)
    assert done.code == 0, done.err
    made = Path(json.loads(done.out)["file"])
    assert made.is_file() and Path(json.loads(done.out)["keyring"]).is_file()
    assert not made.read_bytes().startswith(b"SQLite format 3")  # encrypted like the office
    other = example_visit(person={**example_visit()["person"], "id_number": "027090004444"})
    assert cli("intake", write(tmp_path, other, "b.json")).code == 0
    assert _visits(read_db) == 2
    restored = cli("--json", "restore", made)
    assert restored.code == 0, restored.err
    safety = Path(json.loads(restored.out)["safety_backup"])
    assert _visits(read_db) == 1
    assert made.is_file() and safety.is_file()  # nothing was rotated away
    with read_db() as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_events ORDER BY id")]
    assert actions[-2:] == ["restore", "login"] or actions[-1] == "restore"
    checked = cli("check")
    assert checked.code == 0, checked.out + checked.err
    # The safety copy holds the second visit: restoring it brings it back.
    assert cli("restore", safety).code == 0
    assert _visits(read_db) == 2


def test_a_backup_opens_on_a_new_pc_with_its_keyring(cli, office, tmp_path, read_db):
    assert cli("intake", write(tmp_path, example_visit())).code == 0
    done = cli("--json", "backup", "--to", tmp_path / "usb")
    made = Path(json.loads(done.out)["file"])
    new_pc = tmp_path / "new-pc"
    restored = cli("restore", made, data=new_pc)
    assert restored.code == 0, restored.err
    assert _visits(read_db, new_pc) == 1
    assert cli("dashboard", data=new_pc).code == 0


def test_restore_refuses_a_file_of_another_office(cli, office, tmp_path, read_db, data_dir):
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(b"\x13" * 8192)
    before = _state(read_db)
    refused = cli("restore", foreign)
    one_line_error(refused, messages.RESTORE_UNREADABLE.format(path=foreign))
    assert _state(read_db) == before


def test_check_reports_a_tampered_audit_trail(cli, office, tmp_path, data_dir):
    from tests.support import connect

    assert cli("intake", write(tmp_path, example_visit())).code == 0
    assert cli("backup").code == 0
    assert cli("check").code == 0
    with connect(data_dir / "desk.sqlite3") as conn:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("UPDATE audit_events SET username = 'ai-do' WHERE action = 'visit_create'")
    checked = cli("check")
    assert checked.code == 1
    assert "LỖI   Nhật ký thao tác bị sửa hoặc xóa" in checked.out
    assert checked.err == messages.CHECK_FAILED + "\n"


def test_an_import_is_one_audited_event_beside_its_visits(cli, office, tmp_path, read_db):
    two = [example_visit(), example_visit(person={**example_visit()["person"],
                                                  "id_number": "027090004444"})]
    done = cli("--json", "intake", write(tmp_path, two, "hai.json"))
    assert done.code == 0, done.err
    with read_db() as conn:
        rows = conn.execute("SELECT action, detail FROM audit_events WHERE action IN"
                            " ('import', 'visit_create') ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["visit_create", "visit_create", "import"]
    assert json.loads(rows[-1][1]) == {"file": "hai.json",
                                       "visits": [v["visit_id"] for v in json.loads(done.out)]}
