from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

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
