"""The case list: a sorted id array from the worker, rows loaded a page at a time."""

from __future__ import annotations

from array import array
from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from desk_app.core.cases.labels import due_text, flag_names
from desk_app.core.cases.lifecycle import status_label
from desk_app.core.catalog import PETITION_KIND_LABELS
from desk_app.core.text import dmy
from desk_app.gui.models.paged import PagedIdModel


class CaseModel(PagedIdModel):
    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        self.today = date.today()
        self.columns = (
            (self.tr("Số"), lambda r: f"#{r.id}"),
            (self.tr("Ngày nhận"), lambda r: dmy(r.opened_on)),
            (self.tr("Người gửi"), lambda r: r.person_name),
            (self.tr("Loại"), lambda r: PETITION_KIND_LABELS.get(r.kind, r.kind)),
            (self.tr("Nội dung"), lambda r: r.title),
            (self.tr("Trạng thái"), lambda r: status_label(r.status, r.kind)),
            (self.tr("Hạn tiếp theo"), lambda r: dmy(r.due_on)),
            (self.tr("Tình trạng hạn"), lambda r: due_text(r.due_on, self.today)[0]),
            (self.tr("Dấu hiệu"), lambda r: ", ".join(flag_names(r.flags))),
        )

    def fetch(self, ids: list[int]) -> list:
        from desk_app.core.cases.view import case_rows

        return case_rows(self.db, ids)

    def row_id(self, row) -> int:
        return row.id

    def set_ids(self, ids: array, today: date | None = None) -> None:
        self.today = today or date.today()
        super().set_ids(ids)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.columns[index.column()][1](row)
        if index.column() in (6, 7) and due_text(row.due_on, self.today)[1]:
            return self.overdue_style(role)
        return None
