"""The intake file's JSON Schema (resources/schema/intake.schema.json, docs/intake-format.md):
it describes what the reader accepts, and `read_intake_file` validates every visit against it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.model import (
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
from desk_app.core.reception.intake_file import read_intake_file
from desk_app.paths import resources_dir

SCHEMA = json.loads((resources_dir() / "schema" / "intake.schema.json").read_text("utf-8"))
DEFS = SCHEMA["$defs"]


def visit(**changes) -> dict:
    base = {"person": {"full_name": "Đặng Văn Dũng", "id_number": "027090001234"},
            "received_at": "2026-11-16T09:15", "petition_kind": "kien_nghi", "topic": "dat_dai",
            "summary": "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất"}
    base.update(changes)
    return base


def read(tmp_path: Path, payload) -> list[IntakeForm]:
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return read_intake_file(path)


def refused(tmp_path: Path, payload, index: int = 1) -> str:
    with pytest.raises(DeskError) as caught:
        read(tmp_path, payload)
    prefix = messages.INTAKE_ITEM.format(index=index, message="")
    assert caught.value.message.startswith(prefix)
    return caught.value.message[len(prefix):]


def test_the_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(SCHEMA)


def _names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_the_schema_names_every_field_the_reader_reads():
    assert set(DEFS["visit"]["properties"]) == (
        _names(IntakeForm) | {"petition_kind", "topic", "summary", "known_on"})
    assert set(DEFS["person"]["properties"]) == _names(PersonForm)
    assert set(DEFS["document"]["properties"]) == _names(DocumentItem)
    assert set(DEFS["part"]["properties"]) == _names(PetitionPart)


@pytest.mark.parametrize(("schema_enum", "enum"), [
    (DEFS["visit"]["properties"]["petition_kind"]["enum"], PetitionKind),
    (DEFS["part"]["properties"]["kind"]["enum"], PetitionKind),
    (DEFS["visit"]["properties"]["reception_kind"]["enum"], ReceptionKind),
    (DEFS["visit"]["properties"]["outcome"]["enum"], Outcome),
    (DEFS["person"]["properties"]["id_kind"]["enum"], IdKind),
    (DEFS["person"]["properties"]["sex"]["enum"], Sex),
    (DEFS["document"]["properties"]["copy"]["enum"], DocCopy),
])
def test_the_schema_codes_are_the_models(schema_enum, enum):
    assert [c for c in schema_enum if c not in ("", None)] == [str(e) for e in enum]


@pytest.mark.parametrize(("payload", "field"), [
    (visit(ful_name="Đặng Văn Dũng"), "ful_name"),
    (visit(person={"full_name": "Đặng Văn Dũng", "id_number": "027090001234", "phon": "1"}),
     "person.phon"),
    (visit(documents=[{"name": "Đơn"}, {"name": "Ảnh", "pagez": 2}]), "documents[2].pagez"),
    (visit(representatives=[{"full_name": "Lê Văn Hùng", "ngay_sinh": "1978-05-02"}],
           crowd_size=6), "representatives[1].ngay_sinh"),
])
def test_an_unknown_field_is_refused_by_name(tmp_path, payload, field):
    assert refused(tmp_path, payload) == messages.INTAKE_FIELD_UNKNOWN.format(field=field)


def test_the_visit_is_named_in_a_list(tmp_path):
    message = refused(tmp_path, [visit(), visit(note_="x")], index=2)
    assert message == messages.INTAKE_FIELD_UNKNOWN.format(field="note_")


@pytest.mark.parametrize(("payload", "message"), [
    (visit(refusal_reason=5), messages.INTAKE_FIELD_TYPE.format(field="refusal_reason", value=5)),
    (visit(parts=[{"kind": "to_cao", "topic": "tham_nhung"}]),
     messages.INTAKE_FIELD_MISSING.format(field="parts[1].summary")),
    (visit(parts=[{"kind": "to_cao", "topic": "tham_nhung", "summary": "Tố cáo", "note": "x"}]),
     messages.INTAKE_FIELD_UNKNOWN.format(field="parts[1].note")),
])
def test_what_only_the_schema_sees(tmp_path, payload, message):
    assert refused(tmp_path, payload) == message


def test_the_core_explains_first(tmp_path):
    # The core's own messages (with the list of kinds) win over the schema's enum errors.
    assert refused(tmp_path, visit(petition_kind="don_thu")) == messages.PETITION_KIND_UNKNOWN.format(
        value="don_thu", choices="khieu_nai, to_cao, kien_nghi, phan_anh")
    assert refused(tmp_path, visit(documents=[{"name": "Đơn", "copy": "photo"}])) == (
        messages.ENUM_FIELD.format(field="copy", value="photo",
                                   choices="ban_goc, ban_sao, ban_sao_chung_thuc"))


def test_null_means_the_default(tmp_path):
    (form,) = read(tmp_path, visit(crowd_size=None, officer_id=None, documents=[
        {"name": "Đơn", "pages": None, "condition": "bản sao", "copy": None}]))
    assert form.crowd_size == 1 and form.officer_id is None
    assert form.documents == (DocumentItem("Đơn", 1, "bản sao", DocCopy.PHOTOCOPY),)
