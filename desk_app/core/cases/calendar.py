"""Working days: weekends, Vietnamese public holidays, swapped days (Labour Code 2019 art. 111–112).

National holidays come from python-holidays (Tết and Giỗ Tổ from the lunar calendar, compensatory
days, the Prime Minister's swaps it knows), corrected by `resources/rules/holidays_vn.json`, then
by the office's own edits (`calendar_days`): extra holidays, swapped working days, removed holidays.

Each year is built once per calendar into a sorted list of working-day ordinals, so adding n
working days is a bisect (plus one step per year crossed).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.text import dmy
from desk_app.paths import resources_dir

FIRST_YEAR, LAST_YEAR = 2000, 2100
SATURDAY, SUNDAY = 5, 6
_SWAP = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")  # python-holidays' vi label of a swap
_OBSERVED = " (nghỉ bù)"


fmt = dmy  # dd/mm/yyyy, as dates are written in Vietnamese documents (core/text.py)


def fmt_short(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}"


def check_date(d: date) -> None:
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        raise DeskError(messages.CALENDAR_OUT_OF_RANGE.format(
            day=fmt(d), first=FIRST_YEAR, last=LAST_YEAR))


# ---------------------------------------------------------------- national data (shared, cached)

def holidays_file() -> Path:
    return resources_dir() / "rules" / "holidays_vn.json"


@cache
def _overrides(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        return {"labels": [], "years": {}}
    except (OSError, ValueError) as exc:
        raise DeskError(messages.RULES_FILE_INVALID.format(path=path, why=exc)) from None
    return data


def _labels(data: dict) -> list[tuple[str, str, str]]:
    """(needle, label, source) from the file's "labels": objects {"match", "label", "source"}
    or, in the first format, [needle, label] pairs."""
    out = []
    for item in data.get("labels", []):
        if isinstance(item, dict):
            out.append((item["match"], item["label"], item.get("source", "")))
        else:
            out.append((item[0], item[1], ""))
    return out


def _entry(value) -> tuple[str, str]:
    """A holiday or workday of the file: "label" or {"label", "source"} → (label, source)."""
    if isinstance(value, dict):
        return value.get("label", ""), value.get("source", "")
    return value, ""


def canonical_label(name: str, labels: Iterable[tuple]) -> str:
    """python-holidays' label → the wording used in explanations ("Tết Nguyên đán", …)."""
    return _canonical(name, labels)[0]


def _canonical(name: str, labels: Iterable[tuple]) -> tuple[str, str]:
    """(label, source) of a python-holidays name: a compensatory day (art. 111(3) of the
    Labour Code) or a swap takes the file's sources for those."""
    observed = name.endswith(_OBSERVED)
    base = name[: -len(_OBSERVED)] if observed else name
    swap = _SWAP.search(base)
    if swap:
        day, month, year = swap.groups()
        return messages.CALENDAR_SWAP_LABEL.format(day=f"{day}/{month}/{year}"), ""
    source = ""
    for needle, label, *rest in labels:
        if needle in base:
            base, source = label, (rest[0] if rest else "")
            break
    return (base + _OBSERVED if observed else base), source


def switches(path: str | Path | None = None) -> dict[str, dict]:
    """The office switches the national file offers ({key: spec}), e.g. `culture_day_off`:
    days whose status the law in force leaves for the office to decide (see README)."""
    return dict(_overrides(str(path or holidays_file())).get("switches", {}))


@cache
def _national_year(year: int, path: str, on: frozenset[str] = frozenset(),
                   ) -> tuple[dict[date, str], dict[date, str], dict[date, str]]:
    """({holiday: label}, {swapped working day: label}, {day: source}) for one year, the
    file's corrections and the switches that are `on` applied; from the cache of computed
    years when it has it (national_cache.py)."""
    from desk_app.core.cases import national_cache

    found = national_cache.get(year, path, on)
    if found is None:
        found = _national_year_computed(year, path, on)
        national_cache.put(year, path, on, found)
    return found


def _national_year_computed(year: int, path: str, on: frozenset[str] = frozenset(),
                            ) -> tuple[dict[date, str], dict[date, str], dict[date, str]]:
    import holidays  # imported on first use: it is the slowest import of the core (~0.2 s)

    data = _overrides(path)
    labels = _labels(data)
    days: dict[date, str] = {}
    workdays: dict[date, str] = {}
    sources: dict[date, str] = {}
    default = data.get("default_source", "")
    swap_source = data.get("swap_source", default)
    observed_source = data.get("observed_source", "")
    # Neighbouring years too: a swap may cross the new year (31/12/2018 off for Sat 05/01/2019).
    source = holidays.country_holidays("VN", years=range(year - 1, year + 2), language="vi")
    for day, name in source.items():
        for part in name.split("; "):  # python-holidays joins two names on one day with "; "
            swap = _SWAP.search(part)
            if swap:
                worked = date(int(swap.group(3)), int(swap.group(2)), int(swap.group(1)))
                if worked.year == year:
                    workdays[worked] = messages.CALENDAR_SWAP_WORKDAY.format(day=fmt(day))
                    sources[worked] = swap_source
            if day.year == year and day not in days:
                days[day], found = _canonical(part, labels)
                if swap:
                    found = swap_source
                elif part.endswith(_OBSERVED) and observed_source:
                    found = f"{found}; {observed_source}" if found else observed_source
                sources[day] = found or default
    # Switches: days the law in force leaves open; python-holidays' own version is dropped
    # and the file's spec decides (on: that day off, not made up; off: a working day).
    for key, spec in data.get("switches", {}).items():
        for day in [d for d, label in days.items() if spec["match"] in label]:
            del days[day]
            sources.pop(day, None)
        if key in on and year >= int(spec.get("from_year", FIRST_YEAR)):
            month, dom = (int(x) for x in spec["month_day"].split("-"))
            days[date(year, month, dom)] = spec["label"]
            sources[date(year, month, dom)] = spec.get("source", "")
    extra = data.get("years", {}).get(str(year), {})
    for text in extra.get("removed", []):
        days.pop(date.fromisoformat(text), None)
    for text, value in extra.get("holidays", {}).items():
        days[date.fromisoformat(text)], sources[date.fromisoformat(text)] = _entry(value)
    for text, value in extra.get("workdays", {}).items():
        workdays[date.fromisoformat(text)], sources[date.fromisoformat(text)] = _entry(value)
        days.pop(date.fromisoformat(text), None)
    for text, found in extra.get("sources", {}).items():
        sources[date.fromisoformat(text)] = found
    return days, workdays, sources


# ---------------------------------------------------------------- values

@dataclass(frozen=True)
class SkippedRun:
    """A stretch of consecutive non-working days, e.g. 04/02–10/02/2027 (Tết Nguyên đán)."""

    start: date
    end: date
    label: str  # holiday names, or the weekend day names for a plain weekend
    weekend_only: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def span(self) -> str:
        if self.start == self.end:
            return fmt_short(self.start)
        return f"{fmt_short(self.start)}–{fmt_short(self.end)}"

    def __str__(self) -> str:
        return f"{self.span()} ({self.label})"


@dataclass
class _Year:
    off: dict[int, str | None]  # ordinal → holiday label, or None for a plain weekend day
    work: list[int]  # sorted ordinals of working days
    offs: list[int]  # sorted ordinals of non-working days


# ---------------------------------------------------------------- the calendar

class WorkCalendar:
    """Which days count as working days for one office.

    `extra_holidays` and `workdays` are the office's edits ({day: label}); `removed_holidays`
    are national holidays the office works on. A day may be in only one of the three.
    """

    def __init__(self, extra_holidays: Mapping[date, str] | None = None,
                 workdays: Mapping[date, str] | None = None,
                 removed_holidays: Iterable[date] = (), *,
                 national_file: str | Path | None = None,
                 switched_on: Iterable[str] | None = None):
        self._extra = dict(extra_holidays or {})
        self._workdays = dict(workdays or {})
        self._removed = frozenset(removed_holidays)
        for day in (*self._extra, *self._workdays, *self._removed):
            check_date(day)
        clash = (self._extra.keys() & self._workdays.keys()) | (self._extra.keys() & self._removed) \
            | (self._workdays.keys() & self._removed)
        if clash:
            raise DeskError(messages.CALENDAR_CONFLICT.format(day=fmt(min(clash))))
        self._file = str(national_file or holidays_file())
        # The national file's switches that are on (default: each switch's own default).
        if switched_on is None:
            switched_on = (k for k, spec in switches(self._file).items() if spec.get("default"))
        self._on = frozenset(switched_on)
        self._sources: dict[date, str] = {}
        self._years: dict[int, _Year] = {}
        # Results of pure computations over this (immutable) calendar, e.g. deadlines' counts.
        self.memo: dict = {}

    # -- per-year index

    def _year(self, year: int) -> _Year:
        found = self._years.get(year)
        if found is not None:
            return found
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DeskError(messages.CALENDAR_OUT_OF_RANGE.format(
                day=str(year), first=FIRST_YEAR, last=LAST_YEAR))
        national, swapped, sources = _national_year(year, self._file, self._on)
        self._sources.update(sources)
        labelled = {d: name for d, name in national.items() if d not in self._removed}
        labelled.update((d, name) for d, name in self._extra.items() if d.year == year)
        working = set(swapped) | {d for d in self._workdays if d.year == year}
        off: dict[int, str | None] = {}
        work: list[int] = []
        offs: list[int] = []
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        weekday = date(year, 1, 1).weekday()
        for ordinal in range(first, last + 1):
            day = date.fromordinal(ordinal)
            if day in working and day not in self._extra:
                work.append(ordinal)
            elif day in labelled:
                off[ordinal] = labelled[day]
                offs.append(ordinal)
            elif weekday >= SATURDAY:
                off[ordinal] = None
                offs.append(ordinal)
            else:
                work.append(ordinal)
            weekday = (weekday + 1) % 7
        built = _Year(off, work, offs)
        self._years[year] = built
        return built

    # -- questions about one day

    def is_working_day(self, d: date) -> bool:
        return d.toordinal() not in self._year(d.year).off

    def holiday_name(self, d: date) -> str | None:
        """The holiday's Vietnamese name, or None for a working day or a plain weekend day."""
        return self._year(d.year).off.get(d.toordinal())

    def source(self, d: date) -> str:
        """Where a shipped holiday or swapped working day comes from (the law, a Government
        notice), '' for an ordinary day or an office edit."""
        self._year(d.year)
        if d in self._extra or d in self._workdays or d in self._removed:
            return ""
        return self._sources.get(d, "")

    def day_label(self, d: date) -> str | None:
        """Why `d` is not a working day ("Tết Nguyên đán", "Chủ nhật"), None if it is one."""
        year = self._year(d.year)
        ordinal = d.toordinal()
        if ordinal not in year.off:
            return None
        return year.off[ordinal] or _weekday_name(d)

    def workday_label(self, d: date) -> str | None:
        """Why a weekend day `d` is worked ("Làm bù cho ngày nghỉ 31/08/2026"), None for any
        other day (a plain working weekday, or a day off)."""
        if d.weekday() < SATURDAY or not self.is_working_day(d):
            return None
        if d in self._workdays:
            return self._workdays[d]
        return _national_year(d.year, self._file)[1].get(d) or messages.CALENDAR_WORKED_WEEKEND

    # -- arithmetic

    def add_calendar_days(self, start: date, n: int) -> date:
        check_date(start)
        result = start + timedelta(days=n)
        check_date(result)
        return result

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (the start day itself never counts: day 1 is the
        first working day after it). Negative n counts back: day -1 is the last working day before.
        n = 0 gives `start`."""
        if n == 0:
            check_date(start)
            return start
        year_no = start.year
        year = self._year(year_no)
        ordinal = start.toordinal()
        if n > 0:
            index = bisect_right(year.work, ordinal) + n - 1
            while index >= len(year.work):
                index -= len(year.work)
                year_no += 1
                year = self._year(year_no)
        else:
            index = bisect_left(year.work, ordinal) + n
            while index < 0:
                year_no -= 1
                year = self._year(year_no)
                index += len(year.work)
        return date.fromordinal(year.work[index])

    def count_working_days(self, a: date, b: date) -> int:
        """Working days d with a < d <= b (negative if b < a)."""
        if b < a:
            return -self.count_working_days(b, a)
        ya, yb = self._year(a.year), self._year(b.year)
        if a.year == b.year:
            return bisect_right(ya.work, b.toordinal()) - bisect_right(ya.work, a.toordinal())
        total = len(ya.work) - bisect_right(ya.work, a.toordinal())
        total += sum(len(self._year(y).work) for y in range(a.year + 1, b.year))
        return total + bisect_right(yb.work, b.toordinal())

    def next_working_day(self, d: date) -> date:
        """`d` itself if it is a working day, otherwise the first working day after it."""
        return d if self.is_working_day(d) else self.add_working_days(d, 1)

    def previous_working_day(self, d: date) -> date:
        """`d` itself if it is a working day, otherwise the last working day before it."""
        return d if self.is_working_day(d) else self.add_working_days(d, -1)

    # -- explanations

    def skipped_runs(self, a: date, b: date) -> tuple[SkippedRun, ...]:
        """The non-working stretches within [a, b] (both included), consecutive days grouped."""
        if b < a:
            return ()
        ordinals: list[int] = []
        labels: dict[int, str | None] = {}
        first, last = a.toordinal(), b.toordinal()
        for year_no in range(a.year, b.year + 1):
            year = self._year(year_no)
            lo = bisect_left(year.offs, first)
            hi = bisect_right(year.offs, last)
            for ordinal in year.offs[lo:hi]:
                ordinals.append(ordinal)
                labels[ordinal] = year.off[ordinal]
        runs: list[SkippedRun] = []
        begin = 0
        for i in range(1, len(ordinals) + 1):
            if i == len(ordinals) or ordinals[i] != ordinals[i - 1] + 1:
                runs.append(_run(ordinals[begin:i], labels))
                begin = i
        return tuple(runs)


def _weekday_name(d: date) -> str:
    return messages.CALENDAR_SATURDAY if d.weekday() == SATURDAY else messages.CALENDAR_SUNDAY


def _run(ordinals: list[int], labels: Mapping[int, str | None]) -> SkippedRun:
    start, end = date.fromordinal(ordinals[0]), date.fromordinal(ordinals[-1])
    main: list[str] = []
    minor: list[str] = []  # compensatory or swapped days: named only when nothing else is
    for ordinal in ordinals:
        label = labels[ordinal]
        if label is None:
            continue
        base = label[: -len(_OBSERVED)] if label.endswith(_OBSERVED) else label
        target = minor if base.startswith(messages.CALENDAR_SWAP_PREFIX) else main
        if base not in target:
            target.append(base)
    if main or minor:
        return SkippedRun(start, end, ", ".join(main or minor), False)
    names = []
    for ordinal in ordinals:
        name = _weekday_name(date.fromordinal(ordinal))
        if name not in names:
            names.append(name)
    return SkippedRun(start, end, ", ".join(names), True)


def describe_skipped(runs: Iterable[SkippedRun], list_weekends: int = 2) -> str:
    """'30/01–31/01 (thứ Bảy, Chủ nhật), 04/02–10/02 (Tết Nguyên đán)'; plain weekends are
    listed when there are at most `list_weekends` of them, otherwise summed up."""
    runs = tuple(runs)
    weekends = [r for r in runs if r.weekend_only]
    if len(weekends) > list_weekends:
        parts = [str(r) for r in runs if not r.weekend_only]
        parts.append(messages.CALENDAR_WEEKENDS_SUMMARY.format(days=sum(r.days for r in weekends)))
        return ", ".join(parts)
    parts = []
    pending: list[SkippedRun] = []  # consecutive plain weekends share one "(thứ Bảy, Chủ nhật)"

    def flush() -> None:
        if pending:
            names = [n for n in (messages.CALENDAR_SATURDAY, messages.CALENDAR_SUNDAY)
                     if any(n in r.label.split(", ") for r in pending)]
            parts.append(", ".join(r.span() for r in pending) + f" ({', '.join(names)})")
            pending.clear()

    for run in runs:
        if run.weekend_only:
            pending.append(run)
        else:
            flush()
            parts.append(str(run))
    flush()
    return ", ".join(parts)
