"""desk-app: the headless face of the core (docs/cli.md). No command opens the GUI."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from desk_app import (
    __version__,
    cli_bundle,
    cli_cases,
    cli_channels,
    cli_codes,
    cli_documents,
    cli_errors,
    cli_records,
    cli_reports,
    cli_schedule,
    cli_security,
    paths,
)
from desk_app.cli_parser import RawDescriptionHelpFormatter
from desk_app.core.errors import DeskError
from desk_app.core.text import visible

DEMO_VISITS = 20_000


SLIP_HELP = """In phiếu, thông báo của một vụ việc; lần đầu lấy số mới, lần sau là bản sao.

LOẠI:
  phieu_hen                phiếu hẹn trả lời (hạn 10 ngày làm việc, Điều 28 Luật TCD)
  de_xuat_thu_ly           phiếu đề xuất thụ lý đơn (mẫu 01, Thông tư 05/2021)
  phieu_chuyen_don         phiếu chuyển đơn (kiến nghị, phản ánh, khiếu nại)
  phieu_chuyen_don_to_cao  phiếu chuyển đơn tố cáo (mẫu 03; không ghi thông tin người tố cáo)
  phieu_huong_dan          phiếu hướng dẫn đến cơ quan có thẩm quyền
  thong_bao_thu_ly         thông báo thụ lý (khiếu nại, tố cáo)
  thong_bao_khong_thu_ly   thông báo không thụ lý (--reason, hoặc lý do ghi khi phân loại)
  ket_luan_tiep            thông báo kết luận buổi tiếp công dân: --session-file TỆP.json
                           (buổi tiếp đã ghi trong lịch: desk-app schedule notice SỐ_BUỔI)
  (danh sách này cũng có trong: desk-app codes kinds)

Tệp buổi tiếp (ket_luan_tiep), ví dụ:
  {"held_on": "2026-12-03", "host": "Lê Văn Dũng", "place": "Trụ sở UBND phường",
   "reception_kind": "dinh_ky", "participants": ["Công chức Địa chính - Xây dựng"],
   "citizens": [{"case_id": 12, "conclusion": "Giao …"},
                {"name": "Trần Văn Bình", "address": "…", "content": "…", "conclusion": "…"}],
   "conclusions": ["…"], "recipients": ["Công an phường"]}
  (host_title mặc định là chức danh người ký; người tố cáo không được ghi tên.)
"""


DESCRIPTION = """Bàn tiếp dân: sổ tiếp công dân, theo dõi vụ việc, in văn bản.
Không ghi LỆNH thì mở ứng dụng (như lệnh gui)."""
EPILOG = """Hướng dẫn từng lệnh: desk-app LỆNH -h. Tra mã (lĩnh vực, tỉnh, xã…): desk-app codes.
Mã thoát: 0 thành công; 1 dữ liệu không hợp lệ (một dòng thông báo); 2 sai cách dùng."""
DATA_DIR_HELP = ("thư mục dữ liệu của cơ quan (mặc định: thư mục dữ liệu người dùng của hệ điều "
                 "hành, hoặc biến môi trường DESK_APP_DATA_DIR)")
JSON_HELP = "in kết quả dạng JSON (cho chương trình khác đọc)"
DATE_HELP = "(YYYY-MM-DD)"


def _parser() -> argparse.ArgumentParser:
    parser = cli_errors.Parser(prog="desk-app", description=DESCRIPTION, epilog=EPILOG,
                               formatter_class=RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", metavar="THƯ_MỤC", help=DATA_DIR_HELP)
    parser.add_argument("--json", action="store_true", help=JSON_HELP)
    parser.add_argument("--version", action="version", version=__version__,
                        help="in số phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", title="lệnh", metavar="LỆNH")

    p = sub.add_parser("gui", help="mở ứng dụng (như khi không ghi lệnh)")
    p.add_argument("--demo", action="store_true",
                   help="mở cơ quan mẫu (Phường Nhân Hòa, 20.000 lượt tiếp sinh sẵn) trong thư mục "
                        "riêng, tách khỏi dữ liệu thật")

    p = sub.add_parser("init", help="thiết lập cơ quan (lần đầu dùng một thư mục dữ liệu)")
    p.add_argument("--province", type=cli_errors.CODE, required=True, metavar="MÃ_TỈNH",
                   help="mã tỉnh, thành phố sau sáp nhập 2025 (tra: desk-app codes provinces)")
    p.add_argument("--commune", type=cli_errors.CODE, metavar="MÃ_XÃ",
                   help="mã xã, phường, đặc khu (tra: desk-app codes communes MÃ_TỈNH); bắt buộc, "
                        "trừ cơ quan cấp tỉnh")
    p.add_argument("--mode", choices=("ward", "province"), default="ward", metavar="LOẠI",
                   help="ward: xã, phường tiếp công dân (mặc định); province: cơ quan cấp tỉnh nhận "
                        "và tổng hợp gói dữ liệu của các xã, phường")
    p.__class__ = cli_errors.InitParser  # --commune is required unless --mode province
    p.add_argument("--name", default="", metavar="TÊN",
                   help="tên cơ quan như in trên văn bản (mặc định: Ủy ban nhân dân + tên xã)")
    p.add_argument("--parent", default="", metavar="TÊN", help="tên cơ quan cấp trên")
    p.add_argument("--remote", action="store_true",
                   help="cơ quan ở vùng sâu, vùng xa (thời hạn giải quyết dài hơn)")
    p.add_argument("--officer", action="append", default=[], metavar="HỌ_TÊN[:CHỨC_VỤ]",
                   help="thêm cán bộ tiếp công dân (ghi nhiều lần được); cán bộ đầu tiên có mã 1")

    p = sub.add_parser("demo", help="sinh dữ liệu mẫu để thử (thiết lập cơ quan mẫu nếu chưa có)")
    p.add_argument("--visits", type=cli_errors.int_in(1, 10_000_000), default=DEMO_VISITS, metavar="SỐ",
                   help=f"số lượt tiếp cần sinh (mặc định {DEMO_VISITS})")
    p.add_argument("--seed", type=cli_errors.int_in(0, cli_errors.SQLITE_MAX), default=1, metavar="SỐ",
                   help="hạt giống ngẫu nhiên: cùng số thì cùng dữ liệu (mặc định 1)")

    p = sub.add_parser("intake", help="ghi sổ các lượt tiếp từ tệp JSON (kiểm tra như biểu mẫu)")
    p.add_argument("file", metavar="TỆP.json",
                   help="một lượt tiếp hoặc danh sách lượt tiếp; định dạng: docs/intake-format.md. "
                        "Một lượt sai thì không lượt nào được ghi")

    p = sub.add_parser("search", help="tìm người, lượt tiếp, vụ việc (có dấu hay không dấu đều được)")
    p.add_argument("text", nargs="+", metavar="TỪ",
                   help="họ tên, số giấy tờ, điện thoại, địa chỉ hoặc nội dung")
    p.add_argument("--limit", type=int, default=50, metavar="SỐ",
                   help="số kết quả mỗi trang, từ 1 đến 500 (mặc định 50)")
    p.add_argument("--page", type=int, default=1, metavar="TRANG",
                   help="trang kết quả thứ mấy (mặc định 1: các kết quả khớp nhất, mới nhất)")

    p = sub.add_parser("receipt", help="in giấy biên nhận (mẫu 02/TCD) của một lượt tiếp")
    p.add_argument("visit_id", type=cli_errors.ROW_ID, metavar="SỐ_LƯỢT_TIẾP", help="số lượt tiếp (visit_id)")
    p.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--copy", action="store_true", help="in bản sao (có dấu “BẢN SAO”)")
    p.add_argument("--reveal", metavar="LÝ_DO",
                   help="lý do xem danh tính người tố cáo: bắt buộc với bản sao giấy biên nhận "
                        "của lượt tiếp có tố cáo (được ghi lại)")

    p = sub.add_parser("log", help="xuất sổ tiếp công dân (mẫu 03/TCD) ra PDF hoặc XLSX")
    p.add_argument("--from", dest="date_from", required=True, metavar="NGÀY",
                   help=f"từ ngày {DATE_HELP}")
    p.add_argument("--to", dest="date_to", required=True, metavar="NGÀY",
                   help=f"đến ngày {DATE_HELP}, tính cả ngày này")
    p.add_argument("--out", required=True, metavar="TỆP.pdf|TỆP.xlsx",
                   help="tệp sẽ ghi; đuôi .pdf hoặc .xlsx chọn định dạng")
    p.add_argument("--reveal", metavar="LÝ_DO",
                   help="hiện danh tính người tố cáo, với lý do (chỉ lãnh đạo, quản trị; "
                        "việc xem được ghi lại)")
    p.add_argument("--encrypt", action="store_true",
                   help="mã hóa tệp bằng mật khẩu (DESK_APP_EXPORT_PASSWORD hoặc gõ khi được hỏi); "
                        "báo mật khẩu cho người nhận bằng đường khác")
    p.add_argument("--book", choices=("tiep_cong_dan", "tiep_nhan_don"), default="tiep_cong_dan",
                   metavar="SỔ", help="tiep_cong_dan: sổ tiếp công dân 03/TCD (mặc định); "
                   "tiep_nhan_don: sổ tiếp nhận, xử lý đơn (đơn qua bưu chính, cổng, thư điện tử, "
                   "đường dây nóng, cơ quan khác chuyển đến)")

    p = sub.add_parser(
        "slip", help="in phiếu, thông báo của một vụ việc (phiếu hẹn, chuyển đơn, thụ lý…)",
        formatter_class=RawDescriptionHelpFormatter, description=SLIP_HELP)
    p.add_argument("kind", metavar="LOẠI", help="loại phiếu (danh sách ở trên)")
    p.add_argument("case_id", type=cli_errors.ROW_ID, nargs="?", metavar="SỐ_VỤ_VIỆC", help="số vụ việc")
    p.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF sẽ ghi")
    p.add_argument("--copy", action="store_true",
                   help="in lại bản sao (dấu “BẢN SAO”) của phiếu đã lập, không lấy số mới")
    p.add_argument("--reason", default="", metavar="LÝ_DO",
                   help="lý do không thụ lý (thong_bao_khong_thu_ly)")
    p.add_argument("--session-file", metavar="TỆP.json",
                   help="buổi tiếp công dân (ket_luan_tiep), thay cho SỐ_VỤ_VIỆC")
    p.add_argument("--reveal", metavar="LÝ_DO",
                   help="lý do xem danh tính người tố cáo: bắt buộc với phiếu của vụ việc tố cáo "
                        "(được ghi lại)")

    p = sub.add_parser("deadline", help="tính các mốc thời hạn của một vụ việc (không cần dữ liệu)")
    p.add_argument("--kind", required=True, metavar="LOẠI",
                   help="loại đơn: khieu_nai, to_cao, kien_nghi, phan_anh")
    p.add_argument("--received", required=True, metavar="NGÀY",
                   help=f"ngày tiếp nhận {DATE_HELP}; chọn bộ quy tắc áp dụng")
    for flag, what in (("--accepted", "ngày thụ lý"), ("--decided", "ngày có quyết định/kết luận"),
                       ("--first-decision", "ngày có quyết định lần đầu"),
                       ("--dialogue", "ngày đối thoại"), ("--refused", "ngày từ chối tiếp")):
        p.add_argument(flag, metavar="NGÀY", help=f"{what} {DATE_HELP}")
    p.add_argument("--complex", action="store_true", help="vụ việc phức tạp")
    p.add_argument("--especially-complex", action="store_true", help="vụ việc đặc biệt phức tạp")
    p.add_argument("--remote", action="store_true", help="vùng sâu, vùng xa")
    p.add_argument("--instance", type=int, default=1, metavar="LẦN",
                   help="lần giải quyết khiếu nại: 1 hoặc 2 (mặc định 1)")
    p.add_argument("--extensions", type=int, default=0, metavar="SỐ",
                   help="số lần đã gia hạn (tố cáo; mặc định 0)")
    p.add_argument("--suspended", action="append", default=[], metavar="TỪ:ĐẾN",
                   help="khoảng tạm đình chỉ; “TỪ:” nếu vẫn đang tạm đình chỉ (lặp lại được)")
    for flag, what in (("--known", "ngày biết được quyết định, hành vi bị khiếu nại (thời hiệu)"),
                       ("--decision-received", "ngày người khiếu nại nhận quyết định lần đầu"),
                       ("--first-accepted", "ngày thụ lý lần đầu (khi tính lần hai)")):
        p.add_argument(flag, metavar="NGÀY", help=what)
    p.add_argument("--several-places", action="store_true",
                   help="tố cáo phải xác minh ở nhiều địa điểm")
    p.add_argument("--transferred-in", action="store_true", help="đơn do cơ quan khác chuyển đến")
    cli_cases.add_parsers(sub)
    cli_schedule.add_parsers(sub)
    cli_codes.add_parser(sub)
    cli_channels.add_parsers(sub)
    cli_records.add_parsers(sub)
    cli_documents.add_parsers(sub)
    cli_security.add_parsers(sub)
    cli_reports.add_parser(sub)
    cli_bundle.add_parsers(sub)
    # `--json` and `--data-dir` also after the command (README: `intake visit.json --json`);
    # SUPPRESS keeps a command without them from resetting the ones given before it.
    for command in sub.choices.values():
        command.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help=JSON_HELP)
        command.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="THƯ_MỤC",
                             help=DATA_DIR_HELP)
    return parser


_opened: list = []  # databases a command opened; main() closes them (a clean close)
_where: dict = {}  # the database path of the running command, for its error line


def _db_path(args, *, create: bool) -> Path:
    from desk_app import messages

    folder = paths.data_dir(args.data_dir, create=False)
    _where["db"] = folder / paths.DB_FILENAME
    if folder.exists() and not folder.is_dir():
        raise DeskError(messages.DATA_DIR_NOT_A_FOLDER.format(path=folder))
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise DeskError(messages.DATA_DIR_NOT_A_FOLDER.format(path=folder)) from None
        except PermissionError:
            raise DeskError(messages.DATA_READ_ONLY.format(path=folder.parent)) from None
    return folder / paths.DB_FILENAME


def _open(args, *, create: bool = False):
    """The office database, signed in (cli_security). Only `init`, `demo` and `gui` may
    create it; every other command refuses a folder without an office and leaves no file
    behind. A command the signed-in role may not run is refused here."""
    from desk_app.core.storage.office import require_office

    db = cli_security.open_office(_db_path(args, create=create), create=create,
                                  demo=args.command == "demo")
    _opened.append(db)
    if not create:
        require_office(db)
    cli_security.check_command(args, db)
    return db


def _read(args):
    """For the commands that only read (search, dashboard, cases). They sign in like every
    command (docs/security.md): the password unwraps the key (argon2id, ~0.35 s, which is
    what start-up costs now) and the sign-in is an audit event, written by the full opening;
    so the plain read-only path of before (`open_current` without a key) is not taken for an
    encrypted office. An office in the clear is refused by `_open` with its sentence."""
    return _open(args)


def _emit(args, payload, text_lines) -> None:
    """Print the result. Stored text never reaches the terminal as control characters (an
    escape sequence or a bidi override in old data would act, not show): text lines show
    them as <U+XXXX>, JSON escapes them."""
    if args.json:
        text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("".join(ch if ch == "\n" or visible(ch) == ch else json.dumps(ch)[1:-1]
                                 for ch in text) + "\n")
    else:
        for line in text_lines:
            print(visible(line))


def cmd_init(args) -> int:
    """A new office: its administrator is DESK_APP_USER / DESK_APP_PASSWORD (or asked), linked
    to the first --officer; the recovery code is printed once. On a folder holding an office
    from an earlier version, in the clear, it encrypts that office instead."""
    from desk_app import messages
    from desk_app.core import access
    from desk_app.core.security import encrypt
    from desk_app.core.storage.office import check_units, require_office

    officers = tuple((o.split(":", 1) + [""])[:2] for o in args.officer)
    province_mode = args.mode == "province"
    if province_mode:
        from desk_app.core.bundle.province import check_province

        check_province(args.province)  # before any file is created
    else:
        check_units(args.province, args.commune)  # before any file is created
    folder = _db_path(args, create=True).parent
    if encrypt.needs_encryption(folder):
        username, password = cli_security.credentials(confirm=True)
        setup = access.encrypt_existing(folder, username, password)
        done = "Đã mã hóa dữ liệu"
    else:
        username, password = cli_security.credentials(confirm=True)
        setup = access.set_up(folder, username, password, province=args.province,
                              commune=args.commune, name=args.name, parent_name=args.parent,
                              remote_area=args.remote, officers=officers,
                              mode=args.mode or "ward")
        done = "Đã thiết lập cơ quan cấp tỉnh" if province_mode else "Đã thiết lập"
    _opened.append(setup.db)
    office = require_office(setup.db)
    lines = [f"{done}: {office.name} ({office.office_code}); quản trị: {setup.user.username}"]
    if setup.recovery_code:
        lines += messages.RECOVERY_CODE_SHOWN.format(code=setup.recovery_code).split("\n")
    _emit(args, {**asdict(office), "admin": setup.user.username,
                 "recovery_code": setup.recovery_code}, lines)
    return 0


def cmd_demo(args) -> int:
    from desk_app.core.access import link_demo_admin
    from desk_app.core.demo.generate import check_demo_target, generate

    db = _open(args, create=True)
    check_demo_target(db, _where["db"].parent, args.seed)
    generate(db, args.visits, args.seed)
    link_demo_admin(db)
    count = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    _emit(args, {"visits": count}, [f"Đã sinh {args.visits} lượt tiếp; tổng cộng {count} lượt."])
    return 0


def _intake_line(r) -> str:
    from desk_app import messages

    if r.already_recorded:  # the same intake_id again: nothing new was written
        return messages.INTAKE_ALREADY_RECORDED.format(visit_id=r.visit_id) + (
            f" Giấy biên nhận số {r.receipt_no}." if r.receipt_no else "")
    return f"Đã ghi sổ lượt tiếp {r.visit_id}" + (
        f", giấy biên nhận số {r.receipt_no}" if r.receipt_no else "")


def cmd_intake(args) -> int:
    from desk_app.core.cases.tracking import warm_up
    from desk_app.core.reception.intake import register_visit
    from desk_app.core.reception.intake_file import read_intake_file
    from desk_app.core.storage.office import require_office

    forms = read_intake_file(args.file)
    db = _open(args)
    require_office(db)
    # Load the deadline engine (python-holidays: ~0.3 s) before taking the write lock, so
    # that other writers do not wait for an import.
    warm_up(db)
    now = datetime.now()
    results = []
    with db.atomic():  # the whole file or nothing
        for index, form in enumerate(forms, start=1):
            try:
                results.append(register_visit(db, form, now))
            except DeskError as exc:
                raise DeskError(f"Lượt tiếp thứ {index}: {exc.message}") from None
        if len(forms) > 1:  # an import: one event naming the file (each visit has its own)
            from desk_app.core.security import audit

            audit.record(db, "import", "file", None,
                         {"file": Path(args.file).name, "visits": [r.visit_id for r in results]})
    warnings = cli_documents.intake_warnings(db, forms)
    payload = [{"visit_id": r.visit_id, "visit_uuid": r.visit_uuid, "person_id": r.person_id,
                "petition_ids": list(r.petition_ids), "case_id": r.case_ids[0] if r.case_ids else None,
                "case_ids": list(r.case_ids), "receipt_no": r.receipt_no,
                "already_recorded": r.already_recorded, "warnings": w}
               for r, w in zip(results, warnings, strict=True)]
    _emit(args, payload if len(payload) > 1 else payload[0],
          [_intake_line(r) for r in results])
    for warning in (w for ws in warnings for w in ws):
        print(visible(warning), file=sys.stderr)
    return 0


def cmd_search(args) -> int:
    from desk_app.cli_search import search_command

    return search_command(args, _read, _emit)


def cmd_receipt(args) -> int:
    from desk_app import messages
    from desk_app.core.documents.layout import write_file
    from desk_app.core.documents.register import deliver_receipt, receipt_record

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise DeskError(messages.PDF_OUT_FORMAT.format(path=out))
    db = _open(args)
    # The original is issued only if the file is written (a bad path issues nothing);
    # a second print is a copy.
    _pdf, copy = deliver_receipt(db, args.visit_id, lambda pdf: write_file(out, pdf),
                                 copy=args.copy, reveal_reason=args.reveal)
    number, _ = receipt_record(db, args.visit_id)
    _emit(args, {"visit_id": args.visit_id, "number": number, "copy": copy, "out": str(out)},
          [f"Đã in {'giấy báo đã nhận đơn' if '/BNĐ-' in number else 'giấy biên nhận'}"
           f" số {number}{' (bản sao)' if copy else ''} ra {out}"])
    return 0


def cmd_log(args) -> int:
    from desk_app import messages
    from desk_app.core.storage.office import require_office

    date_from, date_to = cli_cases.iso_date(args.date_from), cli_cases.iso_date(args.date_to)
    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        from desk_app.core.documents.logbook_pdf import export_log_pdf as export
    elif out.suffix.lower() == ".xlsx":
        from desk_app.core.documents.logbook_xlsx import export_log_xlsx as export
    else:
        raise DeskError(messages.LOG_OUT_FORMAT.format(path=out))
    db = _open(args)
    require_office(db)
    book = "no_visit" if args.book == "tiep_nhan_don" else "visit"
    revealed = args.reveal is not None
    if revealed:  # a reason, a role that may, one audited reveal of every line shown
        from desk_app.core.security import secrecy

        secrecy.reveal(db, secrecy.in_range(db, date_from, date_to), args.reveal,
                       what="log_export", subject="log")
    if args.encrypt:
        from desk_app.core.security.sealed_exports import export_sealed

        password = cli_security.export_password()
        count = export_sealed(out, password, lambda path: export(
            db, date_from, date_to, path, reveal=revealed, book=book))
    else:
        count = export(db, date_from, date_to, out, reveal=revealed, book=book)
    from desk_app.core.security import audit

    audit.note(db, "export", "log", None, {"from": date_from.isoformat(),
                                           "to": date_to.isoformat(), "rows": count,
                                           "revealed": revealed, "format": out.suffix.lower(),
                                           "encrypted": bool(args.encrypt), "book": args.book})
    name = "sổ tiếp nhận, xử lý đơn" if book == "no_visit" else "sổ tiếp công dân"
    _emit(args, {"rows": count, "out": str(out), "from": date_from.isoformat(),
                 "to": date_to.isoformat(), "revealed": revealed, "book": args.book},
          [f"Đã xuất {count} dòng {name} ra {out}"])
    return 0


def cmd_slip(args) -> int:
    from desk_app import messages
    from desk_app.core.documents.layout import write_file
    from desk_app.core.documents.session_notice import read_session_file
    from desk_app.core.documents.slips import SIGNED_BY_HEAD, SLIPS, copy_slip, issue_slip
    from desk_app.core.storage.office import require_office

    if args.kind not in SLIPS:
        raise DeskError(messages.SLIP_KIND_UNKNOWN.format(kind=args.kind, choices=", ".join(SLIPS)))
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise DeskError(messages.PDF_OUT_FORMAT.format(path=out))
    session = read_session_file(args.session_file) if args.session_file else None
    db = _open(args)
    require_office(db)
    cli_documents.check_out(out)
    if args.copy:
        slip = copy_slip(db, args.kind, args.case_id, session=session,
                         reveal_reason=args.reveal)
    else:
        slip = issue_slip(db, args.kind, args.case_id, reason=args.reason, session=session,
                          reveal_reason=args.reveal)
        if SIGNED_BY_HEAD.get(args.kind) and not slip.copy:
            cli_documents.warn_unsigned(db)
    write_file(out, slip.pdf)
    what = SLIPS[args.kind].subject.lower()
    _emit(args, {"kind": args.kind, "case_id": args.case_id, "number": slip.number,
                 "copy": slip.copy, "out": str(out)},
          [f"Đã in {what} số {slip.number}{' (bản sao)' if slip.copy else ''} ra {out}"])
    return 0


def cmd_gui(args) -> int:
    _db_path(args, create=True)  # a file given as the data folder: one line, not a traceback
    data_dir = args.data_dir
    if args.demo and not data_dir:
        data_dir = str(paths.data_dir() / "demo")
    from desk_app.gui.app import run

    return run(data_dir=data_dir, demo=args.demo)


def cmd_deadline(args) -> int:
    """Pure computation over the national calendar: no database, no office."""
    from desk_app.core.cases.calendar import WorkCalendar, fmt
    from desk_app.core.cases.deadlines import compute_milestones, facts_from_options, rule_set_for

    facts = facts_from_options(
        kind=args.kind, received=args.received, accepted=args.accepted, decided=args.decided,
        first_decision=args.first_decision, dialogue=args.dialogue, refused=args.refused,
        complexity=2 if args.especially_complex else int(args.complex), remote=args.remote,
        instance=args.instance, extensions=args.extensions, suspended=args.suspended,
        known=args.known, decision_received=args.decision_received,
        first_accepted=args.first_accepted, several_places=args.several_places,
        transferred_in=args.transferred_in)
    milestones = compute_milestones(facts, WorkCalendar())
    lines = [f"Bộ quy tắc: {rule_set_for(facts.received_on).title}"]
    for m in milestones:
        due = fmt(m.due_on) if m.due_on else ("tạm dừng" if m.paused else "chưa tính")
        lines += [f"{due:<10}  {m.label}" + (" [chỉ tiêu cơ quan]" if m.local else ""),
                  f"            {m.explanation}"]
    _emit(args, [asdict(m) for m in milestones], lines)
    return 0


COMMANDS = {"init": cmd_init, "demo": cmd_demo, "intake": cmd_intake, "search": cmd_search,
            "gui": cmd_gui, "deadline": cmd_deadline}
COMMANDS.update({"receipt": cmd_receipt, "log": cmd_log, "slip": cmd_slip})


def _case_command(name):
    opener = _read if name in cli_cases.READ_ONLY else _open

    def run(args) -> int:
        return cli_cases.COMMANDS[name](args, opener(args),
                                        lambda payload, lines: _emit(args, payload, lines))
    return run


COMMANDS.update({name: _case_command(name) for name in cli_cases.COMMANDS})
COMMANDS["schedule"] = lambda args: cli_schedule.cmd_schedule(
    args, _open(args), lambda payload, lines: _emit(args, payload, lines))
COMMANDS["report"] = lambda args: cli_reports.cmd_report(
    args, _open(args), lambda payload, lines: _emit(args, payload, lines))
COMMANDS.update({name: (lambda args, run=run: run(args, _open(args), lambda payload, lines:
                                                  _emit(args, payload, lines)))
                 for name, run in cli_bundle.COMMANDS.items()})
COMMANDS["codes"] = lambda args: cli_codes.cmd_codes(
    args, _open, lambda payload, lines: _emit(args, payload, lines))
COMMANDS["address"] = lambda args: cli_channels.cmd_address(
    args, lambda payload, lines: _emit(args, payload, lines))
COMMANDS["body"] = lambda args: cli_channels.cmd_body(
    args, _open(args), lambda payload, lines: _emit(args, payload, lines))


def _record_command(name):
    def run(args) -> int:
        from desk_app.core.storage.office import require_office

        db = _open(args)
        require_office(db)
        return cli_records.COMMANDS[name](args, db,
                                          lambda payload, lines: _emit(args, payload, lines))
    return run


COMMANDS.update({name: _record_command(name) for name in cli_records.COMMANDS})
COMMANDS.update({name: (lambda args, run=run: run(args, _open(args), lambda payload, lines:
                                                  _emit(args, payload, lines)))
                 for name, run in cli_documents.COMMANDS.items()})
COMMANDS.update({name: (lambda args, run=run: run(args, _open(args), lambda payload, lines:
                                                  _emit(args, payload, lines)))
                 for name, run in cli_security.COMMANDS.items()})
COMMANDS["restore"] = lambda args: cli_security.cmd_restore(
    args, _db_path(args, create=True), lambda payload, lines: _emit(args, payload, lines),
    _opened, lambda: _open(args))
COMMANDS["recover"] = lambda args: cli_security.cmd_recover(
    args, _db_path(args, create=False).parent, lambda payload, lines: _emit(args, payload, lines),
    _opened)


def main(argv: list[str] | None = None) -> int:
    """Exit 0; 1 with one Vietnamese line on stderr (cli_errors.report); 2 for usage."""
    argv = sys.argv[1:] if argv is None else list(argv)
    from desk_app.core.storage.files import private_umask

    private_umask()  # the database, backups, exports and logs: owner-only
    parser = _parser()
    bad = cli_errors.bad_text_argument(argv)
    if bad is not None:
        parser.error(f"tham số {bad.encode('utf-8', 'backslashreplace').decode()[:40]}: "
                     "có ký tự không đọc được")
    args = parser.parse_args(argv)
    if args.command is None:
        args.command, args.demo = "gui", False
    _where.clear()
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every failure becomes one line (or a logged bug)
        return cli_errors.report(exc, _where.get("db"))
    finally:
        while _opened:
            with contextlib.suppress(Exception):  # closing after a failure
                _opened.pop().close()


if __name__ == "__main__":
    sys.exit(main())
