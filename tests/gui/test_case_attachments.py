"""Attachments through the case window: the attach button (only the file dialog is mocked)
refuses programs with a message, and a refused kind is never handed to the desktop."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from desk_app import messages
from desk_app.core.cases.attachments import ALLOWED_TEXT
from tests.support import register

PDF = b"%PDF-1.4\n% scan\n" + bytes(2000)


def _case_window(qtbot, window, demo_db):
    case_id = register(demo_db).case_ids[0]
    dialog = window.open_case(case_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    button = next(b for b in dialog.findChildren(QPushButton)
                  if b.text().replace("&", "") == "Đính kèm tệp quét…")
    return case_id, dialog, button


def test_attach_button_refuses_a_program_and_keeps_a_scan(qtbot, window, demo_db, tmp_path,
                                                          monkeypatch):
    case_id, dialog, button = _case_window(qtbot, window, demo_db)
    program = tmp_path / "Đơn khiếu nại.pdf.exe"
    program.write_bytes(b"MZ" + bytes(500))
    scan = tmp_path / "Đơn khiếu nại.pdf"
    scan.write_bytes(PDF)
    chosen = []

    def open_dialog(parent, caption, folder, filters):
        chosen.append(filters)
        return str(program if len(chosen) == 1 else scan), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    qtbot.mouseClick(button, Qt.LeftButton)
    expected = messages.ATTACHMENT_TYPE_REFUSED.format(name=program.name, allowed=ALLOWED_TEXT)
    qtbot.waitUntil(lambda: dialog.message.text() == expected, timeout=5000)
    assert "*.pdf" in chosen[0] and "*.exe" not in chosen[0] and "(*)" not in chosen[0]
    assert demo_db.execute("SELECT COUNT(*) FROM case_attachments WHERE case_id = ?",
                           [case_id]).fetchone() == (0,)

    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=5000)
    assert dialog.files.item(0).text().startswith("Đơn khiếu nại.pdf — ")
    assert dialog.message.text() == ""


def test_a_stored_program_is_never_opened(qtbot, window, demo_db, db_path, monkeypatch):
    """An attachment an older version accepted (any kind): double-clicking it shows a
    message instead of running it; a scan opens with the desktop's viewer."""
    case_id, dialog, _button = _case_window(qtbot, window, demo_db)
    store = db_path.parent / "attachments" / "ab"
    store.mkdir(parents=True)
    (store / "ab01.exe").write_bytes(b"MZ" + bytes(100))
    (store / "ab02.pdf").write_bytes(PDF)
    for name, stored in (("setup.exe", "ab/ab01.exe"), ("Đơn.pdf", "ab/ab02.pdf")):
        demo_db["case_attachments"].insert({
            "uuid": str(uuid.uuid4()), "case_id": case_id, "name": name,
            "stored_name": stored, "sha256": stored[3:7] + "0" * 60, "size": 100,
            "added_at": "2026-11-20T10:00:00"})
    dialog.load()
    qtbot.waitUntil(lambda: dialog.files.count() == 2, timeout=5000)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    def double_click(row):
        item = dialog.files.item(row)
        rect = dialog.files.visualItemRect(item)
        qtbot.mouseClick(dialog.files.viewport(), Qt.LeftButton, pos=rect.center())  # as a mouse does
        qtbot.mouseDClick(dialog.files.viewport(), Qt.LeftButton, pos=rect.center())

    double_click(0)
    assert opened == []
    assert dialog.message.text() == messages.ATTACHMENT_NOT_OPENED.format(name="setup.exe")
    double_click(1)
    assert [u.toLocalFile() for u in opened] == [str(store / "ab02.pdf")]
