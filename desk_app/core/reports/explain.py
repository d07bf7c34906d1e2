"""The records behind a figure: the measure's own SQL, filtered by the cell's column and row
instead of grouped, so the list always has as many records as the figure counts (or adds up
to it, for the number of people). A denouncer's name is never listed.

    found = explain(db, period, "xld:tong:7")        # Explained(value=…, records=(…))
    found.records[0].text                               # "Đơn 12/2026 — 20/11/2026 — …"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases.lifecycle import ACTIONS, STATUS_LABELS
from desk_app.core.errors import DeskError
from desk_app.core.reports.engine import Context, Report, build_report, parse_cell
from desk_app.core.reports.measures import MEASURES, Measure
from desk_app.core.reports.periods import Period
from desk_app.core.reports.scope import scope_of
from desk_app.core.storage import rows
from desk_app.core.text import dmy

if TYPE_CHECKING:
    from sqlite_utils import Database

_CHUNK = 500


@dataclass(frozen=True)
class Record:
    entity: str  # visit, petition, case, instance, event, session, citizen, week
    id: str  # as the measure gives it (a number, or "v12" / "r3" for citizens, a Monday)
    day: str  # ISO date the record is dated by
    text: str  # one line for a person to recognise it
    weight: int = 1  # what it adds to a summed figure (people)
    case_id: int | None = None  # what a click opens: the case …
    petition_id: int | None = None  # … or the log line
    session_id: int | None = None  # … or the reception session


@dataclass(frozen=True)
class Explained:
    cell: str
    table: str  # "Biểu số 01/XLD"
    row: str
    column: str
    value: int
    summed: bool
    records: tuple[Record, ...]


def _filter(where: dict[str, Any], params: dict[str, Any]) -> str:
    clauses = []
    for n, (dim, value) in enumerate(sorted(where.items())):
        if value is None:
            clauses.append(f"{dim} IS NULL")
        elif isinstance(value, list):
            marks = []
            for m, item in enumerate(value):
                params[f"w{n}_{m}"] = item
                marks.append(f":w{n}_{m}")
            clauses.append(f"{dim} IN ({', '.join(marks)})")
        else:
            params[f"w{n}"] = value
            clauses.append(f"{dim} = :w{n}")
    return " AND ".join(clauses) or "1"


def matching_rows(ctx: Context, measure: Measure, where: dict[str, Any]) -> list[tuple[Any, int]]:
    """(record id, weight) of the measure's rows matching `where`, in id order."""
    if measure.parent:
        parent = MEASURES[measure.parent]
        return _select(ctx, parent, {**where, **measure.parent_where}, measure.id_column)
    return _select(ctx, measure, where, "id")


def _select(ctx: Context, measure: Measure, where: dict[str, Any], id_column: str):
    if measure.rows is not None:
        index = {d: i + 1 for i, d in enumerate(measure.dims)}
        computed = measure.rows(ctx.db, ctx.scope, ctx.period, ctx.now)
        return sorted((r[0], r[-1]) for r in computed if all(
            (r[index[k]] in v) if isinstance(v, list) else r[index[k]] == v
            for k, v in where.items()))
    params = dict(ctx.params(measure))
    condition = _filter(where, params)
    return [(r[0], r[1]) for r in ctx.db.execute(
        f"SELECT {id_column}, weight FROM ({ctx.sql(measure)}) WHERE {condition}"
        f" ORDER BY {id_column}", params)]


def explain(db: Database, period: Period, cell_id: str, *, now: datetime | None = None,
            directory: str | None = None, report: Report | None = None,
            limit: int | None = None) -> Explained:
    """The records behind one cell ("table:row:column", as the report shows them)."""
    now = now or datetime.now()
    try:
        table_id, row_key, number = parse_cell(cell_id)
    except ValueError:
        raise DeskError(messages.REPORT_CELL_INVALID.format(cell=cell_id)) from None
    report = report or build_report(db, period, now=now, directory=directory, tables=[table_id]
                                    if table_id else None)
    table = next((t for t in report.tables if t.layout.id == table_id), None)
    row = next((r for r in table.rows if r.key == row_key), None) if table else None
    column = next((c for c in table.layout.columns if c.no == number), None) if table else None
    if table is None or row is None or column is None:
        raise DeskError(messages.REPORT_CELL_UNKNOWN.format(cell=cell_id))
    ctx = Context(db, period, scope_of(db), now)
    measure = MEASURES[column.measure]
    found = matching_rows(ctx, measure, {**column.where, **row.where})
    if limit is not None:
        found = found[:limit]
    records = describe(db, measure, found)
    return Explained(cell_id, table.layout.code or table.layout.title, row.label,
                     f"({column.no}) {column.label}", row.values[column.no], column.sum, records)


# --- what a record reads as ----------------------------------------------------------------


def _chunks(ids: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _kind(kind: str) -> str:
    return catalog.PETITION_KIND_LABELS.get(kind, kind)


def _name(name: str, protected: int) -> str:
    """The name recorded with the visit (its identity snapshot), or the mask of a visit that
    brings a denunciation (Law on Denunciations art. 47)."""
    return messages.MASKED_NAME if protected else name


_PROTECTED = ("EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = {v} AND q.kind = 'to_cao')")


def describe(db: Database, measure: Measure, found: list[tuple[Any, int]]) -> tuple[Record, ...]:
    entity = measure.entity
    weights = {str(i): w for i, w in found}
    ids = [i for i, _ in found]
    out: dict[str, Record] = {}
    if entity == "visit":
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, f"SELECT v.id, v.received_at, v.reception_kind, v.crowd_size, v.outcome,"
                        f" pe.full_name, {_PROTECTED.format(v='v.id')} AS protected,"
                        " (SELECT MIN(p.id) FROM petitions p WHERE p.visit_id = v.id) AS pid,"
                        " (SELECT MIN(p.case_id) FROM petitions p WHERE p.visit_id = v.id)"
                        " AS case_id FROM visits v"
                        " JOIN identity_snapshots pe ON pe.id = v.identity_id"
                        f" WHERE v.id IN ({marks})", chunk):
                vid, at, kind, outcome = r["id"], r["received_at"], r["reception_kind"], r["outcome"]
                people = f" — đoàn {r['crowd_size']} người" if r["crowd_size"] > 1 else ""
                text = (f"Lượt tiếp số {vid} — {dmy(at)} — "
                        f"{_name(r['full_name'], r['protected'])}{people} — "
                        f"{catalog.RECEPTION_KIND_LABELS.get(kind, kind)} — "
                        f"{catalog.OUTCOME_LABELS.get(outcome, outcome)}")
                out[str(vid)] = Record("visit", str(vid), at[:10], text, weights[str(vid)],
                                       r["case_id"], r["pid"])
    elif entity == "petition":
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, "SELECT p.id, p.log_year, p.log_no, p.received_at, p.kind, p.topic,"
                        " p.summary, pe.full_name,"
                        f" {_PROTECTED.format(v='p.visit_id')} AS protected, p.case_id"
                        " FROM petitions p JOIN visits v ON v.id = p.visit_id"
                        " JOIN identity_snapshots pe ON pe.id = v.identity_id"
                        f" WHERE p.id IN ({marks})", chunk):
                pid, at = r["id"], r["received_at"]
                text = (f"Đơn {r['log_no']}/{r['log_year']} — {dmy(at)} — {_kind(r['kind'])} — "
                        f"{catalog.topic_name(r['topic'])} — "
                        f"{_name(r['full_name'], r['protected'])} — {r['summary']}")
                out[str(pid)] = Record("petition", str(pid), at[:10], text, weights[str(pid)],
                                       r["case_id"], pid)
    elif entity == "case":
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, "SELECT id, opened_on, kind, topic, title, status FROM cases"
                        f" WHERE id IN ({marks})", chunk):
                cid, opened, status = r["id"], r["opened_on"], r["status"]
                text = (f"Vụ việc số {cid} — {dmy(opened)} — {_kind(r['kind'])} — "
                        f"{catalog.topic_name(r['topic'])} — {r['title']} — "
                        f"{STATUS_LABELS.get(status, status)}")
                out[str(cid)] = Record("case", str(cid), opened, text, weights[str(cid)], cid)
    elif entity in ("instance", "event"):
        # An acceptance (instance) reads with how it ended and the due date it had to meet (the
        # case's current one, unless a second complaint followed).
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, "SELECT e.id, e.case_id, e.action, e.occurred_on, e.doc_no, c.kind,"
                        " c.title, c.resolution_due_on AS due, x.action AS end_action,"
                        " x.occurred_on AS end_on,"
                        " EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id"
                        "         AND r.action = 'reopen' AND r.id > e.id) AS later"
                        " FROM case_events e JOIN cases c ON c.id = e.case_id"
                        " LEFT JOIN case_events x ON x.id = (SELECT MIN(y.id) FROM case_events y"
                        "   WHERE y.case_id = e.case_id AND y.id > e.id"
                        "   AND y.action IN ('decide', 'withdraw', 'merge'))"
                        f" WHERE e.id IN ({marks})", chunk):
                eid, cid, action, day = r["id"], r["case_id"], r["action"], r["occurred_on"]
                end = r["end_action"]
                label = ACTIONS[action].label if action in ACTIONS else action
                extra = f" ({r['doc_no']})" if r["doc_no"] else ""
                text = (f"Vụ việc số {cid} — {label} ngày {dmy(day)}{extra} — "
                        f"{_kind(r['kind'])} — {r['title']}")
                if entity == "instance":
                    if end:
                        text += f" — {ACTIONS[end].label.lower()} ngày {dmy(r['end_on'])}"
                    if r["due"] and not r["later"]:
                        text += f" — hạn giải quyết {dmy(r['due'])}"
                out[str(eid)] = Record(entity, str(eid), day, text, weights[str(eid)], cid)
    elif entity == "session":
        from desk_app.core.schedule.model import KINDS, STATUSES

        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, "SELECT s.id, s.starts_at, s.kind, s.status, o.full_name AS host"
                        " FROM sessions s"
                        " LEFT JOIN officers o ON o.id = COALESCE(s.actual_host_id, s.host_id)"
                        f" WHERE s.id IN ({marks})", chunk):
                sid, starts, kind, status = r["id"], r["starts_at"], r["kind"], r["status"]
                text = (f"Buổi tiếp số {sid} — {dmy(starts)} {starts[11:16]} — "
                        f"{KINDS.get(kind, kind)} — {r['host'] or ''} — "
                        f"{STATUSES.get(status, status)}")
                out[str(sid)] = Record("session", str(sid), starts[:10], text, 1,
                                       session_id=sid)
    elif entity == "citizen":
        visits = [int(i[1:]) for i in ids if str(i).startswith("v")]
        for vid, text_row in zip(visits, describe(
                db, Measure("", "visit", "", ()), [(v, 1) for v in visits]), strict=True):
            out[f"v{vid}"] = Record("citizen", f"v{vid}", text_row.day, text_row.text, 1,
                                    text_row.case_id, text_row.petition_id)
        received = [int(i[1:]) for i in ids if str(i).startswith("r")]
        for chunk in _chunks(received):
            marks = ",".join("?" * len(chunk))
            for r in rows.every(
                    db, "SELECT r.id, r.session_id, r.case_id, s.starts_at"
                        " FROM session_receptions r JOIN sessions s ON s.id = r.session_id"
                        f" WHERE r.id IN ({marks})", chunk):
                rid, sid, cid, starts = r["id"], r["session_id"], r["case_id"], r["starts_at"]
                text = f"Công dân được tiếp tại buổi số {sid} ({dmy(starts)}), vụ việc số {cid}"
                out[f"r{rid}"] = Record("citizen", f"r{rid}", starts[:10], text, 1, cid,
                                        session_id=sid)
    elif entity == "week":
        from datetime import date, timedelta

        for monday in ids:
            day = date.fromisoformat(monday)
            text = f"Tuần từ {day:%d/%m/%Y} đến {day + timedelta(days=6):%d/%m/%Y}"
            out[monday] = Record("week", monday, monday, text, 1)
    return tuple(out[str(i)] for i in ids if str(i) in out)
