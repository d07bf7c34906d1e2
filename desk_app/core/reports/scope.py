"""What a report counts: the one place that says which records are live and whose office
they belong to. Every measure's SQL goes through `Scope.expand`, so a rule added here
(a cancelled entry, a new office column) reaches every table, chart and reconciliation list.

Macros a measure may use:
  LIVE_VISIT(v)  the visit `v` counts: not cancelled as an entry made in error (the column
                 visits.cancelled_at, when this database has it)
  LIVE_CASE(c)   the case `c` counts: not cancelled (status 'cancelled': every visit behind it
                 was cancelled)
  RECEPTION(v)   the visit `v` was a reception (tiếp công dân), not a petition received by
                 post, portal, e-mail, hotline or from another body (visits.channel, 0016;
                 docs/channels.md): the reception tables count receptions only, the petition
                 tables every channel (their `channel` dimension tells them apart)
  OFFICE(x)      the office a row of alias `x` belongs to: in a ward's database the office
                 itself (a bound parameter); in a province's database, which holds many wards'
                 imported records, the row's own office code column (`office_column`)

So "province totals = sum of ward reports" holds by construction: every measure groups by
OFFICE(…) and a total is the sum of the groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_MACRO = re.compile(r"\b(LIVE_VISIT|LIVE_CASE|RECEPTION|OFFICE)\((\w+)\)")


@dataclass(frozen=True)
class Scope:
    office_code: str  # this database's own office
    visits_cancellable: bool = False  # visits.cancelled_at exists
    office_column: str | None = None  # province mode: the column naming each row's office
    offices: tuple[str, ...] = ()  # province mode: only these offices (empty: all)
    has_channels: bool = False  # visits.channel exists (0016_channels)

    def expand(self, sql: str) -> str:
        def one(found: re.Match) -> str:
            macro, alias = found.group(1), found.group(2)
            if macro == "LIVE_VISIT":
                return f"{alias}.cancelled_at IS NULL" if self.visits_cancellable else "1"
            if macro == "RECEPTION":
                return f"{alias}.channel = 'truc_tiep'" if self.has_channels else "1"
            if macro == "LIVE_CASE":
                return f"{alias}.status <> 'cancelled'"
            if self.office_column:
                return f"{alias}.{self.office_column}"
            return ":office"
        return _MACRO.sub(one, sql)

    def params(self) -> dict[str, str]:
        return {"office": self.office_code}


def _columns(db: Database, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def scope_of(db: Database) -> Scope:
    """The scope of this database, read from its schema: a cancellation column added by a
    later schema step is honoured as soon as it exists."""
    row = db.execute("SELECT office_code FROM office WHERE id = 1").fetchone()
    code = row[0] if row else ""
    visit_columns = _columns(db, "visits")
    return Scope(office_code=code, visits_cancellable="cancelled_at" in visit_columns,
                 has_channels="channel" in visit_columns)
