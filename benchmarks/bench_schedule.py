"""Benchmark 9: the reception schedule over ten years of sessions.

An office with ten years of sessions (01/12/2026 – 30/11/2036): the chairperson's weekly
Thursday session (~520), desk duty on every working day (~2,500), two ad hoc sessions a month
and a deputy's session a quarter, all through `core.schedule.sessions` (so placed on the
working-day calendar). Built in a temporary directory in a few seconds; nothing is cached.

Measured (median, min–max and p90 of RUNS, warm: the calendar years are built once per
process, as in the app):
- the month view: `views.month_view(db, year, month, today)` — whole weeks, every session with
  its alerts (posting, deputy, police, …) and the weekly check of those weeks — for a month
  picked at random in the ten years each run;
- the week check: `checks.week_check(db, start, end)` over the whole ten years.
Each beside a baseline measured in the same run: for the month, the bare SQL read of the
month's session rows (the floor any month view pays); for the week check, the naive way — one
COUNT query per week (~520 queries) with the same calendar test.
Also the first call of each with the calendar caches emptied (the month view builds its year
from python-holidays; the week check then builds the other nine). Target: ≤ 100 ms each (warm).

    python benchmarks/bench_schedule.py [--runs 30] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_MS = 100.0
RUNS = 30
FIRST, LAST = date(2026, 12, 1), date(2036, 11, 30)
NOW = datetime(2026, 11, 20, 15, 0)


def build(path: Path) -> dict:
    from desk_app.core.opening import open_db
    from desk_app.core.schedule.model import SeriesForm, SessionForm
    from desk_app.core.schedule.recurrence import EVERY_WORKING_DAY, weekly
    from desk_app.core.schedule.sessions import add_series, add_session
    from desk_app.core.storage.office import init_office

    db = open_db(path)
    init_office(db, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),
                                         ("Lê Văn Dũng", "Chủ tịch"),
                                         ("Trần Văn Phó", "Phó Chủ tịch")), now=NOW)
    t0 = time.perf_counter()
    add_series(db, SeriesForm("dinh_ky", weekly((3,)), FIRST, LAST, "08:00", "11:00",
                              host_id=2, participants=("Công an xã", "Công chức Địa chính"),
                              content="Kiến nghị về đất đai"), NOW)
    add_series(db, SeriesForm("thuong_xuyen", EVERY_WORKING_DAY, FIRST, LAST, "07:30", "11:30",
                              holiday_policy="skip", officer_ids=(1,)), NOW)
    rng = random.Random(8)
    month = FIRST
    while month <= LAST:
        for half in (0, 14):  # one in each half of the month: never the same afternoon
            day = month + timedelta(days=half + rng.randrange(0, 13))
            hour = rng.choice((13, 14, 15))
            add_session(db, SessionForm("dot_xuat", datetime.combine(day, datetime.min.time())
                                        .replace(hour=hour), datetime.combine(
                                            day, datetime.min.time()).replace(hour=hour + 1),
                                        host_id=2, reason_code=rng.choice(("crowd", "heated"))),
                        NOW)
        if month.month % 3 == 0:
            day = month + timedelta(days=1 + (1 - month.weekday()) % 7)  # a Tuesday
            add_session(db, SessionForm("dinh_ky", datetime.combine(day, datetime.min.time())
                                        .replace(hour=14), datetime.combine(
                                            day, datetime.min.time()).replace(hour=16),
                                        host_id=3), NOW)
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    built = time.perf_counter() - t0
    counts = dict(db.execute("SELECT kind, COUNT(*) FROM sessions GROUP BY kind").fetchall())
    db.close()
    return {"build_seconds": built, "sessions": counts}


def _stats(values: list[float]) -> dict:
    ms = sorted(v * 1000 for v in values)
    return {"median_ms": statistics.median(ms), "min_ms": ms[0], "max_ms": ms[-1],
            "p90_ms": ms[max(int(len(ms) * 0.9) - 1, 0)]}


def _naive_week_check(db, start: date, end: date, head: int, cal) -> int:
    monday = start - timedelta(days=start.weekday())
    missing = 0
    while monday <= end:
        sunday = monday + timedelta(days=6)
        n = db.execute("SELECT COUNT(*) FROM sessions WHERE kind = 'dinh_ky' AND status IN"
                       " ('planned', 'held') AND COALESCE(actual_host_id, host_id) = ?"
                       " AND starts_at >= ? AND starts_at < ?",
                       [head, monday.isoformat(), (sunday + timedelta(days=1)).isoformat()]
                       ).fetchone()[0]
        if not n and cal.count_working_days(monday - timedelta(days=1), sunday):
            missing += 1
        monday += timedelta(days=7)
    return missing


def measure(path: Path, runs: int) -> dict:
    from desk_app.core.cases import calendar, office_days
    from desk_app.core.cases.office_calendar import load_calendar
    from desk_app.core.schedule.checks import week_check
    from desk_app.core.schedule.month import month_view
    from desk_app.core.storage.db import open_reader

    # Cold: forget the calendar years the build made (python-holidays, per-year indexes).
    office_days._calendar.cache_clear()
    calendar._national_year.cache_clear()
    db = open_reader(path)
    today = NOW.date()
    rng = random.Random(14)
    months = [(y, m) for y in range(2027, 2036) for m in range(1, 13)]

    t0 = time.perf_counter()
    first_view = month_view(db, 2031, 6, today)
    cold_month = time.perf_counter() - t0
    t0 = time.perf_counter()
    first_weeks = week_check(db, FIRST, LAST)
    cold_weeks = time.perf_counter() - t0

    month_runs, month_base, week_runs, week_base = [], [], [], []
    cal = load_calendar(db)
    shown = 0
    for _ in range(runs):
        year, month = rng.choice(months)
        start = date(year, month, 1) - timedelta(days=7)
        end = date(year, month, 28) + timedelta(days=10)
        t0 = time.perf_counter()
        rows = db.execute("SELECT * FROM sessions WHERE starts_at >= ? AND starts_at < ?"
                          " ORDER BY starts_at", [start.isoformat(), end.isoformat()]).fetchall()
        month_base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view = month_view(db, year, month, today)
        month_runs.append(time.perf_counter() - t0)
        shown = max(shown, sum(len(c.sessions) for w in view.weeks for c in w))
        assert rows
        t0 = time.perf_counter()
        naive = _naive_week_check(db, FIRST, LAST, 2, cal)
        week_base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = week_check(db, FIRST, LAST)
        week_runs.append(time.perf_counter() - t0)
        assert len(found) == naive == len(first_weeks), (len(found), naive)
    db.close()
    return {
        "month_view": {**_stats(month_runs), "cold_ms": cold_month * 1000,
                       "sessions_shown_max": shown, "alerts_june_2031": len(first_view.alerts)},
        "month_baseline_sql": _stats(month_base),
        "week_check": {**_stats(week_runs), "cold_ms": cold_weeks * 1000,
                       "weeks_without_head": len(first_weeks)},
        "week_baseline_naive": _stats(week_base),
    }


def report(results: dict) -> list[str]:
    def line(name: str, r: dict, base: dict, what: str) -> str:
        ok = "meets" if r["median_ms"] <= TARGET_MS and r["p90_ms"] <= TARGET_MS else "MISSES"
        return (f"{name}: median {r['median_ms']:.1f} ms (min {r['min_ms']:.1f}, p90 "
                f"{r['p90_ms']:.1f}, max {r['max_ms']:.1f}); first call {r['cold_ms']:.0f} ms; "
                f"{what} median {base['median_ms']:.1f} ms (min {base['min_ms']:.1f}, max "
                f"{base['max_ms']:.1f}) → {r['median_ms'] / base['median_ms']:.1f}x; "
                f"target ≤ {TARGET_MS:.0f} ms: {ok}")

    s = results["sessions"]
    return [
        f"Schedule: {sum(s.values()):,} sessions over ten years ({', '.join(f'{k} {v:,}' for k, v in sorted(s.items()))}), "
        f"built in {results['build_seconds']:.1f} s",
        line("Month view", results["month_view"], results["month_baseline_sql"],
             "bare SQL read of the month's rows"),
        line("Week check (10 years)", results["week_check"], results["week_baseline_naive"],
             "naive one query per week"),
    ]


def run(runs: int = RUNS) -> dict:
    with tempfile.TemporaryDirectory(prefix="desk-bench-schedule-") as tmp:
        path = Path(tmp) / "desk.sqlite3"
        results = build(path)
        results.update(measure(path, runs))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=RUNS)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)
    results = run(args.runs)
    for text in report(results):
        print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
