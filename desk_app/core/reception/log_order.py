"""Which log-book lines a filter keeps, in which order: the first screen at once, the whole list
after, and where a new line goes (docs/log.md).

Everything the log filters or sorts by is in `petition_log_keys` (triggers of migration 0013
keep it): the time as an integer (YYYYMMDDhhmmss), the reception kind and petition kind as
small codes (`log_codes`), the officer (0: none), the crowd size, the name's collation key, the
log number. The table is stored in the order of the filters, and each sort has an index that
carries the filter columns too: the first screen reads one index and stops after a page; a
filter that keeps few lines is read from the table's ranges and sorted instead.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cmp_to_key
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sqlite_utils import Database

SORTS = ("received_at", "log_no", "kind", "name", "crowd_size", "officer")
FIRST_SCREEN = 256
# A filter that keeps at most this many lines is read from the table's ranges and sorted (a
# few milliseconds); one that keeps more is met often enough along the sort's own index that a
# first screen is ≤ FIRST_SCREEN × lines / FEW entries away.
FEW = 20_000

# The columns of a line's sort key (kept in the same order for every sort) and, per sort,
# which of them order the log and whether each follows the chosen direction (True) or is
# always newest first (False).
_KEY_COLUMNS = ("k.petition_id, k.stamp, k.log_year, k.log_no, c.code, k.name_sort,"
                " k.crowd_size, k.officer_id")
_PID, _STAMP, _YEAR, _NO, _KIND, _NAME, _CROWD, _OFFICER = range(8)
_ORDER: dict[str, tuple[tuple[int, bool], ...]] = {
    "received_at": ((_STAMP, True), (_PID, True)),
    "log_no": ((_YEAR, True), (_NO, True)),
    "kind": ((_KIND, True), (_STAMP, False), (_PID, False)),
    "name": ((_NAME, True), (_PID, False)),
    "crowd_size": ((_CROWD, True), (_STAMP, False), (_PID, False)),
    "officer": ((_OFFICER, True), (_STAMP, False), (_PID, False)),
}
# The index that gives each sort's order, and the column grouping a sort whose other columns
# are always newest first (read group by group, each group's index range backwards).
_INDEX = {"received_at": "log_keys_time", "log_no": "log_keys_number", "kind": "log_keys_kind",
          "name": "log_keys_name", "crowd_size": "log_keys_crowd", "officer": "log_keys_officer"}
_GROUP = {"kind": "kind", "crowd_size": "crowd_size", "officer": "officer_id"}


@dataclass(frozen=True)
class LogFilter:
    date_from: date | None = None
    date_to: date | None = None
    reception_kind: str | None = None
    petition_kind: str | None = None
    officer_id: int | None = None
    # How the petitions arrived (docs/channels.md): "visit" the log book 03/TCD (receptions),
    # "no_visit" the book of petitions received without a visit, or one channel code.
    channel: str | None = None
    sort: str = "received_at"
    descending: bool = True


def _channel_terms(channel: str | None) -> tuple[list[str], list]:
    """The channel filter as terms over k. Petitions received without a visit are few; the
    partial index petitions_arrival (0016_channels) lists them, so each form below reads it
    once (`arrival <> 'truc_tiep'` repeated so that index serves a chosen channel too)."""
    letters = "SELECT id FROM petitions WHERE arrival <> 'truc_tiep'"
    if not channel:
        return [], []
    if channel == "visit":
        return [f"k.petition_id NOT IN ({letters})"], []
    if channel == "no_visit":
        return [f"k.petition_id IN ({letters})"], []
    return [f"k.petition_id IN ({letters} AND arrival = ?)"], [channel]


def _stamp(day: date) -> int:
    return int(day.strftime("%Y%m%d")) * 1_000_000


class _Query:
    """A filter resolved against the database: WHERE terms over petition_log_keys (k)."""

    def __init__(self, db: Database, flt: LogFilter):
        self.db, self.flt = db, flt
        self.sort = flt.sort if flt.sort in SORTS else "received_at"
        self.codes = dict(db.execute("SELECT code, n FROM log_codes").fetchall())
        self.where: list[str] = []
        self.params: list[int] = []
        self.empty = False
        if flt.date_from:
            self._term("k.stamp >= ?", _stamp(flt.date_from))
        if flt.date_to:
            self._term("k.stamp < ?", _stamp(flt.date_to + timedelta(days=1)))
        # A line's number is counted in the year it was received: with dates, the number
        # index is read from the first year to the last.
        self.years = [(flt.date_from or date.min).year, (flt.date_to or date.max).year]
        for column, code in (("reception_kind", flt.reception_kind), ("kind", flt.petition_kind)):
            if code:
                if code not in self.codes:
                    self.empty = True  # nothing was ever recorded with it
                self._term(f"k.{column} = ?", self.codes.get(code, -1))
        if flt.officer_id is not None:
            self._term("k.officer_id = ?", flt.officer_id)
        terms, values = _channel_terms(flt.channel)
        self.where += terms
        self.params += values
        self.narrowed = bool(flt.reception_kind or flt.petition_kind or flt.officer_id is not None
                             or (flt.channel and flt.channel != "visit"))

    def _term(self, sql: str, value: int) -> None:
        self.where.append(sql)
        self.params.append(value)

    def sql_where(self, extra: Iterable[str] = ()) -> str:
        terms = [*self.where, *extra]
        return " WHERE " + " AND ".join(terms) if terms else ""

    # ---- a narrow filter: ranges of the table, sorted by SQLite ------------------------------
    def _ranges(self) -> str:
        """The filters as ranges of the table's key (reception kind, kind, officer, time): a
        column not filtered is every value it has, so the time range stays a range."""
        flt = self.flt
        terms = []
        codes = ",".join(map(str, sorted(self.codes.values()))) or "NULL"
        for column, chosen in (("reception_kind", flt.reception_kind),
                               ("kind", flt.petition_kind)):
            if not chosen:
                terms.append(f"k.{column} IN ({codes})")
        if flt.officer_id is None:
            officers = [0, *(r[0] for r in self.db.execute("SELECT id FROM officers"))]
            terms.append(f"k.officer_id IN ({','.join(map(str, officers))})")
        return self.sql_where(terms)

    def order(self) -> str:
        """The log's order as SQL over k."""
        d = "DESC" if self.flt.descending else "ASC"
        newest = "k.stamp DESC, k.petition_id DESC"
        # codes are numbered as they came: their text gives the order
        rank = "CASE k.kind " + " ".join(
            f"WHEN {n} THEN {i}" for i, (_, n) in enumerate(sorted(self.codes.items()))) + " END"
        return {"received_at": f"k.stamp {d}, k.petition_id {d}",
                "log_no": f"k.log_year {d}, k.log_no {d}",
                "kind": f"{rank} {d}, {newest}",
                "name": f"k.name_sort {d}, k.petition_id DESC",
                "crowd_size": f"k.crowd_size {d}, {newest}",
                "officer": f"k.officer_id {d}, {newest}"}[self.sort]

    def narrow(self) -> str | None:
        """The query of every line a filter keeps, in order, when it keeps at most FEW."""
        if not self.where:
            return None
        where = self._ranges()
        n = self.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM petition_log_keys k NOT INDEXED{where}"
            f" LIMIT {FEW + 1})", self.params).fetchone()[0]
        if n > FEW:
            return None
        return (f"SELECT k.petition_id AS id FROM petition_log_keys k NOT INDEXED{where}"
                f" ORDER BY {self.order()}")

    # ---- a wide filter: along the sort's index -------------------------------------------------
    def _groups(self, column: str, descending: bool) -> Iterator[int]:
        """The values of a grouping column in the log's order, one index seek each."""
        if column == "kind":  # codes are numbered as they came: their text gives the order
            yield from (n for _, n in sorted(self.codes.items(), reverse=descending))
            return
        index = _INDEX["crowd_size" if column == "crowd_size" else "officer"]
        op, agg = ("<", "MAX") if descending else (">", "MIN")
        value = self.db.execute(f"SELECT {agg}({column}) FROM petition_log_keys").fetchone()[0]
        while value is not None:
            yield value
            value = self.db.execute(
                f"SELECT {agg}({column}) FROM petition_log_keys INDEXED BY {index}"
                f" WHERE {column} {op} ?", [value]).fetchone()[0]

    def segments(self) -> Iterator[tuple[str, list[int]]]:
        """Queries (column `id`) whose results, one after another, are the log in order."""
        sort, desc = self.sort, self.flt.descending
        d = "DESC" if desc else "ASC"
        index = _INDEX[sort]
        base = f"SELECT k.petition_id AS id FROM petition_log_keys k INDEXED BY {index}"
        group = _GROUP.get(sort)
        if sort == "log_no" and (self.flt.date_from or self.flt.date_to):
            where = self.sql_where(["k.log_year >= ?", "k.log_year <= ?"])
            yield (f"{base}{where} ORDER BY k.log_year {d}, k.log_no {d}",
                   [*self.params, *self.years])
            return
        if group is None or (desc and sort != "kind"):
            order = {"received_at": f"k.stamp {d}, k.petition_id {d}",
                     "log_no": f"k.log_year {d}, k.log_no {d}",
                     "name": f"k.name_sort {d}, k.petition_id DESC",
                     "crowd_size": "k.crowd_size DESC, k.stamp DESC, k.petition_id DESC",
                     "officer": "k.officer_id DESC, k.stamp DESC, k.petition_id DESC"}[sort]
            yield f"{base}{self.sql_where()} ORDER BY {order}", list(self.params)
            return
        for value in self._groups(group, desc):
            yield (f"{base}{self.sql_where([f'k.{group} = ?'])}"
                   " ORDER BY k.stamp DESC, k.petition_id DESC", [*self.params, value])


def log_sql(flt: LogFilter = LogFilter()) -> tuple[str, list]:
    """One query (column `id`) listing the filter's lines in the log's order, and its
    parameters: for a caller that streams them (an export by date is one index range). The
    screen uses log_ids, which splits some sorts into index ranges and reads the first screen
    first."""
    sort = flt.sort if flt.sort in SORTS else "received_at"
    d = "DESC" if flt.descending else "ASC"
    code = "(SELECT n FROM log_codes WHERE code = ?)"
    where: list[str] = []
    params: list = []
    if flt.date_from:
        where.append("k.stamp >= ?")
        params.append(_stamp(flt.date_from))
    if flt.date_to:
        where.append("k.stamp < ?")
        params.append(_stamp(flt.date_to + timedelta(days=1)))
    for column, value in (("reception_kind", flt.reception_kind), ("kind", flt.petition_kind)):
        if value:
            where.append(f"k.{column} = {code}")
            params.append(value)
    if flt.officer_id is not None:
        where.append("k.officer_id = ?")
        params.append(flt.officer_id)
    terms, values = _channel_terms(flt.channel)
    where += terms
    params += values
    newest = "k.stamp DESC, k.petition_id DESC"
    order = {"received_at": f"k.stamp {d}, k.petition_id {d}",
             "log_no": f"k.log_year {d}, k.log_no {d}",
             "kind": f"(SELECT code FROM log_codes WHERE n = k.kind) {d}, {newest}",
             "name": f"k.name_sort {d}, k.petition_id DESC",
             "crowd_size": f"k.crowd_size {d}, {newest}",
             "officer": f"k.officer_id {d}, {newest}"}[sort]
    sql = "SELECT k.petition_id AS id FROM petition_log_keys k"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return f"{sql} ORDER BY {order}", params


def fetch_ids(db: Database, sql: str, params: list | tuple = ()) -> array:
    """The `id` column of an ordered query as array('q'), fast for a million ids.

    A Python tuple per row costs ~0.25 s per million; one group_concat string parsed by json
    costs ~0.1 s. group_concat reads a subquery in its ORDER BY order: SQLite neither flattens
    nor drops a subquery's ORDER BY under an order-sensitive aggregate (its ticket #2942).
    """
    row = db.conn.execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()
    if not row or row[0] is None:
        return array("q")
    return array("q", json.loads(f"[{row[0]}]"))


def log_ids(db: Database, flt: LogFilter = LogFilter(), limit: int | None = None) -> array:
    """The filter's line ids in the log's order; only the first `limit` when given (the first
    screen: ≤ one index range of a few thousand entries whatever the office's size)."""
    query = _Query(db, flt)
    if query.empty:
        return array("q")
    narrow = query.narrow()
    if narrow is not None:
        return fetch_ids(db, narrow + ("" if limit is None else f" LIMIT {limit}"), query.params)
    out = array("q")
    for sql, params in query.segments():
        if limit is not None:
            left = limit - len(out)
            if left <= 0:
                break
            out.extend(fetch_ids(db, f"{sql} LIMIT {left}", params))
        else:
            out.extend(fetch_ids(db, sql, params))
    return out


# ---- a line saved while the log is on screen ------------------------------------------------
def sort_keys(db: Database, ids: Iterable[int]) -> dict[int, tuple]:
    ids = list(ids)
    out: dict[int, tuple] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for row in db.execute(
                f"SELECT {_KEY_COLUMNS} FROM petition_log_keys k JOIN log_codes c ON c.n = k.kind"
                f" WHERE k.petition_id IN ({','.join('?' * len(chunk))})", chunk):
            out[row[_PID]] = row
    return out


def kept(db: Database, flt: LogFilter, ids: Iterable[int]) -> set[int]:
    """Which of these lines the filter keeps."""
    ids = list(ids)
    query = _Query(db, flt)
    if query.empty or not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(
        f"SELECT k.petition_id FROM petition_log_keys k"
        f"{query.sql_where([f'k.petition_id IN ({marks})'])}", [*query.params, *ids])}


def comes_before(flt: LogFilter) -> Callable[[tuple, tuple], bool]:
    """a, b sort keys (`sort_keys`) → True when line a is above line b in this log."""
    sort = flt.sort if flt.sort in SORTS else "received_at"

    def before(a: tuple, b: tuple) -> bool:
        for column, follows in _ORDER[sort]:
            if a[column] != b[column]:
                return (a[column] > b[column]) == (flt.descending if follows else True)
        return False

    return before


def place(db: Database, flt: LogFilter, ids: array, new_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(position, id) to insert, in increasing position order, for the new lines the filter
    keeps, into `ids` (the log as shown): a binary search reading one key per step, so a saved
    visit costs a few dozen index lookups, not a reload."""
    wanted = kept(db, flt, new_ids)
    keys = sort_keys(db, wanted)
    before = comes_before(flt)
    out: list[tuple[int, int]] = []

    def order(a: int, b: int) -> int:
        return -1 if before(keys[a], keys[b]) else 1

    for pid in sorted(wanted, key=cmp_to_key(order)):
        lo, hi = 0, len(ids)
        while lo < hi:
            mid = (lo + hi) // 2
            probe = sort_keys(db, [ids[mid]]).get(ids[mid])
            if probe is not None and before(probe, keys[pid]):
                lo = mid + 1
            else:
                hi = mid
        out.append((lo + len(out), pid))
    return out
