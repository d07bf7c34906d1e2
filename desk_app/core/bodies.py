"""The directory of bodies a ward guides citizens towards or transfers petitions to.

The shipped entries are data (`resources/catalog/bodies.json`: the demo province's departments,
courts, police, inspectorate and reception committee after the 2025 reform, and generic entries
any office can use); the office's administrator adds, corrects or hides entries, kept in the
`bodies` table (migration 0016) under the same codes. The intake and the case window offer them
with autocomplete; transfer slips print the body's name and address from here.

`body_key` makes one body recognisable across spellings: "UBND tỉnh Bắc Ninh", "Ủy ban nhân dân
tỉnh Bắc Ninh" and "uy ban nhan dan tinh Bac Ninh" are one key, so the check against transferring
the same content twice (core/cases/tracking.py) sees the same body however it was typed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import limits
from desk_app.core.errors import DeskError
from desk_app.core.text import clean, fold, matches, sort_key
from desk_app.paths import resources_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

# Abbreviations people write for the words of a body's name (folded, one token each).
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tand": "toa an nhan dan",
    "vksnd": "vien kiem sat nhan dan", "vks": "vien kiem sat", "ca": "cong an",
    "tp": "thanh pho", "btcd": "ban tiep cong dan", "tcd": "tiep cong dan",
    "mttq": "mat tran to quoc", "ttr": "thanh tra", "kv": "khu vuc", "ct": "chu tich",
    "tnmt": "tai nguyen moi truong", "tn": "tai nguyen", "mt": "moi truong",
    "nnmt": "nong nghiep moi truong", "nn": "nong nghiep", "gddt": "giao duc dao tao",
    "gd": "giao duc", "dt": "dao tao", "ldtbxh": "lao dong thuong binh xa hoi",
    "gtvt": "giao thong van tai", "khcn": "khoa hoc cong nghe", "vhttdl":
    "van hoa the thao du lich", "htx": "hop tac xa",
}
# Words that do not tell two bodies apart ("và", the country in "Mặt trận Tổ quốc Việt Nam").
_FILLER = frozenset({"va", "viet", "nam"})
_SPLIT = re.compile(r"[^0-9a-z]+")
KINDS = {
    "ubnd": "Ủy ban nhân dân", "so": "Sở, ngành", "thanh_tra": "Thanh tra",
    "ban_tiep_cong_dan": "Ban Tiếp công dân", "cong_an": "Công an", "toa_an": "Tòa án",
    "vien_kiem_sat": "Viện kiểm sát", "dan_cu": "Cơ quan dân cử", "doan_the": "Mặt trận, đoàn thể",
    "don_vi_su_nghiep": "Đơn vị sự nghiệp", "hoa_giai": "Tổ hòa giải", "khac": "Khác",
}


def body_key(name: str) -> str:
    """One key per body however its name is spelt: folded, abbreviations written out, "&" and
    punctuation dropped, "và" ignored."""
    words: list[str] = []
    for token in _SPLIT.split(fold(clean(name))):
        if token:
            words.extend(_ABBREVIATIONS.get(token, token).split())
    return " ".join(w for w in words if w not in _FILLER)


@dataclass(frozen=True)
class Body:
    code: str
    name: str
    kind: str = "khac"
    address: str = ""
    aliases: tuple[str, ...] = ()
    province: int | None = None
    office_edited: bool = False  # added or changed by the office (table `bodies`)

    def name_keys(self) -> frozenset[str]:
        return _name_keys((self.name, *self.aliases))


@lru_cache(maxsize=4096)
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    # Every save of a transfer or a forwarded petition looks a name up in the whole
    # directory: the keys are worked out once per spelling, not once per lookup.
    return frozenset(body_key(n) for n in names if n)


@lru_cache(maxsize=64)
def _shipped_for(province: int | None) -> tuple[Body, ...]:
    """The shipped entries an office of `province` sees, in Vietnamese order."""
    return tuple(sorted((b for b in shipped() if b.province is None or b.province == province),
                        key=lambda b: sort_key(b.name)))


@cache
def shipped() -> tuple[Body, ...]:
    with open(resources_dir() / "catalog" / "bodies.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return tuple(Body(b["code"], b["name"], b.get("kind", "khac"), b.get("address", ""),
                      tuple(b.get("aliases", ())), b.get("province"))
                 for b in data["bodies"])


def _office_province(db: Database) -> int | None:
    row = db.execute("SELECT province_code FROM office WHERE id = 1").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def _has_table(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bodies'"
                      ).fetchone() is not None


def directory(db: Database, *, include_hidden: bool = False) -> tuple[Body, ...]:
    """The office's directory in Vietnamese order: shipped entries of its province and the
    generic ones, overlaid by the office's own rows (same code: replaced; hidden: left out)."""
    province = _office_province(db)
    rows = db.execute("SELECT code, name, kind, address, aliases, hidden FROM bodies"
                      ).fetchall() if _has_table(db) else []
    if not rows:  # the usual case: the shipped list as it is, sorted once
        return _shipped_for(province)
    found = {b.code: b for b in _shipped_for(province)}
    for code, name, kind, address, aliases, hidden in rows:
        if hidden and not include_hidden:
            found.pop(code, None)
            continue
        found[code] = Body(code, name, kind, address, tuple(json.loads(aliases or "[]")),
                           province, office_edited=True)
    return tuple(sorted(found.values(), key=lambda b: sort_key(b.name)))


def find(db: Database, name: str, bodies: tuple[Body, ...] | None = None) -> Body | None:
    """The directory entry this name (in any spelling) stands for, or None."""
    key = body_key(name)
    if not key:
        return None
    return next((b for b in (bodies or directory(db)) if key in b.name_keys()), None)


def same_body(db: Database, a: str, b: str, bodies: tuple[Body, ...] | None = None) -> bool:
    """Whether two typed names are one body: the same directory entry, or the same key."""
    key_a, key_b = body_key(a), body_key(b)
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    bodies = bodies if bodies is not None else directory(db)
    found_a, found_b = find(db, a, bodies), find(db, b, bodies)
    return found_a is not None and found_a == found_b


def suggest(db: Database, typed: str, limit: int = 20) -> list[Body]:
    """Entries whose name or an alias has every typed word as the start of a word, tones
    ignored ("so xay" finds "Sở Xây dựng tỉnh Bắc Ninh"; "ubnd tinh" finds the committee)."""
    expanded = body_key(typed) if typed.strip() else ""
    found = []
    for body in directory(db):
        names = (body.name, *body.aliases)
        if any(matches(typed, n) for n in names) or (
                expanded and any(matches(expanded, body_key(n)) for n in names)):
            # Names that start with what was typed come first ("ubnd tinh" → the committee,
            # not its chairperson), then Vietnamese order.
            starts = any(body_key(n).startswith(expanded) for n in names)
            found.append((not starts, sort_key(body.name), body))
    return [body for *_rank, body in sorted(found, key=lambda t: t[:2])][:limit]


def official_name(db: Database, typed: str) -> str:
    """The directory's name for what was typed, or the typed text as it is."""
    found = find(db, typed)
    return found.name if found else clean(typed)


def address_of(db: Database, typed: str) -> str:
    found = find(db, typed)
    return found.address if found else ""


def save_body(db: Database, *, code: str | None, name: str, kind: str = "khac",
              address: str = "", aliases: tuple[str, ...] = (), hidden: bool = False,
              now: datetime | None = None) -> str:
    """Add an entry (code None) or change one, shipped or the office's own; one transaction.
    Returns its code."""
    name = limits.check_text("body_name", name, form_field="name")
    if not name:
        raise DeskError(messages.BODY_NAME_REQUIRED, field="name")
    if kind not in KINDS:
        raise DeskError(messages.BODY_KIND_UNKNOWN.format(kind=kind, choices=", ".join(KINDS)),
                        field="kind")
    address = limits.check_text("body_address", address, form_field="address")
    aliases = tuple(a for a in (limits.check_text("body_name", x, form_field="aliases")
                                for x in aliases) if a)
    known = {b.code: b for b in directory(db, include_hidden=True)}
    if code is not None and code not in known:
        raise DeskError(messages.BODY_UNKNOWN.format(code=code), field="code")
    clash = next((b for b in known.values() if b.code != code
                  and body_key(name) in b.name_keys()), None)
    if clash is not None and not hidden:
        raise DeskError(messages.BODY_DUPLICATE.format(name=name, other=clash.name), field="name")
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    with db.atomic():
        if code is None:
            used = {r[0] for r in db.execute("SELECT code FROM bodies")} | set(known)
            n = 1
            while f"office.{n}" in used:
                n += 1
            code = f"office.{n}"
        db.execute(
            "INSERT INTO bodies (code, name, kind, address, aliases, hidden, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
            " kind = excluded.kind, address = excluded.address, aliases = excluded.aliases,"
            " hidden = excluded.hidden, updated_at = excluded.updated_at",
            [code, name, kind, address, json.dumps(list(aliases), ensure_ascii=False),
             int(hidden), stamp])
    return code
