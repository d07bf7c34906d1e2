"""Fault script: kill the writer with SIGKILL at random moments during 200 intakes, then retry.

Each intake is a separate process running the CLI's `intake FILE --json` (its `main()`, after
the imports), whose file carries its own intake_id. A random share of them is killed
(SIGKILL, no chance to clean up) at a random moment of the database work: opening and
checking the file, inside the write transaction, committing, checkpointing, closing. An intake counts as acknowledged when its process exited
0 and printed the ids. Then every unacknowledged intake is run again with the same file (the
same intake_id), as an officer would retry. The script checks:

* `PRAGMA integrity_check` is ok;
* every acknowledged save is present (its visit id carries its intake_id);
* no duplicate: one visit per intake_id, 200 visits in all, distinct log-book line and
  receipt numbers.

    python benchmarks/fault_kill.py                 # 200 intakes, about half killed
    python benchmarks/fault_kill.py --intakes 50 --kill-share 0.8 --parallel 3 --seed 7

Prints the figures and exits 1 if a check fails. Linux/macOS (SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

PROVINCE, COMMUNE = "24", "9253"
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam")


def _cli(data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_APP")}
    return subprocess.run([sys.executable, "-m", "desk_app", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, check=False)


def _visit(n: int, when: datetime) -> dict:
    year = 1950 + n % 50
    sex = "Nữ" if n % 2 else "Nam"
    digit = (year // 100 - 19) * 2 + (1 if sex == "Nữ" else 0)
    return {
        "intake_id": str(uuid.uuid4()),
        "person": {"full_name": f"Nguyễn {GIVEN[n // 10 % 10]} {GIVEN[n % 10]}",
                   "id_number": f"027{digit}{year % 100:02d}{n:06d}",
                   "date_of_birth": f"{year}-01-15", "sex": sex},
        "petition_kind": ("kien_nghi", "phan_anh", "khieu_nai")[n % 3], "topic": "dat_dai",
        "summary": f"Nội dung đơn số {n}: đề nghị xem xét việc cấp giấy chứng nhận",
        "received_at": (when + timedelta(minutes=n)).isoformat(timespec="seconds"),
        "documents": [{"name": "Đơn", "pages": 1 + n % 3, "condition": "bản gốc"}],
    }


# The intake process: the CLI's own main(), after the imports (which are most of a process's
# life), so that the kills can be aimed at the database work: opening, the write
# transaction, the commit, the checkpoint and close.
_DRIVER = """
import sys
import desk_app.cli, desk_app.core.opening, desk_app.core.reception.intake
import desk_app.core.reception.intake_file, sqlite_utils
from datetime import date
from desk_app.core.cases.calendar import WorkCalendar
WorkCalendar().add_working_days(date.today(), 10)  # python-holidays, as the GUI warms it
sys.stderr.write("ready\\n"); sys.stderr.flush()
sys.exit(desk_app.cli.main(sys.argv[1:]))
"""


def _run_once(data: Path, path: Path, kill_after: float | None):
    """(acknowledged, answer, killed, seconds of database work) for one intake process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_APP")}
    proc = subprocess.Popen([sys.executable, "-c", _DRIVER, "--data-dir", str(data), "--json",
                             "intake", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stderr.readline() == "ready\n"
    began = time.perf_counter()
    killed = False
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed = True
    out, err = proc.communicate(timeout=120)
    work = time.perf_counter() - began
    if killed and proc.returncode == -signal.SIGKILL:
        return False, None, True, work
    if proc.returncode != 0:
        print(f"  intake {path.name} failed (exit {proc.returncode}): {err.strip()}")
        return False, None, False, work
    return True, json.loads(out), False, work


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--intakes", type=int, default=200)
    ap.add_argument("--kill-share", type=float, default=0.5, help="share of runs to kill")
    ap.add_argument("--parallel", type=int, default=2, help="intake processes at a time")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", action="store_true", help="keep the data folder")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    work = Path(tempfile.mkdtemp(prefix="desk-fault-"))
    data = work / "data"
    done = _cli(data, "init", "--province", PROVINCE, "--commune", COMMUNE,
                "--officer", "Nguyễn Thị Hồng Nhung:Công chức")
    if done.returncode != 0:
        print(done.stderr)
        return 1
    start = datetime.now().replace(microsecond=0) - timedelta(days=5)
    files = []
    for n in range(args.intakes):
        path = work / f"intake-{n:03d}.json"
        path.write_text(json.dumps(_visit(n, start), ensure_ascii=False), encoding="utf-8")
        files.append(path)

    # How long the database work of one intake takes, to spread the kills over all of it.
    t0 = time.perf_counter()
    times, acknowledged = [], {}
    for n, path in enumerate(files[:5]):
        ok, answer, _, seconds = _run_once(data, path, None)
        if not ok:
            return 1
        times.append(seconds)
        acknowledged[n] = answer
    db_time = statistics.median(times)
    print(f"database work of one intake process: {db_time * 1000:.0f} ms (median of 5); "
          f"{args.intakes} intakes, kill share {args.kill_share}, {args.parallel} at a time")

    def attempt(n: int):
        kill = rng.random() < args.kill_share
        return n, _run_once(data, files[n], rng.uniform(0, db_time * 1.3) if kill else None)

    kills = 0
    lost_runs = []
    with ThreadPoolExecutor(args.parallel) as pool:
        for n, (ok, answer, killed, _work) in pool.map(attempt, range(5, args.intakes)):
            kills += killed
            if ok:
                acknowledged[n] = answer
            else:
                lost_runs.append(n)
    print(f"first pass: {kills} processes killed, {len(acknowledged)} acknowledged, "
          f"{len(lost_runs)} to retry")

    # Retry every unacknowledged intake with the same file (the same intake_id).
    already, fresh, failed = 0, 0, []
    for n in lost_runs:
        ok, answer, _, _work = _run_once(data, files[n], None)
        if not ok:
            failed.append(n)
            continue
        acknowledged[n] = answer
        if answer["already_recorded"]:
            already += 1  # the killed run had committed before it died
        else:
            fresh += 1
    print(f"retries: {len(lost_runs)} ({already} had been saved before the kill, "
          f"{fresh} saved now, {len(failed)} failed)")

    db = data / "desk.sqlite3"
    conn = sqlite3.connect(db)
    problems = []
    integrity = conn.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:5]}")
    keys = {n: json.loads(files[n].read_text(encoding="utf-8"))["intake_id"]
            for n in range(args.intakes)}
    for n, answer in acknowledged.items():
        row = conn.execute("SELECT intake_id FROM visits WHERE id = ?",
                           [answer["visit_id"]]).fetchone()
        if row != (keys[n],):
            problems.append(f"acknowledged intake {n} (visit {answer['visit_id']}) missing: {row}")
    visits = conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    distinct = conn.execute("SELECT COUNT(DISTINCT intake_id) FROM visits").fetchone()[0]
    log_lines = conn.execute("SELECT COUNT(*), COUNT(DISTINCT log_year || '/' || log_no)"
                             " FROM petitions").fetchone()
    receipts = conn.execute("SELECT COUNT(*), COUNT(DISTINCT number) FROM issued_documents"
                            " WHERE kind = 'bien_nhan_02'").fetchone()
    conn.close()
    if visits != args.intakes or distinct != args.intakes:
        problems.append(f"{visits} visits with {distinct} keys for {args.intakes} intakes")
    if log_lines[0] != log_lines[1] or receipts[0] != receipts[1]:
        problems.append(f"duplicate numbers: log {log_lines}, receipts {receipts}")
    if failed:
        problems.append(f"retries that failed: {failed}")

    print(f"result: {visits} visits for {args.intakes} intakes, {distinct} distinct intake_ids, "
          f"integrity {integrity[0][0]}, {len(acknowledged)} acknowledged saves all present: "
          f"{not any('missing' in p for p in problems)}; {time.perf_counter() - t0:.0f} s")
    for problem in problems:
        print("PROBLEM:", problem)
    if args.keep:
        print(f"data folder kept: {data}")
    else:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
