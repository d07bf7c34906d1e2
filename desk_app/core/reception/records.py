"""One log-book line in full, for the record window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.reception.logbook import PROTECTED_VISIT

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Record:
    petition_id: int
    log_label: str  # "Số 12/2026"
    received_at: str
    reception_kind: str
    officer: str
    person_name: str
    id_number: str
    date_of_birth: str
    sex: str
    phone: str
    address: str
    old_address: str
    crowd_size: int
    representatives: tuple[str, ...]
    kind: str
    topic: str
    summary: str
    prior_handlers: str
    outcome: str
    outcome_body: str
    refusal_reason: str
    note: str
    documents: tuple[str, ...]
    receipt_no: str
    masked: bool


def petition_record(db: Database, petition_id: int, reveal: bool = False) -> Record:
    row = db.execute(
        """SELECT p.log_no, p.log_year, p.received_at, v.reception_kind, o.full_name,
                  pe.full_name, pe.id_number, pe.date_of_birth, pe.sex, pe.phone, pe.address,
                  pe.commune_code, pe.old_address, v.crowd_size, p.kind, p.topic, p.summary,
                  v.prior_handlers, v.outcome, v.outcome_body, v.outcome_doc_no,
                  v.refusal_reason, v.note, v.id, """ + PROTECTED_VISIT + """
             FROM petitions p JOIN visits v ON v.id = p.visit_id
             JOIN persons pe ON pe.id = p.person_id
             LEFT JOIN officers o ON o.id = v.officer_id
            WHERE p.id = ?""", [petition_id]).fetchone()
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    (log_no, year, received, rkind, officer, name, id_no, dob, sex, phone, address, commune,
     old, crowd, kind, topic, summary, handlers, outcome, body, doc_no, refusal, note, vid,
     protected) = row
    masked = bool(protected) and not reveal
    hide = messages.MASKED_VALUE
    reps = tuple(r[0] if not masked else hide for r in db.execute(
        "SELECT pe.full_name || CASE WHEN pe.id_number <> '' THEN ' (' || pe.id_number || ')'"
        " ELSE '' END FROM visit_representatives vr JOIN persons pe ON pe.id = vr.person_id"
        " WHERE vr.visit_id = ? ORDER BY vr.ord", [vid]))
    copies = {"ban_goc": "bản gốc", "ban_sao": "bản sao", "ban_sao_chung_thuc": "bản sao chứng thực"}
    docs = tuple(f"{n} — {p} trang, {copies.get(c, c)}" + (f", {cond}" if cond else "")
                 for n, p, cond, c in db.execute(
                     "SELECT name, pages, condition, copy FROM visit_documents WHERE visit_id = ?"
                     " ORDER BY ord", [vid]))
    receipt = db.execute("SELECT number FROM issued_documents WHERE visit_id = ? AND kind = ?",
                         [vid, "bien_nhan_02"]).fetchone()
    full_address = ", ".join(x for x in (address, catalog.commune_label(commune)) if x)
    reason = next((r.name for r in catalog.refusal_reasons() if r.code == refusal), refusal or "")
    return Record(
        petition_id=petition_id, log_label=f"Số {log_no}/{year}", received_at=received,
        reception_kind=catalog.RECEPTION_KIND_LABELS.get(rkind, rkind), officer=officer or "",
        person_name=messages.MASKED_NAME if masked else name,
        id_number=hide if masked else id_no, date_of_birth=hide if masked else (dob or ""),
        sex=hide if masked else (sex or ""), phone=hide if masked else phone,
        address=hide if masked else full_address, old_address=hide if masked else old,
        crowd_size=crowd, representatives=reps,
        kind=catalog.PETITION_KIND_LABELS.get(kind, kind), topic=catalog.topic_name(topic),
        summary=summary, prior_handlers=handlers,
        outcome=catalog.OUTCOME_LABELS.get(outcome, outcome),
        outcome_body=f"{body} ({doc_no})" if doc_no else body, refusal_reason=reason, note=note,
        documents=docs, receipt_no=receipt[0] if receipt else "", masked=masked)
