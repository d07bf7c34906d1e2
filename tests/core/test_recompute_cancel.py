"""A holiday edit recomputes the open cases it can move, a remote-area change every case;
cancelling it part way leaves the database as it was, and the office's details change only
with a valid name."""

import pytest

from desk_app import messages
from desk_app.core.cases.office_calendar import remove_day, set_day
from desk_app.core.cases.tracking import recompute_all
from desk_app.core.demo.generate import generate
from desk_app.core.errors import Cancelled, DeskError
from desk_app.core.storage.office import get_office, update_office
from tests.support import snapshot


@pytest.fixture
def busy_db(db):
    generate(db, 150, seed=11)
    return db


def test_a_cancelled_holiday_edit_changes_nothing(busy_db):
    from datetime import date

    before = snapshot(busy_db)
    seen = []

    def progress(done, total):
        seen.append((done, total))

    with pytest.raises(Cancelled):
        set_day(busy_db, date(2026, 12, 15), "holiday", "Nghỉ theo Quyết định số 1/QĐ-UBND",
                progress=progress, cancel=lambda: True)
    assert snapshot(busy_db) == before
    assert seen == []  # stopped before the end: no "done" reported


def test_a_holiday_edit_reports_progress_and_can_be_undone(busy_db):
    from datetime import date

    from desk_app.core.cases.recompute import moved_by_day

    seen = []
    moved = moved_by_day(busy_db, date(2026, 12, 15))
    set_day(busy_db, date(2026, 12, 15), "holiday", "QĐ 1", progress=lambda d, t: seen.append(d))
    assert seen and seen[-1] == len(moved)  # the open cases the day can move (cases/recompute.py)
    with pytest.raises(Cancelled):
        remove_day(busy_db, date(2026, 12, 15), cancel=lambda: True)
    assert busy_db.execute("SELECT COUNT(*) FROM calendar_days").fetchone()[0] == 1


def test_recompute_in_batches_reports_each(busy_db):
    seen = []
    recompute_all(busy_db, progress=lambda d, t: seen.append((d, t)), batch=40)
    total = busy_db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == total and len(done) == -(-total // 40)
    assert {t for _, t in seen} == {total}


def test_office_details_change_and_say_when_deadlines_move(db):
    assert update_office(db, name="Ủy ban nhân dân phường Nhân Hòa", parent_name="UBND tỉnh Bắc Ninh",
                         remote_area=False) is False
    assert update_office(db, name=" Ủy ban  nhân dân phường Nhân Hòa ",
                         parent_name="Ủy ban nhân dân tỉnh Bắc Ninh", remote_area=True) is True
    office = get_office(db)
    assert (office.name, office.parent_name, office.remote_area) == (
        "Ủy ban nhân dân phường Nhân Hòa", "Ủy ban nhân dân tỉnh Bắc Ninh", True)


@pytest.mark.parametrize("name, parent, message", [
    ("  ", "Ủy ban nhân dân tỉnh Bắc Ninh", messages.OFFICE_NAME_REQUIRED),
    ("Ủy ban nhân dân phường Nhân Hòa", "", messages.OFFICE_PARENT_REQUIRED),
])
def test_office_details_refused_without_a_name(db, name, parent, message):
    before = snapshot(db)
    with pytest.raises(DeskError) as err:
        update_office(db, name=name, parent_name=parent, remote_area=True)
    assert err.value.message == message
    assert snapshot(db) == before


def test_an_officer_needs_a_name(db):
    from desk_app.core.storage.office import add_officer

    before = snapshot(db)
    with pytest.raises(DeskError) as err:
        add_officer(db, "   ", "Công chức")
    assert err.value.message == messages.OFFICER_NAME_REQUIRED
    assert snapshot(db) == before
