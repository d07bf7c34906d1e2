"""Thông tin, tài liệu nhận: the items listed on the receipt (form 02/TCD): name, pages,
condition, original or copy."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QTableWidgetItem, QVBoxLayout

from desk_app.core.catalog import COPY_LABELS
from desk_app.core.model import DocCopy, DocumentItem
from desk_app.gui.widgets.fields import combo, select
from desk_app.gui.widgets.row_table import RowTable, cell_text


class DocumentsBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(self.tr("Thông tin, tài liệu nhận"), parent)
        self.rows = RowTable([self.tr("Tên tài liệu"), self.tr("Số trang"), self.tr("Tình trạng"),
                              self.tr("Bản gốc/sao")], self.tr("Thêm tài &liệu"), self,
                             add=lambda: self.add_document(edit=True))
        self.table = self.rows.table
        QVBoxLayout(self).addWidget(self.rows)

    def focus_order(self) -> list:
        return self.rows.focus_order()

    def add_document(self, name: str = "", pages: int = 1, condition: str = "",
                     copy: DocCopy = DocCopy.ORIGINAL, edit: bool = False) -> None:
        """A row for one paper; `edit`: the cursor goes into its name, ready to type."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(str(pages)))
        self.table.setItem(row, 2, QTableWidgetItem(condition))
        box = combo(COPY_LABELS, self.table)
        select(box, copy)
        self.table.setCellWidget(row, 3, box)
        self.table.setCurrentCell(row, 0)
        if edit:
            self.table.setFocus()
            self.table.editItem(self.table.item(row, 0))

    def clear(self) -> None:
        self.table.setRowCount(0)

    def values(self) -> tuple[DocumentItem, ...]:
        docs = []
        for row in range(self.table.rowCount()):
            name = cell_text(self.table, row, 0)
            pages_text = cell_text(self.table, row, 1, "1").strip()
            condition = cell_text(self.table, row, 2)
            box = self.table.cellWidget(row, 3)
            if not name.strip() and not condition.strip():
                continue
            docs.append(DocumentItem(name, int(pages_text) if pages_text.isdigit() else 0,
                                     condition,
                                     DocCopy(box.currentData()) if box else DocCopy.ORIGINAL))
        return tuple(docs)
