from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app import messages
from desk_app.core.model import Outcome
from desk_app.gui.widgets.fields import select as _select

QR_LINE = ("027090001234||Đặng Văn Dũng|04031990|Nam|"
           "Thôn Đông, xã Hòa Long, thành phố Bắc Ninh, tỉnh Bắc Ninh|15082021")


def type_text(widget, text: str) -> None:
    """Type like a keyboard, one key event per character (keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def counts(db):
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("persons", "visits", "petitions", "cases")}


def test_fill_form_in_vietnamese_and_save(qtbot, window, demo_db):
    page = window.intake
    before = counts(demo_db)
    type_text(page.qr, QR_LINE)
    qtbot.keyClick(page.qr, Qt.Key_Return)
    assert page.full_name.text() == "Đặng Văn Dũng"
    assert page.dob.text() == "04/03/1990"
    type_text(page.address, "Số 5 ngõ 12 đường Lý Thái Tổ")
    page.phone.setText("0912 345 678")
    type_text(page.parts[0].summary, "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")
    page.documents_box.add_document("Đơn kiến nghị", 2, "Nguyên vẹn")
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        qtbot.keyClick(page, Qt.Key_S, Qt.ControlModifier)
    result = blocker.args[0]
    assert result.receipt_no
    assert "Đã ghi sổ" in page.message.text()
    assert page.full_name.text() == ""  # ready for the next person
    after = counts(demo_db)
    assert after["visits"] == before["visits"] + 1
    row = demo_db.execute(
        "SELECT pe.full_name, pe.address, pe.phone, pe.old_address, p.summary FROM petitions p"
        " JOIN persons pe ON pe.id = p.person_id WHERE p.id = ?", [result.petition_ids[0]]).fetchone()
    assert row == ("Đặng Văn Dũng", "Số 5 ngõ 12 đường Lý Thái Tổ", "0912345678",
                   "Thôn Đông, xã Hòa Long, thành phố Bắc Ninh, tỉnh Bắc Ninh",
                   "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")
    doc = demo_db.execute("SELECT name, pages FROM visit_documents WHERE visit_id = ?",
                          [result.visit_id]).fetchone()
    assert doc == ("Đơn kiến nghị", 2)
    # the log shows the new line on top once it is looked at
    window.tabs.setCurrentWidget(window.log)
    qtbot.waitUntil(lambda: window.log.model.row_at(0).petition_id == result.petition_ids[0])


def test_validation_error_keeps_values_and_writes_nothing(qtbot, window, demo_db):
    page = window.intake
    before = counts(demo_db)
    page.full_name.setText("Trần Thị Mai")
    page.id_number.setText("001190000123")  # female 1900s, born '90
    page.dob.setText("01/02/1990")
    _select(page.sex, "Nữ")
    page.crowd_size.setValue(7)  # a crowd without representatives... the presenter counts as one
    page.reps.insertRow(0)
    page.reps.insertRow(1)
    from PySide6.QtWidgets import QTableWidgetItem
    page.reps.setItem(0, 0, QTableWidgetItem("Lê Văn Tám"))
    page.reps.setItem(1, 0, QTableWidgetItem("Phạm Thị Chín"))
    page.parts[0].summary.setPlainText("Phản ánh ô nhiễm tiếng ồn")
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.CROWD_REPS_5_10.format(size=7, reps=3)
    assert page.full_name.text() == "Trần Thị Mai"
    assert page.parts[0].summary.toPlainText() == "Phản ánh ô nhiễm tiếng ồn"
    assert counts(demo_db) == before


def test_bad_qr_line_overwrites_nothing(qtbot, window):
    page = window.intake
    page.full_name.setText("Ngô Thị Hoa")
    page.qr.setText("027090001234|Đặng Văn Dũng|04031990")
    page.apply_qr()
    assert page.full_name.text() == "Ngô Thị Hoa"
    assert "3 trường" in page.message.text()


def test_refusal_needs_a_reason(qtbot, window, demo_db):
    page = window.intake
    before = counts(demo_db)
    page.qr.setText(QR_LINE)
    page.apply_qr()
    page.parts[0].summary.setPlainText("Yêu cầu giải quyết lại vụ việc đã có kết luận")
    _select(page.outcome, Outcome.REFUSED)
    assert page.refusal_reason.isEnabled()
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.REFUSAL_REASON_REQUIRED
    assert counts(demo_db) == before


def test_repeat_visitor_shows_earlier_visits(qtbot, window, demo_db):
    page = window.intake
    number, name = demo_db.execute(
        "SELECT pe.id_number, pe.full_name FROM persons pe JOIN petitions p ON p.person_id = pe.id"
        " WHERE p.kind <> 'to_cao' LIMIT 1").fetchone()
    type_text(page.id_number, number)
    qtbot.waitUntil(lambda: page.known.person is not None, timeout=3000)
    assert name in page.known.label.text()
    assert page.known.visits.count() >= 1
    page.known.fill.click()
    assert page.full_name.text() == name


def _fill_minimal(page, name="Trần Thị Mai", number="001190000123"):
    page.full_name.setText(name)
    page.id_number.setText(number)  # female, born in the 1990s
    page.dob.setText("01/02/1990")
    _select(page.sex, "Nữ")
    page.parts[0].summary.setPlainText("Phản ánh ô nhiễm tiếng ồn")


def test_one_visitor_one_key_saved_once(qtbot, window, demo_db):
    """The form's idempotency key lives from one "Người tiếp theo" to the next: a failed save
    keeps it, a successful save uses it, the next visitor gets a new one; two saves with it
    record one visit."""
    page = window.intake
    first_key = page.intake_id
    _fill_minimal(page)
    page.phone.setText("12345")
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.PHONE_INVALID.format(phone="12345")
    assert page.intake_id == first_key  # a retry after an error sends the same key
    page.phone.setText("0912345678")
    twice = [page.collect(), page.collect()]  # e.g. a double press racing the disabled button
    assert {f.intake_id for f in twice} == {first_key}
    before = counts(demo_db)
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        qtbot.mouseClick(page.save_button, Qt.LeftButton)
    result = blocker.args[0]
    assert not result.already_recorded
    assert demo_db.execute("SELECT intake_id FROM visits WHERE id = ?",
                           [result.visit_id]).fetchone() == (first_key,)
    assert page.intake_id != first_key  # reset for the next visitor
    # The same form saved again (the key it carried) returns the first visit.
    from desk_app.core.reception.intake import register_visit

    again = []
    window.tasks.write(lambda db: register_visit(db, twice[1]), again.append)
    qtbot.waitUntil(lambda: bool(again))
    assert again[0].visit_id == result.visit_id and again[0].already_recorded
    assert again[0].receipt_no == result.receipt_no
    assert counts(demo_db)["visits"] == before["visits"] + 1


def test_next_visitor_button_makes_a_new_key(qtbot, window, monkeypatch):
    page = window.intake
    keys = {page.intake_id}
    asked = []
    # A filled form is cleared only when the officer says so: answer "Yes".
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.Yes)
    assert page.new_button.text().startswith("Người tiếp th&eo")
    for _ in range(3):
        _fill_minimal(page)
        qtbot.mouseClick(page.new_button, Qt.LeftButton)
        assert page.full_name.text() == ""
        keys.add(page.intake_id)
    assert len(keys) == 4 and len(asked) == 3
