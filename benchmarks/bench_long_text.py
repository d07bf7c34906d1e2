"""Benchmark: long text in printed documents (no demo office needed).

    python benchmarks/bench_long_text.py                 # 5,000 / 32,000 / 320,000 characters
    python benchmarks/bench_long_text.py 5000 50000      # other sizes

Renders, in this process with the bundled font, documents holding one long text:

- the receipt (Form 02/TCD) with a summary of N characters of ordinary words;
- the log book (Form 03/TCD) as PDF with one line whose summary has N characters, as ordinary
  words and as one unbroken word (a pasted link or a run of digits);
- the same line as XLSX.

The field limits (docs/limits.md) keep new summaries at 5,000 characters; the larger sizes
stand for rows entered before the limits existed, which must still print. The time should
grow in proportion to the text (a ratio near 10 for 10x the text). Results from the
development VM are in docs/limits.md.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DESK_APP_PRINT_FONT", "bundled")

SENTENCE = ("công dân kiến nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 48 tờ bản đồ ủy ban "
            "nhân dân phường đã tiếp nhận nhưng chưa giải quyết đúng hạn theo quy định")
WORDS = SENTENCE.split(" ")
OFFICE = {"name": "Ủy ban nhân dân phường Nhân Hòa", "parent_name": "Ủy ban nhân dân tỉnh Bắc Ninh",
          "place_name": "Nhân Hòa", "office_code": "24-09253"}


def text(n: int, seed: int = 1) -> str:
    rnd, out, size = random.Random(seed), [], 0
    while size < n:
        word = rnd.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n]


def receipt(summary: str) -> bytes:
    from desk_app.core.documents.receipt import render_receipt

    return render_receipt({
        "kind": "bien_nhan_02", "number": "1/GBN-TCD", "year": 2026, "issued_on": "2026-11-20",
        "visit_id": 1, "office": OFFICE, "received_at": "2026-11-20T09:15:00", "online": False,
        "officer": {"name": "Nguyễn Thị Hồng Nhung", "position": "Công chức"},
        "provider": {"name": "Đặng Văn Dũng", "sex": "Nam", "id_label": "Số căn cước",
                     "id_number": "027090001234", "id_issued_on": "", "id_issued_by": "",
                     "address": "Số 5"},
        "petitions": [{"kind": "kien_nghi", "kind_label": "Kiến nghị", "summary": summary}],
        "items": []})


def _row(summary: str):
    from desk_app.core.model import LogRow

    return LogRow(petition_id=1, visit_id=1, received_at="2026-11-20T09:15:00",
                  person_name="Đặng Văn Dũng", address="Số 5", id_number="027090001234",
                  summary=summary, petition_kind="kien_nghi", crowd_size=1, prior_handlers="",
                  within_competence=True, guided_to="", transferred_to="", follow_up="received",
                  note="", reception_kind="thuong_xuyen", officer_name="", log_label="1/2026")


def log_pdf(summary: str) -> bytes:
    from desk_app.core.documents.logbook_pdf import render_log_pdf

    return render_log_pdf(OFFICE, [_row(summary)], date(2026, 1, 1), date(2026, 12, 31))


def log_xlsx(summary: str) -> bytes:
    from desk_app.core.documents.logbook_xlsx import render_log_xlsx

    return render_log_xlsx(OFFICE, [_row(summary)], date(2026, 1, 1), date(2026, 12, 31))


CASES = {
    "receipt PDF, words": (receipt, text),
    "log book PDF, words": (log_pdf, text),
    "log book PDF, one unbroken word": (log_pdf, lambda n: "x" * n),
    "log book XLSX, words": (log_xlsx, text),
}


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [5_000, 32_000, 320_000]
    receipt(text(100))  # fonts registered, modules imported
    for label, (render, make) in CASES.items():
        previous = None
        for n in sizes:
            value = make(n)
            started = time.perf_counter()
            data = render(value)
            took = time.perf_counter() - started
            ratio = f"  ×{took / previous:5.1f}" if previous else ""
            print(f"{label:<34} {n:>8,} chars  {took:7.2f} s  {len(data) // 1024:>5} KiB{ratio}")
            previous = took
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
