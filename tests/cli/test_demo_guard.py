"""`demo` never writes generated visits into a real office, and a seed is used once."""

from __future__ import annotations

import json

import pytest

from desk_app import messages, paths
from desk_app.core.demo.generate import DEMO_SEEDS, check_demo_target, generate
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from tests.support import connect, snapshot


def _snapshot(data_dir):
    path = paths.db_path(data_dir, create=False)
    with connect(path, immutable=True) as conn:
        return snapshot(conn)


def test_demo_refuses_a_real_office(cli, office, data_dir):
    before = _snapshot(data_dir)
    done = cli("demo", "--visits", "50")
    assert done.code == 1 and done.out == ""
    assert done.err == messages.DEMO_REAL_OFFICE.format(
        path=data_dir, office="Ủy ban nhân dân phường Nhân Hòa") + "\n"
    assert _snapshot(data_dir) == before


def test_demo_twice_with_one_seed_says_so_and_another_seed_adds(cli, data_dir):
    assert cli("demo", "--visits", "40", "--seed", "9").code == 0
    before = _snapshot(data_dir)
    done = cli("demo", "--visits", "40", "--seed", "9")
    assert (done.code, done.err) == (1, messages.DEMO_SEED_USED.format(seed=9) + "\n")
    assert _snapshot(data_dir) == before
    more = cli("--json", "demo", "--visits", "25", "--seed", "10")
    assert more.code == 0, more.err
    assert json.loads(more.out) == {"visits": 65}
    with connect(paths.db_path(data_dir)) as conn:
        assert json.loads(conn.execute("SELECT value FROM meta WHERE key = ?",
                                       [DEMO_SEEDS]).fetchone()[0]) == [9, 10]


def test_a_demo_office_is_marked_when_it_is_made(tmp_path):
    db = open_db(tmp_path / "desk.sqlite3")
    generate(db, 30, seed=2)
    check_demo_target(db, tmp_path, 3)  # another seed: allowed
    with pytest.raises(DeskError) as caught:
        check_demo_target(db, tmp_path, 2)
    assert caught.value.message == messages.DEMO_SEED_USED.format(seed=2)
    db.close()
