import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import TEST_PASSWORD, TEST_USER, copy_template  # noqa: E402

# Signing in (docs/security.md): cheap argon2id for the thousands of sign-ins of a run (the
# parameters are recorded per keyring entry, so this weakens nothing outside tests), and the
# account the CLI and subprocess tests sign in with.
os.environ["DESK_APP_TEST_FAST_KDF"] = "1"
os.environ["DESK_APP_USER"] = TEST_USER
os.environ["DESK_APP_PASSWORD"] = TEST_PASSWORD

from desk_app.core.opening import open_db  # noqa: E402
from desk_app.core.security import keyring  # noqa: E402
from desk_app.core.security.accounts import insert_account  # noqa: E402
from desk_app.core.security.roles import Role  # noqa: E402
from desk_app.core.storage import keys  # noqa: E402
from desk_app.core.storage.office import init_office  # noqa: E402

NOW = datetime(2026, 11, 20, 15, 0, 0)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite3"


@pytest.fixture(scope="session")
def schema_template(tmp_path_factory):
    """An encrypted database brought through every migration once per session, with its
    keyring; tests copy both (the migration paths themselves are tested in
    tests/core/test_migrations.py). Every test database shares this key."""
    folder = tmp_path_factory.mktemp("template")
    key, _code = keyring.create(folder, TEST_USER, TEST_PASSWORD)
    keys.unlock(folder, key)
    path = folder / "desk.sqlite3"
    database = open_db(path)
    with database.atomic():  # the account the CLI and subprocess tests sign in with
        insert_account(database, TEST_USER, Role.ADMIN, None)
    database.close()
    return path


@pytest.fixture
def test_key(schema_template) -> bytes:
    found = keys.unlocked(schema_template.parent)
    assert found is not None
    return found.key


@pytest.fixture
def db(db_path, schema_template, test_key):
    copy_template(schema_template, db_path)
    database = open_db(db_path)
    init_office(database, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),
                                              ("Lê Văn Dũng", "Chủ tịch")))
    with database.atomic():  # the test administrator records as the first officer
        database.execute("UPDATE accounts SET officer_id = 1")
    yield database
    database.close()
