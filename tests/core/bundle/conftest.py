"""The bundle tests' offices (helpers.py)."""

import pytest

from tests.core.bundle.helpers import Offices


@pytest.fixture
def offices(tmp_path, schema_template):
    made = Offices(tmp_path, schema_template)
    yield made
    made.close()
