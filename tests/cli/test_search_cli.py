"""desk-app search pages (docs/cli.md): --limit is capped, --page goes on where a page ended."""

from __future__ import annotations

import json

import pytest

from desk_app import messages
from desk_app.core.reception.search import PAGE


@pytest.fixture
def demo(cli):
    assert cli("demo", "--visits", "300", "--seed", "4").code == 0


def _ids(done) -> list[int]:
    assert done.code == 0, done.err
    return [r["petition_id"] for r in json.loads(done.out)]


def test_pages_follow_each_other(cli, demo):
    everything = _ids(cli("--json", "search", "nguyen", "--limit", str(PAGE)))
    assert 20 < len(everything) < PAGE
    paged = []
    for page in range(1, 100):
        ids = _ids(cli("--json", "search", "nguyen", "--limit", "20", "--page", str(page)))
        if not ids:
            break
        paged += ids
    assert paged == everything


def test_plain_output_says_which_page_comes_next(cli, demo):
    first = cli("search", "nguyen", "--limit", "3")
    assert first.code == 0
    lines = first.out.strip().splitlines()
    assert len(lines) == 4 and lines[-1] == messages.SEARCH_MORE.format(page=2)
    beyond = cli("search", "nguyen", "--limit", str(PAGE), "--page", "9")
    assert beyond.out.strip() == messages.SEARCH_PAGE_EMPTY.format(page=9)


@pytest.mark.parametrize("limit", ["0", "-5", str(PAGE + 1), "1000000", str(10**20)])
def test_limit_beyond_a_page_is_refused(cli, demo, limit):
    done = cli("search", "nguyen", "--limit", limit)
    assert done.code == 1 and done.out == ""
    assert done.err == messages.SEARCH_LIMIT_RANGE.format(max=PAGE) + "\n"


@pytest.mark.parametrize("page", ["0", "-1", "10001", str(10**20)])
def test_page_out_of_range_is_refused(cli, demo, page):
    done = cli("search", "nguyen", "--page", page)
    assert done.code == 1 and done.out == ""
    assert done.err == messages.SEARCH_PAGE_RANGE.format(max="10.000") + "\n"
