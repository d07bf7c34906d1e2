"""The reception log book (Sổ tiếp công dân, form 03/TCD) as sorted id lists and pages of rows.

Big lists (docs/architecture.md): the sorted, filtered list of petition ids is computed in SQL
(an index per sortable column), and rows are fetched a page at a time with `id IN (…)`.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases.lifecycle import status_label
from desk_app.core.cases.log_steps import later_steps
from desk_app.core.errors import DeskError
from desk_app.core.model import LogRow, Outcome
from desk_app.core.security import audit, session

if TYPE_CHECKING:
    from sqlite_utils import Database

# Sort keys the log offers, each backed by an index; name, officer and crowd size are served
# by KEYED_SORTS only.
SORTS = {
    "received_at": "p.received_at {d}, p.id {d}",
    "log_no": "p.log_year {d}, p.log_no {d}",
    "kind": "p.kind {d}, p.received_at DESC, p.id DESC",
}
# The same orders over petition_log_keys (k), which triggers keep in step with the visit's
# reception kind, officer and crowd size and the person's name (migration 0003): filtering or
# sorting by those is then one index scan, not a join per line (a million lines: 0.5-1 s →
# 50-200 ms).
KEYED_SORTS = {
    "received_at": "k.received_at {d}, k.petition_id {d}",
    "log_no": "p.log_year {d}, p.log_no {d}",
    "kind": "p.kind {d}, k.received_at DESC, k.petition_id DESC",
    "name": "k.name_key {d}, k.petition_id DESC",
    "crowd_size": "k.crowd_size {d}, k.received_at DESC, k.petition_id DESC",
    "officer": "k.officer_id {d}, k.received_at DESC, k.petition_id DESC",
}


@dataclass(frozen=True)
class LogFilter:
    date_from: date | None = None
    date_to: date | None = None
    reception_kind: str | None = None
    petition_kind: str | None = None
    officer_id: int | None = None
    sort: str = "received_at"
    descending: bool = True


def log_sql(flt: LogFilter = LogFilter()) -> tuple[str, list]:
    """The query (one column, `id`) listing the log's petition ids in order, and its parameters."""
    sort = flt.sort if flt.sort in KEYED_SORTS else "received_at"
    keyed = bool(flt.reception_kind) or flt.officer_id is not None or sort not in SORTS
    t, pid = ("k", "k.petition_id") if keyed else ("p", "p.id")
    where: list[str] = []
    params: list[str | int] = []
    if flt.date_from:
        where.append(f"{t}.received_at >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        where.append(f"{t}.received_at < date(?, '+1 day')")
        params.append(flt.date_to.isoformat())
    if flt.petition_kind:
        where.append("p.kind = ?")
        params.append(flt.petition_kind)
    if flt.reception_kind:
        where.append("k.reception_kind = ?")
        params.append(flt.reception_kind)
    if flt.officer_id is not None:
        where.append("k.officer_id = ?")
        params.append(flt.officer_id)
    order = (KEYED_SORTS if keyed else SORTS)[sort].format(d="DESC" if flt.descending else "ASC")
    narrowed = bool(flt.reception_kind) or flt.officer_id is not None or bool(flt.petition_kind)
    served = sort == "received_at" or (sort == "officer" and flt.officer_id is not None) or (
        sort == "kind" and not keyed)  # the filter's own index gives this order
    if narrowed and not served:
        # Filter first, then sort what is left: left to itself SQLite may walk the whole sort
        # index and test every line (reception kind + sort by name: 1.6 s instead of 0.2 s).
        order = "+" + order
    if keyed:
        sql = f"SELECT {pid} AS id FROM petition_log_keys k"
        if flt.petition_kind or order.lstrip("+").startswith("p."):
            sql += " JOIN petitions p ON p.id = k.petition_id"
    else:
        sql = f"SELECT {pid} AS id FROM petitions p"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" ORDER BY {order}", params


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


def log_ids(db: Database, flt: LogFilter = LogFilter()) -> array:
    return fetch_ids(db, *log_sql(flt))


# True when the line's visit brings a denunciation: every line of it is then protected
# (Denunciation law art. 47; migration 0004 keeps the name sort in step). `p` is the petition.
PROTECTED_VISIT = "EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = p.visit_id AND q.kind = 'to_cao')"

_ROW_SQL = """
SELECT p.id, p.visit_id, p.received_at, p.kind, p.summary, p.log_no || '/' || p.log_year,
       pe.full_name, pe.address, pe.id_number, pe.commune_code,
       v.crowd_size, v.prior_handlers, v.outcome, v.outcome_body, v.outcome_doc_no,
       v.refusal_reason, v.note, v.reception_kind, o.full_name, c.status,
       """ + PROTECTED_VISIT + """, c.id, CASE WHEN c.is_open = 1 THEN c.due_on END,
       v.cancelled_at, v.cancel_reason, v.corrected_at
  FROM petitions p
  JOIN visits v ON v.id = p.visit_id
  JOIN identity_snapshots pe ON pe.id = v.identity_id
  LEFT JOIN officers o ON o.id = v.officer_id
  LEFT JOIN cases c ON c.id = p.case_id
 WHERE p.id IN ({marks})
"""

def _dmy(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _address(address: str, commune_code: int | None) -> str:
    label = catalog.commune_label(commune_code)
    if label and label not in address:
        return f"{address}, {label}" if address else label
    return address


def _row(r: tuple, reveal: bool) -> LogRow:
    (pid, vid, received, kind, summary, log_label, name, address, id_no, commune_code, crowd,
     handlers, outcome, body, doc_no, refusal, note, rkind, officer, status, protected, case_id,
     due_on, cancelled_at, cancel_reason, corrected_at) = r
    # A denunciation masks every line of its visit (see migration 0004).
    masked = bool(protected) and not reveal
    body_doc = f"{body} ({doc_no})" if doc_no else body
    notes = [note] if note else []
    if outcome == Outcome.REFUSED and refusal:
        notes.insert(0, "Từ chối tiếp: " + next(
            (x.name for x in catalog.refusal_reasons() if x.code == refusal), refusal))
    # A cancelled entry keeps its number and says so first; a corrected one says when.
    if corrected_at:
        notes.append(messages.LOG_CORRECTED_NOTE.format(day=_dmy(corrected_at)))
    if cancelled_at:
        notes.insert(0, messages.LOG_CANCELLED_NOTE.format(day=_dmy(cancelled_at),
                                                           reason=cancel_reason))
    return LogRow(
        log_label=log_label, petition_id=pid, visit_id=vid, received_at=received,
        person_name=messages.MASKED_NAME if masked else name,
        address=messages.MASKED_VALUE if masked else _address(address, commune_code),
        id_number=messages.MASKED_VALUE if masked else id_no,
        summary=summary, petition_kind=kind, crowd_size=crowd, prior_handlers=handlers,
        within_competence=outcome == Outcome.ACCEPTED,
        guided_to=body_doc if outcome == Outcome.GUIDED else "",
        transferred_to=body_doc if outcome == Outcome.TRANSFERRED else "",
        follow_up=status_label(status, kind),
        note="; ".join(notes), reception_kind=rkind, officer_name=officer or "", masked=masked,
        case_id=case_id, due_on=due_on, cancelled=bool(cancelled_at), corrected=bool(corrected_at),
    )


def log_rows(db: Database, ids, revealed: frozenset[int] | set[int] = frozenset()) -> list[LogRow]:
    """Rows for these ids, in the same order; denouncers are masked unless revealed."""
    ids = list(ids)
    if not ids:
        return []
    found = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        sql = _ROW_SQL.format(marks=",".join("?" * len(chunk)))
        for r in db.conn.execute(sql, chunk):
            found[r[0]] = _row(r, r[0] in revealed)
    _with_later_steps(db, found)
    return [found[i] for i in ids if i in found]


def _with_later_steps(db: Database, rows: dict[int, LogRow]) -> None:
    """The handling columns of Form 03/TCD follow the case's later steps (a transfer a week
    after the visit shows), not only the outcome typed at the desk (cases.log_steps)."""
    steps = later_steps(db, (r.case_id for r in rows.values()))
    for pid, row in rows.items():
        found = steps.get(row.case_id) if row.case_id is not None else None
        if found is not None:
            rows[pid] = replace(
                row, guided_to=found.guided_to or row.guided_to,
                transferred_to=found.transferred_to or row.transferred_to,
                within_competence=row.within_competence if found.competent is None
                else found.competent)


def log_number(db: Database, petition_id: int) -> tuple[int, int]:
    row = db.execute("SELECT log_year, log_no FROM petitions WHERE id = ?", [petition_id]).fetchone()
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    return row


def reveal_identity(db: Database, petition_id: int, officer_id: int | None, reason: str,
                    now: datetime | None = None) -> LogRow:
    """Show one denouncer's identity; the reveal (who, when, why) is written first, with its
    audit event, if the signed-in role may see it (core/security/secrecy.py)."""
    from desk_app.core.security import secrecy

    secrecy.check_reason(reason)
    if db.execute("SELECT 1 FROM petitions WHERE id = ?", [petition_id]).fetchone() is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    if session.current(db) is None and officer_id is not None:
        # no one signed in (tests, internal jobs): the officer given is the one recorded
        with db.atomic():
            db.table("identity_reveals").insert({
                "petition_id": petition_id, "officer_id": officer_id,
                "reason": secrecy.check_reason(reason),
                "revealed_at": (now or datetime.now()).isoformat(timespec="seconds")})
            audit.record(db, "reveal", "petition", petition_id,
                         {"what": "log", "petitions": [petition_id], "reason": reason.strip()},
                         officer_id=officer_id)
    else:
        secrecy.reveal(db, [petition_id], reason, what="log", now=now)
    return log_rows(db, [petition_id], {petition_id})[0]
