"""A searchable picker for provinces and communes: Vietnamese order, and typing a few letters
of any word, with or without tones ("nhan hoa", "hoa nh"), lists what matches."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from desk_app.core.catalog import unit_sort_key
from desk_app.core.text import matches


class _Matching(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, query: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated
            self.beginFilterChange()
            self.query = query
            self.endFilterChange()
        else:
            self.query = query
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        if not self.query.strip():
            return True
        text = self.sourceModel().index(row, 0, parent).data() or ""
        return bool(text) and matches(self.query, text)


class UnitPicker(QComboBox):
    """Items are (code, name); `code()` is the chosen code, or None while the typed text names
    no item."""

    def __init__(self, parent=None, blank: bool = False):
        super().__init__(parent)
        self.blank = blank
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMaxVisibleItems(15)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._matching = _Matching(self)
        self._matching.setSourceModel(self._items)
        completer = QCompleter(self._matching, self)
        completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._settle)

    def set_items(self, items) -> None:
        """(code, name) pairs, shown in Vietnamese order of the unit's proper name."""
        self.blockSignals(True)
        self._items.clear()
        if self.blank:
            self._items.appendRow(QStandardItem(""))
        for code, name in sorted(items, key=lambda item: unit_sort_key(item[1])):
            row = QStandardItem(name)
            row.setData(str(code), Qt.UserRole)
            self._items.appendRow(row)
        self.blockSignals(False)
        self.setCurrentIndex(0 if self.count() else -1)

    def _typed(self, text: str) -> None:
        self._matching.set_query(text)
        if text.strip():
            self.completer().complete()

    def _settle(self) -> None:
        """Leaving the field with typed text: take the first match, so a keyboard user can
        type "nhan hoa" and Tab on."""
        text = self.currentText()
        if text == self.itemText(self.currentIndex()):
            return
        self._matching.set_query(text)
        if text.strip() and self._matching.rowCount():
            source = self._matching.mapToSource(self._matching.index(0, 0))
            self.setCurrentIndex(source.row())
        elif not text.strip() and self.blank:
            self.setCurrentIndex(0)

    def code(self) -> str | None:
        if self.currentIndex() < 0 or self.currentText() != self.itemText(self.currentIndex()):
            return None
        return self.currentData() or None

    def select(self, code) -> None:
        index = self.findData(None if code is None else str(code))
        if index >= 0:
            self.setCurrentIndex(index)
