"""Plain values passed between the core, the GUI and the CLI. Codes are ASCII slugs (docs/cli.md, “Codes”)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class PetitionKind(StrEnum):
    KHIEU_NAI = "khieu_nai"
    TO_CAO = "to_cao"
    KIEN_NGHI = "kien_nghi"
    PHAN_ANH = "phan_anh"


class ReceptionKind(StrEnum):
    THUONG_XUYEN = "thuong_xuyen"
    DINH_KY = "dinh_ky"
    DOT_XUAT = "dot_xuat"
    TRUC_TUYEN = "truc_tuyen"


class Outcome(StrEnum):
    """What happened at the desk."""

    ACCEPTED = "accepted"  # received for handling
    GUIDED = "guided"  # guided to the competent body
    TRANSFERRED = "transferred"  # petition transferred to another body
    REFUSED = "refused"  # reception refused, with a reason code
    # A dispute the law sends to the grassroots mediation team (tổ hòa giải ở cơ sở, Law on
    # Grassroots Mediation 2013 art. 3): referred there, followed up, its result recorded.
    MEDIATION = "mediation"


class IdKind(StrEnum):
    CCCD = "cccd"  # căn cước công dân (12 digits), issued 2016 – 30/06/2024
    CAN_CUOC = "can_cuoc"  # thẻ căn cước (12 digits), issued from 01/07/2024 (Law on Identification 2023)
    CMND = "cmnd"  # old 9-digit card (12-digit CMND of 2012–2015 too)
    GIAY_CHUNG_NHAN = "giay_chung_nhan"  # giấy chứng nhận căn cước
    HO_CHIEU = "ho_chieu"  # passport
    KHAC = "khac"
    # No identity paper: known by name and address (Law on Citizen Reception 2013 art. 7(2)(a));
    # a petition by post carries only these.
    KHONG = "khong"


class Channel(StrEnum):
    """How a petition reached the office (petitions.arrival; resources/catalog/channels.json)."""

    TRUC_TIEP = "truc_tiep"  # at a reception (tiếp công dân), at the desk or online
    BUU_CHINH = "buu_chinh"  # by post
    CONG_DVC = "cong_dvc"  # the national public-service portal
    WEBSITE = "website"  # the office's website
    DUONG_DAY_NONG = "duong_day_nong"  # hotline
    THU_DIEN_TU = "thu_dien_tu"  # email
    CHUYEN_DEN = "chuyen_den"  # forwarded by another body


class AgentRole(StrEnum):
    """Who presents on another person's behalf (not a crowd's representatives)."""

    UY_QUYEN = "uy_quyen"  # authorised in writing (giấy ủy quyền)
    LUAT_SU = "luat_su"  # lawyer
    TRO_GIUP_PHAP_LY = "tro_giup_phap_ly"  # legal aid
    GIAM_HO = "giam_ho"  # guardian / legal representative of a minor or incapacitated person


class Sex(StrEnum):
    NAM = "Nam"
    NU = "Nữ"


class DocCopy(StrEnum):
    ORIGINAL = "ban_goc"
    PHOTOCOPY = "ban_sao"
    CERTIFIED = "ban_sao_chung_thuc"


class CaseStatus(StrEnum):
    """Where a case stands (cases.status, case_events.status_after); the legal path between
    them is cases/lifecycle.py."""

    RECEIVED = "received"
    CLASSIFIED = "classified"
    ACCEPTED = "accepted"
    GUIDED = "guided"
    TRANSFERRED = "transferred"
    MEDIATION = "mediation"  # with the grassroots mediation team (docs/channels.md)
    RETURNED = "returned"
    FILED = "filed"
    VERIFYING = "verifying"
    DIALOGUE = "dialogue"
    DECIDED = "decided"
    NOTIFIED = "notified"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    SUSPENDED = "suspended"
    REOPENED = "reopened"
    MERGED = "merged"
    CANCELLED = "cancelled"


class CaseAction(StrEnum):
    """A step recorded on a case (case_events.action); what each needs: cases/lifecycle.py."""

    RECEIVE = "receive"
    CLASSIFY = "classify"
    ACCEPT = "accept"
    GUIDE = "guide"
    TRANSFER = "transfer"
    REPLY = "reply"
    # The grassroots mediation team and the police (docs/channels.md).
    MEDIATE = "mediate"
    MEDIATED = "mediated"
    MEDIATION_FAILED = "mediation_failed"
    POLICE = "police"
    RETURN = "return"
    FILE = "file"
    NOTIFY_ACCEPTANCE = "notify_acceptance"
    VERIFY = "verify"
    DIALOGUE = "dialogue"
    EXTEND = "extend"
    DECIDE = "decide"
    NOTIFY = "notify"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    SUSPEND = "suspend"
    RESUME = "resume"
    SEND_SUSPENSION = "send_suspension"
    DECISION_RECEIVED = "decision_received"
    REOPEN = "reopen"
    NOTE = "note"
    FLAG = "flag"
    ASSIGN = "assign"
    ATTACH = "attach"
    DETACH = "detach"
    MERGE = "merge"
    DIALOGUE_PLANNED = "dialogue_planned"
    ATTACHMENT = "attachment"
    DIRECT = "direct"
    DIRECT_DONE = "direct_done"
    CANCEL = "cancel"


@dataclass(frozen=True)
class PersonForm:
    full_name: str
    id_kind: IdKind = IdKind.CCCD
    id_number: str = ""
    id_issued_on: date | None = None
    date_of_birth: date | None = None
    sex: Sex | None = None
    phone: str = ""
    address: str = ""
    commune_code: int | None = None  # post-2025 commune (vietnam-provinces ward code)
    old_address: str = ""  # as written on the card, before the 2025 reform
    id_issued_place: str = ""  # nơi cấp, printed with the ID on forms 01 and 02/TCD


@dataclass(frozen=True)
class DocumentItem:
    name: str
    pages: int = 1
    condition: str = ""
    copy: DocCopy = DocCopy.ORIGINAL


@dataclass(frozen=True)
class PetitionPart:
    """One kind of content in what the visitor brought; a mixed petition becomes several."""

    kind: PetitionKind
    topic: str
    summary: str
    # Complaints: the day the complainant received or knew of the decision or act complained
    # of (optional); the 90-day limitation of Complaints Law art. 9 runs from it.
    known_on: date | None = None


@dataclass(frozen=True)
class IntakeForm:
    person: PersonForm
    received_at: datetime
    reception_kind: ReceptionKind
    parts: tuple[PetitionPart, ...]
    officer_id: int | None = None
    crowd_size: int = 1
    representatives: tuple[PersonForm, ...] = ()
    prior_handlers: str = ""
    documents: tuple[DocumentItem, ...] = ()
    outcome: Outcome = Outcome.ACCEPTED
    refusal_reason: str | None = None
    outcome_body: str = ""  # the body guided or transferred to
    outcome_doc_no: str = ""  # its document number, if any
    note: str = ""
    written_by_officer: bool = False  # no written petition: content noted, read back and signed
    session_id: int | None = None  # the reception session it was taken in (core/schedule)
    intake_id: str | None = None  # idempotency key (a UUID): saved twice, recorded once
    channel: Channel = Channel.TRUC_TIEP  # how it arrived (docs/channels.md)
    channel_ref: str = ""  # portal/website reference, e-mail address or calling number
    mailed_on: date | None = None  # post: the postmark date (deadlines run from received_at)
    envelope_kept: bool = False  # post: the envelope is kept with the petition
    source_body: str = ""  # forwarded: the body that transferred it here
    source_doc_no: str = ""  # forwarded: its document number
    source_doc_on: date | None = None  # forwarded: its document date
    # Someone presenting on behalf of `person` (whose case it is), with the paper proving it.
    agent: PersonForm | None = None
    agent_role: AgentRole | None = None
    agent_proof: str = ""  # "Giấy ủy quyền số … ngày …", "Thẻ luật sư số …", "Quyết định cử …"
    police_informed_at: datetime | None = None  # crowd or heated: when the police were told
    police_contact: str = ""  # who was informed (unit, person)


@dataclass(frozen=True)
class Registered:
    visit_id: int
    visit_uuid: str
    person_id: int
    petition_ids: tuple[int, ...]
    case_ids: tuple[int, ...]
    receipt_no: str | None
    already_recorded: bool = False  # the intake_id was saved before: this is that visit


@dataclass(frozen=True)
class LogRow:
    """One line of the log book (Sổ tiếp công dân, form 03/TCD): one petition of one visit."""

    petition_id: int
    visit_id: int
    received_at: str
    person_name: str
    address: str
    id_number: str
    summary: str
    petition_kind: str
    crowd_size: int
    prior_handlers: str
    within_competence: bool
    guided_to: str
    transferred_to: str
    follow_up: str
    note: str
    reception_kind: str
    officer_name: str
    masked: bool = False
    log_label: str = ""  # the book's running number: "12/2026"
    case_id: int | None = None
    due_on: str | None = None  # the case's next due date while it is open
    cancelled: bool = False  # an entry made in error: it keeps its number, marked cancelled
    corrected: bool = False  # corrected since it was entered (the note says when)
    channel: str = "truc_tiep"  # how it arrived (Channel)


@dataclass(frozen=True)
class PriorVisit:
    visit_id: int
    received_at: str
    petition_kind: str
    summary: str
    outcome: str


@dataclass(frozen=True)
class KnownPerson:
    person_id: int
    full_name: str
    id_number: str
    date_of_birth: str | None
    sex: str | None
    phone: str
    address: str
    commune_code: int | None
    visits: tuple[PriorVisit, ...] = ()
    open_cases: tuple[str, ...] = field(default=())
    id_issued_on: str | None = None
    id_issued_place: str = ""
