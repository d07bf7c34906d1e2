"""Province totals (docs/reports.md, “Province mode”): the province's report from imported bundles equals, cell by
cell, the sum of the wards' own reports for the same period; each ward's rows equal that
ward's own report."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.core.bundle import province, service
from desk_app.core.reports.engine import TOTAL, build_report
from desk_app.core.reports.periods import parse_period
from desk_app.core.reports.scope import scope_of
from tests.core.bundle.helpers import NOW

REPORT_NOW = datetime(2026, 12, 20, 9, 0)
# The head's sessions table counts weeks on the database's own calendar and its own head
# officer: per ward, not from imported rows yet (docs/bundle.md, “What is not done”).
TABLES = ("tcd", "xld", "kntc", "topics", "areas")


@pytest.mark.parametrize("period", ["2026-Q4", "2026"])
def test_province_totals_equal_the_sum_of_the_wards(offices, tmp_path, period):
    prov = offices.province()
    wards = [offices.ward("w1", 9253, visits=80, seed=3), offices.ward("w2", 9295, visits=60, seed=4),
             offices.ward("w3", 9325, visits=40, seed=5)]
    for i, ward in enumerate(wards):
        offices.exchange(ward, prov)
        out = service.export_bundle(ward, tmp_path / f"w{i}.dtcd", now=NOW)
        [done] = service.import_bundles(prov, [out.path], now=NOW)
        assert done.applied
    assert scope_of(prov).office_column == "office_code"
    p = parse_period(period)
    total = build_report(prov, p, now=REPORT_NOW, tables=TABLES)
    assert total.failures == ()
    own = [build_report(w, p, now=REPORT_NOW, tables=TABLES) for w in wards]
    codes = [w.execute("SELECT office_code FROM office").fetchone()[0] for w in wards]
    checked = 0
    for table in TABLES:
        t = total.table(table)
        for col in t.layout.columns:
            parts = [o.table(table).cell(TOTAL, col.no) for o in own]
            assert t.cell(TOTAL, col.no) == sum(parts), (table, col.no)
            checked += 1
            if table in ("tcd", "kntc"):  # rows per ward: each equals the ward's own
                rows = {r.key: r for r in t.rows}
                for code, value in zip(codes, parts, strict=True):
                    key = code if table == "tcd" else f"{code}/{TOTAL}"
                    # a ward with nothing to count in a table has no row there
                    shown = rows[key].values[col.no] if key in rows else 0
                    assert shown == value, (table, code, col.no)
    assert checked > 40
    assert total.table("tcd").cell(TOTAL, 1) > 0  # the period holds visits


def test_consolidated_search_and_cross_ward_duplicates(offices, tmp_path):
    from tests.support import register

    prov = offices.province()
    w1, w2 = offices.ward("w1", 9253, visits=0), offices.ward("w2", 9295, visits=0)
    for ward in (w1, w2):  # the same citizen, with the same petition, at two wards
        register(ward)
    for i, ward in enumerate((w1, w2)):
        offices.exchange(ward, prov)
        out = service.export_bundle(ward, tmp_path / f"d{i}.dtcd", now=NOW)
        service.import_bundles(prov, [out.path], now=NOW)
    hits = province.search_cases(prov, "dang van dung")
    assert sorted(h.office_code for h in hits) == ["24-09253", "24-09295"]
    assert {h.person for h in hits} == {"Đặng Văn Dũng"}
    found = {d.kind: d for d in province.duplicates(prov)}
    assert found["person"].offices == ("24-09253", "24-09295")
    assert found["person"].label == "Đặng Văn Dũng"
    assert found["content"].offices == ("24-09253", "24-09295")
    assert len(found["content"].case_ids) == 2
