"""A table over a sorted id array whose rows load a page at a time (docs/architecture.md, “Big lists”).

The worker computes the ids in SQL; the model fetches 64 rows per page on the GUI thread
from a read connection and keeps a few pages, so a million-row list scrolls smoothly. A page
is about two screens: each row costs a handful of random reads (its visit, identity, case),
so a bigger page only delays the first paint (docs/log.md).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desk_app.gui import style

PAGE = 64
CACHED_PAGES = 32


class PagedIdModel(QAbstractTableModel):
    """Subclasses give `fetch(ids) -> rows` (each with `.key_id`) and the Qt data methods."""

    def __init__(self, db, parent=None):
        """`db`: a read connection, or a callable opening one when the first page is needed."""
        super().__init__(parent)
        self._db = db
        self.ids = array("q")
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._bold = QFont()
        self._bold.setBold(True)

    def overdue_style(self, role):
        """Foreground and font of a cell that says a case is overdue (with the words "Quá
        hạn n ngày": never colour alone), in the palette's shade of red."""
        if role == Qt.ForegroundRole:
            return QBrush(style.color("error"))
        if role == Qt.FontRole:
            return self._bold
        return None

    @property
    def db(self):
        if not hasattr(self._db, "execute"):  # a factory, not yet opened
            self._db = self._db()
        return self._db

    def fetch(self, ids: list[int]) -> list:
        raise NotImplementedError

    def row_id(self, row) -> int:
        raise NotImplementedError

    def set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self.ids = ids
        self._pages.clear()
        self.endResetModel()

    def extend_ids(self, ids: array) -> None:
        """The whole list, of which the rows shown are the start: rows are added below them,
        so what is on screen (position, selection) stays."""
        if ids[:len(self.ids)] != self.ids:
            self.set_ids(ids)
            return
        if len(ids) > len(self.ids):
            self.beginInsertRows(QModelIndex(), len(self.ids), len(ids) - 1)
            self.ids = ids
            self.endInsertRows()

    def insert_ids(self, placed: list[tuple[int, int]]) -> None:
        """Insert ids at positions (increasing, each counted after the ones before it)."""
        for position, pid in placed:
            self.beginInsertRows(QModelIndex(), position, position)
            self.ids.insert(position, pid)
            # cached pages from this one on hold other rows now
            for page_no in [p for p in self._pages if (p + 1) * PAGE > position]:
                del self._pages[page_no]
            self.endInsertRows()

    def refresh_rows(self) -> None:
        self._pages.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def row_at(self, row: int):
        if not 0 <= row < len(self.ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            chunk = list(self.ids[page_no * PAGE:(page_no + 1) * PAGE])
            fetched = self.fetch(chunk)
            if len(fetched) != len(chunk):  # a row vanished meanwhile: keep positions stable
                by_id = {self.row_id(r): r for r in fetched}
                fetched = [by_id.get(i) for i in chunk]
            page = self._pages[page_no] = fetched
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)
