"""The reception log book (Sổ tiếp công dân, form 03/TCD) as sorted id lists and pages of rows.

Big lists follow DESIGN §4: the sorted, filtered list of petition ids is computed in SQL
(an index per sortable column), and rows are fetched a page at a time with `id IN (…)`.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.model import LogRow, Outcome, PetitionKind
from desk_app.core.text import clean

# Sort keys the log offers, each backed by an index or a cheap expression.
SORTS = {
    "received_at": "p.received_at {d}, p.id {d}",
    "log_no": "p.log_year {d}, p.log_no {d}",
    "kind": "p.kind {d}, p.received_at DESC, p.id DESC",
    "name": "pe.name_key {d}, p.id DESC",
    "crowd_size": "v.crowd_size {d}, p.received_at DESC, p.id DESC",
    "officer": "v.officer_id {d}, p.received_at DESC, p.id DESC",
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


def log_ids(db: Database, flt: LogFilter = LogFilter()) -> array:
    where, params = [], []
    if flt.date_from:
        where.append("p.received_at >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        where.append("p.received_at < date(?, '+1 day')")
        params.append(flt.date_to.isoformat())
    if flt.petition_kind:
        where.append("p.kind = ?")
        params.append(flt.petition_kind)
    if flt.reception_kind:
        where.append("v.reception_kind = ?")
        params.append(flt.reception_kind)
    if flt.officer_id is not None:
        where.append("v.officer_id = ?")
        params.append(flt.officer_id)
    order = SORTS.get(flt.sort, SORTS["received_at"]).format(d="DESC" if flt.descending else "ASC")
    joins = ""
    if flt.reception_kind or flt.officer_id is not None or flt.sort in ("crowd_size", "officer"):
        joins += " JOIN visits v ON v.id = p.visit_id"
    if flt.sort == "name":
        joins += " JOIN persons pe ON pe.id = p.person_id"
    sql = f"SELECT p.id FROM petitions p{joins}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    ids = array("q")
    cursor = db.conn.execute(sql, params)
    while chunk := cursor.fetchmany(65536):
        ids.extend(r[0] for r in chunk)
    return ids


_ROW_SQL = """
SELECT p.id, p.visit_id, p.received_at, p.kind, p.summary, p.log_no,
       pe.full_name, pe.address, pe.id_number, pe.commune_code,
       v.crowd_size, v.prior_handlers, v.outcome, v.outcome_body, v.outcome_doc_no,
       v.refusal_reason, v.note, v.reception_kind, o.full_name, c.status
  FROM petitions p
  JOIN visits v ON v.id = p.visit_id
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN officers o ON o.id = v.officer_id
  LEFT JOIN cases c ON c.id = p.case_id
 WHERE p.id IN ({marks})
"""

CASE_STATUS_LABELS = {
    "received": "Đang xử lý",
    "guided": "Đã hướng dẫn",
    "transferred": "Đã chuyển đơn",
}


def _address(address: str, commune_code: int | None) -> str:
    label = catalog.commune_label(commune_code)
    if label and label not in address:
        return f"{address}, {label}" if address else label
    return address


def _row(r: tuple, reveal: bool) -> LogRow:
    (pid, vid, received, kind, summary, _log_no, name, address, id_no, commune_code, crowd,
     handlers, outcome, body, doc_no, refusal, note, rkind, officer, status) = r
    masked = kind == PetitionKind.TO_CAO and not reveal
    body_doc = f"{body} ({doc_no})" if doc_no else body
    notes = [note] if note else []
    if outcome == Outcome.REFUSED and refusal:
        notes.insert(0, "Từ chối tiếp: " + next(
            (x.name for x in catalog.refusal_reasons() if x.code == refusal), refusal))
    return LogRow(
        petition_id=pid, visit_id=vid, received_at=received,
        person_name=messages.MASKED_NAME if masked else name,
        address=messages.MASKED_VALUE if masked else _address(address, commune_code),
        id_number=messages.MASKED_VALUE if masked else id_no,
        summary=summary, petition_kind=kind, crowd_size=crowd, prior_handlers=handlers,
        within_competence=outcome == Outcome.ACCEPTED,
        guided_to=body_doc if outcome == Outcome.GUIDED else "",
        transferred_to=body_doc if outcome == Outcome.TRANSFERRED else "",
        follow_up=CASE_STATUS_LABELS.get(status or "", status or ""),
        note="; ".join(notes), reception_kind=rkind, officer_name=officer or "", masked=masked,
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
    return [found[i] for i in ids if i in found]


def log_number(db: Database, petition_id: int) -> tuple[int, int]:
    row = db.execute("SELECT log_year, log_no FROM petitions WHERE id = ?", [petition_id]).fetchone()
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    return row


def reveal_identity(db: Database, petition_id: int, officer_id: int | None, reason: str,
                    now: datetime | None = None) -> LogRow:
    """Show one denouncer's identity; the reveal (who, when, why) is written first."""
    reason = clean(reason)
    if not reason:
        raise DeskError(messages.REVEAL_REASON_REQUIRED, field="reason")
    if db.execute("SELECT 1 FROM petitions WHERE id = ?", [petition_id]).fetchone() is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    with db.atomic():
        db["identity_reveals"].insert({
            "petition_id": petition_id, "officer_id": officer_id, "reason": reason,
            "revealed_at": (now or datetime.now()).isoformat(timespec="seconds"),
        })
    return log_rows(db, [petition_id], {petition_id})[0]
