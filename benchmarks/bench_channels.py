"""Benchmark 13: channels and old addresses (docs/channels.md).

a. The old-address index (`core/reception/old_address.warm_up`): its first load in a fresh
   process (import of vietnam-address-converter's table + building the index), median of 3;
   then a lookup (median over the 64 addresses of tests/fixtures/old_addresses.json).
b. The load off the GUI thread: the intake page builds the index on the reader thread
   (`Tasks.read`). A 10 ms QTimer on the GUI thread records the longest gap between its ticks
   while the index builds there, against the longest gap over the same time with nothing
   running (baseline). The GUI thread waits only for the interpreter lock the builder
   releases every 5 ms.
c. Intake p95 with the index loaded: `register_visit` over the forms of benchmark 3, on a
   fresh copy of the demo office each time, three interleaved rounds, medians — (1) index not loaded, (2) index loaded, (3)
   index loaded and one form in five a petition without a visit (a letter by post, from the
   portal or forwarded, carrying an old address), one in twenty with an agent. Target: (2) and
   (3) within 20 % of (1), and p95 ≤ 20 ms as benchmark 3.

Optional (`--package`): the package's own converter (`create_converter()`) load and first
conversion, the reason we read its table but not its matcher (~45 s here).

    python benchmarks/bench_channels.py --visits 100000
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, log, summary

TARGET_P95_MS = 20.0
FIRST_LOAD = """
import time
t0 = time.perf_counter()
from desk_app.core.reception.old_address import warm_up
warm_up()
print(time.perf_counter() - t0)
"""
PACKAGE_LOAD = """
import time
t0 = time.perf_counter()
from vietnam_address_converter import create_converter
c = create_converter()
t1 = time.perf_counter()
c.convert_address_text("Thôn Khúc Toại, xã Khúc Xuyên, thành phố Bắc Ninh, tỉnh Bắc Ninh")
print(t1 - t0, time.perf_counter() - t1)
"""
GUI_GAPS = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desk_app.gui.tasks import Tasks
app = QApplication([])
tasks = Tasks(sys.argv[1])
ticks = []
timer = QTimer(); timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

def gaps(seconds, until_done):
    ticks.clear(); timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not (until_done and done.get("at")):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0), len(ticks)

done = {}
def job(db):
    from desk_app.core.reception.old_address import warm_up
    t0 = time.perf_counter(); warm_up(); return time.perf_counter() - t0

def start():
    tasks.read(job, lambda s: done.update(at=time.perf_counter(), took=s), lambda e: done.update(at=-1))
t0 = time.perf_counter()
start()
busy, n_busy = gaps(60, True)
wall = time.perf_counter() - t0
base, n_base = gaps(max(wall, 0.5), False)
tasks.shutdown()
print(busy, n_busy, base, n_base, done.get("took", -1), wall)
"""


def _python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def converter(runs: int = 3) -> dict:
    loads = [float(_python(FIRST_LOAD)) for _ in range(runs)]
    from desk_app.core.reception.old_address import suggest, warm_up

    warm_up()
    fixture = json.loads((ROOT / "tests" / "fixtures" / "old_addresses.json").read_text("utf-8"))
    texts = [item["address"] for item in fixture["addresses"]]
    lookups = []
    for text in texts * 5:
        t0 = time.perf_counter()
        suggest(text)
        lookups.append(time.perf_counter() - t0)
    return {"first_load_s": loads, "first_load_median_s": statistics.median(loads),
            "lookup_median_us": statistics.median(lookups) * 1e6,
            "lookup_max_us": max(lookups) * 1e6}


def gui_gaps(db_path: Path) -> dict:
    busy, n_busy, base, n_base, took, wall = (float(x) for x in _python(GUI_GAPS, str(db_path))
                                              .split())
    return {"max_gap_ms_while_loading": busy * 1000, "ticks_while_loading": int(n_busy),
            "max_gap_ms_idle": base * 1000, "ticks_idle": int(n_base),
            "load_on_reader_thread_s": took, "wall_s": wall}


def package(runs: int = 1) -> dict:
    load, first = (float(x) for x in _python(PACKAGE_LOAD).split())
    return {"package_load_s": load, "package_first_convert_s": first}


def _with_channels(forms: list, seed: int = 5) -> list:
    """One form in five without a visit (post with an old address, portal, forwarded), one in
    twenty with a lawyer presenting it."""
    from desk_app.core.model import AgentRole, Channel, IdKind, Outcome, PersonForm

    rng = random.Random(seed)
    olds = ["Thôn Khúc Toại, xã Khúc Xuyên, TP Bắc Ninh, tỉnh Bắc Ninh",
            "Khu phố Đông, phường Vũ Ninh, thành phố Bắc Ninh, Bắc Ninh",
            "Thôn Trung, xã Hòa Long, TP. Bắc Ninh", "Xóm 3, xã Tam Giang, huyện Yên Phong, Bắc Ninh"]
    out = []
    for form in forms:
        roll = rng.random()
        visit_only = dict(session_id=None, representatives=(), crowd_size=1,
                          written_by_officer=False, police_informed_at=None, police_contact="",
                          outcome=Outcome.ACCEPTED if form.outcome == Outcome.REFUSED
                          else form.outcome, refusal_reason=None)
        if roll < 0.10:
            out.append(replace(form, channel=Channel.BUU_CHINH,
                               mailed_on=form.received_at.date() - timedelta(days=2),
                               person=replace(form.person, id_kind=IdKind.KHONG, id_number="",
                                              old_address=rng.choice(olds)), **visit_only))
        elif roll < 0.15:
            out.append(replace(form, channel=Channel.CONG_DVC,
                               channel_ref=f"G22.{rng.randrange(10**6):06d}", **visit_only))
        elif roll < 0.20:
            out.append(replace(form, channel=Channel.CHUYEN_DEN,
                               source_body=rng.choice(["UBND tỉnh Bắc Ninh",
                                                       "Ban Tiếp công dân tỉnh Bắc Ninh"]),
                               source_doc_no=f"{rng.randint(1, 999)}/UBND-TCD", **visit_only))
        elif roll < 0.25 and form.crowd_size == 1:
            agent = PersonForm(full_name="Trần Văn Luật", id_kind=IdKind.CCCD,
                               id_number="027080000555", date_of_birth=date(1980, 1, 1))
            out.append(replace(form, agent=agent, agent_role=AgentRole.LUAT_SU,
                               agent_proof="Giấy ủy quyền số 12/2026/UQ"))
        else:
            out.append(form)
    return out


def intake(db_path: Path, work_dir: Path, forms_n: int, rounds: int = 3) -> dict:
    """Each configuration once per round, rounds interleaved (the machine is shared: a slow
    minute should not fall on one configuration only); the index is dropped from memory for
    "not loaded" and built again for the others."""
    import gc

    import bench_intake
    from common import working_copy

    from desk_app.core.opening import open_db
    from desk_app.core.reception import old_address
    from desk_app.core.reception.intake import register_visit

    configs = (("not_loaded", False, False), ("loaded", True, False),
               ("loaded_channels", True, True))
    runs: dict[str, list[dict]] = {name: [] for name, _l, _c in configs}
    for _round in range(rounds):
        for name, loaded, channels in configs:
            if loaded:
                old_address.warm_up()
            else:
                old_address._build.cache_clear()
                gc.collect()
            work = working_copy(db_path, work_dir)
            db = open_db(work)
            forms = bench_intake.build_forms(db, bench_intake.WARMUP + forms_n)
            if channels:
                forms = _with_channels(forms)
            now = bench_intake.DEMO_END + timedelta(days=2)
            saves = []
            for i, form in enumerate(forms):
                t0 = time.perf_counter()
                register_visit(db, form, now)
                if i >= bench_intake.WARMUP:
                    saves.append(time.perf_counter() - t0)
            db.close()
            runs[name].append(summary(saves))
            log(f"channels intake {name}: p95 {runs[name][-1]['p95']:.1f} ms")
    return {name: {"p50": statistics.median(r["p50"] for r in rs),
                   "p95": statistics.median(r["p95"] for r in rs),
                   "max": max(r["max"] for r in rs), "p95_runs": [r["p95"] for r in rs]}
            for name, rs in runs.items()}


def report(result: dict) -> list[str]:
    c, g, i = result["converter"], result["gui"], result["intake"]
    lines = [
        "13. Channels and old addresses",
        f"   old-address index, first load in a fresh process: median {c['first_load_median_s']:.2f} s"
        f" (runs: {', '.join(f'{x:.2f}' for x in c['first_load_s'])}); lookup median"
        f" {c['lookup_median_us']:.0f} µs, max {c['lookup_max_us']:.0f} µs",
        f"   built on the reader thread: {g['load_on_reader_thread_s']:.2f} s; GUI thread's longest"
        f" gap between 10 ms ticks {g['max_gap_ms_while_loading']:.0f} ms"
        f" ({g['ticks_while_loading']} ticks) vs {g['max_gap_ms_idle']:.0f} ms idle"
        f" ({g['ticks_idle']} ticks)",
    ]
    base = i["not_loaded"]["p95"]
    for name, label in (("not_loaded", "index not loaded"), ("loaded", "index loaded"),
                        ("loaded_channels", "loaded, 20 % letters/portal/forwarded, 5 % agents")):
        s = i[name]
        lines.append(f"   intake p50 {s['p50']:5.1f} ms  p95 {s['p95']:5.1f} ms  max {s['max']:6.1f} ms"
                     f"  ({label}; p95 {s['p95'] / base:.2f}× of not loaded; rounds"
                     f" {', '.join(f'{x:.1f}' for x in s['p95_runs'])})")
    if "package" in result:
        p = result["package"]
        lines.append(f"   vietnam-address-converter's own converter: load {p['package_load_s']:.1f} s,"
                     f" first conversion {p['package_first_convert_s']:.1f} s")
    return lines


if __name__ == "__main__":
    import argparse
    import shutil

    from common import CACHE_DIR, demo_db

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=100_000)
    ap.add_argument("--forms", type=int, default=300)
    ap.add_argument("--package", action="store_true",
                    help="also time vietnam-address-converter's own converter (~45 s)")
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    work_dir = CACHE_DIR / "work"
    result: dict = {"visits": args.visits}
    try:
        result["converter"] = converter()
        result["gui"] = gui_gaps(path)
        result["intake"] = intake(path, work_dir, args.forms)
        if args.package:
            result["package"] = package()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    (CACHE_DIR / f"last-channels-{args.visits}.json").write_text(json.dumps(result, indent=1))
    print("\n".join(report(result)))
