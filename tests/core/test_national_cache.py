"""The national calendar of a year is kept between runs, so a command need not import
python-holidays (~0.2 s) to count working days; the cached year equals the computed one."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desk_app.core.cases import calendar, national_cache


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_APP_CACHE_DIR", str(tmp_path))

    def clear():
        for fn in (national_cache._file, national_cache._loaded, calendar._national_year):
            fn.cache_clear()

    clear()
    yield tmp_path
    clear()


def test_a_year_is_computed_once_and_read_back_the_same(fresh):
    path = str(calendar.holidays_file())
    computed = calendar._national_year_computed(2027, path)
    assert calendar._national_year(2027, path) == computed
    (stored,) = fresh.glob("national-*.json")
    assert "2027" in json.loads(stored.read_text(encoding="utf-8"))
    calendar._national_year.cache_clear()
    national_cache._loaded.cache_clear()
    assert national_cache.get(2027, path) == computed
    assert calendar._national_year(2027, path) == computed
    assert date(2027, 9, 2) in computed[0]  # Quốc khánh


def test_a_damaged_cache_is_computed_again(fresh):
    path = str(calendar.holidays_file())
    calendar._national_year(2026, path)
    (stored,) = fresh.glob("national-*.json")
    stored.write_text('{"2026": {"days": "nonsense"}}', encoding="utf-8")
    calendar._national_year.cache_clear()
    national_cache._loaded.cache_clear()
    assert national_cache.get(2026, path) is None
    assert calendar._national_year(2026, path) == calendar._national_year_computed(2026, path)


def test_another_corrections_file_has_its_own_cache(fresh, tmp_path):
    other = tmp_path / "holidays.json"
    other.write_text(json.dumps({"labels": [], "years": {"2027": {
        "holidays": {"2027-03-10": "Nghỉ riêng"}}}}), encoding="utf-8")
    assert calendar._national_year(2027, str(other))[0][date(2027, 3, 10)] == "Nghỉ riêng"
    assert date(2027, 3, 10) not in calendar._national_year(2027, str(calendar.holidays_file()))[0]
    assert len(list(fresh.glob("national-*.json"))) == 2
