"""Two CLI processes and the GUI's writer thread saving into one data folder at once.

Every write transaction begins IMMEDIATE (core/storage/db.py), so the writers queue on the
lock instead of failing with "database is locked": no save fails and none is lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import datetime

from desk_app.core.reception.intake import register_visit
from desk_app.gui.tasks import Tasks
from tests.support import cccd, connect, form, person

PER_PROCESS = 100
GUI_SAVES = 40

_LOOP = """
import sys
from desk_app.cli import main

data_dir, files = sys.argv[1], sys.argv[2:]
failed = sum(main(["--data-dir", data_dir, "intake", f]) != 0 for f in files)
print(failed)
"""


def _visit_json(serial: int) -> dict:
    return {"intake_id": str(uuid.uuid4()),
            "person": {"full_name": "Trần Thị Lan", "id_number": cccd(1985, "Nữ", serial=serial),
                       "date_of_birth": "1985-05-06", "sex": "Nữ"},
            "petition_kind": "phan_anh", "topic": "moi_truong",
            "summary": f"Phản ánh khói bụi lần {serial}", "received_at": "2026-11-20T10:00:00",
            "officer_id": 1}


def test_two_cli_processes_and_the_gui_writer_lose_nothing(qtbot, db, db_path, tmp_path):
    files = []
    for p in range(2):
        batch = []
        for i in range(PER_PROCESS):
            path = tmp_path / "in" / f"{p}-{i}.json"
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(_visit_json(p * 1000 + i + 1), ensure_ascii=False),
                            encoding="utf-8")
            batch.append(str(path))
        files.append(batch)
    before = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    procs = [subprocess.Popen([sys.executable, "-c", _LOOP, str(db_path.parent), *batch],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for batch in files]

    runner = Tasks(db_path)
    saved, failed = [], []
    now = datetime(2026, 11, 20, 15, 0)
    try:
        for i in range(GUI_SAVES):
            visit = form(person("Lê Văn Hùng", serial=5000 + i))
            runner.write(lambda d, visit=visit: register_visit(d, visit, now),
                         saved.append, failed.append)
        qtbot.waitUntil(lambda: len(saved) + len(failed) == GUI_SAVES, timeout=120_000)
    finally:
        outputs = [proc.communicate(timeout=300) for proc in procs]
        runner.shutdown()

    errors = [err for _out, err in outputs if err.strip()]
    assert [out.split()[-1] for out, _err in outputs] == ["0", "0"], errors
    assert errors == []
    assert [str(e) for e in failed] == []
    assert len({r.visit_id for r in saved}) == GUI_SAVES
    total = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    assert total - before == 2 * PER_PROCESS + GUI_SAVES
    keys = db.execute("SELECT COUNT(DISTINCT intake_id) FROM visits").fetchone()[0]
    assert keys == 2 * PER_PROCESS
    # Every save got its own line number in the book and its own receipt number.
    assert db.execute("SELECT COUNT(DISTINCT log_no) FROM petitions").fetchone()[0] == total
    assert db.execute("SELECT COUNT(DISTINCT number) FROM issued_documents").fetchone()[0] == total
    # On a fresh connection: SQLCipher's SQLite (3.53) reports a false FTS5 "checksum
    # mismatch" on a connection that first touches the index after other connections wrote
    # it (its searches are right; a fresh connection's check is ok).
    with connect(db_path) as fresh:
        assert fresh.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_lock_held_too_long_reaches_the_form_as_a_sentence(qtbot, db, db_path, monkeypatch):

    from desk_app import messages
    from desk_app.core.errors import DeskError
    from desk_app.core.storage import failures

    monkeypatch.setattr(failures, "BUSY_SECONDS", 1)
    runner = Tasks(db_path)
    errors = []
    holder = connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        runner.write(lambda d: register_visit(d, form(), datetime(2026, 11, 20, 15, 0)),
                     lambda _r: None, errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        runner.shutdown()
    assert isinstance(errors[0], DeskError)
    assert errors[0].message == messages.DB_BUSY.format(seconds=1)
    assert db.execute("SELECT COUNT(*) FROM visits").fetchone() == (0,)
