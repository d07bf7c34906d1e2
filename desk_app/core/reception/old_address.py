"""Old addresses (before the 2025 reform: commune, district, province) → the new commune.

ID cards issued before 01/07/2025 carry the old address with its district; the office records
the new commune (`commune_code`, vietnam-provinces) and keeps the old address as written. This
module suggests the new commune from the old text, offline, from the official old → new mapping
that `vietnam-address-converter` ships (its table of 10,358 rows: old province / district /
commune → new province / commune, version 10/2025).

We read that package's data but not its matcher: its converter takes ~18 s to load and ~25 s
more on its first address on the development machine (benchmarks/bench_channels.py), while the
index here builds in under half a second. Build it off the GUI thread anyway (`warm_up`); every
later lookup is a few dictionary probes.

A commune split between several new ones (a merger that divided it) gives several candidates
and no single suggestion: the officer picks. An address whose commune is not found gives the
candidates of its district, or nothing.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desk_app.core import catalog
from desk_app.core.text import clean, fold

# Unit words before a name, longest first ("thi xa" before "xa"); folded.
_PROVINCE_WORDS = ("thanh pho", "tinh", "tp", "t")
_DISTRICT_WORDS = ("thanh pho", "thi xa", "huyen", "quan", "tp", "tx", "h", "q")
_WARD_WORDS = ("thi tran", "phuong", "xa", "tt", "p", "x")
_ALL_WORDS = ("thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "tinh", "xa",
              "tp", "tx", "tt")
# Names people write for a province other than its own.
_PROVINCE_ALIASES = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh",
                     "hn": "ha noi", "thua thien hue": "thua thien hue", "hue": "thua thien hue",
                     "brvt": "ba ria vung tau", "ba ria vung tau": "ba ria vung tau"}
_SEPARATORS = re.compile(r"\s*(?:,|;|\s-\s|\n)\s*")
_BREAK_BEFORE = re.compile(r"(?<=\S)\s+(?=(?:" + "|".join(_ALL_WORDS) + r")\.?\s)")
_SQUASH = re.compile(r"[^0-9a-z]+")


def _squash(text: str) -> str:
    return _SQUASH.sub("", text)


def _name(part: str, words: tuple[str, ...]) -> str:
    """A folded part without its unit word: "tp. bac ninh" → "bac ninh"; "p.03" → "3"."""
    text = part.replace(".", ". ").strip()
    for word in words:
        for lead in (word + ". ", word + " "):
            if text.startswith(lead):
                text = text[len(lead):].strip()
                break
        else:
            continue
        break
    text = " ".join(text.replace(".", " ").split())
    return str(int(text)) if text.isdigit() else text


@dataclass(frozen=True)
class Suggestion:
    commune_code: int | None  # the new commune when exactly one fits
    candidates: tuple[int, ...]  # every new commune the old address may now belong to
    old_province: str = ""  # what was recognised, as the mapping names them
    old_district: str = ""
    old_ward: str = ""

    @property
    def label(self) -> str:
        return catalog.commune_label(self.commune_code) if self.commune_code else ""


@dataclass
class _Index:
    provinces: dict[str, str]  # squashed key → province key
    districts: dict[str, dict[str, str]]  # province → squashed district key → key
    wards: dict[tuple[str, str], dict[str, str]]  # (province, district) → squashed → key
    wards_in_province: dict[str, dict[str, set[str]]]  # province → squashed ward → districts
    new: dict[tuple[str, str, str], list[int]]  # (province, district, ward) → new codes
    by_district: dict[tuple[str, str], list[int]]


def _new_codes() -> dict[str, int]:
    """(squashed province + "|" + squashed commune) → vietnam-provinces commune code."""
    provinces, communes = catalog._units()
    return {f"{_squash(fold(catalog.proper_name(provinces[p])))}|"
            f"{_squash(fold(catalog.proper_name(name)))}": code
            for code, (name, p) in communes.items()}


_lock = threading.Lock()


def _mapping_rows() -> Iterator[dict]:
    """The rows of the package's old → new table, parsed a few hundred at a time.

    The package holds its data as one 10 MB JSON string that `json.loads` parses in a single
    call of ~0.4 s, holding the interpreter lock throughout: the GUI thread would stall for
    that long even with the index built on a worker thread (benchmarks/bench_channels.py).
    Parsed in slices, the lock is released between them. Any surprise in the file's shape
    falls back to the package's own import.
    """
    try:
        # The top-level spec, not "….data": finding a submodule imports its package, whose
        # __init__ imports the whole table the slow way.
        spec = importlib.util.find_spec("vietnam_address_converter")
        if spec is None or spec.origin is None:
            raise ValueError("no package")
        text = (Path(spec.origin).parent / "data.py").read_text("utf-8")
        start = text.index('"rows":[{') + len('"rows":[')
        end = text.index('}],"', start) + 1
        # A Python-escaped apostrophe ("Cư M\'gar") is the only escape the table has.
        body = text[start:end].replace("\\'", "'")
        if "\\" in body:
            raise ValueError("escapes")
        rows = body.split('},{"old":')
        parsed: list[dict] = []
        for first in range(0, len(rows), 250):
            chunk = '},{"old":'.join(rows[first:first + 250])
            if first:
                chunk = '{"old":' + chunk
            if first + 250 < len(rows):
                chunk += "}"
            parsed.extend(json.loads(f"[{chunk}]"))
        if not parsed or "keys" not in parsed[0]:
            raise ValueError("shape")
        yield from parsed
    except (OSError, ValueError, ImportError):
        from vietnam_address_converter.data import (  # type: ignore[import-untyped]
            DEFAULT_DATA,
        )

        yield from DEFAULT_DATA["mapping"]["rows"]


@cache
def _build() -> _Index:
    codes = _new_codes()
    provinces: dict[str, str] = {}
    districts: dict[str, dict[str, str]] = defaultdict(dict)
    wards: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    in_province: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    new: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    by_district: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in _mapping_rows():
        keys = row["keys"]
        p, d, w = keys["old_province_name"], keys["old_district_name"], keys["old_ward_name"]
        d, w = (str(int(x)) if x.isdigit() else x for x in (d, w))
        provinces[_squash(p)] = p
        districts[p][_squash(d)] = d
        wards[(p, d)][_squash(w)] = w
        in_province[p][_squash(w)].add(d)
        code = codes.get(f"{_squash(keys['new_province_name'])}|{_squash(keys['new_ward_name'])}")
        if code is not None:
            if code not in new[(p, d, w)]:
                new[(p, d, w)].append(code)
            if code not in by_district[(p, d)]:
                by_district[(p, d)].append(code)
    for alias, target in _PROVINCE_ALIASES.items():
        if target in provinces.values():
            provinces.setdefault(_squash(alias), target)
    return _Index(provinces, dict(districts), dict(wards),
                  {k: dict(v) for k, v in in_province.items()}, dict(new), dict(by_district))


def warm_up() -> None:
    """Build the index (about a second; call it off the GUI thread)."""
    with _lock:
        _build()


def is_loaded() -> bool:
    return _build.cache_info().currsize > 0


def _parts(address: str) -> list[str]:
    text = fold(clean(address))
    out: list[str] = []
    for chunk in _SEPARATORS.split(text):
        out.extend(p for p in _BREAK_BEFORE.split(chunk) if p.strip())
    return [p.strip() for p in out]


def suggest(address: str) -> Suggestion:
    """The new commune(s) for an old address; empty candidates when nothing is recognised."""
    with _lock:
        idx = _build()
    parts = _parts(address)
    if not parts:
        return Suggestion(None, ())
    # The province: the last part that names one (with or without its unit word).
    province, rest = None, parts
    for i in range(len(parts) - 1, -1, -1):
        key = _squash(_name(parts[i], _PROVINCE_WORDS))
        if key in idx.provinces:
            province, rest = idx.provinces[key], parts[:i]
            break
    if province is None:
        return Suggestion(None, ())
    # The district: the last part before it that names one of the province's districts.
    district, before = None, rest
    for i in range(len(rest) - 1, -1, -1):
        key = _squash(_name(rest[i], _DISTRICT_WORDS))
        if key in idx.districts.get(province, {}):
            district, before = idx.districts[province][key], rest[:i]
            break
    ward = None
    for i in range(len(before) - 1, -1, -1):
        key = _squash(_name(before[i], _WARD_WORDS))
        if district is not None and key in idx.wards.get((province, district), {}):
            ward = idx.wards[(province, district)][key]
            break
        if district is None:
            # No district written ("phường Vũ Ninh, Bắc Ninh"): the ward name alone, if only
            # one district of the province has it.
            found = idx.wards_in_province.get(province, {}).get(key)
            if found and len(found) == 1:
                district = next(iter(found))
                ward = idx.wards[(province, district)][key]
                break
    if district is None:
        return Suggestion(None, (), province)
    if ward is None:
        return Suggestion(None, tuple(idx.by_district.get((province, district), ())), province,
                          district)
    candidates = tuple(idx.new.get((province, district, ward), ()))
    return Suggestion(candidates[0] if len(candidates) == 1 else None, candidates, province,
                      district, ward)
