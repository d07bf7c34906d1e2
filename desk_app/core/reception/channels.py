"""How a petition reached the office, and what that changes at intake (docs/channels.md).

A reception (channel `truc_tiep`: the citizen came to the desk, or to an online reception) is
a line of the log book 03/TCD with its receipt 02/TCD. A petition that arrives without a visit
— by post, through the national public-service portal or the office's website, by e-mail, by
hotline, or forwarded by another body — goes through the same checks, opens the same case with
the same deadlines, and is entered in the book of petitions received (sổ tiếp nhận, xử lý
đơn; Circular 05/2021/TT-TTCP on receiving petitions). What only a visit has (reception kind,
session, crowd representatives, someone presenting on another's behalf, police at the desk,
refusal of reception) is refused for the other channels with a sentence that says so.

Deadlines "from receipt" run from `received_at`: for a letter, the day the office received it,
not the postmark (kept apart as `mailed_on`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import catalog, limits
from desk_app.core.errors import DeskError
from desk_app.core.model import Channel, IntakeForm, Outcome
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

FUTURE_SLACK = timedelta(minutes=10)
# The name each channel-specific field has in a message.
_FIELD_LABELS = {
    "mailed_on": "Ngày dấu bưu điện", "envelope_kept": "Lưu phong bì",
    "channel_ref": "Số hồ sơ, địa chỉ thư, số máy gọi đến",
    "source_body": "Cơ quan chuyển đơn đến", "source_doc_no": "Số văn bản chuyển đơn",
    "source_doc_on": "Ngày văn bản chuyển đơn",
}


def is_visit(form: IntakeForm) -> bool:
    info = catalog.channel(str(form.channel))
    return info is None or info.visit


def _given(form: IntakeForm, field: str) -> bool:
    value = getattr(form, field)
    return bool(clean(value)) if isinstance(value, str) else bool(value)


def check_channel(form: IntakeForm) -> None:
    """The channel's own fields, and no field that only a visit has."""
    info = catalog.channel(str(form.channel))
    if info is None:
        raise DeskError(messages.CHANNEL_UNKNOWN.format(
            value=form.channel, choices=", ".join(c.code for c in catalog.channels())),
            field="channel")
    where = info.name.lower()
    for field, label in _FIELD_LABELS.items():
        if _given(form, field) and field not in info.fields:
            raise DeskError(messages.CHANNEL_FIELD_UNEXPECTED.format(what=label, channel=where),
                            field=field)
    limits.check_text("channel_ref", form.channel_ref)
    limits.check_text("source_body", form.source_body, form_field="source_body")
    limits.check_text("source_doc_no", form.source_doc_no, form_field="source_doc_no")
    received = form.received_at.date()
    if form.mailed_on and form.mailed_on > received:
        raise DeskError(messages.CHANNEL_MAILED_AFTER_RECEIVED.format(
            mailed=form.mailed_on.strftime("%d/%m/%Y"), received=received.strftime("%d/%m/%Y")),
            field="mailed_on")
    if form.channel == Channel.CHUYEN_DEN and not clean(form.source_body):
        raise DeskError(messages.CHANNEL_SOURCE_REQUIRED, field="source_body")
    if form.source_doc_on and form.source_doc_on > received:
        raise DeskError(messages.CHANNEL_SOURCE_DOC_AFTER_RECEIVED.format(
            doc_on=form.source_doc_on.strftime("%d/%m/%Y"),
            received=received.strftime("%d/%m/%Y")), field="source_doc_on")
    if info.visit:
        return
    visit_only = (
        ("session_id", "Buổi tiếp công dân", form.session_id is not None),
        ("representatives", "Người đại diện của đoàn đông người", bool(form.representatives)),
        ("written_by_officer", "Cán bộ ghi nội dung công dân trình bày",
         form.written_by_officer),
        ("outcome", "Từ chối tiếp công dân", form.outcome == Outcome.REFUSED),
        ("police_informed_at", "Báo công an tại buổi tiếp",
         form.police_informed_at is not None or bool(clean(form.police_contact))),
    )
    for field, what, present in visit_only:
        if present:
            raise DeskError(messages.CHANNEL_VISIT_ONLY.format(what=what, channel=where),
                            field=field)
    if form.agent is not None or form.agent_role is not None or clean(form.agent_proof):
        raise DeskError(messages.AGENT_NOT_AT_A_VISIT.format(channel=where), field="agent")


def check_police(form: IntakeForm, now: datetime) -> None:
    """A crowd or heated visit reported to the police: when and to whom, both or neither."""
    contact = limits.check_text("police_contact", form.police_contact)
    if form.police_informed_at is None and not contact:
        return
    if not contact:
        raise DeskError(messages.POLICE_CONTACT_REQUIRED, field="police_contact")
    if form.police_informed_at is None:
        raise DeskError(messages.POLICE_WHEN_REQUIRED, field="police_informed_at")
    if form.police_informed_at > now + FUTURE_SLACK:
        raise DeskError(messages.POLICE_FUTURE.format(
            when=form.police_informed_at.strftime("%H:%M %d/%m/%Y")), field="police_informed_at")


def police_event(form: IntakeForm) -> dict | None:
    if form.police_informed_at is None:
        return None
    return {"contact": clean(form.police_contact),
            "informed_at": form.police_informed_at.isoformat(timespec="minutes")}


def receive_data(db: Database, form: IntakeForm) -> dict:
    """What the case's receive event keeps about how the petition arrived. A forwarded one
    names the body (as the directory writes it) that transferred it: the case then has the
    milestone of reporting back to that body (docs/legal-fidelity.md)."""
    if form.channel == Channel.TRUC_TIEP:
        return {}
    out: dict = {"channel": str(form.channel)}
    if form.channel == Channel.CHUYEN_DEN:
        from desk_app.core.bodies import official_name

        out["transferred_from"] = official_name(db, form.source_body)
        if clean(form.source_doc_no):
            out["source_doc_no"] = clean(form.source_doc_no)
        if form.source_doc_on:
            out["source_doc_on"] = form.source_doc_on.isoformat()
    return out


def acknowledgement(form: IntakeForm) -> str:
    """bien_nhan_02 | bao_nhan_don | none (resources/catalog/channels.json)."""
    info = catalog.channel(str(form.channel))
    return info.acknowledgement if info else "bien_nhan_02"
