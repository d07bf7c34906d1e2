"""The chairperson's overview: the current situation as a few series a chart can draw, and the
records behind each bar.

- petitions received in the last twelve months, by month and kind (and by kind, by field);
- open cases by status; overdue, due soon, waiting for another body, prolonged (the
  dashboard's own counts);
- the head's sessions per month against the weeks that needed one (Reception Law 2013
  art. 15(2)(d)), from `schedule.compliance`;
- the residential areas (post-2025 communes) with most open cases, and how many of those are
  flagged crowd, complex, hot spot or prolonged.

Each bar has a key; `bar_records(db, chart, key, today)` lists what it counts. The queries
read indexes and cached case columns only (benchmarks/bench_reports.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app.core import catalog
from desk_app.core.cases.dashboard import case_ids, dashboard
from desk_app.core.cases.labels import FLAGS, VIEWS
from desk_app.core.cases.lifecycle import STATUS_LABELS
from desk_app.core.reports.explain import Record, describe
from desk_app.core.reports.measures import MEASURES, Measure
from desk_app.core.reports.scope import scope_of

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = tuple(catalog.PETITION_KIND_LABELS)
MONTHS = 12
TOP = 8
ATTENTION = ("crowd", "complex", "hot_spot", "prolonged")
LIMIT = 5000  # records listed for one bar


@dataclass(frozen=True)
class Bar:
    key: str  # what bar_records takes
    label: str
    value: int


@dataclass(frozen=True)
class Series:
    name: str  # a legend entry ("Khiếu nại"), or "" for a single series
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    stacked: bool = False
    note: str = ""


@dataclass(frozen=True)
class Overview:
    today: date
    since: date
    charts: tuple[Chart, ...]
    totals: dict[str, int] = field(default_factory=dict)

    def chart(self, chart_id: str) -> Chart:
        return next(c for c in self.charts if c.id == chart_id)


def _first_month(today: date) -> date:
    y, m = today.year, today.month - (MONTHS - 1)
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def _months(since: date, today: date) -> list[str]:
    out, (y, m) = [], (since.year, since.month)
    while (y, m) <= (today.year, today.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_label(month: str) -> str:
    return f"T{int(month[5:])}/{month[2:4]}"


# Petitions received (not refused: a refused visit's petition has no case) in one month, by
# kind and field; the visit is read only to leave out cancelled entries when the database has
# them. One query per month over the covering index of 0012_reports: a year's worth grouped at
# once sorts ~100,000 rows (a million-visit office), a month's ~8,000; the planner, going by
# the statistics of the kind index, would otherwise read every petition row.
_RECEIVED = """
SELECT p.kind, p.topic, COUNT(*)
  FROM petitions p INDEXED BY petitions_received_kind_topic {join}
 WHERE p.received_at >= :since AND p.received_at < :until AND p.case_id IS NOT NULL {live}
 GROUP BY 1, 2
"""
_RECEIVED_IDS = """
SELECT p.id, 1 FROM petitions p {join}
 WHERE p.received_at >= :since AND p.received_at < :until AND p.case_id IS NOT NULL {live}
   {extra}
 ORDER BY p.received_at DESC, p.id DESC LIMIT :limit
"""


def _received_sql(db: Database, template: str, extra: str = "") -> str:
    scope = scope_of(db)
    if scope.visits_cancellable:
        return scope.expand(template.format(join="JOIN visits v ON v.id = p.visit_id",
                                            live="AND LIVE_VISIT(v)", extra=extra))
    return template.format(join="", live="", extra=extra)


def _window(since: date, today: date) -> dict[str, str]:
    return {"since": since.isoformat(), "until": (today + timedelta(days=1)).isoformat()}


def overview(db: Database, today: date, now: datetime | None = None) -> Overview:
    since = _first_month(today)
    months = _months(since, today)
    by_month: dict[str, Counter] = {m: Counter() for m in months}
    by_kind: Counter = Counter()
    by_topic: Counter = Counter()
    sql = _received_sql(db, _RECEIVED)
    for month, following in zip(months, [*months[1:], None], strict=True):
        window = {"since": f"{month}-01",
                  "until": f"{following}-01" if following else _window(since, today)["until"]}
        for kind, topic, n in db.execute(sql, window):
            by_month[month][kind] += n
            by_kind[kind] += n
            by_topic[topic] += n
    charts = [
        Chart("by_month", "Đơn tiếp nhận theo tháng", tuple(_month_label(m) for m in months),
              tuple(Series(catalog.PETITION_KIND_LABELS[k], tuple(
                  Bar(f"{m}|{k}", _month_label(m), by_month[m][k]) for m in months))
                  for k in KINDS), stacked=True),
        Chart("by_kind", "Đơn theo loại (12 tháng)",
              tuple(catalog.PETITION_KIND_LABELS[k] for k in KINDS),
              (Series("", tuple(Bar(f"|{k}", catalog.PETITION_KIND_LABELS[k], by_kind[k])
                                for k in KINDS)),)),
        _topics(by_topic),
    ]
    board = dashboard(db, today)
    charts.append(Chart(
        "status", "Vụ việc đang giải quyết theo trạng thái",
        tuple(STATUS_LABELS[s] for s in board.by_status),
        (Series("", tuple(Bar(s, STATUS_LABELS[s], n) for s, n in board.by_status.items())),),
        horizontal=True))
    attention = {"overdue": board.overdue, "due_soon": board.due_soon,
                 "waiting": board.waiting, "prolonged": board.prolonged}
    charts.append(Chart(
        "attention", "Quá hạn, sắp đến hạn, chờ trả lời, kéo dài",
        tuple(VIEWS[v] for v in attention),
        (Series("", tuple(Bar(v, VIEWS[v], n) for v, n in attention.items())),),
        horizontal=True,
        note=f"Kéo dài: tiếp nhận trước ngày {board.prolonged_before:%d/%m/%Y}"))
    charts.append(_sessions(db, since, today, now or datetime.combine(today, datetime.max.time())))
    charts.append(_areas(db))
    totals = {"received": sum(by_kind.values()), "open": board.open, "overdue": board.overdue}
    return Overview(today, since, tuple(charts), totals)


def _topics(by_topic: Counter) -> Chart:
    top = by_topic.most_common(TOP)
    bars = [Bar(f"topic|{code}", catalog.topic_name(code), n) for code, n in top]
    rest = sum(by_topic.values()) - sum(n for _, n in top)
    if rest:
        bars.append(Bar("topic|", "Lĩnh vực khác", rest))
    return Chart("by_topic", "Đơn theo lĩnh vực (12 tháng)", tuple(b.label for b in bars),
                 (Series("", tuple(bars)),), horizontal=True)


def _sessions(db: Database, since: date, today: date, now: datetime) -> Chart:
    """Per month: weeks that needed the head's session, and sessions the head held."""
    from desk_app.core.reports.weeks import week_rows
    from desk_app.core.schedule.hosts import head_officer_id

    months = _months(since, today)
    head = head_officer_id(db)
    held: Counter = Counter()
    for (day,) in db.execute(
            "SELECT substr(starts_at, 1, 10) FROM sessions WHERE starts_at >= ? AND starts_at < ?"
            " AND status = 'held' AND kind IN ('dinh_ky', 'dot_xuat', 'truc_tuyen')"
            " AND COALESCE(actual_host_id, host_id) = ?",
            [since.isoformat(), (today + timedelta(days=1)).isoformat(),
             -1 if head is None else head]):
        held[day[:7]] += 1
    required: Counter = Counter()
    from desk_app.core.reports.periods import Period

    period = Period(since, today, "", "")
    for monday, _office, state, _w in week_rows(db, scope_of(db), period, now):
        if state != "future":
            required[monday[:7]] += 1
    labels = tuple(_month_label(m) for m in months)
    return Chart("sessions", "Buổi tiếp của Chủ tịch: đã tiếp và số tuần phải tiếp", labels, (
        Series("Tuần phải tiếp", tuple(Bar(f"weeks|{m}", _month_label(m), required[m])
                                       for m in months)),
        Series("Buổi Chủ tịch đã tiếp", tuple(Bar(f"held|{m}", _month_label(m), held[m])
                                              for m in months))),
        note="Mỗi tuần Chủ tịch tiếp công dân ít nhất một ngày (Điểm d Khoản 2 Điều 15 Luật "
             "Tiếp công dân).")


_AREAS = """
SELECT pe.commune_code, COUNT(*), SUM((c.flags & :attention) != 0)
  FROM cases c JOIN persons pe ON pe.id = c.person_id
 WHERE c.is_open = 1 AND LIVE_CASE(c)
 GROUP BY pe.commune_code
"""


def _attention_bits() -> int:
    bits = 0
    for name in ATTENTION:
        bits |= FLAGS[name][0]
    return bits


def _areas(db: Database) -> Chart:
    rows = db.execute(scope_of(db).expand(_AREAS), {"attention": _attention_bits()}).fetchall()
    rows.sort(key=lambda r: (-r[1], str(r[0])))
    top = rows[:TOP]

    def name(code) -> str:
        found = catalog.commune(code) if code else None
        return found[0] if found else "Chưa xác định địa bàn"

    keys = [str(code) if code is not None else "none" for code, _n, _a in top]
    return Chart("areas", "Địa bàn có nhiều vụ việc đang giải quyết",
                 tuple(name(code) for code, _n, _a in top), (
                     Series("Vụ việc đang giải quyết", tuple(
                         Bar(f"area|{k}", name(code), n)
                         for k, (code, n, _a) in zip(keys, top, strict=True))),
                     Series("Đông người, phức tạp, điểm nóng, kéo dài", tuple(
                         Bar(f"hot|{k}", name(code), a or 0)
                         for k, (code, _n, a) in zip(keys, top, strict=True)))),
                 horizontal=True)


def bar_records(db: Database, chart: str, key: str, today: date) -> tuple[Record, ...]:
    """The records one bar counts (at most LIMIT, newest first)."""
    since = _first_month(today)
    petitions = Measure("", "petition", "", ())
    cases = Measure("", "case", "", ())
    if chart in ("by_month", "by_kind", "by_topic"):
        params: dict = {**_window(since, today), "limit": LIMIT}
        extra = ""
        if chart == "by_topic":
            code = key.partition("|")[2]
            if code:
                extra, params["topic"] = "AND p.topic = :topic", code
            else:
                counts: Counter = Counter()
                for _kind, topic, n in db.execute(_received_sql(db, _RECEIVED),
                                                  _window(since, today)):
                    counts[topic] += n
                top = [t for t, _n in counts.most_common(TOP)]
                marks = ", ".join(f":t{i}" for i in range(len(top)))
                extra = f"AND p.topic NOT IN ({marks})" if top else ""
                params.update({f"t{i}": t for i, t in enumerate(top)})
        else:
            month, _, kind = key.partition("|")
            if month:
                extra += " AND substr(p.received_at, 1, 7) = :month"
                params["month"] = month
            if kind:
                extra += " AND p.kind = :kind"
                params["kind"] = kind
        found = db.execute(_received_sql(db, _RECEIVED_IDS, extra), params).fetchall()
        return describe(db, petitions, [(i, w) for i, w in found])
    if chart == "status":
        found = db.execute("SELECT id, 1 FROM cases WHERE is_open = 1 AND status = ?"
                           " ORDER BY opened_on DESC, id DESC LIMIT ?", [key, LIMIT]).fetchall()
        return describe(db, cases, found)
    if chart == "attention":
        return describe(db, cases, [(i, 1) for i in case_ids(db, key, today, limit=LIMIT)])
    if chart == "areas":
        what, _, code = key.partition("|")
        where = "pe.commune_code IS NULL" if code == "none" else "pe.commune_code = :code"
        hot = " AND (c.flags & :attention) != 0" if what == "hot" else ""
        found = db.execute(
            f"SELECT c.id, 1 FROM cases c JOIN persons pe ON pe.id = c.person_id"
            f" WHERE c.is_open = 1 AND {where}{hot} ORDER BY c.opened_on, c.id LIMIT :limit",
            {"code": None if code == "none" else int(code), "attention": _attention_bits(),
             "limit": LIMIT}).fetchall()
        return describe(db, cases, found)
    if chart == "sessions":
        what, _, month = key.partition("|")
        if what == "held":
            from desk_app.core.schedule.hosts import head_officer_id

            head = head_officer_id(db)
            found = db.execute(
                "SELECT id, 1 FROM sessions WHERE substr(starts_at, 1, 7) = ? AND status = 'held'"
                " AND kind IN ('dinh_ky', 'dot_xuat', 'truc_tuyen')"
                " AND COALESCE(actual_host_id, host_id) = ? ORDER BY starts_at",
                [month, -1 if head is None else head]).fetchall()
            return describe(db, MEASURES["sessions"], found)
        from desk_app.core.reports.periods import Period
        from desk_app.core.reports.weeks import week_rows

        rows = week_rows(db, scope_of(db), Period(since, today, "", ""),
                         datetime.combine(today, datetime.max.time()))
        return describe(db, MEASURES["weeks"], [(r[0], 1) for r in rows
                                                if r[0][:7] == month and r[2] != "future"])
    raise KeyError(chart)
