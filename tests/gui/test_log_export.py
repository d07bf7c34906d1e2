"""The log book export driven through the log page: the "Xuất sổ…" button, the file dialog
(the only thing mocked), the progress dialog and its Cancel button."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from desk_app.core.reception.logbook import LogFilter, log_ids


def _progress_dialog(page) -> QProgressDialog | None:
    shown = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
    return shown[-1] if shown else None


def _hold_reader(tasks) -> threading.Event:
    """Keep the reader thread busy until the returned event is set, so the export waits
    in the queue while the test looks at (and presses) the progress dialog."""
    gate = threading.Event()
    tasks.read(lambda db: gate.wait(10))
    return gate


def _drain_reader(qtbot, tasks) -> None:
    done = []
    tasks.read(lambda db: True, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)


def _choose_range(page, first: date, last: date) -> None:
    page.use_dates.setCurrentIndex(1)
    page.date_from.setDate(QDate(first.year, first.month, first.day))
    page.date_to.setDate(QDate(last.year, last.month, last.day))


@pytest.fixture
def log_page(qtbot, window):
    window.tabs.setCurrentWidget(window.log)
    return window.log


@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_export_through_the_page_writes_the_file(qtbot, window, log_page, demo_db, tmp_path,
                                                 monkeypatch, suffix):
    target = tmp_path / "out" / f"so-tiep.{suffix}"
    target.parent.mkdir()
    asked = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return str(target), filters.split(";;")[0 if suffix == "pdf" else 1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    first, last = date(2000, 1, 1), date.today()
    _choose_range(log_page, first, last)
    qtbot.waitUntil(lambda: log_page.count.text().endswith("dòng"), timeout=5000)
    gate = _hold_reader(window.tasks)
    qtbot.mouseClick(log_page.export_button, Qt.LeftButton)
    assert asked and asked[0][1] == f"so-tiep-cong-dan-{first:%Y%m%d}-{last:%Y%m%d}.pdf"
    # The export waits behind the held job: after ~600 ms the progress dialog shows.
    qtbot.waitUntil(lambda: _progress_dialog(log_page) is not None, timeout=5000)
    assert _progress_dialog(log_page).labelText() == "Đang xuất sổ tiếp công dân…"
    with qtbot.waitSignal(log_page.exported, timeout=20_000) as written:
        gate.set()
    assert written.args == [str(target)]
    qtbot.waitUntil(lambda: _progress_dialog(log_page) is None, timeout=5000)
    assert log_page.banner.text().startswith("Đã xuất ")
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]

    expected = len(log_ids(demo_db, LogFilter(date_from=first, date_to=last)))
    assert f"Đã xuất {expected} dòng" in log_page.banner.text()
    name = demo_db.execute(
        "SELECT pe.full_name FROM petitions p JOIN persons pe ON pe.id = p.person_id"
        " WHERE p.kind <> 'to_cao' ORDER BY p.id LIMIT 1").fetchone()[0]
    if suffix == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(target).pages)
        assert "SỔ TIẾP CÔNG DÂN" in text.upper()
        assert name.split()[-1] in text
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(target).active
        assert sheet.cell(3, 1).value == "SỔ TIẾP CÔNG DÂN"  # under the office header
        cells = {c for row in sheet.iter_rows(min_row=6, values_only=True) for c in row if c}
        assert sheet.max_row - 5 == expected
        assert any(name in str(c) for c in cells)


@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, window, log_page, tmp_path,
                                                      monkeypatch, suffix):
    target = tmp_path / "out" / f"so-tiep.{suffix}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(target), "Tệp PDF (*.pdf)"))
    _choose_range(log_page, date(2000, 1, 1), date.today())
    qtbot.waitUntil(lambda: log_page.count.text().endswith("dòng"), timeout=5000)
    written = []
    log_page.exported.connect(written.append)
    gate = _hold_reader(window.tasks)
    qtbot.mouseClick(log_page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: _progress_dialog(log_page) is not None, timeout=5000)
    dialog = _progress_dialog(log_page)
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Hủy"
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert not dialog.isVisible()
    gate.set()
    _drain_reader(qtbot, window.tasks)
    qtbot.wait(50)
    assert written == []
    assert list(target.parent.iterdir()) == []  # neither the file nor a *.part
    assert not log_page.banner.text().startswith("Đã xuất")


def test_export_to_a_folder_that_cannot_be_written_shows_a_message(qtbot, window, log_page,
                                                                    tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "so.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(target), "Tệp PDF (*.pdf)"))
    qtbot.mouseClick(log_page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: log_page.banner.text().startswith("Không ghi được tệp"), timeout=20_000)
    assert log_page.banner.isVisible()
    assert not target.parent.exists()


def test_the_book_of_petitions_received_is_exported_when_chosen(qtbot, window, log_page, demo_db,
                                                               tmp_path, monkeypatch):
    """With "Sổ tiếp nhận, xử lý đơn" chosen in the log's channel filter, the export is that
    book (letters, forwarded petitions), under its own title; 03/TCD keeps receptions."""
    from openpyxl import load_workbook

    from desk_app.core.model import Channel, IdKind, PersonForm
    from desk_app.gui.widgets.fields import select
    from tests.support import register

    writer = PersonForm(full_name="Ngô Thị Bưởi", id_kind=IdKind.KHONG,
                        address="Thôn Khúc Toại, phường Nhân Hòa")
    register(demo_db, writer, channel=Channel.BUU_CHINH, documents=())
    target = tmp_path / "so-don.xlsx"
    asked = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append((caption, suggested))
        return str(target), filters.split(";;")[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    first, last = date(2000, 1, 1), date.today()
    _choose_range(log_page, first, last)
    select(log_page.channel, "no_visit")
    qtbot.waitUntil(lambda: log_page.count.text() == "1 dòng", timeout=5000)
    with qtbot.waitSignal(log_page.exported, timeout=20_000):
        qtbot.mouseClick(log_page.export_button, Qt.LeftButton)
    assert asked[0] == ("Xuất sổ tiếp nhận, xử lý đơn",
                        f"so-tiep-nhan-don-{first:%Y%m%d}-{last:%Y%m%d}.pdf")
    sheet = load_workbook(target).active
    assert sheet.cell(3, 1).value == "SỔ TIẾP NHẬN, XỬ LÝ ĐƠN"
    assert sheet.max_row - 5 == 1
    assert any("Ngô Thị Bưởi" in str(c) for row in sheet.iter_rows(min_row=6, values_only=True)
               for c in row if c)
