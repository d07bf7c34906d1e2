import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desk_app.core.opening import open_db  # noqa: E402
from desk_app.core.storage.office import init_office  # noqa: E402

NOW = datetime(2026, 11, 20, 15, 0, 0)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite3"


@pytest.fixture(scope="session")
def schema_template(tmp_path_factory):
    """A database brought through every migration once per session; tests copy the file
    (the migration paths themselves are tested in tests/core/test_migrations.py)."""
    path = tmp_path_factory.mktemp("template") / "desk.sqlite3"
    open_db(path).close()
    return path


@pytest.fixture
def db(db_path, schema_template):
    shutil.copyfile(schema_template, db_path)
    database = open_db(db_path)
    init_office(database, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),
                                              ("Lê Văn Dũng", "Chủ tịch")))
    yield database
    database.close()
