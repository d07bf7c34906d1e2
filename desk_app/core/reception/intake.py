"""Register a visit and the petitions it brings, in one transaction (docs/architecture.md, “Data flow”)."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core import catalog, json_input, limits
from desk_app.core.cases.calendar import check_date
from desk_app.core.cases.labels import FLAGS
from desk_app.core.cases.tracking import open_case
from desk_app.core.errors import DeskError
from desk_app.core.model import (
    IdKind,
    IntakeForm,
    Outcome,
    PersonForm,
    PetitionKind,
    PetitionPart,
    Registered,
)
from desk_app.core.reception import search_index
from desk_app.core.reception.channels import (
    acknowledgement,
    check_channel,
    check_police,
    is_visit,
    police_event,
    receive_data,
)
from desk_app.core.reception.identity import log_changes, normalize_phone, record_person
from desk_app.core.reception.ids import check_cccd
from desk_app.core.security import audit, session
from desk_app.core.security.roles import Permission
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean, dmy

if TYPE_CHECKING:
    from sqlite_utils import Database

EARLIEST = datetime(2014, 7, 1)  # Law on Citizen Reception 42/2013 in force
FUTURE_SLACK = timedelta(minutes=10)  # the desk clock and the PC clock may differ a little
CROWD_MIN = 5  # Law on Citizen Reception art. 30: 5 or more people with one content
RECEIPT_KIND = "bien_nhan_02"  # Form 02/TCD, Circular 04/2021 as amended
# A local notice that a petition sent by post, portal, website or e-mail was received (no
# official form; resources/catalog/channels.json says which channels get one).
ACK_KIND = "bao_nhan_don"
NUMBER_FORMATS = {RECEIPT_KIND: "{seq:02d}/GBN-TCD", ACK_KIND: "{seq:02d}/BNĐ-TCD"}
# Law on Citizen Identification 2014 (CCCD from 01/01/2016); Law on Identification 2023 (the
# căn cước card from 01/07/2024).
CCCD_FIRST = date(2016, 1, 1)
CAN_CUOC_FIRST = date(2024, 7, 1)
_PASSPORT = re.compile(r"^[A-Z0-9]{6,12}$")
_PHONE = re.compile(r"^0\d{9}$")
# Characters a name may hold besides letters, their marks and spaces ("Nguyễn Văn A (Tư)").
_NAME_PUNCTUATION = frozenset(".'-(),")


def _check_name(raw: str) -> str:
    name = limits.check_text("full_name", raw, name=True)
    if not name:
        raise DeskError(messages.NAME_REQUIRED, field="full_name")
    if any(not (ch.isalpha() or ch == " " or ch in _NAME_PUNCTUATION
                or unicodedata.category(ch).startswith("M")) for ch in name):
        raise DeskError(messages.NAME_INVALID.format(name=name), field="full_name")
    return name


def _check_dates(person: PersonForm, on: date, birth_year: int | None) -> None:
    """Birth and issue dates that can be true on the day of the visit."""
    dob, issued = person.date_of_birth, person.id_issued_on
    if dob and dob > on:
        raise DeskError(messages.DOB_FUTURE.format(dob=dmy(dob)), field="date_of_birth")
    if dob and dob < limits.DOB_MIN:
        raise DeskError(messages.DOB_TOO_OLD.format(dob=dmy(dob)), field="date_of_birth")
    if issued is None:
        return
    if issued > on:
        raise DeskError(messages.ID_ISSUED_FUTURE.format(issued=dmy(issued), day=dmy(on)),
                        field="id_issued_on")
    if issued < limits.DOB_MIN:
        raise DeskError(messages.ID_ISSUED_TOO_OLD.format(issued=dmy(issued)),
                        field="id_issued_on")
    if dob and issued < dob:
        raise DeskError(messages.ID_ISSUED_BEFORE_BIRTH.format(issued=dmy(issued), dob=dmy(dob)),
                        field="id_issued_on")
    if birth_year and issued.year < birth_year:
        raise DeskError(messages.ID_ISSUED_BEFORE_BIRTH_YEAR.format(
            issued=dmy(issued), year=birth_year), field="id_issued_on")


def check_person(person: PersonForm, on: date) -> None:
    """One person's identity as it may be recorded on the day `on` (intake and corrections)."""
    _check_name(person.full_name)
    for key in ("id_number", "id_issued_place", "phone", "address", "old_address"):
        limits.check_text(key, getattr(person, key))
    number = person.id_number.strip()
    if person.id_kind == IdKind.KHONG:
        # Law on Citizen Reception 2013 art. 7(2)(a): name and address, or an identity paper.
        if number:
            raise DeskError(messages.ID_NUMBER_WITHOUT_PAPER.format(number=number),
                            field="id_number")
        if not clean(person.address) and person.commune_code is None:
            raise DeskError(messages.ADDRESS_REQUIRED_WITHOUT_ID, field="address")
    elif not number and person.id_kind != IdKind.KHAC:
        raise DeskError(messages.ID_REQUIRED, field="id_number")
    birth_year = None
    if person.id_kind in (IdKind.CCCD, IdKind.CAN_CUOC):
        birth_year = check_cccd(number, person.date_of_birth, person.sex).birth_year
        # Digits 4-6 give the century and year of birth: 2190 or 1850 cannot be a visitor.
        if not limits.DOB_MIN.year <= birth_year <= on.year:
            raise DeskError(messages.ID_BIRTH_YEAR_IMPOSSIBLE.format(year=birth_year, day=dmy(on)),
                            field="id_number")
    elif person.id_kind == IdKind.CMND and not (number.isascii() and number.isdigit()
                                                and len(number) in (9, 12)):
        raise DeskError(messages.ID_CMND_DIGITS, field="id_number")
    elif person.id_kind == IdKind.HO_CHIEU and not _PASSPORT.match(number.upper()):
        raise DeskError(messages.ID_PASSPORT_FORMAT.format(number=number), field="id_number")
    elif person.id_kind == IdKind.GIAY_CHUNG_NHAN and not (
            number.isascii() and number.isdigit() and len(number) == 12):
        raise DeskError(messages.ID_CERTIFICATE_DIGITS, field="id_number")
    _check_dates(person, on, birth_year)
    _check_card_era(person)
    if person.phone.strip() and not _PHONE.match(normalize_phone(person.phone)):
        raise DeskError(messages.PHONE_INVALID.format(phone=person.phone.strip()), field="phone")
    if person.commune_code is not None and catalog.commune(person.commune_code) is None:
        raise DeskError(messages.COMMUNE_UNKNOWN.format(code=person.commune_code),
                        field="commune_code")


def _check_card_era(person: PersonForm) -> None:
    """CCCD cards were issued 2016 – 30/06/2024, căn cước cards from 01/07/2024."""
    issued = person.id_issued_on
    if issued is None:
        return
    if person.id_kind == IdKind.CCCD and issued >= CAN_CUOC_FIRST:
        raise DeskError(messages.ID_CCCD_ISSUED_LATE.format(issued=dmy(issued)),
                        field="id_issued_on")
    if person.id_kind == IdKind.CCCD and issued < CCCD_FIRST:
        raise DeskError(messages.ID_CCCD_ISSUED_EARLY.format(issued=dmy(issued)),
                        field="id_issued_on")
    if person.id_kind == IdKind.CAN_CUOC and issued < CAN_CUOC_FIRST:
        raise DeskError(messages.ID_CAN_CUOC_ISSUED_EARLY.format(issued=dmy(issued)),
                        field="id_issued_on")


def check_known_on(part: PetitionPart, received_on: date) -> None:
    """The day the act complained of became known (Complaints Law art. 9): complaints only,
    not after the petition arrived. Lateness is only warned of (cases.limitation)."""
    if part.known_on is None:
        return
    if part.kind != PetitionKind.KHIEU_NAI:
        raise DeskError(messages.INTAKE_KNOWN_ON_NOT_COMPLAINT, field="known_on")
    if part.known_on > received_on:
        raise DeskError(messages.DEADLINE_KNOWN_AFTER_RECEIVED.format(
            day=part.known_on.strftime("%d/%m/%Y"), received=received_on.strftime("%d/%m/%Y")),
            field="known_on")
    check_date(part.known_on)


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


def check_agent(form: IntakeForm) -> None:
    """Someone presenting on behalf of the person whose case it is: who, in what capacity,
    and the paper that proves it (Decree 154/2026 art. 4: unproven representation is a ground
    to refuse)."""
    if form.agent is None:
        if form.agent_role is not None or clean(form.agent_proof):
            raise DeskError(messages.AGENT_WITHOUT_AGENT, field="agent")
        return
    try:
        check_person(form.agent, form.received_at.date())
    except DeskError as exc:
        raise DeskError(messages.AGENT_LABEL.format(message=exc.message), field="agent") from None
    if form.agent_role is None:
        raise DeskError(messages.AGENT_ROLE_REQUIRED, field="agent_role")
    if not limits.check_text("agent_proof", form.agent_proof, form_field="agent_proof"):
        raise DeskError(messages.AGENT_PROOF_REQUIRED, field="agent_proof")
    number = form.agent.id_number.strip()
    if number and number == form.person.id_number.strip():
        raise DeskError(messages.AGENT_SAME_PERSON.format(number=number), field="agent")


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
    limits.check_crowd_size(form.crowd_size)
    check_channel(form)
    if is_visit(form):
        check_crowd(form.crowd_size, 1 + len(form.representatives))
    elif form.crowd_size < 1:  # a letter signed by several: its signatories
        raise DeskError(messages.CROWD_SIZE.format(value=form.crowd_size), field="crowd_size")
    check_agent(form)
    check_police(form, now)
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
        if not limits.check_text("summary", part.summary):
            raise DeskError(messages.SUMMARY_REQUIRED, field="summary")
        check_known_on(part, form.received_at.date())
    for key in ("prior_handlers", "outcome_body", "outcome_doc_no", "note"):
        limits.check_text(key, getattr(form, key))
    if form.outcome == Outcome.REFUSED:
        if not form.refusal_reason:
            raise DeskError(messages.REFUSAL_REASON_REQUIRED, field="refusal_reason")
        if form.refusal_reason not in {r.code for r in catalog.refusal_reasons()}:
            raise DeskError(messages.REFUSAL_REASON_UNKNOWN.format(value=form.refusal_reason),
                            field="refusal_reason")
    elif form.refusal_reason:
        raise DeskError(messages.REFUSAL_REASON_UNEXPECTED, field="refusal_reason")
    if form.outcome == Outcome.MEDIATION:
        if any(p.kind not in (PetitionKind.KIEN_NGHI, PetitionKind.PHAN_ANH) for p in form.parts):
            raise DeskError(messages.MEDIATION_KIND, field="outcome")
        if not clean(form.outcome_body):
            raise DeskError(messages.MEDIATION_BODY_REQUIRED, field="outcome_body")
    if form.outcome in (Outcome.GUIDED, Outcome.TRANSFERRED) and not clean(form.outcome_body):
        action = "hướng dẫn đến" if form.outcome == Outcome.GUIDED else "chuyển đơn đến"
        raise DeskError(messages.OUTCOME_BODY_REQUIRED.format(action=action), field="outcome_body")
    if len(form.documents) > limits.DOCUMENTS_MAX:
        raise DeskError(messages.DOCUMENTS_MAX.format(limit=limits.DOCUMENTS_MAX,
                                                      count=len(form.documents)), field="documents")
    for index, doc in enumerate(form.documents, start=1):
        name = limits.check_text("document_name", doc.name, form_field="documents")
        limits.check_text("document_condition", doc.condition, form_field="documents")
        if not name:
            raise DeskError(messages.DOC_NAME_REQUIRED.format(index=index), field="documents")
        if doc.pages < 1:
            raise DeskError(messages.DOC_PAGES.format(name=name, pages=doc.pages),
                            field="documents")
        limits.check_pages(name, doc.pages)
    if form.officer_id is not None and officer_ids is not None and form.officer_id not in officer_ids:
        raise DeskError(messages.OFFICER_UNKNOWN.format(value=form.officer_id), field="officer")


def check_session(db: Database, form: IntakeForm) -> None:
    """A visit taken during a reception session belongs to it (core/schedule): the session
    must exist and take place on the day of the visit."""
    if form.session_id is None:
        return
    row = db.execute("SELECT substr(starts_at, 1, 10), status FROM sessions WHERE id = ?",
                     [form.session_id]).fetchone()
    if row is None or row[1] not in ("planned", "held") \
            or row[0] != form.received_at.date().isoformat():
        raise DeskError(messages.INTAKE_SESSION_INVALID.format(id=form.session_id),
                        field="session")


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
    row = rows.one(db, "SELECT id, uuid, person_id FROM visits WHERE intake_id = ?",
                   [intake_id])
    if row is None:
        return None
    petitions = list(rows.every(db, "SELECT id, case_id FROM petitions WHERE visit_id = ?"
                                    " ORDER BY id", [row["id"]]))
    receipt = db.execute("SELECT number FROM issued_documents WHERE visit_id = ? AND kind IN (?, ?)"
                         " ORDER BY id LIMIT 1", [row["id"], RECEIPT_KIND, ACK_KIND]).fetchone()
    return Registered(visit_id=row["id"], visit_uuid=uuids.text(row["uuid"]) or "",
                      person_id=row["person_id"], petition_ids=tuple(p["id"] for p in petitions),
                      case_ids=tuple(p["case_id"] for p in petitions if p["case_id"] is not None),
                      receipt_no=receipt[0] if receipt else None, already_recorded=True)


def register_visit(db: Database, form: IntakeForm, now: datetime | None = None) -> Registered:
    now = now or datetime.now()
    if form.intake_id is not None:
        form = replace(form, intake_id=intake_key(form.intake_id))
    check_storable(form)
    # The signed-in user's role must allow recording, and their officer is the one recorded
    # (docs/security.md); with no one signed in (tests, internal jobs) the form's officer.
    session.require(db, Permission.RECORD)
    form = replace(form, officer_id=session.officer_for(db, form.officer_id))
    # A save repeated with the same key (double click, retry after a crash, the same file
    # run twice) returns the first visit, even if the rules would now judge it otherwise.
    if form.intake_id and (earlier := recorded_intake(db, form.intake_id)):
        return earlier
    officer_ids = {r[0] for r in db.execute("SELECT id FROM officers")}
    validate(form, now, officer_ids)
    check_session(db, form)
    stamp = now.isoformat(timespec="seconds")
    received = form.received_at.replace(microsecond=0).isoformat()
    year = form.received_at.year
    with db.atomic():
        # Checked again under the write lock (BEGIN IMMEDIATE): another writer may have
        # recorded the same key since the first look.
        if form.intake_id and (earlier := recorded_intake(db, form.intake_id)):
            return earlier
        who = record_person(db, form.person, stamp)
        person_id = who.person_id
        agent = record_person(db, form.agent, stamp) if form.agent is not None else None
        visit_uuid = uuids.new()
        visit = is_visit(form)
        visit_id = cast(int, db.table("visits").insert({
            "uuid": visit_uuid, "received_at": received,
            # Only a reception has a kind (regular, periodic, ad hoc, online): a letter has none.
            "reception_kind": str(form.reception_kind) if visit else "",
            "officer_id": form.officer_id,
            "person_id": person_id, "crowd_size": form.crowd_size,
            "prior_handlers": clean(form.prior_handlers), "outcome": str(form.outcome),
            "refusal_reason": form.refusal_reason, "outcome_body": clean(form.outcome_body),
            "outcome_doc_no": clean(form.outcome_doc_no), "note": clean(form.note),
            "written_by_officer": int(form.written_by_officer), "created_at": stamp, "version": 1,
            "identity_id": who.identity_id,
            "session_id": form.session_id,
            "intake_id": form.intake_id,
            "channel": str(form.channel), "channel_ref": clean(form.channel_ref),
            "mailed_on": form.mailed_on.isoformat() if form.mailed_on else None,
            "envelope_kept": int(form.envelope_kept), "source_body": clean(form.source_body),
            "source_doc_no": clean(form.source_doc_no),
            "source_doc_on": form.source_doc_on.isoformat() if form.source_doc_on else None,
            "agent_person_id": agent.person_id if agent else None,
            "agent_identity_id": agent.identity_id if agent else None,
            "agent_role": str(form.agent_role) if agent and form.agent_role else None,
            "agent_proof": clean(form.agent_proof),
            "police_informed_at": (form.police_informed_at.isoformat(timespec="minutes")
                                   if form.police_informed_at else None),
            "police_contact": clean(form.police_contact),
        }).last_pk)
        log_changes(db, person_id, list(who.changes), stamp, form.officer_id, visit_id=visit_id)
        if agent is not None:
            log_changes(db, agent.person_id, list(agent.changes), stamp, form.officer_id,
                        visit_id=visit_id)
        for ord_, rep in enumerate(form.representatives, start=1):
            rep_who = record_person(db, rep, stamp)
            log_changes(db, rep_who.person_id, list(rep_who.changes), stamp, form.officer_id,
                        visit_id=visit_id)
            db.table("visit_representatives").insert(
                {"visit_id": visit_id, "person_id": rep_who.person_id, "ord": ord_,
                 "identity_id": rep_who.identity_id})
        db.table("visit_documents").insert_all(
            {"visit_id": visit_id, "ord": i, "name": clean(d.name), "pages": d.pages,
             "condition": clean(d.condition), "copy": str(d.copy)}
            for i, d in enumerate(form.documents, start=1))
        petition_ids, case_ids = [], []
        arrived, police = receive_data(db, form), police_event(form)
        log_no = _next(db, "SELECT COALESCE(MAX(log_no), 0) FROM petitions WHERE log_year = ?", [year])
        for part in form.parts:
            case_id = None
            if form.outcome != Outcome.REFUSED:
                case_id = open_case(
                    db, person_id=person_id, kind=str(part.kind), topic=part.topic,
                    title=part.summary, received_at=form.received_at,
                    officer_id=form.officer_id, stamp=stamp, outcome=str(form.outcome),
                    body=form.outcome_body, doc_no=form.outcome_doc_no,
                    flags=FLAGS["crowd"][0] if form.crowd_size >= CROWD_MIN else 0,
                    known_on=part.known_on, receive_data=arrived, police=police)
                case_ids.append(case_id)
            petition_ids.append(cast(int, db.table("petitions").insert({
                "uuid": uuids.new(), "visit_id": visit_id, "person_id": person_id,
                "case_id": case_id, "log_year": year, "log_no": log_no, "kind": str(part.kind),
                "topic": part.topic, "summary": clean(part.summary), "received_at": received,
                "signatories": form.crowd_size, "created_at": stamp, "version": 1,
                "arrival": str(form.channel),
            }).last_pk))
            log_no += 1
        receipt_no = None
        # The receipt 02/TCD for a reception; for a letter, portal or e-mail petition the
        # channel's acknowledgement, or nothing (resources/catalog/channels.json).
        ack = {"bien_nhan_02": RECEIPT_KIND, "bao_nhan_don": ACK_KIND}.get(acknowledgement(form))
        if form.outcome != Outcome.REFUSED and ack is not None:
            seq = _next(db, "SELECT COALESCE(MAX(seq), 0) FROM issued_documents"
                            " WHERE kind = ? AND year = ?", [ack, year])
            receipt_no = NUMBER_FORMATS[ack].format(seq=seq)  # Decree 30/2020: two digits
            db.table("issued_documents").insert({
                "uuid": uuids.new(), "kind": ack, "year": year, "seq": seq,
                "number": receipt_no, "visit_id": visit_id, "issued_at": stamp,
            })
        # Earlier lines keep the identity they recorded (their snapshots): only this visit's
        # lines are indexed, even when the person's details changed.
        search_index.index_petitions(db, petition_ids)
        audit.record(db, "visit_create", "visit", visit_id,
                     {"petitions": petition_ids, "receipt": receipt_no})
    return Registered(visit_id, uuids.text(visit_uuid) or "", person_id, tuple(petition_ids),
                      tuple(case_ids), receipt_no)

