"""Catalogues the forms pick from: units (vietnam-provinces), topics, refusal reasons, labels."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from desk_app.core.model import AgentRole, DocCopy, IdKind, Outcome, PetitionKind, ReceptionKind
from desk_app.core.text import sort_key
from desk_app.paths import resources_dir

# Keyed by the StrEnum members, which are also their str codes: look up with either.
PETITION_KIND_LABELS: dict[str, str] = {
    PetitionKind.KHIEU_NAI: "Khiếu nại",
    PetitionKind.TO_CAO: "Tố cáo",
    PetitionKind.KIEN_NGHI: "Kiến nghị",
    PetitionKind.PHAN_ANH: "Phản ánh",
}
RECEPTION_KIND_LABELS = {
    ReceptionKind.THUONG_XUYEN: "Thường xuyên",
    ReceptionKind.DINH_KY: "Định kỳ (Chủ tịch)",
    ReceptionKind.DOT_XUAT: "Đột xuất",
    ReceptionKind.TRUC_TUYEN: "Trực tuyến",
}
OUTCOME_LABELS = {
    Outcome.ACCEPTED: "Tiếp nhận để xử lý",
    Outcome.GUIDED: "Hướng dẫn đến cơ quan có thẩm quyền",
    Outcome.TRANSFERRED: "Chuyển đơn",
    Outcome.REFUSED: "Từ chối tiếp",
    Outcome.MEDIATION: "Chuyển tổ hòa giải ở cơ sở",
}
ID_KIND_LABELS = {
    IdKind.CCCD: "Căn cước công dân (CCCD)",
    IdKind.CAN_CUOC: "Thẻ căn cước (từ 01/07/2024)",
    IdKind.CMND: "CMND (9 số)",
    IdKind.GIAY_CHUNG_NHAN: "Giấy chứng nhận căn cước",
    IdKind.HO_CHIEU: "Hộ chiếu",
    IdKind.KHAC: "Giấy tờ khác",
    IdKind.KHONG: "Không xuất trình giấy tờ",
}
# Someone presenting on another's behalf (not a crowd's representatives, art. 30).
AGENT_ROLE_LABELS: dict[str, str] = {
    AgentRole.UY_QUYEN: "Người được ủy quyền",
    AgentRole.LUAT_SU: "Luật sư",
    AgentRole.TRO_GIUP_PHAP_LY: "Trợ giúp viên pháp lý",
    AgentRole.GIAM_HO: "Người giám hộ, đại diện theo pháp luật",
}

# Original or copy of a paper handed in (form 02/TCD's last column), as the receipt prints it.
COPY_LABELS: dict[str, str] = {
    DocCopy.ORIGINAL: "Bản gốc",
    DocCopy.PHOTOCOPY: "Bản sao",
    DocCopy.CERTIFIED: "Bản sao có chứng thực",
}


def document_line(name: str, pages: int, condition: str, copy: str) -> str:
    """One paper handed in, as the record and case windows list it."""
    return (f"{name} — {pages} trang, {COPY_LABELS.get(copy, copy).lower()}"
            + (f", {condition}" if condition else ""))


@dataclass(frozen=True)
class Item:
    code: str
    name: str


@dataclass(frozen=True)
class RefusalReason:
    code: str
    name: str
    basis: str  # the ground as cited today
    needs_form_01: bool
    # (from YYYY-MM-DD, basis): the ground a refusal on or after each day cites (before
    # 01/07/2026 the Law on Citizen Reception art. 9, after it Decree 154/2026 art. 4).
    bases: tuple[tuple[str, str], ...] = ()

    def basis_on(self, day: date) -> str:
        """The legal ground a refusal on `day` cites."""
        found = [basis for start, basis in self.bases if start <= day.isoformat()]
        return found[-1] if found else self.basis


def _load(name: str) -> dict:
    with open(resources_dir() / "catalog" / name, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def topics() -> tuple[Item, ...]:
    return tuple(Item(t["code"], t["name"]) for t in _load("topics.json")["topics"])


@cache
def refusal_reasons() -> tuple[RefusalReason, ...]:
    return tuple(
        RefusalReason(r["code"], r["name"], r["basis"], r["form_01"],
                      tuple(sorted((r.get("bases") or {}).items())))
        for r in _load("refusal_reasons.json")["reasons"]
    )


@dataclass(frozen=True)
class ChannelInfo:
    code: str
    name: str
    short: str
    visit: bool  # a reception: log book 03/TCD; otherwise the book of petitions received
    acknowledgement: str  # bien_nhan_02 | bao_nhan_don | none
    fields: tuple[str, ...]


@cache
def channels() -> tuple[ChannelInfo, ...]:
    return tuple(ChannelInfo(c["code"], c["name"], c["short"], bool(c["visit"]),
                             c["acknowledgement"], tuple(c.get("fields", ())))
                 for c in _load("channels.json")["channels"])


def channel(code: str) -> ChannelInfo | None:
    return next((c for c in channels() if c.code == code), None)


def channel_name(code: str) -> str:
    found = channel(code)
    return found.name if found else code


def topic_name(code: str) -> str:
    return next((t.name for t in topics() if t.code == code), code)


@cache
def _units() -> tuple[dict[int, str], dict[int, tuple[str, int]]]:
    """Provinces {code: name} and communes {code: (name, province code)} after the 2025 reform.

    Read from vietnam-provinces' own data file: importing the package builds an enum of
    3,321 members, which alone would double the app's start-up time.
    """
    spec = importlib.util.find_spec("vietnam_provinces")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnam-provinces is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with open(folder / "data" / "nested-divisions.json", encoding="utf-8") as fh:
        nested = json.load(fh)
    # A few names carry a doubled space in the package's data ("Phường  Tân Lập"): printed
    # on receipts and slips, they are written with one.
    provinces_ = {p["code"]: " ".join(p["name"].split()) for p in nested}
    communes_ = {w["code"]: (" ".join(w["name"].split()), p["code"])
                 for p in nested for w in p["wards"]}
    return provinces_, communes_


@cache
def provinces() -> tuple[Item, ...]:
    return tuple(Item(str(code), name) for code, name in sorted(_units()[0].items()))


@cache
def communes(province_code: int) -> tuple[Item, ...]:
    return tuple(sorted((Item(str(code), name) for code, (name, province) in _units()[1].items()
                         if province == province_code), key=lambda i: i.name))


UNIT_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


def proper_name(unit_name: str) -> str:
    """"Phường Nhân Hòa" → "Nhân Hòa": what a unit is looked up and sorted by."""
    for prefix in UNIT_PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix):]
    return unit_name


def unit_sort_key(unit_name: str) -> str:
    """Vietnamese order of the proper name ("Cảnh Thụy" before "Chũ", "Đông" after "Dương"),
    then of the kind of unit."""
    return sort_key(proper_name(unit_name)) + "\x00" + sort_key(unit_name)


def province_name(code: int) -> str | None:
    return _units()[0].get(code)


def commune(code: int) -> tuple[str, int] | None:
    """(name, province code) of a post-2025 commune, or None if the code is unknown."""
    return _units()[1].get(code)


def commune_label(code: int | None) -> str:
    found = commune(code) if code else None
    if not found:
        return ""
    name, province = found
    return f"{name}, {province_name(province)}"
