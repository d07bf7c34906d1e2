"""Intake JSON (docs/intake-format.md) → IntakeForm; the CLI then runs the same validation as the form."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from desk_app import messages
from desk_app.core import json_input
from desk_app.core.errors import DeskError
from desk_app.core.model import (
    AgentRole,
    Channel,
    DocCopy,
    DocumentItem,
    IdKind,
    IntakeForm,
    Outcome,
    PersonForm,
    PetitionKind,
    PetitionPart,
    ReceptionKind,
    Sex,
)
from desk_app.core.reception.intake import intake_key
from desk_app.core.text import visible
from desk_app.paths import resources_dir

_COPY_WORDS = {"bản gốc": DocCopy.ORIGINAL, "bản sao": DocCopy.PHOTOCOPY,
               "bản sao chứng thực": DocCopy.CERTIFIED}


class _Shown:
    """A value as `{value!r}` in a message shows it: cut short (a field may hold megabytes)."""

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        return json_input.shown(self.value)


def _cut(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _enum(enum_cls, value, message: str):
    try:
        return enum_cls(value)
    except ValueError:
        choices = ", ".join(e.value for e in enum_cls)
        raise DeskError(message.format(value=_cut(value), choices=choices)) from None


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DeskError(messages.DATE_FORMAT.format(value=_cut(value))) from None


# Times in the log are Vietnam's local time (UTC+7 all year, no daylight saving time).
VIETNAM = timezone(timedelta(hours=7), "ICT")


def _datetime(value) -> datetime:
    """A local time; one with an offset ("…Z", "…+00:00") is converted to Vietnam's time
    first, never read as if it were local (docs/limits.md)."""
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        raise DeskError(messages.DATETIME_FORMAT.format(value=_cut(value))) from None
    if when.tzinfo is not None:
        when = when.astimezone(VIETNAM)
    return when.replace(tzinfo=None)


def _bool(obj: dict, key: str, default: bool = False) -> bool:
    """JSON true or false only: "no" or 0 must not be read as yes."""
    value = obj.get(key, default)
    if not isinstance(value, bool):
        shown = visible(json.dumps(value, ensure_ascii=False)[:60])
        raise DeskError(messages.INTAKE_FIELD_BOOL.format(field=key, value=shown))
    return value


def _str(obj: dict, key: str, default: str = "") -> str:
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field=key, value=_Shown(value)))
    return value


def _opt_int(obj: dict, key: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field=key, value=_Shown(value)))
    return value


def _int(obj: dict, key: str, default: int) -> int:
    value = _opt_int(obj, key)
    return default if value is None else value  # absent or null: the default, as elsewhere


def _require(obj: dict, key: str):
    if key not in obj or obj[key] in (None, ""):
        raise DeskError(messages.INTAKE_FIELD_MISSING.format(field=key))
    return obj[key]


def person_from_json(obj) -> PersonForm:
    if not isinstance(obj, dict):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="person", value=_Shown(obj)))
    sex = obj.get("sex")
    return PersonForm(
        full_name=_str(obj, "full_name"),
        id_kind=_enum(IdKind, obj.get("id_kind", "cccd"), messages.ENUM_FIELD.replace("{field}", "id_kind")),
        id_number=_str(obj, "id_number"),
        id_issued_on=_date(obj.get("id_issued_on")),
        date_of_birth=_date(obj.get("date_of_birth")),
        sex=_enum(Sex, sex, messages.ENUM_FIELD.replace("{field}", "sex")) if sex else None,
        phone=_str(obj, "phone"),
        address=_str(obj, "address"),
        commune_code=_opt_int(obj, "commune_code"),
        old_address=_str(obj, "old_address"),
        id_issued_place=_str(obj, "id_issued_place"),
    )


def _documents(items) -> tuple[DocumentItem, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="documents", value=_Shown(items)))
    docs = []
    for item in items:
        if not isinstance(item, dict):
            raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="documents", value=_Shown(item)))
        condition = _str(item, "condition")
        copy = item.get("copy") or _COPY_WORDS.get(condition.strip().lower(), DocCopy.ORIGINAL)
        docs.append(DocumentItem(
            name=_str(item, "name"), pages=_int(item, "pages", 1),
            condition=condition,
            copy=_enum(DocCopy, copy, messages.ENUM_FIELD.replace("{field}", "copy"))))
    return tuple(docs)


def _parts(obj: dict) -> tuple[PetitionPart, ...]:
    raw = obj.get("parts")
    if raw is None:
        raw = [{"kind": _require(obj, "petition_kind"), "topic": _require(obj, "topic"),
                "summary": _require(obj, "summary"), "known_on": obj.get("known_on")}]
    if not isinstance(raw, list) or not raw:
        raise DeskError(messages.PARTS_REQUIRED)
    parts = []
    for item in raw:
        if not isinstance(item, dict):
            raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="parts", value=_Shown(item)))
        parts.append(PetitionPart(
            kind=_enum(PetitionKind, _require(item, "kind"), messages.PETITION_KIND_UNKNOWN),
            topic=_str(item, "topic"), summary=_str(item, "summary"),
            known_on=_date(item.get("known_on"))))
    return tuple(parts)


def _channel_fields(obj: dict) -> dict:
    """How the petition arrived (docs/channels.md); a reception when `channel` is absent."""
    channel = _enum(Channel, obj.get("channel") or "truc_tiep",
                    messages.ENUM_FIELD.replace("{field}", "channel"))
    if channel != Channel.TRUC_TIEP and obj.get("reception_kind") is not None:
        raise DeskError(messages.CHANNEL_VISIT_ONLY.format(
            what="Hình thức tiếp (reception_kind)", channel=channel))
    role = obj.get("agent_role")
    police = obj.get("police_informed_at")
    agent = obj.get("agent")
    return {
        "channel": channel, "channel_ref": _str(obj, "channel_ref"),
        "mailed_on": _date(obj.get("mailed_on")), "envelope_kept": _bool(obj, "envelope_kept"),
        "source_body": _str(obj, "source_body"), "source_doc_no": _str(obj, "source_doc_no"),
        "source_doc_on": _date(obj.get("source_doc_on")),
        "agent": person_from_json(agent) if agent is not None else None,
        "agent_role": _enum(AgentRole, role, messages.ENUM_FIELD.replace("{field}", "agent_role"))
        if role else None,
        "agent_proof": _str(obj, "agent_proof"),
        "police_informed_at": _datetime(police) if police is not None else None,
        "police_contact": _str(obj, "police_contact"),
    }


def form_from_json(obj) -> IntakeForm:
    if not isinstance(obj, dict):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="visit", value=_Shown(obj)))
    reps = obj.get("representatives") or []
    if not isinstance(reps, list):
        raise DeskError(messages.INTAKE_FIELD_TYPE.format(field="representatives", value=_Shown(reps)))
    return IntakeForm(
        **_channel_fields(obj),
        person=person_from_json(_require(obj, "person")),
        received_at=_datetime(_require(obj, "received_at")),
        reception_kind=_enum(ReceptionKind, obj.get("reception_kind", "thuong_xuyen"),
                             messages.RECEPTION_KIND_UNKNOWN),
        parts=_parts(obj),
        officer_id=_opt_int(obj, "officer_id"),
        crowd_size=_int(obj, "crowd_size", 1),
        representatives=tuple(person_from_json(r) for r in reps),
        prior_handlers=_str(obj, "prior_handlers"),
        documents=_documents(obj.get("documents")),
        outcome=_enum(Outcome, obj.get("outcome", "accepted"), messages.OUTCOME_UNKNOWN),
        refusal_reason=_str(obj, "refusal_reason") or None,
        outcome_body=_str(obj, "outcome_body"),
        outcome_doc_no=_str(obj, "outcome_doc_no"),
        note=_str(obj, "note"),
        written_by_officer=_bool(obj, "written_by_officer"),
        session_id=_opt_int(obj, "session_id"),
        intake_id=intake_key(obj["intake_id"]) if obj.get("intake_id") is not None else None,
    )


@cache
def schema_validator() -> Draft202012Validator:
    """The published format (resources/schema/intake.schema.json, docs/intake-format.md)."""
    with open(resources_dir() / "schema" / "intake.schema.json", encoding="utf-8") as fh:
        schema = json.load(fh)
    # The file is one visit or a list of them; each visit is checked on its own.
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/visit"})


def _field(error: ValidationError) -> str:
    """Where the error is, as a reader of the file names it: person.full_name, documents[2].name
    (list items counted from 1, as the visits are)."""
    name = ""
    for step in error.absolute_path:
        name += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _schema_message(error: ValidationError) -> str:
    """One Vietnamese sentence naming the field, for an error only the schema sees."""
    field, value = _field(error), error.instance
    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = sorted(key for key in value if key not in allowed)
        return messages.INTAKE_FIELD_UNKNOWN.format(
            field=".".join(filter(None, (field, extra[0]))) if extra else field)
    if error.validator == "required":
        missing = next(key for key in error.validator_value if key not in value)
        return messages.INTAKE_FIELD_MISSING.format(field=".".join(filter(None, (field, missing))))
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value if c not in ("", None))
        return messages.ENUM_FIELD.format(field=field, value=_cut(value), choices=choices)
    if error.validator in ("type", "minItems"):
        return messages.INTAKE_FIELD_TYPE.format(field=field, value=_Shown(value))
    return messages.INTAKE_FIELD_INVALID.format(field=field or "visit")


def check_schema(item: dict) -> None:
    """DeskError with one sentence for the most relevant way `item` breaks the format."""
    error = best_match(schema_validator().iter_errors(item))
    if error is not None:
        raise DeskError(_schema_message(error))


def read_intake_file(path: str | Path) -> list[IntakeForm]:
    """Every visit in the file, or DeskError naming the first bad one (nothing is saved)."""
    path = Path(path)
    if path.is_dir():
        raise DeskError(messages.INPUT_FILE_IS_FOLDER.format(path=path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DeskError(messages.INTAKE_FILE_MISSING.format(path=path)) from None
    except UnicodeDecodeError as exc:
        raise DeskError(messages.INTAKE_FILE_JSON.format(path=path, line=1, col=exc.start,
                                                         why="không phải UTF-8")) from None
    except OSError:
        raise DeskError(messages.INPUT_FILE_UNREADABLE.format(path=path)) from None
    try:
        data = json_input.loads(text, path)
    except json.JSONDecodeError as exc:
        raise DeskError(messages.INTAKE_FILE_JSON.format(
            path=path, line=exc.lineno, col=exc.colno, why=exc.msg)) from None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) for i in items):
        raise DeskError(messages.INTAKE_FILE_SHAPE.format(path=path))
    forms = []
    for index, item in enumerate(items, start=1):
        try:
            json_input.check(item, path)
            # The core's own reading first: its messages say more (the choices of a kind, the
            # date format); the schema then refuses what it would let through, such as a
            # misspelt field name that would otherwise be silently ignored.
            forms.append(form_from_json(item))
            check_schema(item)
        except DeskError as exc:
            raise DeskError(messages.INTAKE_ITEM.format(index=index, message=exc.message)) from None
    return forms
