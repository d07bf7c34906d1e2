"""How long each stored text may be, and the other bounds a record must keep: ONE place,
listed for maintainers in docs/limits.md.

The lengths fit real petitions with room to spare (a log-book summary is a few lines; an
officer's written record of a visit without a petition, a page or two) and keep every
document quick to print: the longest summary gives a receipt of about two pages. They are
far below the 32,767 characters of an XLSX cell, so the log book in Excel never cuts a line.
Lengths count characters after `text.clean` (NFC, single spaces).
"""

from __future__ import annotations

from datetime import date

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.text import ZERO_WIDTH, clean, code_point, hidden_char

# field key → (largest number of characters, the field's name in a message)
TEXT_LIMITS: dict[str, tuple[int, str]] = {
    # who came (and each representative)
    "full_name": (100, "Họ và tên"),
    "id_number": (20, "Số giấy tờ tùy thân"),
    "id_issued_place": (150, "Nơi cấp giấy tờ"),
    "phone": (20, "Số điện thoại"),
    "address": (300, "Địa chỉ"),
    "old_address": (300, "Địa chỉ cũ"),
    # the visit and its petitions
    "summary": (5000, "Tóm tắt nội dung"),
    "prior_handlers": (500, "Cơ quan đã giải quyết"),
    "outcome_body": (300, "Cơ quan hướng dẫn, chuyển đơn đến"),
    "outcome_doc_no": (100, "Số văn bản"),
    "note": (1000, "Ghi chú"),
    "document_name": (300, "Tên tài liệu"),
    "document_condition": (200, "Tình trạng tài liệu"),
    # corrections, cancellations, reveals
    "reason": (500, "Lý do"),
    # steps of a case
    "case_body": (300, "Cơ quan, tổ chức"),
    "case_doc_no": (100, "Số, ký hiệu văn bản"),
    "case_note": (2000, "Ghi chú"),
    # channels, representation, coordination, the directory of bodies (docs/channels.md)
    "channel_ref": (200, "Số hồ sơ, địa chỉ thư, số máy gọi đến"),
    "source_body": (300, "Cơ quan chuyển đơn đến"),
    "source_doc_no": (100, "Số văn bản chuyển đơn"),
    "agent_proof": (300, "Giấy tờ chứng minh việc đại diện"),
    "police_contact": (200, "Đơn vị, người công an được thông báo"),
    "body_name": (300, "Tên cơ quan"),
    "body_address": (300, "Địa chỉ cơ quan"),
}
# XLSX cells hold at most this many characters (Excel's limit); a longer value is written
# over several rows, never cut (core/documents/logbook_xlsx.py).
XLSX_CELL_MAX = 32_767

CROWD_MAX = 9_999  # people in one delegation; the intake form's spin box stops here too
PAGES_MAX = 9_999  # pages of one document received
DOCUMENTS_MAX = 100  # documents received at one visit
DOB_MIN = date(1900, 1, 1)  # earliest date of birth (and ID issue date) a record may hold


def label(field: str) -> str:
    return TEXT_LIMITS[field][1]


def _number(value: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def check_text(field: str, value: str | None, *, form_field: str | None = None,
               name: bool = False) -> str:
    """`value` as it will be stored (`clean`), or DeskError naming the field: a control or
    bidi character anywhere, an invisible character in a name, or more than the limit."""
    raw = value or ""
    limit, what = TEXT_LIMITS[field]
    bad = hidden_char(raw if name else raw.translate(str.maketrans(dict.fromkeys(ZERO_WIDTH))))
    if bad is None and name:
        bad = next((ch for ch in raw if ch in ZERO_WIDTH), None)
    if bad is not None:
        raise DeskError(messages.TEXT_HIDDEN_CHAR.format(field=what, code=code_point(bad)),
                        field=form_field or field)
    text = clean(raw)
    if len(text) > limit:
        raise DeskError(messages.FIELD_TOO_LONG.format(
            field=what, length=_number(len(text)), limit=_number(limit)), field=form_field or field)
    return text


def check_crowd_size(size: int) -> None:
    if size > CROWD_MAX:
        raise DeskError(messages.CROWD_SIZE_MAX.format(value=_number(size), limit=_number(CROWD_MAX)),
                        field="crowd_size")


def check_pages(name: str, pages: int) -> None:
    if pages > PAGES_MAX:
        raise DeskError(messages.DOC_PAGES_MAX.format(name=name, pages=_number(pages),
                                                      limit=_number(PAGES_MAX)), field="documents")
