"""Document commands of the CLI beyond the receipt and the slips: `refusal` (Form 01/TCD);
and the warnings other commands print: a late complaint at intake, a document printed with
no signer set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app import cli_errors, messages
from desk_app.core.errors import DeskError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("refusal", help="in thông báo từ chối tiếp công dân (mẫu 01/TCD) của một lượt tiếp")
    p.add_argument("visit_id", type=cli_errors.ROW_ID, metavar="SỐ_LƯỢT_TIẾP",
                   help="số lượt tiếp bị từ chối (visit_id)")
    p.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--copy", action="store_true",
                   help="in lại bản sao (dấu “BẢN SAO”) của thông báo đã lập, không lấy số mới")


def intake_warnings(db, forms) -> list[list[str]]:
    """For each intake form, the warnings it gives (a complaint past its limitation)."""
    from desk_app.core.cases.limitation import form_warnings
    from desk_app.core.cases.office_days import load_calendar

    cal = load_calendar(db)
    return [form_warnings(form, cal) for form in forms]


def warn_unsigned(db) -> None:
    """Say on stderr that the document goes out without the signer's name."""
    from desk_app.core.documents.signer import unsigned_warning

    warning = unsigned_warning(db)
    if warning:
        print(warning, file=sys.stderr)


def check_out(out: Path) -> None:
    """Refuse a file that cannot be written before a document is numbered for it, so a bad
    path does not use up an original (writing still goes through a .part file)."""
    import os

    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK) or out.is_dir():
        why = "thư mục không tồn tại hoặc không ghi được" if not out.is_dir() else "đó là một thư mục"
        raise DeskError(messages.OUT_WRITE_FAILED.format(path=out, why=why))


def cmd_refusal(args, db, emit) -> int:
    from desk_app.core.documents.layout import write_file
    from desk_app.core.documents.register import copy_refusal, issue_refusal, refusal_record
    from desk_app.core.storage.office import require_office

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise DeskError(messages.PDF_OUT_FORMAT.format(path=out))
    require_office(db)
    check_out(out)
    copy = args.copy or refusal_record(db, args.visit_id) is not None
    if args.copy:
        notice = copy_refusal(db, args.visit_id)
    else:
        notice = issue_refusal(db, args.visit_id)  # a visit is refused once: later, a copy
        if not copy:
            warn_unsigned(db)
    write_file(out, notice.pdf)
    emit({"visit_id": args.visit_id, "number": notice.number, "copy": copy, "out": str(out)},
         [f"Đã in thông báo từ chối tiếp công dân số {notice.number}"
          f"{' (bản sao)' if copy else ''} ra {out}"])
    return 0


COMMANDS = {"refusal": cmd_refusal}
