"""What the case page and the case list show, read in a few queries.

A case about a denunciation masks who brought it (Denunciation law art. 47, 56) unless the
user reveals it for that case, which is recorded like a reveal in the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases import lifecycle
from desk_app.core.cases.labels import COMPLEXITY_LABELS, FLAGS, flag_names
from desk_app.core.errors import DeskError
from desk_app.core.storage import rows, uuids

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk_app.core.cases.attachments import Attachment
    from desk_app.core.cases.dialogues import Dialogue
    from desk_app.core.cases.tracking import CaseEvent, CaseMilestone


@dataclass(frozen=True)
class CasePetition:
    id: int
    log_label: str
    received_at: str
    kind: str
    summary: str
    visit_id: int


@dataclass(frozen=True)
class CaseDetail:
    id: int
    uuid: str
    kind: str
    kind_label: str
    topic: str
    title: str
    status: str
    status_label: str
    opened_on: str
    closed_on: str | None
    complexity: int
    complexity_label: str
    instance: int
    flags: tuple[str, ...]
    due_on: str | None
    assignee: str
    merged_into: int | None
    person_name: str
    person_id_number: str
    person_address: str
    person_phone: str
    masked: bool
    petitions: tuple[CasePetition, ...]
    representatives: tuple[str, ...]  # of crowd visits: name (ID)
    documents: tuple[str, ...]
    events: tuple[CaseEvent, ...]
    milestones: tuple[CaseMilestone, ...]
    attachments: tuple[Attachment, ...]
    dialogues: tuple[Dialogue, ...]
    issued: tuple[tuple[str, str, str], ...]  # (number, kind, issued_at)
    actions: tuple[str, ...]


def case_detail(db: Database, case_id: int, today: date, reveal: bool = False) -> CaseDetail:
    # Imported here: `desk-app cases` needs only case_rows, and these bring the deadline
    # engine (docs/scale.md, “Start-up”).
    from desk_app.core.cases.attachments import case_attachments
    from desk_app.core.cases.dialogues import case_dialogues
    from desk_app.core.cases.tracking import case_events, case_milestones

    row = rows.one(
        db,
        """SELECT c.uuid, c.kind, c.topic, c.title, c.status, c.opened_on, c.closed_on,
                  c.complexity, c.instance, c.flags, c.due_on, o.full_name AS assignee,
                  c.merged_into, pe.full_name, pe.id_number, pe.address, pe.commune_code,
                  pe.phone
             FROM cases c JOIN persons pe ON pe.id = c.person_id
             LEFT JOIN officers o ON o.id = c.assignee_id WHERE c.id = ?""", [case_id])
    if row is None:
        raise DeskError(messages.CASE_MISSING.format(id=case_id))
    kind, status, complexity = row["kind"], row["status"], row["complexity"]
    petitions = tuple(CasePetition(**r) for r in rows.every(
        db, "SELECT id, log_no || '/' || log_year AS log_label, received_at, kind, summary,"
            " visit_id FROM petitions WHERE case_id = ? ORDER BY received_at, id", [case_id]))
    # A case is protected when any of its visits carried a denunciation (as in the log).
    protected = kind == "to_cao" or bool(db.execute(
        "SELECT 1 FROM petitions p JOIN petitions q ON q.visit_id = p.visit_id"
        " WHERE p.case_id = ? AND q.kind = 'to_cao' LIMIT 1", [case_id]).fetchone())
    masked = protected and not reveal
    hide = messages.MASKED_VALUE
    visits = sorted({p.visit_id for p in petitions})
    marks = ",".join("?" * len(visits))
    documents = tuple(
        catalog.document_line(**d) for d in rows.every(
            db, "SELECT name, pages, condition, copy FROM visit_documents"
                f" WHERE visit_id IN ({marks}) ORDER BY visit_id, ord", visits)) if visits else ()
    representatives = tuple(
        hide if masked else r[0] for r in db.execute(
            "SELECT DISTINCT pe.full_name || CASE WHEN pe.id_number <> '' THEN ' ('"
            " || pe.id_number || ')' ELSE '' END FROM visit_representatives vr"
            f" JOIN persons pe ON pe.id = vr.person_id WHERE vr.visit_id IN ({marks})"
            " ORDER BY vr.visit_id, vr.ord", visits)) if visits else ()
    issued = tuple(db.execute(
        f"SELECT number, kind, issued_at FROM issued_documents WHERE case_id = ?"
        f" OR visit_id IN ({marks or 'NULL'}) ORDER BY issued_at", [case_id, *visits]))
    full_address = ", ".join(
        x for x in (row["address"], catalog.commune_label(row["commune_code"])) if x)
    return CaseDetail(
        id=case_id, uuid=uuids.text(row["uuid"]) or "", kind=kind,
        kind_label=catalog.PETITION_KIND_LABELS.get(kind, kind),
        topic=catalog.topic_name(row["topic"]), title=row["title"], status=status,
        status_label=lifecycle.status_label(status, kind), opened_on=row["opened_on"],
        closed_on=row["closed_on"], complexity=complexity,
        complexity_label=COMPLEXITY_LABELS[complexity], instance=row["instance"],
        flags=flag_names(row["flags"]), due_on=row["due_on"], assignee=row["assignee"] or "",
        merged_into=row["merged_into"],
        person_name=messages.MASKED_NAME if masked else row["full_name"],
        person_id_number=hide if masked else row["id_number"],
        person_address=hide if masked else full_address,
        person_phone=hide if masked else row["phone"],
        masked=masked, petitions=petitions, representatives=representatives,
        documents=documents,
        events=case_events(db, case_id, kind), milestones=case_milestones(db, case_id, today),
        attachments=case_attachments(db, case_id), dialogues=case_dialogues(db, case_id),
        issued=issued, actions=_actions(status, kind, row["flags"], row["closed_on"]))


def _actions(status: str, kind: str, flags: int, closed: object) -> tuple[str, ...]:
    """The steps offered, and "inform the police" on an open crowd or hot-spot case
    (docs/channels.md): a fact, offered where it matters rather than on every case."""
    actions = lifecycle.available_actions(status, kind)
    police = FLAGS["crowd"][0] | FLAGS["hot_spot"][0]
    return (*actions, "police") if flags & police and not closed else actions


@dataclass(frozen=True)
class CaseRow:
    id: int
    opened_on: str
    person_name: str
    kind: str
    title: str
    status: str
    due_on: str | None
    due_key: str | None
    flags: int
    masked: bool


def case_rows(db: Database, ids: list[int]) -> list[CaseRow]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {r["id"]: r for r in rows.every(
        db,
        f"""SELECT c.id, c.opened_on, pe.full_name AS person_name, c.kind, c.title, c.status,
                   c.due_on, c.due_key, c.flags, c.kind = 'to_cao' OR EXISTS (
                       SELECT 1 FROM petitions p JOIN petitions q ON q.visit_id = p.visit_id
                        WHERE p.case_id = c.id AND q.kind = 'to_cao') AS masked
              FROM cases c JOIN persons pe ON pe.id = c.person_id WHERE c.id IN ({marks})""",
        ids)}
    out = []
    for i in ids:
        r = found.get(i)
        if r is None:
            continue
        masked = bool(r["masked"])
        out.append(CaseRow(**{**r, "masked": masked,
                              "person_name": messages.MASKED_NAME if masked else r["person_name"]}))
    return out

