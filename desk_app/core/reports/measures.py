"""Named measures: the SQL that finds the records a figure counts, with the dimensions a table
may split them by. A layout cell (resources/reports/*.json) names a measure and a filter on
its dimensions; the figure is the number of rows (or the sum of their weight) and the
reconciliation list is the same rows. Nothing is typed in: every figure comes from records.

Each SQL measure selects `id, <dims in order>, weight` with one row per record (the id is
unique). Parameters: :start and :end (the period's first and last day, ISO), :next (the day
after :end; times are compared with `received_at < :next`), :office, :crowd_min, and those a
measure asks for in `needs` (:head, :now — see engine.py). Macros LIVE_VISIT, LIVE_CASE
and OFFICE come from scope.py.

How each figure is decided (docs/reports.md has the same in words):
- A petition's *outcome* is the first of these steps on its case: accept (within competence),
  guide, transfer, urge (outside competence), return, file, withdraw, merge (not eligible /
  duplicate / withdrawn). Processed by the end of the period = it has one by then.
- Carried over = received before the period and not processed before it.
- A complaint or denunciation *to resolve* is one acceptance (the first, or the one after a
  second complaint); it ends at the first decision, withdrawal or merge after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desk_app.core.cases import lifecycle
from desk_app.core.reports.weeks import week_rows

# The steps that settle how a petition was handled (Circular 05/2021: classify, then one of
# these). "urge" (đôn đốc) has no step in the case page yet: it is counted when it exists.
# "mediate": a dispute sent to the grassroots mediation team, outside the office's handling
# like a guidance (docs/channels.md); counted once step 0016 keeps it in first_outcome.
OUTCOMES = {"accept": "competent", "guide": "guided", "mediate": "guided",
            "transfer": "transferred", "urge": "urged",
            "return": "ineligible", "file": "ineligible", "withdraw": "ineligible",
            "merge": "ineligible"}
ELIGIBLE = ("competent", "guided", "transferred", "urged")
OUTSIDE = ("guided", "transferred", "urged")
ENDS = ("decide", "withdraw", "merge")  # what ends a resolution
# Steps that never change a case's status (they may be entered with an earlier date).
UNCHANGED = tuple(a for a, spec in lifecycle.ACTIONS.items() if spec.to is None and a != "resume")
RESOLVED_KINDS = ("khieu_nai", "to_cao")


def _in(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


@dataclass(frozen=True)
class Measure:
    name: str
    entity: str  # one row is a: visit, petition, case, instance, event, session, citizen, week
    label: str
    dims: tuple[str, ...]
    sql: str | None = None
    rows: Callable[..., Sequence[tuple]] | None = None  # Python measures: (id, *dims, weight)
    # A measure counted on another's rows: `parent`'s rows that match `parent_where`, each
    # standing for the record in its column `id_column` (one row per record).
    parent: str = ""
    parent_where: dict[str, Any] = field(default_factory=dict)
    id_column: str = "id"
    needs: tuple[str, ...] = ()
    weight: str = ""  # what `"sum": true` adds up ("" = counts only)
    values: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # known values of dims


# --- reception ------------------------------------------------------------------------------

VISITS = """
SELECT v.id AS id, OFFICE(v) AS office, v.reception_kind AS reception_kind,
       CASE WHEN v.crowd_size >= :crowd_min THEN 'crowd' ELSE 'single' END AS crowd,
       -- A dispute sent to the mediation team is guided outside the office (docs/channels.md).
       CASE v.outcome WHEN 'mediation' THEN 'guided' ELSE v.outcome END AS outcome,
       pe.commune_code AS commune, v.crowd_size AS weight
  FROM visits v JOIN identity_snapshots pe ON pe.id = v.identity_id
 WHERE v.received_at >= :start AND v.received_at < :next AND LIVE_VISIT(v) AND RECEPTION(v)
"""

# The cases citizens came about: a case brought in several visits is one case; it is
# "carried" (cũ) when it was opened before the period, "new" (mới phát sinh) otherwise.
VISIT_CASES = """
SELECT c.id AS id, OFFICE(c) AS office,
       CASE WHEN c.opened_on < :start THEN 'carried' ELSE 'new' END AS age,
       CASE WHEN MAX(v.crowd_size) >= :crowd_min THEN 'crowd' ELSE 'single' END AS crowd,
       1 AS weight
  FROM visits v JOIN petitions p ON p.visit_id = v.id JOIN cases c ON c.id = p.case_id
 WHERE v.received_at >= :start AND v.received_at < :next AND LIVE_VISIT(v) AND LIVE_CASE(c)
   AND RECEPTION(v)
 GROUP BY c.id
"""

# --- petitions (xử lý đơn) ------------------------------------------------------------------

# How far the matter had gone when the petition came (tình trạng giải quyết): decisions
# already made on its case, plus one when the citizen names a body that already handled it
# (log book 03/TCD, "cơ quan đã giải quyết"); or accepted and still being resolved. A case
# opened that day has no history: no lookup.
_DAY = "substr(p.received_at, 1, 10)"
_DECIDED_BEFORE = f"""(CASE WHEN c.opened_on >= {_DAY} THEN 0 ELSE
          (SELECT COUNT(*) FROM case_events d WHERE d.case_id = p.case_id
            AND d.action = 'decide' AND d.occurred_on < {_DAY}) END
        + (v.prior_handlers <> ''))"""
_ACCEPTED_BEFORE = f"""(CASE WHEN c.opened_on >= {_DAY} THEN 0 ELSE
          EXISTS (SELECT 1 FROM case_events a WHERE a.case_id = p.case_id
                  AND a.action = 'accept' AND a.occurred_on < {_DAY}) END)"""
# Whether the petition is its case's first in the period's set (received in the period, or
# before it while the case waited for its first step): the cases behind the petitions are
# counted from the same rows (petition_cases). Nearly every case has one petition: one
# index probe each, where a window function would sort the whole set.
_CASE_FIRST = """CASE WHEN EXISTS (SELECT 1 FROM petitions q JOIN visits w ON w.id = q.visit_id
          WHERE q.case_id = p.case_id AND q.id < p.id AND q.received_at < :next
            AND LIVE_VISIT(w) AND (q.received_at >= :start OR c.first_outcome_on IS NULL
                                   OR c.first_outcome_on >= :start))
       THEN 'no' ELSE 'yes' END"""
# cases.first_outcome(_on): the first of OUTCOMES on the case, kept by triggers (0012_reports).
_PETITION_COLUMNS = f"""p.id AS id, p.case_id AS case_id, OFFICE(v) AS office, p.kind AS kind,
       p.topic AS topic, CASE WHEN p.signatories > 1 THEN 'many' ELSE 'one' END AS signers,
       pe.commune_code AS commune, c.first_outcome AS fo, c.first_outcome_on AS fo_on,
       {_DECIDED_BEFORE} AS decided_before, {_ACCEPTED_BEFORE} AS accepted_before,
       p.received_at AS received_at, {_CASE_FIRST} AS case_first, p.arrival AS channel"""
# The residential area is the one recorded with the visit (identity_snapshots, 0008): a later
# visit under a new address does not move a period's figures once reported.
_PETITION_FROM = """FROM petitions p JOIN visits v ON v.id = p.visit_id
       JOIN identity_snapshots pe ON pe.id = v.identity_id JOIN cases c ON c.id = p.case_id"""
# Candidates for "carried over": cases opened before the start still waiting for their first
# step then (an index on first_outcome_on finds them, not a walk through the whole history).
_WAITING = """(SELECT id FROM cases WHERE first_outcome_on IS NULL AND opened_on < :start
        UNION ALL SELECT id FROM cases WHERE first_outcome_on >= :start AND opened_on < :start)"""
_PETITIONS_BASE = f"""
SELECT {_PETITION_COLUMNS} {_PETITION_FROM}
 WHERE p.received_at >= :start AND p.received_at < :next
   AND v.outcome <> 'refused' AND LIVE_VISIT(v) AND LIVE_CASE(c)
UNION ALL
SELECT {_PETITION_COLUMNS} {_PETITION_FROM}
 WHERE p.received_at < :start AND p.case_id IN {_WAITING}
   AND v.outcome <> 'refused' AND LIVE_VISIT(v) AND LIVE_CASE(c)
"""
_RESULT = f"""CASE WHEN fo_on IS NULL OR fo_on > :end THEN 'pending'
       {' '.join(f"WHEN fo = '{a}' THEN '{r}'" for a, r in OUTCOMES.items())}
       END"""
_MATTER = """CASE WHEN decided_before >= 2 THEN 'resolved_many'
       WHEN decided_before = 1 THEN 'resolved_once'
       WHEN accepted_before THEN 'in_progress' ELSE 'unresolved' END"""
# MATERIALIZED: the history is looked up once per petition; a flattened subquery would
# repeat the lookups for every use of their columns below.
_CLASSED = f"""WITH base AS MATERIALIZED ({_PETITIONS_BASE}),
classed AS MATERIALIZED (
SELECT id, case_id, office, kind, topic, signers, commune, received_at, case_first, channel,
       CASE WHEN received_at < :start THEN 'carried' ELSE 'new' END AS age,
       {_RESULT} AS result, {_MATTER} AS matter
  FROM base
 WHERE received_at >= :start OR fo_on IS NULL OR fo_on >= :start)"""
# `case_first`: the first petition of its case in the period's set, so the cases behind the
# petitions (the template's "Số vụ việc") are counted from the same rows (petition_cases).
PETITIONS = f"""{_CLASSED}
SELECT id, office, kind, topic, signers, age, result, matter, commune, case_first, channel,
       1 AS weight, case_id
  FROM classed
"""
# New petitions by calendar month and kind, for the charts: the rows of `petitions` with
# age 'new' (the same joins and filters; a test checks the totals agree).
PETITIONS_BY_MONTH = """
SELECT substr(p.received_at, 1, 7) AS month, p.kind AS kind, COUNT(*) AS n
  FROM petitions p JOIN visits v ON v.id = p.visit_id JOIN cases c ON c.id = p.case_id
 WHERE p.received_at >= :start AND p.received_at < :next
   AND v.outcome <> 'refused' AND LIVE_VISIT(v) AND LIVE_CASE(c)
 GROUP BY 1, 2
"""
# Answers received in the period from the bodies petitions were transferred to.
REPLIES = """
SELECT e.id AS id, OFFICE(c) AS office, c.kind AS kind, c.topic AS topic, 1 AS weight
  FROM case_events e JOIN cases c ON c.id = e.case_id
 WHERE e.action = 'reply' AND e.occurred_on BETWEEN :start AND :end AND LIVE_CASE(c)
"""

# --- complaints and denunciations to resolve (giải quyết khiếu nại, tố cáo) ------------------

_END_OF = f"""(SELECT printf('%s|%-8s|%d', x.occurred_on, x.action, x.id) FROM case_events x
          WHERE x.case_id = a.case_id AND x.id > a.id AND x.action IN ({_in(ENDS)})
          ORDER BY x.id LIMIT 1)"""
# On time: the decision's day against the due date of its resolution, which the case row
# caches (cases.tracking): resolution_due_on for the current resolution, and
# first_resolution_due_on for the first once a second complaint followed it. ontime.py
# counts the same dates with the deadline engine (tests compare them).
INSTANCES = f"""WITH inst AS MATERIALIZED (
SELECT a.id AS id, OFFICE(c) AS office, c.kind AS kind, c.topic AS topic,
       CASE WHEN a.occurred_on < :start THEN 'carried' ELSE 'new' END AS age,
       CASE WHEN EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = a.case_id
                         AND r.action = 'reopen' AND r.id < a.id)
            THEN 'second' ELSE 'first' END AS instance,
       CASE WHEN EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = a.case_id
                         AND r.action = 'reopen' AND r.id > a.id)
            THEN c.first_resolution_due_on ELSE c.resolution_due_on END AS due,
       {_END_OF} AS fin
  FROM case_events a JOIN cases c ON c.id = a.case_id
 WHERE a.action = 'accept' AND a.occurred_on <= :end
   AND c.kind IN ({_in(RESOLVED_KINDS)}) AND LIVE_CASE(c)
   AND (c.is_open = 1 OR c.closed_on >= :start))
SELECT id, office, kind, topic, age, instance,
       CASE WHEN fin IS NULL OR substr(fin, 1, 10) > :end THEN 'in_progress'
            WHEN substr(fin, 12, 6) = 'decide' THEN 'resolved' ELSE 'stopped' END AS state,
       CASE WHEN fin IS NULL OR substr(fin, 1, 10) > :end OR substr(fin, 12, 6) <> 'decide'
            THEN 'none'
            WHEN due IS NOT NULL AND substr(fin, 1, 10) > due THEN 'late'
            ELSE 'on_time' END AS timeliness,
       1 AS weight
  FROM inst
 WHERE fin IS NULL OR substr(fin, 1, 10) >= :start
"""

# --- by topic and area --------------------------------------------------------------------

DECISIONS = """
SELECT e.id AS id, OFFICE(c) AS office, c.kind AS kind, c.topic AS topic, 1 AS weight
  FROM case_events e JOIN cases c ON c.id = e.case_id
 WHERE e.action = 'decide' AND e.occurred_on BETWEEN :start AND :end AND LIVE_CASE(c)
"""
# Cases not finished on the last day: their status then (the last step dated on or before
# it) is not final. Candidates: open now, or closed after that day (indexes).
OPEN_AT_END = f"""
SELECT id, office, kind, topic, 1 AS weight FROM (
  SELECT c.id AS id, OFFICE(c) AS office, c.kind AS kind, c.topic AS topic,
         (SELECT e.status_after FROM case_events e WHERE e.case_id = c.id
             AND e.occurred_on <= :end AND e.action NOT IN ({_in(UNCHANGED)})
           ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1) AS status_then
    FROM cases c
   WHERE c.id IN (SELECT id FROM cases WHERE is_open = 1
                  UNION SELECT id FROM cases WHERE closed_on > :end)
     AND c.opened_on <= :end AND LIVE_CASE(c))
 WHERE status_then IS NOT NULL AND status_then NOT IN ({_in(lifecycle.TERMINAL)})
"""

# --- the head's reception sessions ----------------------------------------------------------

_HOSTED = "('dinh_ky', 'dot_xuat', 'truc_tuyen')"
SESSIONS = f"""
SELECT s.id AS id, OFFICE(s) AS office, s.kind AS session_kind,
       CASE WHEN s.host_id = :head THEN 'head' ELSE 'other' END AS planned,
       CASE WHEN s.status = 'held' AND COALESCE(s.actual_host_id, s.host_id) = :head THEN 'held'
            WHEN s.status = 'held' THEN 'held_by_other'
            WHEN s.status IN ('postponed', 'cancelled') THEN s.status
            WHEN s.ends_at < :now THEN 'not_recorded'
            ELSE 'upcoming' END AS state,
       1 AS weight
  FROM sessions s
 WHERE s.starts_at >= :start AND s.starts_at < :next AND s.status <> 'skipped'
   AND s.kind IN {_HOSTED}
   AND (s.host_id = :head OR (s.status = 'held' AND s.actual_host_id = :head))
"""
# Citizens received at the sessions the head held: visits registered during them, and
# citizens the head recorded who were not registered at the desk then (as compliance counts).
_HEAD_HELD = f"""(SELECT id FROM sessions WHERE starts_at >= :start AND starts_at < :next
        AND status = 'held' AND kind IN {_HOSTED} AND COALESCE(actual_host_id, host_id) = :head)"""
SESSION_CITIZENS = f"""
SELECT 'v' || v.id AS id, OFFICE(v) AS office, 1 AS weight
  FROM visits v WHERE v.session_id IN {_HEAD_HELD} AND LIVE_VISIT(v)
UNION ALL
SELECT 'r' || r.id AS id, :office AS office, 1 AS weight
  FROM session_receptions r
 WHERE r.session_id IN {_HEAD_HELD} AND r.received = 1 AND r.visit_id IS NULL
   AND r.case_id NOT IN (SELECT p.case_id FROM petitions p JOIN visits v ON v.id = p.visit_id
                          WHERE v.session_id = r.session_id AND p.case_id IS NOT NULL)
"""


def _sql(name: str, entity: str, label: str, dims: Iterable[str], sql: str,
         needs: tuple[str, ...] = (), weight: str = "") -> Measure:
    return Measure(name, entity, label, tuple(dims), sql=sql, needs=needs, weight=weight)


MEASURES: dict[str, Measure] = {m.name: m for m in (
    _sql("visits", "visit", "Lượt tiếp công dân",
         ("office", "reception_kind", "crowd", "outcome", "commune"), VISITS,
         weight="Số người"),
    _sql("visit_cases", "case", "Vụ việc công dân đến trình bày", ("office", "age", "crowd"),
         VISIT_CASES),
    _sql("petitions", "petition", "Đơn",
         ("office", "kind", "topic", "signers", "age", "result", "matter", "commune",
          "case_first", "channel"), PETITIONS),
    # `channel`: how the petition arrived (petitions.arrival: truc_tiep at a reception, or
    # buu_chinh, cong_dvc, website, thu_dien_tu, duong_day_nong, chuyen_den; docs/channels.md).
    Measure("petition_cases", "case", "Vụ việc của đơn", (
        "office", "kind", "topic", "signers", "age", "result", "matter", "commune", "channel"),
        parent="petitions", parent_where={"case_first": "yes"}, id_column="case_id"),
    _sql("replies", "event", "Văn bản trả lời của cơ quan nhận đơn chuyển",
         ("office", "kind", "topic"), REPLIES),
    _sql("instances", "instance", "Vụ việc khiếu nại, tố cáo phải giải quyết",
         ("office", "kind", "topic", "age", "instance", "state", "timeliness"), INSTANCES),
    _sql("decisions", "event", "Quyết định, kết luận, văn bản giải quyết",
         ("office", "kind", "topic"), DECISIONS),
    _sql("open_at_end", "case", "Vụ việc chưa giải quyết xong cuối kỳ",
         ("office", "kind", "topic"), OPEN_AT_END),
    _sql("sessions", "session", "Buổi tiếp công dân của Chủ tịch",
         ("office", "session_kind", "planned", "state"), SESSIONS, needs=("head", "now")),
    _sql("session_citizens", "citizen", "Công dân được Chủ tịch tiếp", ("office",),
         SESSION_CITIZENS, needs=("head",)),
    # Computed on the working-day calendar, not in SQL (weeks.py).
    Measure("weeks", "week", "Tuần có ngày làm việc", ("office", "state"), rows=week_rows),
)}
