"""Bundle commands of the CLI (core/bundle, docs/bundle.md): keys, export-bundle,
verify-bundle, import-bundle, ack, conflicts, duplicates, search-wards.

    desk-app keys show                              # this office's key and its fingerprint
    desk-app keys export --out phuong.key           # the public key file for the other side
    desk-app keys import tinh.key                   # register the other side's public key
    desk-app export-bundle --out goi.dtcd [--full]  # ward: the records since the last ack
    desk-app import-bundle goi.dtcd … [--dry-run]   # province: check, count, apply, ack
    desk-app ack goi.ack.dtca                       # ward: the province's acknowledgement
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app import cli_errors
from desk_app.cli_parser import RawDescriptionHelpFormatter

KEYS_HELP = """Khóa dùng để ký và mã hóa gói dữ liệu gửi lên tỉnh.

  show     khóa của cơ quan (mã nhận dạng) và các khóa đã đăng ký
  new      tạo khóa mới (lần đầu, hoặc khi khóa cũ bị mất, lộ); gói cũ vẫn kiểm tra được
  export   ghi tệp khóa công khai (--out TỆP.key) để gửi cho bên kia
  import   đăng ký tệp khóa công khai của bên kia (xã, phường: khóa của tỉnh; tỉnh: khóa
           của từng xã, phường). Trước khi đăng ký, hãy gọi điện đọc mã nhận dạng cho nhau.
"""

KIND_LABELS = {"new": "mới", "updated": "cập nhật", "unchanged": "không đổi",
               "conflict": "xung đột", "rejected": "bị từ chối"}
TABLE_LABELS = {"officers": "cán bộ", "persons": "người", "sessions": "buổi tiếp",
                "cases": "vụ việc", "visits": "lượt tiếp", "petitions": "đơn",
                "case_events": "bước xử lý"}
DUPLICATE_LABELS = {"person": "cùng người (số giấy tờ)", "content": "cùng nội dung",
                    "transfers": "chuyển đơn nhiều lần"}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="khóa ký và mã hóa gói dữ liệu; đăng ký khóa của bên kia",
                       formatter_class=RawDescriptionHelpFormatter, description=KEYS_HELP)
    p.add_argument("action", choices=("show", "new", "export", "import"), metavar="VIỆC",
                   help="show, new, export hoặc import (xem trên)")
    p.add_argument("file", nargs="?", metavar="TỆP.key", help="tệp khóa công khai (với import)")
    p.add_argument("--out", metavar="TỆP.key", help="tệp sẽ ghi (với export)")

    p = sub.add_parser("export-bundle", help="xuất gói dữ liệu gửi tỉnh (ký số, mã hóa)")
    p.add_argument("--out", required=True, metavar="TỆP.dtcd", help="tệp gói sẽ ghi")
    p.add_argument("--full", action="store_true",
                   help="xuất toàn bộ hồ sơ (mặc định: những gì thay đổi từ gói tỉnh đã xác nhận)")

    p = sub.add_parser("verify-bundle", help="kiểm tra một gói dữ liệu (chữ ký, mã kiểm tra), không ghi gì")
    p.add_argument("file", metavar="TỆP.dtcd", help="tệp gói")

    p = sub.add_parser("import-bundle", help="cấp tỉnh: kiểm tra và nhập các gói của xã, phường")
    p.add_argument("files", nargs="+", metavar="TỆP.dtcd", help="các tệp gói, theo thứ tự số gói")
    p.add_argument("--dry-run", action="store_true",
                   help="chỉ kiểm tra và đếm (mới, cập nhật, không đổi, xung đột, bị từ chối); không ghi")
    p.add_argument("--ack-dir", metavar="THƯ_MỤC",
                   help="nơi ghi tệp xác nhận (mặc định: cạnh tệp gói, đuôi .ack.dtca)")

    p = sub.add_parser("ack", help="xã, phường: nhận tệp xác nhận của tỉnh, đánh dấu hồ sơ đã gửi")
    p.add_argument("file", metavar="TỆP.dtca", help="tệp xác nhận tỉnh gửi về")

    p = sub.add_parser("conflicts", help="cấp tỉnh: hồ sơ bị sửa ở cả hai nơi, chờ chọn bản giữ lại")
    p.add_argument("--resolve", type=cli_errors.ROW_ID, metavar="SỐ", help="số xung đột cần xử lý")
    p.add_argument("--keep", choices=("incoming", "local"), metavar="BẢN",
                   help="incoming: giữ bản của xã, phường; local: giữ bản của tỉnh")

    p = sub.add_parser("duplicates", help="cấp tỉnh: đơn trùng giữa các xã, phường (cùng người, cùng nội dung)")
    p.add_argument("--limit", type=cli_errors.LIMIT, default=100, metavar="SỐ",
                   help="số nhóm nhiều nhất mỗi loại (mặc định 100)")

    p = sub.add_parser("search-wards", help="cấp tỉnh: tìm vụ việc của mọi xã, phường")
    p.add_argument("text", nargs="+", metavar="TỪ", help="họ tên, số giấy tờ hoặc tên vụ việc")
    p.add_argument("--office", metavar="MÃ_CƠ_QUAN", help="chỉ một xã, phường (ví dụ 24-09253)")


def _summary_lines(s) -> list[str]:
    head = f"Gói {s.name} của {s.office_code}, số {s.sequence}"
    if s.state == "imported":
        head += ": đã nhập trước đây, không thay đổi gì"
    elif s.applied:
        head += ": đã nhập"
    lines = [head]
    for table, counts in s.tables.items():
        shown = ", ".join(f"{KIND_LABELS[k]} {v}" for k, v in counts.items() if v)
        lines.append(f"  {TABLE_LABELS.get(table, table)}: {shown or 'không có'}")
    lines += [f"  ! {p}" for p in s.problems]
    return lines


def _payload(s) -> dict:
    return {"file": s.name, "office": s.office_code, "sequence": s.sequence,
            "state": s.state, "applied": s.applied, "tables": s.tables, "problems": s.problems}


def cmd_keys(args, db, emit) -> int:
    from desk_app import messages
    from desk_app.core.bundle import keys
    from desk_app.core.errors import DeskError

    if args.action == "new":
        key = keys.generate(db)
        emit({"fingerprint": key.fingerprint}, [f"Đã tạo khóa mới. Mã nhận dạng: {key.fingerprint}"])
    elif args.action == "export":
        if not args.out:
            raise DeskError(messages.BUNDLE_OUT_REQUIRED)
        keys.ensure_own_key(db)
        from desk_app.core.documents.layout import write_file

        write_file(args.out, keys.public_file_bytes(db))
        own = keys.own_key(db)
        emit({"file": args.out, "fingerprint": own.fingerprint if own else None},
             [f"Đã ghi {args.out}. Mã nhận dạng: {own.fingerprint if own else ''}"])
    elif args.action == "import":
        if not args.file:
            raise DeskError(messages.BUNDLE_KEY_FILE_REQUIRED)
        key, added = keys.register(db, Path(args.file))
        what = "Đã đăng ký khóa" if added else "Khóa này đã đăng ký trước đây"
        emit({"office": key.office_code, "fingerprint": key.fingerprint, "added": added},
             [f"{what} của {key.name or key.office_code} ({key.office_code}).",
              f"Mã nhận dạng: {key.fingerprint} — hãy đọc đối chiếu với bên gửi qua điện thoại."])
    else:
        found = keys.all_keys(db)
        owners = {"self": "cơ quan này", "office": "xã, phường", "province": "tỉnh"}
        emit([{"owner": k.owner, "office": k.office_code, "fingerprint": k.fingerprint,
               "valid_from": k.valid_from, "valid_to": k.valid_to} for k in found],
             [f"{owners[k.owner]:<12} {k.office_code:<9} {k.fingerprint}  từ {k.valid_from[:10]}"
              + (f" đến {k.valid_to[:10]}" if k.valid_to else "") for k in found]
             or ["Chưa có khóa. Tạo khóa: desk-app keys new"])
    return 0


def cmd_export(args, db, emit) -> int:
    from desk_app.core.bundle import service

    out = service.export_bundle(db, Path(args.out), full=args.full)
    lines = [f"Đã xuất gói số {out.sequence} ({out.records} bản ghi) vào {out.path}."]
    if not out.encrypted:
        from desk_app import messages

        lines.append(messages.BUNDLE_NOT_ENCRYPTED)
    emit({"file": str(out.path), "sequence": out.sequence, "base_sequence": out.base_sequence,
          "full": out.full, "encrypted": out.encrypted, "counts": out.counts, "hash": out.hash},
         lines)
    return 0


def cmd_verify(args, db, emit) -> int:
    from desk_app.core.bundle import service

    s = service.verify_bundle(db, Path(args.file))
    lines = [f"Gói {s.name} hợp lệ (cơ quan {s.office_code}, số {s.sequence})."]
    if s.state:  # at the province: every record read and counted
        lines += _summary_lines(s)[1:]
    else:
        lines += [f"  {TABLE_LABELS.get(t, t)}: {c['new']} bản ghi" for t, c in s.tables.items()]
    emit(_payload(s), lines)
    return 0


def cmd_import(args, db, emit) -> int:
    from desk_app.core.bundle import service

    results = service.import_bundles(db, [Path(f) for f in args.files], dry_run=args.dry_run,
                                     ack_dir=Path(args.ack_dir) if args.ack_dir else None)
    lines = [line for s in results for line in _summary_lines(s)]
    if args.dry_run:
        lines.append("Chạy thử: chưa ghi gì.")
    emit([_payload(s) for s in results], lines)
    return 0


def cmd_ack(args, db, emit) -> int:
    from desk_app.core.bundle import service

    r = service.acknowledge(db, Path(args.file))
    emit({"sequence": r.sequence, "confirmed": r.confirmed, "already": r.already},
         [f"Tỉnh đã xác nhận gói số {r.sequence}: {r.confirmed} bản ghi được đánh dấu đã gửi."])
    return 0


def cmd_conflicts(args, db, emit) -> int:
    from desk_app.core.bundle import province, service

    province.require_province(db)
    if args.resolve is not None:
        from desk_app import messages
        from desk_app.core.errors import DeskError

        if not args.keep:
            raise DeskError(messages.BUNDLE_CONFLICT_CHOICE)
        service.resolve_conflict(db, args.resolve, args.keep)
        emit({"resolved": args.resolve, "kept": args.keep}, [f"Đã xử lý xung đột số {args.resolve}."])
        return 0
    found = service.conflicts(db)
    emit(found, [f"{c['id']:>4}  {c['office_code']}  {TABLE_LABELS.get(c['table'], c['table'])}"
                 f"  {c['uuid']}  phiên bản {c['version']}" for c in found]
         or ["Không có xung đột nào chờ xử lý."])
    return 0


def cmd_duplicates(args, db, emit) -> int:
    from dataclasses import asdict

    from desk_app.core.bundle import province

    province.require_province(db)
    found = province.duplicates(db, limit=args.limit)
    emit([asdict(d) for d in found],
         [f"{DUPLICATE_LABELS[d.kind]}: {d.label} — {', '.join(d.offices)}; vụ việc "
          f"{', '.join(map(str, d.case_ids))}" for d in found] or ["Không thấy đơn trùng."])
    return 0


def cmd_search_wards(args, db, emit) -> int:
    from dataclasses import asdict

    from desk_app.core.bundle import province

    province.require_province(db)
    hits = province.search_cases(db, " ".join(args.text), office=args.office)
    emit([asdict(h) for h in hits],
         [f"{h.case_id:>6}  {h.office_code}  {h.opened_on}  {h.person or '•••'}  {h.title}"
          for h in hits] or ["Không tìm thấy."])
    return 0


COMMANDS = {"keys": cmd_keys, "export-bundle": cmd_export, "verify-bundle": cmd_verify,
            "import-bundle": cmd_import, "ack": cmd_ack, "conflicts": cmd_conflicts,
            "duplicates": cmd_duplicates, "search-wards": cmd_search_wards}
