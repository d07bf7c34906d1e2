"""The office this database belongs to, and its reception officers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Office:
    uuid: str
    office_code: str
    province_code: int
    commune_code: int
    name: str  # as printed: "Ủy ban nhân dân phường Nhân Hòa"
    parent_name: str  # the body above it: "Ủy ban nhân dân tỉnh Bắc Ninh"
    place_name: str  # for "Nhân Hòa, ngày … tháng … năm …"
    remote_area: bool
    province_name: str
    commune_name: str


@dataclass(frozen=True)
class Officer:
    id: int
    full_name: str
    position: str
    active: bool


def _place_of(commune_name: str) -> str:
    for prefix in ("Phường ", "Xã ", "Đặc khu "):
        if commune_name.startswith(prefix):
            return commune_name[len(prefix):]
    return commune_name


def default_names(province_code: int, commune_code: int) -> tuple[str, str, str]:
    """(office name, parent body, place name) as a new office would print them."""
    province = catalog.province_name(province_code) or ""
    found = catalog.commune(commune_code)
    commune = found[0] if found else ""
    lower = commune[:1].lower() + commune[1:]
    province_plain = province.removeprefix("Thành phố ")
    parent = ("Ủy ban nhân dân thành phố " if province.startswith("Thành phố ") else
              "Ủy ban nhân dân tỉnh ") + province_plain
    return f"Ủy ban nhân dân {lower}", parent, _place_of(commune)


def check_units(province_code: int, commune_code: int) -> None:
    """The commune must be a post-2025 unit of that province."""
    if catalog.province_name(province_code) is None:
        raise DeskError(messages.PROVINCE_UNKNOWN.format(code=province_code), field="province")
    found = catalog.commune(commune_code)
    if found is None:
        raise DeskError(messages.COMMUNE_UNKNOWN.format(code=commune_code), field="commune")
    if found[1] != province_code:
        raise DeskError(messages.COMMUNE_NOT_IN_PROVINCE.format(
            commune=commune_code, province=province_code), field="commune")


def init_office(db: Database, province_code: int, commune_code: int, *, name: str = "",
                parent_name: str = "", remote_area: bool = False,
                officers: tuple[tuple[str, str], ...] = (), now: datetime | None = None) -> Office:
    check_units(province_code, commune_code)
    if db.execute("SELECT 1 FROM office").fetchone():
        raise DeskError(messages.OFFICE_EXISTS)
    default_name, default_parent, place = default_names(province_code, commune_code)
    now = now or datetime.now()
    with db.atomic():
        db.table("office").insert({
            "id": 1, "uuid": uuids.new_text(),
            "office_code": f"{province_code:02d}-{commune_code:05d}",
            "province_code": province_code, "commune_code": commune_code,
            "name": clean(name) or default_name, "parent_name": clean(parent_name) or default_parent,
            "place_name": place, "remote_area": int(remote_area),
            "created_at": now.isoformat(timespec="seconds"),
        })
        for full_name, position in officers:
            add_officer(db, full_name, position)
    return require_office(db)


def get_office(db: Database) -> Office | None:
    row = rows.one(
        db, "SELECT uuid, office_code, province_code, commune_code, name, parent_name,"
            " place_name, remote_area FROM office WHERE id = 1")
    if row is None:
        return None
    found = catalog.commune(row["commune_code"])
    return Office(**{**row, "remote_area": bool(row["remote_area"])},
                  province_name=catalog.province_name(row["province_code"]) or "",
                  commune_name=found[0] if found else "")


def require_office(db: Database) -> Office:
    office = get_office(db)
    if office is None:
        raise DeskError(messages.OFFICE_MISSING)
    return office


def update_office(db: Database, *, name: str, parent_name: str, remote_area: bool) -> bool:
    """Change what the office prints about itself and whether it is a remote area. Returns
    True when the remote-area flag changed: the due dates of every case then change too, and
    the caller recomputes them (in the same transaction)."""
    office = require_office(db)
    name, parent_name = clean(name), clean(parent_name)
    if not name:
        raise DeskError(messages.OFFICE_NAME_REQUIRED, field="name")
    if not parent_name:
        raise DeskError(messages.OFFICE_PARENT_REQUIRED, field="parent_name")
    with db.atomic():
        db.execute("UPDATE office SET name = ?, parent_name = ?, remote_area = ? WHERE id = 1",
                   [name, parent_name, int(remote_area)])
    return office.remote_area != bool(remote_area)


def add_officer(db: Database, full_name: str, position: str = "") -> int:
    full_name = clean(full_name)
    if not full_name:
        raise DeskError(messages.OFFICER_NAME_REQUIRED, field="officer")
    return cast(int, db.table("officers").insert({"full_name": full_name, "position": clean(position)}).last_pk)


def officers(db: Database, *, active_only: bool = True) -> list[Officer]:
    sql = "SELECT id, full_name, position, active FROM officers"
    if active_only:
        sql += " WHERE active = 1"
    return [Officer(**{**r, "active": bool(r["active"])})
            for r in rows.every(db, sql + " ORDER BY id")]
