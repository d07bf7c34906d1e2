"""Every cell of every table for the fourth quarter of 2026 (15/09–14/12), counted by hand from
the office in conftest.py:

In the quarter: V2 (15/09) … V7 (14/12), i.e. V2 V3 V4 V5 V6 V9 V10 V11 V7; not V1 (14/09),
V0 (June) or V8 (15/12).
- Reception: 9 visits; 14 people (V4 is a crowd of 6); cases C1 (V10 joined it; opened 14/09,
  so "cũ"), C2 C3 C4 C5 C6a C6b C7 C11 ("mới"); V4 at the chairperson's session, V7 ad hoc,
  the rest regular; outcomes: V4 guided, V5 transferred, V9 refused, six accepted.
- Petitions: carried over P1 (received 14/09, accepted 16/09); new P2 P3 P4 (6 signatories)
  P5 P6a P6b P7 P10 P11. Processed: P1 P2 P3 P10 P11 accepted, P4 guided, P5 transferred, P6a
  filed; waiting: P6b P7. P5 names a body that already answered it (resolved once); P10 came
  when C1 was being resolved (in progress). One reply (C5, 30/10).
- To resolve: complaint C0 (accepted 12/06, carried, decided 01/12: late), C2 first (accepted
  18/09, decided 10/10: on time, due 19/10) and second (accepted 03/11, decided 25/11: on time,
  due 18/12), C11 (accepted 04/12, pending); denunciation C3 (accepted 05/10, decided 20/11:
  late, due 04/11).
- Sessions: 14 weeks with working days; covered by the head's periodic sessions: 05/10 (held),
  02/11 and 07/12 (planned, never recorded): 11 missed. Periodic sessions planned with the
  head: S1 held, S2 postponed, S2b held by the deputy, S3 cancelled, S4 S5 not recorded; S6
  ad hoc held by the head; one citizen (V4) at S1.
"""

from __future__ import annotations

import pytest

from desk_app.core.reports.engine import build_report
from desk_app.core.reports.periods import parse_period
from tests.core.reports.conftest import REPORT_NOW

EXPECTED = {
    "tcd": {"tong": [9, 14, 9, 1, 8, 1, 6, 1, 7, 7, 1, 6, 1, 1, 0, 0, 6, 1, 1, 1]},
    "xld": {"tong": [10, 1, 0, 8, 1, 8, 2, 1, 7, 6, 2, 1, 4, 1, 0, 1, 5, 5, 2, 1, 2, 2, 1, 1, 0,
                     1]},
    "kntc": {"khieu_nai": [4, 1, 3, 3, 2, 1, 2, 1, 0, 1],
             "to_cao": [1, 0, 1, 1, 1, 0, 0, 1, 0, 0],
             "tong": [5, 1, 4, 4, 3, 1, 2, 2, 0, 1]},
    "sessions": {"tong": [14, 11, 6, 1, 1, 1, 1, 2, 0, 1, 1]},
    "topics": {"dat_dai": [4, 2, 0, 2, 0, 0, 1, 4],
               "boi_thuong_gpmb": [1, 1, 0, 0, 0, 0, 2, 0],
               "trat_tu_xay_dung": [1, 0, 0, 0, 1, 0, 0, 0],
               "moi_truong": [1, 0, 0, 1, 0, 1, 0, 0],
               "chinh_sach_xa_hoi": [1, 0, 0, 1, 0, 0, 0, 1],
               "tham_nhung": [1, 0, 1, 0, 0, 0, 1, 1],
               "tong": [9, 3, 1, 4, 1, 1, 4, 6]},
    "areas": {"9187": [3, 3, 0, 4, 2, 1, 1],
              "9253": [5, 5, 0, 4, 1, 0, 3],
              "none": [1, 6, 1, 1, 0, 0, 1],
              "tong": [9, 14, 1, 9, 3, 1, 5]},
}


@pytest.fixture
def report(office):
    return build_report(office, parse_period("2026-Q4"), now=REPORT_NOW)


@pytest.mark.parametrize("table_id", list(EXPECTED))
def test_every_cell_of_the_quarter(report, table_id):
    table = report.table(table_id)
    numbers = [c.no for c in table.layout.columns]
    assert numbers == list(range(1, len(numbers) + 1))
    for key, values in EXPECTED[table_id].items():
        assert [table.cell(key, no) for no in numbers] == values, (table_id, key)
    # Rows not listed (topics with nothing, …) are all zero.
    for row in table.rows:
        if row.key not in EXPECTED[table_id]:
            assert set(row.values.values()) == {0}, (table_id, row.key)


def test_rows_and_labels(report):
    assert [r.key for r in report.table("kntc").rows] == ["khieu_nai", "to_cao", "tong"]
    assert [(r.key, r.label) for r in report.table("areas").rows] == [
        ("9187", "Phường Kinh Bắc"), ("9253", "Phường Nhân Hòa"),
        ("none", "Chưa xác định địa bàn"), ("tong", "Tổng cộng")]
    # The reception table's single row is the office itself (a province lists its wards).
    assert [(r.key, r.label) for r in report.table("tcd").rows] == [
        ("tong", "Ủy ban nhân dân phường Nhân Hòa")]
    topics = [r.key for r in report.table("topics").rows]
    assert topics[0] == "dat_dai" and topics[-1] == "tong" and len(topics) == 16


def test_no_identity_fails_and_the_text_figures_are_cells(report):
    assert report.failures == ()
    s = report.summary
    assert (s["visits"], s["persons"], s["cases"], s["crowds"]) == (9, 14, 9, 1)
    assert (s["petitions"], s["carried"], s["new"], s["processed"], s["eligible"]) == (
        10, 1, 9, 8, 7)
    assert (s["to_resolve"], s["resolved"], s["on_time"], s["late"], s["in_progress"]) == (
        5, 4, 2, 2, 1)
    assert (s["weeks"], s["weeks_missed"], s["head_sessions"]) == (14, 11, 1)


def test_charts_come_from_the_same_records(report):
    charts = report.charts
    by_month = {m["month"]: m["values"] for m in charts["by_month"]}
    # Calendar months of the quarter: 15/09–30/09 … 01/12–14/12; kinds KN, TC, KNg, PA.
    assert by_month == {"2026-09": [1, 0, 0, 0], "2026-10": [1, 1, 2, 1],
                        "2026-11": [0, 0, 1, 0], "2026-12": [1, 0, 1, 0]}
    assert sum(sum(v) for v in by_month.values()) == report.cell("xld:tong:4") + report.cell(
        "xld:tong:5")
    assert [(k["code"], k["value"]) for k in charts["by_kind"]] == [
        ("khieu_nai", 3), ("to_cao", 1), ("kien_nghi", 4), ("phan_anh", 1)]
    assert charts["by_topic"][0] == {"code": "dat_dai", "label": "Đất đai", "value": 4}
    assert {r["code"]: r["value"] for r in charts["resolution"]} == {
        "on_time": 2, "late": 2, "in_progress": 1, "stopped": 0}
