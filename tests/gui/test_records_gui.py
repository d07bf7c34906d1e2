"""The intake warning on a changed name, the issue place field, and correcting or cancelling
an entry from the record window and the log's context menu, through the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from desk_app import messages
from desk_app.gui.dialogs.correction import CancelVisitDialog, CorrectionDialog
from desk_app.gui.dialogs.record import RecordDialog
from tests.gui.test_intake_page import QR_LINE, type_text


def _saved_person(db):
    return db.execute(
        "SELECT pe.id_number, pe.full_name FROM persons pe JOIN petitions p ON p.person_id = pe.id"
        " WHERE p.kind <> 'to_cao' AND pe.id_kind = 'cccd' ORDER BY pe.id LIMIT 1").fetchone()


def test_a_different_name_on_a_saved_id_number_is_warned(qtbot, window, demo_db):
    page = window.intake
    number, name = _saved_person(demo_db)
    type_text(page.id_number, number)
    page.full_name.setText("Tên Khác Hẳn")
    expected = messages.IDENTITY_NAME_DIFFERS.format(id_number=number, saved=name)
    qtbot.waitUntil(lambda: page.identity_warning.text() == expected, timeout=3000)
    assert page.identity_warning.isVisible()
    page.full_name.setText(name)
    qtbot.waitUntil(lambda: not page.identity_warning.isVisible(), timeout=3000)


def test_a_representatives_changed_name_is_warned(qtbot, window, demo_db):
    page = window.intake
    number, name = _saved_person(demo_db)
    page.crowd_size.setValue(6)
    page.reps.insertRow(0)
    page.reps.setItem(0, 0, QTableWidgetItem("Người Đại Diện Khác"))
    page.reps.setItem(0, 1, QTableWidgetItem(number))
    expected = messages.IDENTITY_REP_NAME_DIFFERS.format(
        index=2, message=messages.IDENTITY_NAME_DIFFERS.format(id_number=number, saved=name))
    qtbot.waitUntil(lambda: page.identity_warning.text() == expected, timeout=3000)


def test_issue_date_from_qr_and_issue_place_are_saved(qtbot, window, demo_db):
    page = window.intake
    page.qr.setText(QR_LINE)
    page.apply_qr()
    assert page.id_issued_on.text() == "15/08/2021"
    type_text(page.id_issued_place, "Cục Cảnh sát QLHC về TTXH")
    page.parts[0].summary.setPlainText("Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        page.save()
    visit_id = blocker.args[0].visit_id
    row = demo_db.execute("SELECT i.id_issued_on, i.id_issued_place FROM visits v JOIN"
                          " identity_snapshots i ON i.id = v.identity_id WHERE v.id = ?",
                          [visit_id]).fetchone()
    assert row == ("2021-08-15", "Cục Cảnh sát QLHC về TTXH")


def test_an_impossible_issue_date_is_refused_next_to_the_form(qtbot, window, demo_db):
    page = window.intake
    page.qr.setText(QR_LINE)
    page.apply_qr()
    page.id_issued_on.setText("01/01/1980")
    page.parts[0].summary.setPlainText("Kiến nghị")
    before = demo_db.execute("SELECT COUNT(*) FROM visits").fetchone()
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.ID_ISSUED_BEFORE_BIRTH.format(
        issued="01/01/1980", dob="04/03/1990")
    assert page.id_issued_on.hasFocus()
    assert demo_db.execute("SELECT COUNT(*) FROM visits").fetchone() == before


def _open_record(qtbot, window, row: int = 0) -> RecordDialog:
    line = next(window.log.model.row_at(i) for i in range(row, window.log.model.rowCount())
                if not window.log.model.row_at(i).masked)
    window.open_record(line.petition_id)
    qtbot.waitUntil(lambda: bool(window.findChildren(RecordDialog)), timeout=3000)
    return window.findChildren(RecordDialog)[-1]


def test_correct_summary_from_the_record_window(qtbot, window, demo_db):
    record_dialog = _open_record(qtbot, window)
    record = record_dialog.record
    dialog = record_dialog.ask_correction()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=3000)
    assert dialog.selected().key == "summary"
    assert dialog.current.text() == record.summary
    # Without a reason: refused in the dialog, nothing written.
    dialog.text.setPlainText("Nội dung đã sửa cho đúng")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=3000)
    assert dialog.message.text() == messages.CORRECTION_REASON_REQUIRED
    assert demo_db.execute("SELECT COUNT(*) FROM record_corrections").fetchone() == (0,)
    type_text(dialog.reason, "Ghi sai nội dung")
    with qtbot.waitSignal(record_dialog.changed, timeout=3000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "Ghi sai nội dung" in record_dialog.text.toPlainText(), timeout=3000)
    text = record_dialog.text.toPlainText()
    assert "Nội dung đã sửa cho đúng" in text and record.summary in text  # new and old
    officer = window.officer.currentData()
    assert demo_db.execute("SELECT field, new_value, officer_id FROM record_corrections").fetchall() \
        == [("summary", "Nội dung đã sửa cho đúng", officer)]


def test_correct_a_coded_field_with_its_list(qtbot, window, demo_db):
    record_dialog = _open_record(qtbot, window)
    dialog = record_dialog.ask_correction()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=3000)
    dialog.select("topic", record_dialog.record.petition_id)
    assert dialog.current_editor() is dialog.choice and dialog.text.isHidden()
    other = next(i for i in range(dialog.choice.count())
                 if dialog.choice.itemData(i) != dialog.selected().value)
    dialog.choice.setCurrentIndex(other)
    dialog.reason.setText("Chọn nhầm lĩnh vực")
    with qtbot.waitSignal(dialog.corrected, timeout=3000):
        dialog.save_button.click()
    topic = demo_db.execute("SELECT topic FROM petitions WHERE id = ?",
                            [record_dialog.record.petition_id]).fetchone()[0]
    assert topic == dialog.choice.itemData(other)


def test_cancel_from_the_log_menu_keeps_the_line_struck_through(qtbot, window, demo_db):
    log = window.log
    row = next(i for i in range(log.model.rowCount())
               if not log.model.row_at(i).masked and not log.model.row_at(i).cancelled)
    line = log.model.row_at(row)
    dialog = log.ask_cancel(line)
    assert isinstance(dialog, CancelVisitDialog)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.message.text() == messages.CANCEL_REASON_REQUIRED, timeout=3000)
    type_text(dialog.reason, "Ghi trùng lượt tiếp")
    with qtbot.waitSignal(log.changed, timeout=3000):
        dialog.confirm.click()
    qtbot.waitUntil(lambda: log.model.row_at(row) is not None and log.model.row_at(row).cancelled,
                    timeout=3000)
    again = log.model.row_at(row)
    assert again.petition_id == line.petition_id and again.log_label == line.log_label
    assert again.note.startswith("ĐÃ HỦY ngày")
    font = log.model.data(log.model.index(row, 5), Qt.FontRole)
    assert font.strikeOut()
    assert demo_db.execute("SELECT cancel_reason FROM visits WHERE id = ?",
                           [line.visit_id]).fetchone() == ("Ghi trùng lượt tiếp",)


def test_correction_dialog_from_the_log_menu(qtbot, window):
    log = window.log
    line = next(log.model.row_at(i) for i in range(log.model.rowCount())
                if not log.model.row_at(i).masked)
    dialog = log.ask_correction(line)
    assert isinstance(dialog, CorrectionDialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=3000)
    assert dialog.selected().petition_id == line.petition_id


def test_a_denouncers_identity_is_not_offered_for_correction_until_revealed(qtbot, window):
    log = window.log
    line = next(log.model.row_at(i) for i in range(log.model.rowCount())
                if log.model.row_at(i).masked)
    dialog = log.ask_correction(line)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=3000)
    groups = {dialog.field.itemText(i).split(" — ")[0] for i in range(dialog.field.count())}
    assert "Người đến" not in groups and "Lượt tiếp" in groups
    assert dialog.fields and not any(f.masked or f.key == "full_name" for f in dialog.fields)
