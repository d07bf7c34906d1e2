"""Correcting a saved entry, and cancelling one made in error (migration 0008).

The log book is a legal record: nothing in it is overwritten silently or deleted. A correction
stores the old and the new value, the reason, who and when (`record_corrections`); the entry
shows the new value and says it was corrected; the record window lists every correction. An
entry made in error is cancelled: it keeps its running number (STT) and shows "ĐÃ HỦY" with
the reason; its cases end with the step "Hủy do ghi sổ nhầm" unless another petition that
was not cancelled belongs to them (then the case gets a note). Corrections of the identity
recorded with a visit store a new snapshot for that visit; when the visit held the person's
current details, they are corrected too (and the change joins the person's history).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core import catalog, limits
from desk_app.core.cases import lifecycle
from desk_app.core.cases.tracking import add_note, record_event, refresh_case
from desk_app.core.errors import DeskError
from desk_app.core.model import CaseStatus, IdKind, Outcome, PersonForm, Sex
from desk_app.core.reception import search_index
from desk_app.core.reception.correctable import (
    CANCEL,
    PERSON_FIELDS,
    Target,
    choices,
    display,
    field_label,
    parse_key,
    parse_value,
    stored,
)
from desk_app.core.reception.identity import (
    add_snapshot,
    log_changes,
    normalize_phone,
    set_current,
    snapshot_values,
)
from desk_app.core.reception.intake import check_person
from desk_app.core.security import audit, session
from desk_app.core.security.roles import Permission
from desk_app.core.storage import rows, uuids
from desk_app.core.text import dmy, fold

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

# Case steps a kind correction can live with: those the intake itself records, and notes.
_INTAKE_STEPS = frozenset({"receive", "guide", "transfer", "flag", "note", "assign", "attachment"})


@dataclass(frozen=True)
class Correction:
    corrected_at: str
    officer: str
    target: str  # "Người đến", "Người đại diện thứ 2", "Đơn số 12/2026", "Lượt tiếp"
    field: str  # label; "Hủy lượt tiếp" for a cancellation
    old: str
    new: str
    reason: str
    cancelled: bool = False


@dataclass(frozen=True)
class Correctable:
    """One field an officer may correct, with its current value."""

    key: str  # what correct_entry takes: "summary", "full_name", "rep2.address", …
    label: str
    group: str  # whose or what field: "Người đến", "Đơn số 12/2026", "Lượt tiếp"
    value: str  # as stored (ISO date, code, text)
    shown: str  # as people read it
    petition_id: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    multiline: bool = False
    is_date: bool = False
    masked: bool = False  # a denouncer's identity, hidden until revealed (value is empty)


def _visit(db: Database, visit_id: int) -> dict:
    row = db.execute(
        "SELECT id, received_at, identity_id, person_id, outcome, cancelled_at, created_at"
        " FROM visits WHERE id = ?", [visit_id]).fetchone()
    if row is None:
        raise DeskError(messages.VISIT_MISSING.format(id=visit_id))
    return dict(zip(("id", "received_at", "identity_id", "person_id", "outcome", "cancelled_at",
                     "created_at"), row, strict=True))


def _petitions(db: Database, visit_id: int) -> list[sqlite3.Row]:
    return rows.records(db, "SELECT id, log_no, log_year, kind, topic, summary, case_id"
                            " FROM petitions WHERE visit_id = ? ORDER BY id", [visit_id])


def _rep_label(rep: int) -> str:
    return "Người đến" if rep == 0 else f"Người đại diện thứ {rep}"


def correctable_fields(db: Database, visit_id: int, *, reveal: bool = False
                       ) -> tuple[Correctable, ...]:
    """Every field of the visit an officer may correct, with what it holds now. The identity
    of a visit that brings a denunciation is masked unless `reveal` (Denunciation law art. 47):
    its fields are listed without their values."""
    visit = _visit(db, visit_id)
    protected = db.execute("SELECT 1 FROM petitions WHERE visit_id = ? AND kind = 'to_cao'",
                           [visit_id]).fetchone() is not None
    hide = protected and not reveal
    out: list[Correctable] = []
    people = [(0, visit["identity_id"])] + [
        (ord_ + 1, identity_id) for ord_, identity_id in db.execute(
            "SELECT ord, identity_id FROM visit_representatives WHERE visit_id = ? ORDER BY ord",
            [visit_id])]
    for rep, identity_id in people:
        values = snapshot_values(db, identity_id)
        for f in PERSON_FIELDS:
            raw = stored(values[f])
            out.append(Correctable(
                f if rep == 0 else f"rep{rep}.{f}", field_label(f), _rep_label(rep),
                "" if raw is None or hide else str(raw),
                messages.MASKED_VALUE if hide else display(f, values[f]), choices=choices(f),
                is_date=f in ("id_issued_on", "date_of_birth"), masked=hide))
    for p in _petitions(db, visit_id):
        group = f"Đơn số {p['log_no']}/{p['log_year']}"
        for f in ("summary", "topic", "kind"):
            out.append(Correctable(f, field_label(f), group, p[f], display(f, p[f]), p["id"],
                                   choices(f), multiline=f == "summary"))
    row = rows.one(db, "SELECT reception_kind, prior_handlers, outcome_body, outcome_doc_no,"
                       " note FROM visits WHERE id = ?", [visit_id])
    assert row is not None  # _visit refused an unknown id
    for f, value in row.items():
        if f.startswith("outcome_") and visit["outcome"] not in (Outcome.GUIDED,
                                                                 Outcome.TRANSFERRED):
            continue
        out.append(Correctable(f, field_label(f), "Lượt tiếp", value or "", display(f, value),
                               choices=choices(f)))
    return tuple(out)


def _check_reason(reason: str, message: str) -> str:
    text = limits.check_text("reason", reason, form_field="reason")
    if not text:
        raise DeskError(message, field="reason")
    return text


def _record(db: Database, visit_id: int, *, field: str, old, new, reason: str,
            officer_id: int | None, stamp: str, petition_id: int | None = None,
            rep: int = 0) -> int:
    return cast(int, db.table("record_corrections").insert({
        "uuid": uuids.new_text(), "visit_id": visit_id, "petition_id": petition_id,
        "rep_ord": rep - 1 if rep else None, "field": field, "old_value": old, "new_value": new,
        "reason": reason, "officer_id": officer_id, "corrected_at": stamp}).last_pk)


def _person_form(values: dict) -> PersonForm:
    def day(v):
        return date.fromisoformat(v) if v else None

    return PersonForm(
        full_name=values["full_name"], id_kind=IdKind(values["id_kind"]),
        id_number=values["id_number"] or "", id_issued_on=day(values["id_issued_on"]),
        date_of_birth=day(values["date_of_birth"]),
        sex=Sex(values["sex"]) if values["sex"] else None, phone=values["phone"] or "",
        address=values["address"] or "", commune_code=values["commune_code"],
        old_address=values["old_address"] or "", id_issued_place=values["id_issued_place"] or "")


def _correct_person(db: Database, visit: dict, target: Target, value, reason: str,
                    officer_id: int | None, stamp: str) -> int:
    if target.rep:
        found = db.execute("SELECT identity_id FROM visit_representatives WHERE visit_id = ?"
                           " AND ord = ?", [visit["id"], target.rep - 1]).fetchone()
        if found is None:
            raise DeskError(messages.CORRECTION_REP_MISSING.format(visit=visit["id"],
                                                                   index=target.rep))
        identity_id = found[0]
    else:
        identity_id = visit["identity_id"]
    old = snapshot_values(db, identity_id)
    person_id = old.pop("person_id")
    new = {**old, target.field: stored(value)}
    if target.field == "phone" and value:
        new["phone"] = normalize_phone(value)
    new["name_key"] = fold(new["full_name"])
    if new[target.field] == old[target.field]:
        raise DeskError(messages.CORRECTION_SAME_VALUE.format(field=field_label(target.field)),
                        field="value")
    try:
        check_person(_person_form(new), date.fromisoformat(visit["received_at"][:10]))
    except DeskError as exc:
        raise DeskError(exc.message, field="value") from None
    if target.field == "id_number":
        other = db.execute("SELECT full_name FROM persons WHERE id_number = ? AND id_kind = ?"
                           " AND id <> ?", [new["id_number"], new["id_kind"], person_id]).fetchone()
        if other is not None:
            raise DeskError(messages.CORRECTION_ID_TAKEN.format(id_number=new["id_number"],
                                                                name=other[0]), field="value")
    snapshot = add_snapshot(db, person_id, new, stamp)
    if target.rep:
        db.execute("UPDATE visit_representatives SET identity_id = ? WHERE visit_id = ?"
                   " AND ord = ?", [snapshot, visit["id"], target.rep - 1])
    else:
        db.execute("UPDATE visits SET identity_id = ? WHERE id = ?", [snapshot, visit["id"]])
    correction_id = _record(db, visit["id"], field=target.field, old=old[target.field],
                            new=new[target.field], reason=reason, officer_id=officer_id,
                            stamp=stamp, rep=target.rep)
    current = db.execute("SELECT identity_id FROM persons WHERE id = ?", [person_id]).fetchone()
    if current and current[0] == identity_id:  # the visit held the current details: fix them
        set_current(db, person_id, new, snapshot, stamp)
        log_changes(db, person_id, [(target.field, old[target.field], new[target.field])], stamp,
                    officer_id, correction_id=correction_id)
    return correction_id


def _pick_petition(db: Database, visit_id: int, petition_id: int | None) -> sqlite3.Row:
    lines = _petitions(db, visit_id)
    if petition_id is None:
        if len(lines) != 1:
            raise DeskError(messages.CORRECTION_PETITION_REQUIRED.format(
                visit=visit_id, count=len(lines), ids=", ".join(str(r["id"]) for r in lines)),
                field="petition")
        return lines[0]
    for row in lines:
        if row["id"] == petition_id:
            return row
    raise DeskError(messages.CORRECTION_PETITION_OTHER_VISIT.format(petition=petition_id,
                                                                    visit=visit_id))


def _case_note(db: Database, case_id: int | None, text: str, officer_id: int | None,
               now: datetime) -> None:
    if case_id is None:
        return
    status = db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()
    if status and status[0] not in (CaseStatus.MERGED, CaseStatus.CANCELLED):
        add_note(db, case_id, text, officer_id=officer_id, now=now)


def _correct_petition(db: Database, visit: dict, field: str, value, petition_id: int | None,
                      reason: str, officer_id: int | None, now: datetime, stamp: str) -> int:
    line = _pick_petition(db, visit["id"], petition_id)
    pid, case_id = line["id"], line["case_id"]
    old = {"summary": line["summary"], "topic": line["topic"], "kind": line["kind"]}[field]
    new = str(stored(value) or "")  # summary, topic and kind are text
    if field == "summary" and not new:
        raise DeskError(messages.SUMMARY_REQUIRED, field="value")
    if new == old:
        raise DeskError(messages.CORRECTION_SAME_VALUE.format(field=field_label(field)),
                        field="value")
    first_of_case = case_id is not None and db.execute(
        "SELECT MIN(id) FROM petitions WHERE case_id = ?", [case_id]).fetchone()[0] == pid
    if field == "kind":
        _check_kind_change(db, visit["id"], pid, case_id, new)
    db.execute(f"UPDATE petitions SET {field} = ?, version = version + 1 WHERE id = ?", [new, pid])
    if first_of_case:  # the case was opened from this petition: it follows
        column = {"summary": "title", "topic": "topic", "kind": "kind"}[field]
        db.execute(f"UPDATE cases SET {column} = ?, version = version + 1, updated_at = ?"
                   " WHERE id = ?", [new[:200] if column == "title" else new, stamp, case_id])
        if field == "kind":
            refresh_case(db, case_id, today=now.date())
    correction_id = _record(db, visit["id"], field=field, old=old, new=new, reason=reason,
                            officer_id=officer_id, stamp=stamp, petition_id=pid)
    _case_note(db, case_id, messages.CORRECTION_NOTE.format(
        field=field_label(field).lower(), log=f"{line['log_no']}/{line['log_year']}", reason=reason), officer_id, now)
    return correction_id


def _check_kind_change(db: Database, visit_id: int, petition_id: int, case_id: int | None,
                       new_kind: str) -> None:
    others = [r[0] for r in db.execute("SELECT kind FROM petitions WHERE visit_id = ? AND id <> ?",
                                       [visit_id, petition_id])]
    if new_kind in others:  # a mixed petition is split by kind: one line per kind
        raise DeskError(messages.PARTS_SAME_KIND.format(
            kind=catalog.PETITION_KIND_LABELS.get(new_kind, new_kind)), field="value")
    if case_id is None:
        return
    shared = db.execute("SELECT COUNT(*) FROM petitions WHERE case_id = ?", [case_id]).fetchone()[0]
    steps = [r[0] for r in db.execute("SELECT action FROM case_events WHERE case_id = ?"
                                      " ORDER BY id", [case_id])]
    handled = next((a for a in steps if a not in _INTAKE_STEPS), None)
    if shared > 1 and handled is None:
        handled = "attach"
    if handled is not None:
        raise DeskError(messages.CORRECTION_KIND_HANDLED.format(
            case=case_id, step=lifecycle.ACTIONS.get(handled, lifecycle.ACTIONS["note"]).label),
            field="value")


def _correct_visit(db: Database, visit: dict, field: str, value, reason: str,
                   officer_id: int | None, stamp: str) -> int:
    old = db.execute(f"SELECT {field} FROM visits WHERE id = ?", [visit["id"]]).fetchone()[0]
    new = stored(value) or ""
    if field.startswith("outcome_"):
        if visit["outcome"] not in (Outcome.GUIDED, Outcome.TRANSFERRED):
            raise DeskError(messages.CORRECTION_OUTCOME_BODY_UNUSED.format(
                outcome=catalog.OUTCOME_LABELS.get(visit["outcome"], visit["outcome"])),
                field="field")
        if field == "outcome_body" and not new:
            action = "hướng dẫn đến" if visit["outcome"] == Outcome.GUIDED else "chuyển đơn đến"
            raise DeskError(messages.OUTCOME_BODY_REQUIRED.format(action=action), field="value")
    if new == (old or ""):
        raise DeskError(messages.CORRECTION_SAME_VALUE.format(field=field_label(field)),
                        field="value")
    db.execute(f"UPDATE visits SET {field} = ? WHERE id = ?", [new, visit["id"]])
    if field.startswith("outcome_"):
        # The guidance or transfer step the intake wrote for each case is the same fact.
        column = "body" if field == "outcome_body" else "doc_no"
        db.execute(
            f"UPDATE case_events SET {column} = ? WHERE action IN ('guide', 'transfer')"
            " AND entered_at = ? AND case_id IN (SELECT case_id FROM petitions WHERE visit_id = ?)",
            [new, visit["created_at"], visit["id"]])
    return _record(db, visit["id"], field=field, old=old, new=new, reason=reason,
                   officer_id=officer_id, stamp=stamp)


def correct_entry(db: Database, visit_id: int, key: str, value: str | None, reason: str, *,
                  officer_id: int | None, petition_id: int | None = None,
                  now: datetime | None = None) -> int:
    """Correct one field of a saved visit; returns the correction's id. One transaction: a
    refusal changes nothing."""
    now = (now or datetime.now()).replace(microsecond=0)
    stamp = now.isoformat()
    target = parse_key(key)
    reason = _check_reason(reason, messages.CORRECTION_REASON_REQUIRED)
    session.require(db, Permission.RECORD)
    officer_id = session.officer_for(db, officer_id)
    with db.atomic():
        visit = _visit(db, visit_id)
        if visit["cancelled_at"]:
            raise DeskError(messages.CORRECTION_CANCELLED.format(
                visit=visit_id, day=dmy(visit["cancelled_at"])))
        if officer_id is not None and db.execute("SELECT 1 FROM officers WHERE id = ?",
                                                 [officer_id]).fetchone() is None:
            raise DeskError(messages.OFFICER_UNKNOWN.format(value=officer_id), field="officer")
        parsed = parse_value(target.field, value)
        # The index keeps no text: what it holds for these lines is rebuilt from the tables
        # before the change, so it can be taken out after.
        indexed = search_index.documents(db, [r["id"] for r in _petitions(db, visit_id)])
        if target.scope == "person":
            correction_id = _correct_person(db, visit, target, parsed, reason, officer_id, stamp)
        elif target.scope == "petition":
            correction_id = _correct_petition(db, visit, target.field, parsed, petition_id,
                                              reason, officer_id, now, stamp)
        else:
            correction_id = _correct_visit(db, visit, target.field, parsed, reason, officer_id,
                                           stamp)
        db.execute("UPDATE visits SET corrected_at = ?, version = version + 1 WHERE id = ?",
                   [stamp, visit_id])
        search_index.replace_documents(db, indexed)
        audit.record(db, "visit_correct", "visit", visit_id,
                     {"field": key, "correction": correction_id, "reason": reason})
    return correction_id


def cancel_visit(db: Database, visit_id: int, reason: str, *, officer_id: int | None,
                 now: datetime | None = None) -> int:
    """Cancel a visit entered in error: its lines keep their numbers, marked cancelled; each of
    its cases ends ("Hủy do ghi sổ nhầm") unless a petition not cancelled belongs to it."""
    now = (now or datetime.now()).replace(microsecond=0)
    stamp = now.isoformat()
    reason = _check_reason(reason, messages.CANCEL_REASON_REQUIRED)
    session.require(db, Permission.RECORD)
    officer_id = session.officer_for(db, officer_id)
    with db.atomic():
        visit = _visit(db, visit_id)
        if visit["cancelled_at"]:
            raise DeskError(messages.VISIT_ALREADY_CANCELLED.format(
                visit=visit_id, day=dmy(visit["cancelled_at"])))
        if officer_id is not None and db.execute("SELECT 1 FROM officers WHERE id = ?",
                                                 [officer_id]).fetchone() is None:
            raise DeskError(messages.OFFICER_UNKNOWN.format(value=officer_id), field="officer")
        db.execute("UPDATE visits SET cancelled_at = ?, cancel_reason = ?, version = version + 1"
                   " WHERE id = ?", [stamp, reason, visit_id])
        correction_id = _record(db, visit_id, field=CANCEL, old=None, new=None, reason=reason,
                                officer_id=officer_id, stamp=stamp)
        _undo_identity_changes(db, visit_id, stamp, officer_id, correction_id)
        lines = _petitions(db, visit_id)
        label = ", ".join(f"{r['log_no']}/{r['log_year']}" for r in lines)
        note = messages.CANCEL_CASE_NOTE.format(visit=visit_id, log=label, reason=reason)
        for case_id in sorted({r["case_id"] for r in lines if r["case_id"] is not None}):
            status = db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()[0]
            if status in (CaseStatus.MERGED, CaseStatus.CANCELLED):
                continue
            alive = db.execute(
                "SELECT COUNT(*) FROM petitions p JOIN visits v ON v.id = p.visit_id"
                " WHERE p.case_id = ? AND v.cancelled_at IS NULL", [case_id]).fetchone()[0]
            if alive:
                add_note(db, case_id, note, officer_id=officer_id, now=now)
            else:
                record_event(db, case_id, "cancel", occurred_on=now.date(), officer_id=officer_id,
                             note=note, now=now)
        audit.record(db, "visit_cancel", "visit", visit_id, {"reason": reason})
    return correction_id


def _undo_identity_changes(db: Database, visit_id: int, stamp: str, officer_id: int | None,
                           correction_id: int) -> None:
    """A visit entered in error may have changed someone's current details (a mistyped ID
    number under another name): they go back to what they were, unless the person's details
    changed again since. The visit itself keeps the identity it recorded."""
    changes: dict[int, list[tuple[str, str | None]]] = {}
    for r in rows.every(db, "SELECT person_id, field, old_value FROM person_changes"
                            " WHERE visit_id = ? ORDER BY id", [visit_id]):
        changes.setdefault(r["person_id"], []).append((r["field"], r["old_value"]))
    recorded = {r[0] for r in db.execute(
        "SELECT identity_id FROM visits WHERE id = ? UNION"
        " SELECT identity_id FROM visit_representatives WHERE visit_id = ?", [visit_id, visit_id])}
    for person_id, fields in changes.items():
        current = db.execute("SELECT identity_id FROM persons WHERE id = ?", [person_id]).fetchone()
        if current is None or current[0] not in recorded:
            continue  # changed again since: the later details stand
        now_values = snapshot_values(db, current[0])
        now_values.pop("person_id")
        before = dict(now_values)
        for field, old in fields:
            before[field] = int(old) if field == "commune_code" and old else old
        before["name_key"] = fold(before["full_name"])
        snapshot = add_snapshot(db, person_id, before, stamp)
        set_current(db, person_id, before, snapshot, stamp)
        log_changes(db, person_id, [(f, now_values[f], before[f]) for f, _ in fields], stamp,
                    officer_id, correction_id=correction_id)


def visit_corrections(db: Database, visit_id: int, *, masked: bool = False
                      ) -> tuple[Correction, ...]:
    """The visit's corrections and cancellation, oldest first. `masked` hides the values of a
    protected visit's identity (a denouncer's old name is as telling as the new one)."""
    out = []
    for r in rows.every(
            db, "SELECT r.corrected_at, o.full_name AS officer, r.field, r.old_value,"
                " r.new_value, r.reason, r.petition_id, r.rep_ord,"
                " p.log_no || '/' || p.log_year AS log FROM record_corrections r"
                " LEFT JOIN officers o ON o.id = r.officer_id"
                " LEFT JOIN petitions p ON p.id = r.petition_id"
                " WHERE r.visit_id = ? ORDER BY r.id", [visit_id]):
        at, officer, field, reason = r["corrected_at"], r["officer"], r["field"], r["reason"]
        old, new, rep_ord = r["old_value"], r["new_value"], r["rep_ord"]
        if field == CANCEL:
            out.append(Correction(at, officer or "", "Lượt tiếp", "Hủy lượt tiếp", "", "", reason,
                                  cancelled=True))
            continue
        if r["petition_id"] is not None:
            target = f"Đơn số {r['log']}"
        elif field in PERSON_FIELDS:
            target = _rep_label(rep_ord + 1 if rep_ord is not None else 0)
        else:
            target = "Lượt tiếp"
        hide = masked and field in PERSON_FIELDS
        out.append(Correction(at, officer or "", target, field_label(field),
                              messages.MASKED_VALUE if hide else display(field, old),
                              messages.MASKED_VALUE if hide else display(field, new), reason))
    return tuple(out)

