"""Benchmark 5: app start to a usable window (offscreen Qt).

=== GUI HOOK ============================================================================
This benchmark relies on the GUI honouring DESK_APP_EXIT_AFTER_SHOWN=1: desk_app/gui/app.py
quits the event loop right after its main window is first shown (and usable), exit code 0.
If desk_app/gui/app.py does not exist yet, the benchmark reports "skipped".
==========================================================================================

Measures the wall time of two fresh processes, alternating, median of RUNS each:
  baseline: python -c '<bare PySide6: QApplication, QMainWindow.show(), processEvents, quit>'
  app:      python -m desk_app --data-dir DIR gui   (DESK_APP_EXIT_AFTER_SHOWN=1)
with QT_QPA_PLATFORM=offscreen, bytecode cached (PYTHONPYCACHEPREFIX under the benchmark
cache) after one unmeasured start of each. Target: app / baseline ≤ 1.5×.

Commands as whole processes (`measure_cli`): `desk-app search`, `dashboard` and `cases` run
as `python -m desk_app --data-dir DIR …`, median of RUNS, against `python -c "import sqlite3"`
(same runs, alternating) plus the same query timed in this process on a fresh connection.
Target: ≤ 2×.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import CACHE_DIR, ROOT, log, verdict

TARGET_RATIO = 1.5
CLI_TARGET_RATIO = 2.0
RUNS = 5
TIMEOUT_S = 120

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow()\n"
    "w.resize(1280, 800)\n"
    "w.show()\n"
    "app.processEvents()\n"
    "app.quit()\n"
)


def app_available() -> bool:
    return (ROOT / "desk_app" / "gui" / "app.py").exists()


def _env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DESK_APP_EXIT_AFTER_SHOWN"] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # An installed app starts from cached bytecode. With PYTHONDONTWRITEBYTECODE set (as on
    # the dev VM) every start would compile sqlite_utils and desk_app again (~40 ms), so
    # keep bytecode, in a cache of our own that touches neither the repository nor the venv.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")
    return env


def _time(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(), cwd=ROOT, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    return time.perf_counter() - t0, proc


def measure_startup(data_dir: Path, runs: int = RUNS) -> dict:
    """Median wall seconds of the bare window and of the app, alternating to share noise."""
    if not app_available():
        return {"skipped": "desk_app/gui/app.py does not exist yet"}
    log(f"startup: {runs} runs each, data dir {data_dir}")
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, "-m", "desk_app", "--data-dir", str(data_dir), "gui"]
    _time(bare_cmd)  # the first starts pay for reading Qt from disk and compiling bytecode
    try:
        _time(app_cmd)
    except subprocess.TimeoutExpired:
        return {"error": f"the app did not quit within {TIMEOUT_S} s:"
                         " does desk_app/gui/app.py honour DESK_APP_EXIT_AFTER_SHOWN=1?"}
    bare, app = [], []
    for _ in range(runs):
        dt, proc = _time(bare_cmd)
        if proc.returncode != 0:
            return {"error": f"bare PySide6 window failed ({proc.returncode}): {proc.stderr[-400:]}"}
        bare.append(dt)
        try:
            dt, proc = _time(app_cmd)
        except subprocess.TimeoutExpired:
            return {"error": f"the app did not quit within {TIMEOUT_S} s:"
                             " does desk_app/gui/app.py honour DESK_APP_EXIT_AFTER_SHOWN=1?"}
        if proc.returncode != 0:
            return {"error": f"app exited with {proc.returncode}: {proc.stderr[-600:]}"}
        app.append(dt)
    return {"runs": runs, "bare_ms": statistics.median(bare) * 1000,
            "app_ms": statistics.median(app) * 1000, "app_max_ms": max(app) * 1000}


# (what the command is, its arguments, the same query in-process)
CLI_COMMANDS = (
    ("search", ["search", "nguyen van", "--limit", "50"],
     "from desk_app.core.reception.search import search as f; f(db, 'nguyen van', 50)"),
    ("dashboard", ["dashboard", "--today", "2026-11-20"],
     "from desk_app.core.cases.dashboard import dashboard as f; from datetime import date;"
     " f(db, date(2026, 11, 20))"),
    ("cases", ["cases", "--today", "2026-11-20"],
     "from desk_app.core.cases.dashboard import case_ids; from desk_app.core.cases.view import"
     " case_rows; from datetime import date;"
     " case_rows(db, list(case_ids(db, 'overdue', date(2026, 11, 20), limit=50)))"),
)


def _query_seconds(data_dir: Path, code: str, runs: int) -> float:
    """The query alone, in one process, on a fresh read-only connection each time (median)."""
    script = (
        "import sqlite3, statistics, sys, time\n"
        "from desk_app.core.storage.db import open_current\n"
        "class R:\n"
        "    def __init__(self, c): self.conn = c\n"
        "    def execute(self, sql, p=()): return self.conn.execute(sql, p)\n"
        f"warm = R(open_current({str(data_dir / 'desk.sqlite3')!r})); db = warm\n"
        f"{code}\n"  # imports and caches (holidays, catalogue) out of the timing
        "times = []\n"
        f"for _ in range({runs}):\n"
        f"    db = R(open_current({str(data_dir / 'desk.sqlite3')!r}))\n"
        "    t0 = time.perf_counter()\n"
        f"    {code}\n"
        "    times.append(time.perf_counter() - t0)\n"
        "    db.conn.close()\n"
        "print(statistics.median(times))\n")
    proc = subprocess.run([sys.executable, "-c", script], env=_env(), cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


def measure_cli(data_dir: Path, runs: int = RUNS) -> dict:
    """Median wall seconds of each command as a process, of `python -c "import sqlite3"`,
    and of the command's query alone."""
    base_cmd = [sys.executable, "-c", "import sqlite3"]
    _time(base_cmd)
    out: dict = {"runs": runs, "commands": {}}
    bases: list[float] = []
    for name, argv, code in CLI_COMMANDS:
        cmd = [sys.executable, "-m", "desk_app", "--data-dir", str(data_dir), *argv]
        _time(cmd)  # bytecode, the file cache, the national calendar's cache
        times = []
        for _ in range(runs):
            dt, proc = _time(base_cmd)
            bases.append(dt)
            dt, proc = _time(cmd)
            if proc.returncode != 0:
                return {"error": f"{name} exited with {proc.returncode}: {proc.stderr[-600:]}"}
            times.append(dt)
        out["commands"][name] = {"ms": statistics.median(times) * 1000,
                                 "query_ms": _query_seconds(data_dir, code, runs) * 1000}
    out["import_sqlite3_ms"] = statistics.median(bases) * 1000
    return out


def report_cli(result: dict) -> list[str]:
    head = (f"5b. Commands as processes (target ≤ {CLI_TARGET_RATIO:.0f}× `python -c \"import "
            f"sqlite3\"` + the query)")
    if "error" in result:
        return [head, f"   ERROR: {result['error']}"]
    base = result["import_sqlite3_ms"]
    lines = [head, f"   python -c \"import sqlite3\": {base:.0f} ms (median of {result['runs']})"]
    for name, r in result["commands"].items():
        ratio_ = r["ms"] / (base + r["query_ms"])
        lines.append(f"   desk-app {name:<10} {r['ms']:6.0f} ms; its query alone {r['query_ms']:6.1f} ms"
                     f" → {ratio_:.2f}× [{verdict(ratio_, CLI_TARGET_RATIO)}]")
    return lines


def report(result: dict) -> list[str]:
    head = f"5. Start to usable window (target ≤ {TARGET_RATIO:g}× a bare PySide6 window)"
    if "skipped" in result:
        return [head, f"   skipped: {result['skipped']}"]
    if "error" in result:
        return [head, f"   ERROR: {result['error']}"]
    r = result["app_ms"] / result["bare_ms"]
    return [head,
            f"   bare QMainWindow: {result['bare_ms']:7.0f} ms   app: {result['app_ms']:7.0f} ms"
            f" (max {result['app_max_ms']:.0f})   ratio {r:.2f}×   [{verdict(r, TARGET_RATIO)}]"
            f"   (median of {result['runs']})"]


if __name__ == "__main__":
    import argparse
    import shutil

    from common import CACHE_DIR, demo_db, working_copy

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000,
                    help="open a copy of the cached demo database of this size")
    ap.add_argument("--data-dir", help="use this data dir instead (it is not copied)")
    ap.add_argument("--runs", type=int, default=RUNS)
    args = ap.parse_args()
    if args.data_dir:
        data = Path(args.data_dir)
        print("\n".join(report(measure_startup(data, args.runs))
                        + report_cli(measure_cli(data, args.runs))))
    else:
        path, _ = demo_db(args.visits)
        work_dir = CACHE_DIR / "work"
        try:
            working_copy(path, work_dir)
            print("\n".join(report(measure_startup(work_dir, args.runs))
                            + report_cli(measure_cli(work_dir, args.runs))))
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)
