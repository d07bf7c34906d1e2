"""After a change to the office's calendar or targets: recompute only the cases it can move,
in short transactions that let saves through (docs/scale.md, “Recomputing”).

What a change can move. The cached state of a case (`tracking._cache_row`) depends on the
calendar and the office's targets only through its next due date (`cases.due_on`, the
earliest milestone not yet met); status, flags, rule set and the rest come from the events
alone. Every tracked milestone is counted *after* its start event (working days, or calendar
days rolled to a working day), so a change to one day D

- moves no due date that falls before D (its count never reaches D), and
- moves a due date on or after D only to another date on or after D (the days before D are
  the same, so a count that now ends earlier still ends on D at the soonest).

Hence the earliest pending due date of a case is unchanged when it is before D, and only open
cases with `due_on >= D` can change — and, among those with no due date, only a suspended one
(its clock may stop before or after its due date: whether the suspension came in time depends
on the count); and of those only the ones opened before D, since every count starts on or
after the day a case was received and the start day itself never counts.
A rule counted *before* its start event (none is tracked
today) would break the argument: then every open case is recomputed. A change of the
office's own period for kiến nghị / phản ánh moves only the open cases of the kinds that rule
covers whose next due date that milestone may become (moved_by_settings).

The due dates of a resolution (`resolution_due_on`, `first_resolution_due_on`, which periodic
reports judge decisions against) are cached too, for open cases and for finished cases that
were accepted. The same argument holds for them: a change to D moves only those on or after
D (or, for a suspended case, one not counted), whether the case is open or finished.
`tests/core/test_recompute.py` compares each against a full recompute.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from desk_app.core.cases import tracking
from desk_app.core.cases.deadlines import BEFORE, rule_sets
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.errors import Cancelled
from desk_app.core.storage import settings

if TYPE_CHECKING:
    from sqlite_utils import Database

# Cases per transaction: ~50 ms of work at most, so a save waits no longer than that.
BATCH = 500

# An office setting → the local rule whose period it replaces (tracking.local_periods).
SETTING_RULES = {"petition_target_days": "petition_resolution"}


def _before_rule_tracked() -> bool:
    return any(rule.direction == BEFORE and rule.key in tracking.DONE_BY
               for rs in rule_sets() for rule in rs.rules)


# A case with a suspension: its clock may stop before or after a due date.
_SUSPENDED = ("EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id"
              " AND e.action = 'suspend')")
# A finished case caches resolution due dates only once accepted (tracking._cache_row);
# first_outcome (kept by triggers) says so without reading its events.
_ACCEPTED = "(first_outcome = 'accept' OR instance = 2)"


def open_cases(db: Database) -> list[int]:
    """Every case with a due date the calendar or the targets count: the open cases and the
    finished ones that were accepted (their resolution's due date). What a change of the
    office's remote-area status can move."""
    return [r[0] for r in db.execute(
        f"SELECT id FROM cases WHERE is_open = 1 OR {_ACCEPTED}"
        " OR resolution_due_on IS NOT NULL OR first_resolution_due_on IS NOT NULL ORDER BY id")]


def moved_by_day(db: Database, day: date) -> list[int]:
    """The cases whose cached state a change of `day` (a holiday added or removed, a weekend
    day worked) can change: open ones by their next due date, open or finished ones by the
    due dates of their resolution."""
    if _before_rule_tracked():
        return open_cases(db)
    moved = ("(resolution_due_on >= :day OR first_resolution_due_on >= :day)")
    uncounted = ("(resolution_due_on IS NULL OR (instance = 2 AND first_resolution_due_on IS NULL))")
    return [r[0] for r in db.execute(
        "SELECT id FROM cases WHERE is_open = 1 AND opened_on < :day"
        f" AND (due_on >= :day OR {moved} OR ((due_on IS NULL OR {uncounted}) AND {_SUSPENDED}))"
        " UNION"
        " SELECT id FROM cases WHERE is_open = 0 AND opened_on < :day"
        f" AND ({moved} OR ({uncounted} AND {_ACCEPTED} AND {_SUSPENDED})) ORDER BY id",
        {"day": day.isoformat()})]


def moved_by_settings(db: Database, changes: dict[str, tuple[str, str]]) -> list[int]:
    """The open cases whose due dates a change of these settings ({key: (old, new)}) can move.

    A period setting replaces the period of a local rule counted after the case was received
    (or a later event), so that milestone falls due no sooner than S days after the opening
    day, S the shorter of the two periods. A case whose next due date is another milestone's
    and comes before that day keeps it; the others are recomputed. Any other setting that
    moves due dates (a calendar switch) recomputes every open case.
    """
    changes = dict(changes)
    found: set[int] = set()
    # The mediation follow-up (core/cases/mediation.py) is due only on the cases waiting for
    # the team's result.
    if changes.pop("mediation_follow_up_days", None) is not None:
        found.update(r[0] for r in db.execute("SELECT id FROM cases WHERE status = 'mediation'"))
        if not changes:
            return sorted(found)
    if _before_rule_tracked() or any(key not in SETTING_RULES for key in changes):
        return open_cases(db)
    for key, (old, new) in changes.items():
        rule = SETTING_RULES[key]
        kinds = sorted({kind for rs in rule_sets() for r in rs.rules
                        if r.local and r.key == rule for kind in r.kinds})
        if not kinds:
            continue
        marks = ",".join("?" * len(kinds))
        # The resolution's due date of these kinds is that milestone's: it moves whenever
        # it is cached (open, or finished after an acceptance).
        found.update(r[0] for r in db.execute(
            f"SELECT id FROM cases WHERE kind IN ({marks})"
            " AND ((is_open = 1 AND (due_key = ? OR due_on >= date(opened_on, ?)))"
            "      OR resolution_due_on IS NOT NULL OR first_resolution_due_on IS NOT NULL)",
            [*kinds, rule, f"+{min(int(old), int(new))} days"]))
    return sorted(found)


def save_settings(db: Database, values: dict[str, str], *,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> bool:
    """Save several office settings in one transaction (storage/settings.put_many); True if
    cases were recomputed. A change to a period or a calendar switch recomputes the cases it
    can move, afterwards, in short transactions (`progress`; `cancel()` returning true puts
    the old values back, recomputes the same cases again and raises `Cancelled`)."""
    with db.atomic():
        before = settings.stored(db)
        changed = settings.put_many(db, values)
        moving = {k: v for k, v in changed.items() if k in settings.RECOMPUTE_KEYS}
        if not moving:
            return False
        cases = moved_by_settings(db, moving)
        mark_pending(db)
    try:
        recompute_cases(db, cases, progress=progress, cancel=cancel)
    except Cancelled:
        with db.atomic():
            settings.restore(db, before, changed)
            mark_pending(db)
        recompute_cases(db, cases)
        raise
    return True


def mark_pending(db: Database) -> None:
    """Say that cached states may be stale until `recompute_cases` finishes: if the process
    stops halfway, the next opening recomputes every case (core/opening.py)."""
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '1')")


def recompute_cases(db: Database, case_ids: Sequence[int], *, today: date | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, batch: int | None = None) -> int:
    """Rebuild the cached state of these cases from their events, `batch` cases per
    transaction; the last one clears the mark of `mark_pending`. `cancel()` is asked before
    each transaction and stops with `Cancelled` (what was committed stays: see
    `office_calendar.set_day` for how an edit is undone). Returns the cases written (a
    case without events is left alone, as `tracking.recompute_all` does)."""
    today = today or date.today()
    batch = batch or BATCH
    ids = sorted(set(case_ids))
    total, done, recomputed = len(ids), 0, 0
    for start in range(0, max(total, 1), batch):
        if cancel is not None and cancel():
            raise Cancelled
        chunk = ids[start:start + batch]
        with db.atomic():
            recomputed += _recompute_chunk(db, chunk, today)
            if start + batch >= total:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '0')")
        done += len(chunk)
        if progress:
            progress(done, total)
    return recomputed


def _recompute_chunk(db: Database, ids: list[int], today: date) -> int:
    if not ids:
        return 0
    # Read inside the transaction: a save between two batches is seen, never overwritten.
    cal, remote, local = load_calendar(db), tracking._remote(db), tracking.local_periods(db)
    marks = ",".join("?" * len(ids))
    cached = {r[0]: r for r in db.execute(
        f"SELECT id, kind, {', '.join(_CACHED)} FROM cases WHERE id IN ({marks})", ids)}
    events: dict[int, list[tuple[str, str, str, str]]] = {}
    for case_id, *event in db.execute(
            "SELECT case_id, action, status_after, occurred_on, data FROM case_events"
            f" WHERE case_id IN ({marks}) ORDER BY case_id, id", ids):
        events.setdefault(case_id, []).append(tuple(event))
    updates = []
    for case_id, evs in events.items():
        row = cached.get(case_id)
        if row is None:
            continue
        new = tracking._cache_row(row[1], tracking.replay(evs), remote, cal, today, local)
        # Most selected cases do not move: writing only the ones that do keeps the
        # transaction short (each write touches the cases' indexes).
        if tuple(new[c] for c in _CACHED) != row[2:]:
            updates.append({**new, "id": case_id})
    db.conn.executemany(tracking._CACHE_UPDATE, updates)
    return len(events)


# The columns tracking._CACHE_UPDATE writes.
_CACHED = ("status", "is_open", "complexity", "instance", "flags", "due_on", "due_key",
           "waiting_since", "rule_set", "closed_on", "assignee_id", "resolution_due_on",
           "first_resolution_due_on")
