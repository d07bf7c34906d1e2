"""Reconciliation: every figure lists the records behind it (as many as it counts, each once);
the totals agree across tables and with the next period's carried-over figures; a decision is
on time or late the same way whether the cached due date or the deadline engine is asked."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk_app.core.demo.generate import generate
from desk_app.core.opening import open_db
from desk_app.core.reports.engine import build_report
from desk_app.core.reports.explain import explain
from desk_app.core.reports.ontime import resolution_due
from desk_app.core.reports.periods import parse_period, previous
from desk_app.core.reports.scope import scope_of
from desk_app.core.schedule.compliance import compliance
from tests.core.reports.conftest import HEAD, REPORT_NOW

END = datetime(2026, 11, 20, 15, 0)
DEMO_NOW = datetime(2026, 11, 20, 16, 0)
QUARTERS = ("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Two years of a generated office (~1,500 visits): many records of every kind."""
    db = open_db(tmp_path_factory.mktemp("demo") / "desk.sqlite3")
    generate(db, 3000, 5, end=END, years=2)
    yield db
    db.close()


def _every_cell(db, spec: str, now: datetime, *, limit_rows: int | None = None) -> int:
    period = parse_period(spec)
    report = build_report(db, period, now=now)
    assert report.failures == ()
    checked = 0
    for table in report.tables:
        rows = table.rows if limit_rows is None else table.rows[:limit_rows] + table.rows[-1:]
        for row in rows:
            for column in table.layout.columns:
                cell = f"{table.layout.id}:{row.key}:{column.no}"
                found = explain(db, period, cell, now=now, report=report)
                ids = [r.id for r in found.records]
                assert len(ids) == len(set(ids)), cell
                got = sum(r.weight for r in found.records) if column.sum else len(ids)
                assert got == found.value == row.values[column.no], cell
                checked += 1
    return checked


def test_every_cell_lists_its_records(office):
    assert _every_cell(office, "2026-Q4", REPORT_NOW) > 150


def test_records_open_what_they_are(office):
    period = parse_period("2026-Q4")
    found = explain(office, period, "kntc:to_cao:8", now=REPORT_NOW)
    assert [r.case_id for r in found.records] == [office.ids["C3"]]
    assert "Tố cáo" in found.records[0].text
    # A denouncer is never named in a list; the visit is found by its number.
    visits = explain(office, period, "tcd:tong:1", now=REPORT_NOW).records
    v3 = next(r for r in visits if r.id == str(office.ids["V3"]))
    assert "Hoàng Văn Cường" not in v3.text and "bảo mật" in v3.text
    people = explain(office, period, "tcd:tong:7", now=REPORT_NOW)
    assert [(r.id, r.weight) for r in people.records] == [(str(office.ids["V4"]), 6)]
    weeks = explain(office, period, "sessions:tong:2", now=REPORT_NOW).records
    assert len(weeks) == 11 and weeks[0].text == "Tuần từ 14/09/2026 đến 20/09/2026"
    held = explain(office, period, "sessions:tong:4", now=REPORT_NOW).records
    assert [r.session_id for r in held] == [office.ids["S1"]]


def test_sessions_agree_with_compliance(office):
    """The sessions table counts what schedule.compliance counts for the head."""
    period = parse_period("2026-Q4")
    figures = compliance(office, period.start, period.end, REPORT_NOW)
    head = next(h for h in figures.hosts if h.host_id == HEAD)
    report = build_report(office, period, now=REPORT_NOW, tables=["sessions"])
    cells = report.table("sessions").row("tong").values
    assert cells[2] == len(figures.weeks_without_head)
    assert cells[3] + cells[10] == head.scheduled  # periodic + ad hoc (all held by the head)
    assert cells[4] + cells[10] == head.held
    assert (cells[6], cells[7], cells[8]) == (head.postponed, head.cancelled, head.not_recorded)
    assert cells[11] == sum(s.citizens for s in figures.sessions if s.host == "Lê Văn Dũng")


def test_demo_quarters_pass_every_identity(demo):
    for spec in QUARTERS:
        assert build_report(demo, parse_period(spec), now=DEMO_NOW).failures == (), spec


@pytest.mark.parametrize("spec", ("2025-Q4", "2026-Q3"))
def test_demo_cells_list_their_records(demo, spec):
    assert _every_cell(demo, spec, DEMO_NOW, limit_rows=3) > 200


def test_carried_over_is_what_the_period_before_left(demo):
    for spec in QUARTERS[1:]:
        period = parse_period(spec)
        now_, before = build_report(demo, period, now=DEMO_NOW), build_report(
            demo, previous(period), now=DEMO_NOW)
        xld, xld_before = now_.table("xld").row("tong").values, before.table("xld").row(
            "tong").values
        assert xld[2] + xld[3] == xld_before[7], spec  # carried over = not processed before
        kntc, kntc_before = now_.table("kntc"), before.table("kntc")
        for kind in ("khieu_nai", "to_cao", "tong"):
            assert kntc.cell(kind, 2) == kntc_before.cell(kind, 10), (spec, kind)
        assert xld[2] + xld[3] > 0 and kntc.cell("tong", 2) > 0, spec


def test_the_year_is_its_quarters(demo):
    """What comes in during a year is what comes in during its four quarters."""
    year = build_report(demo, parse_period("2026"), now=DEMO_NOW)
    quarters = [build_report(demo, parse_period(f"2026-Q{q}"), now=DEMO_NOW) for q in (1, 2, 3)]
    q4 = build_report(demo, parse_period("2026-11-20..2026-12-14"), now=DEMO_NOW)
    # Q4 up to the demo's last day: 15/09–14/12 is 15/09–19/11 plus 20/11–14/12.
    q4a = build_report(demo, parse_period("2026-09-15..2026-11-19"), now=DEMO_NOW)
    parts = [*quarters, q4a, q4]
    for table, cells in (("tcd", (1, 2, 6, 9, 11, 13, 17, 18, 19, 20)), ("xld", (4, 5, 26)),
                         ("kntc", (3,)), ("topics", (1, 2, 3, 4, 5, 7))):
        for no in cells:
            assert year.table(table).cell("tong", no) == sum(
                r.table(table).cell("tong", no) for r in parts), (table, no)


def test_on_time_agrees_with_the_deadline_engine(demo):
    """The SQL reads the cached due date of each case's current resolution; the deadline
    engine, replaying each case up to its decision, must judge every decision the same."""
    period = parse_period("2025-12-15..2026-11-20")
    report = build_report(demo, period, now=DEMO_NOW)
    late = {r.id for r in explain(demo, period, "kntc:tong:8", now=DEMO_NOW, report=report)
            .records}
    on_time = {r.id for r in explain(demo, period, "kntc:tong:7", now=DEMO_NOW, report=report)
               .records}
    assert late and on_time
    # explain lists acceptances; map each to the decision that ended it.
    ended = {}
    for accept_id in late | on_time:
        ended[accept_id] = demo.execute(
            "SELECT x.id, x.occurred_on FROM case_events a JOIN case_events x"
            " ON x.case_id = a.case_id AND x.id > a.id AND x.action IN ('decide', 'withdraw',"
            " 'merge') WHERE a.id = ? ORDER BY x.id LIMIT 1", [accept_id]).fetchone()
    due = resolution_due(demo, scope_of(demo), period)
    for accept_id, (decision, day) in ended.items():
        engine_late = due[decision] is not None and date.fromisoformat(day) > due[decision]
        assert engine_late == (accept_id in late), accept_id
    reopened = demo.execute("SELECT COUNT(*) FROM case_events WHERE action = 'reopen'"
                            " AND occurred_on BETWEEN ? AND ?",
                            [period.start.isoformat(), period.end.isoformat()]).fetchone()[0]
    assert reopened > 0  # decisions a second complaint followed (first_resolution_due_on)
