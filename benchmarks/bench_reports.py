"""Benchmark 11: periodic reports and the chairperson's overview.

Annual report: `reports.engine.build_report(db, "2026")` — every table of resources/reports,
the identity checks, the charts' and the text's figures — from a fresh read-only connection
(as the reports tab runs it), median of REPORT_RUNS, then rendered as XLSX and PDF once.
Baseline: reading the year's petition rows with their visits (`SELECT … JOIN visits`), the
floor of any count over them. Target: ≤ 5 s (on the 1,000,000-visit office: about 100,000
visits a year).

The same report over the whole demo period (ten years) is measured too: on the
100,000-visit office it counts as many records as one year of the million-visit office, so it
stands in for that figure where the big office is not generated.

Overview: `reports.overview.overview(db, today)` — the seven charts of the overview page —
from a fresh connection and warm, median of OVERVIEW_RUNS. Baseline: `cases.dashboard`, which
it includes. Target: ≤ 300 ms.

    python benchmarks/bench_reports.py --visits 100000
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from common import DEMO_END, demo_db, log, ratio, verdict

REPORT_TARGET_S = 5.0
OVERVIEW_TARGET_MS = 300.0
REPORT_RUNS = 3
OVERVIEW_RUNS = 7
YEAR = "2026"


def _fresh(path: Path, fn, warm: bool = False) -> float:
    from desk_app.core.storage.db import open_reader

    db = open_reader(path)
    try:
        if warm:
            fn(db)
        t0 = time.perf_counter()
        fn(db)
        return time.perf_counter() - t0
    finally:
        db.close()


def _report(path: Path, spec: str) -> dict:
    from desk_app.core.reports.engine import build_report
    from desk_app.core.reports.payload import report_payload
    from desk_app.core.reports.pdf import render_report_pdf
    from desk_app.core.reports.periods import parse_period
    from desk_app.core.reports.xlsx import render_report_xlsx
    from desk_app.core.storage.db import open_reader

    period = parse_period(spec)

    def build(db):
        return build_report(db, period, now=DEMO_END)

    def baseline(db):
        return db.execute(
            "SELECT p.id, p.kind, p.topic, v.outcome FROM petitions p JOIN visits v"
            " ON v.id = p.visit_id WHERE p.received_at >= ? AND p.received_at < ?",
            [period.start.isoformat(), period.next_day.isoformat()]).fetchall()

    # The deadline engine and the calendar load once per process (the window warms them up
    # at start-up): not part of a report.
    reader = open_reader(path)
    from desk_app.core.cases.tracking import warm_up

    warm_up(reader, DEMO_END.date())
    report = build(reader)
    reader.close()
    runs = [_fresh(path, build) for _ in range(REPORT_RUNS)]
    base = [_fresh(path, baseline) for _ in range(REPORT_RUNS)]
    payload = report_payload(report)
    t0 = time.perf_counter()
    xlsx = render_report_xlsx(payload)
    t1 = time.perf_counter()
    pdf = render_report_pdf(payload)
    t2 = time.perf_counter()
    return {"spec": spec, "start": period.start.isoformat(), "end": period.end.isoformat(),
            "visits": report.summary["visits"], "petitions": report.summary["petitions"],
            "to_resolve": report.summary["to_resolve"], "failures": len(report.failures),
            "seconds": statistics.median(runs), "runs": runs,
            "baseline_seconds": statistics.median(base),
            "xlsx_seconds": t1 - t0, "xlsx_bytes": len(xlsx),
            "pdf_seconds": t2 - t1, "pdf_bytes": len(pdf)}


def _overview(path: Path) -> dict:
    from desk_app.core.cases.dashboard import dashboard
    from desk_app.core.reports.overview import overview
    from desk_app.core.storage.db import open_reader

    today = DEMO_END.date()
    reader = open_reader(path)
    shown = overview(reader, today, DEMO_END)
    reader.close()
    out = {"received": shown.totals["received"], "open": shown.totals["open"]}
    for name, fn in (("baseline", lambda db: dashboard(db, today)),
                     ("overview", lambda db: overview(db, today, DEMO_END))):
        out[name] = {
            "cold_ms": statistics.median(_fresh(path, fn) for _ in range(OVERVIEW_RUNS)) * 1000,
            "warm_ms": statistics.median(_fresh(path, fn, True)
                                         for _ in range(OVERVIEW_RUNS)) * 1000}
    return out


def run(path: Path) -> dict:
    log(f"reports: annual report and overview over {path.name}")
    return {"year": _report(path, YEAR),
            "all": _report(path, "2016-11-20..2026-11-20"),
            "overview": _overview(path)}


def report(result: dict) -> list[str]:
    lines = [f"11. Reports: the annual report (target ≤ {REPORT_TARGET_S:.0f} s), the overview's"
             f" queries (target ≤ {OVERVIEW_TARGET_MS:.0f} ms)"]
    for key, what in (("year", f"annual report {YEAR}"), ("all", "report over ten years")):
        r = result[key]
        lines.append(
            f"   {what} ({r['start']}..{r['end']}: {r['visits']:,} visits, {r['petitions']:,}"
            f" petitions, {r['to_resolve']:,} complaints/denunciations to resolve, "
            f"{r['failures']} identity failures): {r['seconds']:.2f} s — baseline reading the"
            f" petitions {r['baseline_seconds']:.2f} s ({ratio(r['seconds'], r['baseline_seconds'])})"
            f"; XLSX {r['xlsx_seconds']:.2f} s, PDF {r['pdf_seconds']:.2f} s"
            f"  [{verdict(r['seconds'], REPORT_TARGET_S)}]")
    o = result["overview"]
    b, m = o["baseline"], o["overview"]
    worst = max(m["cold_ms"], m["warm_ms"])
    lines.append(
        f"   overview ({o['received']:,} petitions in 12 months, {o['open']:,} open cases):"
        f" cold {m['cold_ms']:.0f} ms, warm {m['warm_ms']:.0f} ms — baseline dashboard cold"
        f" {b['cold_ms']:.0f} ms, warm {b['warm_ms']:.0f} ms  [{verdict(worst, OVERVIEW_TARGET_MS)}]")
    return lines


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    print("\n".join(report(run(path))))
