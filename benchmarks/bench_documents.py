"""Benchmark: printed documents.

    python benchmarks/bench_documents.py                  # 10,000 visits, 50 receipts
    python benchmarks/bench_documents.py --visits 2000 --receipts 20 --json out.json

Generates a demo office in a temporary folder (`desk_app.core.demo.generate.generate`, a few seconds),
then measures, in this process and with the bundled font (DESK_APP_PRINT_FONT=bundled):

1. One receipt (Form 02/TCD) rendered from its payload, median of N, against a same-run
   baseline: a one-line reportlab page in the same font (the floor of any PDF). Also the
   first print through the register (payload, hash, QR code, stored in one transaction).
   Target: median ≤ 50 ms.
2. The log book of every line (≈10,000) as PDF, against a baseline that draws the same
   cells' text as plain lines on canvas pages (no table, no wrapping). Target ≤ 10 s.
3. The same log book as XLSX, against a baseline that writes the same cells as CSV.
   Target ≤ 5 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEMO_END, log, ratio, verdict  # noqa: E402

RECEIPT_TARGET_MS = 50.0
LOG_PDF_TARGET_S = 10.0
LOG_XLSX_TARGET_S = 5.0


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


def _plain_lines_pdf(font: str, cells: list[tuple]) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=landscape(A4), invariant=1, initialFontName=font)
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
    return buf.getvalue()


def run(visits: int, receipts: int) -> dict:
    os.environ["DESK_APP_PRINT_FONT"] = "bundled"
    from desk_app.core.demo.generate import generate
    from desk_app.core.documents.data import (
        log_cells,
        log_rows_for_print,
        receipt_data,
    )
    from desk_app.core.documents.fonts import fonts
    from desk_app.core.documents.logbook_pdf import export_log_pdf
    from desk_app.core.documents.logbook_xlsx import export_log_xlsx
    from desk_app.core.documents.receipt import render_receipt
    from desk_app.core.documents.register import print_receipt
    from desk_app.core.opening import open_db

    results: dict = {"visits": visits}
    with tempfile.TemporaryDirectory(prefix="desk-bench-docs-") as tmp:
        tmp_path = Path(tmp)
        db = open_db(tmp_path / "desk.sqlite3")
        log(f"generating {visits:,} demo visits …")
        t0 = time.perf_counter()
        generate(db, visits, 1, end=DEMO_END, years=1)
        results["generate_s"] = round(time.perf_counter() - t0, 2)
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
        results["receipt"] = {"n": len(payloads), "render_median_ms": round(render_ms, 2),
                              "first_print_median_ms": round(print_ms, 2),
                              "baseline_one_line_ms": round(base_ms, 2)}

        start = DEMO_END.date() - timedelta(days=400)
        end = DEMO_END.date()
        rows = log_rows_for_print(db, start, end)
        cells = [log_cells(r) for r in rows]
        log(f"log book: {len(rows):,} lines as PDF …")
        t0 = time.perf_counter()
        _plain_lines_pdf(font, cells)
        base_pdf = time.perf_counter() - t0
        t0 = time.perf_counter()
        export_log_pdf(db, start, end, tmp_path / "so.pdf")
        pdf_s = time.perf_counter() - t0
        from pypdf import PdfReader  # test extra; only for the page count

        pages = len(PdfReader(tmp_path / "so.pdf").pages)
        results["log_pdf"] = {"rows": len(rows), "seconds": round(pdf_s, 2), "pages": pages,
                              "bytes": (tmp_path / "so.pdf").stat().st_size,
                              "baseline_plain_lines_s": round(base_pdf, 2)}

        log(f"log book: {len(rows):,} lines as XLSX …")
        t0 = time.perf_counter()
        buf = io.StringIO()
        writer = csv.writer(buf)
        for row in cells:
            writer.writerow(["\n".join(c) if isinstance(c, tuple) else c for c in row])
        base_xlsx = time.perf_counter() - t0
        t0 = time.perf_counter()
        export_log_xlsx(db, start, end, tmp_path / "so.xlsx")
        xlsx_s = time.perf_counter() - t0
        results["log_xlsx"] = {"rows": len(rows), "seconds": round(xlsx_s, 2),
                               "bytes": (tmp_path / "so.xlsx").stat().st_size,
                               "baseline_csv_s": round(base_xlsx, 3)}
        db.close()
    return results


def report(r: dict) -> list[str]:
    rc, lp, lx = r["receipt"], r["log_pdf"], r["log_xlsx"]
    return [
        f"7. Printed documents — demo office of {r['visits']:,} visits (generated in {r['generate_s']} s)",
        f"   Receipt 02/TCD, median of {rc['n']}: render {rc['render_median_ms']:.1f} ms, "
        f"first print via register {rc['first_print_median_ms']:.1f} ms; baseline one-line page "
        f"{rc['baseline_one_line_ms']:.1f} ms ({ratio(rc['render_median_ms'], rc['baseline_one_line_ms'])})"
        f" — target ≤ {RECEIPT_TARGET_MS:.0f} ms: {verdict(rc['first_print_median_ms'], RECEIPT_TARGET_MS)}",
        f"   Log book 03/TCD PDF, {lp['rows']:,} lines, {lp['pages']:,} pages, "
        f"{lp['bytes'] / 1e6:.1f} MB: {lp['seconds']:.2f} s; baseline plain lines "
        f"{lp['baseline_plain_lines_s']:.2f} s ({ratio(lp['seconds'], lp['baseline_plain_lines_s'])})"
        f" — target ≤ {LOG_PDF_TARGET_S:.0f} s: {verdict(lp['seconds'], LOG_PDF_TARGET_S)}",
        f"   Log book XLSX, {lx['rows']:,} lines, {lx['bytes'] / 1e6:.1f} MB: {lx['seconds']:.2f} s; "
        f"baseline CSV {lx['baseline_csv_s']:.3f} s ({ratio(lx['seconds'], lx['baseline_csv_s'])})"
        f" — target ≤ {LOG_XLSX_TARGET_S:.0f} s: {verdict(lx['seconds'], LOG_XLSX_TARGET_S)}",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visits", type=int, default=10_000)
    ap.add_argument("--receipts", type=int, default=50)
    ap.add_argument("--json", metavar="FILE", help="also write the raw results here")
    args = ap.parse_args(argv)
    results = run(args.visits, args.receipts)
    print("\n".join(report(results)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
