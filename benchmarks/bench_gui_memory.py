"""Benchmark 12: memory of the window with the whole log open and scrolled end to end.

Starts the app's main window (offscreen Qt) on a copy of the big database in a process of its
own, shows the log, waits for the whole list, then scrolls the table from the first line to the
last, 2,000 screens evenly spaced by default (each one's rows fetched and drawn; --screens 0 for
every screen), and back to the top. Reports the resident memory (VmRSS) once the list is
in, after scrolling, and the peak (VmHWM). Baseline, in the same run: a bare PySide6 window with
an empty table. Target: ≤ 200 MB resident whatever the office's size (docs/log.md).

    python benchmarks/bench_gui_memory.py              # 1,000,000 visits
    python benchmarks/bench_gui_memory.py --screens 0   # every screen (about an hour at 1M)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from common import ROOT, log, verdict

TARGET_MB = 200.0
TIMEOUT_S = 3600
SCREENS = 2000  # a screen every ~500 lines of a million: every ~8th page of rows fetched

_STATUS = (
    "def status():\n"
    "    out = {}\n"
    "    for line in open('/proc/self/status'):\n"
    "        key, _, value = line.partition(':')\n"
    "        if key in ('VmRSS', 'VmHWM'):\n"
    "            out[key] = int(value.split()[0]) / 1024\n"
    "    return out\n"
)

BARE = _STATUS + (
    "import json, sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTableView\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 768); w.show()\n"
    "for _ in range(20): app.processEvents()\n"
    "print(json.dumps(status()))\n"
)

APP = _STATUS + (
    "import json, sys, time\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from desk_app.gui.app import build_window\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = build_window(__import__('pathlib').Path(sys.argv[1]))\n"
    "window.resize(1366, 768); window.show()\n"
    "log = window.log\n"
    "window.tabs.setCurrentWidget(log)\n"
    "log.ensure_loaded()\n"
    "t0 = time.perf_counter()\n"
    "while log._loading or log.model.rowCount() == 0:\n"
    "    app.processEvents(); time.sleep(0.01)\n"
    "    if time.perf_counter() - t0 > 600: raise SystemExit('the log did not load')\n"
    "loaded = status(); rows = log.model.rowCount()\n"
    "bar = log.view.verticalScrollBar()\n"
    "while bar.maximum() < rows // 2:  # the view lays the rows out\n"
    "    app.processEvents(); time.sleep(0.01)\n"
    "screens = int(sys.argv[2])\n"
    "step = max(bar.pageStep(), (bar.maximum() - bar.minimum()) // max(screens, 1))\n"
    "t1 = time.perf_counter(); value = bar.minimum(); shown = 0\n"
    "while value < bar.maximum():\n"
    "    bar.setValue(value); app.processEvents(); shown += 1\n"
    "    value += step\n"
    "bar.setValue(bar.maximum()); app.processEvents()\n"
    "last = log.model.row_at(rows - 1)\n"
    "bar.setValue(bar.minimum()); app.processEvents()\n"
    "scrolled = status(); seconds = time.perf_counter() - t1\n"
    "window.tasks.shutdown()\n"
    "print(json.dumps({'rows': rows, 'screens': shown, 'scroll_s': seconds,\n"
    "                  'last_line': last.log_label, 'loaded': loaded, 'scrolled': scrolled}))\n"
    "sys.stdout.flush()\n"
    "import os; os._exit(0)  # measured: skip tearing Qt down\n"
)


def _env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-c", *args], env=_env(), cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(db_path: Path, screens: int = SCREENS) -> dict:
    """`screens` 0: every screen from the first line to the last."""
    log("gui memory: bare window, then the app with the whole log scrolled")
    bare = _run([BARE])
    app = _run([APP, str(db_path), str(screens or 10**9)])
    return {"bare": bare, "app": app}


def report(result: dict) -> list[str]:
    bare, app = result["bare"], result["app"]
    peak = app["scrolled"]["VmHWM"]
    return [
        f"12. Window memory, the whole log ({app['rows']:,} lines) scrolled end to end"
        f" (target ≤ {TARGET_MB:.0f} MB resident)",
        f"   bare PySide6 window: {bare['VmRSS']:6.1f} MB",
        f"   app, list loaded: {app['loaded']['VmRSS']:6.1f} MB; after {app['screens']:,} screens"
        f" ({app['scroll_s']:.0f} s, last line {app['last_line']}): {app['scrolled']['VmRSS']:6.1f} MB;"
        f" peak {peak:6.1f} MB ({peak / bare['VmRSS']:.1f}× bare)   [{verdict(peak, TARGET_MB)}]",
    ]


if __name__ == "__main__":
    import argparse
    import shutil

    from common import CACHE_DIR, demo_db, working_copy

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visits", type=int, default=1_000_000)
    ap.add_argument("--screens", type=int, default=SCREENS,
                    help=f"screens shown on the way down, evenly spaced (default {SCREENS}; 0: every"
                         " one, ~40,000 for a million lines)")
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    work_dir = CACHE_DIR / "work"
    try:
        work = working_copy(path, work_dir)
        print("\n".join(report(run(work, args.screens))))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
