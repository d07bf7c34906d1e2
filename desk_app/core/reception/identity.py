"""Who came, as recorded that day: identity snapshots per visit, and the history of a person's
current details (migration 0008).

The log book is a legal record: a line must keep showing the name, ID and address written
when it was entered, even after the same person comes back with a corrected name or a new
address. So a visit (and each representative) points at an immutable `identity_snapshots` row;
`persons` holds the current details, and each change of them is a `person_changes` row
(field, old → new, who, when, and the visit or correction that brought it). A new snapshot is
stored only when the details differ from the person's current ones, so a regular visitor
costs one snapshot, not one per visit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from desk_app.core import catalog
from desk_app.core.model import PersonForm
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean, collation_key, fold

if TYPE_CHECKING:
    from sqlite_utils import Database

# The identity a snapshot keeps, in display order, with the labels people read.
IDENTITY_LABELS = {
    "full_name": "Họ và tên",
    "id_kind": "Loại giấy tờ",
    "id_number": "Số giấy tờ",
    "id_issued_on": "Ngày cấp",
    "id_issued_place": "Nơi cấp",
    "date_of_birth": "Ngày sinh",
    "sex": "Giới tính",
    "phone": "Điện thoại",
    "address": "Địa chỉ",
    "commune_code": "Xã/phường",
    "old_address": "Địa chỉ cũ",
}
FIELDS = tuple(IDENTITY_LABELS)
_COLUMNS = ("name_key", *FIELDS)
_DATES = frozenset({"id_issued_on", "date_of_birth"})
_PERSONAL_NUMBER_KINDS = ("cccd", "can_cuoc")


def normalize_phone(phone: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", phone or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def person_values(person: PersonForm) -> dict:
    """The form's identity as stored (clean text, ISO dates, codes)."""
    name = clean(person.full_name)
    return {
        "full_name": name,
        "name_key": fold(name),
        "id_kind": str(person.id_kind),
        "id_number": person.id_number.strip(),
        "id_issued_on": _iso(person.id_issued_on),
        "id_issued_place": clean(person.id_issued_place),
        "date_of_birth": _iso(person.date_of_birth),
        "sex": str(person.sex) if person.sex else None,
        "phone": normalize_phone(person.phone),
        "address": clean(person.address),
        "commune_code": person.commune_code,
        "old_address": clean(person.old_address),
    }


def display(field: str, value) -> str:
    """A stored identity value as people read it."""
    if value in (None, ""):
        return ""
    if field in _DATES:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    if field == "commune_code":
        return catalog.commune_label(int(value)) or str(value)
    if field == "id_kind":
        return catalog.ID_KIND_LABELS.get(value, str(value))
    return str(value)


def snapshot_values(db: Database, identity_id: int) -> dict:
    row = db.execute(f"SELECT person_id, {', '.join(_COLUMNS)} FROM identity_snapshots"
                     " WHERE id = ?", [identity_id]).fetchone()
    return dict(zip(("person_id", *_COLUMNS), row, strict=True))


def add_snapshot(db: Database, person_id: int, values: dict, stamp: str) -> int:
    row = {k: values[k] for k in _COLUMNS}
    # The log sorts the lines of this visit by it (Vietnamese order, migration 0013).
    row["sort_key"] = collation_key(values["full_name"])
    return cast(int, db.table("identity_snapshots").insert(
        {**row, "person_id": person_id, "recorded_at": stamp}).last_pk)


def set_current(db: Database, person_id: int, values: dict, identity_id: int, stamp: str) -> None:
    """Make `values` the person's current details (one new version)."""
    db.execute(
        f"UPDATE persons SET {', '.join(f'{k} = ?' for k in _COLUMNS)}, identity_id = ?,"
        " updated_at = ?, version = version + 1 WHERE id = ?",
        [*(values[k] for k in _COLUMNS), identity_id, stamp, person_id])


def log_changes(db: Database, person_id: int, changes: list[tuple[str, object, object]],
                stamp: str, officer_id: int | None, *, visit_id: int | None = None,
                correction_id: int | None = None) -> None:
    db.table("person_changes").insert_all(
        {"person_id": person_id, "field": f, "old_value": None if old is None else str(old),
         "new_value": None if new is None else str(new), "changed_at": stamp,
         "officer_id": officer_id, "visit_id": visit_id, "correction_id": correction_id}
        for f, old, new in changes)


@dataclass(frozen=True)
class Recorded:
    """A person as a visit recorded them."""

    person_id: int
    identity_id: int
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new) of the current details


def record_person(db: Database, person: PersonForm, stamp: str) -> Recorded:
    """Find the person by ID number and kind, or add them; the snapshot this visit records.

    Blank form fields keep what is known (a quick repeat visit must not erase a phone number).
    When the details differ from the current ones, a new snapshot is stored and becomes the
    current one; the caller logs `changes` once the visit exists. Inside the intake transaction.
    """
    values = person_values(person)
    existing = None
    columns = f"SELECT id, identity_id, {', '.join(_COLUMNS)} FROM persons"
    if values["id_number"]:
        # The căn cước card (from 07/2024) keeps the CCCD's 12-digit personal number: one
        # person whichever card was shown.
        kinds = [values["id_kind"]]
        if values["id_kind"] in _PERSONAL_NUMBER_KINDS:
            kinds = list(_PERSONAL_NUMBER_KINDS)
        existing = db.execute(
            f"{columns} WHERE id_number = ? AND id_kind IN ({', '.join('?' * len(kinds))})"
            " ORDER BY id LIMIT 1", [values["id_number"], *kinds]).fetchone()
    elif values["id_kind"] == "khong" and values["address"]:
        # Known by name and address only (Reception Law art. 7(2)(a)): the same name and
        # address, with no paper on record, is the same person (a second letter).
        existing = db.execute(
            f"{columns} WHERE name_key = ? AND address = ? AND id_number = '' AND id_kind = 'khong'"
            " ORDER BY id LIMIT 1", [values["name_key"], values["address"]]).fetchone()
    if existing is None:
        person_id = cast(int, db.table("persons").insert({
            **values, "uuid": uuids.new(), "created_at": stamp, "updated_at": stamp,
            "version": 1}).last_pk)
        identity_id = add_snapshot(db, person_id, values, stamp)
        db.execute("UPDATE persons SET identity_id = ? WHERE id = ?", [identity_id, person_id])
        return Recorded(person_id, identity_id, ())
    person_id, identity_id, *known = existing
    current = dict(zip(_COLUMNS, known, strict=True))
    merged = {k: (v if v not in (None, "") else current[k]) for k, v in values.items()}
    merged["name_key"] = fold(merged["full_name"])
    changes = tuple((f, current[f], merged[f]) for f in FIELDS if current[f] != merged[f])
    if changes or identity_id is None:
        identity_id = add_snapshot(db, person_id, merged, stamp)
        set_current(db, person_id, merged, identity_id, stamp)
    return Recorded(person_id, identity_id, changes)


@dataclass(frozen=True)
class PersonChange:
    changed_at: str
    officer: str
    field: str  # label
    old: str
    new: str
    source: str  # "Lượt tiếp số 12" or "Đính chính: <reason>"


def person_history(db: Database, person_id: int) -> tuple[PersonChange, ...]:
    """Every change of the person's current details, oldest first."""
    out = []
    for r in rows.every(
            db, "SELECT c.changed_at, o.full_name AS officer, c.field, c.old_value, c.new_value,"
                " c.visit_id, r.reason, r.field AS action, r.visit_id AS corrected_visit"
                " FROM person_changes c LEFT JOIN officers o ON o.id = c.officer_id"
                " LEFT JOIN record_corrections r ON r.id = c.correction_id"
                " WHERE c.person_id = ? ORDER BY c.id", [person_id]):
        f, reason = r["field"], r["reason"] or ""
        if r["visit_id"]:
            source = f"Lượt tiếp số {r['visit_id']}"
        elif r["action"] == "cancel":
            source = f"Hủy lượt tiếp số {r['corrected_visit']}: {reason}"
        else:
            source = f"Đính chính: {reason}"
        out.append(PersonChange(changed_at=r["changed_at"], officer=r["officer"] or "",
                                field=IDENTITY_LABELS.get(f, f), old=display(f, r["old_value"]),
                                new=display(f, r["new_value"]), source=source))
    return tuple(out)


def current_identity(db: Database, person_id: int) -> dict:
    row = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM persons WHERE id = ?",
                     [person_id]).fetchone()
    return dict(zip(_COLUMNS, row, strict=True)) if row else {}
