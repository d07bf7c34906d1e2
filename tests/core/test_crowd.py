"""Crowd representatives (Law on Citizen Reception art. 30): check_crowd counts the presenter as one."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.model import PetitionKind, Sex
from desk_app.core.reception.intake import CROWD_MIN, check_crowd
from tests.support import counts, part, person, register

ALLOWED = [(1, 1), (2, 1), (4, 1), (5, 1), (5, 2), (10, 1), (10, 2), (11, 1), (11, 5), (30, 5)]
REFUSED = [
    (0, 0, messages.CROWD_SIZE.format(value=0)),
    (-3, 1, messages.CROWD_SIZE.format(value=-3)),
    (1, 2, messages.CROWD_REPS_TOO_MANY.format(reps=2, size=1)),
    (3, 4, messages.CROWD_REPS_TOO_MANY.format(reps=4, size=3)),
    (4, 2, messages.REPS_WITHOUT_CROWD.format(size=4)),
    (4, 4, messages.REPS_WITHOUT_CROWD.format(size=4)),
    (5, 0, messages.CROWD_NEEDS_REPS.format(size=5)),
    (5, 3, messages.CROWD_REPS_5_10.format(size=5, reps=3)),
    (5, 5, messages.CROWD_REPS_5_10.format(size=5, reps=5)),
    (10, 3, messages.CROWD_REPS_5_10.format(size=10, reps=3)),
    (11, 0, messages.CROWD_NEEDS_REPS.format(size=11)),
    (11, 6, messages.CROWD_REPS_OVER_10.format(size=11, reps=6)),
    (40, 6, messages.CROWD_REPS_OVER_10.format(size=40, reps=6)),
]


def test_crowd_threshold_is_five():
    assert CROWD_MIN == 5


@pytest.mark.parametrize(("size", "reps"), ALLOWED)
def test_allowed_representation(size, reps):
    assert check_crowd(size, reps) is None


@pytest.mark.parametrize(("size", "reps", "expected"), REFUSED)
def test_refused_representation(size, reps, expected):
    with pytest.raises(DeskError) as caught:
        check_crowd(size, reps)
    assert caught.value.message == expected
    assert caught.value.field in ("crowd_size", "representatives")


@pytest.mark.parametrize("size", [4, 5, 10, 11])
def test_boundaries_most_representatives(size):
    """Up to the limit is accepted and one more is refused, at each boundary of art. 30."""
    most = 1 if size < 5 else 2 if size <= 10 else 5
    check_crowd(size, most)
    with pytest.raises(DeskError):
        check_crowd(size, most + 1)
    if size >= 5:
        with pytest.raises(DeskError):
            check_crowd(size, 0)


def _reps(n):
    return tuple(person(f"Trần Văn {given}", dob=date(1960 + i, 1, 1), serial=2000 + i)
                 for i, given in enumerate(("An", "Bình", "Cường", "Dũng", "Hải", "Long")[:n]))


@pytest.mark.parametrize(("size", "extra"), [(5, 1), (10, 1), (11, 4), (12, 0)])
def test_crowd_visit_records_its_representatives(db, size, extra):
    reps = _reps(extra)
    registered = register(db, crowd_size=size, representatives=reps)
    rows = db.execute(
        "SELECT vr.ord, p.full_name, p.id_number FROM visit_representatives vr"
        " JOIN persons p ON p.id = vr.person_id WHERE vr.visit_id = ? ORDER BY vr.ord",
        [registered.visit_id]).fetchall()
    assert [(r[1], r[2]) for r in rows] == [(p.full_name, p.id_number) for p in reps]
    assert [r[0] for r in rows] == list(range(1, extra + 1))
    visit = db.execute("SELECT crowd_size FROM visits WHERE id = ?", [registered.visit_id])
    assert visit.fetchone()[0] == size
    signatories = db.execute("SELECT signatories FROM petitions WHERE visit_id = ?",
                             [registered.visit_id]).fetchone()[0]
    assert signatories == size


@pytest.mark.parametrize(("size", "extra"), [(5, 2), (10, 2), (11, 5), (4, 1)])
def test_crowd_visit_with_too_many_representatives_is_refused(db, size, extra):
    before = counts(db)
    with pytest.raises(DeskError):
        register(db, crowd_size=size, representatives=_reps(extra))
    assert counts(db) == before
    assert before["visits"] == 0


def test_presenting_person_with_female_representative(db):
    rep = person("Lê Thị Hoa", dob=date(2001, 5, 6), sex=Sex.NU, serial=42)
    registered = register(db, crowd_size=7, representatives=(rep,))
    assert registered.visit_id
    assert counts(db)["persons"] == 2


def test_case_page_lists_a_crowd_s_representatives_and_flags_it(db):
    from desk_app.core.cases.view import case_detail

    reps = _reps(4)  # with the presenter: 5, the most a crowd of more than 10 may send
    registered = register(db, crowd_size=12, representatives=reps)
    detail = case_detail(db, registered.case_ids[0], date(2026, 11, 20))
    assert detail.representatives == tuple(f"{p.full_name} ({p.id_number})" for p in reps)
    assert "Đông người" in detail.flags
    denounced = register(db, crowd_size=8, representatives=_reps(1),
                         parts=(part(kind=PetitionKind.TO_CAO,
                                     summary="Tố cáo sai phạm trong quản lý đất công"),))
    hidden = case_detail(db, denounced.case_ids[0], date(2026, 11, 20))
    assert hidden.representatives == ("•••",) and hidden.masked
