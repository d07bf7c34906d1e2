"""Register a visit and the petitions it brings, in one transaction (DESIGN §3)."""

from __future__ import annotations

import re
import uuid
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog, json_input
from desk_app.core.cases.labels import FLAGS
from desk_app.core.cases.tracking import open_case
from desk_app.core.errors import DeskError
from desk_app.core.model import (
    IdKind,
    IntakeForm,
    Outcome,
    PersonForm,
    Registered,
)
from desk_app.core.reception import search_index
from desk_app.core.reception.ids import check_cccd
from desk_app.core.text import clean, fold

if TYPE_CHECKING:
    from sqlite_utils import Database

EARLIEST = datetime(2014, 7, 1)  # Law on Citizen Reception 42/2013 in force
FUTURE_SLACK = timedelta(minutes=10)  # the desk clock and the PC clock may differ a little
CROWD_MIN = 5  # Law on Citizen Reception art. 30: 5 or more people with one content
RECEIPT_KIND = "bien_nhan_02"  # Form 02/TCD, Circular 04/2021 as amended
_PHONE = re.compile(r"^0\d{9}$")


def normalize_phone(phone: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", phone or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def check_person(person: PersonForm, on: date) -> None:
    if not clean(person.full_name):
        raise DeskError(messages.NAME_REQUIRED, field="full_name")
    if any(ch.isdigit() for ch in person.full_name):
        raise DeskError(messages.NAME_INVALID.format(name=clean(person.full_name)), field="full_name")
    number = person.id_number.strip()
    if not number and person.id_kind != IdKind.KHAC:
        raise DeskError(messages.ID_REQUIRED, field="id_number")
    if person.id_kind == IdKind.CCCD:
        check_cccd(number, person.date_of_birth, person.sex)
    elif person.id_kind == IdKind.CMND and not (number.isascii() and number.isdigit()
                                                and len(number) in (9, 12)):
        raise DeskError(messages.ID_CMND_DIGITS, field="id_number")
    if person.date_of_birth and person.date_of_birth > on:
        raise DeskError(messages.DOB_FUTURE.format(dob=person.date_of_birth.strftime("%d/%m/%Y")),
                        field="date_of_birth")
    if person.phone.strip() and not _PHONE.match(normalize_phone(person.phone)):
        raise DeskError(messages.PHONE_INVALID.format(phone=person.phone.strip()), field="phone")


def check_crowd(size: int, representatives: int) -> None:
    """Representatives of a crowd, counting the person who presents (Law art. 30(2))."""
    if size < 1:
        raise DeskError(messages.CROWD_SIZE.format(value=size), field="crowd_size")
    if representatives > size:
        raise DeskError(messages.CROWD_REPS_TOO_MANY.format(reps=representatives, size=size),
                        field="representatives")
    if size < CROWD_MIN:
        if representatives > 1:
            raise DeskError(messages.REPS_WITHOUT_CROWD.format(size=size), field="representatives")
        return
    if representatives < 1:
        raise DeskError(messages.CROWD_NEEDS_REPS.format(size=size), field="representatives")
    if size <= 10 and representatives > 2:
        raise DeskError(messages.CROWD_REPS_5_10.format(size=size, reps=representatives),
                        field="representatives")
    if size > 10 and representatives > 5:
        raise DeskError(messages.CROWD_REPS_OVER_10.format(size=size, reps=representatives),
                        field="representatives")


def check_storable(value: object, field: str = "") -> None:
    """Refuse text SQLite cannot store: lone UTF-16 surrogates (a damaged paste, a file
    written by a buggy program). Walks the form's dataclasses and tuples."""
    if isinstance(value, str):
        json_input.check_text(field or "?", value)
    elif is_dataclass(value):
        for f in fields(value):
            check_storable(getattr(value, f.name), f.name)
    elif isinstance(value, tuple):
        for item in value:
            check_storable(item, field)


def validate(form: IntakeForm, now: datetime, officer_ids: set[int] | None = None) -> None:
    if form.received_at > now + FUTURE_SLACK:
        raise DeskError(messages.RECEIVED_AT_FUTURE.format(
            when=form.received_at.strftime("%H:%M %d/%m/%Y")), field="received_at")
    if form.received_at < EARLIEST:
        raise DeskError(messages.RECEIVED_AT_OLD.format(
            when=form.received_at.strftime("%d/%m/%Y")), field="received_at")
    check_person(form.person, form.received_at.date())
    check_crowd(form.crowd_size, 1 + len(form.representatives))
    for index, rep in enumerate(form.representatives, start=2):
        try:
            check_person(rep, form.received_at.date())
        except DeskError as exc:
            raise DeskError(messages.REP_LABEL.format(index=index, message=exc.message),
                            field="representatives") from None
    if not form.parts:
        raise DeskError(messages.PARTS_REQUIRED, field="summary")
    kinds = [part.kind for part in form.parts]
    for part in form.parts:
        if kinds.count(part.kind) > 1:
            raise DeskError(messages.PARTS_SAME_KIND.format(
                kind=catalog.PETITION_KIND_LABELS[part.kind]), field="petition_kind")
        if part.topic not in {t.code for t in catalog.topics()}:
            raise DeskError(messages.TOPIC_UNKNOWN.format(value=part.topic), field="topic")
        if not clean(part.summary):
            raise DeskError(messages.SUMMARY_REQUIRED, field="summary")
    if form.outcome == Outcome.REFUSED:
        if not form.refusal_reason:
            raise DeskError(messages.REFUSAL_REASON_REQUIRED, field="refusal_reason")
        if form.refusal_reason not in {r.code for r in catalog.refusal_reasons()}:
            raise DeskError(messages.REFUSAL_REASON_UNKNOWN.format(value=form.refusal_reason),
                            field="refusal_reason")
    elif form.refusal_reason:
        raise DeskError(messages.REFUSAL_REASON_UNEXPECTED, field="refusal_reason")
    if form.outcome in (Outcome.GUIDED, Outcome.TRANSFERRED) and not clean(form.outcome_body):
        action = "hướng dẫn đến" if form.outcome == Outcome.GUIDED else "chuyển đơn đến"
        raise DeskError(messages.OUTCOME_BODY_REQUIRED.format(action=action), field="outcome_body")
    for index, doc in enumerate(form.documents, start=1):
        if not clean(doc.name):
            raise DeskError(messages.DOC_NAME_REQUIRED.format(index=index), field="documents")
        if doc.pages < 1:
            raise DeskError(messages.DOC_PAGES.format(name=clean(doc.name), pages=doc.pages),
                            field="documents")
    if form.officer_id is not None and officer_ids is not None and form.officer_id not in officer_ids:
        raise DeskError(messages.OFFICER_UNKNOWN.format(value=form.officer_id), field="officer")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _person_values(person: PersonForm) -> dict:
    return {
        "full_name": clean(person.full_name),
        "name_key": fold(clean(person.full_name)),
        "id_kind": str(person.id_kind),
        "id_number": person.id_number.strip(),
        "id_issued_on": _iso(person.id_issued_on),
        "date_of_birth": _iso(person.date_of_birth),
        "sex": str(person.sex) if person.sex else None,
        "phone": normalize_phone(person.phone),
        "address": clean(person.address),
        "commune_code": person.commune_code,
        "old_address": clean(person.old_address),
    }


def save_person(db: Database, person: PersonForm, stamp: str) -> tuple[int, bool]:
    """Find the person by ID number or add them; returns (id, identity changed)."""
    values = _person_values(person)
    existing = None
    if values["id_number"]:
        existing = db.execute(
            "SELECT * FROM persons WHERE id_number = ? AND id_kind = ? ORDER BY id LIMIT 1",
            [values["id_number"], values["id_kind"]]).fetchone()
    if existing is None:
        values.update(uuid=str(uuid.uuid4()), created_at=stamp, updated_at=stamp, version=1)
        return db["persons"].insert(values).last_pk, False
    columns = [d[0] for d in db.execute("SELECT * FROM persons LIMIT 0").description]
    current = dict(zip(columns, existing, strict=True))
    # Blank form fields keep what is known: a quick repeat visit must not erase a phone number.
    changes = {k: v for k, v in values.items() if v not in (None, "") and current[k] != v}
    if changes:
        changes.update(updated_at=stamp, version=current["version"] + 1)
        db["persons"].update(current["id"], changes)
    return current["id"], bool(changes)


def _next(db: Database, sql: str, params: list) -> int:
    return db.execute(sql, params).fetchone()[0] + 1


def intake_key(value: object) -> str:
    """An idempotency key in its canonical form: any spelling of one UUID is one key."""
    try:
        if not isinstance(value, str) or len(value) > 64:
            raise ValueError(value)
        return str(uuid.UUID(value))
    except ValueError:
        shown = value if isinstance(value, str) and len(value) <= 64 else repr(value)[:64]
        raise DeskError(messages.INTAKE_ID_INVALID.format(value=shown), field="intake_id") from None


def recorded_intake(db: Database, intake_id: str) -> Registered | None:
    """The visit an intake with this idempotency key recorded, as its save returned it."""
    row = db.execute("SELECT id, uuid, person_id FROM visits WHERE intake_id = ?",
                     [intake_id]).fetchone()
    if row is None:
        return None
    petitions = db.execute("SELECT id, case_id FROM petitions WHERE visit_id = ? ORDER BY id",
                           [row[0]]).fetchall()
    receipt = db.execute("SELECT number FROM issued_documents WHERE visit_id = ? AND kind = ?"
                         " ORDER BY seq LIMIT 1", [row[0], RECEIPT_KIND]).fetchone()
    return Registered(row[0], row[1], row[2], tuple(p[0] for p in petitions),
                      tuple(p[1] for p in petitions if p[1] is not None),
                      receipt[0] if receipt else None, already_recorded=True)


def register_visit(db: Database, form: IntakeForm, now: datetime | None = None) -> Registered:
    now = now or datetime.now()
    if form.intake_id is not None:
        form = replace(form, intake_id=intake_key(form.intake_id))
    check_storable(form)
    # A save repeated with the same key (double click, retry after a crash, the same file
    # run twice) returns the first visit, even if the rules would now judge it otherwise.
    if form.intake_id and (earlier := recorded_intake(db, form.intake_id)):
        return earlier
    officer_ids = {r[0] for r in db.execute("SELECT id FROM officers")}
    validate(form, now, officer_ids)
    stamp = now.isoformat(timespec="seconds")
    received = form.received_at.replace(microsecond=0).isoformat()
    year = form.received_at.year
    with db.atomic():
        # Checked again under the write lock (BEGIN IMMEDIATE): another writer may have
        # recorded the same key since the first look.
        if form.intake_id and (earlier := recorded_intake(db, form.intake_id)):
            return earlier
        person_id, identity_changed = save_person(db, form.person, stamp)
        visit_uuid = str(uuid.uuid4())
        visit_id = db["visits"].insert({
            "uuid": visit_uuid, "received_at": received,
            "reception_kind": str(form.reception_kind), "officer_id": form.officer_id,
            "person_id": person_id, "crowd_size": form.crowd_size,
            "prior_handlers": clean(form.prior_handlers), "outcome": str(form.outcome),
            "refusal_reason": form.refusal_reason, "outcome_body": clean(form.outcome_body),
            "outcome_doc_no": clean(form.outcome_doc_no), "note": clean(form.note),
            "written_by_officer": int(form.written_by_officer), "created_at": stamp, "version": 1,
            "intake_id": form.intake_id,
        }).last_pk
        changed = {person_id} if identity_changed else set()
        for ord_, rep in enumerate(form.representatives, start=1):
            rep_id, rep_changed = save_person(db, rep, stamp)
            if rep_changed:
                changed.add(rep_id)
            db["visit_representatives"].insert(
                {"visit_id": visit_id, "person_id": rep_id, "ord": ord_})
        db["visit_documents"].insert_all(
            {"visit_id": visit_id, "ord": i, "name": clean(d.name), "pages": d.pages,
             "condition": clean(d.condition), "copy": str(d.copy)}
            for i, d in enumerate(form.documents, start=1))
        petition_ids, case_ids = [], []
        log_no = _next(db, "SELECT COALESCE(MAX(log_no), 0) FROM petitions WHERE log_year = ?", [year])
        for part in form.parts:
            case_id = None
            if form.outcome != Outcome.REFUSED:
                case_id = open_case(
                    db, person_id=person_id, kind=str(part.kind), topic=part.topic,
                    title=part.summary, received_at=form.received_at,
                    officer_id=form.officer_id, stamp=stamp, outcome=str(form.outcome),
                    body=form.outcome_body, doc_no=form.outcome_doc_no,
                    flags=FLAGS["crowd"][0] if form.crowd_size >= CROWD_MIN else 0)
                case_ids.append(case_id)
            petition_ids.append(db["petitions"].insert({
                "uuid": str(uuid.uuid4()), "visit_id": visit_id, "person_id": person_id,
                "case_id": case_id, "log_year": year, "log_no": log_no, "kind": str(part.kind),
                "topic": part.topic, "summary": clean(part.summary), "received_at": received,
                "signatories": form.crowd_size, "created_at": stamp, "version": 1,
            }).last_pk)
            log_no += 1
        receipt_no = None
        if form.outcome != Outcome.REFUSED:
            seq = _next(db, "SELECT COALESCE(MAX(seq), 0) FROM issued_documents"
                            " WHERE kind = ? AND year = ?", [RECEIPT_KIND, year])
            receipt_no = f"{seq}/GBN-TCD"
            db["issued_documents"].insert({
                "uuid": str(uuid.uuid4()), "kind": RECEIPT_KIND, "year": year, "seq": seq,
                "number": receipt_no, "visit_id": visit_id, "issued_at": stamp,
            })
        reindex = set(petition_ids)
        if changed:
            # Corrected details must reach every line that shows them: the person's own
            # petitions and those of visits where they were a representative.
            marks = ",".join("?" * len(changed))
            reindex.update(r[0] for r in db.execute(
                f"SELECT id FROM petitions WHERE person_id IN ({marks})"
                " UNION SELECT p.id FROM petitions p JOIN visit_representatives vr"
                f" ON vr.visit_id = p.visit_id WHERE vr.person_id IN ({marks})",
                [*changed, *changed]))
        search_index.index_petitions(db, sorted(reindex))
    return Registered(visit_id, visit_uuid, person_id, tuple(petition_ids), tuple(case_ids),
                      receipt_no)

