"""`desk-app codes`: the codes the other commands and the intake file take, with their names.

Each list is read from where the app itself reads it (vietnam-provinces for units, the catalogue
files under resources/catalog/, the core's tables of kinds, actions and slips), so nobody has to
open a JSON file to find a code, and a list shown here is always the one the app checks against.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desk_app import cli_errors, messages
from desk_app.cli_parser import RawDescriptionHelpFormatter
from desk_app.core.errors import DeskError

LISTS = {
    "topics": "lĩnh vực của đơn (topic trong tệp tiếp nhận)",
    "provinces": "tỉnh, thành phố sau sáp nhập 2025 (init --province)",
    "communes": "xã, phường, đặc khu của một tỉnh: codes communes MÃ_TỈNH (init --commune)",
    "refusal": "lý do từ chối tiếp (refusal_reason trong tệp tiếp nhận)",
    "kinds": "loại đơn, hình thức tiếp, kết quả, giấy tờ, thao tác, trạng thái, phiếu…",
    "officers": "cán bộ tiếp công dân của cơ quan (--officer, officer_id)",
    "bodies": "danh bạ cơ quan hướng dẫn, chuyển đơn đến (--body, source_body) và số lần đã dùng",
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    menu = "\n".join(f"  {name:<10} {what}" for name, what in LISTS.items())
    p = sub.add_parser(
        "codes", help="tra các mã dùng trong lệnh và tệp tiếp nhận (lĩnh vực, tỉnh, xã, lý do…)",
        description=f"In danh sách mã kèm tên tiếng Việt.\n\nDANH_SÁCH:\n{menu}",
        formatter_class=RawDescriptionHelpFormatter)
    p.add_argument("list", nargs="?", choices=tuple(LISTS), metavar="DANH_SÁCH",
                   help="danh sách cần xem (xem ở trên); không ghi thì in danh mục này")
    p.add_argument("province", nargs="?", type=cli_errors.CODE, metavar="MÃ_TỈNH",
                   help="mã tỉnh, cho danh sách communes")


Row = dict[str, object]


def _topics(args) -> list[Row]:
    from desk_app.core import catalog

    return [{"code": t.code, "name": t.name} for t in catalog.topics()]


def _provinces(args) -> list[Row]:
    from desk_app.core import catalog

    return [{"code": int(p.code), "name": p.name} for p in catalog.provinces()]


def _communes(args) -> list[Row]:
    from desk_app.core import catalog

    if args.province is None:
        raise DeskError(messages.CODES_PROVINCE_REQUIRED)
    if catalog.province_name(args.province) is None:
        raise DeskError(messages.PROVINCE_UNKNOWN.format(code=args.province))
    return [{"code": int(c.code), "name": c.name} for c in catalog.communes(args.province)]


def _refusal(args) -> list[Row]:
    from desk_app.core import catalog

    return [{"code": r.code, "name": r.name, "basis": r.basis, "form_01": r.needs_form_01}
            for r in catalog.refusal_reasons()]


def _kinds(args) -> dict[str, list[Row]]:
    from desk_app.core import catalog
    from desk_app.core.cases.labels import FLAGS, VIEWS
    from desk_app.core.cases.lifecycle import ACTIONS, CLI_ACTIONS, STATUS_LABELS
    from desk_app.core.documents.slips import SLIPS
    from desk_app.core.model import Sex

    def rows(labels) -> list[Row]:
        return [{"code": str(code), "name": name} for code, name in labels.items()]

    return {
        "petition_kind": rows(catalog.PETITION_KIND_LABELS),
        "reception_kind": rows(catalog.RECEPTION_KIND_LABELS),
        "outcome": rows(catalog.OUTCOME_LABELS),
        "channel": [{"code": c.code, "name": c.name} for c in catalog.channels()],
        "agent_role": rows(catalog.AGENT_ROLE_LABELS),
        "id_kind": rows(catalog.ID_KIND_LABELS),
        "sex": [{"code": str(s), "name": str(s)} for s in Sex],
        "copy": rows(catalog.COPY_LABELS),
        "view": rows(VIEWS),
        "flag": [{"code": code, "name": name} for code, (_bit, name) in FLAGS.items()],
        "action": [{"code": str(code), "name": ACTIONS[code].label} for code in CLI_ACTIONS],
        "status": rows(STATUS_LABELS),
        "slip": [{"code": code, "name": s.subject} for code, s in SLIPS.items()],
    }


# What each group of `kinds` is called and where its codes go.
KIND_TITLES = {
    "petition_kind": "Loại đơn (petition_kind, kind; deadline --kind)",
    "reception_kind": "Hình thức tiếp (reception_kind)",
    "outcome": "Kết quả tiếp (outcome)",
    "channel": "Cách tiếp nhận đơn (channel)",
    "agent_role": "Tư cách người trình bày thay (agent_role)",
    "id_kind": "Loại giấy tờ (person.id_kind)",
    "sex": "Giới tính (person.sex)",
    "copy": "Bản gốc, bản sao (documents[].copy)",
    "view": "Danh sách theo dõi (cases --view)",
    "flag": "Dấu hiệu vụ việc (cases --flag)",
    "action": "Thao tác xử lý vụ việc (case --act)",
    "status": "Trạng thái vụ việc",
    "slip": "Loại phiếu, thông báo (slip LOẠI)",
}


def _officers(args, open_db: Callable) -> list[Row]:
    from desk_app.core.storage.office import officers, require_office

    db = open_db(args)
    require_office(db)
    return [{"code": o.id, "name": o.full_name, "position": o.position}
            for o in officers(db, active_only=False)]


def _bodies(args, open_db: Callable) -> list[Row]:
    """The office's directory (resources/catalog/bodies.json and the administrator's edits),
    each with how often petitions went there in any spelling, then names used that are not in
    the directory."""
    from desk_app.core.bodies import body_key, directory
    from desk_app.core.storage.office import require_office

    db = open_db(args)
    require_office(db)
    entries = directory(db)
    keys = {k: b.code for b in entries for k in b.name_keys()}
    times: dict[str, int] = {}
    others: dict[str, int] = {}
    # A visit guided or transferred at the desk opens its case with that event, so the case
    # events hold every guidance and transfer once.
    sql = ("SELECT body, COUNT(*) FROM case_events WHERE body <> '' AND action IN"
           " ('transfer', 'guide', 'mediate') GROUP BY body")
    for body, n in db.execute(sql):
        code = keys.get(body_key(body))
        if code is None:
            others[body] = others.get(body, 0) + n
        else:
            times[code] = times.get(code, 0) + n
    rows: list[Row] = [{"code": b.code, "name": b.name, "address": b.address, "kind": b.kind,
                        "times": times.get(b.code, 0)} for b in entries]
    rows += [{"code": None, "name": name, "address": "", "kind": "", "times": n}
             for name, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))]
    return rows


def cmd_codes(args, open_db: Callable, emit: Callable) -> int:
    """`open_db(args)` opens the office database (only officers and bodies need it)."""
    if args.list is None:
        emit([{"list": name, "what": what} for name, what in LISTS.items()],
             ["Danh sách mã (desk-app codes DANH_SÁCH):"]
             + [f"  {name:<10} {what}" for name, what in LISTS.items()])
        return 0
    if args.province is not None and args.list != "communes":
        raise DeskError(messages.CODES_PROVINCE_ONLY_COMMUNES)
    if args.list == "kinds":
        groups = _kinds(args)
        lines: list[str] = []
        for key, items in groups.items():
            lines += ([""] if lines else []) + [f"{KIND_TITLES[key]}:"]
            lines += [f"  {r['code']:<24} {r['name']}" for r in items]
        emit(groups, lines)
        return 0
    if args.list in ("officers", "bodies"):
        rows = (_officers if args.list == "officers" else _bodies)(args, open_db)
    else:
        rows = {"topics": _topics, "provinces": _provinces, "communes": _communes,
                "refusal": _refusal}[args.list](args)
    if args.list == "bodies":
        lines = [f"{r['code'] or '(ngoài danh bạ)':<24} {r['times']:>4} lần  {r['name']}"
                 + (f" — {r['address']}" if r["address"] else "") for r in rows]
        lines = lines or [messages.CODES_NO_BODIES]
    elif args.list == "refusal":
        lines = [f"{r['code']:<26} {r['name']} ({r['basis']}"
                 + ("; thông báo mẫu 01/TCD" if r["form_01"] else "") + ")" for r in rows]
    elif args.list == "officers":
        lines = [f"{r['code']:>4}  {r['name']}" + (f" — {r['position']}" if r["position"] else "")
                 for r in rows]
    else:
        lines = [f"{r['code']!s:<20} {r['name']}" for r in rows]
    emit(rows, lines)
    return 0
