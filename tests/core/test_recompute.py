"""A calendar or target change recomputes only the open cases it can move, in batches: the
result must equal recomputing every case (cases/recompute.py)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from desk_app.core.cases import recompute
from desk_app.core.cases.office_calendar import load_calendar, office_days, remove_day, set_day
from desk_app.core.cases.recompute import save_settings
from desk_app.core.cases.tracking import recompute_all
from desk_app.core.demo.generate import generate
from desk_app.core.errors import Cancelled
from desk_app.core.opening import open_db
from desk_app.core.reception.intake import register_visit
from desk_app.core.storage.settings import get_int
from tests.support import form

END = datetime(2026, 11, 20, 15, 0)
TODAY = END.date()
CACHE = ("status", "is_open", "complexity", "instance", "flags", "due_on", "due_key",
         "waiting_since", "rule_set", "closed_on", "assignee_id", "resolution_due_on",
         "first_resolution_due_on")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A generated office with a few hundred open cases at different stages."""
    path = tmp_path_factory.mktemp("recompute") / "desk.sqlite3"
    db = open_db(path)
    generate(db, 2500, 5, end=END, years=1)
    db.close()
    return path


@pytest.fixture
def db(office, tmp_path):
    copy = tmp_path / "desk.sqlite3"
    src = sqlite3.connect(office)
    dest = sqlite3.connect(copy)
    src.backup(dest)
    src.close()
    dest.close()
    database = open_db(copy)
    yield database
    database.close()


def cache(db) -> dict[int, tuple]:
    return {r[0]: tuple(r[1:]) for r in db.execute(
        f"SELECT id, {', '.join(CACHE)} FROM cases ORDER BY id")}


def full(db) -> dict[int, tuple]:
    recompute_all(db, today=TODAY)
    return cache(db)


def open_due(db) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT due_on FROM cases WHERE is_open = 1 AND due_on IS NOT NULL ORDER BY due_on")]


def test_the_office_has_open_cases_with_due_dates_on_both_sides_of_the_edits(db):
    due = open_due(db)
    assert len(due) > 100
    assert due[0] < "2026-11-20" < due[-1]


@pytest.mark.parametrize("day, kind, moves", [
    (date(2026, 11, 25), "holiday", True),       # a weekday off, inside running periods
    (date(2026, 11, 28), "workday", True),       # a Saturday worked: due dates come earlier
    # National Day worked: before every open case's next due date, but inside the resolution
    # periods of cases decided since (their cached resolution due dates move)
    (date(2026, 9, 2), "not_holiday", True),
    (date(2027, 2, 1), "holiday", False),        # after the due dates
])
def test_an_edit_recomputes_only_what_it_can_move_and_equals_a_full_recompute(db, day, kind,
                                                                               moves):
    before = cache(db)
    moved = recompute.moved_by_day(db, day)
    seen: list[tuple[int, int]] = []
    assert set_day(db, day, kind, "Quyết định của tỉnh",
                   progress=lambda d, t: seen.append((d, t))) <= len(moved)
    after = cache(db)
    changed = {c for c in after if after[c] != before[c]}
    assert changed <= set(moved)
    assert len(moved) < len(before)
    assert after == full(db)
    assert seen[-1] == (len(moved), len(moved))
    assert db.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone() == ("0",)
    assert bool(changed) == moves
    remove_day(db, day)
    assert cache(db) == before == full(db)


def test_open_cases_opened_before_and_due_after_the_day_are_selected_and_no_others(db):
    """Open cases by their next due date; open or finished ones by the due dates of their
    resolution (periodic reports judge decisions against them)."""
    day = date(2026, 11, 10).isoformat()
    moved = set(recompute.moved_by_day(db, date.fromisoformat(day)))
    rows = db.execute("SELECT id, is_open, due_on, opened_on, resolution_due_on,"
                      " first_resolution_due_on, instance, first_outcome FROM cases").fetchall()
    suspended = {r[0] for r in db.execute("SELECT case_id FROM case_events WHERE action = 'suspend'")}
    for case_id, is_open, due, opened, resolution, first, instance, outcome in rows:
        later = (resolution or "") >= day or (first or "") >= day
        uncounted = resolution is None or (instance == 2 and first is None)
        if is_open:
            expected = (due or "") >= day or later or (
                (due is None or uncounted) and case_id in suspended)
        else:
            expected = later or (uncounted and (outcome == "accept" or instance == 2)
                                 and case_id in suspended)
        assert (case_id in moved) == bool(opened < day and expected), case_id
    assert 0 < len(moved) < len(rows) / 3
    assert any(not is_open for case_id, is_open, *_ in rows if case_id in moved)
    assert any(opened >= day for _i, is_open, _d, opened, *_ in rows if is_open)


@pytest.mark.parametrize("days", ["45", "12"])
def test_changing_the_target_for_petitions_moves_only_their_open_cases(db, days):
    before = cache(db)
    kinds = dict(db.execute("SELECT id, kind FROM cases"))
    moved = recompute.moved_by_settings(db, {"petition_target_days": ("30", days)})
    petitions = [c for c, v in before.items() if v[1] and kinds[c] in ("kien_nghi", "phan_anh")]
    open_moved = [c for c in moved if before[c][1]]
    # Every open petition caches the due date of its resolution, which is that milestone
    # (periodic reports judge decisions against it): all of them move, and no other kind.
    assert len(open_moved) > 0 and set(open_moved) <= set(petitions)
    assert {kinds[c] for c in moved} <= {"kien_nghi", "phan_anh"}
    # Finished ones only for the due date of their resolution (cached once accepted).
    assert all(before[c][11] is not None for c in moved if not before[c][1])
    assert save_settings(db, {"petition_target_days": days}) is True
    after = cache(db)
    changed = {c for c in after if after[c] != before[c]}
    assert changed and {kinds[c] for c in changed} <= {"kien_nghi", "phan_anh"}
    assert changed <= set(moved)
    assert after == full(db)
    assert save_settings(db, {"petition_target_days": days}) is False  # nothing changed


def test_cancelling_undoes_the_edit(db, monkeypatch):
    monkeypatch.setattr(recompute, "BATCH", 20)
    before = cache(db)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the first batch

    with pytest.raises(Cancelled):
        set_day(db, date(2026, 11, 25), "holiday", cancel=cancel)
    assert office_days(db) == []
    assert load_calendar(db).is_working_day(date(2026, 11, 25))
    assert cache(db) == before
    assert db.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone() == ("0",)
    with pytest.raises(Cancelled):
        save_settings(db, {"petition_target_days": "60"}, cancel=lambda: True)
    assert get_int(db, "petition_target_days") == 30
    assert cache(db) == before


def test_a_save_goes_through_between_batches(db, monkeypatch):
    """Each batch is its own transaction: another connection saves a visit in between."""
    monkeypatch.setattr(recompute, "BATCH", 20)
    other = open_db(db.conn.execute("PRAGMA database_list").fetchone()[2])
    other.conn.execute("PRAGMA busy_timeout = 0")  # would fail at once if the file were locked
    saved = []

    def progress(done: int, total: int) -> None:
        if 0 < done < total and not saved:
            saved.append(register_visit(other, form(received_at=datetime(2026, 11, 20, 9)),
                                        datetime(2026, 11, 20, 10)))

    assert len(recompute.moved_by_day(db, date(2026, 11, 25))) > 40
    set_day(db, date(2026, 11, 25), "holiday", progress=progress)
    other.close()
    assert saved and saved[0].case_ids
    assert cache(db) == full(db)


def test_an_interrupted_recompute_is_finished_at_the_next_opening(db):
    day = date(2026, 11, 25)
    with db.atomic():
        db.execute("INSERT INTO calendar_days (day, kind, label) VALUES (?, 'holiday', '')",
                   [day.isoformat()])
        recompute.mark_pending(db)  # as if the process stopped before the first batch
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.close()
    reopened = open_db(path)
    try:
        done = cache(reopened)
        assert done == full(reopened)
        assert reopened.execute(
            "SELECT value FROM meta WHERE key = 'recompute_due'").fetchone() == ("0",)
    finally:
        reopened.close()


def test_a_suspension_that_the_edit_makes_late_gives_the_case_a_due_date(tmp_path, monkeypatch):
    """A suspension on the day a period ends stops its clock (the case has no due date). A
    worked Saturday inside the period ends it a day earlier: the suspension comes too late,
    and the case is due again. Today's rules stop only calendar-day periods, compared before
    rolling, so this needs a rule set with a working-day period that stops."""
    import json
    import shutil

    from desk_app.core.cases import deadlines
    from desk_app.core.cases.tracking import record_event
    from desk_app.core.model import PetitionKind, PetitionPart
    from desk_app.core.storage.office import init_office

    rules = tmp_path / "rules"
    shutil.copytree(deadlines.rules_dir(), rules)
    path = rules / "deadlines-2026-07-01.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        if rule["key"] == "complaint_resolution":
            rule.update(days="working", period=20, pausable=True, variants=[])
            rule.pop("roll_to_working_day", None)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(deadlines, "rules_dir", lambda: rules)

    db = open_db(tmp_path / "desk.sqlite3")
    init_office(db, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    reg = register_visit(db, form(received_at=datetime(2026, 7, 1, 9), parts=(
        PetitionPart(PetitionKind.KHIEU_NAI, "dat_dai", "Khiếu nại thu hồi đất"),)),
        datetime(2026, 7, 1, 10))
    case_id = reg.case_ids[0]
    end = load_calendar(db).add_working_days(date(2026, 7, 2), 20)
    # (the suspension decision sent at once: its own 3-day milestone is met)
    for action, day in (("accept", date(2026, 7, 2)), ("suspend", end), ("send_suspension", end)):
        record_event(db, case_id, action, occurred_on=day, officer_id=1,
                     now=datetime(2026, 8, 20, 16))
    assert db.execute("SELECT status, due_on FROM cases WHERE id = ?", [case_id]).fetchone() \
        == ("suspended", None)
    saturday = date(2026, 7, 4)
    assert recompute.moved_by_day(db, saturday) == [case_id]
    set_day(db, saturday, "workday")
    earlier = load_calendar(db).add_working_days(date(2026, 7, 2), 20)
    assert earlier < end
    assert db.execute("SELECT due_on, due_key FROM cases WHERE id = ?", [case_id]).fetchone() \
        == (earlier.isoformat(), "complaint_resolution")
    assert cache(db) == full(db)
    db.close()


def test_settings_saved_without_the_cases_layer_mark_the_due_dates_stale(db):
    """storage/settings.put_many knows nothing of cases: it returns what changed and, when a
    setting that moves due dates changed, leaves the mark that makes the next opening
    recompute every case (the caller normally recomputes at once: save_settings)."""
    from desk_app.core.storage.settings import put_many

    def pending() -> str:
        return db.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone()[0]

    assert put_many(db, {"prolonged_days": "120", "petition_target_days": "30"}) == {
        "prolonged_days": ("90", "120")}
    assert pending() == "0"  # nothing that moves a due date changed
    before = cache(db)
    assert put_many(db, {"petition_target_days": "45"}) == {"petition_target_days": ("30", "45")}
    assert pending() == "1" and cache(db) == before  # not recomputed yet
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.close()
    again = open_db(path)  # the opening's job recomputes (core/opening.py)
    assert again.execute("SELECT value FROM meta WHERE key = 'recompute_due'").fetchone()[0] == "0"
    assert get_int(again, "petition_target_days") == 45
    after = cache(again)
    assert after != before and after == full(again)
    again.close()
