"""Benchmark 6: case tracking — recomputing every case's milestones, and the dashboard counts.

Recompute: `cases.recompute_all` over a 100,000-visit demo office (its cases and events,
generated once and cached), on a throwaway copy; median of RECOMPUTE_RUNS. It replays each
case's events, computes all milestones with the deadline engine and writes the cached
columns. Baseline: reading the same events in the same order (`SELECT … ORDER BY case_id, id`,
all rows fetched) — the floor any recompute pays. Target: ≤ 10 s.

Dashboard: `dashboard.dashboard(db, today)` — every count the "today" page shows — on the
1,000,000-visit office, from a fresh connection (cold-ish) and warm, median of DASH_RUNS.
Baseline: `SELECT COUNT(*) FROM cases` timed the same way. Target: ≤ 200 ms.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from common import CACHE_DIR, DEMO_END, demo_db, log, ratio, verdict, working_copy

RECOMPUTE_TARGET_S = 10.0
DASH_TARGET_MS = 200.0
RECOMPUTE_VISITS = 100_000
RECOMPUTE_RUNS = 3
DASH_RUNS = 7


def _recompute(path: Path) -> dict:
    from desk_app.core.cases.tracking import recompute_all
    from desk_app.core.opening import open_db

    work = working_copy(path, CACHE_DIR / "work-cases")
    db = open_db(work)
    today = DEMO_END.date()
    cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    events = db.execute("SELECT COUNT(*) FROM case_events").fetchone()[0]
    base, runs = [], []
    for _ in range(RECOMPUTE_RUNS):
        t0 = time.perf_counter()
        rows = db.execute("SELECT case_id, action, status_after, occurred_on, data"
                          " FROM case_events ORDER BY case_id, id").fetchall()
        base.append(time.perf_counter() - t0)
        assert len(rows) == events
        del rows
        t0 = time.perf_counter()
        done = recompute_all(db, today=today)
        runs.append(time.perf_counter() - t0)
        assert done == cases
    db.close()
    return {"cases": cases, "events": events, "seconds": statistics.median(runs),
            "baseline_seconds": statistics.median(base)}


def _dash(path: Path) -> dict:
    from desk_app.core.cases.dashboard import dashboard
    from desk_app.core.storage.db import open_reader

    today = DEMO_END.date()

    def one(fn, fresh: bool) -> float:
        db = open_reader(path)
        try:
            if not fresh:
                fn(db)
            t0 = time.perf_counter()
            fn(db)
            return time.perf_counter() - t0
        finally:
            db.close()

    def count(db):
        return db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]

    def board(db):
        return dashboard(db, today)

    reader = open_reader(path)
    shown = board(reader)
    total = count(reader)
    reader.close()
    out = {"cases": total, "open": shown.open, "overdue": shown.overdue}
    for name, fn in (("baseline", count), ("dashboard", board)):
        out[name] = {
            "cold_ms": statistics.median(one(fn, True) for _ in range(DASH_RUNS)) * 1000,
            "warm_ms": statistics.median(one(fn, False) for _ in range(DASH_RUNS)) * 1000}
    return out


def run(big_path: Path) -> dict:
    small, _meta = demo_db(RECOMPUTE_VISITS)
    log(f"cases: recompute over {small.name}, dashboard over {big_path.name}")
    try:
        return {"recompute": _recompute(small), "dashboard": _dash(big_path)}
    finally:
        for leftover in (CACHE_DIR / "work-cases").glob("*"):
            leftover.unlink()


def report(result: dict) -> list[str]:
    r, d = result["recompute"], result["dashboard"]
    b, m = d["baseline"], d["dashboard"]
    worst = max(m["cold_ms"], m["warm_ms"])
    return [
        f"6. Cases: recompute all milestones (target ≤ {RECOMPUTE_TARGET_S:.0f} s), dashboard counts"
        f" (target ≤ {DASH_TARGET_MS:.0f} ms)",
        f"   recompute {r['cases']:,} cases ({r['events']:,} events): {r['seconds']:.2f} s"
        f" — baseline reading the events {r['baseline_seconds']:.2f} s"
        f" ({ratio(r['seconds'], r['baseline_seconds'])})  [{verdict(r['seconds'], RECOMPUTE_TARGET_S)}]",
        f"   dashboard over {d['cases']:,} cases ({d['open']:,} open, {d['overdue']:,} overdue):"
        f" cold {m['cold_ms']:.1f} ms ({ratio(m['cold_ms'], b['cold_ms'])}),"
        f" warm {m['warm_ms']:.1f} ms ({ratio(m['warm_ms'], b['warm_ms'])})"
        f" — baseline COUNT(*) cold {b['cold_ms']:.1f} ms, warm {b['warm_ms']:.1f} ms"
        f"  [{verdict(worst, DASH_TARGET_MS)}]",
    ]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    print("\n".join(report(run(path))))
