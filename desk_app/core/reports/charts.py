"""The figures the report's text quotes and its charts draw (the PDF draws them with
reportlab's graphics): taken from the same grouped measures as the tables, so a sentence, a bar
and a cell cannot disagree, whatever layout a province uses."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from desk_app.core import catalog
from desk_app.core.reports.measures import MEASURES, PETITIONS_BY_MONTH

if TYPE_CHECKING:
    from desk_app.core.reports.engine import Context

KINDS = ("khieu_nai", "to_cao", "kien_nghi", "phan_anh")
TOP_TOPICS = 8


def _months(ctx: Context) -> list[str]:
    out, (y, m) = [], (ctx.period.start.year, ctx.period.start.month)
    while (y, m) <= (ctx.period.end.year, ctx.period.end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def report_charts(ctx: Context) -> dict[str, Any]:
    """Petitions received in the period by month and kind, by kind, by topic (the largest
    few, the rest together); complaints and denunciations resolved on time, late, pending."""
    petitions = MEASURES["petitions"]
    at = {d: i for i, d in enumerate(petitions.dims)}
    by_month: dict[str, Counter] = {m: Counter() for m in _months(ctx)}
    by_kind: Counter = Counter()
    by_topic: Counter = Counter()
    for group in ctx.groups(petitions):
        if group[at["age"]] == "new":
            by_kind[group[at["kind"]]] += group[-2]
            by_topic[group[at["topic"]]] += group[-2]
    for month, kind, n in ctx.db.execute(ctx.scope.expand(PETITIONS_BY_MONTH), ctx.base_params):
        by_month.setdefault(month, Counter())[kind] += n
    top = by_topic.most_common(TOP_TOPICS)
    rest = sum(by_topic.values()) - sum(n for _, n in top)
    topics = [{"code": code, "label": catalog.topic_name(code), "value": n} for code, n in top]
    if rest:
        topics.append({"code": "", "label": "Lĩnh vực khác", "value": rest})
    instances = MEASURES["instances"]
    ia = {d: i for i, d in enumerate(instances.dims)}
    resolution: Counter = Counter()
    for group in ctx.groups(instances):
        state, timeliness = group[ia["state"]], group[ia["timeliness"]]
        resolution[timeliness if state == "resolved" else state] += group[-2]
    return {
        "kinds": [{"code": k, "label": catalog.PETITION_KIND_LABELS[k]} for k in KINDS],
        "by_month": [{"month": m, "label": f"T{int(m[5:])}/{m[:4]}",
                      "values": [by_month[m][k] for k in KINDS]} for m in sorted(by_month)],
        "by_kind": [{"code": k, "label": catalog.PETITION_KIND_LABELS[k], "value": by_kind[k]}
                    for k in KINDS],
        "by_topic": topics,
        "resolution": [{"code": c, "label": label, "value": resolution[c]} for c, label in (
            ("on_time", "Giải quyết đúng hạn"), ("late", "Giải quyết quá hạn"),
            ("in_progress", "Đang giải quyết"), ("stopped", "Rút đơn, đình chỉ, gộp"))],
    }


ELIGIBLE = ["competent", "guided", "transferred", "urged"]
# name → (measure, filter, add up the weight)
SUMMARY: dict[str, tuple[str, dict[str, Any], bool]] = {
    "visits": ("visits", {}, False),
    "persons": ("visits", {}, True),
    "cases": ("visit_cases", {}, False),
    "crowds": ("visits", {"crowd": "crowd"}, False),
    "crowd_persons": ("visits", {"crowd": "crowd"}, True),
    "head_visits": ("visits", {"reception_kind": "dinh_ky"}, False),
    "petitions": ("petitions", {}, False),
    "carried": ("petitions", {"age": "carried"}, False),
    "new": ("petitions", {"age": "new"}, False),
    "processed": ("petitions", {"result": [*ELIGIBLE, "ineligible"]}, False),
    "eligible": ("petitions", {"result": ELIGIBLE}, False),
    "competent": ("petitions", {"result": "competent"}, False),
    "guided": ("petitions", {"result": "guided"}, False),
    "transferred": ("petitions", {"result": "transferred"}, False),
    "replies": ("replies", {}, False),
    "to_resolve": ("instances", {}, False),
    "resolved": ("instances", {"state": "resolved"}, False),
    "on_time": ("instances", {"state": "resolved", "timeliness": "on_time"}, False),
    "late": ("instances", {"state": "resolved", "timeliness": "late"}, False),
    "in_progress": ("instances", {"state": "in_progress"}, False),
    "weeks": ("weeks", {}, False),
    "weeks_missed": ("weeks", {"state": "missed"}, False),
    "head_sessions": ("sessions", {"session_kind": "dinh_ky", "state": "held"}, False),
}


def report_summary(ctx: Context) -> dict[str, int]:
    return {name: ctx.value(MEASURES[m], where, summed)
            for name, (m, where, summed) in SUMMARY.items()}
