"""Who signs, and in what capacity (Decree 30/2020, Appendix I §II.7).

A People's Committee decides collectively: its documents are signed "TM. ỦY BAN NHÂN DÂN"
over the chairperson's title, or, when a deputy signs for the chairperson, over "KT. CHỦ
TỊCH / PHÓ CHỦ TỊCH". Some acts belong to the chairperson personally — accepting a
complaint is the act of the person competent to resolve it, the chairperson of the commune
People's Committee (Complaints Law 2011 art. 17, 27) — and are signed without "TM.".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.storage import settings

if TYPE_CHECKING:
    from sqlite_utils import Database

HEAD = "CHỦ TỊCH"
DEPUTY = "PHÓ CHỦ TỊCH"
# The signer's positions the settings offer; the printed block follows from the choice.
TITLES = (HEAD, DEPUTY)
COMMITTEE = "committee"  # the People's Committee's document: "TM. ỦY BAN NHÂN DÂN" on top
CHAIRPERSON = "chairperson"  # the chairperson's own act: no "TM."
_COMMITTEE_NAME = "ủy ban nhân dân"


def signer_values(db: Database) -> dict:
    """The signer as documents store it in their payload."""
    return {"title": settings.get(db, "signer_title"), "name": settings.get(db, "signer_name")}


def _upper(text: str) -> str:
    return " ".join(str(text or "").split()).upper()


def is_deputy(title: str) -> bool:
    return _upper(title).startswith("PHÓ ")


def signature_lines(office_name: str, title: str, capacity: str = COMMITTEE) -> tuple[str, ...]:
    """The upper-case lines above the signature: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH"… A deputy always signs "KT." for the chairperson (ký thay)."""
    title = _upper(title) or HEAD
    lines: list[str] = []
    if capacity == COMMITTEE and str(office_name or "").strip().lower().startswith(_COMMITTEE_NAME):
        lines.append("TM. " + _COMMITTEE_NAME.upper())
    if is_deputy(title):
        lines.append("KT. " + HEAD)
    lines.append(title)
    return tuple(lines)


def unsigned_warning(db: Database) -> str | None:
    """A warning to show before printing a document the head signs, when no signer is set."""
    if settings.get(db, "signer_name").strip():
        return None
    return messages.SIGNER_MISSING
