"""Every way a command can fail ends in one Vietnamese line (exit 1, or 2 for usage) and
leaves the office's data as it was: full disks, read-only folders, damaged or empty files,
malformed input, huge numbers, unknown officers, and bugs (logged, with the log's path)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app import messages, paths
from desk_app.core.storage import db as storage_db
from desk_app.core.storage import failures
from tests.support import SIGN_IN_ENV, connect, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cli import example_visit, one_line_error, write  # noqa: E402


def _state(data_dir: Path):
    """What is in the folder and in the database, read without the app (and without WAL
    writes: immutable)."""
    db = paths.db_path(data_dir, create=False)
    files = sorted(p.name for p in data_dir.iterdir()) if data_dir.exists() else None
    if not db.exists() or db.stat().st_size == 0:
        return files, None
    with connect(db, immutable=True) as conn:
        return files, snapshot(conn)


@pytest.fixture
def visit_file(tmp_path):
    return write(tmp_path, example_visit(), "visit.json")


@pytest.fixture
def recorded(cli, office, visit_file):
    done = cli("intake", visit_file)
    assert done.code == 0, done.err
    return done


# ---- disk full -----------------------------------------------------------------------------


def test_disk_full_during_intake(cli, office, recorded, data_dir, tmp_path, monkeypatch):
    """SQLite's own SQLITE_FULL: the database may not grow by one page."""
    real = storage_db._connect

    def no_room(path, *, writer=False):
        conn = real(path, writer=writer)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    before = _state(data_dir)
    monkeypatch.setattr(storage_db, "_connect", no_room)
    big = example_visit(summary="Kiến nghị " + "rất dài " * 600,  # near the 5,000-character limit
                        person={**example_visit()["person"], "full_name": "Lê Thị Hoa",
                                "id_number": "001185000321", "date_of_birth": "1985-01-01",
                                "sex": "Nữ"})
    done = cli("intake", write(tmp_path, big, "big.json"))
    one_line_error(done, messages.DISK_FULL.format(path=data_dir))
    monkeypatch.undo()
    assert _state(data_dir)[1] == before[1]


def test_disk_full_writing_a_document(cli, office, recorded, data_dir, tmp_path, monkeypatch):
    import errno
    import io

    from desk_app.core.documents import layout

    def full(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    class NoRoom(io.FileIO):
        """The file opens; its first write finds the disk full (log book exports stream)."""

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.name)

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.setattr(layout, "open", lambda path, mode="r": NoRoom(path, mode.replace("b", "")),
                        raising=False)
    out = tmp_path / "so.pdf"
    done = cli("log", "--from", "2020-01-01", "--to", "2030-12-31", "--out", out)
    one_line_error(done, messages.OUT_WRITE_FAILED.format(path=out, why="ổ đĩa đã đầy"))
    assert not out.exists() and not out.with_name("so.pdf.part").exists()


def test_sqlite_errors_map_to_their_own_sentences(tmp_path):
    db = tmp_path / "desk.sqlite3"

    def error(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code
        return exc

    assert failures.describe(error(13), db).message == messages.DISK_FULL.format(path=tmp_path)
    assert failures.describe(error(5), db).message == messages.DB_BUSY.format(seconds=15)
    assert failures.describe(error(8), db).message == messages.DATA_READ_ONLY.format(path=tmp_path)
    assert failures.describe(error(1032), db).message == messages.DATA_READ_ONLY.format(path=tmp_path)
    assert failures.describe(error(266), db).message == messages.DISK_IO.format(path=db)
    assert "bị hỏng" in failures.describe(error(11), db).message
    assert failures.describe(error(1), db) is None  # a plain SQL error is a bug
    assert failures.describe(ValueError("x"), db) is None


# ---- read-only data ------------------------------------------------------------------------


def _without_file_permissions_override() -> list[str]:
    """A prefix that runs a command as a user the file modes apply to (root ignores them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def _run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DESK_APP") or k in SIGN_IN_ENV}
    env["HOME"] = str(home)
    env["XDG_STATE_HOME"] = str(home / "state")
    return subprocess.run([*_without_file_permissions_override(), sys.executable, "-m",
                           "desk_app", *args], capture_output=True, text=True, timeout=120,
                          env=env, check=False)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_data_is_never_called_damaged(cli, office, recorded, data_dir, visit_file,
                                                tmp_path, what):
    db = paths.db_path(data_dir)
    # Close cleanly first: the folder then holds only the database and its marker.
    before = _state(data_dir)
    if what == "folder":
        data_dir.chmod(0o555)
        target = data_dir
    else:
        db.chmod(0o444)
        target = db
    other = example_visit(person={**example_visit()["person"], "id_number": "027090004321"})
    try:
        done = _run_cli("--data-dir", str(data_dir), "intake",
                        str(write(tmp_path, other, "other.json")), home=tmp_path)
        search = _run_cli("--data-dir", str(data_dir), "search", "Dũng", home=tmp_path)
    finally:
        data_dir.chmod(0o755)
        db.chmod(0o644)
    expected = messages.DATA_READ_ONLY.format(path=target) + "\n"
    assert (done.returncode, done.stdout, done.stderr) == (1, "", expected)
    assert (search.returncode, search.stderr) == (1, expected)
    assert "bị hỏng nên" not in done.stderr and "bản sao lưu gần nhất" not in done.stderr
    assert _state(data_dir) == before


# ---- empty and damaged databases -----------------------------------------------------------


def _backups(data_dir: Path) -> Path:
    folder = data_dir / "backups"
    folder.mkdir()
    older = folder / "before-0006_case_tracking-20260101-080000.sqlite3"
    newer = folder / "desk-20261119-170000.sqlite3"
    for i, path in enumerate((older, newer)):
        path.write_bytes(b"SQLite format 3\x00" + bytes(100))
        os.utime(path, ns=(1_700_000_000_000_000_000 + i, 1_700_000_000_000_000_000 + i))
    (folder / "desk-20261120-170000.sqlite3.part").write_bytes(b"half")
    return newer


def test_an_empty_database_file_is_not_a_new_office(cli, data_dir, visit_file):
    data_dir.mkdir()
    db = paths.db_path(data_dir)
    db.write_bytes(b"")
    newest = _backups(data_dir)
    before = _state(data_dir)
    expected = messages.DB_EMPTY.format(path=db, backup=newest)
    for args in (("intake", visit_file), ("search", "Dũng"), ("dashboard",),
                 ("init", "--province", "24", "--commune", "9253"), ("demo", "--visits", "5")):
        one_line_error(cli(*args), expected)
    assert _state(data_dir) == before
    assert db.stat().st_size == 0


def test_an_empty_file_without_backups_says_so(cli, data_dir, visit_file):
    data_dir.mkdir()
    db = paths.db_path(data_dir)
    db.write_bytes(b"")
    one_line_error(cli("intake", visit_file), messages.DB_EMPTY.format(
        path=db, backup=messages.DB_NO_BACKUP.format(folder=data_dir / "backups")))


def _flip_pages(db: Path, first_page: int, count: int) -> None:
    with connect(db) as conn:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher says '4096'
    data = bytearray(db.read_bytes())
    for i in range(first_page * size, min(len(data), (first_page + count) * size)):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))


@pytest.fixture
def office_with_visits(cli, office, data_dir, tmp_path):
    for n in range(12):
        visit = example_visit(person={**example_visit()["person"],
                                      "id_number": f"0270900{n:05d}"},
                              summary=f"Kiến nghị số {n} về đất đai ở thôn Đông")
        assert cli("intake", write(tmp_path, visit, f"v{n}.json")).code == 0
    return paths.db_path(data_dir)


def test_flipped_pages_refuse_new_intakes(cli, office_with_visits, data_dir, tmp_path):
    db = office_with_visits
    newest = _backups(data_dir)
    pages = db.stat().st_size // 4096
    _flip_pages(db, pages // 2, 3)
    before = sorted(p.name for p in data_dir.iterdir()), db.read_bytes()
    other = example_visit(person={**example_visit()["person"], "id_number": "027090009999"})
    expected = messages.DB_DAMAGED.format(path=db, backup=newest)
    one_line_error(cli("intake", write(tmp_path, other, "o.json")), expected)
    one_line_error(cli("search", "đất"), expected)
    assert (sorted(p.name for p in data_dir.iterdir()), db.read_bytes()) == before


def test_a_damaged_header_is_refused(cli, office_with_visits, data_dir):
    """An encrypted file whose first page does not decrypt: damaged, or another office's key
    (SQLCipher cannot tell which); the sentence names both and the backup."""
    db = office_with_visits
    data = bytearray(db.read_bytes())
    data[:16] = b"Not SQLite at al"
    db.write_bytes(bytes(data))
    one_line_error(cli("dashboard"), messages.DB_UNREADABLE.format(
        path=db, backup=messages.DB_NO_BACKUP.format(folder=data_dir / "backups")))


def test_quick_check_only_when_the_file_changed(office_with_visits, monkeypatch):
    from desk_app.core.opening import open_db

    checks = []
    real = storage_db._quick_check
    monkeypatch.setattr(storage_db, "_quick_check", lambda conn, path: (checks.append(path),
                                                                          real(conn, path)))
    open_db(office_with_visits).close()
    assert checks == []  # as the last clean close left it: trusted
    marker = office_with_visits.with_name(office_with_visits.name + storage_db.CLEAN_SUFFIX)
    marker.unlink()  # e.g. a crash: no record of a clean close
    open_db(office_with_visits).close()
    assert checks == [office_with_visits]
    os.utime(office_with_visits)  # touched by something else
    open_db(office_with_visits).close()
    assert len(checks) == 2
    open_db(office_with_visits).close()
    assert len(checks) == 2


# ---- folders and files given where the other was expected ----------------------------------


def test_a_file_as_data_dir(cli, tmp_path, visit_file):
    for args in (("intake", visit_file), ("search", "x"), ("init", "--province", "24",
                                                            "--commune", "9253"), ("demo",)):
        one_line_error(cli(*args, data=visit_file),
                       messages.DATA_DIR_NOT_A_FOLDER.format(path=visit_file))
    assert json.loads(visit_file.read_text(encoding="utf-8"))["summary"]


def test_a_folder_as_the_database_file(cli, data_dir, visit_file):
    paths.db_path(data_dir).mkdir(parents=True)
    one_line_error(cli("intake", visit_file), messages.DATA_DIR_NOT_A_FOLDER.format(
        path=paths.db_path(data_dir)))


def test_a_folder_as_the_intake_file(cli, office, data_dir, tmp_path):
    before = _state(data_dir)
    one_line_error(cli("intake", tmp_path), messages.INPUT_FILE_IS_FOLDER.format(path=tmp_path))
    assert _state(data_dir) == before


@pytest.mark.parametrize("command", [
    ("search", "Dũng"), ("dashboard",), ("cases",), ("case", "1"),
    ("log", "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{tmp}/so.pdf"),
    ("receipt", "1", "--out", "{tmp}/r.pdf"), ("slip", "phieu_hen", "1", "--out", "{tmp}/p.pdf"),
    ("intake", "{tmp}/visit.json"),
])
def test_read_commands_without_an_office_create_nothing(cli, tmp_path, visit_file, command):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    missing = tmp_path / "no-such-folder"
    one_line_error(cli(*args, data=missing), messages.DATA_DIR_NO_OFFICE.format(path=missing))
    assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(cli(*args, data=empty), messages.DATA_DIR_NO_OFFICE.format(path=empty))
    assert list(empty.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "visit.json"]


def test_a_database_without_an_office(cli, data_dir):
    from desk_app.core.opening import open_db

    data_dir.mkdir()
    # e.g. an earlier version's first-run dialog was cancelled: a file in the clear
    open_db(paths.db_path(data_dir)).close()
    one_line_error(cli("search", "x"), messages.DB_NOT_ENCRYPTED.format(
        path=paths.db_path(data_dir)))


# ---- malformed input -----------------------------------------------------------------------


def _bad_inputs():
    person = example_visit()["person"]
    return [
        ("deep", "[" * 50_000 + "]" * 50_000, "lồng nhau quá sâu"),
        ("moderately deep", json.dumps(example_visit(note=json.loads("[" * 40 + "]" * 40))),
         "lồng nhau quá sâu"),
        ("long integer", '{"person": 1' + "0" * 5000 + "}", "số dài quá"),
        ("huge integer", json.dumps(example_visit(crowd_size=10**20)), "ngoài khoảng cho phép"),
        ("huge pages", json.dumps(example_visit(documents=[{"name": "Đơn", "pages": -(10**30)}])),
         "ngoài khoảng cho phép"),
        ("huge officer", json.dumps(example_visit(officer_id=2**63)), "ngoài khoảng cho phép"),
        ("lone surrogate", json.dumps(example_visit(summary="Kiến nghị \ud800 đất")),
         "U+D800"),
        ("surrogate in a key", '{"person\\udfff": 1}', "U+DFFF"),
        ("surrogate in name", json.dumps(example_visit(person={**person, "full_name": "\udc80"})),
         "U+DC80"),
        ("list as summary", json.dumps(example_visit(summary=["a", "b"])), "summary"),
        ("list as refusal reason", json.dumps(example_visit(outcome="refused",
                                                            refusal_reason=["x"])),
         "refusal_reason"),
        ("dict as received_at", json.dumps(example_visit(received_at={"d": 1})), "Thời điểm"),
        ("list as sex", json.dumps(example_visit(person={**person, "sex": ["Nam"]})), "sex"),
        ("list as person", json.dumps(example_visit(person=[person])), "person"),
        ("number as topic", json.dumps(example_visit(topic=7)), "topic"),
        ("huge text value", json.dumps(example_visit(summary=["x" * 1_000_000])), "summary"),
        ("NaN crowd", json.dumps(example_visit(crowd_size=float("nan"))), "crowd_size"),
        ("bool officer", json.dumps(example_visit(officer_id=True)), "officer_id"),
    ]


@pytest.mark.parametrize("name,content,fragment", _bad_inputs(), ids=[b[0] for b in _bad_inputs()])
def test_malformed_intake_files(cli, office, data_dir, tmp_path, name, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    before = _state(data_dir)
    done = cli("intake", path)
    assert done.code == 1 and done.out == ""
    assert done.err.count("\n") == 1 and fragment in done.err, done.err
    assert len(done.err) < 600
    assert "Traceback" not in done.err
    assert _state(data_dir) == before


# search's --limit and --page have their own sentence, naming the page size and how to page
# (exit 1, tests/cli/test_search_cli.py), whatever the number.
@pytest.mark.parametrize("args", [
    ("receipt", str(10**20), "--out", "r.pdf"), ("case", str(10**20)), ("case", "-1"),
    ("cases", "--limit", "0"),
    ("dashboard", "--officer", str(10**20)), ("demo", "--visits", str(10**20)),
    ("demo", "--seed", str(10**30)), ("init", "--province", "9" * 5000, "--commune", "1"),
    ("slip", "phieu_hen", "99999999999999999999", "--out", "p.pdf"),
])
def test_huge_ids_and_limits_are_usage_errors(cli, office, data_dir, capsys, args):
    before = _state(data_dir)
    with pytest.raises(SystemExit) as caught:
        cli(*args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Lệnh không đúng: ") and err.count("\n") == 1 and len(err) < 300
    assert "phải là số nguyên từ" in err
    assert _state(data_dir) == before


def test_unknown_officer(cli, office, recorded, data_dir):
    before = _state(data_dir)
    case_id = json.loads(cli("--json", "cases", "--view", "open").out)[0]["id"]
    for args in (("case", str(case_id), "--act", "accept", "--officer", "99"),
                 ("case", str(case_id), "--act", "note", "--note", "x", "--officer", "99"),
                 ("dashboard", "--officer", "99")):
        one_line_error(cli(*args), messages.CASE_OFFICER_UNKNOWN.format(id=99))
    assert _state(data_dir) == before


def test_an_undecodable_argument_is_a_usage_error(cli, office, capsys):
    with pytest.raises(SystemExit) as caught:
        cli("search", "Dũng\udcff")
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Lệnh không đúng: ") and "\\udcff" in err and err.count("\n") == 1


def test_control_characters_in_a_message_are_shown_escaped(cli, office, tmp_path):
    done = cli("intake", write(tmp_path, example_visit(received_at="2026\x1b[2J\n\u202etime")))
    assert done.code == 1 and done.err.count("\n") == 1
    assert "\x1b" not in done.err and "\u202e" not in done.err
    assert "<U+001B>[2J" in done.err and "<U+202E>" in done.err  # as core.text.visible shows them


# ---- bugs ----------------------------------------------------------------------------------


def test_an_unexpected_error_is_logged_and_named(cli, office, data_dir, tmp_path, monkeypatch):
    from desk_app import cli as cli_module

    logs = tmp_path / "logs"
    logs.mkdir()
    monkeypatch.setattr(paths, "log_dir", lambda: logs)

    def broken(args):
        raise ZeroDivisionError("a bug in a command")

    monkeypatch.setitem(cli_module.COMMANDS, "search", broken)
    done = cli("search", "Dũng")
    one_line_error(done, messages.UNEXPECTED.format(kind="ZeroDivisionError",
                                                    log=logs / "desk_app.log"))
    logged = (logs / "desk_app.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: a bug in a command" in logged


# ---- a lock held longer than the busy wait -------------------------------------------------


def test_a_lock_held_too_long_is_a_sentence(cli, office, recorded, data_dir, tmp_path,
                                            monkeypatch):
    monkeypatch.setattr(failures, "BUSY_SECONDS", 1)
    before = _state(data_dir)
    holder = connect(paths.db_path(data_dir), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        other = example_visit(person={**example_visit()["person"], "id_number": "027090007777"})
        done = cli("intake", write(tmp_path, other, "other.json"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    one_line_error(done, messages.DB_BUSY.format(seconds=1))
    assert _state(data_dir)[1] == before[1]


def test_null_numbers_mean_not_given(cli, office, data_dir, tmp_path):
    """Found by the property tests: "crowd_size": null crashed the crowd check."""
    visit = example_visit(crowd_size=None, officer_id=None,
                          documents=[{"name": "Đơn", "pages": None}])
    done = cli("--json", "intake", write(tmp_path, visit, "nulls.json"))
    assert done.code == 0, done.err
    with connect(paths.db_path(data_dir)) as conn:
        assert conn.execute("SELECT crowd_size FROM visits").fetchone() == (1,)
        assert conn.execute("SELECT pages FROM visit_documents").fetchone() == (1,)
