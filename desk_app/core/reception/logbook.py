"""The reception log book (Sổ tiếp công dân, form 03/TCD) as sorted id lists and pages of rows.

Big lists (docs/architecture.md, docs/log.md): the sorted, filtered list of petition ids comes
from log_order.py (the first screen at once, the rest after), and rows are fetched a page at a
time with `id IN (…)`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases.lifecycle import status_label
from desk_app.core.cases.log_steps import later_steps
from desk_app.core.errors import DeskError
from desk_app.core.model import LogRow, Outcome
from desk_app.core.reception.log_order import SORTS, LogFilter, fetch_ids, log_ids, log_sql
from desk_app.core.security import audit, session
from desk_app.core.storage import rows
from desk_app.core.text import dmy

if TYPE_CHECKING:
    from sqlite_utils import Database

# Which lines, in which order: log_order.py (re-exported: callers import them from here).
__all__ = ["SORTS", "LogFilter", "fetch_ids", "log_ids", "log_rows", "log_sql"]


# True when the line's visit brings a denunciation: every line of it is then protected
# (Denunciation law art. 47; migration 0004 keeps the name sort in step). `p` is the petition.
PROTECTED_VISIT = "EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = p.visit_id AND q.kind = 'to_cao')"

_ROW_SQL = """
SELECT p.id, p.visit_id, p.received_at, p.kind, p.summary,
       p.log_no || '/' || p.log_year AS log_label,
       pe.full_name, pe.address, pe.id_number, pe.commune_code,
       v.crowd_size, v.prior_handlers, v.outcome, v.outcome_body, v.outcome_doc_no,
       v.refusal_reason, v.note, v.reception_kind, o.full_name AS officer, c.status,
       """ + PROTECTED_VISIT + """ AS protected, c.id AS case_id,
       CASE WHEN c.is_open = 1 THEN c.due_on END AS due_on,
       v.cancelled_at, v.cancel_reason, v.corrected_at, p.arrival, v.source_body,
       v.source_doc_no, v.source_doc_on, v.mailed_on, a.full_name AS agent_name, v.agent_role
  FROM petitions p
  JOIN visits v ON v.id = p.visit_id
  JOIN identity_snapshots pe ON pe.id = v.identity_id
  LEFT JOIN officers o ON o.id = v.officer_id
  LEFT JOIN cases c ON c.id = p.case_id
  LEFT JOIN identity_snapshots a ON a.id = v.agent_identity_id
 WHERE p.id IN ({marks})
"""

def _address(address: str, commune_code: int | None) -> str:
    label = catalog.commune_label(commune_code)
    if label and label not in address:
        return f"{address}, {label}" if address else label
    return address


def _row(r: dict, reveal: bool) -> LogRow:
    kind, outcome, note, refusal = r["kind"], r["outcome"], r["note"], r["refusal_reason"]
    body, doc_no = r["outcome_body"], r["outcome_doc_no"]
    cancelled_at, corrected_at = r["cancelled_at"], r["corrected_at"]
    arrival = r["arrival"]
    # A denunciation masks every line of its visit (see migration 0004).
    masked = bool(r["protected"]) and not reveal
    body_doc = f"{body} ({doc_no})" if doc_no else body
    notes = [note] if note else []
    if outcome == Outcome.REFUSED and refusal:
        notes.insert(0, "Từ chối tiếp: " + next(
            (x.name for x in catalog.refusal_reasons() if x.code == refusal), refusal))
    if arrival and arrival != "truc_tiep":
        notes.insert(0, _arrival_note(arrival, r["source_body"], r["source_doc_no"],
                                      r["source_doc_on"], r["mailed_on"]))
    if r["agent_name"] and not masked:
        notes.append(messages.LOG_AGENT_NOTE.format(
            name=r["agent_name"],
            role=catalog.AGENT_ROLE_LABELS.get(r["agent_role"] or "", "").lower()))
    # A cancelled entry keeps its number and says so first; a corrected one says when.
    if corrected_at:
        notes.append(messages.LOG_CORRECTED_NOTE.format(day=dmy(corrected_at)))
    if cancelled_at:
        notes.insert(0, messages.LOG_CANCELLED_NOTE.format(day=dmy(cancelled_at),
                                                           reason=r["cancel_reason"]))
    return LogRow(
        log_label=r["log_label"], petition_id=r["id"], visit_id=r["visit_id"],
        received_at=r["received_at"],
        person_name=messages.MASKED_NAME if masked else r["full_name"],
        address=messages.MASKED_VALUE if masked else _address(r["address"], r["commune_code"]),
        id_number=messages.MASKED_VALUE if masked else r["id_number"],
        summary=r["summary"], petition_kind=kind, crowd_size=r["crowd_size"],
        prior_handlers=r["prior_handlers"], within_competence=outcome == Outcome.ACCEPTED,
        guided_to=body_doc if outcome == Outcome.GUIDED else "",
        transferred_to=body_doc if outcome == Outcome.TRANSFERRED else "",
        follow_up=status_label(r["status"], kind),
        note="; ".join(notes), reception_kind=r["reception_kind"],
        officer_name=r["officer"] or "", masked=masked, case_id=r["case_id"],
        due_on=r["due_on"], cancelled=bool(cancelled_at), corrected=bool(corrected_at),
        channel=arrival or "truc_tiep",
    )


def _arrival_note(arrival: str, body: str, doc_no: str, doc_on: str | None,
                  mailed_on: str | None) -> str:
    """How a petition without a visit arrived, for the notes column."""
    text = catalog.channel_name(arrival)
    if body:
        text += f": {body}"
        if doc_no:
            text += f", văn bản số {doc_no}"
        if doc_on:
            text += f" ngày {dmy(doc_on)}"
    if mailed_on:
        text += f", dấu bưu điện ngày {dmy(mailed_on)}"
    return text


def log_rows(db: Database, ids, revealed: frozenset[int] | set[int] = frozenset()) -> list[LogRow]:
    """Rows for these ids, in the same order; denouncers are masked unless revealed."""
    ids = list(ids)
    if not ids:
        return []
    found = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        sql = _ROW_SQL.format(marks=",".join("?" * len(chunk)))
        for r in rows.named(db.conn.execute(sql, chunk)):
            found[r["id"]] = _row(r, r["id"] in revealed)
    _with_later_steps(db, found)
    return [found[i] for i in ids if i in found]


def _with_later_steps(db: Database, lines: dict[int, LogRow]) -> None:
    """The handling columns of Form 03/TCD follow the case's later steps (a transfer a week
    after the visit shows), not only the outcome typed at the desk (cases.log_steps)."""
    steps = later_steps(db, (r.case_id for r in lines.values()))
    for pid, row in lines.items():
        found = steps.get(row.case_id) if row.case_id is not None else None
        if found is not None:
            lines[pid] = replace(
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
