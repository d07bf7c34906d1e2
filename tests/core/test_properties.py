"""Property-based tests: random JSON and random strings into intake, the QR parser and the
date fields. Whatever comes in, the answer is a value or a DeskError (a Vietnamese sentence),
never another exception, and a refusal leaves the database as it was.

Kept small (max_examples) so the suite stays fast; run with HYPOTHESIS_PROFILE=thorough for
a longer search.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.cases.deadlines import parse_day
from desk_app.core.errors import DeskError
from desk_app.core.model import DocumentItem, PersonForm, PetitionKind, PetitionPart
from desk_app.core.opening import open_db
from desk_app.core.reception.ids import parse_qr_line, read_cccd
from desk_app.core.reception.intake import register_visit
from desk_app.core.reception.intake_file import _date, _datetime, read_intake_file
from desk_app.core.storage.office import init_office
from tests.support import NOW, cccd, copy_template, form, person, snapshot

settings.register_profile("default", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Any text, including what breaks naive code: lone surrogates, NUL, control and bidi
# characters, combining marks, Vietnamese letters.
TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40) | st.sampled_from(
    ["", " ", "\x00", "\ud800", "Nguyễn Văn Dũng", "\u202eabc", "0912345678", "1" * 40,
     "2026-11-20", "20/11/2026", "9" * 5000, "x" * 100_000])
JSON_SCALAR = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
               | st.integers(min_value=10**18, max_value=10**40) | TEXT)
JSON = st.recursive(JSON_SCALAR, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)


@pytest.fixture(scope="module")
def office_db(tmp_path_factory, schema_template):
    path = tmp_path_factory.mktemp("prop") / "desk.sqlite3"
    copy_template(schema_template, path)
    db = open_db(path)
    init_office(db, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    yield db
    db.close()


VALID_PERSON = {"full_name": "Đặng Văn Dũng", "id_number": cccd(1990), "date_of_birth": "1990-03-04",
                "sex": "Nam", "phone": "0912345678", "address": "Thôn Đông"}
VALID = {"person": VALID_PERSON, "reception_kind": "thuong_xuyen", "petition_kind": "kien_nghi",
         "topic": "dat_dai", "summary": "Kiến nghị cấp giấy chứng nhận",
         "received_at": "2026-11-20T09:15:00",
         "documents": [{"name": "Đơn", "pages": 2, "condition": "bản gốc"}]}
FIELDS = [*VALID, "parts", "outcome", "refusal_reason", "crowd_size", "representatives",
          "officer_id", "intake_id", "note", "written_by_officer", "outcome_body"]
PERSON_FIELDS = [*VALID_PERSON, "id_kind", "id_issued_on", "commune_code", "old_address"]


# Other valid values, so that a good share of the mutated visits is saved (and the success
# path is exercised too), not only refused.
ALTERNATIVES = {
    "petition_kind": ["khieu_nai", "to_cao", "phan_anh"], "topic": ["moi_truong"],
    "summary": ["Phản ánh tiếng ồn ban đêm"], "crowd_size": [1, 2, 4], "note": ["Ghi chú"],
    "received_at": ["2026-11-19T08:00:00", "2026-11-20 09:00"], "officer_id": [1, None],
    "reception_kind": ["dinh_ky", "dot_xuat"], "written_by_officer": [True, False],
    "intake_id": ["0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", None], "outcome": ["accepted"],
    "full_name": ["Trần Thị Mai"], "phone": ["0987654321", ""], "address": ["Thôn Đoài"],
    "old_address": ["Xã cũ"], "id_issued_on": ["2021-08-15", None],
}


@st.composite
def mutated_visits(draw):
    """A valid visit with some fields (top level and in the person) replaced by random JSON
    or by another valid value."""
    visit = json.loads(json.dumps(VALID))

    def value(key):
        return draw(JSON | st.sampled_from(ALTERNATIVES[key])) if key in ALTERNATIVES \
            else draw(JSON)

    for key in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        visit[key] = value(key)
    if isinstance(visit.get("person"), dict):
        for key in draw(st.lists(st.sampled_from(PERSON_FIELDS), max_size=3, unique=True)):
            visit["person"][key] = value(key)
    return draw(st.sampled_from([visit, [visit], [visit, visit]])) if draw(st.booleans()) \
        else draw(JSON | st.just(visit))


def _save_all(db, path):
    forms = read_intake_file(path)
    with db.atomic():
        return [register_visit(db, f, NOW) for f in forms]


@given(payload=mutated_visits())
def test_random_json_into_intake(office_db, tmp_path_factory, payload):
    path = tmp_path_factory.mktemp("json") / "visit.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8",
                    errors="surrogatepass")
    before = snapshot(office_db)
    try:
        saved = _save_all(office_db, path)
    except DeskError as exc:
        assert exc.message  # (the CLI prints it on one line; user text may hold line breaks)
        assert len(exc.message) < 1000
        assert snapshot(office_db) == before
    else:
        assert saved and all(r.visit_id for r in saved)


@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(
    lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_as_an_intake_file(office_db, tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("raw") / "visit.json"
    path.write_bytes(raw)
    before = snapshot(office_db)
    try:
        _save_all(office_db, path)
    except DeskError:
        assert snapshot(office_db) == before


@given(name=TEXT, number=TEXT, phone=TEXT, address=TEXT, summary=TEXT, topic=TEXT,
       doc_name=TEXT, pages=st.integers(), crowd=st.integers(min_value=-5, max_value=10**6),
       key=st.none() | TEXT | st.uuids().map(str))
def test_random_strings_into_the_core_intake(office_db, name, number, phone, address, summary,
                                             topic, doc_name, pages, crowd, key):
    visit = form(PersonForm(full_name=name, id_number=number, phone=phone, address=address),
                 parts=(PetitionPart(PetitionKind.PHAN_ANH, topic, summary),),
                 documents=(DocumentItem(doc_name, pages, ""),), crowd_size=crowd, intake_id=key)
    before = snapshot(office_db)
    try:
        register_visit(office_db, visit, NOW)
    except DeskError as exc:
        assert exc.message
        assert snapshot(office_db) == before


@given(summary=TEXT, name=TEXT)
def test_random_text_in_an_otherwise_valid_visit(office_db, summary, name):
    visit = replace(form(person(full_name=name)), parts=(PetitionPart(
        PetitionKind.KIEN_NGHI, "dat_dai", summary),))
    before = snapshot(office_db)
    try:
        register_visit(office_db, visit, NOW)
    except DeskError:
        assert snapshot(office_db) == before


QR_FIELD = TEXT | st.sampled_from(["027090001234", "04031990", "Nam", "Nữ", "15082021", ""])
QR_VALID = ["027090001234", "", "Đặng Văn Dũng", "04031990", "Nam", "Thôn Đông, xã Hòa Long",
            "15082021"]


@st.composite
def near_valid_qr(draw):
    """A card's QR line with one field changed, and the stray line ends scanners add."""
    fields = list(QR_VALID)
    index = draw(st.integers(0, len(fields)))
    if index < len(fields):
        fields[index] = draw(QR_FIELD)
    return draw(st.sampled_from(["", " ", "\r\n"])) + "|".join(fields) + draw(
        st.sampled_from(["", "\n", "|", "\t"]))


@given(line=TEXT | st.lists(QR_FIELD, min_size=0, max_size=9).map("|".join) | near_valid_qr())
def test_random_qr_lines(line):
    try:
        identity = parse_qr_line(line)
    except DeskError as exc:
        assert exc.message
    else:
        assert read_cccd(identity.id_number).birth_year == identity.date_of_birth.year


@given(text=TEXT | st.dates().map(str) | st.datetimes().map(str)
       | st.builds("{}/{}/{}".format, st.integers(), st.integers(), st.integers()))
def test_random_date_fields(text):
    for parse in (_date, _datetime, parse_day):
        try:
            value = parse(text)
        except DeskError as exc:
            assert exc.message
        else:
            assert value is None or isinstance(value, date | datetime)


def test_the_properties_ran_on_a_real_office(office_db):
    """The random inputs above did reach the database: some were saved."""
    assert office_db.execute("SELECT COUNT(*) FROM office").fetchone() == (1,)
