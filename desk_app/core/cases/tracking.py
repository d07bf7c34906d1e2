"""Cases driven by their events: record an action, derive the state, recompute milestones.

Every change to a case is a `case_events` row (who, what, when it happened, when it was
entered). `refresh_case` replays the events into `CaseFacts` for the deadline engine and
caches what lists and the dashboard need on the case row (status, open, next due date,
waiting for a reply), so those read indexes only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core import limits
from desk_app.core.bodies import same_body
from desk_app.core.cases import follow_ups, lifecycle, mediation
from desk_app.core.cases.calendar import WorkCalendar, fmt
from desk_app.core.cases.deadlines import CaseFacts, Milestone, compute_milestones, rule_set_for
from desk_app.core.cases.labels import COMPLEXITY_LABELS, FLAGS
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.errors import Cancelled, DeskError
from desk_app.core.security import audit, session
from desk_app.core.security.roles import Permission
from desk_app.core.storage import rows, uuids
from desk_app.core.text import clean

if TYPE_CHECKING:
    from sqlite_utils import Database

# Law on Denunciations 2018 art. 30: extended once if complex, twice if especially complex.
MAX_EXTENSIONS = {0: 0, 1: 1, 2: 2}

# Which actions fulfil a milestone (keyed by the rule keys in resources/rules). A milestone
# whose key is missing here is informational (e.g. the citizen's own window for a second
# complaint) and never makes a case overdue.
_ANSWERED = frozenset({"classify", "accept", "guide", "transfer", "return", "file", "reply",
                       "withdraw", "merge", "mediate"})
DONE_BY: dict[str, frozenset[str]] = {
    "answer_visitor": _ANSWERED,
    "process_petition": _ANSWERED,
    "refusal_notice": frozenset({"refusal_notice"}),
    "complaint_acceptance": frozenset({"accept", "guide", "transfer", "return", "file", "withdraw",
                                       "merge"}),
    "complaint_resolution": frozenset({"decide", "withdraw", "merge"}),
    "complaint_resolution_2": frozenset({"decide", "withdraw", "merge"}),
    "send_decision": frozenset({"notify", "close"}),
    "send_conclusion": frozenset({"notify", "close"}),
    "send_suspension": frozenset({"send_suspension", "withdraw", "merge"}),
    # The transferring body is told the result of the handling (Circular 05/2021).
    "report_to_transferring_body": _ANSWERED,
    "denunciation_handling": frozenset({"accept", "guide", "transfer", "return", "file",
                                        "withdraw", "merge"}),
    "denunciation_transfer": frozenset({"transfer", "accept", "file", "return", "withdraw",
                                        "merge"}),
    "denunciation_acceptance_notice": frozenset({"notify_acceptance", "decide", "withdraw",
                                                 "merge"}),
    "denunciation_resolution": frozenset({"decide", "withdraw", "merge"}),
    "petition_resolution": frozenset({"decide", "reply", "close", "guide", "transfer", "return",
                                      "file", "withdraw", "merge", "mediated"}),
    mediation.KEY: mediation.DONE_BY,
}

# Milestones that bind only in some cases. Denunciation law art. 24(2): the 5-day transfer
# applies to a denunciation found to be outside the office's competence.
CONDITIONAL = {"denunciation_transfer": lambda st: st.competent is False}


@dataclass(frozen=True)
class CaseEvent:
    id: int
    action: str
    label: str
    status_after: str
    occurred_on: str
    entered_at: str
    officer: str
    body: str
    doc_no: str
    note: str
    data: dict


@dataclass(frozen=True)
class CaseMilestone:
    milestone: Milestone
    done: bool
    overdue: bool


@dataclass
class _State:
    """What replaying a case's events gives."""

    status: str = "received"
    before_suspension: str | None = None
    received_on: date | None = None
    accepted_on: date | None = None
    first_accepted_on: date | None = None
    decided_on: date | None = None
    first_decision_on: date | None = None
    decision_received_on: date | None = None  # the complainant received the first decision
    known_on: date | None = None  # the complainant knew of the act complained of (intake)
    transferred_in: bool = False  # the petition came transferred from another body
    mediation_on: date | None = None  # last referral to the grassroots mediation team
    police_at: str | None = None  # when the police were informed (crowd, heated case)
    dialogue_on: date | None = None
    instance: int = 1
    complexity: int = 0
    extensions: int = 0
    flags: int = 0
    suspensions: list[list] = field(default_factory=list)
    waiting_since: str | None = None
    closed_on: str | None = None
    assignee_id: int | None = None
    competent: bool | None = None  # from the last classification
    done: set[str] = field(default_factory=set)  # actions taken (reopen forgets the decision)
    directions: dict = field(default_factory=dict)  # follow-ups given at a session (follow_ups.py)
    directions_done: set[str] = field(default_factory=set)
    # A second complaint keeps the first resolution's facts (accepted on, complexity,
    # extensions, suspensions): periodic reports judge the first decision against them.
    first_resolution: tuple | None = None


def _d(text: str) -> date:
    return date.fromisoformat(text[:10])


def replay(events: Iterable[tuple[str, str, str, str]], st: _State | None = None) -> _State:
    """Events as (action, status_after, occurred_on, data json), in the order they were
    entered: that is the order `record_event` checked each transition in. Given `st`, the
    events continue it (it is updated in place)."""
    st = st or _State()
    for action, status_after, occurred_on, data_json in events:
        day = _d(occurred_on)
        data = json.loads(data_json) if data_json and data_json != "{}" else {}
        if action == "receive":
            st.received_on = day
            st.known_on = date.fromisoformat(data["known_on"]) if data.get("known_on") else None
            st.transferred_in = bool(data.get("transferred_from"))
        elif action == "accept":
            st.accepted_on = day
            if st.instance == 1:
                st.first_accepted_on = day
        elif action == "decision_received":
            st.decision_received_on = day
        elif action == "decide":
            st.decided_on = day
            if st.instance == 1:
                st.first_decision_on = day
        elif action == "reopen":
            st.first_resolution = (st.accepted_on, st.complexity, st.extensions,
                                   tuple((a, b) for a, b in st.suspensions))
            st.instance, st.accepted_on, st.decided_on = 2, None, None
            # The receipt's milestones (answer, process, accept) stay met; the decision's restart.
            st.extensions, st.suspensions = 0, []
            st.done -= {"decide", "notify", "close"}
        elif action == "suspend":
            st.before_suspension = st.status
            st.suspensions.append([day, None])
        elif action == "resume" and st.suspensions:
            st.suspensions[-1][1] = day
        elif action == "extend":
            st.extensions += 1
        elif action == "dialogue":
            st.dialogue_on = day
        elif action == "transfer":
            st.waiting_since = occurred_on[:10]
        elif action == "mediate":
            # Waiting for the team's result; a new referral starts a new follow-up.
            st.mediation_on, st.waiting_since = day, occurred_on[:10]
            st.done -= mediation.DONE_BY
        elif action in ("reply", "withdraw", "mediated", "mediation_failed"):
            st.waiting_since = None
        elif action == "police":
            st.police_at = str(data.get("informed_at") or occurred_on)
        elif action == "classify":
            st.competent = data.get("competent")
        elif action == "assign":
            st.assignee_id = data.get("officer_id")
        elif action in ("direct", "direct_done"):
            follow_ups.record(st.directions, st.directions_done, action, day, data)
        elif action == "flag":
            if "complexity" in data:
                st.complexity = int(data["complexity"])
                bit = FLAGS["complex"][0]
                st.flags = st.flags | bit if st.complexity else st.flags & ~bit
            elif data.get("flag") in FLAGS:
                bit = FLAGS[data["flag"]][0]
                st.flags = st.flags | bit if data.get("on") else st.flags & ~bit
        st.done.add(action)
        st.status = status_after
        if status_after in lifecycle.TERMINAL:
            st.closed_on = st.closed_on or occurred_on[:10]
            st.waiting_since = None
        else:
            st.closed_on = None
    return st


def facts_of(kind: str, st: _State, remote: bool) -> CaseFacts:
    assert st.received_on is not None, "callers check that the case has been received"
    return CaseFacts(
        kind=kind, received_on=st.received_on, accepted_on=st.accepted_on,
        instance=st.instance, complexity=st.complexity, remote=remote,
        extensions=st.extensions,
        suspensions=tuple((a, b) for a, b in st.suspensions),
        decided_on=st.decided_on, first_decision_on=st.first_decision_on,
        dialogue_on=st.dialogue_on, known_on=st.known_on,
        decision_received_on=st.decision_received_on, first_accepted_on=st.first_accepted_on,
        several_places=bool(st.flags & FLAGS["several_places"][0]),
        transferred_in=st.transferred_in)


def judge(milestones: Iterable[Milestone], st: _State, today: date) -> tuple[CaseMilestone, ...]:
    out = []
    is_open = st.status not in lifecycle.TERMINAL
    for m in (*milestones, *follow_ups.milestones(st.directions)):
        if follow_ups.is_follow_up(m.key):
            done = m.key.removeprefix(follow_ups.PREFIX) in st.directions_done or not is_open
            out.append(CaseMilestone(m, done, not done and m.due_on is not None and m.due_on < today))
            continue
        done_by = DONE_BY.get(m.key)
        done = bool(done_by and st.done & done_by) or not is_open
        if m.key in CONDITIONAL and not CONDITIONAL[m.key](st):
            done_by, done = None, True  # does not apply to this case
        overdue = bool(done_by) and not done and m.due_on is not None and m.due_on < today
        out.append(CaseMilestone(m, done, overdue))
    return tuple(out)


def next_due(judged: Iterable[CaseMilestone]) -> tuple[str | None, str | None]:
    pending = [(j.milestone.due_on, j.milestone.key) for j in judged
               if not j.done and j.milestone.due_on is not None
               and (DONE_BY.get(j.milestone.key) or follow_ups.is_follow_up(j.milestone.key))]
    if not pending:
        return None, None
    due, key = min(pending)
    return due.isoformat(), key


def _events(db: Database, case_id: int):
    return db.execute(
        "SELECT action, status_after, occurred_on, data FROM case_events WHERE case_id = ?"
        " ORDER BY id", [case_id]).fetchall()


def local_periods(db: Database) -> dict[str, int]:
    """The office's own targets where the law sets none (settings)."""
    from desk_app.core.storage.settings import get_int

    return {"petition_resolution": get_int(db, "petition_target_days"),
            mediation.KEY: get_int(db, "mediation_follow_up_days")}


def _all_milestones(kind: str, st: _State, remote: bool, cal: WorkCalendar,
                    local: dict[str, int] | None) -> tuple[Milestone, ...]:
    """The law's milestones and the office's own follow-ups (mediation)."""
    found = compute_milestones(facts_of(kind, st, remote), cal, local_periods=local)
    return (*found, *mediation.milestones(st.mediation_on, (local or {}).get(mediation.KEY, 0),
                                          cal))


def _remote(db: Database) -> bool:
    row = db.execute("SELECT remote_area FROM office WHERE id = 1").fetchone()
    return bool(row and row[0])


def case_state(db: Database, case_id: int) -> tuple[str, _State]:
    row = db.execute("SELECT kind FROM cases WHERE id = ?", [case_id]).fetchone()
    if row is None:
        raise DeskError(messages.CASE_MISSING.format(id=case_id))
    return row[0], replay(_events(db, case_id))


def case_milestones(db: Database, case_id: int, today: date,
                    cal: WorkCalendar | None = None) -> tuple[CaseMilestone, ...]:
    kind, st = case_state(db, case_id)
    if st.received_on is None:
        return ()
    cal = cal or load_calendar(db)
    return judge(_all_milestones(kind, st, _remote(db), cal, local_periods(db)), st, today)


# The milestones that are the resolution period itself (a decision meets them), by rule key;
# periodic reports count a decision as on time or late against it (core/reports).
RESOLUTION_KEYS = ("complaint_resolution", "complaint_resolution_2", "denunciation_resolution",
                   "petition_resolution")


def resolution_due(milestones: Iterable[Milestone]) -> date | None:
    """The due date a decision meets (the resolution of the current instance), if counted."""
    return next((m.due_on for m in milestones
                 if m.key in RESOLUTION_KEYS and m.due_on is not None), None)


def _resolution_started(st: _State) -> bool:
    """Whether the case was ever accepted: only then does it cache the due date of a
    resolution once it is finished (`_cache_row`)."""
    return st.accepted_on is not None or st.first_resolution is not None


def _cache_row(kind: str, st: _State, remote: bool, cal: WorkCalendar, today: date,
               local: dict[str, int] | None = None) -> dict:
    due_on = due_key = rule_set = resolution = first_resolution = None
    finished = st.status in lifecycle.TERMINAL
    if st.received_on is not None and finished and not _resolution_started(st):
        # A finished case has no next due date, and one never accepted has no resolution
        # period a decision met (periodic reports judge the decisions of accepted cases);
        # its rule set follows from the day it was received alone. Most cases of a big
        # office are such: recomputing all of them no longer counts their milestones.
        rule_set = rule_set_for(st.received_on).name
    elif st.received_on is not None:
        milestones = _all_milestones(kind, st, remote, cal, local)
        rule_set = milestones[0].rule_set if milestones else None
        # Periodic reports judge decisions against it (core/reports, "on time").
        found = resolution_due(milestones)
        resolution = found.isoformat() if found else None
        if st.first_resolution is not None:
            accepted, complexity, extensions, suspensions = st.first_resolution
            first = resolution_due(compute_milestones(replace(
                facts_of(kind, st, remote), instance=1, accepted_on=accepted,
                complexity=complexity, extensions=extensions, suspensions=suspensions,
                decided_on=st.first_decision_on), cal, local_periods=local))
            first_resolution = first.isoformat() if first else None
        if not finished:
            due_on, due_key = next_due(judge(milestones, st, today))
    return {"status": st.status, "is_open": int(st.status not in lifecycle.TERMINAL),
            "complexity": st.complexity, "instance": st.instance, "flags": st.flags,
            "due_on": due_on, "due_key": due_key, "waiting_since": st.waiting_since,
            "rule_set": rule_set, "closed_on": st.closed_on, "assignee_id": st.assignee_id,
            "resolution_due_on": resolution, "first_resolution_due_on": first_resolution}


_CACHE_UPDATE = (
    "UPDATE cases SET status = :status, is_open = :is_open, complexity = :complexity,"
    " instance = :instance, flags = :flags, due_on = :due_on, due_key = :due_key,"
    " waiting_since = :waiting_since, rule_set = :rule_set, closed_on = :closed_on,"
    " assignee_id = :assignee_id, resolution_due_on = :resolution_due_on,"
    " first_resolution_due_on = :first_resolution_due_on WHERE id = :id")


def _write_cache(db: Database, case_id: int, kind: str, st: _State, today: date | None,
                 cal: WorkCalendar | None = None) -> None:
    row = _cache_row(kind, st, _remote(db), cal or load_calendar(db), today or date.today(),
                     local_periods(db))
    db.execute(_CACHE_UPDATE, {**row, "id": case_id})


def refresh_case(db: Database, case_id: int, today: date | None = None,
                 cal: WorkCalendar | None = None) -> None:
    kind, st = case_state(db, case_id)
    _write_cache(db, case_id, kind, st, today, cal)


def recompute_all(db: Database, today: date | None = None,
                  progress: Callable[[int, int], None] | None = None, batch: int = 5000,
                  cancel: Callable[[], bool] | None = None) -> int:
    """Rebuild every case's cached state from its events (after a rule or calendar change).

    `cancel()` returning true stops it with `Cancelled`; the transaction (and the caller's,
    when this runs inside one) is rolled back, so nothing is half recomputed."""
    today = today or date.today()
    cal, remote, local = load_calendar(db), _remote(db), local_periods(db)
    total = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    kinds = dict(db.execute("SELECT id, kind FROM cases"))
    done = 0
    updates: list[dict] = []

    def flush() -> None:
        db.conn.executemany(_CACHE_UPDATE, updates)
        updates.clear()

    with db.atomic():
        current: int | None = None
        events: list[tuple[str, str, str, str]] = []
        cursor = db.execute("SELECT case_id, action, status_after, occurred_on, data"
                            " FROM case_events ORDER BY case_id, id")
        for case_id, *event in cursor:
            if case_id != current:
                if current is not None:
                    updates.append({**_cache_row(kinds[current], replay(events), remote, cal,
                                                 today, local), "id": current})
                current, events = case_id, []
            events.append(event)
            if len(updates) >= batch:
                done += len(updates)
                flush()
                if progress:
                    progress(done, total)
                if cancel is not None and cancel():
                    raise Cancelled
        if current is not None:
            updates.append({**_cache_row(kinds[current], replay(events), remote, cal, today,
                                         local), "id": current})
        done += len(updates)
        flush()
        if cancel is not None and cancel():
            raise Cancelled
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '0')")
    if progress:
        progress(done, total)
    return done


# Actions that record a fact about the file rather than a step of the procedure: they may
# be entered with any date since the case was opened.
_SIDE_ACTIONS = frozenset({"note", "flag", "attachment", "assign", "attach", "detach", "police",
                           "dialogue_planned", "dialogue",  # minutes are often typed up later
                           "direct", "direct_done",  # given at a session, done later
                           # the complainant's receipt of a decision is learnt afterwards
                           "decision_received"})


def _check_day(db: Database, case_id: int, action: str, occurred_on: date, now: datetime) -> None:
    opened = db.execute("SELECT opened_on FROM cases WHERE id = ?", [case_id]).fetchone()[0]
    if occurred_on > now.date():
        raise DeskError(messages.CASE_DATE_FUTURE.format(day=fmt(occurred_on)), field="occurred_on")
    if occurred_on.isoformat() < opened:
        raise DeskError(messages.CASE_DATE_BEFORE_OPENING.format(
            day=fmt(occurred_on), opened=fmt(_d(opened))), field="occurred_on")
    if action in _SIDE_ACTIONS:
        return
    marks = ",".join("?" * len(_SIDE_ACTIONS))
    last = db.execute(
        f"SELECT occurred_on, action FROM case_events WHERE case_id = ? AND action NOT IN ({marks})"
        " ORDER BY id DESC LIMIT 1", [case_id, *_SIDE_ACTIONS]).fetchone()
    if last and occurred_on.isoformat() < last[0]:
        raise DeskError(messages.CASE_DATE_BEFORE_LAST_STEP.format(
            day=fmt(occurred_on), last=fmt(_d(last[0])),
            step=lifecycle.ACTIONS.get(last[1], lifecycle.ACTIONS["note"]).label.lower()),
            field="occurred_on")


SAME_CONTENT = 0.6  # share of content words for two petitions to count as the same content


def prior_transfers(db: Database, case_id: int) -> list[tuple[str, str, str]]:
    """Transfers of this case and of petitions with the same content attached to it
    (date, body, document number): the plans single out petitions transferred many times."""
    from desk_app.core.cases.duplicates import duplicate_candidates

    own = db.execute(
        "WITH RECURSIVE origin(id) AS (SELECT ? UNION SELECT json_extract(e.data, '$.from_case')"
        " FROM case_events e JOIN origin o ON e.case_id = o.id WHERE e.action = 'attach')"
        " SELECT occurred_on, body, doc_no FROM case_events WHERE action = 'transfer'"
        " AND case_id IN origin ORDER BY occurred_on", [case_id]).fetchall()
    if own:
        return own
    # The same content brought again by the same person as a separate case.
    case = rows.one(db, "SELECT person_id, title AS summary, kind FROM cases WHERE id = ?",
                    [case_id])
    assert case is not None  # the case's own transfers were read above
    similar = [c.case_id for c in duplicate_candidates(
        db, **case, exclude_case=case_id, threshold=SAME_CONTENT)]
    if not similar:
        return []
    marks = ",".join("?" * len(similar))
    return db.execute(
        f"SELECT occurred_on, body, doc_no FROM case_events WHERE action = 'transfer'"
        f" AND case_id IN ({marks}) ORDER BY occurred_on", similar).fetchall()


def record_event(db: Database, case_id: int, action: str, *, occurred_on: date,
                 officer_id: int | None = None, body: str = "", doc_no: str = "",
                 note: str = "", data: dict | None = None, now: datetime | None = None,
                 confirm_repeat: bool = False, today: date | None = None) -> int:
    """Record one action on a case, in one transaction, and refresh the case's cached state."""
    now = now or datetime.now()
    data = dict(data or {})
    # Lengths and characters as for every stored text (core/limits.py, docs/limits.md).
    body = limits.check_text("case_body", body, form_field="body")
    doc_no = limits.check_text("case_doc_no", doc_no, form_field="doc_no")
    note = limits.check_text("case_note", note, form_field="note")
    session.require(db, Permission.RECORD)
    officer_id = session.officer_for(db, officer_id)
    with db.atomic():
        kind, st = case_state(db, case_id)
        status = lifecycle.next_status(action, st.status, kind, st.before_suspension)
        _check_day(db, case_id, action, occurred_on, now)
        spec = lifecycle.ACTIONS[action]
        if officer_id is not None and db.execute(
                "SELECT 1 FROM officers WHERE id = ?", [officer_id]).fetchone() is None:
            raise DeskError(messages.CASE_OFFICER_UNKNOWN.format(id=officer_id), field="officer")
        if spec.needs_body and not body:
            raise DeskError(messages.CASE_BODY_REQUIRED, field="body")
        if action == "transfer":
            earlier = prior_transfers(db, case_id)
            if earlier and kind == "to_cao":
                # Circular 05/2021: a denunciation with the same content is transferred once.
                raise DeskError(messages.CASE_DENUNCIATION_TRANSFERRED.format(
                    day=fmt(_d(earlier[0][0])), body=earlier[0][1]))
            if not confirm_repeat:
                _check_repeat_transfer(db, case_id, body, earlier)
        if action == "extend" and st.extensions >= MAX_EXTENSIONS[st.complexity]:
            raise DeskError(messages.CASE_EXTENSION_LIMIT.format(
                level=COMPLEXITY_LABELS[st.complexity].lower(), count=st.extensions))
        if action == "classify":
            data = {"eligible": bool(data.get("eligible", True)),
                    "competent": bool(data.get("competent", True))}
        if action == "decide" and not doc_no:
            raise DeskError(messages.CASE_DECISION_NUMBER_REQUIRED, field="doc_no")
        if action == "decision_received":
            if st.first_decision_on is None:
                raise DeskError(messages.CASE_NO_FIRST_DECISION)
            if occurred_on < st.first_decision_on:
                raise DeskError(messages.CASE_RECEIVED_BEFORE_DECISION.format(
                    day=fmt(occurred_on), decided=fmt(st.first_decision_on)), field="occurred_on")
        if action == "send_suspension" and not st.suspensions:
            raise DeskError(messages.CASE_NOT_SUSPENDED)
        if action in ("mediated", "mediation_failed") and not note:
            raise DeskError(messages.MEDIATION_RESULT_NOTE_REQUIRED, field="note")
        if action == "police":
            data = police_data(body, data.get("informed_at"), now)
        data_json = json.dumps(data, ensure_ascii=False, sort_keys=True)
        event_id = cast(int, db.table("case_events").insert({
            "uuid": uuids.new(), "case_id": case_id, "action": action,
            "status_after": status, "occurred_on": occurred_on.isoformat(),
            "entered_at": now.isoformat(timespec="seconds"), "officer_id": officer_id,
            "body": body, "doc_no": doc_no, "note": note, "data": data_json,
        }).last_pk)
        db.execute("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?",
                   [now.isoformat(timespec="seconds"), case_id])
        replay([(action, status, occurred_on.isoformat(), data_json)], st)
        _write_cache(db, case_id, kind, st, today or now.date())
        audit.record(db, "case_step", "case", case_id, {"action": action, "event": event_id})
    return event_id


def police_data(contact: str, informed_at: object, now: datetime) -> dict:
    """Who of the police was informed and when (a crowd or heated case): both required, not
    in the future."""
    if not clean(contact):
        raise DeskError(messages.POLICE_CONTACT_REQUIRED, field="police_contact")
    if not informed_at:
        raise DeskError(messages.POLICE_WHEN_REQUIRED, field="police_informed_at")
    when = informed_at if isinstance(informed_at, datetime) else datetime.fromisoformat(str(informed_at))
    if when > now + timedelta(minutes=10):
        raise DeskError(messages.POLICE_FUTURE.format(when=when.strftime("%H:%M %d/%m/%Y")),
                        field="police_informed_at")
    return {"contact": clean(contact), "informed_at": when.isoformat(timespec="minutes")}


class RepeatTransfer(DeskError):
    """A second transfer of the same content: allowed only when the officer confirms."""


def _source(db: Database, case_id: int) -> tuple[str, str] | None:
    """(day, body) of the body that transferred this case's petition here, if one did."""
    row = db.execute("SELECT occurred_on, json_extract(data, '$.transferred_from') FROM case_events"
                     " WHERE case_id = ? AND action = 'receive' ORDER BY id LIMIT 1",
                     [case_id]).fetchone()
    return (row[0], row[1]) if row and row[1] else None


def _check_repeat_transfer(db: Database, case_id: int, body: str,
                           earlier: list[tuple[str, str, str]]) -> None:
    """The same content going to the same body again (however the body's name was spelt:
    core/bodies.py), back to the body that sent it, or on after earlier transfers: the
    officer confirms first (the plans: petitions "transferred many times by many bodies")."""
    from desk_app.core.bodies import directory

    bodies = directory(db)
    same = [e for e in earlier if same_body(db, e[1], body, bodies)]
    if same:
        raise RepeatTransfer(messages.CASE_REPEAT_TRANSFER_SAME_BODY.format(
            day=fmt(_d(same[-1][0])), body=same[-1][1]))
    source = _source(db, case_id)
    if source and same_body(db, source[1], body, bodies):
        raise RepeatTransfer(messages.CASE_TRANSFER_BACK_TO_SOURCE.format(
            day=fmt(_d(source[0])), body=source[1]))
    if earlier:
        raise RepeatTransfer(messages.CASE_REPEAT_TRANSFER.format(
            count=len(earlier), day=fmt(_d(earlier[-1][0])), body=earlier[-1][1]))


def set_flag(db: Database, case_id: int, flag: str, on: bool, *, officer_id: int | None = None,
             now: datetime | None = None, note: str = "") -> int:
    if flag not in FLAGS:
        raise DeskError(messages.CASE_FLAG_UNKNOWN.format(
            flag=flag, choices=", ".join(FLAGS)))
    now = now or datetime.now()
    return record_event(db, case_id, "flag", occurred_on=now.date(), officer_id=officer_id,
                        note=note, data={"flag": flag, "on": bool(on)}, now=now)


def set_complexity(db: Database, case_id: int, level: int, *, occurred_on: date,
                   officer_id: int | None = None, doc_no: str = "", now: datetime | None = None,
                   ) -> int:
    """Complexity is decided in writing (docs/legal.md, “Counting days”); it lengthens the resolution periods."""
    if level not in COMPLEXITY_LABELS:
        raise DeskError(messages.CASE_COMPLEXITY_UNKNOWN.format(level=level))
    return record_event(db, case_id, "flag", occurred_on=occurred_on, officer_id=officer_id,
                        doc_no=doc_no, data={"complexity": level}, now=now)


def add_note(db: Database, case_id: int, note: str, *, officer_id: int | None = None,
             now: datetime | None = None) -> int:
    if not clean(note):
        raise DeskError(messages.CASE_NOTE_EMPTY, field="note")
    now = now or datetime.now()
    return record_event(db, case_id, "note", occurred_on=now.date(), officer_id=officer_id,
                        note=note, now=now)


def open_case(db: Database, *, person_id: int, kind: str, topic: str, title: str,
              received_at: datetime, officer_id: int | None, stamp: str,
              outcome: str = "accepted", body: str = "", doc_no: str = "",
              flags: int = 0, today: date | None = None, known_on: date | None = None,
              receive_data: dict | None = None, police: dict | None = None) -> int:
    """A new case for a petition received at the desk, with the events its outcome implies.
    Called inside the intake transaction. `known_on`: the day the complainant knew of the act
    complained of (Complaints Law art. 9), kept on the receive event."""
    case_id = cast(int, db.table("cases").insert({
        "uuid": uuids.new(), "person_id": person_id, "kind": kind, "topic": topic,
        "title": clean(title)[:200], "status": "received",
        "opened_on": received_at.date().isoformat(), "created_at": stamp, "updated_at": stamp,
        "version": 1,
    }).last_pk)
    day = received_at.date().isoformat()
    # `receive_data`: how it arrived (channel; for a forwarded petition `transferred_from`, the
    # body's document number and date, which add the report-back milestone).
    received = dict(receive_data or {})
    if known_on:
        received["known_on"] = known_on.isoformat()
    receive = json.dumps(received, ensure_ascii=False, sort_keys=True) if received else "{}"
    events = [("receive", "received", "", "", receive)]
    if flags & FLAGS["crowd"][0]:
        events.append(("flag", "received", "", "", '{"flag": "crowd", "on": true}'))
    if police:
        events.append(("police", "received", police.get("contact", ""), "",
                       json.dumps(police, ensure_ascii=False, sort_keys=True)))
    if outcome == "guided":
        events.append(("guide", "guided", body, doc_no, "{}"))
    elif outcome == "transferred":
        events.append(("transfer", "transferred", body, doc_no, "{}"))
    elif outcome == "mediation":
        events.append(("mediate", "mediation", body, doc_no, "{}"))
    db.conn.executemany(
        "INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on, entered_at,"
        " officer_id, body, doc_no, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(uuids.new(), case_id, a, s, day, stamp, officer_id, b, n, d)
         for a, s, b, n, d in events])
    _write_cache(db, case_id, kind, replay((a, s, day, d) for a, s, _b, _n, d in events),
                 today or received_at.date())
    return case_id


def case_events(db: Database, case_id: int, kind: str | None = None) -> tuple[CaseEvent, ...]:
    """The case's events in order; `kind` (the case's petition kind) names the steps."""
    return tuple(
        CaseEvent(**{**r, "label": lifecycle.action_label(r["action"], kind),
                     "officer": r["officer"] or "", "data": json.loads(r["data"] or "{}")})
        for r in rows.every(
            db, "SELECT e.id, e.action, e.status_after, e.occurred_on, e.entered_at,"
                " o.full_name AS officer, e.body, e.doc_no, e.note, e.data FROM case_events e"
                " LEFT JOIN officers o ON o.id = e.officer_id WHERE e.case_id = ?"
                " ORDER BY e.occurred_on, e.id", [case_id]))



def assign_case(db: Database, case_id: int, officer_id: int, *, by: int | None = None,
                now: datetime | None = None) -> int:
    """Give the case to an officer: it then shows under "Chỉ vụ việc giao cho tôi"."""
    found = db.execute("SELECT full_name FROM officers WHERE id = ? AND active = 1",
                       [officer_id]).fetchone()
    if found is None:
        raise DeskError(messages.CASE_OFFICER_UNKNOWN.format(id=officer_id), field="officer")
    now = now or datetime.now()
    return record_event(db, case_id, "assign", occurred_on=now.date(), officer_id=by,
                        note=found[0], data={"officer_id": officer_id}, now=now)


def warm_up(db: Database, today: date | None = None) -> None:
    """Load the deadline engine (python-holidays, this year's calendar, the rule sets) before
    the first save needs it: otherwise the first intake of the day waits ~0.1 s for it."""
    from desk_app.core.cases.deadlines import rule_set_for

    today = today or date.today()
    load_calendar(db).add_working_days(today, 10)
    rule_set_for(today)
