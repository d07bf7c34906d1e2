"""`desk-app report`: the periodic report from the command line (core/reports).

    desk-app report --period 2026-Q4                       the tables, as text
    desk-app report --period 2026 --out bao-cao.xlsx|.pdf|.json [--issue]
    desk-app report --period 2026-Q4 --explain xld:tong:7  the records behind one figure
"""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from desk_app import cli_errors
from desk_app.cli_parser import RawDescriptionHelpFormatter

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database

HELP = """Báo cáo định kỳ về tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo.

Kỳ báo cáo (--period): quý 2026-Q1 … 2026-Q4, 6 tháng 2026-6M, 9 tháng 2026-9M, năm 2026, hoặc
khoảng ngày 2026-11-01..2026-11-30. Số liệu chốt ngày 14 (Thông tư 01/2024/TT-TTCP): quý I từ
15/12 năm trước đến 14/03; quý II 15/03–14/06; quý III 15/06–14/09; quý IV 15/09–14/12;
6 tháng 15/12–14/06; 9 tháng 15/12–14/09; năm 15/12–14/12. Tỉnh tính theo tháng dương lịch
thì chọn --mode calendar (hoặc --set-mode calendar để lưu cho cơ quan).

Mỗi số liệu đều tính từ hồ sơ; --explain BIỂU:DÒNG:CỘT liệt kê các hồ sơ tạo nên một số
(ví dụ xld:tong:7: biểu xld, dòng tong, cột 7 như báo cáo in ra).
"""

MODE_HELP = ("cutoff: chốt số liệu ngày 14 (mặc định); calendar: theo tháng dương lịch; "
             "không ghi: theo cài đặt của cơ quan")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="báo cáo định kỳ: các biểu số liệu, XLSX, PDF, JSON",
                       formatter_class=RawDescriptionHelpFormatter, description=HELP)
    p.add_argument("--period", metavar="KỲ",
                   help="kỳ báo cáo: 2026-Q4, 2026-6M, 2026-9M, 2026 hoặc TỪ..ĐẾN (YYYY-MM-DD)")
    p.add_argument("--out", metavar="TỆP.xlsx|TỆP.pdf|TỆP.json",
                   help="ghi báo cáo ra tệp; đuôi tệp chọn định dạng")
    p.add_argument("--issue", action="store_true",
                   help="lấy số báo cáo (Số: …/BC-UBND) và vào sổ văn bản đã phát hành (chỉ .pdf)")
    p.add_argument("--explain", metavar="BIỂU:DÒNG:CỘT",
                   help="liệt kê các hồ sơ tạo nên một số liệu, ví dụ xld:tong:7")
    p.add_argument("--table", action="append", default=[], metavar="BIỂU",
                   help="chỉ in biểu này (tcd, xld, kntc, sessions, topics, areas); lặp lại được")
    p.add_argument("--mode", choices=("cutoff", "calendar"), metavar="CÁCH_TÍNH",
                   help=MODE_HELP)
    p.add_argument("--set-mode", choices=("cutoff", "calendar"), metavar="CÁCH_TÍNH",
                   help="lưu cách tính kỳ báo cáo cho cơ quan (cutoff hoặc calendar)")
    p.add_argument("--today", metavar="NGÀY",
                   help="tính như hôm nay là ngày này (YYYY-MM-DD; mặc định hôm nay)")
    p.add_argument("--layouts", metavar="THƯ_MỤC",
                   help="thư mục mẫu biểu riêng của tỉnh (như resources/reports)")
    p.add_argument("--limit", type=cli_errors.LIMIT, default=200, metavar="SỐ",
                   help="với --explain: số hồ sơ in ra nhiều nhất (mặc định 200)")


def _now(args) -> datetime:
    from desk_app.cli_cases import iso_date

    if args.today:
        return datetime.combine(iso_date(args.today), time(23, 59))
    return datetime.now()


def _table_lines(table: dict[str, Any]) -> list[str]:
    lines = [f"{table['code']} — {table['title']}"]
    labels = {c["no"]: c["label"] for c in table["columns"]}
    for row in table["rows"]:
        lines.append(f"  [{row['key']}] {row['label']}")
        lines += [f"      ({no}) {labels[int(no)]}: {value}" for no, value in row["values"].items()]
    return lines


def cmd_report(args, db: Database, emit: Callable[[Any, list[str]], None]) -> int:
    from desk_app import messages
    from desk_app.core.errors import DeskError
    from desk_app.core.reports import periods
    from desk_app.core.storage.office import require_office

    require_office(db)
    if args.set_mode and args.period:
        # a bad period is refused before the mode is saved: a refusal changes nothing
        periods.period_for(db, args.period, args.mode or args.set_mode)
    if args.set_mode:
        periods.set_office_mode(db, args.set_mode)
        if not args.period:
            emit({"mode": args.set_mode},
                 [f"Đã lưu cách tính kỳ báo cáo: {periods.MODES[args.set_mode]}"])
            return 0
    if not args.period:
        raise DeskError(messages.REPORT_PERIOD_REQUIRED)
    period = periods.period_for(db, args.period, args.mode)
    now = _now(args)
    if args.explain:
        return _explain(args, db, period, now, emit)
    from desk_app.core.reports.engine import build_report
    from desk_app.core.reports.payload import report_payload, signer_values

    if args.out:
        from desk_app.core.reports.export import check_target, export_report

        check_target(args.out)
        written = export_report(db, period, args.out, now=now, directory=args.layouts,
                                issue=args.issue)
        report = written.report
        what = f"báo cáo số {written.number}" if written.number else "báo cáo"
        when = periods.in_sentence(period.label)
        if not when.startswith("từ "):  # a quarter or a year: say which days it covers
            when += f" ({period.range_text[0].lower()}{period.range_text[1:]})"
        lines = [f"Đã ghi {what} {when} ra {written.path}"]
        lines += [f"Cảnh báo: {text}" for text in report.failures]
        emit({"out": str(written.path), "number": written.number, "period": period.spec,
              "start": period.start.isoformat(), "end": period.end.isoformat(),
              "failures": list(report.failures)}, lines)
        return 0
    if args.issue:
        raise DeskError(messages.REPORT_ISSUE_PDF_ONLY)
    report = build_report(db, period, now=now, directory=args.layouts,
                          tables=args.table or None)
    payload = report_payload(report, signer_values(db))
    lines = [f"{period.label} — {period.range_text}"]
    for table in payload["tables"]:
        lines += _table_lines(table)
    lines += [f"Cảnh báo: {text}" for text in report.failures]
    emit(payload, lines)
    return 0


def _explain(args, db: Database, period, now: datetime, emit) -> int:
    from dataclasses import asdict

    from desk_app.core.reports.explain import explain

    found = explain(db, period, args.explain, now=now, directory=args.layouts)
    shown = found.records[:args.limit]
    lines = [f"{found.table}, dòng “{found.row}”, cột {found.column}: {found.value}",
             f"{len(found.records)} hồ sơ:"]
    lines += [f"  {r.text}" + (f" ({r.weight} người)" if found.summed else "") for r in shown]
    if len(found.records) > len(shown):
        lines.append(f"  … và {len(found.records) - len(shown)} hồ sơ khác (--limit)")
    emit({"cell": found.cell, "table": found.table, "row": found.row, "column": found.column,
          "value": found.value, "count": len(found.records),
          "records": [asdict(r) for r in shown]}, lines)
    return 0
