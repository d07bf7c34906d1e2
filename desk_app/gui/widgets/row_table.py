"""A small editable table with "add" and "remove the chosen row" buttons under it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def cell_text(table: QTableWidget, row: int, column: int, default: str = "") -> str:
    item = table.item(row, column)
    return item.text() if item is not None else default


class RowTable(QWidget):
    def __init__(self, headers: list[str], add_text: str, parent=None, add=None,
                 rows_shown: int = 3):
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the form flows on
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        # room for `rows_shown` whole rows, never a row and a half
        self.table.setMinimumHeight(header + row_height * rows_shown + 4)
        self.table.setMaximumHeight(header + row_height * (rows_shown + 1) + 4)
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(lambda: add() if add else self.add_row(edit=True))
        self.remove_button = QPushButton(self.tr("Xóa dòng chọn"), self)
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, *texts: str, edit: bool = False) -> int:
        """A new row; `edit`: the cursor goes into its first cell, ready to type."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            text = texts[column] if column < len(texts) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)
        if edit:
            self.table.setFocus()
            self.table.editItem(self.table.item(row, 0))
        return row

    def focus_order(self) -> list:
        return [self.table, self.add_button, self.remove_button]
