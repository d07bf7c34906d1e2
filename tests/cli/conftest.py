from __future__ import annotations

from dataclasses import dataclass

import pytest

from desk_app import paths
from desk_app.cli import main
from tests.support import connect


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path, monkeypatch):
    """A CLI call that forgets --data-dir must not touch the user's real office data."""
    monkeypatch.setenv("DESK_APP_DATA_DIR", str(tmp_path / "default-data-dir"))


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def cli(capsys, data_dir):
    """Run `desk-app --data-dir DATA ARGS…` in-process; returns exit code, stdout, stderr."""

    def run(*args: str, data: object = None) -> Result:
        target = data_dir if data is None else data
        code = main(["--data-dir", str(target), *map(str, args)])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def office(cli):
    done = cli("init", "--province", "24", "--commune", "9253",
               "--officer", "Nguyễn Thị Hồng Nhung:Công chức")
    assert done.code == 0, done.err
    return done


@pytest.fixture
def read_db(data_dir):
    """A plain read-only look at the data dir's database (independent of the app's code)."""

    def open_(data=None):
        return connect(paths.db_path(data or data_dir), read_only=True)

    return open_
