"""Benchmark 6: case tracking — recomputing every case's milestones, and the dashboard counts.

Recompute: `cases.recompute_all` over a 100,000-visit demo office (its cases and events,
generated once and cached), on a throwaway copy; median of RECOMPUTE_RUNS. It replays each
case's events, computes all milestones with the deadline engine and writes the cached
columns. Baseline: reading the same events in the same order (`SELECT … ORDER BY case_id, id`,
all rows fetched) — the floor any recompute pays. Target: ≤ 10 s.

Calendar edits: `office_calendar.set_day(db, day, "holiday")` and
`remove_day` on a throwaway copy of the 100,000- and the 1,000,000-visit office, for three
days: a working day two months ahead (a holiday announced in advance), a day inside the
running periods (next week), and the worst day (the one the most open cases' periods span);
then a change of the target for kiến nghị / phản ánh (`recompute.save_settings`) and back. Each
recomputes only the open cases it can move (cases/recompute.py), in short transactions;
median of EDIT_RUNS. Baseline: reading those cases' events. Target: ≤ 1 s.

Dashboard: `dashboard.dashboard(db, today)` — every count the "today" page shows — on the
1,000,000-visit office, from a fresh connection (cold-ish) and warm, median of DASH_RUNS.
Baseline: `SELECT COUNT(*) FROM cases` timed the same way. Target: ≤ 200 ms.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from common import CACHE_DIR, DEMO_END, demo_db, log, ratio, verdict, working_copy

RECOMPUTE_TARGET_S = 10.0
DASH_TARGET_MS = 200.0
RECOMPUTE_VISITS = 100_000
RECOMPUTE_RUNS = 3
DASH_RUNS = 7
EDIT_TARGET_S = 1.0
EDIT_RUNS = 3


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


def _edit_days(db, today: date) -> dict[str, date]:
    from desk_app.core.cases.office_calendar import load_calendar

    cal = load_calendar(db)
    ahead = cal.next_working_day(today + timedelta(days=60))
    week = cal.next_working_day(today + timedelta(days=5))
    rows = db.execute("SELECT opened_on, due_on FROM cases WHERE is_open = 1").fetchall()
    # The working day the most open cases' [opened, due] span (due NULL: open-ended).
    days = sorted({d for _o, d in rows if d} | {o for o, _d in rows})
    worst = max((date.fromisoformat(d) for d in days if cal.is_working_day(date.fromisoformat(d))),
                key=lambda d: sum(1 for o, due in rows
                                  if o < d.isoformat() and (due is None or due >= d.isoformat())),
                default=week)
    return {"two months ahead": ahead, "next week": week, "worst day": worst}


def _edits(path: Path) -> dict:
    from desk_app.core.cases.office_calendar import load_calendar, remove_day, set_day
    from desk_app.core.cases.recompute import moved_by_day, moved_by_settings, save_settings
    from desk_app.core.opening import open_db

    work = working_copy(path, CACHE_DIR / "work-cases")
    db = open_db(work)
    today = DEMO_END.date()
    out: dict = {"cases": db.execute("SELECT COUNT(*) FROM cases").fetchone()[0],
                 "open": db.execute("SELECT COUNT(*) FROM cases WHERE is_open = 1").fetchone()[0],
                 "edits": {}}

    def read_events(ids: list[int]) -> float:
        t0 = time.perf_counter()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            db.execute("SELECT case_id, action, status_after, occurred_on, data FROM case_events"
                       f" WHERE case_id IN ({','.join('?' * len(chunk))}) ORDER BY case_id, id",
                       chunk).fetchall()
        return time.perf_counter() - t0

    def timed(fn) -> float:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    warm = load_calendar(db).next_working_day(today + timedelta(days=400))
    set_day(db, warm, "holiday")  # out of the timings: holidays, rules, calendar years
    remove_day(db, warm)
    for name, day in _edit_days(db, today).items():
        ids = moved_by_day(db, day)
        sets, removes, base = [], [], []
        for _ in range(EDIT_RUNS):
            base.append(read_events(ids))
            sets.append(timed(lambda day=day: set_day(db, day, "holiday")))
            removes.append(timed(lambda day=day: remove_day(db, day)))
        out["edits"][name] = {"day": day.isoformat(), "moved": len(ids),
                              "set_s": statistics.median(sets), "set_max_s": max(sets),
                              "remove_s": statistics.median(removes),
                              "baseline_s": statistics.median(base)}
    ids = moved_by_settings(db, {"petition_target_days": ("30", "45")})
    sets, base = [], []
    for _ in range(EDIT_RUNS):
        base.append(read_events(ids))
        sets.append(timed(lambda: save_settings(db, {"petition_target_days": "45"})))
        sets.append(timed(lambda: save_settings(db, {"petition_target_days": "30"})))
    out["edits"]["target days 30 → 45 → 30"] = {
        "day": "", "moved": len(ids), "set_s": statistics.median(sets), "set_max_s": max(sets),
        "remove_s": None, "baseline_s": statistics.median(base)}
    db.close()
    return out


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
    log(f"cases: recompute and edits over {small.name}, edits and dashboard over {big_path.name}")
    try:
        result = {"recompute": _recompute(small), "edits_small": _edits(small)}
        if big_path != small:
            result["edits_big"] = _edits(big_path)
        result["dashboard"] = _dash(big_path)
        return result
    finally:
        for leftover in (CACHE_DIR / "work-cases").glob("*"):
            leftover.unlink()


def _edit_lines(e: dict) -> list[str]:
    lines = [f"   calendar edits over {e['cases']:,} cases ({e['open']:,} open),"
             f" target ≤ {EDIT_TARGET_S:.0f} s:"]
    for name, r in e["edits"].items():
        remove = f", remove {r['remove_s']:.2f} s" if r["remove_s"] is not None else ""
        lines.append(
            f"     {name:<26} {r['day']:<10} {r['moved']:6,} cases: set {r['set_s']:.2f} s"
            f" (max {r['set_max_s']:.2f}){remove} — baseline reading their events"
            f" {r['baseline_s']:.3f} s  [{verdict(r['set_max_s'], EDIT_TARGET_S)}]")
    return lines


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
        *_edit_lines(result["edits_small"]),
        *(_edit_lines(result["edits_big"]) if "edits_big" in result else []),
    ]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    print("\n".join(report(run(path))))
