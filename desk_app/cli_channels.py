"""Commands for the channels work (docs/channels.md): `address` (old address → new commune) and
`body` (the office's directory of bodies).

    desk-app address "Thôn Khúc Toại, xã Khúc Xuyên, TP Bắc Ninh, Bắc Ninh"
    desk-app body --name "Ban Quản lý dự án tỉnh Bắc Ninh" --kind don_vi_su_nghiep --address "…"
    desk-app body --code bn.so_xay_dung --name "Sở Xây dựng tỉnh Bắc Ninh" --kind so --address "…"
"""

from __future__ import annotations

import argparse

KINDS_HELP = ("ubnd, so, thanh_tra, ban_tiep_cong_dan, cong_an, toa_an, vien_kiem_sat, dan_cu, "
              "doan_the, don_vi_su_nghiep, hoa_giai, khac")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("address", help="gợi ý xã, phường mới (sau sáp nhập 2025) từ địa chỉ cũ")
    p.add_argument("address", nargs="+", metavar="ĐỊA_CHỈ_CŨ",
                   help="địa chỉ cũ như ghi trên thẻ (có huyện, tỉnh cũ)")

    p = sub.add_parser("body", help="thêm, sửa hoặc ẩn một cơ quan trong danh bạ cơ quan",
                       description="Không ghi --code: thêm cơ quan mới. Danh sách: desk-app codes "
                                   "bodies.")
    p.add_argument("--code", metavar="MÃ", help="mã cơ quan cần sửa (desk-app codes bodies)")
    p.add_argument("--name", required=True, metavar="TÊN", help="tên cơ quan đầy đủ")
    p.add_argument("--kind", default="khac", metavar="LOẠI", help="loại cơ quan: " + KINDS_HELP)
    p.add_argument("--address", default="", metavar="ĐỊA_CHỈ", help="địa chỉ in trên phiếu")
    p.add_argument("--alias", action="append", default=[], metavar="TÊN_KHÁC",
                   help="tên khác người ta hay viết (lặp lại được)")
    p.add_argument("--hide", action="store_true", help="ẩn khỏi danh bạ (không gợi ý nữa)")


def cmd_address(args, emit) -> int:
    from desk_app.core import catalog
    from desk_app.core.reception.old_address import suggest

    text = " ".join(args.address)
    found = suggest(text)
    payload = {"address": text, "commune_code": found.commune_code,
               "commune": found.label,
               "candidates": [{"code": c, "name": catalog.commune_label(c)}
                              for c in found.candidates]}
    if found.commune_code is not None:
        lines = [f"{found.commune_code}  {found.label}"]
    elif found.candidates:
        lines = ["Có thể thuộc một trong các xã, phường sau (hãy chọn):"]
        lines += [f"  {c}  {catalog.commune_label(c)}" for c in found.candidates]
    else:
        from desk_app import messages

        lines = [messages.OLD_ADDRESS_NOT_FOUND.format(address=text)]
    emit(payload, lines)
    return 0


def cmd_body(args, db, emit) -> int:
    from desk_app.core.bodies import directory, save_body

    code = save_body(db, code=args.code, name=args.name, kind=args.kind, address=args.address,
                     aliases=tuple(args.alias), hidden=args.hide)
    body = next((b for b in directory(db, include_hidden=True) if b.code == code), None)
    emit({"code": code, "name": body.name if body else args.name, "hidden": args.hide},
         [f"Đã lưu {code}: {body.name if body else args.name}" + (" (ẩn)" if args.hide else "")])
    return 0
