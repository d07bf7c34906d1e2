"""Benchmark 2: the log book's first screen, the whole list behind it, and a saved line.

First screen: `log_ids(db, flt, limit=256)` + `log_rows(db, ids)` — what the log page does
before it can paint (docs/log.md) — from a fresh connection ("cold": SQLite's page cache is
empty, the OS file cache is not) and on a warm connection, for named views and then for every
filter × sort combination (192), cold and warm. The whole list (what the reader thread loads
after the first screen, so the table scrolls anywhere) is timed for the named views too. A saved
line: `log_order.place` of an existing line into the list without it (the work the log does
when a visit is saved while it is shown), for every sort; the position found must be the line's
own. Baseline: `SELECT COUNT(*) FROM petitions` timed the same way. Targets: first screen
≤ 50 ms for every combination, cold and warm; a saved line ≤ 20 ms.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from datetime import date
from pathlib import Path

from common import log, ratio, verdict

TARGET_MS = 50.0
TARGET_SAVE_MS = 20.0
PAGE = 256  # log_order.FIRST_SCREEN: ids of the first screen
ROWS = 64  # gui/models/paged.py PAGE: rows the table fetches at a time
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
        "all four filters, by name": LogFilter(
            date_from=date(2025, 1, 1), date_to=date(2025, 12, 31), reception_kind="dinh_ky",
            petition_kind="khieu_nai", officer_id=2, sort="name", descending=False),
    }


def _first_screen(db, flt) -> tuple[float, int]:
    from desk_app.core.reception.logbook import log_ids, log_rows

    t0 = time.perf_counter()
    ids = log_ids(db, flt, limit=PAGE)
    rows = log_rows(db, ids[:ROWS])
    dt = time.perf_counter() - t0
    assert len(rows) == min(len(ids), ROWS) and len(ids) <= PAGE
    return dt, len(ids)


def _whole_list(db, flt) -> tuple[float, int]:
    from desk_app.core.reception.logbook import log_ids

    t0 = time.perf_counter()
    n = len(log_ids(db, flt))
    return time.perf_counter() - t0, n


def _count(db, _flt) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = db.execute("SELECT COUNT(*) FROM petitions").fetchone()[0]
    return time.perf_counter() - t0, n


def _measure(db_path: Path, fn, flt, cold_runs=COLD_RUNS, warm_runs=WARM_RUNS) -> dict:
    from desk_app.core.storage.db import open_reader

    cold = []
    for _ in range(cold_runs):
        db = open_reader(db_path)
        dt, n = fn(db, flt)
        cold.append(dt)
        db.close()
    db = open_reader(db_path)
    fn(db, flt)
    warm = []
    for _ in range(warm_runs):
        dt, n = fn(db, flt)
        warm.append(dt)
    db.close()
    return {"rows": n, "cold_ms": statistics.median(cold) * 1000,
            "warm_ms": statistics.median(warm) * 1000, "warm_max_ms": max(warm) * 1000}


def combinations():
    """Every sort (both directions) × date range × reception kind × petition kind × officer."""
    from desk_app.core.reception.logbook import SORTS, LogFilter

    for sort, desc, dated, rk, pk, off in itertools.product(
            SORTS, (True, False), (False, True), (None, "dinh_ky"), (None, "khieu_nai"),
            (None, 2)):
        yield LogFilter(date_from=date(2025, 1, 1) if dated else None,
                        date_to=date(2025, 12, 31) if dated else None, reception_kind=rk,
                        petition_kind=pk, officer_id=off, sort=sort, descending=desc)


def _combinations(db_path: Path) -> dict:
    """Each combination from a fresh connection (cold), then again on it (warm)."""
    from desk_app.core.storage.db import open_reader

    cold, warm = [], []
    for flt in combinations():
        db = open_reader(db_path)
        cold.append((_first_screen(db, flt)[0] * 1000, repr(flt)))
        warm.append((_first_screen(db, flt)[0] * 1000, repr(flt)))
        db.close()
    out = {"n": len(cold)}
    for name, timings in (("cold", cold), ("warm", warm)):
        timings.sort(reverse=True)
        out[name] = {"median_ms": statistics.median(t for t, _ in timings),
                     "max_ms": timings[0][0], "slowest": timings[0][1],
                     "over_target": sum(t > TARGET_MS for t, _ in timings)}
    return out


def _saves(db_path: Path, per_sort: int = 5) -> dict:
    """A line taken out of the whole list and placed back, as a saved line is."""
    from desk_app.core.reception.log_order import place
    from desk_app.core.reception.logbook import SORTS, LogFilter, log_ids
    from desk_app.core.storage.db import open_reader

    db = open_reader(db_path)
    rng = random.Random(3)
    timings, wrong = [], 0
    for sort, desc in itertools.product(SORTS, (True, False)):
        flt = LogFilter(sort=sort, descending=desc)
        ids = log_ids(db, flt)
        for _ in range(per_sort):
            position = rng.randrange(len(ids))
            pid = ids.pop(position)
            t0 = time.perf_counter()
            placed = place(db, flt, ids, [pid])
            timings.append(time.perf_counter() - t0)
            wrong += placed != [(position, pid)]
            ids.insert(position, pid)
    db.close()
    ms = sorted(t * 1000 for t in timings)
    return {"n": len(ms), "median_ms": statistics.median(ms), "max_ms": ms[-1], "wrong": wrong}


def run(db_path: Path) -> dict:
    log("log: first screen, whole list, saved lines")
    result = {"baseline": _measure(db_path, _count, None), "cases": {}}
    for name, flt in cases().items():
        result["cases"][name] = _measure(db_path, _first_screen, flt)
        result["cases"][name]["whole_list"] = _measure(db_path, _whole_list, flt, 1, 1)
    result["combinations"] = _combinations(db_path)
    result["saves"] = _saves(db_path)
    return result


def report(result: dict) -> list[str]:
    b = result["baseline"]
    lines = [f"2. Log first screen: log_ids(limit={PAGE}) + log_rows({ROWS} rows) (target ≤ {TARGET_MS:.0f} ms cold"
             f" and warm; cold = fresh connection, median of {COLD_RUNS}; warm = median of {WARM_RUNS})",
             f"   baseline SELECT COUNT(*) FROM petitions ({b['rows']:,}): cold {b['cold_ms']:6.1f} ms"
             f"   warm {b['warm_ms']:6.1f} ms"]
    for name, c in result["cases"].items():
        worst = max(c["cold_ms"], c["warm_ms"])
        whole = c["whole_list"]
        lines.append(
            f"   {name:26s} cold {c['cold_ms']:6.1f} ms ({ratio(c['cold_ms'], b['cold_ms'])})"
            f"  warm {c['warm_ms']:6.1f} ms ({ratio(c['warm_ms'], b['warm_ms'])})  [{verdict(worst, TARGET_MS)}]"
            f"   whole list {whole['rows']:>9,} ids {whole['warm_ms']:6.0f} ms")
    m = result.get("combinations")
    if m:
        for kind in ("cold", "warm"):
            k = m[kind]
            lines.append(f"   all {m['n']} filter × sort combinations, {kind}: median {k['median_ms']:.1f} ms,"
                         f" max {k['max_ms']:.1f} ms, {k['over_target']} over target"
                         f"   [{verdict(k['max_ms'], TARGET_MS)}]")
            lines.append(f"     slowest: {k['slowest']}")
    s = result.get("saves")
    if s:
        lines.append(f"   a saved line placed in the list shown ({s['n']}, every sort): median"
                     f" {s['median_ms']:.2f} ms, max {s['max_ms']:.2f} ms, misplaced {s['wrong']}"
                     f"   [{verdict(s['max_ms'], TARGET_SAVE_MS) if not s['wrong'] else 'WRONG'}]")
    return lines


if __name__ == "__main__":
    import argparse

    from common import demo_db

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    print("\n".join(report(run(path))))
