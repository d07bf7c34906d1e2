"""Table layouts as data (resources/reports/*.json): headers with merged cells, rows, and for
each column the measure and the filter that give its figures, the identities the figures must
satisfy, notes. A province whose template differs gets its own files (a folder passed as
`directory`), not a code change. The format is described in resources/reports/README.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.reports.measures import MEASURES
from desk_app.paths import resources_dir

ROW_KINDS = ("office", "topic", "commune")
_CHECK = re.compile(r"^\s*([\w.]+(?:\s*\+\s*[\w.]+)*)\s*=\s*(.+)$")


@dataclass(frozen=True)
class Column:
    no: int  # the column's number in the template's "MS" row
    label: str
    measure: str
    where: dict[str, Any]
    sum: bool = False  # add up the measure's weight (people) instead of counting records
    verify: bool = False  # the meaning of this column in the official template is unconfirmed


@dataclass(frozen=True)
class HeaderCell:
    row: int
    col: int  # 0 is the unit/row-label column
    rowspan: int
    colspan: int
    text: str


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    where: dict[str, Any]


@dataclass(frozen=True)
class Layout:
    id: str
    code: str  # "Biểu số 01/XLD"
    title: str
    row_label: str  # the heading of the first column ("Đơn vị", "Lĩnh vực", "Địa bàn")
    rows_by: str | None  # office, topic, commune; None: the listed rows
    rows: tuple[RowSpec, ...]  # listed rows (or the split of each office's block)
    columns: tuple[Column, ...]
    header: tuple[HeaderCell, ...]
    header_depth: int
    checks: tuple[tuple[tuple[int, ...], tuple[tuple[int, ...], ...]], ...]
    formulas: dict[int, str]  # column → "1=2+3" as the template's MS row shows it
    notes: tuple[str, ...] = ()
    verify: str = ""
    source: str = ""
    landscape: bool = True
    path: str = field(default="", compare=False)


@dataclass(frozen=True)
class ReportSet:
    title: str  # "BÁO CÁO"
    subject: str  # "Kết quả công tác tiếp công dân, …"
    tables: tuple[Layout, ...]
    checks: tuple[tuple[str, str], ...]  # ("tcd.1", "areas.1"): totals that must agree
    recipients: tuple[str, ...]
    number_format: str


def default_dir() -> Path:
    return resources_dir() / "reports"


def _bad(path: Path, why: str) -> DeskError:
    return DeskError(messages.REPORT_LAYOUT_INVALID.format(path=path.name, why=why))


def _leaves(nodes: list, path: Path) -> list[dict]:
    out = []
    for node in nodes:
        if not isinstance(node, dict) or "label" not in node:
            raise _bad(path, "mỗi cột cần có “label”")
        if "children" in node:
            out += _leaves(node["children"], path)
        else:
            out.append(node)
    return out


def _depth(nodes: list) -> int:
    return max(1 + (_depth(n["children"]) if "children" in n else 0) for n in nodes)


def _header(nodes: list, depth: int, row_label: str) -> list[HeaderCell]:
    cells = [HeaderCell(0, 0, depth, 1, row_label)]

    def place(items: list, row: int, col: int) -> int:
        for node in items:
            if "children" in node:
                width = len(_leaves(node["children"], Path("")))
                cells.append(HeaderCell(row, col, 1, width, node["label"]))
                place(node["children"], row + 1, col)
                col += width
            else:
                cells.append(HeaderCell(row, col, depth - row, 1, node["label"]))
                col += 1
        return col

    place(nodes, 0, 1)
    return cells


def _check_where(where: object, dims: tuple[str, ...], path: Path, what: str) -> dict:
    if not isinstance(where, dict):
        raise _bad(path, f"{what}: “where” phải là một đối tượng")
    unknown = set(where) - set(dims)
    if unknown:
        raise _bad(path, f"{what}: số đo không chia được theo {', '.join(sorted(unknown))}")
    return dict(where)


def _parse_check(text: str, numbers: set[int], path: Path):
    found = _CHECK.match(text)
    if not found:
        raise _bad(path, f"đẳng thức “{text}” không đúng dạng “1 = 2 + 3”")

    def side(part: str) -> tuple[int, ...]:
        try:
            values = tuple(int(x) for x in part.replace(" ", "").split("+"))
        except ValueError:
            raise _bad(path, f"đẳng thức “{text}” chỉ ghi số cột") from None
        if not set(values) <= numbers:
            raise _bad(path, f"đẳng thức “{text}” ghi cột không có")
        return values

    left = side(found.group(1))
    rights = tuple(side(p) for p in found.group(2).split("="))
    return left, rights


def load_layout(path: Path) -> Layout:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _bad(path, str(exc)) from None
    for key in ("id", "title", "columns"):
        if key not in raw:
            raise _bad(path, f"thiếu “{key}”")
    leaves = _leaves(raw["columns"], path)
    columns = []
    for leaf in leaves:
        what = f"cột “{leaf['label']}”"
        measure = MEASURES.get(leaf.get("m", ""))
        if measure is None or not isinstance(leaf.get("no"), int):
            raise _bad(path, f"{what}: cần “no” (số cột) và “m” (tên số đo có trong measures.py)")
        where = _check_where(leaf.get("where", {}), measure.dims, path, what)
        if leaf.get("sum") and not measure.weight:
            raise _bad(path, f"{what}: số đo {measure.name} không có gì để cộng")
        columns.append(Column(leaf["no"], leaf["label"], measure.name, where,
                              bool(leaf.get("sum")), bool(leaf.get("verify"))))
    numbers = [c.no for c in columns]
    if len(set(numbers)) != len(numbers):
        raise _bad(path, "số cột bị trùng")
    rows_raw = raw.get("rows", {"by": "office"})
    rows_by = rows_raw.get("by")
    if rows_by is not None and rows_by not in ROW_KINDS:
        raise _bad(path, f"“rows.by” chỉ nhận {', '.join(ROW_KINDS)}")
    specs = tuple(RowSpec(r["key"], r["label"], r.get("where", {}))
                  for r in rows_raw.get("list", rows_raw.get("split", [])))
    row_dims = {rows_by} - {None, "office"}
    for spec in specs:
        row_dims |= set(spec.where)
    for column in columns:
        missing = row_dims - set(MEASURES[column.measure].dims)
        if missing:
            raise _bad(path, f"cột {column.no}: số đo {column.measure} không chia được theo "
                             f"{', '.join(sorted(missing))}")
    checks = tuple(_parse_check(text, set(numbers), path) for text in raw.get("checks", []))
    formulas = {}
    for left, rights in checks:
        if len(left) == 1 and left[0] not in formulas:
            formulas[left[0]] = f"{left[0]}=" + "=".join("+".join(map(str, r)) for r in rights)
    depth = _depth(raw["columns"])
    row_label = raw.get("row_label", "Đơn vị")
    return Layout(
        id=raw["id"], code=raw.get("code", ""), title=raw["title"], row_label=row_label,
        rows_by=rows_by, rows=specs, columns=tuple(columns),
        header=tuple(_header(raw["columns"], depth, row_label)), header_depth=depth,
        checks=checks, formulas=formulas, notes=tuple(raw.get("notes", [])),
        verify=raw.get("verify", ""), source=raw.get("source", ""),
        landscape=bool(raw.get("landscape", True)), path=str(path))


@cache
def _load_set(directory: str) -> ReportSet:
    folder = Path(directory)
    path = folder / "report.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _bad(path, str(exc)) from None
    tables = tuple(load_layout(folder / f"{name}.json") for name in raw["tables"])
    ids = {t.id for t in tables}
    checks = []
    for text in raw.get("checks", []):
        left, _, right = text.partition("=")
        for side in (left, right):
            for term in side.split("+"):
                table, _, column = term.strip().partition(".")
                layout = next((t for t in tables if t.id == table), None)
                if table not in ids or layout is None or not column.isdigit() \
                        or int(column) not in {c.no for c in layout.columns}:
                    raise _bad(path, f"đẳng thức “{text}” ghi cột không có")
        checks.append((left.strip(), right.strip()))
    return ReportSet(title=raw.get("title", "BÁO CÁO"), subject=raw["subject"], tables=tables,
                     checks=tuple(checks), recipients=tuple(raw.get("recipients", [])),
                     number_format=raw.get("number_format", "{seq:02d}/BC-UBND"))


def report_set(directory: str | Path | None = None) -> ReportSet:
    """The tables of the periodic report, from `directory` (default resources/reports)."""
    return _load_set(str(Path(directory) if directory else default_dir()))
