"""Every step an officer can record on a case, through the case window's widgets: the step's
button, its form filled and confirmed, and the event it leaves in the database."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QPushButton,
)

from desk_app.core.cases import tracking
from desk_app.core.cases.lifecycle import USER_ACTIONS, action_label
from desk_app.core.reception.intake import register_visit
from desk_app.gui.dialogs.case_forms import (
    ActionDialog,
    DialogueMinutesDialog,
    ScheduleDialogueDialog,
)
from tests.support import form, part

TODAY = date.today()

# Each step, the petition kind it is tried on and the steps recorded before it (by the core,
# some days back), so that the law allows it now.
PATHS = {
    "classify": ("khieu_nai", ()),
    "accept": ("khieu_nai", ()),
    "guide": ("kien_nghi", ()),
    "transfer": ("kien_nghi", ()),
    "mediate": ("kien_nghi", ()),
    "mediated": ("kien_nghi", ("mediate",)),
    "mediation_failed": ("kien_nghi", ("mediate",)),
    "reply": ("kien_nghi", ("transfer",)),
    "return": ("khieu_nai", ()),
    "file": ("khieu_nai", ()),
    "notify_acceptance": ("to_cao", ("accept",)),
    "verify": ("khieu_nai", ("accept",)),
    "extend": ("to_cao", ("accept",)),
    "decide": ("khieu_nai", ("accept",)),
    "notify": ("khieu_nai", ("accept", "decide")),
    "close": ("khieu_nai", ("accept", "decide")),
    "withdraw": ("khieu_nai", ()),
    "suspend": ("khieu_nai", ("accept",)),
    "resume": ("khieu_nai", ("accept", "suspend")),
    "send_suspension": ("khieu_nai", ("accept", "suspend")),
    "decision_received": ("khieu_nai", ("accept", "decide")),
    "reopen": ("khieu_nai", ("accept", "decide")),
}


def test_every_step_an_officer_chooses_is_covered():
    assert set(PATHS) == set(USER_ACTIONS)


def _case(db, kind: str, before: tuple[str, ...]) -> int:
    now = datetime.now().replace(microsecond=0)
    case_id = register_visit(db, form(parts=(part(kind=kind, summary=(
        "Khiếu nại quyết định thu hồi đất ở Thôn Đông" if kind == "khieu_nai" else
        "Tố cáo sai phạm trong quản lý đất công" if kind == "to_cao" else
        "Kiến nghị sửa chữa đường Lý Thái Tổ")),), received_at=now - timedelta(days=20)),
        now).case_ids[0]
    if kind == "to_cao":  # a complex denunciation may be extended once (art. 30)
        tracking.set_complexity(db, case_id, 1, occurred_on=TODAY - timedelta(days=19))
    for n, action in enumerate(before):
        tracking.record_event(db, case_id, action, occurred_on=TODAY - timedelta(days=15 - n),
                              body="Ủy ban nhân dân tỉnh Bắc Ninh", doc_no=f"{n + 1}/QĐ-UBND")
    return case_id


def answer_modal(kind, fill, button=QDialogButtonBox.Ok):
    """When the modal dialog of `kind` opens, fill it through its widgets and press a button."""
    state = {"done": False}

    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, poll)
            return
        fill(dialog)
        dialog.findChild(QDialogButtonBox).button(button).click()
        state["done"] = True

    QTimer.singleShot(0, poll)
    return state


def _open(qtbot, window, case_id):
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.id == case_id,
                    timeout=5000)
    return dialog


def _last_event(db, case_id):
    return db.execute("SELECT action, occurred_on, body, doc_no, note, data FROM case_events"
                      " WHERE case_id = ? ORDER BY id DESC LIMIT 1", [case_id]).fetchone()


@pytest.mark.parametrize("action", sorted(PATHS))
def test_a_step_through_its_button_and_form(qtbot, window, demo_db, action):
    kind, before = PATHS[action]
    case_id = _case(demo_db, kind, before)
    dialog = _open(qtbot, window, case_id)
    button = dialog.findChild(QPushButton, f"action_{action}")
    assert button is not None and button.text() == action_label(action, kind)
    events = demo_db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?",
                             [case_id]).fetchone()[0]
    typed = {}

    def fill(form_: ActionDialog):
        assert form_.windowTitle() == action_label(action, kind)
        form_.day.setDate(TODAY - timedelta(days=1))
        if form_.body is not None:
            form_.body.setText("Tòa án nhân dân khu vực 1 - Bắc Ninh")
            typed["body"] = form_.body.text()
        if form_.doc_no is not None:
            form_.doc_no.setText("15/QĐ-UBND")
            typed["doc_no"] = form_.doc_no.text()
        if form_.eligible is not None:
            form_.competent.setChecked(False)  # classify: outside the office's competence
        form_.note.setPlainText("Ghi qua cửa sổ vụ việc")

    state = answer_modal(ActionDialog, fill)
    button.click()
    assert state["done"]
    qtbot.waitUntil(lambda: demo_db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?",
                                            [case_id]).fetchone()[0] == events + 1, timeout=5000)
    saved = _last_event(demo_db, case_id)
    assert saved[:5] == (action, (TODAY - timedelta(days=1)).isoformat(), typed.get("body", ""),
                         typed.get("doc_no", ""), "Ghi qua cửa sổ vụ việc")
    if action == "classify":
        assert '"competent": false' in saved[5] and '"eligible": true' in saved[5]
    assert dialog.message.text() == ""
    qtbot.waitUntil(lambda: any(e.action == action for e in dialog.detail.events), timeout=5000)


def test_a_cancelled_form_records_nothing(qtbot, window, demo_db):
    case_id = _case(demo_db, "khieu_nai", ())
    dialog = _open(qtbot, window, case_id)
    before = demo_db.execute("SELECT COUNT(*) FROM case_events").fetchone()[0]
    state = answer_modal(ActionDialog, lambda d: d.note.setPlainText("không ghi"),
                         QDialogButtonBox.Cancel)
    dialog.findChild(QPushButton, "action_accept").click()
    assert state["done"]
    qtbot.wait(200)
    assert demo_db.execute("SELECT COUNT(*) FROM case_events").fetchone()[0] == before


def test_a_refused_step_is_explained_in_the_window(qtbot, window, demo_db):
    """A decision without its number: the core's sentence, nothing saved."""
    case_id = _case(demo_db, "khieu_nai", ("accept",))
    dialog = _open(qtbot, window, case_id)
    before = demo_db.execute("SELECT COUNT(*) FROM case_events").fetchone()[0]
    answer_modal(ActionDialog, lambda d: d.doc_no.clear())
    dialog.findChild(QPushButton, "action_decide").click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    from desk_app import messages

    assert dialog.message.text() == messages.CASE_DECISION_NUMBER_REQUIRED
    assert demo_db.execute("SELECT COUNT(*) FROM case_events").fetchone()[0] == before


def test_a_dialogue_scheduled_and_its_minutes_recorded(qtbot, window, demo_db):
    case_id = _case(demo_db, "khieu_nai", ("accept",))
    dialog = _open(qtbot, window, case_id)
    dialog.tabs.setCurrentIndex(3)
    buttons = {b.text(): b for b in dialog.tabs.widget(3).findChildren(QPushButton)}
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=8)

    def schedule(d: ScheduleDialogueDialog):
        from PySide6.QtCore import QDateTime

        d.when.setDateTime(QDateTime(when))
        d.place.setText("Hội trường Ủy ban nhân dân phường")

    answer_modal(ScheduleDialogueDialog, schedule)
    buttons["&Lên lịch đối thoại…"].click()
    qtbot.waitUntil(lambda: bool(dialog.detail.dialogues), timeout=5000)
    assert demo_db.execute("SELECT place, status FROM dialogues WHERE case_id = ?",
                           [case_id]).fetchone() == ("Hội trường Ủy ban nhân dân phường", "planned")

    def minutes(d: DialogueMinutesDialog):
        d.set_row(0, "Đặng Văn Dũng", d.people.cellWidget(0, 1).itemText(0),
                  "Giữ nguyên nội dung khiếu nại")
        d.result.setPlainText("Hai bên thống nhất xác minh lại diện tích thửa đất")

    answer_modal(DialogueMinutesDialog, minutes)
    buttons["Ghi &biên bản đối thoại…"].click()
    qtbot.waitUntil(lambda: demo_db.execute("SELECT status FROM dialogues WHERE case_id = ?",
                                            [case_id]).fetchone()[0] != "planned", timeout=5000)
    result = demo_db.execute("SELECT result FROM dialogues WHERE case_id = ?",
                             [case_id]).fetchone()[0]
    assert result == "Hai bên thống nhất xác minh lại diện tích thửa đất"
    qtbot.waitUntil(lambda: "xác minh lại" in dialog.dialogues.toPlainText(), timeout=5000)


def test_the_more_menu_note_flag_complexity_and_assignment(qtbot, window, demo_db):
    case_id = _case(demo_db, "khieu_nai", ())
    dialog = _open(qtbot, window, case_id)
    more = dialog.more

    def count():
        return demo_db.execute("SELECT COUNT(*) FROM case_events WHERE case_id = ?",
                               [case_id]).fetchone()[0]

    n = count()
    answer_modal(QInputDialog, lambda d: d.setTextValue("Người khiếu nại hẹn nộp thêm bản đồ"))
    more.ask_note()
    qtbot.waitUntil(lambda: count() == n + 1, timeout=5000)
    assert _last_event(demo_db, case_id)[:1] + _last_event(demo_db, case_id)[4:5] == (
        "note", "Người khiếu nại hẹn nộp thêm bản đồ")

    more.flag_actions["hot_spot"].trigger()
    qtbot.waitUntil(lambda: count() == n + 2, timeout=5000)
    assert demo_db.execute("SELECT flags & 16 FROM cases WHERE id = ?", [case_id]).fetchone()[0]

    answer_modal(QInputDialog, lambda d: d.setTextValue(d.comboBoxItems()[1]))
    more.ask_complexity()
    qtbot.waitUntil(lambda: count() == n + 3, timeout=5000)
    assert '"complexity": 1' in _last_event(demo_db, case_id)[5]

    answer_modal(QInputDialog, lambda d: d.setTextValue(d.comboBoxItems()[1]))
    more.ask_assign()
    qtbot.waitUntil(lambda: count() == n + 4, timeout=5000)
    assigned = demo_db.execute("SELECT assignee_id FROM cases WHERE id = ?", [case_id]).fetchone()
    assert assigned is not None and assigned[0] is not None


@pytest.mark.parametrize("kind, offered, not_offered", [
    ("kien_nghi", "Phiếu chuyển đơn", "Thông báo thụ lý"),
    ("to_cao", "Phiếu chuyển đơn tố cáo (không ghi danh tính người tố cáo)", "Phiếu chuyển đơn"),
    ("khieu_nai", "Thông báo không thụ lý", "Phiếu chuyển đơn tố cáo (không ghi danh tính người tố cáo)"),
])
def test_the_print_menu_offers_the_slips_of_the_petition_kind(qtbot, window, demo_db, kind,
                                                               offered, not_offered):
    dialog = _open(qtbot, window, _case(demo_db, kind, ()))
    labels = [a.text() for a in dialog.papers_menu.actions()]
    assert offered in labels and not_offered not in labels
    assert "Phiếu hẹn trả lời" in labels
