"""A visit that brings a denunciation never shows who came, whichever of its lines is looked at
(Denunciation law art. 47): not in the log, not through search, not through the sort order."""

from desk_app import messages
from desk_app.core.model import PetitionKind, PetitionPart
from desk_app.core.reception.logbook import LogFilter, log_ids, log_rows
from desk_app.core.reception.records import petition_record
from desk_app.core.reception.search import search
from tests.support import person, register


def _mixed_visit(db):
    return register(db, person("Âu Dương Phong", serial=77), parts=(
        PetitionPart(PetitionKind.KIEN_NGHI, "dat_dai", "Kiến nghị cấp sổ đỏ thửa đất số 77"),
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền khi làm sổ đỏ"),
    ))


def test_every_line_of_a_denouncing_visit_is_masked(db):
    result = _mixed_visit(db)
    rows = log_rows(db, result.petition_ids)
    assert len(rows) == 2
    assert all(r.masked and r.person_name == messages.MASKED_NAME for r in rows)
    for pid in result.petition_ids:
        assert petition_record(db, pid).person_name == messages.MASKED_NAME
        assert petition_record(db, pid, reveal=True).person_name == "Âu Dương Phong"


def test_name_search_cannot_find_a_denouncing_visit(db):
    _mixed_visit(db)
    assert search(db, "au duong phong") == []
    found = search(db, "thua dat so 77")
    assert [r.person_name for r in found] == [messages.MASKED_NAME]


def test_sort_by_name_does_not_order_by_the_hidden_name(db):
    _mixed_visit(db)
    for serial, name in enumerate(("Bùi Văn An", "Vũ Văn Yên"), start=1):
        register(db, person(name, serial=serial))
    ids = log_ids(db, LogFilter(sort="name", descending=False))
    names = [r.person_name for r in log_rows(db, ids)]
    # masked lines sit together after every visible name, not where "Âu…" would sort
    assert names[:2] == ["Bùi Văn An", "Vũ Văn Yên"]
    assert names[2:] == [messages.MASKED_NAME] * 2
    keys = {r[0] for r in db.execute(
        "SELECT k.name_sort FROM petition_log_keys k JOIN petitions p ON p.id = k.petition_id"
        " JOIN persons pe ON pe.id = p.person_id WHERE pe.full_name = 'Âu Dương Phong'")}
    assert keys == {"~"}


def test_correcting_a_denouncers_name_keeps_the_lines_protected(db):
    _mixed_visit(db)
    db.execute("UPDATE persons SET name_key = 'au duong phong sua' WHERE full_name = 'Âu Dương Phong'")
    keys = {r[0] for r in db.execute("SELECT name_sort FROM petition_log_keys")}
    assert keys == {"~"}
