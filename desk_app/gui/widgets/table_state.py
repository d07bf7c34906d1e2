"""Column widths, order and visibility of a big table, remembered per user (QSettings), with
a header menu to show or hide columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from desk_app.gui.widgets.screen import available

translate = QCoreApplication.translate


class ColumnMemory:
    """Attach to a table: restores the saved layout (or the default widths) and saves every
    change a moment after it is made."""

    def __init__(self, view: QTableView, key: str, widths: tuple[int, ...],
                 always_shown: tuple[int, ...] = (0,), order: tuple[int, ...] = (),
                 elastic: int | None = None):
        """`order`: the columns' default visual order (logical indexes); `elastic`: the wide
        text column that gives up width first, so that on a small screen the default layout
        still shows every column."""
        self.view = view
        self.key = f"columns/{key}"
        self.widths = widths
        self.always_shown = always_shown
        self.order = order
        self.elastic = elastic
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        self._timer = QTimer(view, singleShot=True, interval=400)
        self._timer.timeout.connect(self.save)
        self.restore()
        header.sectionResized.connect(lambda *_: self._timer.start())
        header.sectionMoved.connect(lambda *_: self._timer.start())

    def _columns(self) -> int:
        return self.view.model().columnCount()

    def defaults(self) -> None:
        header = self.view.horizontalHeader()
        order = list(self.order) or list(range(self._columns()))
        for visual, logical in enumerate(order):
            header.setSectionHidden(logical, False)
            header.moveSection(header.visualIndex(logical), visual)
        widths = list(self.widths)
        if self.elastic is not None and self.elastic < len(widths):
            room = available(self.view).width() - 60  # frame, scroll bar, margins
            over = sum(widths) - room
            if over > 0:
                widths[self.elastic] = max(160, widths[self.elastic] - over)
        for logical, width in enumerate(widths[:self._columns()]):
            self.view.setColumnWidth(logical, width)

    def restore(self) -> None:
        settings = QSettings()
        state = settings.value(self.key + "/state")
        count = settings.value(self.key + "/count")
        self.defaults()
        # A layout saved for another set of columns (an older version) is not applied.
        if state is not None and str(count) == str(self._columns()):
            self.view.horizontalHeader().restoreState(state)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(self.key + "/state", self.view.horizontalHeader().saveState())
        settings.setValue(self.key + "/count", self._columns())

    def set_shown(self, logical: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(logical, not shown)
        self.save()

    def _menu(self, pos) -> None:
        header: QHeaderView = self.view.horizontalHeader()
        model = self.view.model()
        menu = QMenu(header)
        menu.setTitle(translate("ColumnMemory", "Cột hiển thị"))
        for logical in range(self._columns()):
            title = model.headerData(logical, Qt.Horizontal, Qt.DisplayRole)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(logical not in self.always_shown)
            action.toggled.connect(lambda on, c=logical: self.set_shown(c, on))
        menu.addSeparator()
        menu.addAction(translate("ColumnMemory", "Khôi phục cột mặc định"), lambda: (self.defaults(), self.save()))
        menu.exec(header.mapToGlobal(pos))
