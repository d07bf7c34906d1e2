"""Legal fidelity (docs/legal-fidelity.md) through the GUI: the day a decision was received
(case window), the limitation warning at intake."""

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QDialog, QPushButton

from desk_app.core.reception.intake import register_visit
from desk_app.gui.dialogs import case_forms
from desk_app.gui.pages.intake import _select
from tests.support import form, part


def test_the_day_the_decision_was_received_starts_the_second_complaint_window(
        qtbot, window, demo_db, monkeypatch):
    now = datetime.now().replace(microsecond=0)
    today = now.date()
    case_id = register_visit(demo_db, form(parts=(part("khieu_nai", summary="Khiếu nại thu hồi"),),
                                           received_at=now - timedelta(days=20)), now).case_ids[0]
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    for action, day, doc_no in (("accept", today - timedelta(days=18), ""),
                                ("decide", today - timedelta(days=5), "7/QĐ-UBND")):
        before = dialog.detail
        dialog.do_action(action, occurred_on=day, body="", doc_no=doc_no, note="", data={})
        qtbot.waitUntil(lambda b=before: dialog.detail is not b, timeout=5000)
    received = today - timedelta(days=2)
    seen = {}

    def fill(self):  # the officer types the day the complainant received the decision
        seen["label"] = self.layout().itemAt(0).layout().itemAt(0).widget().text()
        self.day.setDate(received)
        return QDialog.Accepted

    monkeypatch.setattr(case_forms.ActionDialog, "exec", fill)
    button = next(b for b in dialog.findChildren(QPushButton)
                  if b.objectName() == "action_decision_received")
    before = dialog.detail
    button.click()
    qtbot.waitUntil(lambda: dialog.detail is not before, timeout=5000)
    assert seen["label"].replace("&", "") == "Ngày người khiếu nại nhận được quyết định:"
    rows = {dialog.milestones.item(r, 0).text(): r for r in range(dialog.milestones.rowCount())}
    row = next(r for label, r in rows.items() if label.startswith("Hạn khiếu nại lần hai"))
    # Complaints Law art. 33: 30 days from the day it was received (rolled to a working day).
    explanation = dialog.milestones.item(row, 3).text()
    assert f"nhận được quyết định giải quyết lần đầu {received:%d/%m/%Y}" in explanation
    assert "Người khiếu nại nhận được quyết định" in dialog.timeline.toPlainText()
    dialog.close()


def test_intake_warns_when_a_complaint_is_past_its_limitation(qtbot, window, demo_db):
    page = window.intake
    editor = page.parts[0]
    assert not editor.known.isVisibleTo(page)  # a kiến nghị has no limitation field
    _select(editor.kind, "khieu_nai")
    assert editor.known.isVisibleTo(page)
    page.received_at.setDate(date(2026, 8, 4))
    # Known Mon 04/05/2026: art. 9's 90 days end Mon 03/08/2026; lodged Tue 04/08 is late.
    editor.known.setText("04/05/2026")
    editor.known.editingFinished.emit()
    qtbot.waitUntil(lambda: editor.warning.text() != "", timeout=10000)
    assert editor.warning.text().startswith("Lưu ý: đơn khiếu nại nhận ngày 04/08/2026 đã quá "
                                            "thời hiệu khiếu nại")
    assert editor.warning.isVisibleTo(page)
    editor.known.setText("06/05/2026")  # the 90th day is 04/08: in time
    editor.known.editingFinished.emit()
    qtbot.waitUntil(lambda: editor.warning.text() == "", timeout=10000)
    assert editor.value().known_on == date(2026, 5, 6)
