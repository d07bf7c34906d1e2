"""Run the desk_app performance benchmarks on a big generated demo database.

    python benchmarks/run.py                      # 1,000,000 visits, everything
    python benchmarks/run.py --visits 100000      # a smaller office
    python benchmarks/run.py --only search,log    # some of: generate search log intake startup
                                                  # cases documents deadlines reports memory
                                                  # channels

Runs one benchmark at a time (single process, one core). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_cases  # noqa: E402
import bench_channels  # noqa: E402
import bench_deadlines  # noqa: E402
import bench_documents  # noqa: E402
import bench_generate  # noqa: E402
import bench_gui_memory  # noqa: E402
import bench_intake  # noqa: E402
import bench_log  # noqa: E402
import bench_reports  # noqa: E402
import bench_search  # noqa: E402
import bench_startup  # noqa: E402
from common import CACHE_DIR, demo_db, log, working_copy  # noqa: E402

ALL = ("generate", "search", "log", "intake", "startup", "cases", "documents", "deadlines",
       "reports", "memory", "channels")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visits", type=int, default=1_000_000, help="size of the demo office (default 1,000,000)")
    ap.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {','.join(ALL)}")
    ap.add_argument("--regenerate", action="store_true", help="rebuild (and re-time) the cached demo database")
    ap.add_argument("--no-baseline", action="store_true", help="skip the slow LIKE baseline of the search benchmark")
    ap.add_argument("--forms", type=int, default=bench_intake.FORMS, help="intake forms to save")
    ap.add_argument("--startup-runs", type=int, default=bench_startup.RUNS)
    ap.add_argument("--json", metavar="FILE", help="also write the raw results here")
    ap.add_argument("--compare", metavar="FILE",
                    help="an earlier run's results (--json): are the search results the same?")
    args = ap.parse_args(argv)
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    unknown = set(only) - set(ALL)
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    path, meta = demo_db(args.visits, regenerate=args.regenerate)
    results: dict = {"visits": args.visits, "db": str(path), "when": datetime.now().isoformat(timespec="seconds"),
                     "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                     "machine": platform.platform()}
    sections: dict[str, list[str]] = {}
    if "search" in only:
        earlier = json.loads(Path(args.compare).read_text()) if args.compare else None
        results["search"] = bench_search.run(path, baseline=not args.no_baseline, earlier=earlier)
        sections["search"] = bench_search.report(results["search"])
    if "log" in only:
        results["log"] = bench_log.run(path)
        sections["log"] = bench_log.report(results["log"])
    if "intake" in only or "startup" in only or "memory" in only:
        work_dir = CACHE_DIR / "work"
        try:
            log("copying the database for the write benchmarks …")
            work = working_copy(path, work_dir)
            if "intake" in only:
                results["intake"] = bench_intake.run(work, args.forms)
                sections["intake"] = bench_intake.report(results["intake"])
            if "startup" in only:  # the app opens the copy, with the intakes just saved
                results["startup"] = bench_startup.measure_startup(work_dir, args.startup_runs)
                results["cli"] = bench_startup.measure_cli(work_dir, args.startup_runs)
                sections["startup"] = (bench_startup.report(results["startup"])
                                       + bench_startup.report_cli(results["cli"]))
            if "memory" in only:
                results["memory"] = bench_gui_memory.run(work)
                sections["memory"] = bench_gui_memory.report(results["memory"])
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)
    if "cases" in only:
        results["cases"] = bench_cases.run(path)
        sections["cases"] = bench_cases.report(results["cases"])
    if "documents" in only:
        results["documents"] = bench_documents.run(path, 50)
        sections["documents"] = bench_documents.report(results["documents"])
    if "deadlines" in only:
        results["deadlines"] = bench_deadlines.run()
        sections["deadlines"] = bench_deadlines.report(results["deadlines"])
    if "reports" in only:
        results["reports"] = bench_reports.run(path)
        sections["reports"] = bench_reports.report(results["reports"])
    if "channels" in only:
        work_dir = CACHE_DIR / "work"
        try:
            results["channels"] = {"converter": bench_channels.converter(),
                                   "gui": bench_channels.gui_gaps(path),
                                   "intake": bench_channels.intake(path, work_dir, args.forms)}
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)
        sections["channels"] = bench_channels.report(results["channels"])
    if "generate" in only:
        results["generate"] = bench_generate.run(meta, path)
        sections["generate"] = bench_generate.report(results["generate"])
    order = ("search", "log", "intake", "generate", "startup", "cases", "documents",
             "deadlines", "reports", "memory", "channels")  # 1–8, 11, 12, 13
    lines = [line for name in order for line in sections.get(name, [])]

    header = (f"desk_app benchmarks — {args.visits:,} visits ({path.name}), Python {results['python']},"
              f" SQLite {results['sqlite']}, {results['when']}, {time.perf_counter() - started:.0f} s")
    print("\n".join([header, *lines]))
    out = Path(args.json) if args.json else CACHE_DIR / f"last-results-{args.visits}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    log(f"raw results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
