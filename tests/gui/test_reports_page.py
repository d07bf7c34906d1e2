"""The reports tab and the chairperson's overview, through their widgets: the tables as the
templates print them, a figure opens its records and a record its case, files and the numbered
report, the period mode setting; the overview's charts and a bar's records; start-up does not
load the reports or the chart library."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.core.opening import open_db
from desk_app.core.reports.overview import overview
from desk_app.gui.tasks import Tasks
from tests.core.reports.conftest import REPORT_NOW, build_office
from tests.support import TEST_PASSWORD, TEST_USER, copy_template

SHOTS = Path(__file__).resolve().parents[2] / "benchmarks" / ".cache" / "shots"


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


@pytest.fixture
def office(tmp_path, schema_template):
    path = tmp_path / "office" / "desk.sqlite3"
    path.parent.mkdir()
    copy_template(schema_template, path)  # and its keyring, unlocked
    db = open_db(path)
    ids = build_office(db)
    db.close()
    return path, ids


@pytest.fixture
def runner(qtbot, office):
    tasks = Tasks(office[0])
    yield tasks
    tasks.shutdown()


def _shot(widget, name: str) -> None:
    """Kept for a person to look at (benchmarks/.cache is git-ignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


@pytest.fixture
def page(qtbot, runner):
    from desk_app.gui.pages.reports import ReportsPage

    page = ReportsPage(runner)
    qtbot.addWidget(page)
    page.resize(1500, 800)
    page.show()
    page.now = REPORT_NOW
    page.set_period("2026-Q4")
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.build()
    return page


def test_tables_as_the_templates_print_them(qtbot, page):
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Biểu số 01/TCD", "Biểu số 01/XLD", "Biểu số 01/KQGQ", "Biểu số 02/TCD",
        "Biểu số 03/TCD", "Biểu số 04/TCD"]
    assert page.title.text() == ("Quý IV năm 2026 — Số liệu tính từ ngày 15/09/2026 đến ngày "
                                 "14/12/2026")
    xld = page.table_widget("xld")
    depth = page.report.table("xld").layout.header_depth
    assert xld.item(0, 2).text() == "Kỳ trước chuyển sang"
    assert (xld.rowSpan(0, 0), xld.columnSpan(0, 2), xld.rowSpan(1, 2)) == (depth, 2, depth - 1)
    assert xld.item(depth, 1).text() == "1=2+3+4+5"
    figures = [xld.item(depth + 1, c).text() for c in range(1, 27)]
    assert figures[:10] == ["10", "1", "0", "8", "1", "8", "2", "1", "7", "6"]
    page.tabs.setCurrentIndex(1)
    _shot(page, "reports-page.png")


def test_a_figure_opens_its_records_and_a_record_its_case(qtbot, page, office):
    ids = office[1]
    kntc = page.table_widget("kntc")
    depth = page.report.table("kntc").layout.header_depth
    assert kntc.item(depth + 2, 0).text() == "Tố cáo"
    kntc.cellDoubleClicked.emit(depth + 2, 8)  # Tố cáo, (8) quá thời hạn
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10000)
    dialog = page.dialog
    assert dialog.table.rowCount() == 1
    assert "Tố cáo" in dialog.table.item(0, 1).text()
    with qtbot.waitSignal(page.open_case, timeout=5000) as opened:
        dialog.table.cellDoubleClicked.emit(0, 1)
    assert opened.args == [ids["C3"]]
    _shot(dialog, "report-records.png")
    dialog.close()
    # People (a summed column) list each visit with its number of people.
    tcd = page.table_widget("tcd")
    depth = page.report.table("tcd").layout.header_depth
    tcd.cellDoubleClicked.emit(depth + 1, 7)
    qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog.isVisible(),
                    timeout=10000)
    assert page.dialog.table.columnCount() == 3 and page.dialog.table.item(0, 2).text() == "6"


def test_files_and_the_numbered_report(qtbot, page, tmp_path):
    out = tmp_path / "q4.xlsx"
    with qtbot.waitSignal(page.written, timeout=20000):
        page.export(str(out))
    assert load_workbook(out)["01-XLD"]["B10"].value == 10
    with qtbot.waitSignal(page.written, timeout=20000) as done:
        page.export(str(tmp_path / "q4.pdf"), issue=True)
    assert done.args[0].number == "01/BC-UBND"
    assert "Đã ghi báo cáo số 01/BC-UBND" in page.status.text()


def test_period_mode_is_saved_for_the_office(qtbot, page, office):
    page.mode.setCurrentIndex(page.mode.findData("calendar"))
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.mode.activated.emit(page.mode.currentIndex())
    assert page.report.period.start == date(2026, 10, 1)
    db = open_db(office[0])
    try:
        assert db.execute("SELECT value FROM settings WHERE key = 'report_period_mode'"
                          ).fetchone() == ("calendar",)
    finally:
        db.close()


def test_a_bad_range_says_what_to_do(qtbot, page):
    page.set_period("2026-12-01..2026-11-01")
    with qtbot.waitSignal(page.failed, timeout=10000) as failed:
        page.build()
    assert failed.args == ["Ngày cuối kỳ (01/11/2026) trước ngày đầu kỳ (01/12/2026). "
                           "Hãy sửa lại khoảng ngày."]


def test_overview_charts_and_a_bar_s_records(qtbot, runner, office):
    from desk_app.gui.pages.overview import OverviewPage

    page = OverviewPage(runner)
    qtbot.addWidget(page)
    page.resize(1400, 1900)
    page.show()
    page.today = date(2026, 12, 15)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.ensure_loaded()
    expected = overview(open_db(office[0]), date(2026, 12, 15))
    assert set(page.views) == {c.id for c in expected.charts} == {
        "by_month", "by_kind", "by_topic", "status", "attention", "sessions", "areas"}
    for chart in expected.charts:
        order = page.order[chart.id]  # horizontal charts: the first bar drawn on top
        assert [[int(s.at(i)) for i in range(s.count())] for s in page.sets[chart.id]] == [
            [series.bars[i].value for i in order] for series in chart.series], chart.id
    topics = page.sets["by_topic"][0]
    assert int(topics.at(topics.count() - 1)) == 6  # Đất đai, the largest, on top
    assert "vụ việc đang giải quyết" in page.heading.text()
    qtbot.wait(100)
    _shot(page, "overview-page.png")
    # Click the "Tố cáo" bar of October: the petitions behind it.
    month = [b.key for b in expected.chart("by_month").series[1].bars].index("2026-10|to_cao")
    with qtbot.waitSignal(page.records_shown, timeout=10000) as shown:
        page.sets["by_month"][1].clicked.emit(month)
    dialog = shown.args[0]
    assert dialog.table.rowCount() == 1 and "Tố cáo" in dialog.table.item(0, 1).text()
    with qtbot.waitSignal(page.open_record, timeout=5000) as opened:
        dialog.table.cellDoubleClicked.emit(0, 1)
    assert opened.args[0] > 0


def test_start_up_loads_neither_reports_nor_charts(tmp_path, office):
    """The window shows without importing the reports or Qt Charts (benchmark 5 compares the
    start-up with a bare window)."""
    code = f"""
import sys
from pathlib import Path
from desk_app.core.security import keyring
from desk_app.core.storage import keys
from desk_app.core.storage.db import open_reader
from desk_app.core.storage.office import get_office, officers
from desk_app.gui.tasks import Tasks
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desk_app.gui.main_window import MainWindow
path = {str(office[0])!r}
keys.unlock(Path(path).parent, keyring.unlock(Path(path).parent, {TEST_USER!r}, {TEST_PASSWORD!r}))
reader = open_reader(path)
win = MainWindow(Tasks(path), reader, get_office(reader), officers(reader))
win.show(); app.processEvents()
print(sorted(m for m in sys.modules if m.startswith(("PySide6.QtCharts", "desk_app.core.reports",
                                                      "desk_app.gui.pages.overview"))))
win.tasks.shutdown()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "DESK_APP_TEST_FAST_KDF": "1",
                               "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_tabs_open_the_pages(qtbot, window):
    reports = window.show_reports()
    assert window.reports is reports and window.tabs.currentWidget() is window._reports_holder
    page = window.show_overview()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=20000)
    assert page.overview.totals["received"] > 0
