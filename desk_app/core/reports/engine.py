"""Evaluate the report's tables for a period: each measure runs once, grouped by all its
dimensions (SQL `GROUP BY`); each cell adds up the groups its column and row select. The same
SQL, filtered instead of grouped, lists the records behind a cell (explain.py), so a figure
and its list cannot disagree. The identities of each table and across tables are checked on
every run; a failure is reported, never hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import product
from typing import TYPE_CHECKING, Any

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.reception.intake import CROWD_MIN
from desk_app.core.reports.layouts import Layout, ReportSet, RowSpec, report_set
from desk_app.core.reports.measures import MEASURES, Measure
from desk_app.core.reports.periods import Period
from desk_app.core.reports.scope import Scope, scope_of
from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

TOTAL = "tong"
NO_AREA = "none"
NO_AREA_LABEL = "Chưa xác định địa bàn"


class Context:
    """One report's parameters and the grouped results of the measures it has run."""

    def __init__(self, db: Database, period: Period, scope: Scope, now: datetime):
        self.db, self.period, self.scope, self.now = db, period, scope, now
        self._params: dict[str, Any] = {
            **scope.params(), "start": period.start.isoformat(), "end": period.end.isoformat(),
            "next": period.next_day.isoformat(), "crowd_min": CROWD_MIN}
        self._groups: dict[str, list[tuple]] = {}
        # (measure, dimensions) → {their values: [count, weight]}
        self._projections: dict[tuple[str, tuple[str, ...]], dict[tuple, list[int]]] = {}

    @property
    def base_params(self) -> dict[str, Any]:
        return self._params

    def params(self, measure: Measure) -> dict[str, Any]:
        for name in measure.needs:
            if name not in self._params:
                self._params[name] = self._prepare(name)
        return self._params

    def _prepare(self, name: str) -> Any:
        if name == "head":
            from desk_app.core.schedule.hosts import head_officer_id

            head = head_officer_id(self.db)
            return -1 if head is None else head
        if name == "now":
            return self.now.isoformat(timespec="seconds")
        raise KeyError(name)

    def sql(self, measure: Measure) -> str:
        assert measure.sql is not None
        return self.scope.expand(measure.sql)

    def groups(self, measure: Measure) -> list[tuple]:
        """(dims…, count, weight) of every combination of the measure's dimensions."""
        found = self._groups.get(measure.name)
        if found is None:
            if measure.rows is not None:
                counts: Counter = Counter()
                weights: Counter = Counter()
                for row in measure.rows(self.db, self.scope, self.period, self.now):
                    counts[row[1:-1]] += 1
                    weights[row[1:-1]] += row[-1]
                found = [(*k, n, weights[k]) for k, n in counts.items()]
            else:
                dims = ", ".join(measure.dims)
                found = [tuple(r) for r in self.db.execute(
                    f"SELECT {dims}, COUNT(*), SUM(weight) FROM ({self.sql(measure)})"
                    f" GROUP BY {dims}", self.params(measure))]
            if self.scope.offices:
                at = measure.dims.index("office")
                found = [g for g in found if g[at] in self.scope.offices]
            self._groups[measure.name] = found
        return found

    def value(self, measure: Measure, where: dict[str, Any], summed: bool) -> int:
        if measure.parent:
            return self.value(MEASURES[measure.parent], {**where, **measure.parent_where},
                              summed)
        keys = tuple(sorted(where))
        totals = self._projection(measure, keys)
        choices = [where[k] if isinstance(where[k], list) else [where[k]] for k in keys]
        at = 1 if summed else 0
        return sum(totals[combo][at] for combo in product(*choices) if combo in totals)

    def _projection(self, measure: Measure, keys: tuple[str, ...]) -> dict[tuple, list[int]]:
        """(count, weight) of the groups by the values of `keys` only: a cell is then a lookup
        per value it selects, whatever the number of groups."""
        found = self._projections.get((measure.name, keys))
        if found is None:
            at = [measure.dims.index(k) for k in keys]
            found = {}
            for group in self.groups(measure):
                key = tuple(group[i] for i in at)
                totals = found.setdefault(key, [0, 0])
                totals[0] += group[-2]
                totals[1] += group[-1] or 0
            self._projections[(measure.name, keys)] = found
        return found

    def values_of(self, measure: Measure, dim: str) -> set:
        if measure.parent:
            return self.values_of(MEASURES[measure.parent], dim)
        at = measure.dims.index(dim)
        return {g[at] for g in self.groups(measure)}


@dataclass(frozen=True)
class RowResult:
    key: str
    label: str
    where: dict[str, Any]
    values: dict[int, int]
    total: bool = False


@dataclass(frozen=True)
class TableResult:
    layout: Layout
    rows: tuple[RowResult, ...]

    def row(self, key: str) -> RowResult:
        return next(r for r in self.rows if r.key == key)

    def cell(self, key: str, no: int) -> int:
        return self.row(key).values[no]


@dataclass(frozen=True)
class Report:
    period: Period
    office: dict[str, Any]
    spec: ReportSet
    tables: tuple[TableResult, ...]
    failures: tuple[str, ...]
    generated_at: str
    charts: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)  # the figures the text quotes

    def table(self, table_id: str) -> TableResult:
        return next(t for t in self.tables if t.layout.id == table_id)

    def cell(self, cell_id: str) -> int:
        table, key, no = parse_cell(cell_id)
        return self.table(table).cell(key, no)


def parse_cell(cell_id: str) -> tuple[str, str, int]:
    """"xld:tong:7" → ("xld", "tong", 7)."""
    parts = (cell_id or "").strip().split(":")
    if len(parts) != 3 or not parts[2].isdigit():
        raise ValueError(cell_id)
    return parts[0], parts[1], int(parts[2])


# --- rows -------------------------------------------------------------------------------------


def _office_label(office: dict[str, Any], code: str) -> str:
    return office["name"] if code == office["office_code"] else code


Partition = tuple[str, tuple[str, ...]]  # a total row's key and the keys of the rows it adds up


def _row_specs(ctx: Context, layout: Layout, office: dict[str, Any],
               ) -> tuple[list[tuple[RowSpec, bool]], list[Partition]]:
    """(row, is_total) in order, and which rows each total adds up. Offices are rows only
    when there are several (a province's database)."""
    measures = [MEASURES[c.measure] for c in layout.columns]
    if layout.rows_by in ("office", None):
        codes: set = set()
        if layout.rows_by == "office":
            for m in measures:
                codes |= ctx.values_of(m, "office")
        split = layout.rows or (RowSpec(TOTAL, "", {}),)
        parts_of = [s.key for s in split if s.key != TOTAL]
        has_total = any(s.key == TOTAL for s in split)
        rows: list[tuple[RowSpec, bool]] = []
        partitions: list[Partition] = []
        offices = sorted(codes) if len(codes) > 1 else []
        def key(code: str, part: str) -> str:  # "24-9253" alone, or "24-9253/khieu_nai"
            return f"{code}/{part}" if layout.rows else code

        for code in offices:
            label = _office_label(office, code)
            for s in split:
                text = f"{label} — {s.label}" if layout.rows else label
                rows.append((RowSpec(key(code, s.key), text, {**s.where, "office": code}),
                             False))
            if has_total and parts_of:
                partitions.append((key(code, TOTAL), tuple(key(code, k) for k in parts_of)))
        for s in split:
            label = s.label or (office["name"] if not offices else "Tổng cộng")
            rows.append((RowSpec(s.key, label, s.where), s.key == TOTAL))
            if offices:
                partitions.append((s.key, tuple(key(code, s.key) for code in offices)))
        if has_total and parts_of:
            partitions.append((TOTAL, tuple(parts_of)))
        return rows, partitions
    dim = layout.rows_by
    seen: set = set()
    for m in measures:
        seen |= ctx.values_of(m, dim)
    if dim == "topic":
        known = [(t.code, t.name) for t in catalog.topics()]
        extra = sorted(v for v in seen if v not in {c for c, _ in known})
        items = known + [(v, catalog.topic_name(v)) for v in extra]
        rows = [(RowSpec(code, name, {"topic": code}), False) for code, name in items]
    else:  # commune: the areas where records are, by name; the unknown last
        named = sorted((v for v in seen if v is not None),
                       key=lambda v: (catalog.commune(v) or (str(v), 0))[0])
        rows = [(RowSpec(str(v), (catalog.commune(v) or (str(v), 0))[0], {"commune": v}), False)
                for v in named]
        if None in seen:
            rows.append((RowSpec(NO_AREA, NO_AREA_LABEL, {"commune": None}), False))
    return (rows + [(RowSpec(TOTAL, "Tổng cộng", {}), True)],
            [(TOTAL, tuple(r.key for r, _ in rows))])


def _check_table(table: TableResult, partitions: list[Partition]) -> list[str]:
    layout, failures = table.layout, []
    where = f"{layout.code or layout.title}"
    for row in table.rows:
        for left, rights in layout.checks:
            a = sum(row.values[n] for n in left)
            for right in rights:
                b = sum(row.values[n] for n in right)
                if a != b:
                    failures.append(messages.REPORT_CHECK_FAILED.format(
                        table=where, row=row.label, left="+".join(map(str, left)), a=a,
                        right="+".join(map(str, right)), b=b))
    for total_key, part_keys in partitions:
        total = table.row(total_key)
        for column in layout.columns:
            parts = sum(table.row(k).values[column.no] for k in part_keys)
            if parts != total.values[column.no]:
                failures.append(messages.REPORT_TOTAL_FAILED.format(
                    table=where, row=total.label, col=column.no, total=total.values[column.no],
                    parts=parts))
    return failures


def _term(tables: dict[str, TableResult], text: str) -> int:
    total = 0
    for term in text.split("+"):
        table, _, column = term.strip().partition(".")
        total += tables[table].cell(TOTAL, int(column))
    return total


def office_values(db: Database) -> dict[str, Any]:
    row = rows.one(db, "SELECT office_code, name, parent_name, place_name, province_code,"
                       " commune_code FROM office WHERE id = 1")
    if row is None:
        from desk_app.core.storage.office import require_office

        require_office(db)  # raises the "no office yet" message
    assert row is not None
    return row


def evaluate(ctx: Context, layout: Layout, office: dict[str, Any],
             ) -> tuple[TableResult, list[Partition]]:
    rows = []
    specs, partitions = _row_specs(ctx, layout, office)
    for spec, is_total in specs:
        values = {c.no: ctx.value(MEASURES[c.measure], {**c.where, **spec.where}, c.sum)
                  for c in layout.columns}
        rows.append(RowResult(spec.key, spec.label, spec.where, values, is_total))
    return TableResult(layout, tuple(rows)), partitions


def build_report(db: Database, period: Period, *, now: datetime | None = None,
                 directory: str | None = None, scope: Scope | None = None,
                 tables: Iterable[str] | None = None) -> Report:
    """Every table of the report set for the period, with the identity checks' failures."""
    now = now or datetime.now()
    office = office_values(db)
    spec = report_set(directory)
    ctx = Context(db, period, scope or scope_of(db), now)
    wanted = set(tables) if tables else None
    evaluated = [evaluate(ctx, layout, office) for layout in spec.tables
                 if wanted is None or layout.id in wanted]
    results = tuple(table for table, _ in evaluated)
    failures: list[str] = []
    for table, partitions in evaluated:
        failures += _check_table(table, partitions)
    by_id = {t.layout.id: t for t in results}
    for left, right in spec.checks:
        names = {t.strip().partition(".")[0] for t in (left + "+" + right).split("+")}
        if names <= set(by_id):
            a, b = _term(by_id, left), _term(by_id, right)
            if a != b:
                failures.append(messages.REPORT_CROSS_FAILED.format(left=left, a=a, right=right,
                                                                    b=b))
    from desk_app.core.reports.charts import report_charts, report_summary

    return Report(period, office, spec, results, tuple(failures),
                  now.isoformat(timespec="seconds"), report_charts(ctx), report_summary(ctx))
