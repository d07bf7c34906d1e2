"""Reporting periods: "2026-Q4", "2026-6M", "2026-9M", "2026", "2026-11-01..2026-11-30".

Circular 01/2024/TT-TTCP closes the figures of a period on the 14th: a period runs from the
15th of the month before its first month to the 14th of its last month (Q1 = 15/12 of the
previous year to 14/03; 6 months = 15/12 to 14/06; 9 months = 15/12 to 14/09; the year =
15/12 to 14/12). Some provinces ask for calendar periods instead (Q1 = 01/01 to 31/03): the
office setting `report_period_mode` chooses ("cutoff" or "calendar").
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from sqlite_utils import Database

CUTOFF, CALENDAR = "cutoff", "calendar"
MODES = {CUTOFF: "Chốt số liệu ngày 14 (Thông tư 01/2024/TT-TTCP)",
         CALENDAR: "Theo tháng dương lịch (01 đến cuối tháng)"}
MODE_KEY = "report_period_mode"
CUTOFF_DAY = 14  # Circular 01/2024/TT-TTCP: figures close on the 14th (verify the article)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# Earliest and latest years a period may name (the Reception Law is in force from 2014).
FIRST_YEAR, LAST_YEAR = 2014, 2100

_SPEC = re.compile(r"^(\d{4})(?:-(Q[1-4]|6M|9M))?$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    start: date  # first day, included
    end: date  # last day, included
    spec: str  # as asked: "2026-Q4", "2026", "2026-11-01..2026-11-30"
    label: str  # "Quý IV năm 2026"
    mode: str = CUTOFF

    @property
    def next_day(self) -> date:
        return self.end + timedelta(days=1)

    @property
    def range_text(self) -> str:
        """"Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026" (the templates' second line)."""
        return f"Số liệu tính từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @property
    def year(self) -> int:
        return self.end.year


def in_sentence(label: str) -> str:
    """"Quý III năm 2026" → "quý III năm 2026": only the first letter, never the numerals."""
    return label[:1].lower() + label[1:]


def _months_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def _span(year: int, first_month: int, last_month: int, mode: str) -> tuple[date, date]:
    """First and last day of the months first..last of `year`, in the office's mode."""
    if mode == CALENDAR:
        return (date(year, first_month, 1),
                date(year, last_month, monthrange(year, last_month)[1]))
    y, m = _months_back(year, first_month, 1)
    return date(y, m, CUTOFF_DAY + 1), date(year, last_month, CUTOFF_DAY)


def parse_period(text: str, mode: str = CUTOFF) -> Period:
    """A period from its written form, or a DeskError that shows the accepted forms."""
    value = (text or "").strip()
    if mode not in MODES:
        raise DeskError(messages.REPORT_MODE_UNKNOWN.format(value=mode, choices=", ".join(MODES)))
    found = _RANGE.match(value)
    if found:
        try:
            start, end = (date.fromisoformat(found.group(1)), date.fromisoformat(found.group(2)))
        except ValueError:
            raise DeskError(messages.REPORT_PERIOD_INVALID.format(value=value)) from None
        if end < start:
            raise DeskError(messages.REPORT_PERIOD_ORDER.format(
                start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"))
        _check_year(start.year, value)
        _check_year(end.year, value)
        label = f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
        return Period(start, end, value, label, mode)
    found = _SPEC.match(value)
    if not found:
        raise DeskError(messages.REPORT_PERIOD_INVALID.format(value=value))
    year, part = int(found.group(1)), (found.group(2) or "").upper()
    _check_year(year, value)
    if part.startswith("Q"):
        quarter = int(part[1])
        start, end = _span(year, 3 * quarter - 2, 3 * quarter, mode)
        label = f"Quý {ROMAN[quarter]} năm {year}"
    elif part == "6M":
        start, end = _span(year, 1, 6, mode)
        label = f"6 tháng đầu năm {year}"
    elif part == "9M":
        start, end = _span(year, 1, 9, mode)
        label = f"9 tháng năm {year}"
    else:
        start, end = _span(year, 1, 12, mode)
        label = f"Năm {year}"
    return Period(start, end, f"{year}-{part}" if part else str(year), label, mode)


def _check_year(year: int, value: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DeskError(messages.REPORT_PERIOD_YEAR.format(value=value, first=FIRST_YEAR,
                                                           last=LAST_YEAR))


def office_mode(db: Database) -> str:
    """The office's choice of period boundaries (settings; default: the 14th cut-off)."""
    from desk_app.core.storage import settings

    value = settings.get(db, MODE_KEY).strip()
    return value if value in MODES else CUTOFF


def set_office_mode(db: Database, mode: str) -> None:
    from desk_app.core.storage import settings

    if mode not in MODES:
        raise DeskError(messages.REPORT_MODE_UNKNOWN.format(value=mode, choices=", ".join(MODES)))
    settings.put(db, MODE_KEY, mode)


def period_for(db: Database, text: str, mode: str | None = None) -> Period:
    return parse_period(text, mode or office_mode(db))


def previous(period: Period) -> Period:
    """The period of the same length just before (for the carried-over identity)."""
    days = (period.end - period.start).days
    end = period.start - timedelta(days=1)
    start = end - timedelta(days=days)
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}",
                  f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}", period.mode)


def current_spec(today: date, mode: str = CUTOFF) -> str:
    """The quarter whose figures are being gathered on `today` ("2026-Q4" on 20/11/2026;
    on 16/12/2026 with the cut-off: "2027-Q1")."""
    year, month = today.year, today.month
    if mode == CUTOFF and today.day > CUTOFF_DAY:
        year, month = _months_back(year, month, -1)
    return f"{year}-Q{(month - 1) // 3 + 1}"
