"""The case list: a sorted id array from the worker, rows loaded a page at a time."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.core.case_labels import due_text, flag_names
from desk_app.core.catalog import PETITION_KIND_LABELS
from desk_app.core.lifecycle import STATUS_LABELS

PAGE = 256
CACHED_PAGES = 8
OVERDUE = QColor("#b00020")


def _d(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""


class CaseModel(QAbstractTableModel):
    def __init__(self, db, parent=None):
        """`db`: a read connection, or a callable opening one when the first page is needed."""
        super().__init__(parent)
        self._db = db
        self.ids = array("q")
        self.today = date.today()
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._bold = QFont()
        self._bold.setBold(True)
        self.columns = (
            (self.tr("Số"), lambda r: f"#{r.id}"),
            (self.tr("Ngày nhận"), lambda r: _d(r.opened_on)),
            (self.tr("Người gửi"), lambda r: r.person_name),
            (self.tr("Loại"), lambda r: PETITION_KIND_LABELS.get(r.kind, r.kind)),
            (self.tr("Nội dung"), lambda r: r.title),
            (self.tr("Trạng thái"), lambda r: STATUS_LABELS.get(r.status, r.status)),
            (self.tr("Hạn tiếp theo"), lambda r: _d(r.due_on)),
            (self.tr("Tình trạng hạn"), lambda r: due_text(r.due_on, self.today)[0]),
            (self.tr("Dấu hiệu"), lambda r: ", ".join(flag_names(r.flags))),
        )

    @property
    def db(self):
        if not hasattr(self._db, "execute"):
            self._db = self._db()
        return self._db

    def set_ids(self, ids: array, today: date) -> None:
        self.beginResetModel()
        self.ids, self.today = ids, today
        self._pages.clear()
        self.endResetModel()

    def row_at(self, row: int):
        if not 0 <= row < len(self.ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            chunk = list(self.ids[page_no * PAGE:(page_no + 1) * PAGE])
            from desk_app.core.case_view import case_rows

            by_id = {r.id: r for r in case_rows(self.db, chunk)}
            page = [by_id.get(i) for i in chunk]
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

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
        overdue = due_text(row.due_on, self.today)[1]
        if overdue and index.column() in (6, 7):
            if role == Qt.ForegroundRole:
                return QBrush(OVERDUE)
            if role == Qt.FontRole:
                return self._bold
        return None
