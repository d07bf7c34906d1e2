"""Numbers and the register of issued documents (table issued_documents, migration 0006).

Every document gets the next number of its kind and year — no gaps, no reuse — in the same
transaction that stores what it printed (the payload) and the SHA-256 of the PDF: if the
rendering fails, nothing is written and the number is not used. A reprint renders the stored
payload again with the "BẢN SAO" mark, so it says what the original said even if the records
changed since.

Receipts (Form 02/TCD) are numbered at intake (core/intake.py) with no payload yet; their
first print stores it. Each receipt carries a QR code `TCD1|<office>|<number>/<year>|<code>`
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
from datetime import datetime
from typing import cast

from sqlite_utils import Database

from desk_app import messages
from desk_app.core.documents.data import (
    RECEIPT_KIND,
    REFUSAL_KIND,
    amend_reprint,
    receipt_data,
    refusal_data,
)
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.documents.refusal import render_refusal
from desk_app.core.errors import DeskError
from desk_app.core.storage import uuids

RENDERERS: dict[str, Callable[..., bytes]] = {
    RECEIPT_KIND: render_receipt,
    REFUSAL_KIND: render_refusal,
}
# Số/ký hiệu (Decree 30/2020, Appendix I §II.4): number / document kind - issuing body.
NUMBER_FORMATS = {
    RECEIPT_KIND: "{seq}/GBN-TCD",  # as core/intake.py numbers them
    REFUSAL_KIND: "{seq}/TB-UBND",
}
QR_SECRET_KEY = "receipt_qr_secret"  # settings row, made on first use; never shown
QR_PREFIX = "TCD1"
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


def _next_seq(db: Database, kind: str, year: int) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM issued_documents"
                      " WHERE kind = ? AND year = ?", [kind, year]).fetchone()[0]


def issue(db: Database, kind: str, *, year: int, subject: str, payload: dict,
          visit_id: int | None = None, case_id: int | None = None,
          number_format: str | None = None, now: datetime | None = None,
          render: Callable[..., bytes] | None = None) -> Issued:
    """Number, render and register a document in one transaction; returns its PDF."""
    render = render or RENDERERS[kind]
    number_format = number_format or NUMBER_FORMATS[kind]
    now = (now or datetime.now()).replace(microsecond=0)
    with db.atomic():
        seq = _next_seq(db, kind, year)
        number = number_format.format(seq=seq, year=year)
        text, stored = _canonical({**payload, "kind": kind, "number": number, "year": year,
                                   "issued_on": payload.get("issued_on") or now.date().isoformat()})
        pdf = render(stored)
        digest = hashlib.sha256(pdf).hexdigest()
        issued_at = now.isoformat()
        doc_id = cast(int, db.table("issued_documents").insert({
            "uuid": uuids.new(), "kind": kind, "year": year, "seq": seq, "number": number,
            "visit_id": visit_id, "case_id": case_id, "issued_at": issued_at, "sha256": digest,
            "subject": subject, "payload": text,
        }).last_pk)
    return Issued(doc_id, kind, year, seq, number, issued_at, digest, pdf)


def reprint(db: Database, issued_id: int) -> bytes:
    """The stored document again, marked "BẢN SAO", with its original date and content; a
    receipt or refusal notice of a visit corrected since shows the corrected values and says
    so on its mark (data.amend_reprint)."""
    row = db.execute("SELECT kind, number, payload, visit_id FROM issued_documents WHERE id = ?",
                     [issued_id]).fetchone()
    if row is None:
        raise DeskError(messages.DOCUMENT_MISSING.format(id=issued_id))
    kind, number, payload, visit_id = row
    if payload is None:
        raise DeskError(messages.DOCUMENT_NOT_PRINTED.format(number=number))
    if kind not in RENDERERS:
        import desk_app.core.documents.slips  # noqa: F401  (adds the slips' renderers)
    return RENDERERS[kind](amend_reprint(db, kind, visit_id, json.loads(payload)), copy=True)


# --- receipts ---------------------------------------------------------------------------------


def _secret(db: Database, *, create: bool) -> bytes | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [QR_SECRET_KEY]).fetchone()
    if row is None and create:
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                   [QR_SECRET_KEY, secrets.token_hex(32)])
        row = db.execute("SELECT value FROM settings WHERE key = ?", [QR_SECRET_KEY]).fetchone()
    return bytes.fromhex(row[0]) if row else None


def verification_code(secret: bytes, office_code: str, number: str, year: int) -> str:
    mac = hmac.new(secret, f"{office_code}|{number}/{year}".encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode()[:CODE_LENGTH]


def receipt_qr_text(office_code: str, number: str, year: int, code: str) -> str:
    return f"{QR_PREFIX}|{office_code}|{number}/{year}|{code}"


def verify_receipt_qr(db: Database, text: str) -> int | None:
    """The visit a scanned receipt QR belongs to, or None if it is not one of this office's
    receipts (wrong format, another office, altered, or unknown number)."""
    parts = (text or "").strip().split("|")
    if len(parts) != 4 or parts[0] != QR_PREFIX:
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
    if not hmac.compare_digest(expected, code.strip().upper()):
        return None
    row = db.execute("SELECT visit_id FROM issued_documents WHERE kind = ? AND year = ?"
                     " AND number = ? ORDER BY id LIMIT 1",
                     [RECEIPT_KIND, int(year_text), number]).fetchone()
    return row[0] if row else None


def print_receipt(db: Database, visit_id: int, *, copy: bool = False) -> bytes:
    """The receipt of a visit. The first print stores its payload and hash and is the
    original (unless `copy`); every later print is a copy of that first one."""
    row = db.execute("SELECT id, payload FROM issued_documents WHERE visit_id = ? AND kind = ?"
                     " ORDER BY id LIMIT 1", [visit_id, RECEIPT_KIND]).fetchone()
    if row is None:
        if db.execute("SELECT 1 FROM visits WHERE id = ?", [visit_id]).fetchone() is None:
            raise DeskError(messages.VISIT_MISSING.format(id=visit_id))
        raise DeskError(messages.RECEIPT_MISSING.format(id=visit_id))
    doc_id, payload = row
    if payload is not None:
        return render_receipt(amend_reprint(db, RECEIPT_KIND, visit_id, json.loads(payload)),
                              copy=True)
    values = receipt_data(db, visit_id)
    with db.atomic():
        secret = _secret(db, create=True)
        assert secret is not None  # create=True made it
        office_code = values["office"]["office_code"]
        code = verification_code(secret, office_code, values["number"], values["year"])
        values.update(verify_code=code,
                      qr=receipt_qr_text(office_code, values["number"], values["year"], code))
        text, stored = _canonical(values)
        pdf = render_receipt(stored)
        stored_now = db.execute(
            "UPDATE issued_documents SET payload = ?, sha256 = ?, subject = ?"
            " WHERE id = ? AND payload IS NULL",
            [text, hashlib.sha256(pdf).hexdigest(), "Giấy biên nhận thông tin, tài liệu",
             doc_id]).rowcount
    if not stored_now:  # another window printed it first: theirs is the original
        return reprint(db, doc_id)
    return render_receipt(stored, copy=True) if copy else pdf


# --- refusal notices --------------------------------------------------------------------------


def issue_refusal(db: Database, visit_id: int, now: datetime | None = None) -> Issued:
    """Form 01/TCD for a refused visit: numbered and registered on first issue; asked again,
    it gives the registered notice back as a copy (a visit is refused once)."""
    found = db.execute("SELECT id, kind, year, seq, number, issued_at, sha256 FROM issued_documents"
                       " WHERE visit_id = ? AND kind = ? ORDER BY id LIMIT 1",
                       [visit_id, REFUSAL_KIND]).fetchone()
    if found is not None:
        doc_id, kind, year, seq, number, issued_at, sha256 = found
        return Issued(doc_id, kind, year, seq, number, issued_at, sha256, pdf=reprint(db, doc_id))
    now = now or datetime.now()
    payload = refusal_data(db, visit_id, on=now.date())
    return issue(db, REFUSAL_KIND, year=now.year, subject="Thông báo về việc từ chối tiếp công dân",
                 payload=payload, visit_id=visit_id, now=now)


def receipt_record(db: Database, visit_id: int) -> tuple[str, bool] | None:
    """(number, already printed) of the visit's receipt, or None if it has none."""
    row = db.execute("SELECT number, payload IS NOT NULL FROM issued_documents"
                     " WHERE visit_id = ? AND kind = ? ORDER BY id LIMIT 1",
                     [visit_id, RECEIPT_KIND]).fetchone()
    return (row[0], bool(row[1])) if row else None
