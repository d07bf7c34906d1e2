"""What a report counts: a visit cancelled as an entry made in error (and a case cancelled with
it) counts nowhere, as soon as the database has the column for it; and in a database holding
several offices' records, every table splits by office and the total is the sum of the
offices' own reports."""

from __future__ import annotations

import pytest

from desk_app.core.reports.engine import TOTAL, build_report
from desk_app.core.reports.explain import explain
from desk_app.core.reports.periods import parse_period
from desk_app.core.reports.scope import Scope, scope_of
from tests.core.reports.conftest import REPORT_NOW

Q4 = parse_period("2026-Q4")


def _cancel(db, visit_id: int, case_ids=()) -> None:
    """What "cancel an entry made in error" leaves (its own branch adds the column and the
    'cancelled' case status)."""
    with db.atomic():
        if "cancelled_at" not in {r[1] for r in db.execute("PRAGMA table_info(visits)")}:
            db.execute("ALTER TABLE visits ADD COLUMN cancelled_at TEXT")
        db.execute("UPDATE visits SET cancelled_at = '2026-11-30T10:00:00' WHERE id = ?",
                   [visit_id])
        for case_id in case_ids:
            db.execute("UPDATE cases SET status = 'cancelled', is_open = 0 WHERE id = ?",
                       [case_id])


def test_cancelled_visits_count_nowhere(office):
    ids = office.ids
    before = build_report(office, Q4, now=REPORT_NOW)
    assert scope_of(office).visits_cancellable is False
    _cancel(office, ids["V5"], [ids["C5"]])
    assert scope_of(office).visits_cancellable is True
    after = build_report(office, Q4, now=REPORT_NOW)
    assert after.failures == ()
    # V5: one regular visit of one person from Nhân Hòa, transferred; its feedback (answered
    # before by the ward: "resolved once"), case C5 and the reply to the transfer.
    less = {"tcd:tong:" + n for n in ("1", "2", "3", "5", "9", "10", "19")}
    less |= {"xld:tong:" + n for n in ("1", "4", "6", "9", "10", "13", "14", "22", "24", "26")}
    less |= {"topics:trat_tu_xay_dung:1", "topics:trat_tu_xay_dung:5", "topics:tong:1",
             "topics:tong:5"}
    less |= {"areas:9253:" + n for n in ("1", "2", "4", "7")} | {
        "areas:tong:" + n for n in ("1", "2", "4", "7")}
    seen = set()
    for table in before.tables:
        for row in table.rows:
            for no, value in row.values.items():
                cell = f"{table.layout.id}:{row.key}:{no}"
                expected = value - (cell in less)
                assert after.table(table.layout.id).cell(row.key, no) == expected, cell
                seen.add(cell)
    assert less <= seen
    found = explain(office, Q4, "tcd:tong:1", now=REPORT_NOW).records
    assert str(ids["V5"]) not in {r.id for r in found}


def _two_offices(db) -> Scope:
    """Records of two wards in one database: V2–V5 and their cases belong to ward B."""
    ids = db.ids
    ward_b = [ids[k] for k in ("V2", "V3", "V4", "V5")]
    cases_b = [ids[k] for k in ("C2", "C3", "C4", "C5")]
    with db.atomic():
        for table in ("visits", "cases", "sessions"):
            db.execute(f"ALTER TABLE {table} ADD COLUMN office_code TEXT")
            db.execute(f"UPDATE {table} SET office_code = 'A'")
        db.execute(f"UPDATE visits SET office_code = 'B' WHERE id IN ({','.join('?' * 4)})",
                   ward_b)
        db.execute(f"UPDATE cases SET office_code = 'B' WHERE id IN ({','.join('?' * 4)})",
                   cases_b)
        db.execute("UPDATE sessions SET office_code = 'B' WHERE id = ?", [ids["S1"]])
    return Scope(office_code="A", office_column="office_code")


def test_province_totals_are_the_sum_of_the_wards(office):
    scope = _two_offices(office)
    single = build_report(office, Q4, now=REPORT_NOW)  # the ward's own view: everything
    province = build_report(office, Q4, now=REPORT_NOW, scope=scope)
    assert province.failures == ()
    ward_a, ward_b = (build_report(office, Q4, now=REPORT_NOW, scope=Scope(
        "A", office_column="office_code", offices=(code,))) for code in ("A", "B"))
    tcd = province.table("tcd")
    assert [r.key for r in tcd.rows] == ["A", "B", TOTAL]
    assert tcd.cell("B", 1) == 4 and tcd.cell("A", 1) == 5
    for table in ("tcd", "xld", "topics", "areas"):
        for no in (c.no for c in province.table(table).layout.columns):
            total = province.table(table).cell(TOTAL, no)
            assert total == single.table(table).cell(TOTAL, no), (table, no)
            assert total == (ward_a.table(table).cell(TOTAL, no)
                             + ward_b.table(table).cell(TOTAL, no)), (table, no)
    kntc = province.table("kntc")
    assert [r.key for r in kntc.rows] == ["A/khieu_nai", "A/to_cao", "A/tong", "B/khieu_nai",
                                          "B/to_cao", "B/tong", "khieu_nai", "to_cao", TOTAL]
    for no in range(1, 11):
        assert kntc.cell(TOTAL, no) == kntc.cell("A/tong", no) + kntc.cell("B/tong", no)
    assert kntc.cell("B/to_cao", 1) == 1  # C3


@pytest.mark.parametrize(("macro", "ward", "province"), [
    ("LIVE_VISIT(v)", "1", "v.cancelled_at IS NULL"),
    ("LIVE_CASE(c)", "c.status <> 'cancelled'", "c.status <> 'cancelled'"),
    ("OFFICE(v)", ":office", "v.office_code"),
])
def test_scope_macros(macro, ward, province):
    assert Scope("24-9253").expand(f"SELECT {macro}") == f"SELECT {ward}"
    assert Scope("24", visits_cancellable=True, office_column="office_code").expand(
        f"SELECT {macro}") == f"SELECT {province}"
