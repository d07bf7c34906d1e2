"""Channels through the widgets (docs/channels.md): a letter by post and a forwarded petition
entered on the intake page, someone presenting on another's behalf, the directory's
autocomplete, the old-address suggestion, the log's two books, the dashboard's mediation and
police tiles, the police step on a crowd case, and the directory in Cài đặt."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from desk_app import messages
from desk_app.core.cases import tracking
from desk_app.core.model import AgentRole, Channel, IdKind, Outcome
from desk_app.core.reception.intake import register_visit
from desk_app.gui.widgets.fields import select
from tests.support import form, part, snapshot


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def _save(qtbot, page):
    with qtbot.waitSignal(page.saved, timeout=8000) as blocker:
        page.save()
    return blocker.args[0]


def test_a_letter_by_post_is_entered_without_visit_fields(qtbot, window, demo_db):
    page = window.intake
    select(page.channel_box.channel, Channel.BUU_CHINH)
    # What only a visit has is not offered; the letter's own fields are.
    assert page.channel_box.mailed_on.isVisibleTo(page)
    assert page.channel_box.envelope_kept.isVisibleTo(page)
    assert not page.channel_box.source_body.isVisibleTo(page)
    assert not page.reception_kind.isVisibleTo(page)
    assert not page.visit.police.isVisibleTo(page)
    assert not page.agent_box.isVisibleTo(page)
    assert not page.written.isVisibleTo(page)
    assert page.visit.received_label.text() == "Ngày nhận đơ&n"
    assert page.id_kind.currentData() == IdKind.KHONG  # name and address only
    page.full_name.setText("Nguyễn Thị Hoa")
    page.address.setText("Thôn Đông Xá, phường Kinh Bắc")
    received = datetime.now().replace(second=0, microsecond=0) - timedelta(days=2)
    page.received_at.setDateTime(received)
    page.channel_box.mailed_on.setText((received - timedelta(days=3)).strftime("%d/%m/%Y"))
    page.channel_box.envelope_kept.setChecked(True)
    page.parts[0].summary.setPlainText("Kiến nghị sửa chữa cống thoát nước xóm Đông")
    result = _save(qtbot, page)
    assert result.receipt_no and "/BNĐ-" in result.receipt_no
    assert "Giấy báo đã nhận đơn số" in page.message.text()
    row = demo_db.execute(
        "SELECT v.channel, v.mailed_on, v.envelope_kept, v.reception_kind, pe.id_kind,"
        " p.arrival, substr(p.received_at, 1, 10) FROM visits v"
        " JOIN persons pe ON pe.id = v.person_id JOIN petitions p ON p.visit_id = v.id"
        " WHERE v.id = ?", [result.visit_id]).fetchone()
    assert row == ("buu_chinh", (received - timedelta(days=3)).date().isoformat(), 1, "",
                   "khong", "buu_chinh", received.date().isoformat())
    # The deadline runs from the day the office received it, not the postmark.
    opened = demo_db.execute("SELECT opened_on FROM cases WHERE id = ?",
                             [result.case_ids[0]]).fetchone()[0]
    assert opened == received.date().isoformat()
    # The page is back to a reception for the next visitor.
    assert page.channel_box.code() == Channel.TRUC_TIEP
    assert page.reception_kind.isVisibleTo(page)
    assert page.id_kind.currentData() == IdKind.CCCD

    # The log: the letter is in the book of petitions received, not in 03/TCD.
    log = window.log
    window.tabs.setCurrentWidget(log)
    select(log.channel, "no_visit")
    qtbot.waitUntil(lambda: log.count.text() == "1 dòng", timeout=5000)  # loaded, filtered
    assert log.model.row_at(0).petition_id == result.petition_ids[0]
    column = [log.model.headerData(c, Qt.Horizontal) for c in range(log.model.columnCount())
              ].index("Cách tiếp nhận")
    assert log.model.index(0, column).data() == "Bưu chính"
    assert all(log.model.row_at(r).channel != "truc_tiep" for r in range(log.model.rowCount()))
    select(log.channel, "visit")
    qtbot.waitUntil(lambda: log.count.text() not in ("1 dòng", "Đang tải…"), timeout=5000)
    assert log.model.rowCount() > 0 and log.model.row_at(0).channel == "truc_tiep"
    shown = {log.model.row_at(r).petition_id for r in range(min(log.model.rowCount(), 50))}
    assert result.petition_ids[0] not in shown


def test_a_visit_only_field_on_a_letter_is_refused_and_nothing_written(qtbot, window, demo_db):
    page = window.intake
    select(page.channel_box.channel, Channel.THU_DIEN_TU)
    page.full_name.setText("Trần Văn Bình")
    page.address.setText("Thôn Khúc Toại")
    page.channel_box.channel_ref.setText("binh.tran@example.vn")
    page.parts[0].summary.setPlainText("Phản ánh đèn đường hỏng")
    select(page.outcome, Outcome.REFUSED)  # hidden in the list, set from code to try it
    before = snapshot(demo_db)
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.CHANNEL_VISIT_ONLY.format(
        what="Từ chối tiếp công dân", channel="thư điện tử")
    assert snapshot(demo_db) == before
    assert page.full_name.text() == "Trần Văn Bình"


def test_a_forwarded_petition_picks_its_body_from_the_directory(qtbot, window, demo_db):
    page = window.intake
    select(page.channel_box.channel, Channel.CHUYEN_DEN)
    box = page.channel_box
    assert box.source_body.isVisibleTo(page) and not box.mailed_on.isVisibleTo(page)
    completer = box.source_completer
    qtbot.waitUntil(lambda: bool(completer.bodies), timeout=5000)
    type_text(box.source_body, "ubnd tinh bac")  # no tones, an abbreviation
    names = [completer.model().index(r, 0).data() for r in range(completer.model().rowCount())]
    assert names and names[0] == "Ủy ban nhân dân tỉnh Bắc Ninh"
    box.source_body.setText(names[0])
    box.source_doc_no.setText("125/UBND-BTCD")
    box.source_doc_on.setText((date.today() - timedelta(days=3)).strftime("%d/%m/%Y"))
    page.full_name.setText("Lê Văn Cường")
    page.address.setText("Thôn Hòa Đình")
    page.parts[0].summary.setPlainText("Kiến nghị về việc cấp giấy chứng nhận quyền sử dụng đất")
    result = _save(qtbot, page)
    assert not result.receipt_no  # answered by the report to the forwarding body
    assert "sổ tiếp nhận, xử lý đơn" in page.message.text()
    data = demo_db.execute(
        "SELECT json_extract(data, '$.transferred_from'), json_extract(data, '$.source_doc_no')"
        " FROM case_events WHERE case_id = ? AND action = 'receive'",
        [result.case_ids[0]]).fetchone()
    assert data == ("Ủy ban nhân dân tỉnh Bắc Ninh", "125/UBND-BTCD")
    # Ctrl+P has nothing to print for it, and says so.
    assert page.print_last() is False
    assert "không có giấy biên nhận hay giấy báo" in page.message.text()


def test_someone_presenting_for_another_person(qtbot, window, demo_db):
    page = window.intake
    assert page.agent_box.isVisibleTo(page) and not page.agent_box.isChecked()
    page.agent_box.setChecked(True)
    box = page.agent_box
    assert box.full_name.isVisibleTo(page)
    page.full_name.setText("Phạm Thị Lan")  # the person represented: the case is hers
    select(page.id_kind, IdKind.KHONG)
    page.address.setText("Thôn Đông, phường Kinh Bắc")
    box.full_name.setText("Vũ Minh Đức")
    select(box.id_kind, IdKind.CCCD)
    box.id_number.setText("027085001234")
    box.dob.setText("12/05/1985")
    select(box.sex, "nam")
    select(box.role, AgentRole.LUAT_SU)
    box.proof.setText("Thẻ luật sư số 1234/LS, giấy ủy quyền ngày 20/11/2026")
    page.parts[0].summary.setPlainText("Khiếu nại quyết định thu hồi đất")
    select(page.parts[0].kind, "khieu_nai")
    result = _save(qtbot, page)
    assert result.receipt_no and "/BNĐ-" not in result.receipt_no
    row = demo_db.execute(
        "SELECT pe.full_name, ag.full_name, v.agent_role, v.agent_proof FROM visits v"
        " JOIN persons pe ON pe.id = v.person_id JOIN persons ag ON ag.id = v.agent_person_id"
        " WHERE v.id = ?", [result.visit_id]).fetchone()
    assert row == ("Phạm Thị Lan", "Vũ Minh Đức", "luat_su",
                   "Thẻ luật sư số 1234/LS, giấy ủy quyền ngày 20/11/2026")
    case_person = demo_db.execute(
        "SELECT pe.full_name FROM cases c JOIN persons pe ON pe.id = c.person_id WHERE c.id = ?",
        [result.case_ids[0]]).fetchone()[0]
    assert case_person == "Phạm Thị Lan"
    assert not page.agent_box.isChecked()  # cleared for the next visitor


def test_an_agent_without_the_paper_is_refused(qtbot, window, demo_db):
    page = window.intake
    page.agent_box.setChecked(True)
    page.full_name.setText("Phạm Thị Lan")
    select(page.id_kind, IdKind.KHONG)
    page.address.setText("Thôn Đông")
    page.agent_box.full_name.setText("Vũ Minh Đức")
    select(page.agent_box.id_kind, IdKind.CCCD)
    page.agent_box.id_number.setText("027085001234")
    select(page.agent_box.role, AgentRole.UY_QUYEN)
    page.parts[0].summary.setPlainText("Kiến nghị sửa đường")
    before = snapshot(demo_db)
    page.save()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "")
    assert page.message.text() == messages.AGENT_PROOF_REQUIRED
    assert snapshot(demo_db) == before


def test_old_address_suggests_the_new_ward_off_the_gui_thread(qtbot, window, demo_db):
    page = window.intake
    page.old_address.setText("Thôn Đông, xã Hòa Long, thành phố Bắc Ninh, tỉnh Bắc Ninh")
    page.person.suggest_button.click()
    hint = page.person.commune_hint
    qtbot.waitUntil(lambda: hint.isVisibleTo(page), timeout=60000)
    assert "Xã/phường mới theo địa chỉ cũ" in hint.text()
    assert "Kinh Bắc" in hint.text()
    assert "Kinh Bắc" in page.commune.currentText()
    assert page.old_address.text().startswith("Thôn Đông, xã Hòa Long")  # kept as written


def _crowd_case(db, *, police: bool = False) -> int:
    now = datetime.now().replace(second=0, microsecond=0)
    f = form(parts=(part(kind="kien_nghi", summary="Kiến nghị về ô nhiễm bãi rác thôn Đông"),),
             received_at=now - timedelta(days=3))
    return register_visit(db, f, now).case_ids[0]


def test_dashboard_tiles_for_mediation_and_police(qtbot, window, demo_db):
    case_id = _crowd_case(demo_db)
    tracking.record_event(demo_db, case_id, "mediate", occurred_on=date.today(),
                          body="Tổ hòa giải thôn Đông")
    flagged = _crowd_case(demo_db)
    tracking.set_flag(demo_db, flagged, "hot_spot", True)
    page = window.show_cases()
    page.reload()
    qtbot.waitUntil(lambda: "\n" in page.buttons["mediation"].text(), timeout=5000)
    mediation = int(page.buttons["mediation"].text().split("\n")[1])
    police = int(page.buttons["police"].text().split("\n")[1])
    assert mediation >= 1 and police >= 1
    page.buttons["mediation"].click()
    qtbot.waitUntil(lambda: page.list_title.text().startswith("<b>Chờ kết quả hòa giải"),
                    timeout=5000)
    ids = {page.model.row_at(r).id for r in range(page.model.rowCount())}
    assert case_id in ids and flagged not in ids
    page.buttons["police"].click()
    qtbot.waitUntil(lambda: "chưa báo công an" in page.list_title.text(), timeout=5000)
    qtbot.waitUntil(lambda: flagged in {page.model.row_at(r).id
                                        for r in range(page.model.rowCount())}, timeout=5000)


def test_police_step_on_a_hot_spot_case(qtbot, window, demo_db):
    from desk_app.gui.dialogs.case_forms import ActionDialog
    from tests.gui.test_case_steps import _open, answer_modal

    case_id = _crowd_case(demo_db)
    dialog = _open(qtbot, window, case_id)
    assert dialog.findChild(QPushButton, "action_police") is None  # not on every case
    tracking.set_flag(demo_db, case_id, "hot_spot", True)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "action_police") is not None,
                    timeout=5000)
    at = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)

    def fill(f: ActionDialog):
        from PySide6.QtCore import QDateTime

        f.body.setText("Công an phường Kinh Bắc, đồng chí Nguyễn Văn Hải")
        f.informed_at.setDateTime(QDateTime(at))

    state = answer_modal(ActionDialog, fill)
    dialog.findChild(QPushButton, "action_police").click()
    assert state["done"]
    qtbot.waitUntil(lambda: demo_db.execute(
        "SELECT COUNT(*) FROM case_events WHERE case_id = ? AND action = 'police'",
        [case_id]).fetchone()[0] == 1, timeout=5000)
    body, data = demo_db.execute("SELECT body, data FROM case_events WHERE case_id = ?"
                                 " AND action = 'police'", [case_id]).fetchone()
    assert body == "Công an phường Kinh Bắc, đồng chí Nguyễn Văn Hải"
    assert at.isoformat(timespec="minutes") in data


def test_the_administrator_edits_the_directory_in_settings(qtbot, window, demo_db):
    from desk_app.gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(window.tasks, window, office_admin=True)
    qtbot.addWidget(dialog)
    tab = dialog.bodies_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() > 5, timeout=5000)
    tab.filter.setText("so xay dung")
    assert [b.name for b in tab.visible_bodies()] == ["Sở Xây dựng tỉnh Bắc Ninh"]
    tab.table.selectRow(0)
    assert tab.name.text() == "Sở Xây dựng tỉnh Bắc Ninh"
    tab.address.setText("Số 12 đường Lý Thái Tổ, phường Kinh Bắc")
    tab.save_button.click()
    qtbot.waitUntil(lambda: "Đã ghi" in tab.message.text(), timeout=5000)
    assert demo_db.execute("SELECT name, address FROM bodies").fetchall() == [
        ("Sở Xây dựng tỉnh Bắc Ninh", "Số 12 đường Lý Thái Tổ, phường Kinh Bắc")]
    # A new entry under a name the directory already has, in another spelling: refused.
    tab.start_new()
    tab.name.setText("UBND tỉnh Bắc Ninh")
    before = snapshot(demo_db)
    tab.save_button.click()
    qtbot.waitUntil(lambda: "trùng" in tab.message.text(), timeout=5000)
    assert tab.message.text() == messages.BODY_DUPLICATE.format(
        name="UBND tỉnh Bắc Ninh", other="Ủy ban nhân dân tỉnh Bắc Ninh")
    assert snapshot(demo_db) == before
    # A new entry: the intake's body field offers it once it takes the focus again.
    tab.name.setText("Hợp tác xã nông nghiệp Nhân Hòa")
    select(tab.kind, "don_vi_su_nghiep")
    tab.save_button.click()
    qtbot.waitUntil(lambda: "Đã ghi" in tab.message.text(), timeout=5000)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    dialog.close()
    page = window.intake
    window.tabs.setCurrentWidget(page)
    select(page.outcome, Outcome.GUIDED)
    completer = page.outcome_box.body_completer
    assert "Hợp tác xã nông nghiệp Nhân Hòa" not in {b.name for b in completer.bodies}
    window.activateWindow()
    page.outcome_body.setFocus()
    qtbot.waitUntil(lambda: "Hợp tác xã nông nghiệp Nhân Hòa" in {
        b.name for b in completer.bodies}, timeout=5000)
    assert completer.names_for("hop tac xa nong")[:1] == ["Hợp tác xã nông nghiệp Nhân Hòa"]


def test_a_transfer_picked_from_the_directory_then_again_in_another_spelling(qtbot, window,
                                                                            demo_db):
    """The case window's body field offers the directory; a second transfer of the same
    content to the same body, typed another way, asks first (core/cases/tracking.py)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from desk_app.gui.dialogs.case_forms import ActionDialog
    from tests.gui.test_case_steps import _open, answer_modal

    summary = "Kiến nghị giải quyết tranh chấp ranh giới đất với hộ liền kề tại Thôn Đông"
    now = datetime.now().replace(second=0, microsecond=0)
    first = register_visit(demo_db, form(parts=(part(summary=summary),),
                                         received_at=now - timedelta(days=3)), now).case_ids[0]
    dialog = _open(qtbot, window, first)

    def pick(f: ActionDialog):
        qtbot.waitUntil(lambda: bool(f.body_completer.bodies), timeout=5000)
        type_text(f.body, "so tai nguyen")  # the department's pre-2025 name, no tones
        names = f.body_completer.names_for(f.body.text())
        assert names[0] == "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh"
        f.body.setText(names[0])
        f.doc_no.setText("12/PC-UBND")

    state = answer_modal(ActionDialog, pick)
    dialog.findChild(QPushButton, "action_transfer").click()
    assert state["done"]
    qtbot.waitUntil(lambda: demo_db.execute(
        "SELECT body FROM case_events WHERE case_id = ? AND action = 'transfer'",
        [first]).fetchone() == ("Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh",), timeout=5000)
    dialog.close()

    second = register_visit(demo_db, form(parts=(part(summary=summary + " (lần hai)"),),
                                          received_at=now - timedelta(days=1)), now).case_ids[0]
    dialog = _open(qtbot, window, second)
    asked = []

    def answer_question():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_question)
            return
        asked.append(box.text())
        box.button(QMessageBox.Yes).click()

    def typed_otherwise(f: ActionDialog):
        f.body.setText("Sở TN&MT Bắc Ninh")
        QTimer.singleShot(0, answer_question)

    state = answer_modal(ActionDialog, typed_otherwise)
    dialog.findChild(QPushButton, "action_transfer").click()
    assert state["done"]
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked[0] == messages.CASE_REPEAT_TRANSFER_SAME_BODY.format(
        day=date.today().strftime("%d/%m/%Y"), body="Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh")
    qtbot.waitUntil(lambda: demo_db.execute(
        "SELECT body FROM case_events WHERE case_id = ? AND action = 'transfer'",
        [second]).fetchone() == ("Sở TN&MT Bắc Ninh",), timeout=5000)


def test_a_dispute_referred_to_the_mediation_team_from_the_intake(qtbot, window, demo_db):
    from desk_app.core.cases.tracking import case_milestones

    page = window.intake
    page.full_name.setText("Hoàng Văn Nam")
    select(page.id_kind, IdKind.KHONG)
    page.address.setText("Thôn Đông, phường Nhân Hòa")
    page.parts[0].summary.setPlainText("Tranh chấp lối đi chung giữa hai hộ liền kề ở Thôn Đông")
    select(page.outcome, Outcome.MEDIATION)
    assert page.outcome_body.isEnabled()
    page.outcome_body.setText("Tổ hòa giải Thôn Đông")
    result = _save(qtbot, page)
    case_id = result.case_ids[0]
    assert demo_db.execute("SELECT status FROM cases WHERE id = ?",
                           [case_id]).fetchone() == ("mediation",)
    keys = [m.milestone.key for m in case_milestones(demo_db, case_id, date.today())]
    assert "mediation_follow_up" in keys


@pytest.mark.parametrize("channel", ["buu_chinh", "cong_dvc", "website", "thu_dien_tu",
                                     "duong_day_nong", "chuyen_den"])
def test_every_channel_from_the_intake_form(qtbot, window, demo_db, channel):
    """Each channel through the form's widgets: only its own fields shown, saved with the
    acknowledgement channels.json gives it (or none)."""
    from desk_app.core import catalog

    page = window.intake
    box = page.channel_box
    select(box.channel, channel)
    info = catalog.channel(channel)
    shown = {name: widget.isVisibleTo(page) for name, widget in (
        ("mailed_on", box.mailed_on), ("channel_ref", box.channel_ref),
        ("source_body", box.source_body), ("source_doc_no", box.source_doc_no))}
    assert shown == {name: name in info.fields for name in shown}
    if "mailed_on" in info.fields:
        box.mailed_on.setText((date.today() - timedelta(days=2)).strftime("%d/%m/%Y"))
    if "channel_ref" in info.fields:
        box.channel_ref.setText("0912000111" if channel == "duong_day_nong" else "G22-0001")
    if "source_body" in info.fields:
        box.source_body.setText("Thanh tra tỉnh Bắc Ninh")
        box.source_doc_no.setText("45/TTr-TCD")
    page.full_name.setText("Lý Thị Thu")
    page.address.setText("Khu phố Niềm Xá, phường Nhân Hòa")
    page.parts[0].summary.setPlainText("Phản ánh việc lấn chiếm vỉa hè đường Lý Thái Tổ")
    result = _save(qtbot, page)
    assert demo_db.execute("SELECT channel, channel_ref, source_body FROM visits WHERE id = ?",
                           [result.visit_id]).fetchone()[0] == channel
    if info.acknowledgement == "bao_nhan_don":
        assert result.receipt_no and "/BNĐ-" in result.receipt_no
    else:
        assert result.receipt_no is None


def test_ctrl_p_after_a_letter_shows_its_acknowledgement(qtbot, window, demo_db):
    from desk_app.gui.printing import DocumentDialog

    page = window.intake
    select(page.channel_box.channel, Channel.CONG_DVC)
    page.channel_box.channel_ref.setText("G22.99-261201-0007")
    page.full_name.setText("Trương Văn Kiên")
    page.address.setText("Thôn Khúc Toại")
    page.parts[0].summary.setPlainText("Kiến nghị lắp đèn chiếu sáng ngõ 7 Thôn Khúc Toại")
    result = _save(qtbot, page)
    assert page.print_last() is True

    def shown():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, DocumentDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=15000)
    document = shown()[0]
    assert document.windowTitle().startswith("Giấy báo đã nhận đơn")
    assert result.receipt_no.endswith("/BNĐ-TCD")
    document.close()
