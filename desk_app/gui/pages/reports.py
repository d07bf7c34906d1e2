"""Báo cáo định kỳ: choose a period, see the report's tables as the templates print them (header
rows with merged cells, the MS row, the figures), open the records behind any figure, write
the XLSX, a draft PDF, the JSON, or issue the numbered report.

The report is built on the reader thread (core/reports only reads); issuing writes the
register on the writer thread.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.reports.periods import CALENDAR, CUTOFF, current_spec
from desk_app.gui import style
from desk_app.gui.widgets.flow import FlowLayout, flow_policy


class ReportsPage(QWidget):
    open_case = Signal(int)
    open_record = Signal(int)
    loaded = Signal(object)  # the Report shown
    written = Signal(object)  # the Written file (core/reports/export.py)
    failed = Signal(str)

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.report = None
        self.dialog = None  # the last records dialog
        self.today = date.today()
        self.now = None  # "now" for the report (None: the clock); tests fix it

        self.kind = QComboBox(self)
        # (label, the part of the period spec after the year; "range": two dates)
        for label, part in ((self.tr("Quý I"), "-Q1"), (self.tr("Quý II"), "-Q2"),
                            (self.tr("Quý III"), "-Q3"), (self.tr("Quý IV"), "-Q4"),
                            (self.tr("6 tháng đầu năm"), "-6M"), (self.tr("9 tháng"), "-9M"),
                            (self.tr("Cả năm"), ""), (self.tr("Khoảng ngày"), "range")):
            self.kind.addItem(label, part)
        self.year = QSpinBox(self)
        self.year.setRange(2014, 2100)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.mode = QComboBox(self)
        # core/reports/periods.MODES says the same in the report itself.
        self.mode.addItem(self.tr("Chốt số liệu ngày 14 (Thông tư 01/2024/TT-TTCP)"), CUTOFF)
        self.mode.addItem(self.tr("Theo tháng dương lịch (01 đến cuối tháng)"), CALENDAR)
        self.build_button = QPushButton(self.tr("&Lập báo cáo"), self)
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.mode.activated.connect(self._mode_chosen)

        self.title = QLabel(self)
        self.title.setObjectName("reportTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.buttons = {}
        actions = (("xlsx", self.tr("Xuất XLS&X…")), ("pdf", self.tr("Xem &PDF (dự thảo)…")),
                   ("issue", self.tr("Phát &hành (lấy số)…")), ("json", self.tr("Xuất &JSON…")))
        row = QHBoxLayout()
        for name, label in actions:
            button = QPushButton(label, self)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, n=name: self.ask_export(n))
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)

        # The period's controls wrap on a narrow screen (1024 px, 150 %: docs/desk.md).
        top_box = QWidget(self)
        top_box.setSizePolicy(flow_policy())
        top = FlowLayout(top_box)
        period_label = QLabel(self.tr("&Kỳ báo cáo:"), self)
        period_label.setBuddy(self.kind)
        mode_label = QLabel(self.tr("Cách tí&nh:"), self)
        mode_label.setBuddy(self.mode)
        for widget in (period_label, self.kind, self.year, QLabel(self.tr("từ"), self),
                       self.date_from, QLabel(self.tr("đến"), self), self.date_to, mode_label,
                       self.mode, self.build_button):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(top_box)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        self.set_period(current_spec(self.today))
        self._loaded_mode = False

    # --- the period -------------------------------------------------------------------------

    def set_period(self, spec: str) -> None:
        """Show a period spec in the controls ("2026-Q4", "2026", "2026-11-01..2026-11-30")."""
        if ".." in spec:
            start, end = spec.split("..")
            self.kind.setCurrentIndex(self.kind.findData("range"))
            self.date_from.setDate(QDate.fromString(start, "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(end, "yyyy-MM-dd"))
        else:
            year, _, part = spec.partition("-")
            self.year.setValue(int(year))
            self.kind.setCurrentIndex(self.kind.findData(f"-{part}" if part else ""))
            self.date_from.setDate(QDate(int(year), 1, 1))
            self.date_to.setDate(QDate(int(year), 12, 31))
        self._kind_changed()

    def spec(self) -> str:
        part = self.kind.currentData()
        if part == "range":
            return (f"{self.date_from.date().toString('yyyy-MM-dd')}.."
                    f"{self.date_to.date().toString('yyyy-MM-dd')}")
        return f"{self.year.value()}{part}"

    def _kind_changed(self, *_) -> None:
        by_dates = self.kind.currentData() == "range"
        self.year.setEnabled(not by_dates)
        self.date_from.setEnabled(by_dates)
        self.date_to.setEnabled(by_dates)

    def ensure_loaded(self) -> None:
        if not self._loaded_mode:
            self._loaded_mode = True

            def job(db):
                from desk_app.core.reports.periods import office_mode

                return office_mode(db)

            self.tasks.read(job, lambda mode: self.mode.setCurrentIndex(
                self.mode.findData(mode)))

    def _mode_chosen(self, *_) -> None:
        """The office setting: every later report (and desk-app report) uses it."""
        mode = self.mode.currentData()

        def job(db):
            from desk_app.core.reports.periods import set_office_mode

            set_office_mode(db, mode)

        self.tasks.write(job, lambda _: self.report is not None and self.build(),
                         lambda e: self._show_error(e))

    # --- building ---------------------------------------------------------------------------

    def build(self) -> None:
        spec, mode, now = self.spec(), self.mode.currentData(), self.now
        self.build_button.setEnabled(False)
        self.status.setText(self.tr("Đang lập báo cáo…"))

        def job(db):
            from desk_app.core.reports.engine import build_report
            from desk_app.core.reports.periods import parse_period

            return build_report(db, parse_period(spec, mode), now=now)

        self.tasks.read(job, self.show_report, self._show_error)

    def reload(self) -> None:
        """F5: the report shown, built again from the records as they are now."""
        if self.report is not None:
            self.build()

    def _show_error(self, error) -> None:
        self.build_button.setEnabled(True)
        message = getattr(error, "message", str(error))
        self.status.setText(message)
        self.status.setStyleSheet(style.css("error", bold=True))
        self.failed.emit(message)

    def show_report(self, report) -> None:
        self.report = report
        self.build_button.setEnabled(True)
        period = report.period
        self.title.setText(f"{period.label} — {period.range_text}")
        if report.failures:
            self.status.setStyleSheet(style.css("error", bold=True))
            self.status.setText("\n".join(report.failures))
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Các số liệu khớp nhau giữa các biểu. Nhấp đúp vào một "
                                        "số để xem các hồ sơ tạo nên số đó."))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for table in report.tables:
            self.tabs.addTab(self._table_widget(table), table.layout.code or table.layout.id)
        self.tabs.setCurrentIndex(max(current, 0))
        for button in self.buttons.values():
            button.setEnabled(True)
        self.loaded.emit(report)

    def _table_widget(self, table) -> QTableWidget:
        layout = table.layout
        depth = layout.header_depth
        columns = len(layout.columns)
        widget = QTableWidget(depth + 1 + len(table.rows), columns + 1, self)
        widget.setObjectName(f"table_{layout.id}")
        widget.horizontalHeader().setVisible(False)
        widget.verticalHeader().setVisible(False)
        widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
        widget.setSelectionMode(QAbstractItemView.SingleSelection)
        widget.setWordWrap(True)
        bold = QFont(widget.font())
        bold.setBold(True)
        # Header cells shaded as the palette shades buttons: readable in a dark theme too.
        header_background = style.palette().color(QPalette.ColorRole.Button)
        for cell in layout.header:
            item = QTableWidgetItem(cell.text)
            item.setFont(bold)
            item.setTextAlignment(Qt.AlignCenter)
            item.setBackground(QBrush(header_background))
            item.setFlags(Qt.ItemIsEnabled)
            widget.setItem(cell.row, cell.col, item)
            if cell.rowspan > 1 or cell.colspan > 1:
                widget.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        ms = QTableWidgetItem("MS")
        ms.setFlags(Qt.ItemIsEnabled)
        widget.setItem(depth, 0, ms)
        for i, column in enumerate(layout.columns, start=1):
            item = QTableWidgetItem(layout.formulas.get(column.no, str(column.no)))
            item.setToolTip(item.text())  # a long identity does not fit its column
            item.setTextAlignment(Qt.AlignCenter)
            item.setFlags(Qt.ItemIsEnabled)
            widget.setItem(depth, i, item)
        for r, row in enumerate(table.rows, start=depth + 1):
            label = QTableWidgetItem(row.label)
            label.setFlags(Qt.ItemIsEnabled)
            if row.total:
                label.setFont(bold)
            widget.setItem(r, 0, label)
            for i, column in enumerate(layout.columns, start=1):
                item = QTableWidgetItem(str(row.values[column.no]))
                item.setTextAlignment(Qt.AlignCenter)
                item.setData(Qt.UserRole, f"{layout.id}:{row.key}:{column.no}")
                item.setToolTip(self.tr("Nhấp đúp để xem các hồ sơ"))
                if row.total:
                    item.setFont(bold)
                widget.setItem(r, i, item)
        widget.setColumnWidth(0, 240)
        for i in range(1, columns + 1):
            widget.setColumnWidth(i, 86 if columns > 12 else 120)
        for r in range(depth):
            widget.setRowHeight(r, 64 if r == depth - 1 else 40)
        widget.cellDoubleClicked.connect(
            lambda r, c, w=widget: self.explain(w.item(r, c).data(Qt.UserRole))
            if w.item(r, c) is not None and w.item(r, c).data(Qt.UserRole) else None)
        return widget

    def table_widget(self, table_id: str) -> QTableWidget:
        return self.findChild(QTableWidget, f"table_{table_id}")

    # --- the records behind a figure ---------------------------------------------------------

    def explain(self, cell: str) -> None:
        report = self.report
        if report is None or not cell:
            return

        def job(db):
            from desk_app.core.reports.explain import explain

            return explain(db, report.period, cell, report=report)

        self.tasks.read(job, self._show_records, self._show_error)

    def _show_records(self, found) -> None:
        from desk_app.gui.dialogs.report_records import ReportRecordsDialog

        title = f"{found.table} — {found.row} — {found.column}: {found.value}"
        self.dialog = ReportRecordsDialog(title, found.records, self, summed=found.summed)
        self.dialog.open_case.connect(self.open_case)
        self.dialog.open_record.connect(self.open_record)
        self.dialog.open()

    # --- files ----------------------------------------------------------------------------

    def ask_export(self, what: str) -> None:
        if self.report is None:
            return
        if what == "issue" and QMessageBox.question(
                self, self.tr("Phát hành báo cáo"),
                self.tr("Báo cáo sẽ được lấy số tiếp theo và vào sổ văn bản đã phát hành. "
                        "Tiếp tục?")) != QMessageBox.Yes:
            return
        suffix = {"issue": "pdf"}.get(what, what)
        name = f"bao-cao-{self.report.period.spec.replace('..', '_')}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), name,
                                              f"*.{suffix}")
        if path:
            self.export(path, issue=what == "issue")

    def export(self, path: str, *, issue: bool = False) -> None:
        report = self.report

        def job(db):
            from desk_app.core.reports.export import export_report

            return export_report(db, report.period, path, issue=issue, report=report)

        done = self._written
        if issue:
            self.tasks.write(job, done, self._show_error)
        else:
            self.tasks.read(job, done, self._show_error)

    def _written(self, written) -> None:
        number = f" số {written.number}" if written.number else ""
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Đã ghi báo cáo%1 ra %2").replace("%1", number)
                            .replace("%2", str(written.path)))
        self.written.emit(written)
