"""Benchmark 8: the deadline engine alone — milestones for many cases, no database.

Measured: `compute_milestones` for 100,000 random cases (every petition kind, received over four
years around the 01/07/2026 change of rules, 70% accepted, some remote or complex), after one warm
pass over 1,000 of them; median of RUNS. Baseline: building the same `CaseFacts` values. Target:
≤ 10 s for 100,000 cases, the same bound as recomputing a 100,000-visit office (benchmark 6),
which adds reading and writing the cases.

This was a unit test asserting 20,000 cases in < 4 s; a timing assertion fails on a busy machine,
so it lives here (tests check results, benchmarks check time).
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from common import ratio, verdict

CASES = 100_000
RUNS = 3
TARGET_S = 10.0
KINDS = ("khieu_nai", "to_cao", "kien_nghi", "phan_anh")


def _facts(count: int, seed: int = 3) -> list:
    from desk_app.core.cases.deadlines import CaseFacts

    rng = random.Random(seed)
    out = []
    for _ in range(count):
        received = date(2024, 1, 1) + timedelta(days=rng.randrange(1500))
        accepted = received + timedelta(days=rng.randrange(1, 12)) if rng.random() < 0.7 else None
        out.append(CaseFacts(rng.choice(KINDS), received, accepted, remote=rng.random() < 0.2,
                             complexity=rng.choice((0, 0, 1))))
    return out


def run(count: int = CASES) -> dict:
    from desk_app.core.cases.calendar import WorkCalendar
    from desk_app.core.cases.deadlines import compute_milestones

    cal = WorkCalendar()
    for facts in _facts(1_000, seed=1):  # rule files, holidays and caches loaded once
        compute_milestones(facts, cal)
    base, runs, milestones = [], [], 0
    for _ in range(RUNS):
        t0 = time.perf_counter()
        cases = _facts(count)
        base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        milestones = sum(len(compute_milestones(facts, cal)) for facts in cases)
        runs.append(time.perf_counter() - t0)
    return {"cases": count, "milestones": milestones, "seconds": statistics.median(runs),
            "baseline_seconds": statistics.median(base)}


def report(result: dict) -> list[str]:
    s, b = result["seconds"], result["baseline_seconds"]
    return [
        f"8. Deadline engine: milestones for {result['cases']:,} cases (target ≤ {TARGET_S:.0f} s)",
        f"   {s:.2f} s for {result['milestones']:,} milestones ({s / result['cases'] * 1e6:.0f} µs a case)"
        f" — baseline building the facts {b:.2f} s ({ratio(s, b)})  [{verdict(s, TARGET_S)}]",
    ]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=CASES)
    args = ap.parse_args()
    print("\n".join(report(run(args.cases))))
