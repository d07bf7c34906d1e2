"""Benchmark 7: printed documents.

    python benchmarks/bench_documents.py                  # log book: the 1,000,000-visit demo
    python benchmarks/bench_documents.py --visits 100000 --receipts 20 --json out.json

1. One receipt (Form 02/TCD) rendered from its payload, median of N, against a same-run
   baseline: a one-line reportlab page in the same font (the floor of any PDF). Also the
   first print through the register (payload, hash, QR code, stored in one transaction), on
   a 10,000-visit office generated in a temporary folder. Target: median ≤ 50 ms.
2. The last year of the log book of the cached demo office (≈100,000 lines at 1,000,000
   visits) exported as PDF (`export_log_pdf`), against a baseline
   that reads the same lines the same way and draws their cells as plain lines on canvas
   pages (no table, no wrapping). Target: ≤ 2× the baseline, peak memory ≤ 200 MB.
3. The same year as XLSX (`export_log_xlsx`), against a baseline that reads the same lines
   and writes the same cells as CSV. Target: ≤ 3× the baseline, peak memory ≤ 200 MB.

Each export and each baseline runs in a process of its own (this script with --child), so
its peak memory (ru_maxrss) is its own; the time is the export's, imports excluded. The
resident size after the imports, before the export starts, is reported beside the peak.
All use the bundled font (DESK_APP_PRINT_FONT=bundled).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEMO_END, log, ratio, verdict  # noqa: E402

RECEIPT_TARGET_MS = 50.0
PDF_TARGET_RATIO = 2.0
XLSX_TARGET_RATIO = 3.0
MEMORY_TARGET_MB = 200.0


def _median_ms(fn, n: int) -> float:
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _one_line_page(font: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=A4, invariant=1, initialFontName=font)
    canv.setFont(font, 13)
    canv.drawString(85, 780, "Giấy biên nhận thông tin, tài liệu")
    canv.showPage()
    canv.save()
    return buf.getvalue()


def _plain_lines_pdf(font: str, cells, out) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    canv = Canvas(out, pagesize=landscape(A4), invariant=1, initialFontName=font)
    y = 0
    for row in cells:
        if y < 60:
            if y:
                canv.showPage()
            canv.setFont(font, 9)
            y = 540
        canv.drawString(85, y, " | ".join(" ".join(c) if isinstance(c, tuple) else str(c)
                                            for c in row)[:200])
        y -= 11
    canv.showPage()
    canv.save()


def _rss_mb() -> float:
    """Peak resident memory of this process so far (MB); NaN where unknown. Linux: VmHWM of
    /proc/self/status, since ru_maxrss keeps the parent's peak across fork and exec (a
    child of a big benchmark process would report the parent's size)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return float("nan")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(kind: str, db_path: str, start: date, end: date, out: str) -> dict:
    """One export or baseline in this process: its time and peak memory."""
    os.environ["DESK_APP_PRINT_FONT"] = "bundled"
    from desk_app.core.documents.data import log_cells, log_lines_for_print
    from desk_app.core.documents.fonts import fonts
    from desk_app.core.documents.logbook_pdf import export_log_pdf
    from desk_app.core.documents.logbook_xlsx import export_log_xlsx
    from desk_app.core.storage.db import open_reader

    db = open_reader(db_path)
    font = fonts().regular
    _one_line_page(font)  # font registration out of the timing
    before = _rss_mb()
    t0 = time.perf_counter()
    if kind == "pdf":
        rows = export_log_pdf(db, start, end, out)
    elif kind == "xlsx":
        rows = export_log_xlsx(db, start, end, out)
    else:
        rows, lines = log_lines_for_print(db, start, end)
        cells = (log_cells(r) for r in lines)
        with open(out, "wb" if kind == "plain_pdf" else "w", **(
                {} if kind == "plain_pdf" else {"newline": "", "encoding": "utf-8"})) as fh:
            if kind == "plain_pdf":
                _plain_lines_pdf(font, cells, fh)
            else:
                writer = csv.writer(fh)
                for row in cells:
                    writer.writerow(["\n".join(c) if isinstance(c, tuple) else c for c in row])
    seconds = time.perf_counter() - t0
    result = {"kind": kind, "rows": rows, "seconds": round(seconds, 2),
              "rss_before_mb": round(before, 1), "peak_rss_mb": round(_rss_mb(), 1),
              "bytes": Path(out).stat().st_size}
    if kind in ("pdf", "plain_pdf"):
        from pypdf import PdfReader  # test extra; only for the page count

        result["pages"] = len(PdfReader(out).pages)
    db.close()
    return result


def _in_child(kind: str, db_path: Path, start: date, end: date, out: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", str(db_path), "--from",
         start.isoformat(), "--to", end.isoformat(), "--out", str(out)],
        capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _receipts(receipts: int) -> dict:
    os.environ["DESK_APP_PRINT_FONT"] = "bundled"
    from desk_app.core.demo.generate import generate
    from desk_app.core.documents.data import receipt_data
    from desk_app.core.documents.fonts import fonts
    from desk_app.core.documents.receipt import render_receipt
    from desk_app.core.documents.register import print_receipt
    from desk_app.core.opening import open_db

    with tempfile.TemporaryDirectory(prefix="desk-bench-docs-") as tmp:
        db = open_db(Path(tmp) / "desk.sqlite3")
        log("receipts: generating a 10,000-visit office …")
        generate(db, 10_000, 1, end=DEMO_END, years=1)
        visit_ids = [r[0] for r in db.execute(
            "SELECT visit_id FROM issued_documents WHERE kind = 'bien_nhan_02' ORDER BY id"
            " LIMIT ?", [receipts])]
        font = fonts().regular
        _one_line_page(font)  # registration and first use out of the timings
        log(f"receipts: {len(visit_ids)} renders, baseline interleaved …")
        payloads = []
        for vid in visit_ids:
            p = receipt_data(db, vid)
            p.update(qr=f"TCD1|{p['office']['office_code']}|{p['number']}/{p['year']}|ABCDEF",
                     verify_code="ABCDEF")
            payloads.append(p)
        render_receipt(payloads[0])  # warm-up
        base_ms = _median_ms(lambda i: _one_line_page(font), len(payloads))
        render_ms = _median_ms(lambda i: render_receipt(payloads[i]), len(payloads))
        print_ms = _median_ms(lambda i: print_receipt(db, visit_ids[i]), len(visit_ids))
        db.close()
    return {"n": len(payloads), "render_median_ms": round(render_ms, 2),
            "first_print_median_ms": round(print_ms, 2), "baseline_one_line_ms": round(base_ms, 2)}


def run(db_path: Path, receipts: int = 50, runs: int = 1) -> dict:
    """Receipts, then the last year of the log book of the database at `db_path` (read only);
    each export and baseline `runs` times, alternating, medians reported."""
    results: dict = {"receipt": _receipts(receipts)}
    end = DEMO_END.date()
    start = end - timedelta(days=364)
    results["range"] = [start.isoformat(), end.isoformat()]
    with tempfile.TemporaryDirectory(prefix="desk-bench-log-") as tmp:
        for fmt, base in (("pdf", "plain_pdf"), ("xlsx", "csv")):
            measured: dict[str, list[dict]] = {fmt: [], base: []}
            for _ in range(runs):
                for kind in (base, fmt):
                    log(f"log book, last year: {kind} …")
                    suffix = {"plain_pdf": "pdf", "csv": "csv"}.get(kind, kind)
                    measured[kind].append(_in_child(kind, db_path, start, end,
                                                    Path(tmp) / f"{kind}.{suffix}"))
            for kind, runs_of in measured.items():
                out = dict(runs_of[-1])
                out["seconds"] = statistics.median(r["seconds"] for r in runs_of)
                out["seconds_all"] = [r["seconds"] for r in runs_of]
                out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs_of)
                results[kind] = out
    return results


def report(r: dict) -> list[str]:
    rc = r["receipt"]
    lines = [
        f"7. Printed documents — log book {r['range'][0]} … {r['range'][1]} of the demo office",
        f"   Receipt 02/TCD, median of {rc['n']}: render {rc['render_median_ms']:.1f} ms, "
        f"first print via register {rc['first_print_median_ms']:.1f} ms; baseline one-line page "
        f"{rc['baseline_one_line_ms']:.1f} ms ({ratio(rc['render_median_ms'], rc['baseline_one_line_ms'])})"
        f" — target ≤ {RECEIPT_TARGET_MS:.0f} ms: {verdict(rc['first_print_median_ms'], RECEIPT_TARGET_MS)}",
    ]
    for fmt, base, name, target in (("pdf", "plain_pdf", "PDF", PDF_TARGET_RATIO),
                                    ("xlsx", "csv", "XLSX", XLSX_TARGET_RATIO)):
        m, b = r[fmt], r[base]
        pages = f", {m['pages']:,} pages" if "pages" in m else ""
        worst = max(m["peak_rss_mb"], 0)
        lines.append(
            f"   Log book {name}, {m['rows']:,} lines{pages}, {m['bytes'] / 1e6:.1f} MB: "
            f"{m['seconds']:.1f} s (runs {', '.join(f'{x:.1f}' for x in m['seconds_all'])}),"
            f" peak {m['peak_rss_mb']:.0f} MB (after imports {m['rss_before_mb']:.0f} MB);"
            f" baseline {'plain lines' if fmt == 'pdf' else 'CSV'} {b['seconds']:.1f} s,"
            f" peak {b['peak_rss_mb']:.0f} MB — ratio {ratio(m['seconds'], b['seconds'])}"
            f" (target ≤ {target:.0f}×: {verdict(m['seconds'] / b['seconds'], target)}),"
            f" memory ≤ {MEMORY_TARGET_MB:.0f} MB: {verdict(worst, MEMORY_TARGET_MB)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visits", type=int, default=1_000_000,
                    help="size of the cached demo office whose last year is exported")
    ap.add_argument("--receipts", type=int, default=50)
    ap.add_argument("--runs", type=int, default=1, help="exports and baselines, alternating")
    ap.add_argument("--json", metavar="FILE", help="also write the raw results here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--from", dest="date_from", help=argparse.SUPPRESS)
    ap.add_argument("--to", dest="date_to", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.db, date.fromisoformat(args.date_from),
                               date.fromisoformat(args.date_to), args.out)))
        return 0
    from common import demo_db

    path, _meta = demo_db(args.visits)
    results = run(path, args.receipts, args.runs)
    print("\n".join(report(results)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
