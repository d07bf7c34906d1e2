from desk_app import messages
from desk_app.core.reception.logbook import LogFilter, log_ids
from desk_app.core.text import collation_key


def test_log_lists_newest_first_and_pages_rows(qtbot, window, demo_db):
    model = window.log.model
    expected = log_ids(demo_db, LogFilter())
    # the first screen comes first, the rest of the list after it
    qtbot.waitUntil(lambda: model.rowCount() == len(expected) > 256)
    assert model.ids == expected
    first = model.row_at(0)
    last = model.row_at(model.rowCount() - 1)
    assert first.received_at >= last.received_at
    assert model.data(model.index(0, 1)).count("/") == 2  # dd/mm/yyyy hh:mm
    number, year = model.data(model.index(0, 0)).split("/")  # the book's running number
    assert int(number) >= 1 and year == first.received_at[:4]


def test_sort_by_name_and_filter_by_kind(qtbot, window):
    log = window.log
    name_column = 2
    log._header_clicked(name_column)
    qtbot.waitUntil(lambda: log.sort == "name" and log.count.text().endswith("dòng"))
    qtbot.wait(200)
    names = [log.model.row_at(i).person_name for i in range(30)]
    visible = [n for n in names if n != messages.MASKED_NAME]
    assert visible == sorted(visible, key=collation_key)  # Vietnamese order: Đ after D …
    index = log.petition_kind.findData("to_cao")
    with qtbot.waitSignal(log.loaded, timeout=3000):
        log.petition_kind.setCurrentIndex(index)
    assert log.model.rowCount() > 0
    assert all(log.model.row_at(i).masked for i in range(log.model.rowCount()))


def test_search_box_finds_without_diacritics(qtbot, window, demo_db):
    name = demo_db.execute(
        "SELECT pe.full_name FROM persons pe JOIN petitions p ON p.person_id = pe.id"
        " WHERE p.kind <> 'to_cao' AND pe.full_name LIKE '%Đ%' LIMIT 1").fetchone()[0]
    from desk_app.core.text import fold
    window.search.setText(fold(name).upper())
    with qtbot.waitSignal(window.log.loaded, timeout=3000):
        window.run_search()
    names = {window.log.model.row_at(i).person_name for i in range(window.log.model.rowCount())}
    assert name in names
    assert window.tabs.currentWidget() is window.log


def test_reveal_denouncer_is_recorded(qtbot, window, demo_db):
    log = window.log
    row = next(i for i in range(log.model.rowCount()) if log.model.row_at(i).masked)
    record = log.model.row_at(row)
    real = demo_db.execute("SELECT pe.full_name FROM petitions p JOIN persons pe ON pe.id = p.person_id"
                           " WHERE p.id = ?", [record.petition_id]).fetchone()[0]
    assert log.model.data(log.model.index(row, 2)) == messages.MASKED_NAME
    log.reveal(record.petition_id, "Xác minh theo yêu cầu của Chủ tịch")
    qtbot.waitUntil(lambda: log.model.data(log.model.index(row, 2)) == real, timeout=3000)
    reveals = demo_db.execute("SELECT petition_id, reason FROM identity_reveals").fetchall()
    assert reveals == [(record.petition_id, "Xác minh theo yêu cầu của Chủ tịch")]


def test_open_record_dialog(qtbot, window):
    from desk_app.gui.dialogs.record import RecordDialog

    record = window.log.model.row_at(0)
    window.open_record(record.petition_id)
    qtbot.waitUntil(lambda: any(isinstance(w, RecordDialog) for w in window.findChildren(RecordDialog)))
    dialog = window.findChildren(RecordDialog)[0]
    assert record.summary in dialog.text.toPlainText()


def test_add_officer_from_toolbar(qtbot, window, demo_db):
    count = window.officer.count()
    window.add_officer("Vũ Thị  Lan", "Công chức Văn hóa - Xã hội")
    qtbot.waitUntil(lambda: window.officer.count() == count + 1)
    new_id = window.officer.currentData()
    assert window.officer.currentText() == "Vũ Thị Lan"
    assert window.intake.officer.currentText() == "Vũ Thị Lan"
    assert window.log.officer.findData(new_id) >= 0
    assert demo_db.execute("SELECT full_name FROM officers WHERE id = ?", [new_id]).fetchone() == ("Vũ Thị Lan",)


def test_search_shows_how_many_and_pages_on(qtbot, window, monkeypatch):
    from desk_app.core.reception.search import search_ids
    from desk_app.gui.pages import log as log_page

    monkeypatch.setattr(log_page, "SEARCH_PAGE", 20)
    log = window.log
    everything = search_ids(log.model.db, "nguyen", limit=10**6)
    assert len(everything) > 40
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.set_search("nguyen")
    assert list(log.model.ids) == everything[:20]
    shown = f"{len(everything):,}".replace(",", ".")
    assert log.count.text() == f"20 / {shown} kết quả"
    assert not log.more.isHidden() and log.more.text() == "Xem thêm 20 kết quả"
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.more.click()
    assert list(log.model.ids) == everything[:40]
    assert log.count.text() == f"40 / {shown} kết quả"
    while not log.more.isHidden():
        with qtbot.waitSignal(log.loaded, timeout=5000):
            log.more.click()
    assert list(log.model.ids) == everything


def test_search_count_says_more_than_when_it_stops_counting(qtbot, window, monkeypatch):
    from desk_app.core.reception import search as search_module
    from desk_app.gui.pages import log as log_page

    monkeypatch.setattr(log_page, "SEARCH_PAGE", 20)
    monkeypatch.setattr(search_module.count_matches, "__defaults__", (30,))
    log = window.log
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.set_search("nguyen")
    assert log.count.text() == "20 / hơn 30 kết quả"


def test_a_search_that_fits_one_page_is_not_counted_again(qtbot, window):
    log = window.log
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.set_search("nguyen van")
    n = log.model.rowCount()
    assert 0 < n < 500 and log.count.text() == f"{n} / {n} kết quả" and log.more.isHidden()


def test_a_saved_visit_is_placed_without_a_reload(qtbot, window, demo_db):
    from datetime import datetime

    from tests.support import person, register

    log = window.log
    log._header_clicked(2)  # by name, A → Z
    qtbot.waitUntil(lambda: log.sort == "name" and not log._loading, timeout=5000)
    generation = log._generation
    reg = register(demo_db, person("Đinh Thị Hoa", serial=4321),
                   received_at=datetime(2026, 11, 20, 9, 0))
    log.lines_added(reg.petition_ids)
    assert log._generation == generation  # no reload
    expected = log_ids(demo_db, LogFilter(sort="name", descending=False))
    assert log.model.ids == expected
    row = list(log.model.ids).index(reg.petition_ids[0])
    assert log.model.row_at(row).person_name == "Đinh Thị Hoa"
    assert log.count.text() == f"{len(expected):,}".replace(",", ".") + " dòng"
