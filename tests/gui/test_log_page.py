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
