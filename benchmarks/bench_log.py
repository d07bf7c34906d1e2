"""Benchmark 2: the first screen of the log book on the big database.

Times `logbook.log_ids(db, flt)` + `logbook.log_rows(db, ids[:256])` — what the log page
does before it can paint — from a fresh connection ("cold-ish": SQLite's page cache is
empty, the OS file cache is not) and again on a warm connection, for the default view and
for a date range, a reception kind, an officer, a sort by name and the other sort columns;
then every combination of sort × filters once (warm) to catch a bad query plan.
Baseline: `SELECT COUNT(*) FROM petitions` timed the same way. Target: ≤ 300 ms.
"""

from __future__ import annotations

import itertools
import statistics
import time
from datetime import date
from pathlib import Path

from common import log, ratio, verdict

TARGET_MS = 300.0
PAGE = 256
COLD_RUNS = 3
WARM_RUNS = 5


def cases():
    from desk_app.core.reception.logbook import LogFilter

    return {
        "default (newest first)": LogFilter(),
        "date range (1 year)": LogFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)),
        "reception kind dinh_ky": LogFilter(reception_kind="dinh_ky"),
        "officer 2": LogFilter(officer_id=2),
        "sort by name": LogFilter(sort="name", descending=False),
        # The other columns the log page sorts by, in the direction of a first click there.
        "sort by name Z→A": LogFilter(sort="name", descending=True),
        "sort by kind": LogFilter(sort="kind", descending=False),
        "sort by officer": LogFilter(sort="officer", descending=False),
        "sort by crowd size": LogFilter(sort="crowd_size", descending=True),
        "sort by log number": LogFilter(sort="log_no", descending=False),
    }


def _first_screen(db, flt) -> tuple[float, int]:
    from desk_app.core.reception.logbook import log_ids, log_rows

    t0 = time.perf_counter()
    ids = log_ids(db, flt)
    rows = log_rows(db, ids[:PAGE])
    dt = time.perf_counter() - t0
    assert len(rows) == min(PAGE, len(ids))
    return dt, len(ids)


def _count(db, _flt) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = db.execute("SELECT COUNT(*) FROM petitions").fetchone()[0]
    return time.perf_counter() - t0, n


def _measure(db_path: Path, fn, flt) -> dict:
    from desk_app.core.storage.db import open_reader

    cold = []
    for _ in range(COLD_RUNS):
        db = open_reader(db_path)
        dt, n = fn(db, flt)
        cold.append(dt)
        db.close()
    db = open_reader(db_path)
    fn(db, flt)
    warm = []
    for _ in range(WARM_RUNS):
        dt, n = fn(db, flt)
        warm.append(dt)
    db.close()
    return {"rows": n, "cold_ms": statistics.median(cold) * 1000,
            "warm_ms": statistics.median(warm) * 1000, "warm_max_ms": max(warm) * 1000}


def combinations():
    """Every sort (both directions) × date range × reception kind × petition kind × officer."""
    from desk_app.core.reception.logbook import KEYED_SORTS, LogFilter

    for sort, desc, dated, rk, pk, off in itertools.product(
            KEYED_SORTS, (True, False), (False, True), (None, "dinh_ky"), (None, "khieu_nai"),
            (None, 2)):
        yield LogFilter(date_from=date(2025, 1, 1) if dated else None,
                        date_to=date(2025, 12, 31) if dated else None, reception_kind=rk,
                        petition_kind=pk, officer_id=off, sort=sort, descending=desc)


def run(db_path: Path) -> dict:
    from desk_app.core.storage.db import open_reader

    log("log: first screen")
    result = {"baseline": _measure(db_path, _count, None), "cases": {}}
    for name, flt in cases().items():
        result["cases"][name] = _measure(db_path, _first_screen, flt)
    db = open_reader(db_path)
    timings = sorted(((_first_screen(db, flt)[0] * 1000, repr(flt)) for flt in combinations()),
                     reverse=True)
    db.close()
    result["combinations"] = {
        "n": len(timings), "median_ms": statistics.median(t for t, _ in timings),
        "max_ms": timings[0][0], "slowest": timings[0][1],
        "over_target": sum(t > TARGET_MS for t, _ in timings)}
    return result


def report(result: dict) -> list[str]:
    b = result["baseline"]
    lines = [f"2. Log first screen: log_ids + log_rows(ids[:{PAGE}]) (target ≤ {TARGET_MS:.0f} ms;"
             f" cold = fresh connection, median of {COLD_RUNS}; warm = median of {WARM_RUNS})",
             f"   baseline SELECT COUNT(*) FROM petitions ({b['rows']:,}): cold {b['cold_ms']:6.1f} ms"
             f"   warm {b['warm_ms']:6.1f} ms"]
    for name, c in result["cases"].items():
        worst = max(c["cold_ms"], c["warm_ms"])
        lines.append(
            f"   {name:24s} {c['rows']:>9,} ids  cold {c['cold_ms']:6.1f} ms ({ratio(c['cold_ms'], b['cold_ms'])})"
            f"  warm {c['warm_ms']:6.1f} ms ({ratio(c['warm_ms'], b['warm_ms'])})  [{verdict(worst, TARGET_MS)}]")
    m = result.get("combinations")
    if m:
        lines.append(f"   all {m['n']} filter × sort combinations (warm, once each): median {m['median_ms']:.0f} ms,"
                     f" max {m['max_ms']:.0f} ms, {m['over_target']} over target"
                     f"   [{verdict(m['max_ms'], TARGET_MS)}]")
        lines.append(f"     slowest: {m['slowest']}")
    return lines


if __name__ == "__main__":
    import argparse

    from common import demo_db

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    print("\n".join(report(run(path))))
