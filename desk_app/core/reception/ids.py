"""Citizen ID (căn cước / CCCD) number checks and the chip card's QR line (docs/legal.md, “Citizen ID”)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.model import Sex
from desk_app.core.text import clean, nfc

# Codes of the 63 pre-2025 provinces where births were registered: the first three digits
# of a CCCD number (Circular 59/2021/TT-BCA, annex). The 2025 merger did not renumber cards.
BIRTH_PROVINCE_CODES = frozenset(
    ["001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"]
)

# Digit 4: century of birth and sex; even = male, odd = female (1800s: 8/9, 1900s: 0/1, …).
_CENTURY_BASE = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


@dataclass(frozen=True)
class CccdFacts:
    birth_province: str
    birth_year: int
    sex: Sex


def _digits(value: str) -> bool:
    """ASCII 0-9 only: str.isdigit() also accepts '²' or full-width digits, which int() rejects."""
    return value.isascii() and value.isdigit()


def read_cccd(number: str) -> CccdFacts:
    """The facts a 12-digit number encodes; DeskError if it cannot be a CCCD number."""
    number = number.strip()
    if len(number) != 12 or not _digits(number):
        raise DeskError(messages.ID_DIGITS.format(count=len(number)), field="id_number")
    if number[:3] not in BIRTH_PROVINCE_CODES:
        raise DeskError(messages.ID_PROVINCE.format(code=number[:3]), field="id_number")
    digit = int(number[3])
    year = _CENTURY_BASE[digit] + int(number[4:6])
    return CccdFacts(number[:3], year, Sex.NAM if digit % 2 == 0 else Sex.NU)


def check_cccd(number: str, date_of_birth: date | None, sex: Sex | None) -> CccdFacts:
    """Check the number against the date of birth and sex given with it."""
    facts = read_cccd(number)
    if date_of_birth is not None and date_of_birth.year != facts.birth_year:
        raise DeskError(
            messages.ID_CENTURY_YEAR.format(id_year=facts.birth_year, dob_year=date_of_birth.year),
            field="id_number",
        )
    if sex is not None and sex != facts.sex:
        raise DeskError(messages.ID_SEX.format(id_sex=facts.sex.value, sex=sex.value), field="sex")
    return facts


@dataclass(frozen=True)
class QrIdentity:
    id_number: str
    old_id_number: str
    full_name: str
    date_of_birth: date
    sex: Sex
    address: str
    issued_on: date | None


def _ddmmyyyy(value: str) -> date:
    value = value.strip()
    if len(value) != 8 or not value.isdigit():
        raise DeskError(messages.QR_DATE.format(value=value))
    try:
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise DeskError(messages.QR_DATE.format(value=value)) from None


def parse_qr_line(line: str) -> QrIdentity:
    """Parse `id|old id|name|ddmmyyyy|sex|address|issue date` as a desk scanner types it.

    There is no official spec: accept 6–8 fields (no issue date, or a trailing extra),
    an empty old ID, NFD text and stray line ends; reject anything else with a message.
    """
    line = nfc(line or "").strip("\r\n\t ")
    if not line:
        raise DeskError(messages.QR_EMPTY)
    fields = line.split("|")
    if not 6 <= len(fields) <= 8:
        raise DeskError(messages.QR_FIELDS.format(count=len(fields)))
    id_number, old_id, name, dob, sex, address = (f.strip() for f in fields[:6])
    if len(id_number) != 12 or not _digits(id_number):
        raise DeskError(messages.QR_ID.format(value=id_number))
    if old_id and (not _digits(old_id) or len(old_id) not in (9, 12)):
        raise DeskError(messages.QR_ID.format(value=old_id))
    if not clean(name):
        raise DeskError(messages.QR_NAME)
    birth = _ddmmyyyy(dob)
    try:
        sex_value = Sex(sex.capitalize())
    except ValueError:
        raise DeskError(messages.QR_SEX.format(value=sex)) from None
    issued = _ddmmyyyy(fields[6]) if len(fields) >= 7 and fields[6].strip() else None
    check_cccd(id_number, birth, sex_value)
    return QrIdentity(id_number, old_id, clean(name), birth, sex_value, clean(address), issued)
