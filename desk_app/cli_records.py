"""Record commands of the CLI: `correct`, `cancel-visit`, `history`, `person`.

    desk-app correct 12                                   # what can be corrected, and its value
    desk-app correct 12 --field summary --value "…" --reason "Ghi nhầm" --officer 1
    desk-app correct 12 --field rep2.full_name --value "Lê Thị Hoa" --reason "…" --officer 1
    desk-app cancel-visit 12 --reason "Ghi trùng" --officer 1
    desk-app history 12                                   # corrections of visit 12, person's history
    desk-app person 027090001234                          # current details and their history
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desk_app import cli_errors, messages
from desk_app.core.errors import DeskError

FIELDS_HELP = ("người đến: full_name, id_number, id_issued_on, id_issued_place, date_of_birth, "
               "sex, phone, address, commune_code, old_address; người đại diện thứ N: repN.<mục>; "
               "đơn: summary, topic, kind (với --petition khi lượt tiếp có nhiều đơn); lượt tiếp: "
               "reception_kind, prior_handlers, outcome_body, outcome_doc_no, note")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("correct", help="đính chính một lượt tiếp đã ghi sổ (giữ giá trị cũ và lý do)",
                       description="Không ghi --field: liệt kê các mục đính chính được. " + FIELDS_HELP)
    p.add_argument("visit_id", type=cli_errors.ROW_ID, metavar="SỐ_LƯỢT_TIẾP", help="số lượt tiếp")
    p.add_argument("--field", metavar="MỤC", help=FIELDS_HELP)
    p.add_argument("--value", metavar="GIÁ_TRỊ",
                   help="giá trị mới (ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD; mã danh mục)")
    p.add_argument("--reason", default="", metavar="LÝ_DO", help="lý do đính chính")
    p.add_argument("--officer", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ",
                   help="cán bộ đính chính (mã số; không cần nếu cơ quan chỉ có một cán bộ)")
    p.add_argument("--petition", type=cli_errors.ROW_ID, metavar="MÃ_ĐƠN", help="đơn cần đính chính")

    p = sub.add_parser("cancel-visit", help="hủy lượt tiếp ghi nhầm (giữ số thứ tự trong sổ)")
    p.add_argument("visit_id", type=cli_errors.ROW_ID, metavar="SỐ_LƯỢT_TIẾP", help="số lượt tiếp")
    p.add_argument("--reason", default="", metavar="LÝ_DO", help="lý do hủy")
    p.add_argument("--officer", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ",
                   help="cán bộ hủy (mã số; không cần nếu cơ quan chỉ có một cán bộ)")

    p = sub.add_parser("history", help="các lần đính chính của một lượt tiếp và lịch sử thông tin người đến")
    p.add_argument("visit_id", type=cli_errors.ROW_ID, metavar="SỐ_LƯỢT_TIẾP", help="số lượt tiếp")

    p = sub.add_parser("person", help="thông tin hiện tại của một người và lịch sử thay đổi")
    p.add_argument("id_number", metavar="SỐ_GIẤY_TỜ", help="số căn cước, CMND hoặc hộ chiếu")


def _officer(args, db) -> int:
    """Who corrects: --officer, or the office's only active officer."""
    if args.officer is not None:
        return args.officer
    active = [r[0] for r in db.execute("SELECT id FROM officers WHERE active = 1 LIMIT 2")]
    if len(active) != 1:
        raise DeskError(messages.CORRECTION_OFFICER_REQUIRED)
    return active[0]


def cmd_correct(args, db, emit) -> int:
    from desk_app.core.reception.corrections import correct_entry, correctable_fields

    if args.field is None:
        fields = correctable_fields(db, args.visit_id)
        lines = [f"Lượt tiếp số {args.visit_id}: các mục đính chính được (--field)"]
        group = None
        for f in fields:
            if f.group != group:
                group = f.group
                lines.append(f"  {group}" + (f" (--petition {f.petition_id})" if f.petition_id else ""))
            lines.append(f"    {f.key:<24} {f.label}: {f.shown}")
        emit([asdict(f) for f in fields], lines)
        return 0
    if args.value is None:
        raise DeskError(messages.CORRECTION_VALUE_REQUIRED)
    correction_id = correct_entry(db, args.visit_id, args.field, args.value, args.reason,
                                  officer_id=_officer(args, db), petition_id=args.petition)
    emit({"visit_id": args.visit_id, "correction_id": correction_id, "field": args.field},
         [f"Đã đính chính lượt tiếp số {args.visit_id} ({args.field})."])
    return 0


def cmd_cancel_visit(args, db, emit) -> int:
    from desk_app.core.reception.corrections import cancel_visit

    correction_id = cancel_visit(db, args.visit_id, args.reason, officer_id=_officer(args, db))
    emit({"visit_id": args.visit_id, "correction_id": correction_id, "cancelled": True},
         [f"Đã hủy lượt tiếp số {args.visit_id}; các dòng sổ giữ số thứ tự và ghi “ĐÃ HỦY”."])
    return 0


def _changes_lines(changes) -> list[str]:
    return [f"    {c.changed_at[:16].replace('T', ' ')}  {c.field}: “{c.old}” → “{c.new}”"
            f"  ({c.source}; {c.officer or 'không rõ cán bộ'})" for c in changes]


def cmd_history(args, db, emit) -> int:
    from desk_app.core.reception.records import petition_record

    first = db.execute("SELECT MIN(id) FROM petitions WHERE visit_id = ?", [args.visit_id]).fetchone()
    if first is None or first[0] is None:
        raise DeskError(messages.VISIT_MISSING.format(id=args.visit_id))
    record = petition_record(db, first[0])
    lines = [f"Lượt tiếp số {args.visit_id} ({record.log_label}): {record.person_name}"]
    if record.cancelled:
        lines.append(f"  ĐÃ HỦY {record.cancelled}")
    lines.append("  Đính chính:" if record.corrections else "  Chưa có đính chính.")
    for c in record.corrections:
        what = "Hủy lượt tiếp" if c.cancelled else f"{c.target} — {c.field}: “{c.old}” → “{c.new}”"
        lines.append(f"    {c.corrected_at[:16].replace('T', ' ')}  {what}. Lý do: {c.reason}"
                     f" ({c.officer or 'không rõ cán bộ'})")
    if record.current_details:
        lines.append("  Thông tin hiện tại khác với khi ghi sổ:")
        lines += [f"    {label}: {value}" for label, value in record.current_details]
    if record.person_changes:
        lines.append("  Lịch sử thay đổi thông tin người đến:")
        lines += _changes_lines(record.person_changes)
    emit({"visit_id": args.visit_id, "cancelled": record.cancelled,
          "corrections": [asdict(c) for c in record.corrections],
          "current_details": [list(x) for x in record.current_details],
          "person_changes": [asdict(c) for c in record.person_changes]}, lines)
    return 0


def cmd_person(args, db, emit) -> int:
    from desk_app.core.reception.identity import IDENTITY_LABELS, display, person_history
    from desk_app.core.reception.people import find_person

    known = find_person(db, args.id_number)
    if known is None:
        raise DeskError(messages.PERSON_NOT_FOUND.format(id_number=args.id_number.strip()))
    row = db.execute(f"SELECT {', '.join(IDENTITY_LABELS)} FROM persons WHERE id = ?",
                     [known.person_id]).fetchone()
    details = {f: display(f, v) for f, v in zip(IDENTITY_LABELS, row, strict=True)}
    changes = person_history(db, known.person_id)
    visits = len({v.visit_id for v in known.visits})
    lines = [f"{known.full_name} — {visits} lượt tiếp gần nhất"]
    lines += [f"  {IDENTITY_LABELS[f]}: {v}" for f, v in details.items() if v]
    lines.append("  Lịch sử thay đổi:" if changes else "  Chưa có thay đổi.")
    lines += _changes_lines(changes)
    emit({"person_id": known.person_id, "details": details,
          "changes": [asdict(c) for c in changes]}, lines)
    return 0


COMMANDS = {"correct": cmd_correct, "cancel-visit": cmd_cancel_visit, "history": cmd_history,
            "person": cmd_person}
