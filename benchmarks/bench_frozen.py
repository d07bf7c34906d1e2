"""Benchmark 10: the frozen app (PyInstaller one-folder) — installed size, and start to a
usable window against a bare PySide6 window frozen the same way, in the same run.

    python benchmarks/bench_frozen.py            # builds what is missing, 7 runs each
    python benchmarks/bench_frozen.py --rebuild  # build both folders again first

Needs `pip install -e ".[build]"`. The app folder is dist/BanTiepDan/ (installer/desk_app.spec,
as CI builds it); the bare window is built once under benchmarks/.cache/frozen-bare/. Both
start with QT_QPA_PLATFORM=offscreen; the app opens a small office made with its own CLI and
quits once its main window is shown (DESK_APP_EXIT_AFTER_SHOWN=1), the bare window after
show() and one turn of the event loop. Runs alternate; medians are compared. Target ≤ 2×.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CACHE_DIR, ROOT, log, verdict

TARGET_RATIO = 2.0
RUNS = 7
APP_DIR = ROOT / "dist" / "BanTiepDan"
BARE_DIR = CACHE_DIR / "frozen-bare"
EXE = ".exe" if sys.platform == "win32" else ""

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


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_app() -> None:
    log("building dist/BanTiepDan with PyInstaller …")
    subprocess.run([sys.executable, "-m", "PyInstaller", "installer/desk_app.spec", "--noconfirm",
                    "--log-level", "WARN", "--distpath", "dist", "--workpath", "build/pyinstaller"],
                   cwd=ROOT, check=True)


def build_bare() -> None:
    log("building the bare PySide6 window with PyInstaller …")
    work = BARE_DIR.parent / "frozen-bare-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "bare.py").write_text(BARE)
    subprocess.run([sys.executable, "-m", "PyInstaller", "bare.py", "--onedir", "--noconfirm",
                    "--log-level", "WARN", "--name", "bare", "--distpath", str(work / "dist"),
                    "--workpath", str(work / "build"), "--specpath", str(work)],
                   cwd=work, check=True)
    shutil.rmtree(BARE_DIR, ignore_errors=True)
    shutil.move(str(work / "dist" / "bare"), BARE_DIR)
    shutil.rmtree(work, ignore_errors=True)


def _env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DESK_APP_EXIT_AFTER_SHOWN"] = "1"
    return env


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {proc.stderr[-600:]}")
    return elapsed


def measure(runs: int = RUNS) -> dict:
    app = APP_DIR / f"BanTiepDan{EXE}"
    bare = BARE_DIR / f"bare{EXE}"
    data = Path(tempfile.mkdtemp(prefix="desk-frozen-"))
    try:
        # init makes this account the administrator; the GUI then opens on its login screen,
        # the first window an officer can use on an encrypted office.
        subprocess.run([str(app), "--data-dir", str(data), "init", "--province", "24",
                        "--commune", "9253", "--officer", "Nguyễn Thị Hồng Nhung:Công chức"],
                       check=True, capture_output=True,
                       env={**os.environ, "DESK_APP_USER": "quantri",
                            "DESK_APP_PASSWORD": "mat-khau-do-thoi-gian"})
        app_cmd, bare_cmd = [str(app), "--data-dir", str(data), "gui"], [str(bare)]
        _time(bare_cmd)  # the first starts read everything from disk
        _time(app_cmd)
        bare_s, app_s = [], []
        for _ in range(runs):
            bare_s.append(_time(bare_cmd))
            app_s.append(_time(app_cmd))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return {"runs": runs, "bare_ms": statistics.median(bare_s) * 1000,
            "app_ms": statistics.median(app_s) * 1000, "app_max_ms": max(app_s) * 1000,
            "app_bytes": folder_size(APP_DIR), "bare_bytes": folder_size(BARE_DIR)}


def report(result: dict) -> list[str]:
    ratio = result["app_ms"] / result["bare_ms"]
    return [f"8. Frozen app (PyInstaller one-folder; target ≤ {TARGET_RATIO:.0f}× a bare frozen "
            "PySide6 window)",
            f"   installed: app {result['app_bytes'] / 1e6:.0f} MB, bare window "
            f"{result['bare_bytes'] / 1e6:.0f} MB",
            f"   start to usable window: bare {result['bare_ms']:.0f} ms, app {result['app_ms']:.0f} ms"
            f" (max {result['app_max_ms']:.0f})   ratio {ratio:.2f}×   "
            f"[{verdict(ratio, TARGET_RATIO)}]   (median of {result['runs']})"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--runs", type=int, default=RUNS)
    args = ap.parse_args()
    if args.rebuild or not (APP_DIR / f"BanTiepDan{EXE}").exists():
        build_app()
    if args.rebuild or not (BARE_DIR / f"bare{EXE}").exists():
        build_bare()
    print("\n".join(report(measure(args.runs))))
