"""Case commands of the CLI: `dashboard`, `cases`, `case ID [--act ACTION …]`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from desk_app import cli_errors, messages
from desk_app.core.errors import DeskError


def iso_date(text: str) -> date:
    """A YYYY-MM-DD argument, or a one-line Vietnamese message (exit 1)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DeskError(messages.DATE_FORMAT.format(value=text)) from None


def _day(text: str | None) -> date:
    return iso_date(text) if text else date.today()


def _moment(text: str | None):
    """--at: a moment as YYYY-MM-DDTHH:MM, or None when not given."""
    from datetime import datetime

    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise DeskError(messages.CLI_MOMENT_INVALID.format(value=text)) from None


def add_parsers(sub: argparse._SubParsersAction) -> None:
    # The core's own lists (light modules: no deadline engine at start-up).
    from desk_app.core.cases.labels import DEFAULT_VIEW, FLAGS, VIEWS
    from desk_app.core.cases.lifecycle import CLI_ACTIONS

    views = "; ".join(f"{code}: {label.lower()}" + (" (mặc định)" if code == DEFAULT_VIEW else "")
                      for code, label in VIEWS.items())
    today = "tính như hôm nay là ngày này (YYYY-MM-DD; mặc định hôm nay)"
    p = sub.add_parser("dashboard", help="việc cần làm hôm nay: quá hạn, sắp đến hạn, chờ trả lời")
    p.add_argument("--today", metavar="NGÀY", help=today)
    p.add_argument("--officer", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ",
                   help="chỉ vụ việc giao cho cán bộ này (tra mã: desk-app codes officers)")

    p = sub.add_parser(
        "cases", help="danh sách vụ việc theo một mục của bảng theo dõi (mặc định: quá hạn)",
        description="Danh sách vụ việc theo một mục của bảng theo dõi. Không ghi --view thì "
                    f"liệt kê các vụ việc quá hạn ({DEFAULT_VIEW}), hạn gần nhất trước.")
    p.add_argument("--view", default=DEFAULT_VIEW, choices=tuple(VIEWS), help=views)
    p.add_argument("--flag", metavar="DẤU_HIỆU",
                   help=f"chỉ vụ việc có dấu hiệu này: {', '.join(FLAGS)} (tên: desk-app codes "
                        "kinds)")
    p.add_argument("--today", metavar="NGÀY", help=today)
    p.add_argument("--limit", type=cli_errors.LIMIT, default=50, metavar="SỐ",
                   help="số vụ việc nhiều nhất (mặc định 50)")

    p = sub.add_parser("case", help="xem một vụ việc, hoặc ghi một bước xử lý (--act)")
    p.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_VỤ_VIỆC", help="số vụ việc (case_id)")
    p.add_argument("--act", metavar="THAO_TÁC",
                   help=f"bước xử lý cần ghi: {', '.join(CLI_ACTIONS)}; mediate: chuyển tổ hòa giải, "
                        "mediated, mediation_failed: kết quả hòa giải (ghi --note), police: đã báo "
                        "công an (--body người được báo, --at thời điểm) (tên: desk-app codes "
                        "kinds); không ghi thì chỉ xem vụ việc")
    p.add_argument("--on", metavar="NGÀY", help="ngày việc diễn ra (YYYY-MM-DD; mặc định hôm nay)")
    p.add_argument("--body", default="", metavar="CƠ_QUAN",
                   help="cơ quan nhận đơn / được hướng dẫn đến (guide, transfer, reply)")
    p.add_argument("--doc-no", default="", metavar="SỐ_KÝ_HIỆU", help="số, ký hiệu văn bản")
    p.add_argument("--note", default="", metavar="NỘI_DUNG",
                   help="ghi chú kèm bước xử lý (với --act note: nội dung ghi chú)")
    p.add_argument("--officer", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ",
                   help="cán bộ thực hiện (tra mã: desk-app codes officers)")
    p.add_argument("--at", metavar="THỜI_ĐIỂM",
                   help="với --act police: thời điểm đã báo công an (YYYY-MM-DDTHH:MM)")
    p.add_argument("--confirm", action="store_true", help="xác nhận chuyển đơn lần nữa")
    p.add_argument("--not-competent", action="store_true",
                   help="khi phân loại: không thuộc thẩm quyền")
    p.add_argument("--ineligible", action="store_true", help="khi phân loại: không đủ điều kiện")


def cmd_dashboard(args, db, emit) -> int:
    from desk_app.core.cases.dashboard import dashboard
    from desk_app.core.cases.labels import VIEWS
    from desk_app.core.cases.lifecycle import STATUS_LABELS
    from desk_app.core.storage.office import officers

    if args.officer is not None and args.officer not in {o.id for o in officers(db, active_only=False)}:
        raise DeskError(messages.CASE_OFFICER_UNKNOWN.format(id=args.officer))
    d = dashboard(db, _day(args.today), assignee=args.officer)
    lines = [f"Ngày {d.today:%d/%m/%Y}: {d.open} vụ việc đang giải quyết",
             f"  {VIEWS['overdue']}: {d.overdue}",
             f"  {VIEWS['due_soon']} (đến {d.due_soon_until:%d/%m/%Y}): {d.due_soon}",
             f"  {VIEWS['waiting']}: {d.waiting}",
             f"  {VIEWS['prolonged']} (nhận trước {d.prolonged_before:%d/%m/%Y}): {d.prolonged}",
             f"  {VIEWS['mediation']}: {d.mediation}",
             f"  {VIEWS['police']}: {d.police}"]
    lines += [f"  {STATUS_LABELS[s]}: {n}" for s, n in d.by_status.items()]
    emit(asdict(d), lines)
    return 0


def cmd_cases(args, db, emit) -> int:
    from desk_app.core.cases.dashboard import case_ids
    from desk_app.core.cases.labels import due_text
    from desk_app.core.cases.lifecycle import STATUS_LABELS
    from desk_app.core.cases.view import case_rows
    from desk_app.core.catalog import PETITION_KIND_LABELS

    today = _day(args.today)
    rows = case_rows(db, list(case_ids(db, args.view, today, flag=args.flag, limit=args.limit)))
    lines = [f"#{r.id:<7} {r.opened_on}  {r.person_name}  [{PETITION_KIND_LABELS.get(r.kind, r.kind)}]"
             f"  {STATUS_LABELS.get(r.status, r.status)}  {due_text(r.due_on, today)[0]}  {r.title}"
             for r in rows] or ["Không có vụ việc nào."]
    emit([asdict(r) for r in rows], lines)
    return 0


def cmd_case(args, db, emit) -> int:
    from desk_app.core.cases.labels import due_text
    from desk_app.core.cases.tracking import RepeatTransfer, add_note, record_event
    from desk_app.core.cases.view import case_detail

    if args.act:
        data = {}
        if args.act == "classify":
            data = {"competent": not args.not_competent, "eligible": not args.ineligible}
        if args.act == "police":
            data = {"informed_at": _moment(args.at)}
        try:
            if args.act == "note":
                add_note(db, args.id, args.note, officer_id=args.officer)
            else:
                record_event(db, args.id, args.act, occurred_on=_day(args.on),
                             officer_id=args.officer, body=args.body, doc_no=args.doc_no,
                             note=args.note, data=data, confirm_repeat=args.confirm)
        except RepeatTransfer as exc:
            raise DeskError(exc.message + " (thêm --confirm)") from None
    today = date.today()
    d = case_detail(db, args.id, today)
    lines = [f"Vụ việc #{d.id}: {d.title}",
             f"  {d.kind_label} · {d.topic} · {d.status_label} · nhận {d.opened_on}"
             + (f" · {', '.join(d.flags)}" if d.flags else ""),
             f"  Người: {d.person_name}", "  Mốc thời hạn:"]
    for cm in d.milestones:
        m = cm.milestone
        state = "xong" if cm.done else (due_text(m.due_on.isoformat(), today)[0] if m.due_on else "")
        lines += [f"    {m.due_on:%d/%m/%Y} {m.label} — {state}" if m.due_on
                  else f"    {'':10} {m.label}", f"      {m.explanation}"]
    lines.append("  Diễn biến:")
    lines += [f"    {e.occurred_on}  {e.label}" + (f" — {e.body}" if e.body else "")
              + (f" ({e.doc_no})" if e.doc_no else "") + (f": {e.note}" if e.note else "")
              for e in d.events]
    emit(asdict(d), lines)
    return 0


COMMANDS = {"dashboard": cmd_dashboard, "cases": cmd_cases, "case": cmd_case}
READ_ONLY = frozenset({"dashboard", "cases"})  # run on a plain read-only connection (cli._read)
