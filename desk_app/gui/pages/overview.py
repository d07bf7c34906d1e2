"""Tổng quan: the chairperson's overview as charts, readable on a projector (large type, strong
colours, every bar labelled with its number); a click on a bar lists its records.

Qt Charts (PySide6-Addons) is imported here only: this module loads when the overview tab is
first shown, so the window's start-up never pays for it (docs/reports.md measures it).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui import style

# Dark to light, distinct in colour and in grey (a projector washes colours out).
PALETTE = ("#1f3b73", "#c0392b", "#7f8c8d", "#d4ac0d", "#2e7d32", "#6a1b9a")
TITLE_PT, AXIS_PT, LABEL_PT = 15, 12, 11


class OverviewPage(QWidget):
    open_case = Signal(int)
    open_record = Signal(int)
    loaded = Signal(object)  # the Overview shown
    records_shown = Signal(object)  # the dialog listing a bar's records

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.overview = None
        self.today: date | None = None  # None: the clock's day (tests fix it)
        self.views: dict[str, QChartView] = {}
        self.sets: dict[str, list[QBarSet]] = {}
        self.order: dict[str, list[int]] = {}  # chart → the bar shown at each place
        self.dialog = None
        self._stale = True

        self.heading = QLabel(self)
        self.heading.setStyleSheet(f"font-size: {TITLE_PT + 3}pt; font-weight: bold;")
        # Wraps rather than widening the window past a 1366-pixel screen (docs/desk.md).
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(200)
        refresh = QPushButton(self.tr("Cập &nhật (F5)"), self)
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)
        self.grid_holder = QWidget(self)
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setSpacing(12)
        for column in (0, 1):  # two charts side by side share the width evenly
            self.grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        today = self.today or date.today()

        def job(db):
            from desk_app.core.reports.overview import overview

            return overview(db, today, datetime.now() if self.today is None else None)

        self.tasks.read(job, self.show_overview, lambda e: self.heading.setText(
            getattr(e, "message", str(e))))

    def show_overview(self, overview) -> None:
        self.overview = overview
        self.heading.setText(self.tr("Tổng quan đến ngày %1 — %2 đơn trong 12 tháng, %3 vụ việc "
                                     "đang giải quyết, %4 quá hạn")
                             .replace("%1", f"{overview.today:%d/%m/%Y}")
                             .replace("%2", str(overview.totals["received"]))
                             .replace("%3", str(overview.totals["open"]))
                             .replace("%4", str(overview.totals["overdue"])))
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.views.clear()
        self.sets.clear()
        row, col = 0, 0
        for chart in overview.charts:
            view = self._view(chart)
            self.views[chart.id] = view
            if chart.id in ("by_month", "sessions"):  # months across: a whole row
                row, col = (row + 1, 0) if col else (row, 0)
                self.grid.addWidget(view, row, 0, 1, 2)
                row += 1
            else:
                self.grid.addWidget(view, row, col)
                row, col = (row + 1, 0) if col else (row, 1)
        for view in self.views.values():
            view.show()
        self.loaded.emit(overview)

    def _view(self, chart) -> QChartView:
        q = QChart()
        # The chart's own background and text follow the desk's theme (gui/style.py); the
        # bars keep their projector colours, set after the theme (a theme resets them).
        dark = style.is_dark()
        q.setTheme(QChart.ChartThemeDark if dark else QChart.ChartThemeLight)
        q.setTitle(chart.title)
        title_font = QFont(self.font())
        title_font.setPointSize(TITLE_PT)
        title_font.setBold(True)
        q.setTitleFont(title_font)
        q.setAnimationOptions(QChart.NoAnimation)
        q.setMargins(QMargins(6, 6, 6, 6))
        if chart.horizontal:
            series = QHorizontalBarSeries()
        elif chart.stacked:
            series = QStackedBarSeries()
        else:
            series = QBarSeries()
        label_font = QFont(self.font())
        label_font.setPointSize(LABEL_PT)
        sets = []
        # Horizontal bars are drawn bottom-up: reversed, the first (largest) is on top.
        order = list(range(len(chart.categories)))
        if chart.horizontal:
            order.reverse()
        self.order[chart.id] = order
        for index, s in enumerate(chart.series):
            bar_set = QBarSet(s.name or chart.title)
            bar_set.append([float(s.bars[i].value) for i in order])
            colour = QColor(PALETTE[index % len(PALETTE)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.setLabelFont(label_font)
            if chart.stacked:  # inside the bar: white on dark bars, black on the yellow
                luma = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
                bar_set.setLabelColor(QColor("#ffffff") if luma < 150 else QColor("#000000"))
            else:  # above the bar, on the chart's background
                bar_set.setLabelColor(colour.lighter(170) if dark else colour.darker(130))
            bar_set.clicked.connect(
                lambda i, c=chart.id, n=index, o=order: self.open_bar(c, n, o[i]))
            series.append(bar_set)
            sets.append(bar_set)
        self.sets[chart.id] = sets
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsCenter if chart.stacked
                                 else QBarSeries.LabelsOutsideEnd)
        q.addSeries(series)
        axis_font = QFont(self.font())
        axis_font.setPointSize(AXIS_PT)
        categories = QBarCategoryAxis()
        categories.append([chart.categories[i] for i in order])
        categories.setLabelsFont(axis_font)
        values = QValueAxis()
        values.setLabelsFont(axis_font)
        values.setLabelFormat("%d")
        top = max([sum(b.value for b in bars) for bars in zip(
            *(s.bars for s in chart.series), strict=True)] if chart.stacked else
            [b.value for s in chart.series for b in s.bars] or [0])
        values.setRange(0, max(5, top * 1.18))
        values.applyNiceNumbers()
        if chart.horizontal:
            q.addAxis(categories, Qt.AlignLeft)
            q.addAxis(values, Qt.AlignBottom)
        else:
            q.addAxis(categories, Qt.AlignBottom)
            q.addAxis(values, Qt.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        legend = q.legend()
        legend.setVisible(len(chart.series) > 1)
        legend.setAlignment(Qt.AlignBottom)
        legend.setFont(axis_font)
        view = QChartView(q, self.grid_holder)
        view.setObjectName(f"chart_{chart.id}")
        view.setRenderHint(QPainter.Antialiasing)
        view.setMinimumHeight(380 if chart.id in ("by_month", "sessions") else 340)
        view.setToolTip("\n".join(x for x in (chart.note, self.tr(
            "Nhấp vào một cột để xem các hồ sơ")) if x))
        return view

    # --- a bar's records ------------------------------------------------------------------------

    def open_bar(self, chart_id: str, series: int, index: int) -> None:
        overview = self.overview
        if overview is None:
            return
        chart = overview.chart(chart_id)
        bar = chart.series[series].bars[index]
        today = overview.today

        def job(db):
            from desk_app.core.reports.overview import bar_records

            return bar_records(db, chart_id, bar.key, today)

        title = " — ".join(x for x in (chart.title, chart.series[series].name, bar.label) if x)
        self.tasks.read(job, lambda records: self._show(f"{title}: {bar.value}", records))

    def _show(self, title: str, records) -> None:
        from desk_app.gui.dialogs.report_records import ReportRecordsDialog

        self.dialog = ReportRecordsDialog(title, records, self)
        self.dialog.open_case.connect(self.open_case)
        self.dialog.open_record.connect(self.open_record)
        self.dialog.open()
        self.records_shown.emit(self.dialog)
