"""The name the officer typed comes first, even when newer lines match its words scattered."""

from datetime import datetime

from desk_app.core.reception.search import search
from tests.support import part, person, register


def test_whole_name_ranks_before_scattered_words(db):
    register(db, person("Nguyễn Văn Dũng", serial=1), received_at=datetime(2025, 1, 6, 9, 0))
    # newer, and every word of "nguyen van dung" occurs, but not together as a name
    register(db, person("Nguyễn Quang Đạt", serial=2, address="Số 9 đường Nguyễn Văn Cừ"),
             received_at=datetime(2026, 11, 2, 9, 0),
             parts=(part(summary="Phản ánh xây dựng trái phép"),))
    names = [r.person_name for r in search(db, "nguyen van dung")]
    assert names == ["Nguyễn Văn Dũng", "Nguyễn Quang Đạt"]


def test_commune_name_is_searchable(db):
    register(db, person("Lê Thị Hoa", serial=3, address="Thôn Đông", commune_code=9253))
    assert [r.person_name for r in search(db, "nhan hoa")] == ["Lê Thị Hoa"]
