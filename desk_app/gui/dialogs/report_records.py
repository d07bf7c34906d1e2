"""The records behind a figure or a bar (core/reports/explain.py): one line each; a double-click
opens the case, the log line or the reception session it is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desk_app.core.reports.explain import Record
from desk_app.core.text import dmy
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.screen import fit


class ReportRecordsDialog(QDialog):
    open_case = Signal(int)
    open_record = Signal(int)
    open_session = Signal(int)

    def __init__(self, title: str, records: Sequence[Record], parent=None, *,
                 summed: bool = False):
        super().__init__(parent)
        self.records = tuple(records)
        self.setWindowTitle(title)
        fit(self, 980, 560)  # never larger than the screen (docs/desk.md)
        add_help_key(self, "reports")  # a window of its own: the main window's F1 stops here
        self.heading = QLabel(title, self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        count = QLabel(self.tr("%1 hồ sơ. Nhấp đúp để mở hồ sơ.")
                       .replace("%1", str(len(self.records))), self)
        self.table = QTableWidget(len(self.records), 3 if summed else 2, self)
        headers = [self.tr("Ngày"), self.tr("Hồ sơ")] + ([self.tr("Số người")] if summed else [])
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for row, record in enumerate(self.records):
            day = QTableWidgetItem(dmy(record.day))
            day.setData(Qt.UserRole, row)
            self.table.setItem(row, 0, day)
            text = QTableWidgetItem(record.text)
            text.setToolTip(record.text)
            self.table.setItem(row, 1, text)
            if summed:
                self.table.setItem(row, 2, QTableWidgetItem(str(record.weight)))
        self.table.cellDoubleClicked.connect(self.open_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(count)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def open_row(self, row: int, _column: int = 0) -> None:
        record = self.records[row]
        if record.entity in ("visit", "petition", "citizen") and record.petition_id:
            self.open_record.emit(record.petition_id)
        elif record.case_id:
            self.open_case.emit(record.case_id)
        elif record.session_id:
            self.open_session.emit(record.session_id)
