"""One log-book line in full, for the record window: the identity recorded with the visit,
its corrections, and the history of the person's current details."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.reception.corrections import Correction, visit_corrections
from desk_app.core.reception.identity import (
    IDENTITY_LABELS,
    PersonChange,
    current_identity,
    display,
    person_history,
    snapshot_values,
)
from desk_app.core.reception.logbook import PROTECTED_VISIT, _arrival_note
from desk_app.core.storage import rows
from desk_app.core.text import dmy

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
    visit_id: int = 0
    person_id: int = 0
    id_issued_on: str = ""
    id_issued_place: str = ""
    cancelled: str = ""  # "dd/mm/yyyy: reason" when the entry was cancelled
    corrections: tuple[Correction, ...] = ()
    # The person's details today where they differ from those recorded: (label, value).
    current_details: tuple[tuple[str, str], ...] = ()
    person_changes: tuple[PersonChange, ...] = ()
    # How it arrived when not at a reception ("Đơn gửi qua bưu chính, dấu bưu điện ngày …"),
    # and who presented it for the person (docs/channels.md); empty for a plain reception.
    channel: str = ""
    agent: str = ""


def petition_record(db: Database, petition_id: int, reveal: bool = False) -> Record:
    row = rows.one(
        db,
        """SELECT p.log_no, p.log_year, p.received_at, v.reception_kind, o.full_name AS officer,
                  v.identity_id, v.person_id, v.crowd_size, p.kind, p.topic, p.summary,
                  v.prior_handlers, v.outcome, v.outcome_body, v.outcome_doc_no,
                  v.refusal_reason, v.note, v.id AS visit_id, """ + PROTECTED_VISIT + """ AS protected,
                  v.cancelled_at, v.cancel_reason, p.arrival, v.source_body, v.source_doc_no,
                  v.source_doc_on, v.mailed_on, v.channel_ref, v.agent_identity_id,
                  v.agent_role, v.agent_proof
             FROM petitions p JOIN visits v ON v.id = p.visit_id
             LEFT JOIN officers o ON o.id = v.officer_id
            WHERE p.id = ?""", [petition_id])
    if row is None:
        raise DeskError(messages.RECORD_MISSING.format(id=petition_id))
    vid, person_id, kind = row["visit_id"], row["person_id"], row["kind"]
    refusal, cancelled_at = row["refusal_reason"], row["cancelled_at"]
    protected = row["protected"]
    masked = bool(protected) and not reveal
    hide = messages.MASKED_VALUE
    who = snapshot_values(db, row["identity_id"])
    reps = tuple(r[0] if not masked else hide for r in db.execute(
        "SELECT i.full_name || CASE WHEN i.id_number <> '' THEN ' (' || i.id_number || ')'"
        " ELSE '' END FROM visit_representatives vr"
        " JOIN identity_snapshots i ON i.id = vr.identity_id"
        " WHERE vr.visit_id = ? ORDER BY vr.ord", [vid]))
    docs = tuple(catalog.document_line(**d) for d in rows.every(
        db, "SELECT name, pages, condition, copy FROM visit_documents WHERE visit_id = ?"
            " ORDER BY ord", [vid]))
    # The receipt 02/TCD, or a letter's acknowledgement (channels.json, `acknowledgement`).
    receipt = db.execute("SELECT number FROM issued_documents WHERE visit_id = ?"
                         " AND kind IN ('bien_nhan_02', 'bao_nhan_don') ORDER BY id LIMIT 1",
                         [vid]).fetchone()
    channel = ""
    if row["arrival"] and row["arrival"] != "truc_tiep":
        channel = _arrival_note(row["arrival"], row["source_body"], row["source_doc_no"],
                                row["source_doc_on"], row["mailed_on"])
        if row["channel_ref"] and not masked:
            channel += f" ({row['channel_ref']})"
    agent = ""
    if row["agent_identity_id"] is not None:
        if masked:
            agent = hide
        else:
            them = snapshot_values(db, row["agent_identity_id"])
            role = row["agent_role"] or ""
            agent = "; ".join(x for x in (
                them["full_name"] + (f" ({them['id_number']})" if them["id_number"] else ""),
                catalog.AGENT_ROLE_LABELS.get(role, role), row["agent_proof"]) if x)
    full_address = ", ".join(x for x in (who["address"], catalog.commune_label(who["commune_code"]))
                             if x)
    reason = next((r.name for r in catalog.refusal_reasons() if r.code == refusal), refusal or "")
    current: tuple[tuple[str, str], ...] = ()
    changes: tuple[PersonChange, ...] = ()
    if not masked:  # a denouncer's later details would identify them as well
        now = current_identity(db, person_id)
        current = tuple((label, display(f, now.get(f))) for f, label in IDENTITY_LABELS.items()
                        if now.get(f) != who[f])
        changes = person_history(db, person_id)

    def shown(field: str) -> str:
        """The recorded value as the record window has always shown it (dates ISO)."""
        return hide if masked else str(who[field] or "")

    return Record(
        petition_id=petition_id, log_label=f"Số {row['log_no']}/{row['log_year']}",
        received_at=row["received_at"],
        reception_kind=catalog.RECEPTION_KIND_LABELS.get(row["reception_kind"],
                                                         row["reception_kind"]),
        officer=row["officer"] or "",
        person_name=messages.MASKED_NAME if masked else who["full_name"],
        id_number=shown("id_number"), date_of_birth=shown("date_of_birth"), sex=shown("sex"),
        phone=shown("phone"), address=hide if masked else full_address,
        old_address=shown("old_address"), crowd_size=row["crowd_size"], representatives=reps,
        kind=catalog.PETITION_KIND_LABELS.get(kind, kind), topic=catalog.topic_name(row["topic"]),
        summary=row["summary"], prior_handlers=row["prior_handlers"],
        outcome=catalog.OUTCOME_LABELS.get(row["outcome"], row["outcome"]),
        outcome_body=(f"{row['outcome_body']} ({row['outcome_doc_no']})" if row["outcome_doc_no"]
                      else row["outcome_body"]),
        refusal_reason=reason, note=row["note"],
        documents=docs, receipt_no=receipt[0] if receipt else "", masked=masked,
        visit_id=vid, person_id=person_id, id_issued_on=shown("id_issued_on"),
        id_issued_place=shown("id_issued_place"),
        cancelled=f"{dmy(cancelled_at)}: {row['cancel_reason']}" if cancelled_at else "",
        corrections=visit_corrections(db, vid, masked=masked),
        current_details=current, person_changes=changes, channel=channel, agent=agent)
