"""The schedule's legal periods, read from the effective-dated rule sets (resources/rules).

Each `deadlines-*.json` may carry a `schedule_rules` block beside its case rules (format in
resources/rules/README.md). A session uses the set in force on its own day; a set without
the block inherits the previous one's. Only the posting period exists so far: the head's
schedule is posted at least 5 working days before each session (Reception Law art. 24(4)).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar
from desk_app.core.cases.deadlines import CALENDAR, WORKING, rule_sets, rules_dir
from desk_app.core.errors import DeskError

POSTING = "schedule_posting"


@dataclass(frozen=True)
class ScheduleRule:
    key: str
    label: str
    period: int
    days: str
    applies_to: frozenset[str]
    basis: str
    verify: str = ""

    def deadline(self, cal: WorkCalendar, day: date) -> date:
        """The last day that satisfies "at least `period` days before `day`"."""
        if self.days == WORKING:
            return cal.add_working_days(day, -self.period)
        return cal.add_calendar_days(day, -self.period)


def _rule(raw: dict, path: str) -> ScheduleRule:
    try:
        rule = ScheduleRule(key=raw["key"], label=raw["label"], period=int(raw["period"]),
                            days=raw["days"], applies_to=frozenset(raw["applies_to"]),
                            basis=raw["basis"], verify=raw.get("verify", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise DeskError(messages.RULES_FILE_INVALID.format(
            path=path, why=f"schedule_rules: {exc}")) from None
    if rule.days not in (WORKING, CALENDAR) or rule.period < 0 or raw.get("direction") != "before":
        raise DeskError(messages.RULES_FILE_INVALID.format(
            path=path, why=f"schedule_rules “{rule.key}”: days/period/direction"))
    return rule


@cache
def _load(directory: Path) -> tuple[tuple[date, ...], tuple[dict[str, ScheduleRule], ...]]:
    starts: list[date] = []
    tables: list[dict[str, ScheduleRule]] = []
    inherited: dict[str, ScheduleRule] = {}
    for rule_set in rule_sets(directory):
        with open(rule_set.path, encoding="utf-8") as fh:
            raw = json.load(fh).get("schedule_rules")
        if raw is not None:
            inherited = {r.key: r for r in (_rule(item, rule_set.path) for item in raw)}
        starts.append(rule_set.effective_from)
        tables.append(inherited)
    return tuple(starts), tuple(tables)


def schedule_rule(key: str, day: date, directory: str | Path | None = None) -> ScheduleRule | None:
    """The rule `key` in force on `day`, or None when no rule set names it."""
    starts, tables = _load(Path(directory) if directory else rules_dir())
    index = bisect_right(starts, day) - 1
    if index < 0:
        return None
    return tables[index].get(key)


def posting_rule(day: date) -> ScheduleRule | None:
    return schedule_rule(POSTING, day)
