"""What a report counts: a visit cancelled as an entry made in error (and a case cancelled with
it) counts nowhere; and in a database holding
several offices' records, every table splits by office and the total is the sum of the
offices' own reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.core.reception.corrections import cancel_visit
from desk_app.core.reports.engine import TOTAL, build_report
from desk_app.core.reports.explain import explain
from desk_app.core.reports.periods import parse_period
from desk_app.core.reports.scope import Scope, scope_of
from tests.core.reports.conftest import REPORT_NOW

Q4 = parse_period("2026-Q4")


def test_cancelled_visits_count_nowhere(office):
    """A visit cancelled as an entry made in error (desk-app cancel-visit, the log's menu)
    keeps its log number but counts in no table; its case ends as cancelled with it."""
    ids = office.ids
    assert scope_of(office).visits_cancellable  # visits.cancelled_at (0008) is detected
    before = build_report(office, Q4, now=REPORT_NOW)
    cancel_visit(office, ids["V5"], "Ghi sổ nhầm", officer_id=None,
                 now=datetime(2026, 11, 30, 10, 0))
    assert office.execute("SELECT status FROM cases WHERE id = ?",
                          [ids["C5"]]).fetchone() == ("cancelled",)
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


def test_a_later_visit_under_new_details_leaves_a_reported_period_alone(office):
    """A visit keeps the identity recorded that day (0008): when the same ID number comes back
    under another name and address, the quarter's areas and record lists do not change."""
    from desk_app.core.model import PetitionKind, PetitionPart
    from desk_app.core.reception.intake import register_visit
    from tests.core.reports.conftest import KINH_BAC
    from tests.support import form, person

    ids = office.ids
    before = build_report(office, Q4, now=REPORT_NOW)
    moved = person("Đặng Văn Ân", serial=1, commune_code=KINH_BAC)  # A's ID number
    register_visit(office, form(moved, received_at=datetime(2026, 12, 16, 9, 0), parts=(
        PetitionPart(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị lại về thửa đất"),)),
        datetime(2026, 12, 16, 17, 0))
    assert office.execute("SELECT commune_code FROM persons p JOIN visits v"
                          " ON v.person_id = p.id WHERE v.id = ?",
                          [ids["V10"]]).fetchone() == (KINH_BAC,)  # the person moved
    after = build_report(office, Q4, now=REPORT_NOW)
    for table in before.tables:
        for row in table.rows:
            for no, value in row.values.items():
                assert after.table(table.layout.id).cell(row.key, no) == value, (
                    table.layout.id, row.key, no)
    v10 = next(r for r in explain(office, Q4, "tcd:tong:1", now=REPORT_NOW).records
               if r.id == str(ids["V10"]))
    assert "Đặng Văn An" in v10.text and "Ân" not in v10.text


def test_a_letter_is_a_petition_not_a_reception(office):
    """A petition received by post (docs/channels.md) counts in the petition tables, with its
    channel as a dimension, and in none of the reception tables."""
    from datetime import date

    from desk_app.core.model import Channel, IdKind
    from desk_app.core.reports.engine import Context
    from desk_app.core.reports.measures import MEASURES
    from tests.support import form, person

    before = build_report(office, Q4, now=REPORT_NOW)
    writer = person(full_name="Ngô Thị Bưởi", id_kind=IdKind.KHONG, id_number="",
                    date_of_birth=None, sex=None, address="Thôn Khúc Toại")
    from desk_app.core.reception.intake import register_visit

    register_visit(office, form(writer, received_at=datetime(2026, 11, 18, 8, 0),
                                channel=Channel.BUU_CHINH, mailed_on=date(2026, 11, 16),
                                officer_id=None),
                   datetime(2026, 11, 18, 9, 0))
    after = build_report(office, Q4, now=REPORT_NOW)
    assert after.failures == ()
    assert after.table("tcd").cell(TOTAL, 1) == before.table("tcd").cell(TOTAL, 1)
    assert after.table("xld").cell(TOTAL, 1) == before.table("xld").cell(TOTAL, 1) + 1
    ctx = Context(office, Q4, scope_of(office), REPORT_NOW)
    petitions = MEASURES["petitions"]
    assert ctx.value(petitions, {"channel": "buu_chinh"}, False) == 1
    assert ctx.value(petitions, {"channel": "truc_tiep"}, False) == ctx.value(
        petitions, {}, False) - 1
    assert sum(g[-2] for g in ctx.groups(MEASURES["visits"])) == before.table("tcd").cell(
        TOTAL, 1)  # the visits measure: receptions only


def test_a_referral_to_the_mediation_team_is_handled_as_a_guidance(office):
    """Step 0016 keeps `mediate` in cases.first_outcome: the XLĐ table counts the petition as
    handled (guided outside the office), not as waiting."""
    from desk_app.core.model import Outcome
    from desk_app.core.reception.intake import register_visit
    from desk_app.core.reports.engine import Context
    from desk_app.core.reports.measures import MEASURES
    from tests.support import form, part

    ctx = Context(office, Q4, scope_of(office), REPORT_NOW)
    guided = ctx.value(MEASURES["petitions"], {"result": "guided"}, False)
    reg = register_visit(office, form(parts=(part(summary="Tranh chấp lối đi chung"),),
                                      received_at=datetime(2026, 11, 18, 8, 0),
                                      outcome=Outcome.MEDIATION,
                                      outcome_body="Tổ hòa giải thôn Đông"),
                         datetime(2026, 11, 18, 9, 0))
    assert office.execute("SELECT first_outcome, first_outcome_on FROM cases WHERE id = ?",
                          reg.case_ids).fetchone() == ("mediate", "2026-11-18")
    ctx = Context(office, Q4, scope_of(office), REPORT_NOW)
    assert ctx.value(MEASURES["petitions"], {"result": "guided"}, False) == guided + 1
    assert build_report(office, Q4, now=REPORT_NOW).failures == ()
