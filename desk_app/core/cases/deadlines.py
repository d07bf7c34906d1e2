"""Deadlines as data: effective-dated rule sets (resources/rules/deadlines-*.json) → milestones.

A case's rule set is the latest one whose `effective_from` is on or before the day the case was
received (cases received before 01/07/2026 keep the old periods: Law 136/2025/QH15,
docs/legal.md; save the transition rules of Decree 155/2026 art. 22, docs/legal-fidelity.md).
Every legal number lives in the rule files; this module only counts days and explains the count
in Vietnamese.
The file format is described in resources/rules/README.md.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from desk_app import messages
from desk_app.core.cases.calendar import (
    SkippedRun,
    WorkCalendar,
    check_date,
    describe_skipped,
    fmt,
)
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind
from desk_app.paths import resources_dir

FORMAT = 1
WORKING, CALENDAR = "working", "calendar"
AFTER, BEFORE = "after", "before"
# Facts a rule or a variant may depend on. `several_places`: a denunciation must be verified at
# several places (Denunciation Law art. 24(1)), a fact of its own, not "complex";
# `transferred_in`: the petition was transferred to the office by another body.
CONDITIONS = ("instance", "complexity", "remote", "several_places", "transferred_in")

# start event → (CaseFacts field, what the day is called, what to say while it has not happened)
EVENTS: dict[str, tuple[str, str, str]] = {
    "received": ("received_on", "ngày tiếp nhận", "chưa tiếp nhận"),
    "accepted": ("accepted_on", "ngày thụ lý", "chưa thụ lý"),
    "decided": ("decided_on", "ngày có quyết định giải quyết, kết luận",
                "chưa có quyết định giải quyết, kết luận"),
    "first_decision": ("first_decision_on", "ngày có quyết định giải quyết lần đầu",
                       "chưa có quyết định giải quyết lần đầu"),
    "dialogue": ("dialogue_on", "ngày đối thoại", "chưa định ngày đối thoại"),
    "refused": ("refused_on", "ngày từ chối tiếp", "chưa từ chối tiếp"),
    # Complaints Law art. 9: the limitation runs from the day the complainant received or knew
    # of the decision or act complained of.
    "known": ("known_on", "ngày biết được quyết định, hành vi bị khiếu nại",
              "chưa ghi ngày biết được quyết định, hành vi bị khiếu nại"),
    # Complaints Law art. 33: the second complaint's window runs from the day the complainant
    # received the first-instance decision (not from the decision's date).
    "decision_received": ("decision_received_on",
                          "ngày người khiếu nại nhận được quyết định giải quyết lần đầu",
                          "chưa ghi ngày người khiếu nại nhận được quyết định giải quyết lần đầu"),
    "suspended": ("suspended_on", "ngày ra quyết định tạm đình chỉ", "chưa tạm đình chỉ"),
}


# ---------------------------------------------------------------- values

@dataclass(frozen=True)
class CaseFacts:
    kind: str  # petition kind slug
    received_on: date
    accepted_on: date | None = None
    instance: int = 1  # complaints: 1 or 2
    complexity: int = 0  # 0 normal, 1 complex (phức tạp), 2 especially complex
    remote: bool = False  # office in a remote area
    extensions: int = 0  # extensions granted (denunciations)
    suspensions: tuple[tuple[date, date | None], ...] = ()  # (suspended_on, continued_on or None)
    decided_on: date | None = None  # decision / conclusion date
    first_decision_on: date | None = None  # for the second-complaint window
    dialogue_on: date | None = None
    refused_on: date | None = None  # reception refused on grounds needing a 01/TCD
    known_on: date | None = None  # complaints: the day the act complained of became known
    decision_received_on: date | None = None  # the complainant received the first decision
    first_accepted_on: date | None = None  # first-instance acceptance, kept after a reopening
    several_places: bool = False  # denunciation to be verified at several places
    transferred_in: bool = False  # petition transferred to the office by another body

    @property
    def suspended_on(self) -> date | None:
        """The day the latest suspension began (the decision to suspend)."""
        return max((s for s, _ in self.suspensions), default=None)


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    due_on: date | None
    explanation: str
    basis: str
    rule_set: str
    start_event: str
    local: bool = False
    paused: bool = False


@dataclass(frozen=True)
class Term:
    """A rule as it applies to one combination of instance, complexity and remote area."""

    label: str
    period: int
    days: str
    start: str
    basis: str
    note: str  # why this variant, e.g. "vụ việc phức tạp" ("" for the base rule)


@dataclass(frozen=True)
class Variant:
    when: tuple[tuple[str, int], ...]  # condition → value (numbers; remote: a bool)
    changes: tuple[tuple[str, object], ...]  # fields of Term it replaces


@dataclass(frozen=True)
class Extension:
    days: int
    max_by_complexity: tuple[int, ...]  # index = complexity (0, 1, 2)
    basis: str

    def limit(self, complexity: int) -> int:
        table = self.max_by_complexity
        return table[min(complexity, len(table) - 1)] if table else 0


@dataclass(frozen=True, eq=False)
class Rule:
    key: str
    kinds: frozenset[str]
    base: Term
    direction: str = AFTER
    roll: bool = False  # calendar-day deadline on a non-working day moves to the next working day
    when: tuple[tuple[str, int], ...] = ()
    variants: tuple[Variant, ...] = ()
    extension: Extension | None = None
    pausable: bool = False
    pause_basis: str = ""
    pause_note: str = ""  # said when a suspension was entered but this rule does not stop
    # Suspensions that began before this day do not stop the clock (Decree 155/2026 art. 22(1):
    # the new rule reaches suspensions from 01/07/2026 of complaints accepted before it).
    pause_from: date | None = None
    # The rule is left out when its start event came before this day (a duty that did not
    # exist yet, e.g. sending a suspension decision before 01/07/2026).
    start_from: date | None = None
    # When the start event has not happened and the first instance made no decision, count
    # from the end of this rule's period instead (Complaints Law art. 33).
    or_from_end_of: str = ""
    caveat: str = ""  # said after the count, e.g. the exceptions to a limitation period
    local: bool = False
    optional: bool = False  # left out (not "waiting") while its start event has not happened
    verify: str = ""  # what in this rule rests on an unverified reading of the law
    _terms: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        return self.base.label

    def applies(self, facts: CaseFacts) -> bool:
        return facts.kind in self.kinds and _matches(self.when, facts)

    def term(self, facts: CaseFacts, key: tuple | None = None) -> Term:
        """The base term, replaced by the most specific matching variant (ties: the later).
        `key`: the facts' CONDITIONS values, when the caller already has them."""
        key = key if key is not None else tuple(getattr(facts, name) for name in CONDITIONS)
        found = self._terms.get(key)
        if found is None:
            best: Variant | None = None
            for variant in self.variants:
                if _matches(variant.when, facts) and (best is None or len(variant.when) >= len(best.when)):
                    best = variant
            found = self.base if best is None else _replace(self.base, best.changes)
            self._terms[key] = found
        return found


@dataclass(frozen=True)
class RuleSet:
    name: str
    title: str
    effective_from: date
    rules: tuple[Rule, ...]
    path: str = ""
    notes: tuple[str, ...] = ()
    _by_kind: dict = field(default_factory=dict, compare=False, repr=False)

    def rules_for(self, kind: str) -> tuple[Rule, ...]:
        found = self._by_kind.get(kind)
        if found is None:
            found = self._by_kind[kind] = tuple(r for r in self.rules if kind in r.kinds)
        return found


def _matches(when: tuple[tuple[str, int], ...], facts: CaseFacts) -> bool:
    for name, value in when:
        if name == "complexity":
            if facts.complexity < value:  # "complexity": 1 means complex or more
                return False
        elif getattr(facts, name) != value:
            return False
    return True


def _day_field(raw: dict, name: str, path: Path, where: str) -> date | None:
    if raw.get(name) in (None, ""):
        return None
    try:
        return date.fromisoformat(raw[name])
    except (TypeError, ValueError):
        raise _invalid(path, f"{where}: “{name}” phải là ngày YYYY-MM-DD") from None


def _replace(term: Term, changes: tuple[tuple[str, object], ...]) -> Term:
    values = {**term.__dict__, **dict(changes)}
    return Term(**values)


# ---------------------------------------------------------------- loading

@cache
def rules_dir() -> Path:
    return resources_dir() / "rules"


def _invalid(path: Path, why: str) -> DeskError:
    return DeskError(messages.RULES_FILE_INVALID.format(path=path, why=why))


def _conditions(raw: object, path: Path, where: str) -> tuple[tuple[str, int], ...]:
    if not isinstance(raw, dict) or not set(raw) <= set(CONDITIONS):
        raise _invalid(path, f"{where}: “when” chỉ nhận {', '.join(CONDITIONS)}")
    return tuple(sorted(raw.items()))


def _term_fields(raw: dict, path: Path, where: str) -> dict:
    out: dict[str, Any] = {}
    for name, kind in (("label", str), ("period", int), ("days", str), ("start", str),
                       ("basis", str), ("note", str)):
        if name in raw:
            value = raw[name]
            if not isinstance(value, kind) or isinstance(value, bool):
                raise _invalid(path, f"{where}: “{name}” sai kiểu")
            out[name] = value
    if out.get("days", WORKING) not in (WORKING, CALENDAR):
        raise _invalid(path, f"{where}: “days” phải là working hoặc calendar")
    if out.get("start", "received") not in EVENTS:
        raise _invalid(path, f"{where}: sự kiện “{out['start']}” không có; chọn {', '.join(EVENTS)}")
    if out.get("period", 0) < 0:
        raise _invalid(path, f"{where}: “period” phải không âm")
    return out


def _rule(raw: dict, path: Path) -> Rule:
    where = f"quy tắc “{raw.get('key', '?')}”"
    try:
        base = _term_fields(raw, path, where)
        term = Term(label=base["label"], period=base["period"], days=base["days"],
                    start=base["start"], basis=base["basis"], note=base.get("note", ""))
        kinds = frozenset(raw["kinds"])
        if not kinds or not kinds <= set(PetitionKind):
            raise _invalid(path, f"{where}: “kinds” phải là các loại đơn {', '.join(PetitionKind)}")
        variants = tuple(
            Variant(_conditions(v.get("when", {}), path, where),
                    tuple(sorted(_term_fields(v, path, where).items())))
            for v in raw.get("variants", ()))
        extension = None
        if "extensions" in raw:
            ext = raw["extensions"]
            extension = Extension(int(ext["days"]), tuple(int(n) for n in ext["max_by_complexity"]),
                                  ext.get("basis", term.basis))
        direction = raw.get("direction", AFTER)
        if direction not in (AFTER, BEFORE):
            raise _invalid(path, f"{where}: “direction” phải là after hoặc before")
        return Rule(key=raw["key"], kinds=kinds, base=term, direction=direction,
                    roll=bool(raw.get("roll_to_working_day", False)),
                    when=_conditions(raw.get("when", {}), path, where), variants=variants,
                    extension=extension, pausable=bool(raw.get("pausable", False)),
                    pause_basis=raw.get("pause_basis", ""), pause_note=raw.get("pause_note", ""),
                    pause_from=_day_field(raw, "pause_from", path, where),
                    start_from=_day_field(raw, "start_from", path, where),
                    or_from_end_of=raw.get("or_from_end_of", ""), caveat=raw.get("caveat", ""),
                    local=bool(raw.get("local", False)),
                    optional=bool(raw.get("optional", False)), verify=raw.get("verify", ""))
    except KeyError as exc:
        raise _invalid(path, f"{where}: thiếu “{exc.args[0]}”") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise _invalid(path, f"{where}: {exc}") from None


def load_rule_set(path: Path) -> RuleSet:
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError) as exc:
        raise _invalid(path, str(exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _invalid(path, f"cần “format”: {FORMAT}")
    try:
        rules = tuple(_rule(r, path) for r in raw["rules"])
        effective = date.fromisoformat(raw["effective_from"])
        name = raw["name"]
    except KeyError as exc:
        raise _invalid(path, f"thiếu “{exc.args[0]}”") from None
    except (TypeError, ValueError) as exc:
        raise _invalid(path, str(exc)) from None
    keys = [r.key for r in rules]
    if len(set(keys)) != len(keys):
        raise _invalid(path, "hai quy tắc trùng “key”")
    for r in rules:
        if r.or_from_end_of and r.or_from_end_of not in keys:
            raise _invalid(path, f"quy tắc “{r.key}”: “or_from_end_of” chỉ đến quy tắc "
                                 f"“{r.or_from_end_of}” không có trong tệp")
    return RuleSet(name=name, title=str(raw.get("title", name)), effective_from=effective, rules=rules,
                   path=str(path), notes=tuple(raw.get("notes", ())))


@cache
def _load_all(directory: Path) -> tuple[tuple[RuleSet, ...], tuple[date, ...]]:
    sets = sorted((load_rule_set(p) for p in directory.glob("deadlines-*.json")),
                  key=lambda s: s.effective_from)
    for a, b in zip(sets, sets[1:], strict=False):
        if a.effective_from == b.effective_from:
            raise _invalid(Path(b.path), f"trùng ngày hiệu lực với {Path(a.path).name}")
    return tuple(sets), tuple(s.effective_from for s in sets)


def rule_sets(directory: str | Path | None = None) -> tuple[RuleSet, ...]:
    """Every rule set in the directory (default resources/rules), oldest first; cached."""
    return _load_all(Path(directory) if directory else rules_dir())[0]


def rule_set_for(received_on: date, directory: str | Path | None = None) -> RuleSet:
    """The latest rule set in force on the day the case was received."""
    check_date(received_on)
    sets, starts = _load_all(Path(directory) if directory else rules_dir())
    index = bisect_right(starts, received_on) - 1
    if index < 0:
        first = fmt(sets[0].effective_from) if sets else "—"
        raise DeskError(messages.RULES_NONE_FOR_DATE.format(day=fmt(received_on), first=first))
    return sets[index]


# ---------------------------------------------------------------- validation

def validate_kind(kind: str) -> None:
    if kind not in set(PetitionKind):
        raise DeskError(messages.PETITION_KIND_UNKNOWN.format(
            value=kind, choices=", ".join(PetitionKind)), field="kind")


def _first_decision(facts: CaseFacts) -> date | None:
    """The day of the first-instance decision, if one was made."""
    return facts.first_decision_on or (facts.decided_on if facts.instance == 1 else None)


def validate_facts(facts: CaseFacts) -> None:
    validate_kind(facts.kind)
    if facts.instance not in (1, 2):
        raise DeskError(messages.DEADLINE_INSTANCE.format(value=facts.instance), field="instance")
    if facts.complexity not in (0, 1, 2):
        raise DeskError(messages.DEADLINE_COMPLEXITY.format(value=facts.complexity),
                        field="complexity")
    if facts.extensions < 0:
        raise DeskError(messages.DEADLINE_EXTENSIONS_NEGATIVE.format(value=facts.extensions),
                        field="extensions")
    for name, (attribute, _label, _missing) in EVENTS.items():
        day = getattr(facts, attribute)
        if day is not None:
            check_date(day)
            if name in ("accepted", "decided") and day < facts.received_on:
                raise DeskError(messages.DEADLINE_BEFORE_RECEIVED.format(
                    what=EVENTS[name][1], day=fmt(day), received=fmt(facts.received_on)))
    if facts.known_on is not None and facts.known_on > facts.received_on:
        raise DeskError(messages.DEADLINE_KNOWN_AFTER_RECEIVED.format(
            day=fmt(facts.known_on), received=fmt(facts.received_on)), field="known_on")
    first = _first_decision(facts)
    if facts.decision_received_on is not None and first is not None \
            and facts.decision_received_on < first:
        raise DeskError(messages.DEADLINE_RECEIVED_BEFORE_DECISION.format(
            day=fmt(facts.decision_received_on), decided=fmt(first)), field="decision_received_on")
    for start, end in facts.suspensions:
        check_date(start)
        if end is not None:
            check_date(end)
            if end < start:
                raise DeskError(messages.DEADLINE_SUSPENSION_ORDER.format(
                    start=fmt(start), end=fmt(end)), field="suspensions")


# ---------------------------------------------------------------- counting

def compute_milestones(facts: CaseFacts, calendar: WorkCalendar,
                       directory: str | Path | None = None,
                       local_periods: dict[str, int] | None = None) -> tuple[Milestone, ...]:
    """Every milestone of the case's rule set that applies to its kind, in rule-file order.

    `local_periods` replaces the period of local rules (an office's own targets, e.g. for
    kiến nghị / phản ánh, which the law leaves open) by rule key."""
    validate_facts(facts)
    rule_set = rule_set_for(facts.received_on, directory)
    suspensions = tuple(sorted(facts.suspensions, key=lambda s: s[0]))
    out = []
    extended = False
    key = (facts.instance, facts.complexity, facts.remote, facts.several_places,
           facts.transferred_in)  # CONDITIONS, in order
    for rule in rule_set.rules_for(facts.kind):
        if rule.when and not _matches(rule.when, facts):
            continue
        term = rule.term(facts, key)
        if rule.local and local_periods and rule.key in local_periods:
            term = _replace(term, (("period", local_periods[rule.key]),))
        extensions = 0
        if rule.extension is not None:
            extended = True
            extensions = facts.extensions
            limit = rule.extension.limit(facts.complexity)
            if extensions > limit:
                raise DeskError(messages.DEADLINE_EXTENSIONS.format(
                    count=extensions, label=term.label.lower(), limit=limit,
                    basis=rule.extension.basis), field="extensions")
        start = getattr(facts, EVENTS[term.start][0])
        if start is not None and rule.start_from is not None and start < rule.start_from:
            continue  # the duty did not exist on that day
        event = None
        if start is None and rule.or_from_end_of and _first_decision(facts) is None:
            # Complaints Law art. 33: no first decision was made, so the window runs from the
            # end of the first-instance period.
            end, label = _end_of(rule_set, rule.or_from_end_of, facts, calendar)
            if end is not None:
                start, event = end, messages.EXPLAIN_END_OF.format(label=label.lower())
        if start is None:
            if rule.optional:
                continue
            waiting = rule._terms.get(("waiting", term))
            if waiting is None:  # the same for every case waiting on this term: made once
                waiting = rule._terms[("waiting", term)] = _waiting(rule, term, rule_set)
            out.append(waiting)
            continue
        pausing, ignored = _split_suspensions(rule, suspensions)
        due, explanation, paused = _count(calendar, rule, term, start, extensions, facts.complexity,
                                          pausing, event)
        if rule.pause_note and ignored and _suspended_during(ignored, start, due):
            explanation += "; " + rule.pause_note
        out.append(Milestone(rule.key, term.label, due, explanation, _basis(rule, term, extensions),
                             rule_set.name, term.start, rule.local, paused))
    if facts.extensions and not extended:
        raise DeskError(messages.DEADLINE_NO_EXTENSIONS.format(kind=facts.kind), field="extensions")
    return tuple(out)


def _split_suspensions(rule: Rule, suspensions: tuple) -> tuple[tuple, tuple]:
    """(suspensions that stop this rule's clock, those that do not)."""
    if not rule.pausable:
        return (), suspensions
    if rule.pause_from is None:
        return suspensions, ()
    return (tuple(s for s in suspensions if s[0] >= rule.pause_from),
            tuple(s for s in suspensions if s[0] < rule.pause_from))


def _end_of(rule_set: RuleSet, key: str, facts: CaseFacts,
            calendar: WorkCalendar) -> tuple[date | None, str]:
    """The due date of the first-instance rule `key` (None while it cannot be counted), and
    its label. A second-instance case counts it from the first acceptance it kept."""
    target = next(r for r in rule_set.rules if r.key == key)
    first = facts
    if facts.instance != 1:
        # The first instance's suspensions are not kept after a reopening.
        first = replace(facts, instance=1, accepted_on=facts.first_accepted_on, suspensions=())
    if not target.applies(first):
        return None, target.label
    term = target.term(first)
    start = getattr(first, EVENTS[term.start][0])
    if start is None:
        return None, term.label
    pausing, _ignored = _split_suspensions(target, tuple(sorted(first.suspensions)))
    due, _text, _paused = _count(calendar, target, term, start, 0, first.complexity, pausing)
    return due, term.label


def _basis(rule: Rule, term: Term, extensions: int) -> str:
    parts = [term.basis]
    if extensions and rule.extension and rule.extension.basis not in parts:
        parts.append(rule.extension.basis)
    return "; ".join(parts)


def _suspended_during(suspensions, start: date, due: date | None) -> bool:
    return any(s > start and (due is None or s <= due) for s, _ in suspensions)


def _period_text(term: Term, n: int | None = None) -> str:
    n = term.period if n is None else n
    return (messages.EXPLAIN_WORKING if term.days == WORKING else messages.EXPLAIN_CALENDAR).format(n=n)


def _note(term: Term) -> str:
    return f" ({term.note})" if term.note else ""


def _waiting(rule: Rule, term: Term, rule_set: RuleSet) -> Milestone:
    _attribute, label, missing = EVENTS[term.start]
    text = messages.EXPLAIN_WAITING.format(event=label, missing=missing,
                                           period=_period_text(term), note=_note(term))
    if not rule.local:
        text += "; " + messages.EXPLAIN_BASIS.format(basis=term.basis)
    return Milestone(rule.key, term.label, None, text, term.basis, rule_set.name, term.start,
                     rule.local, False)


_MEMO_LIMIT = 200_000


def _count(calendar: WorkCalendar, rule: Rule, term: Term, start: date, extensions: int,
           complexity: int, suspensions: tuple,
           event: str | None = None) -> tuple[date | None, str, bool]:
    """(due date, explanation, paused) — pure, so memoised per calendar. `event` names the
    start day when it is not the term's own start event."""
    memo = calendar.memo
    key = (id(rule), term, start, extensions, complexity if extensions else 0, suspensions, event)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[key] = _count_uncached(calendar, rule, term, start, extensions, complexity,
                                            suspensions, event)
    return found


def _count_uncached(calendar: WorkCalendar, rule: Rule, term: Term, start: date, extensions: int,
                    complexity: int, suspensions: tuple,
                    event: str | None = None) -> tuple[date | None, str, bool]:
    working = term.days == WORKING
    ext = rule.extension
    total = term.period + (ext.days * extensions if ext and extensions else 0)
    event = event or EVENTS[term.start][1]

    def advance(day: date, n: int) -> date:
        if working:
            return calendar.add_working_days(day, n)
        return calendar.add_calendar_days(day, n)

    def used_between(a: date, b: date) -> int:  # counted days d with a < d < b
        if working:
            return calendar.count_working_days(a, b - timedelta(days=1))
        return max((b - a).days - 1, 0)

    parts: list[str] = []
    template = messages.EXPLAIN_AFTER if rule.direction == AFTER else messages.EXPLAIN_BEFORE
    head = template.format(period=_period_text(term), note=_note(term), event=event, start=fmt(start))
    if extensions and ext:
        why = messages.EXPLAIN_COMPLEX[min(complexity, len(messages.EXPLAIN_COMPLEX) - 1)]
        head += messages.EXPLAIN_EXTENDED.format(count=extensions, days=ext.days, why=why, total=total)
    if not working:
        head += ", " + messages.EXPLAIN_CALENDAR_ALL
    parts.append(messages.EXPLAIN_LOCAL + head if rule.local else head)

    if rule.direction == BEFORE:
        due = advance(start, -total)
        if not working and rule.roll and not calendar.is_working_day(due):
            # "At least N days before": a day off cannot be used, so the last day to act is
            # the working day before it.
            moved = calendar.previous_working_day(due)
            parts.append(messages.EXPLAIN_ROLLED_BACK.format(
                day=fmt(due), label=calendar.day_label(due), moved=fmt(moved)))
            due = moved
        elif working:
            _add_skipped(parts, calendar, due, start)
        if rule.caveat:
            parts.append(rule.caveat)
        parts.append(messages.EXPLAIN_BASIS.format(basis=term.basis))
        return due, _finish(parts), False

    # After the start event, with the clock stopped while suspended (Complaints Law art. 11a
    # added by Law 136/2025; Denunciation Law art. 34(2)): the days used before the suspension
    # day count, the remaining days continue from the continuation day (not a restart); a
    # calendar-day end that falls on a day off then moves to the next working day (Civil
    # Code art. 148(5)).
    anchor, remaining = start, total
    segments: list[tuple[date, date]] = []
    pause_texts: list[str] = []
    for suspended, continued in suspensions:
        if continued is not None and continued <= anchor:
            continue  # over before the clock started
        if suspended <= anchor:
            used = 0
        else:
            due_now = advance(anchor, remaining)
            if suspended > due_now:
                pause_texts.append(messages.EXPLAIN_LATE_SUSPENSION.format(start=fmt(suspended)))
                break
            used = used_between(anchor, suspended)
            segments.append((anchor, suspended))
        remaining -= used
        if continued is None:
            consumed = total - remaining
            parts.append(messages.EXPLAIN_PAUSED.format(
                start=fmt(suspended), used=consumed, total=total, left=remaining))
            parts.append(messages.EXPLAIN_BASIS.format(basis=rule.pause_basis or term.basis))
            return None, _finish(parts), True
        pause_texts.append(messages.EXPLAIN_SUSPENDED.format(
            start=fmt(suspended), end=fmt(continued), used=total - remaining, left=remaining))
        anchor = continued
    due = advance(anchor, remaining)
    parts.extend(pause_texts)
    if working:
        segments.append((anchor, due))
        runs: list[SkippedRun] = []
        for a, b in segments:
            runs.extend(calendar.skipped_runs(a + timedelta(days=1), b - timedelta(days=1)))
        if runs:
            parts.append(messages.EXPLAIN_SKIPPED.format(runs=describe_skipped(runs)))
    elif rule.roll and not calendar.is_working_day(due):
        moved = calendar.next_working_day(due)
        parts.append(messages.EXPLAIN_ROLLED.format(
            day=fmt(due), label=calendar.day_label(due), moved=fmt(moved)))
        due = moved
    if rule.caveat:
        parts.append(rule.caveat)
    if not rule.local:
        basis = term.basis
        if pause_texts and rule.pause_basis and suspensions:
            basis += "; " + rule.pause_basis
        parts.append(messages.EXPLAIN_BASIS.format(basis=basis))
    return due, _finish(parts), False


def _add_skipped(parts: list[str], calendar: WorkCalendar, a: date, b: date) -> None:
    runs = calendar.skipped_runs(a + timedelta(days=1), b - timedelta(days=1))
    if runs:
        parts.append(messages.EXPLAIN_SKIPPED.format(runs=describe_skipped(runs)))


def _finish(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- typed input (CLI, files)

def parse_day(text: str) -> date:
    """YYYY-MM-DD or dd/mm/yyyy → date; DeskError (one Vietnamese line) otherwise."""
    value = (text or "").strip()
    try:
        if "/" in value:
            day, month, year = value.split("/")
            parsed = date(int(year), int(month), int(day))
        else:
            parsed = date.fromisoformat(value)
    except ValueError:
        raise DeskError(messages.DEADLINE_DATE.format(value=text)) from None
    check_date(parsed)
    return parsed


def parse_suspension(text: str) -> tuple[date, date | None]:
    """"FROM:TO" or "FROM:" (still suspended)."""
    start, sep, end = text.partition(":")
    if not sep or not start.strip():
        raise DeskError(messages.DEADLINE_SUSPENSION.format(value=text))
    return parse_day(start), (parse_day(end) if end.strip() else None)


def facts_from_options(*, kind: str, received: str, accepted: str | None = None,
                       decided: str | None = None, first_decision: str | None = None,
                       dialogue: str | None = None, refused: str | None = None,
                       complexity: int = 0, remote: bool = False, instance: int = 1,
                       extensions: int = 0, suspended: list[str] | tuple[str, ...] = (),
                       known: str | None = None, decision_received: str | None = None,
                       first_accepted: str | None = None, several_places: bool = False,
                       transferred_in: bool = False) -> CaseFacts:
    validate_kind(kind)

    def opt(text: str | None) -> date | None:
        return parse_day(text) if text else None

    facts = CaseFacts(kind=kind, received_on=parse_day(received), accepted_on=opt(accepted),
                      instance=instance, complexity=complexity, remote=remote,
                      extensions=extensions,
                      suspensions=tuple(parse_suspension(s) for s in suspended),
                      decided_on=opt(decided), first_decision_on=opt(first_decision),
                      dialogue_on=opt(dialogue), refused_on=opt(refused), known_on=opt(known),
                      decision_received_on=opt(decision_received),
                      first_accepted_on=opt(first_accepted) or (
                          opt(accepted) if instance == 1 else None),
                      several_places=several_places, transferred_in=transferred_in)
    validate_facts(facts)
    return facts
