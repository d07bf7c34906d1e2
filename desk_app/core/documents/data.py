"""Plain values the documents print, read from the database.

Renderers never read the database: they take these values (JSON-serialisable dicts), so a
document can be stored with what it printed and reprinted identically later (register.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlite_utils import Database

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases import lifecycle
from desk_app.core.documents.signer import signer_values  # noqa: F401  (kept importable here)
from desk_app.core.errors import DeskError
from desk_app.core.model import LogRow, Outcome
from desk_app.core.reception.intake import (  # numbered at intake
    ACK_KIND,  # the notice that a letter was received
    RECEIPT_KIND,  # Form 02/TCD
)
from desk_app.core.reception.logbook import LogFilter, log_ids, log_rows
from desk_app.core.storage import rows
from desk_app.core.storage.office import require_office
from desk_app.core.text import dmy

REFUSAL_KIND = "tu_choi_01"  # Form 01/TCD
ID_LABELS = {
    "cccd": "Số căn cước",
    "cmnd": "Số CMND",
    "giay_chung_nhan": "Số giấy chứng nhận căn cước",
    "ho_chieu": "Số hộ chiếu",
    "khac": "Số giấy tờ",
    "can_cuoc": "Số căn cước",
    "khong": "Giấy tờ tùy thân",
}


def office_values(db: Database) -> dict:
    office = require_office(db)
    return {"name": office.name, "parent_name": office.parent_name,
            "place_name": office.place_name, "office_code": office.office_code}


def _visit(db: Database, visit_id: int) -> dict:
    """The visit as its documents print it: who came is the identity recorded with the visit
    (corrected where a correction was made), never the person's later details."""
    row = rows.one(
        db,
        """SELECT v.received_at, v.reception_kind, v.outcome, v.refusal_reason, v.crowd_size,
                  o.full_name AS officer, o.position,
                  pe.full_name, pe.id_kind, pe.id_number, pe.id_issued_on, pe.address,
                  pe.commune_code, pe.sex, pe.id_issued_place, v.corrected_at, v.cancelled_at,
                  v.cancel_reason, v.channel, v.channel_ref, v.mailed_on, v.source_body,
                  v.source_doc_no, v.source_doc_on, v.agent_identity_id, v.agent_role,
                  v.agent_proof
             FROM visits v
             JOIN identity_snapshots pe ON pe.id = v.identity_id
             LEFT JOIN officers o ON o.id = v.officer_id
            WHERE v.id = ?""", [visit_id])
    if row is None:
        raise DeskError(messages.VISIT_MISSING.format(id=visit_id))
    petitions = [
        {"kind": p["kind"], "kind_label": catalog.PETITION_KIND_LABELS.get(p["kind"], p["kind"]),
         "summary": p["summary"]}
        for p in rows.every(
            db, "SELECT kind, summary FROM petitions WHERE visit_id = ? ORDER BY id", [visit_id])]
    issued_place = row["id_issued_place"] or ""
    return {
        "received_at": row["received_at"], "reception_kind": row["reception_kind"],
        "outcome": row["outcome"], "refusal_reason": row["refusal_reason"],
        "crowd_size": row["crowd_size"],
        "officer": {"name": row["officer"] or "", "position": row["position"] or ""},
        # Forms 01 and 02/TCD print the place of issue recorded with the visit's identity
        # (layout.id_issue). `id_issued_by` is the same place under the key payloads stored by
        # earlier releases use, so their values compare equal (amend_reprint).
        "person": _person(row["full_name"], row["sex"], row["id_kind"], row["id_number"],
                          row["id_issued_on"], issued_place, row["address"],
                          row["commune_code"]),
        "agent": _agent(db, row["agent_identity_id"], row["agent_role"], row["agent_proof"]),
        "channel": {"code": row["channel"], "name": catalog.channel_name(row["channel"]),
                    "ref": row["channel_ref"], "mailed_on": row["mailed_on"] or "",
                    "source_body": row["source_body"], "source_doc_no": row["source_doc_no"],
                    "source_doc_on": row["source_doc_on"] or ""},
        "petitions": petitions,
        "corrected_at": row["corrected_at"], "cancelled_at": row["cancelled_at"],
        "cancel_reason": row["cancel_reason"] or "",
    }


def _person(name, sex, id_kind, id_number, issued_on, issued_place, address,
            commune_code) -> dict:
    label = catalog.commune_label(commune_code)
    if label and label not in address:
        address = f"{address}, {label}" if address else label
    return {"name": name, "sex": sex or "", "id_label": ID_LABELS.get(id_kind, "Số giấy tờ"),
            "id_number": id_number, "id_issued_on": issued_on or "",
            "id_issued_place": issued_place or "", "id_issued_by": issued_place or "",
            "address": address}


def _agent(db: Database, identity_id: int | None, role: str | None, proof: str) -> dict | None:
    """Who presented on the person's behalf, as recorded with the visit, and the paper."""
    if identity_id is None:
        return None
    row = db.execute("SELECT full_name, sex, id_kind, id_number, id_issued_on, id_issued_place,"
                     " address, commune_code FROM identity_snapshots WHERE id = ?",
                     [identity_id]).fetchone()
    return {**_person(*row), "role": catalog.AGENT_ROLE_LABELS.get(role or "", role or ""),
            "proof": proof}


def _refuse_cancelled(visit_id: int, visit: dict) -> None:
    """No new document for a visit cancelled as entered in error."""
    if visit["cancelled_at"]:
        day = visit["cancelled_at"]
        raise DeskError(messages.VISIT_CANCELLED.format(
            visit=visit_id, day=dmy(day), reason=visit["cancel_reason"]))


def amend_reprint(db: Database, kind: str, visit_id: int | None, payload: dict) -> dict:
    """A stored receipt or refusal notice as a reprint shows it after the visit was corrected
    or cancelled: the corrected identity and contents, and the dates that say so (the copy's
    mark reads them). Other documents, and unchanged visits, are returned as stored."""
    if visit_id is None or kind not in (RECEIPT_KIND, REFUSAL_KIND):
        return payload
    visit = _visit(db, visit_id)
    if kind == RECEIPT_KIND and visit["agent"]:
        return payload  # the provider was the agent: corrections name the person represented
    key = "provider" if kind == RECEIPT_KIND else "person"
    changed = (not _same_person(payload.get(key), visit["person"])
               or payload.get("petitions") != visit["petitions"]
               or (kind == RECEIPT_KIND
                   and payload.get("online") != (visit["reception_kind"] == "truc_tuyen")))
    out = dict(payload)
    if changed and visit["corrected_at"]:
        out.update({key: visit["person"], "petitions": visit["petitions"],
                    "corrected_on": visit["corrected_at"][:10]})
        if kind == RECEIPT_KIND:
            out["online"] = visit["reception_kind"] == "truc_tuyen"
    if visit["cancelled_at"]:
        out["cancelled_on"] = visit["cancelled_at"][:10]
    return out


def _same_person(stored: dict | None, fresh: dict) -> bool:
    """Payloads stored before the issue place was recorded lack its keys: not a correction."""
    return stored is not None and all(stored.get(k, "") == v for k, v in fresh.items())


def receipt_data(db: Database, visit_id: int) -> dict:
    """What Form 02/TCD prints for this visit: the receipt goes to the provider himself, so
    it shows his identity even for a denunciation."""
    visit = _visit(db, visit_id)
    _refuse_cancelled(visit_id, visit)
    row = rows.one(db, "SELECT number, year, kind FROM issued_documents"
                       " WHERE visit_id = ? AND kind IN (?, ?) ORDER BY id LIMIT 1",
                   [visit_id, RECEIPT_KIND, ACK_KIND])
    if row is None:
        info = catalog.channel(visit["channel"]["code"])
        if info is not None and not info.visit:
            raise DeskError(messages.CHANNEL_NO_RECEIPT.format(
                id=visit_id, channel=info.name.lower(),
                ack=messages.CHANNEL_ACK_HINT if info.acknowledgement == "bao_nhan_don" else ""))
        raise DeskError(messages.RECEIPT_MISSING.format(id=visit_id))
    items = [{**item, "copy": catalog.COPY_LABELS.get(item["copy"], item["copy"])}
             for item in rows.every(
                 db, "SELECT name, pages, condition, copy FROM visit_documents WHERE visit_id = ?"
                     " ORDER BY ord, id", [visit_id])]
    # Dated with the reception it records (the visit's day), not the day it is printed.
    extra: dict = {}
    if row["kind"] == ACK_KIND:
        extra = {"title": "Giấy báo đã nhận đơn", "channel": visit["channel"]}
    elif visit["agent"]:
        # The paper goes to whoever handed it in: the agent, on behalf of the person.
        extra = {"represented": visit["person"]}
    provider = (visit["agent"] if visit["agent"] and row["kind"] == RECEIPT_KIND
                else visit["person"])
    return {
        **extra,
        "kind": row["kind"], "number": row["number"], "year": row["year"],
        "issued_on": visit["received_at"][:10],
        "visit_id": visit_id, "office": office_values(db), "received_at": visit["received_at"],
        "online": visit["reception_kind"] == "truc_tuyen", "officer": visit["officer"],
        "provider": provider, "petitions": visit["petitions"], "items": items,
    }


def refusal_data(db: Database, visit_id: int, on: date | None = None) -> dict:
    """What Form 01/TCD prints for a refused visit (number and date are added when issued)."""
    visit = _visit(db, visit_id)
    _refuse_cancelled(visit_id, visit)
    if visit["outcome"] != Outcome.REFUSED:
        raise DeskError(messages.REFUSAL_NOT_REFUSED.format(id=visit_id))
    code = visit["refusal_reason"] or ""
    reason = next((r for r in catalog.refusal_reasons() if r.code == code), None)
    # The ground is cited as the law stood on the day of the refusal (the visit's day).
    refused_on = date.fromisoformat(visit["received_at"][:10])
    return {
        "kind": REFUSAL_KIND, "visit_id": visit_id, "office": office_values(db),
        "signer": signer_values(db), "received_at": visit["received_at"],
        "person": visit["person"], "petitions": visit["petitions"],
        "reason": {"code": code, "name": reason.name if reason else code,
                   "basis": reason.basis_on(refused_on) if reason else ""},
        "issued_on": (on or date.today()).isoformat(),
    }


# --- the log book ---------------------------------------------------------------------------

# Form 03/TCD columns (Circular 04/2021 as amended), in order.
LOG_COLUMNS = (
    "STT",
    "Ngày tiếp",
    "Họ tên, địa chỉ",
    "Số CCCD/Hộ chiếu",
    "Tóm tắt nội dung vụ việc",
    "Phân loại đơn/vụ việc",
    "Số người",
    "Cơ quan, tổ chức đã giải quyết",
    "Thuộc thẩm quyền (x)",
    "Hướng dẫn (cơ quan, số văn bản)",
    "Chuyển đơn (cơ quan, số văn bản)",
    "Theo dõi kết quả",
    "Ghi chú",
)


# The two books of the register (docs/channels.md, "Which book"): receptions, form 03/TCD;
# petitions received without a visit (Circular 05/2021). Same columns, the notes say how a
# petition came.
BOOKS = {"visit": "Sổ tiếp công dân", "no_visit": "Sổ tiếp nhận, xử lý đơn"}


def book_columns(title: str) -> tuple[str, ...]:
    """The column heads of a book: a letter is received, not received in person."""
    if title == BOOKS["no_visit"]:
        return tuple("Ngày nhận đơn" if c == "Ngày tiếp" else c for c in LOG_COLUMNS)
    return LOG_COLUMNS


def log_rows_for_print(db: Database, date_from: date, date_to: date, *,
                       reveal: bool = False, book: str = "visit") -> list[LogRow]:
    """The log book's lines in the range, oldest first, as the screen log shows them: every
    line of a visit that brings a denunciation masks who came (Denunciation law art. 47, 56)
    unless `reveal` is given."""
    if date_from > date_to:
        raise DeskError(messages.LOG_RANGE_REVERSED.format(
            start=date_from.strftime("%d/%m/%Y"), end=date_to.strftime("%d/%m/%Y")))
    # The book 03/TCD holds receptions only; letters are in the book of petitions received
    # (docs/channels.md, "Which book").
    if book not in BOOKS:
        raise DeskError(messages.LOG_BOOK_UNKNOWN.format(book=book, choices=", ".join(BOOKS)))
    ids = log_ids(db, LogFilter(date_from=date_from, date_to=date_to, sort="received_at",
                                descending=False, channel=book))
    return log_rows(db, ids, frozenset(ids) if reveal else frozenset())


def log_lines_for_print(db: Database, date_from: date, date_to: date, *,
                        reveal: bool = False, batch: int = 1000,
                        book: str = "visit") -> tuple[int, Iterator[LogRow]]:
    """`log_rows_for_print` for an export of any length: the number of lines, and the lines
    read from the database `batch` at a time as they are consumed (a year of a province's
    log is 100,000 lines: their ids are 0.8 MB, their rows several hundred)."""
    if date_from > date_to:
        raise DeskError(messages.LOG_RANGE_REVERSED.format(
            start=date_from.strftime("%d/%m/%Y"), end=date_to.strftime("%d/%m/%Y")))
    if book not in BOOKS:
        raise DeskError(messages.LOG_BOOK_UNKNOWN.format(book=book, choices=", ".join(BOOKS)))
    ids = log_ids(db, LogFilter(date_from=date_from, date_to=date_to, sort="received_at",
                                descending=False, channel=book))

    def lines() -> Iterator[LogRow]:
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            yield from log_rows(db, chunk, frozenset(chunk) if reveal else frozenset())

    return len(ids), lines()


def log_cells(row: LogRow) -> tuple:
    """One line's cells in LOG_COLUMNS order; the name cell is (name, address)."""
    return (
        row.log_label,
        dmy(row.received_at),
        (row.person_name, row.address),
        row.id_number,
        row.summary,
        catalog.PETITION_KIND_LABELS.get(row.petition_kind, row.petition_kind),
        row.crowd_size,
        row.prior_handlers,
        "x" if row.within_competence else "",
        row.guided_to,
        row.transferred_to,
        # The screen log labels three statuses; the case lifecycle has more.
        lifecycle.STATUS_LABELS.get(row.follow_up, row.follow_up),
        row.note,
    )
