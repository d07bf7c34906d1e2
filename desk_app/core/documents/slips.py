"""The slips and notices of a case (docs/legal.md, “Forms”): what each prints (read from a case), its number, its issue.

Every kind is numbered sequentially per year in its series (kinds sharing a ký hiệu share
one, register.series), by `register.issue`, in the transaction that stores its payload and
hash; a failing render writes nothing. Issued again
for the same thing (the same transfer, the same acceptance, the same session…), a slip is
not numbered twice: the registered one comes back as a copy ("BẢN SAO").

    slip = issue_appointment(db, case_id)            # IssuedSlip(number="01/PH-TCD", pdf=…)
    slip = issue_slip(db, "phieu_chuyen_don", case_id)  # by slug (CLI, GUI)
    pdf = reprint_slip(db, slip.id)                  # the stored payload again, as a copy

The denunciation transfer slip (Circular 05/2021 Form 03) is built without the denouncer:
its payload has no name, address, ID or phone, and the content is scrubbed of them (Law on
Denunciations art. 47, 56), so neither the PDF nor the register holds them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases.deadlines import rule_set_for
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.cases.tracking import case_milestones, case_state
from desk_app.core.documents import register
from desk_app.core.documents.data import RECEIPT_KIND, office_values, signer_values
from desk_app.core.documents.kinds import (
    ACCEPTANCE,
    APPOINTMENT,
    CASE_SLIPS,  # noqa: F401  (kept importable here)
    DENUNCIATION_TRANSFER,
    GUIDANCE,
    NON_ACCEPTANCE,
    NOTICE_KINDS,
    PROPOSAL,
    SESSION_NOTICE,
    TRANSFER,
)
from desk_app.core.documents.layout import nfc
from desk_app.core.documents.register import Issued, issue
from desk_app.core.documents.renderers import SLIPS, SlipKind  # noqa: F401  (importable here)
from desk_app.core.documents.session_notice import CONFIDENTIAL, Session
from desk_app.core.errors import DeskError
from desk_app.core.model import CaseAction, CaseStatus
from desk_app.core.security import audit
from desk_app.core.storage import rows
from desk_app.core.text import fold

# Which slips carry the head's signature (and so want a signer set before printing): all but
# the appointment slip, which the reception officer and the citizen sign.
SIGNED_BY_HEAD = {kind: kind != APPOINTMENT for kind in SLIPS}

# What each document cites (verify against the texts in force; Law 136/2025 amends them).
TT05 = "Thông tư số 05/2021/TT-TTCP của Thanh tra Chính phủ"
BASIS: dict[str, Any] = {  # a basis, or one per petition kind
    PROPOSAL: {"khieu_nai": "Điều 27 Luật Khiếu nại năm 2011",
               "to_cao": "Điều 29 Luật Tố cáo năm 2018",
               "kien_nghi": TT05, "phan_anh": TT05},
    TRANSFER: TT05,
    DENUNCIATION_TRANSFER: f"Điều 24 Luật Tố cáo năm 2018 và {TT05}",
    GUIDANCE: f"Luật Tiếp công dân năm 2013 và {TT05}",
    # Complaints: the chairperson is competent (art. 17) and accepts (art. 27); the period and
    # its decree come from the case's rule set (complaint_acceptance), see _notice_basis.
    ACCEPTANCE: {"khieu_nai": "Điều 17 và Điều 27 Luật Khiếu nại năm 2011",
                 "to_cao": "Điều 29 Luật Tố cáo năm 2018"},
    NON_ACCEPTANCE: {"khieu_nai": "Điều 11, Điều 17 và Điều 27 Luật Khiếu nại năm 2011",
                     "to_cao": "Điều 29 Luật Tố cáo năm 2018"},
}
RESOLUTION_KEYS = ("complaint_resolution", "complaint_resolution_2", "denunciation_resolution")
# A case handled some other way has nothing left to propose for acceptance.
NOT_PROPOSABLE = frozenset({CaseStatus.GUIDED, CaseStatus.TRANSFERRED, CaseStatus.RETURNED,
                            CaseStatus.FILED, CaseStatus.MERGED, CaseStatus.WITHDRAWN})
REDACTED = "[…]"


@dataclass(frozen=True)
class IssuedSlip(Issued):
    copy: bool = False  # True: it had been issued before; this is the registered one again


# --- what a case prints ------------------------------------------------------------------------


def _setting(db: Database, key: str) -> str:
    """An office value that may not exist yet (address, phone): '' when unset."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return nfc(row[0]).strip() if row else ""


def _address(address: str, commune_code: int | None) -> str:
    label = catalog.commune_label(commune_code)
    if label and label not in (address or ""):
        return f"{address}, {label}" if address else label
    return address or ""


def _what(kind: str) -> str:
    """"đơn khiếu nại", "đơn tố cáo", …"""
    return "đơn " + catalog.PETITION_KIND_LABELS.get(kind, kind).lower()


@dataclass(frozen=True)
class _Case:
    id: int
    kind: str
    status: str
    competent: bool | None
    instance: int
    accepted_on: date | None
    received_on: str
    person: dict
    summaries: list[str]
    receipt_no: str
    officer: dict
    assignee: dict | None
    documents: list[dict]
    secrets: list[str]  # everything that identifies the people behind the case
    protected: bool  # a denunciation is involved (as in case_view)


def _officer(name: str | None, position: str | None) -> dict:
    return {"name": name or "", "position": position or ""}


def _load_case(db: Database, case_id: int) -> _Case:
    kind, st = case_state(db, case_id)  # CASE_MISSING for an unknown id
    c = rows.one(
        db,
        """SELECT c.title, c.opened_on, pe.full_name, pe.sex, pe.address, pe.commune_code,
                  pe.id_number, pe.phone, pe.old_address, a.full_name AS assignee,
                  a.position AS assignee_position
             FROM cases c JOIN persons pe ON pe.id = c.person_id
             LEFT JOIN officers a ON a.id = c.assignee_id WHERE c.id = ?""", [case_id])
    assert c is not None  # case_state refused an unknown id
    petitions = list(rows.every(
        db, "SELECT summary, received_at, visit_id FROM petitions WHERE case_id = ?"
            " ORDER BY received_at, id", [case_id]))
    visits = list(dict.fromkeys(p["visit_id"] for p in petitions))
    receipt_no, officer = "", _officer(None, None)
    documents: list[dict] = []
    secrets = [c["full_name"], c["id_number"], c["phone"], c["address"], c["old_address"]]
    if visits:
        row = db.execute("SELECT number FROM issued_documents WHERE visit_id = ? AND kind = ?"
                         " ORDER BY id LIMIT 1", [visits[0], RECEIPT_KIND]).fetchone()
        receipt_no = row[0] if row else ""
        officer = _officer(*db.execute(
            "SELECT o.full_name, o.position FROM visits v LEFT JOIN officers o"
            " ON o.id = v.officer_id WHERE v.id = ?", [visits[0]]).fetchone())
        marks = ",".join("?" * len(visits))
        documents = list(rows.every(
            db, f"SELECT name, pages, copy FROM visit_documents WHERE visit_id IN ({marks})"
                " ORDER BY visit_id, ord, id", visits))
        # Everyone behind these petitions: their authors and the delegations' representatives.
        for row in db.execute(
                f"SELECT pe.full_name, pe.id_number, pe.phone, pe.address, pe.old_address"
                f" FROM persons pe WHERE pe.id IN (SELECT person_id FROM petitions"
                f" WHERE case_id = ? UNION SELECT person_id FROM visit_representatives"
                f" WHERE visit_id IN ({marks}))", [case_id, *visits]):
            secrets += list(row)
    protected = kind == "to_cao" or bool(db.execute(
        "SELECT 1 FROM petitions p JOIN petitions q ON q.visit_id = p.visit_id"
        " WHERE p.case_id = ? AND q.kind = 'to_cao' LIMIT 1", [case_id]).fetchone())
    return _Case(
        id=case_id, kind=kind, status=st.status, competent=st.competent, instance=st.instance,
        accepted_on=st.accepted_on,
        received_on=(st.received_on.isoformat() if st.received_on else c["opened_on"]),
        person={"name": c["full_name"], "sex": c["sex"] or "",
                "address": _address(c["address"], c["commune_code"])},
        summaries=[p["summary"] for p in petitions] or [c["title"]], receipt_no=receipt_no,
        officer=officer,
        assignee=_officer(c["assignee"], c["assignee_position"]) if c["assignee"] else None,
        documents=documents,
        secrets=[s for s in secrets if s], protected=protected)


def _base(db: Database, case: _Case, kind: str, source: str) -> dict:
    """What every case slip prints: office, signer, the petitioner, what was received."""
    return {"kind": kind, "case_id": case.id, "source": source, "office": office_values(db),
            "signer": signer_values(db), "petition_kind": case.kind, "what": _what(case.kind),
            "person": case.person, "received_on": case.received_on,
            "summaries": case.summaries, "documents": case.documents}


def _last_event(db: Database, case_id: int, action: str) -> dict | None:
    return rows.one(db, "SELECT id, occurred_on, body, doc_no, note, data FROM case_events"
                        " WHERE case_id = ? AND action = ? ORDER BY id DESC LIMIT 1",
                    [case_id, action])


def appointment_data(db: Database, case_id: int, today: date | None = None,
                     session: dict | None = None) -> dict:
    """Phiếu hẹn: when the answer comes (the `answer_visitor` milestone: Law on Citizen
    Reception art. 28(1)) and from whom. With `session` (core/schedule/day.py: when, kind,
    host, place, uuid) the slip also books the citizen into that reception session."""
    case = _load_case(db, case_id)
    cal = load_calendar(db)
    due = next((c.milestone for c in case_milestones(db, case_id, today or date.today(), cal)
                if c.milestone.key == "answer_visitor"), None)
    if due is None or due.due_on is None:
        raise DeskError(messages.SLIP_NO_ANSWER_DUE.format(id=case_id))
    received = date.fromisoformat(case.received_on)
    office = office_values(db)
    where = f"trụ sở {office['name']}"
    if _setting(db, "office_address"):
        where += f", {_setting(db, 'office_address')}"
    source = f"case:{case_id}" + (f"/session:{session['uuid']}" if session else "")
    extra = {"session": session} if session else {}
    return {**_base(db, case, APPOINTMENT, source), **extra,
            "receipt_no": case.receipt_no, "officer": case.officer, "assignee": case.assignee,
            "due": {"on": due.due_on.isoformat(),
                    "working_days": cal.count_working_days(received, due.due_on),
                    "basis": due.basis.split(";")[0].strip()},
            "where": where[0].upper() + where[1:], "phone": _setting(db, "office_phone"),
            "issued_on": case.received_on}  # handed over at the reception it records


def proposal_data(db: Database, case_id: int) -> dict:
    """Phiếu đề xuất thụ lý đơn (Form 01): only for a petition within competence."""
    case = _load_case(db, case_id)
    if case.status in NOT_PROPOSABLE or case.competent is False:
        from desk_app.core.cases.lifecycle import STATUS_LABELS

        why = ("không thuộc thẩm quyền" if case.competent is False
               else STATUS_LABELS.get(case.status, case.status).lower())
        raise DeskError(messages.SLIP_PROPOSAL_NOT_POSSIBLE.format(id=case_id, why=why))
    return {**_base(db, case, PROPOSAL, f"case:{case_id}/instance:{case.instance}"),
            "basis": BASIS[PROPOSAL].get(case.kind, TT05),
            "proposer": case.assignee or case.officer}


def _to(db: Database, event) -> dict:
    """The receiving body as the directory names it, with its address when the office set one
    (core/bodies.py); a body outside the directory as the officer typed it."""
    from desk_app.core.bodies import find

    found = find(db, event["body"])
    out = {"body": found.name if found else event["body"], "doc_no": event["doc_no"],
           "on": event["occurred_on"]}
    if found is not None and found.address:
        out["address"] = found.address
    return out


def transfer_data(db: Database, case_id: int) -> dict:
    """Phiếu chuyển đơn (kiến nghị, phản ánh, khiếu nại outside competence), from the case's
    last transfer; the petitioner is told (Nơi nhận)."""
    case = _load_case(db, case_id)
    if case.kind == "to_cao":
        raise DeskError(messages.SLIP_DENUNCIATION_USE_FORM_03.format(id=case_id))
    event = _last_event(db, case_id, "transfer")
    if event is None:
        raise DeskError(messages.SLIP_NOT_TRANSFERRED.format(id=case_id))
    return {**_base(db, case, TRANSFER, f"event:{event['id']}"), "basis": BASIS[TRANSFER],
            "to": _to(db, event),
            "issued_on": event["occurred_on"]}  # the day of the transfer it records


def _fold_chars(text: str) -> str:
    """`text` folded one character at a time, so positions match the original."""
    return "".join(fold(ch)[:1] or ch for ch in text)


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every occurrence of a secret (name, ID number, phone, address) replaced,
    whatever its case, tones or spacing."""
    text = nfc(text)
    folded = _fold_chars(text)
    spans: list[tuple[int, int]] = []
    for secret in secrets:
        words = fold(nfc(secret)).split()
        if len("".join(words)) < 3:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, folded)]
    out, end = [], 0
    for a, b in sorted(spans):
        if a < end:  # overlaps the previous one
            if b > end:
                end = b
            continue
        out += [text[end:a], REDACTED]
        end = b
    out.append(text[end:])
    return "".join(out)


def denunciation_transfer_data(db: Database, case_id: int) -> dict:
    """Phiếu chuyển đơn tố cáo (Form 03): no identity of the denouncer anywhere (Law on
    Denunciations art. 47, 56) — not in the payload, not in the content, not in Nơi nhận."""
    case = _load_case(db, case_id)
    if case.kind != "to_cao":
        raise DeskError(messages.SLIP_NOT_DENUNCIATION.format(
            id=case_id, kind=_what(case.kind)))
    event = _last_event(db, case_id, "transfer")
    if event is None:
        raise DeskError(messages.SLIP_NOT_TRANSFERRED.format(id=case_id))
    scrub = case.secrets
    return {"kind": DENUNCIATION_TRANSFER, "case_id": case_id, "source": f"event:{event['id']}",
            "office": office_values(db), "signer": signer_values(db), "petition_kind": "to_cao",
            "received_on": case.received_on, "basis": BASIS[DENUNCIATION_TRANSFER],
            "summaries": [redact(s, scrub) for s in case.summaries],
            "documents": [{**d, "name": redact(d["name"], scrub)} for d in case.documents],
            "to": _to(db, event),
            "issued_on": event["occurred_on"]}


def guidance_data(db: Database, case_id: int) -> dict:
    """Phiếu hướng dẫn: to the citizen, naming the competent body (the case's last guidance)."""
    case = _load_case(db, case_id)
    event = _last_event(db, case_id, "guide")
    if event is None:
        raise DeskError(messages.SLIP_NOT_GUIDED.format(id=case_id))
    return {**_base(db, case, GUIDANCE, f"event:{event['id']}"), "basis": BASIS[GUIDANCE],
            "to": _to(db, event),
            "issued_on": event["occurred_on"]}


def _notice_case(db: Database, case_id: int) -> _Case:
    case = _load_case(db, case_id)
    if case.kind not in NOTICE_KINDS:
        raise DeskError(messages.SLIP_NOTICE_WRONG_KIND.format(id=case_id, kind=_what(case.kind)))
    return case


def _matter(kind: str) -> str:
    return catalog.PETITION_KIND_LABELS[kind].lower()


def acceptance_data(db: Database, case_id: int, today: date | None = None) -> dict:
    """Thông báo thụ lý (Law on Complaints art. 27; Law on Denunciations art. 29(3)): to the
    complainant or denouncer themself, so it names them."""
    case = _notice_case(db, case_id)
    event = _last_event(db, case_id, "accept")
    if case.accepted_on is None or event is None:
        raise DeskError(messages.SLIP_NOT_ACCEPTED.format(id=case_id))
    due = next((c.milestone.due_on for c in case_milestones(db, case_id, today or date.today())
                if c.milestone.key in RESOLUTION_KEYS and c.milestone.due_on), None)
    return {**_base(db, case, ACCEPTANCE, f"event:{event['id']}"), "matter": _matter(case.kind),
            "basis": _notice_basis(case, ACCEPTANCE), "accepted_on": case.accepted_on.isoformat(),
            "resolution_due": due.isoformat() if due else "",
            "by": _chairperson(office_values(db)),
            "issued_on": case.accepted_on.isoformat()}  # the acceptance it records


def _chairperson(office: dict) -> str:
    """Accepting (or not) a complaint is the chairperson's own act (Complaints Law art. 17, 27;
    for denunciations, the person who resolves them): the notice says so."""
    return f"Chủ tịch {nfc(office['name'])}"


def _notice_basis(case: _Case, kind: str) -> str:
    """The law's articles, then — for a complaint — the decree that sets the acceptance period
    in the case's era (Decree 124/2020 art. 16(1) before 01/07/2026, Decree 155/2026 art. 10
    after): the `complaint_acceptance` rule of the case's rule set."""
    basis = BASIS[kind][case.kind]
    if case.kind == "khieu_nai":
        rule = next((r for r in rule_set_for(date.fromisoformat(case.received_on)).rules
                     if r.key == "complaint_acceptance"), None)
        if rule is not None:
            basis += "; " + rule.base.basis
    return basis


def _reason_from_events(db: Database, case_id: int, office_name: str) -> str:
    row = rows.one(db, "SELECT action, note, data FROM case_events WHERE case_id = ?"
                       " AND action IN ('classify', 'return', 'file') ORDER BY id DESC LIMIT 1",
                   [case_id])
    if row is None:
        return ""
    action, note = row["action"], row["note"]
    if note:
        return note
    data = json.loads(row["data"] or "{}")
    if action == "classify" and data.get("competent") is False:
        return f"Nội dung đơn không thuộc thẩm quyền giải quyết của {office_name}"
    if action == "classify" and data.get("eligible") is False:
        return "Đơn không đủ điều kiện thụ lý giải quyết theo quy định của pháp luật"
    return ""


def non_acceptance_data(db: Database, case_id: int, reason: str = "") -> dict:
    """Thông báo không thụ lý, with the reason (given, or the case's classification, return
    or filing note)."""
    case = _notice_case(db, case_id)
    if case.accepted_on is not None:
        raise DeskError(messages.SLIP_ALREADY_ACCEPTED.format(
            id=case_id, day=case.accepted_on.strftime("%d/%m/%Y")))
    office = office_values(db)
    reason = " ".join(nfc(reason).split()) or _reason_from_events(db, case_id, office["name"])
    if not reason:
        raise DeskError(messages.SLIP_REASON_REQUIRED)
    reason = reason.rstrip(".")
    tag = hashlib.sha256(reason.encode()).hexdigest()[:12]
    return {**_base(db, case, NON_ACCEPTANCE, f"case:{case_id}/instance:{case.instance}/{tag}"),
            "matter": _matter(case.kind), "basis": _notice_basis(case, NON_ACCEPTANCE),
            "reason": reason, "by": _chairperson(office)}


def session_notice_data(db: Database, session: Session, source: str | None = None) -> dict:
    """Thông báo kết luận: a citizen named by case takes the case's values; a denouncer is
    never named (the line says the identity is confidential). `source` names the session the
    notice belongs to (core/schedule: one notice per session); by default, its values."""
    if not nfc(session.host).strip():
        raise DeskError(messages.SLIP_SESSION_HOST_REQUIRED)
    if not session.citizens and not session.conclusions:
        raise DeskError(messages.SLIP_SESSION_EMPTY)
    office, signer = office_values(db), signer_values(db)
    citizens = []
    for i, c in enumerate(session.citizens, start=1):
        name, address, content, hidden = c.name, c.address, c.content, c.denunciation
        secrets = [c.name, c.address]
        if c.case_id is not None:
            case = _load_case(db, c.case_id)
            name = name or case.person["name"]
            address = address or case.person["address"]
            content = content or "; ".join(case.summaries)
            hidden = hidden or case.protected
            secrets += case.secrets
        if not nfc(name).strip() and not hidden:
            raise DeskError(messages.SLIP_SESSION_CITIZEN_NAME.format(index=i))
        conclusion = c.conclusion
        if hidden:
            name, address = CONFIDENTIAL, ""
            content, conclusion = redact(content, secrets), redact(conclusion, secrets)
        citizens.append({"name": nfc(name), "address": nfc(address), "content": nfc(content),
                         "conclusion": nfc(conclusion), "case_id": c.case_id})
    values = {
        "held_on": session.held_on.isoformat(), "host": nfc(session.host),
        "host_title": nfc(session.host_title) or
        f"{nfc(signer['title']).capitalize()} {nfc(office['name'])}",
        "place": nfc(session.place), "reception_kind": session.reception_kind,
        "participants": list(session.participants), "citizens": citizens,
        "conclusions": list(session.conclusions), "recipients": list(session.recipients),
    }
    text = json.dumps(values, ensure_ascii=False, sort_keys=True)
    return {"kind": SESSION_NOTICE, "office": office, "signer": signer, "session": values,
            "source": source or "session:" + hashlib.sha256(text.encode()).hexdigest()[:16]}


# --- issuing ---------------------------------------------------------------------------------


def _find(db: Database, kind: str, case_id: int | None, source: str) -> dict | None:
    return rows.one(
        db, "SELECT id, kind, year, seq, number, issued_at, sha256 FROM issued_documents"
            " WHERE kind = ? AND case_id IS ? AND json_extract(payload, '$.source') = ?"
            " ORDER BY id DESC LIMIT 1", [kind, case_id, source])


def _again(db: Database, row: dict, on: date | None = None) -> IssuedSlip:
    """A slip already in the register (its id, kind, year, seq, number, issued_at, sha256),
    as a copy reprinted on `on` (default today)."""
    return IssuedSlip(**row, pdf=reprint_slip(db, row["id"], on), copy=True)


def reprint_slip(db: Database, issued_id: int, on: date | None = None) -> bytes:
    """A registered slip again, marked "BẢN SAO" with the day it was reprinted (`on`, default
    today), otherwise exactly as first printed."""
    row = rows.one(db, "SELECT kind, number, payload FROM issued_documents WHERE id = ?",
                   [issued_id])
    if row is None:
        raise DeskError(messages.DOCUMENT_MISSING.format(id=issued_id))
    kind, number, payload = row["kind"], row["number"], row["payload"]
    if kind not in SLIPS:
        return register.reprint(db, issued_id, on)
    if payload is None:
        raise DeskError(messages.DOCUMENT_NOT_PRINTED.format(number=number))
    return SLIPS[kind].render(json.loads(payload), copy=True, reprinted_on=on or date.today())


def _issue(db: Database, payload: dict, now: datetime | None) -> IssuedSlip:
    kind, case_id = payload["kind"], payload.get("case_id")
    spec = SLIPS[kind]
    now = now or datetime.now()
    with db.atomic():
        found = _find(db, kind, case_id, payload["source"])
        if found is not None:
            return _again(db, found, now.date())
        # Dated with the act it records (payload["issued_on"]) where it records one; numbered
        # in that day's year.
        done = issue(db, kind, subject=spec.subject, payload=payload, case_id=case_id,
                     number_format=spec.number_format, now=now, render=spec.render)
        if kind == ACCEPTANCE:
            _record_notice(db, payload["case_id"], done.number, now)
    return IssuedSlip(**vars(done))


def _record_notice(db: Database, case_id: int, number: str, now: datetime) -> None:
    """Issuing the acceptance notice is the step the deadline waits for (Law on Denunciations
    art. 29(3), Law on Complaints art. 27): record it on the case, in the same transaction."""
    from desk_app.core.cases import lifecycle
    from desk_app.core.cases.tracking import record_event

    kind, st = case_state(db, case_id)
    if CaseAction.NOTIFY_ACCEPTANCE in lifecycle.available_actions(st.status, kind) \
            and CaseAction.NOTIFY_ACCEPTANCE not in st.done:
        record_event(db, case_id, CaseAction.NOTIFY_ACCEPTANCE, occurred_on=now.date(), doc_no=number,
                     now=now)


def issue_appointment(db: Database, case_id: int, now: datetime | None = None,
                      session: dict | None = None) -> IssuedSlip:
    return _issue(db, appointment_data(db, case_id, (now or datetime.now()).date(), session), now)


def issue_proposal(db: Database, case_id: int, now: datetime | None = None) -> IssuedSlip:
    return _issue(db, proposal_data(db, case_id), now)


def issue_transfer(db: Database, case_id: int, now: datetime | None = None) -> IssuedSlip:
    return _issue(db, transfer_data(db, case_id), now)


def issue_denunciation_transfer(db: Database, case_id: int,
                                now: datetime | None = None) -> IssuedSlip:
    return _issue(db, denunciation_transfer_data(db, case_id), now)


def issue_guidance(db: Database, case_id: int, now: datetime | None = None) -> IssuedSlip:
    return _issue(db, guidance_data(db, case_id), now)


def issue_acceptance(db: Database, case_id: int, now: datetime | None = None) -> IssuedSlip:
    return _issue(db, acceptance_data(db, case_id, (now or datetime.now()).date()), now)


def issue_non_acceptance(db: Database, case_id: int, reason: str = "",
                         now: datetime | None = None) -> IssuedSlip:
    return _issue(db, non_acceptance_data(db, case_id, reason), now)


def issue_session_notice(db: Database, session: Session, now: datetime | None = None,
                         source: str | None = None) -> IssuedSlip:
    return _issue(db, session_notice_data(db, session, source), now)


def slip_payload(db: Database, kind: str, case_id: int | None = None, *, reason: str = "",
                 session: Session | None = None, today: date | None = None) -> dict:
    """The payload of a slip of this kind (what it would print), by slug."""
    if kind not in SLIPS:
        raise DeskError(messages.SLIP_KIND_UNKNOWN.format(kind=kind, choices=", ".join(SLIPS)))
    if kind == SESSION_NOTICE:
        if session is None:
            raise DeskError(messages.SLIP_SESSION_REQUIRED)
        return session_notice_data(db, session)
    if case_id is None:
        raise DeskError(messages.SLIP_CASE_REQUIRED.format(what=SLIPS[kind].subject.lower()))
    if kind == APPOINTMENT:
        return appointment_data(db, case_id, today)
    if kind == ACCEPTANCE:
        return acceptance_data(db, case_id, today)
    if kind == NON_ACCEPTANCE:
        return non_acceptance_data(db, case_id, reason)
    return {PROPOSAL: proposal_data, TRANSFER: transfer_data, GUIDANCE: guidance_data,
            DENUNCIATION_TRANSFER: denunciation_transfer_data}[kind](db, case_id)


def _guard(db: Database, kind: str, case_id: int | None, reveal_reason: str | None,
           payload: object) -> None:
    """A slip that names a denouncer (its payload holds the name or ID number of the person
    of a denunciation's case, e.g. de_xuat_thu_ly) needs a reveal first (secrecy.py); one that
    leaves them out (phieu_chuyen_don_to_cao) does not."""
    from desk_app.core.security import secrecy

    if kind == SESSION_NOTICE or case_id is None:
        return
    protected = secrecy.denounced_petitions(db, case_id=case_id)
    if not protected:
        return
    marks = ",".join("?" * len(protected))
    who = [v for row in db.execute(
        f"SELECT pe.full_name, pe.id_number FROM petitions p JOIN persons pe"
        f" ON pe.id = p.person_id WHERE p.id IN ({marks})", protected) for v in row if v]
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False,
                                                              default=str)
    if any(value in text for value in who):
        secrecy.guard_document(db, protected, reveal_reason, what=f"slip:{kind}",
                               subject="case", subject_id=case_id)


def issue_slip(db: Database, kind: str, case_id: int | None = None, *, reason: str = "",
               session: Session | None = None, now: datetime | None = None,
               reveal_reason: str | None = None) -> IssuedSlip:
    """Issue a slip by slug (the CLI and the GUI): numbered the first time, a copy after."""
    now = now or datetime.now()
    payload = slip_payload(db, kind, case_id, reason=reason, session=session,
                           today=now.date())
    _guard(db, kind, case_id, reveal_reason, payload)
    slip = _issue(db, payload, now)
    audit.note(db, "print", "case" if case_id is not None else "", case_id,
               {"document": kind, "number": slip.number, "copy": slip.copy})
    return slip


def copy_slip(db: Database, kind: str, case_id: int | None = None, *,
              session: Session | None = None, reveal_reason: str | None = None) -> IssuedSlip:
    """The last registered slip of this kind for the case (or this session), as a copy."""
    if kind not in SLIPS:
        raise DeskError(messages.SLIP_KIND_UNKNOWN.format(kind=kind, choices=", ".join(SLIPS)))
    if kind == SESSION_NOTICE:
        source = slip_payload(db, kind, session=session)["source"]
        found = _find(db, kind, None, source)
    else:
        if case_id is None:
            raise DeskError(messages.SLIP_CASE_REQUIRED.format(what=SLIPS[kind].subject.lower()))
        case_state(db, case_id)  # CASE_MISSING for an unknown id
        found = rows.one(
            db, "SELECT id, kind, year, seq, number, issued_at, sha256 FROM issued_documents"
                " WHERE kind = ? AND case_id = ? AND payload IS NOT NULL ORDER BY id DESC LIMIT 1",
            [kind, case_id])
    if found is None:
        raise DeskError(messages.SLIP_NOT_ISSUED.format(what=SLIPS[kind].subject.lower()))
    stored = db.execute("SELECT payload FROM issued_documents WHERE id = ?",
                        [found["id"]]).fetchone()[0]
    _guard(db, kind, case_id, reveal_reason, stored or "")
    slip = _again(db, found)
    audit.note(db, "print", "case" if case_id is not None else "", case_id,
               {"document": kind, "number": slip.number, "copy": True})
    return slip

