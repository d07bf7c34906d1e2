"""Numbers and the register of issued documents (table issued_documents, migration 0006).

Every document gets the next number of its series and year — no gaps, no reuse — in the same
transaction that stores what it printed (the payload) and the SHA-256 of the PDF: if the
rendering fails, nothing is written and the number is not used. Numbers are written as Decree
30/2020 writes them: at least two digits ("Số: 01/TB-UBND", Appendix I §II.4), and the kinds
that share a ký hiệu (every "TB" notice, both "PC" transfer slips) share one sequence, so a
number is never given twice in a year. A document is dated with the act it records (a receipt:
the visit's day), not with the day it is printed. A reprint renders the stored payload again
with the "BẢN SAO" mark and the day it was reprinted, so it says what the original said even
if the records changed since — save a receipt or refusal notice of a visit corrected or
cancelled since, which shows the corrected values and says so on its mark (data.amend_reprint).

Receipts (Form 02/TCD) are numbered at intake (core/intake.py) with no payload yet. Looking at
one registers nothing (`preview_receipt`); the original is issued when it is first delivered —
printed, or saved to a file — and a delivery that fails (a bad path) issues nothing
(`deliver_receipt`). Each receipt carries a QR code `TCD1|<office>|<number>/<year>|<code>`
whose code is an HMAC of the rest under a per-office secret, so a scan on a later visit finds
the record and a forged or altered receipt does not.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlite_utils import Database

from desk_app import messages
from desk_app.core.documents.data import (
    ACK_KIND,
    RECEIPT_KIND,
    REFUSAL_KIND,
    amend_reprint,
    receipt_data,
    refusal_data,
)
from desk_app.core.documents.kinds import RECEIPT_QR_PREFIX
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.documents.renderers import NUMBER_FORMATS, RENDERERS
from desk_app.core.errors import DeskError
from desk_app.core.security import audit
from desk_app.core.storage import rows, uuids

QR_SECRET_KEY = "receipt_qr_secret"  # settings row, made on first use; never shown
CODE_LENGTH = 6


@dataclass(frozen=True)
class Issued:
    id: int
    kind: str
    year: int
    seq: int
    number: str
    issued_at: str
    sha256: str
    pdf: bytes


def _canonical(payload: dict) -> tuple[str, dict]:
    """The payload as stored (JSON text) and as rendered (that text read back), so the first
    print and every reprint render exactly the same values."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text, json.loads(text)


def series(number_format: str) -> str:
    """What numbers of one series end with: "{seq:02d}/TB-UBND" → "/TB-UBND"."""
    return number_format.split("}", 1)[-1]


def _next_seq(db: Database, kind: str, year: int, number_format: str) -> int:
    """The next number of the year in this kind's series (kinds with the same ký hiệu)."""
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM issued_documents WHERE year = ?"
                      " AND (kind = ? OR substr(number, instr(number, '/')) = ?)",
                      [year, kind, series(number_format)]).fetchone()[0]


def issue(db: Database, kind: str, *, year: int | None = None, subject: str, payload: dict,
          visit_id: int | None = None, case_id: int | None = None,
          number_format: str | None = None, now: datetime | None = None,
          render: Callable[..., bytes] | None = None) -> Issued:
    """Number, render and register a document in one transaction; returns its PDF. The
    document is dated `payload["issued_on"]` (the day of the act it records), else today; it
    is numbered in that day's year unless `year` is given."""
    render = render or RENDERERS[kind]
    number_format = number_format or NUMBER_FORMATS[kind]
    now = (now or datetime.now()).replace(microsecond=0)
    issued_on = payload.get("issued_on") or now.date().isoformat()
    year = year or int(issued_on[:4])
    with db.atomic():
        seq = _next_seq(db, kind, year, number_format)
        number = number_format.format(seq=seq, year=year)
        text, stored = _canonical({**payload, "kind": kind, "number": number, "year": year,
                                   "issued_on": issued_on})
        pdf = render(stored)
        digest = hashlib.sha256(pdf).hexdigest()
        issued_at = now.isoformat()
        doc_id = cast(int, db.table("issued_documents").insert({
            "uuid": uuids.new(), "kind": kind, "year": year, "seq": seq, "number": number,
            "visit_id": visit_id, "case_id": case_id, "issued_at": issued_at, "sha256": digest,
            "subject": subject, "payload": text,
        }).last_pk)
    return Issued(doc_id, kind, year, seq, number, issued_at, digest, pdf)


def reprint(db: Database, issued_id: int, on: date | None = None,
            render: Callable[..., bytes] | None = None) -> bytes:
    """The stored document again, marked "BẢN SAO", with its original date and content and
    the day it was reprinted (`on`, default today); a receipt or refusal notice of a visit
    corrected since shows the corrected values and says so on its mark (data.amend_reprint).
    `render`: for a kind printed by a layer above (renderers.py); core/reprints.py knows all."""
    row = rows.one(db, "SELECT kind, number, payload, visit_id FROM issued_documents"
                       " WHERE id = ?", [issued_id])
    if row is None:
        raise DeskError(messages.DOCUMENT_MISSING.format(id=issued_id))
    if row["payload"] is None:
        raise DeskError(messages.DOCUMENT_NOT_PRINTED.format(number=row["number"]))
    render = render or RENDERERS[row["kind"]]
    return render(amend_reprint(db, row["kind"], row["visit_id"], json.loads(row["payload"])),
                  copy=True, reprinted_on=on or date.today())


# --- receipts ---------------------------------------------------------------------------------


LEGACY_QR_SECRET_KEY = "receipt_qr_secret_before_encryption"  # see _legacy_code


def _secret(db: Database, *, create: bool) -> bytes | None:
    """The QR codes' HMAC secret: derived from the office's key when the database is
    encrypted (core/security/derived.py: nothing stored), else a settings row made once."""
    from desk_app.core.security import derived

    found = derived.of(db, "receipt-qr")
    if found is not None:
        return found
    row = db.execute("SELECT value FROM settings WHERE key = ?", [QR_SECRET_KEY]).fetchone()
    if row is None and create:
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                   [QR_SECRET_KEY, secrets.token_hex(32)])
        row = db.execute("SELECT value FROM settings WHERE key = ?", [QR_SECRET_KEY]).fetchone()
    return bytes.fromhex(row[0]) if row else None


def verification_code(secret: bytes, office_code: str, number: str, year: int) -> str:
    mac = hmac.new(secret, f"{office_code}|{number}/{year}".encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode()[:CODE_LENGTH]


def _legacy_code(db: Database, office_code: str, number: str, year: int, code: str) -> bool:
    """A receipt issued before the office was encrypted carries a code made with the stored
    secret of that time; it is accepted for those receipts only (a plaintext copy of that
    time holds the secret, so it must not vouch for receipts issued since)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [LEGACY_QR_SECRET_KEY]).fetchone()
    if row is None:
        return False
    secret, _, last_id = row[0].partition("|")
    if not hmac.compare_digest(verification_code(bytes.fromhex(secret), office_code, number, year),
                               code):
        return False
    issued = db.execute("SELECT id FROM issued_documents WHERE kind = ? AND year = ?"
                        " AND number = ? ORDER BY id LIMIT 1", [RECEIPT_KIND, year, number]).fetchone()
    return issued is not None and issued[0] <= int(last_id or 0)


def receipt_qr_text(office_code: str, number: str, year: int, code: str) -> str:
    return f"{RECEIPT_QR_PREFIX}|{office_code}|{number}/{year}|{code}"


def verify_receipt_qr(db: Database, text: str) -> int | None:
    """The visit a scanned receipt QR belongs to, or None if it is not one of this office's
    receipts (wrong format, another office, altered, or unknown number)."""
    parts = (text or "").strip().split("|")
    if len(parts) != 4 or parts[0] != RECEIPT_QR_PREFIX:
        return None
    _, office_code, number_year, code = parts
    number, _, year_text = number_year.rpartition("/")
    if not number or not (year_text.isascii() and year_text.isdigit()):
        return None
    office = db.execute("SELECT office_code FROM office WHERE id = 1").fetchone()
    secret = _secret(db, create=False)
    if office is None or secret is None or office[0] != office_code:
        return None
    expected = verification_code(secret, office_code, number, int(year_text))
    if not hmac.compare_digest(expected, code.strip().upper()) and not _legacy_code(
            db, office_code, number, int(year_text), code.strip().upper()):
        return None
    row = db.execute("SELECT visit_id FROM issued_documents WHERE kind IN (?, ?) AND year = ?"
                     " AND number = ? ORDER BY id LIMIT 1",
                     [RECEIPT_KIND, ACK_KIND, int(year_text), number]).fetchone()
    return row[0] if row else None


def _receipt_row(db: Database, visit_id: int) -> tuple[int, str | None]:
    """(issued_documents id, stored payload or None) of the visit's receipt."""
    row = db.execute("SELECT id, payload FROM issued_documents WHERE visit_id = ? AND kind IN (?, ?)"
                     " ORDER BY id LIMIT 1", [visit_id, RECEIPT_KIND, ACK_KIND]).fetchone()
    if row is None:
        if db.execute("SELECT 1 FROM visits WHERE id = ?", [visit_id]).fetchone() is None:
            raise DeskError(messages.VISIT_MISSING.format(id=visit_id))
        receipt_data(db, visit_id)  # a letter's channel or a cancelled visit says so itself
        raise DeskError(messages.RECEIPT_MISSING.format(id=visit_id))
    return row


def _original(db: Database, visit_id: int) -> tuple[str, dict]:
    """The receipt's payload as its original will store it (JSON text, values), with its QR."""
    values = receipt_data(db, visit_id)
    secret = _secret(db, create=True)
    assert secret is not None  # create=True made it
    office_code = values["office"]["office_code"]
    code = verification_code(secret, office_code, values["number"], values["year"])
    values.update(verify_code=code,
                  qr=receipt_qr_text(office_code, values["number"], values["year"], code))
    return _canonical(values)


def preview_receipt(db: Database, visit_id: int, on: date | None = None, *,
                    reveal_reason: str | None = None) -> tuple[bytes, bool]:
    """(PDF, already delivered) to show on screen. Before its first delivery the receipt is
    the original as it will print, registered nowhere; after it, a copy of what was issued.
    (It may create the office's QR secret, once, so that the preview shows the real code.)"""
    from desk_app.core.security import secrecy

    doc_id, payload = _receipt_row(db, visit_id)
    if payload is not None:  # a copy: a denouncing visit's needs a reveal (deliver_receipt)
        secrecy.guard_document(db, secrecy.denounced_petitions(db, visit_id=visit_id),
                               reveal_reason, what="receipt_copy", subject="visit",
                               subject_id=visit_id)
        return reprint(db, doc_id, on), True
    with db.atomic():
        _text, stored = _original(db, visit_id)
    return render_receipt(stored), False


def deliver_receipt(db: Database, visit_id: int, write: Callable[[bytes], None] | None = None,
                    *, copy: bool = False, on: date | None = None,
                    reveal_reason: str | None = None) -> tuple[bytes, bool]:
    """Print or save the receipt: (PDF, is a copy). The first delivery issues the original —
    its payload and hash are stored in the same transaction that calls `write(pdf)` (e.g.
    writing the file), so a delivery that fails issues nothing. Every later delivery is a copy
    of that original, marked "BẢN SAO" with the day it was reprinted (`on`, default today).
    `copy` asks for a copy even the first time (the original is still issued).

    A copy of a denouncing visit's receipt names the denouncer: with someone signed in it
    needs `reveal_reason` (core/security/secrecy.py); the original goes to the person who came.
    """
    from desk_app.core.security import secrecy

    doc_id, payload = _receipt_row(db, visit_id)
    if payload is not None or copy:
        secrecy.guard_document(db, secrecy.denounced_petitions(db, visit_id=visit_id),
                               reveal_reason, what="receipt_copy", subject="visit",
                               subject_id=visit_id)
    if payload is not None:
        pdf = reprint(db, doc_id, on)
        if write is not None:
            write(pdf)
        audit.note(db, "print", "visit", visit_id, {"document": "receipt", "copy": True})
        return pdf, True
    with db.atomic():
        text, stored = _original(db, visit_id)
        pdf = render_receipt(stored)
        stored_now = db.execute(
            "UPDATE issued_documents SET payload = ?, sha256 = ?, subject = ?"
            " WHERE id = ? AND payload IS NULL",
            [text, hashlib.sha256(pdf).hexdigest(), stored.get("title") or
             "Giấy biên nhận thông tin, tài liệu", doc_id]).rowcount
        if stored_now and copy:
            pdf = render_receipt(stored, copy=True, reprinted_on=on or date.today())
        if stored_now and write is not None:
            write(pdf)  # raises: the transaction is rolled back, the original stays unissued
        if stored_now:
            audit.record(db, "print", "visit", visit_id, {"document": "receipt", "copy": copy})
    if not stored_now:  # another window delivered it first: theirs is the original
        return deliver_receipt(db, visit_id, write, on=on)
    return pdf, copy


def print_receipt(db: Database, visit_id: int, *, copy: bool = False) -> bytes:
    """The receipt of a visit, delivered (see `deliver_receipt`): the first print is the
    original (unless `copy`); every later print is a copy of that first one."""
    return deliver_receipt(db, visit_id, copy=copy)[0]


# --- refusal notices --------------------------------------------------------------------------


def _refusal_row(db: Database, visit_id: int) -> dict | None:
    return rows.one(db, "SELECT id, kind, year, seq, number, issued_at, sha256"
                        " FROM issued_documents WHERE visit_id = ? AND kind = ? ORDER BY id LIMIT 1",
                    [visit_id, REFUSAL_KIND])


def issue_refusal(db: Database, visit_id: int, now: datetime | None = None) -> Issued:
    """Form 01/TCD for a refused visit: numbered and registered on first issue, dated the day
    it is issued (the head's notice is itself the act; within 3 working days of the visit,
    Decree 154/2026 art. 4); asked again, it gives the registered notice back as a copy (a
    visit is refused once)."""
    found = _refusal_row(db, visit_id)
    if found is not None:
        return Issued(**found, pdf=reprint(db, found["id"], (now or datetime.now()).date()))
    now = now or datetime.now()
    payload = refusal_data(db, visit_id, on=now.date())
    return issue(db, REFUSAL_KIND, subject="Thông báo về việc từ chối tiếp công dân",
                 payload=payload, visit_id=visit_id, now=now)


def copy_refusal(db: Database, visit_id: int, on: date | None = None) -> Issued:
    """The visit's registered refusal notice, as a copy; refused if none was issued."""
    found = _refusal_row(db, visit_id)
    if found is None:
        refusal_data(db, visit_id)  # VISIT_MISSING / REFUSAL_NOT_REFUSED first
        raise DeskError(messages.REFUSAL_NOT_ISSUED.format(id=visit_id))
    return Issued(**found, pdf=reprint(db, found["id"], on))


def refusal_record(db: Database, visit_id: int) -> str | None:
    """The number of the visit's refusal notice, or None if none was issued."""
    found = _refusal_row(db, visit_id)
    return found["number"] if found else None


def receipt_record(db: Database, visit_id: int) -> tuple[str, bool] | None:
    """(number, already printed) of the visit's receipt, or None if it has none."""
    row = db.execute("SELECT number, payload IS NOT NULL FROM issued_documents"
                     " WHERE visit_id = ? AND kind IN (?, ?) ORDER BY id LIMIT 1",
                     [visit_id, RECEIPT_KIND, ACK_KIND]).fetchone()
    return (row[0], bool(row[1])) if row else None
