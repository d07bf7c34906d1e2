"""What of a saved entry may be corrected, how a new value is read, and how values are shown.

A correction names a field by key: the person who came (`full_name`, `address`, …), another
representative (`rep2.full_name`: the visit's second representative, the presenter being the
first, as the intake messages count them), a petition (`summary`, `topic`, `kind`) or the visit
(`reception_kind`, `prior_handlers`, `outcome_body`, `outcome_doc_no`, `note`). Anything else
(the time of the visit, its outcome, the crowd size, the ID kind) changes what the visit *was*:
such an entry is cancelled and entered again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app import messages
from desk_app.core import catalog, limits
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind, ReceptionKind, Sex
from desk_app.core.reception.identity import IDENTITY_LABELS
from desk_app.core.reception.identity import display as identity_display

PERSON_FIELDS = ("full_name", "id_number", "id_issued_on", "id_issued_place", "date_of_birth",
                 "sex", "phone", "address", "commune_code", "old_address")
PETITION_FIELDS = {"summary": "Tóm tắt nội dung", "topic": "Lĩnh vực", "kind": "Loại đơn"}
VISIT_FIELDS = {"reception_kind": "Hình thức tiếp", "prior_handlers": "Cơ quan đã giải quyết",
                "outcome_body": "Cơ quan hướng dẫn, chuyển đơn đến",
                "outcome_doc_no": "Số văn bản hướng dẫn, chuyển đơn", "note": "Ghi chú"}
DATE_FIELDS = frozenset({"id_issued_on", "date_of_birth"})
CANCEL = "cancel"  # record_corrections.field of a cancellation


@dataclass(frozen=True)
class Target:
    """Where a key points: the person (rep 0), a representative (rep ≥ 2), a petition or
    the visit, and the field there."""

    scope: str  # "person" | "petition" | "visit"
    field: str
    rep: int = 0  # representative number as the intake counts them (2 = first other one)


def parse_key(key: str) -> Target:
    key = (key or "").strip()
    rep = 0
    name = key
    if key.startswith("rep") and "." in key:
        head, name = key.split(".", 1)
        number = head[3:]
        if not (number.isascii() and number.isdigit()) or int(number) < 2:
            raise _unknown(key)
        rep = int(number)
    if name in PERSON_FIELDS:
        return Target("person", name, rep)
    if rep == 0 and name in PETITION_FIELDS:
        return Target("petition", name)
    if rep == 0 and name in VISIT_FIELDS:
        return Target("visit", name)
    raise _unknown(key)


def _unknown(key: str) -> DeskError:
    choices = ", ".join([*PERSON_FIELDS, *PETITION_FIELDS, *VISIT_FIELDS, "rep2.full_name …"])
    return DeskError(messages.CORRECTION_FIELD_UNKNOWN.format(field=key, choices=choices),
                     field="field")


def field_label(field: str) -> str:
    return (IDENTITY_LABELS.get(field) or PETITION_FIELDS.get(field) or VISIT_FIELDS.get(field)
            or field)


def choices(field: str) -> tuple[tuple[str, str], ...]:
    """(code, label) of a coded field; () for free text and dates."""
    if field == "kind":
        return tuple((str(k), v) for k, v in catalog.PETITION_KIND_LABELS.items())
    if field == "topic":
        return tuple((t.code, t.name) for t in catalog.topics())
    if field == "reception_kind":
        return tuple((str(k), v) for k, v in catalog.RECEPTION_KIND_LABELS.items())
    if field == "sex":
        return (("", ""), *((str(s), str(s)) for s in Sex))
    return ()


def display(field: str, value) -> str:
    if value in (None, ""):
        return ""
    if field in IDENTITY_LABELS:
        return identity_display(field, value)
    if field == "kind":
        return catalog.PETITION_KIND_LABELS.get(value, str(value))
    if field == "topic":
        return catalog.topic_name(str(value))
    if field == "reception_kind":
        return catalog.RECEPTION_KIND_LABELS.get(value, str(value))
    return str(value)


def _invalid(field: str, value: str, why: str) -> DeskError:
    return DeskError(messages.CORRECTION_VALUE_INVALID.format(
        value=value, field=field_label(field), why=why), field="value")


def parse_value(field: str, text: str | None):
    """The typed value a correction stores for `field` (ISO dates, codes, clean text)."""
    raw = "" if text is None else str(text)
    if field in DATE_FIELDS:
        raw = raw.strip()
        if not raw:
            return None
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
        raise _invalid(field, raw, messages.CORRECTION_DATE_FORMAT)
    if field == "commune_code":
        raw = raw.strip()
        if not raw:
            return None
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
            raise _invalid(field, raw, messages.CORRECTION_NUMBER_FORMAT)
        return int(raw)
    coded = choices(field)
    if coded:
        raw = raw.strip()
        codes = [c for c, _ in coded]
        if raw not in codes:
            raise _invalid(field, raw, messages.CORRECTION_CHOICES.format(
                choices=", ".join(c for c in codes if c)))
        if field == "sex":
            return Sex(raw) if raw else None
        if field == "kind":
            return PetitionKind(raw)
        if field == "reception_kind":
            return ReceptionKind(raw)
        return raw
    return limits.check_text(field, raw, form_field="value", name=field == "full_name")


def stored(value) -> str | int | None:
    """A parsed value as the database keeps it (ISO dates, codes, text; commune codes as ints)."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
