"""Theo dõi vụ việc: today's counts for the officer and the chairperson, and the case list.

Each count is a button that lists its cases, most urgent first; double-click opens the case.
Overdue is said in words and in colour (never colour alone).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desk_app.core.cases.labels import FLAGS, VIEWS
from desk_app.gui import style
from desk_app.gui.models.case_model import CaseModel
from desk_app.gui.pages.base import ListPage
from desk_app.gui.widgets.flow import FlowLayout, flow_policy
from desk_app.gui.widgets.table_state import ColumnMemory


class CasesPage(ListPage):
    open_case = Signal(int)
    loaded = Signal(object)  # the Dashboard shown

    def __init__(self, tasks, reader_db, parent=None):
        super().__init__(tasks, parent)
        self.current_officer_id: int | None = None
        self.view_name = "overdue"
        self.flag: str | None = None

        self.title = QLabel(self)
        self.title.setObjectName("dashboardTitle")
        self.mine = QCheckBox(self.tr("Chỉ vụ việc giao cho &tôi"), self)
        self.mine.toggled.connect(self.reload)
        refresh = QPushButton(self.tr("Cập &nhật (F5)"), self)
        refresh.clicked.connect(self.reload)

        self.buttons: dict[str, QPushButton] = {}
        tiles = QGroupBox(self.tr("Việc cần làm"), self)
        grid = QGridLayout(tiles)
        for i, (name, label) in enumerate(VIEWS.items()):
            button = QPushButton(label, tiles)
            button.setCheckable(True)
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, n=name: self.show_view(n))
            # Two rows of tiles: seven long labels do not fit one row on a small screen.
            grid.addWidget(button, i // 4, i % 4)
            grid.setColumnStretch(i % 4, 1)
            self.buttons[name] = button
        self.flag_buttons: dict[str, QPushButton] = {}
        flags_box = QGroupBox(self.tr("Theo dấu hiệu (vụ việc đang giải quyết)"), self)
        flags_box.setSizePolicy(flow_policy())
        flags_row = FlowLayout(flags_box)
        flags_row.setContentsMargins(9, 9, 9, 9)
        for name, (_bit, label) in FLAGS.items():
            button = QPushButton(label, flags_box)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, n=name: self.show_flag(n))
            flags_row.addWidget(button)
            self.flag_buttons[name] = button

        self.list_title = QLabel(self)
        self.model = CaseModel(reader_db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        # What is late and when comes before the content: the columns an officer acts on
        # stay in view on a small screen.
        self.columns = ColumnMemory(self.table, "cases", (70, 90, 170, 80, 420, 150, 95, 130, 160),
                                    order=(0, 1, 2, 3, 7, 6, 5, 4, 8), elastic=4)
        self.table.doubleClicked.connect(self._open)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.mine)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tiles)
        layout.addWidget(flags_box)
        layout.addWidget(self.list_title)
        layout.addWidget(self.table, 1)

    # --- loading -----------------------------------------------------------------
    def show_view(self, name: str) -> None:
        self.view_name, self.flag = name, None
        self.reload()

    def show_flag(self, name: str) -> None:
        self.view_name, self.flag = "open", name
        self.reload()

    def load_job(self):
        today = date.today()
        assignee = self.current_officer_id if self.mine.isChecked() else None
        view, flag = self.view_name, self.flag

        def job(db):
            from desk_app.core.cases.dashboard import case_ids, dashboard

            return (today, dashboard(db, today, assignee),
                    case_ids(db, view, today, assignee=assignee, flag=flag))

        return job

    def loading(self) -> None:
        self.list_title.setText(self.tr("Đang tải…"))

    def show_loaded(self, result) -> None:
        today, board, ids = result
        self.title.setText(self.tr("<b>Hôm nay %1</b> — %2 vụ việc đang giải quyết")
                           .replace("%1", f"{today:%d/%m/%Y}").replace("%2", str(board.open)))
        counts = {"overdue": board.overdue, "due_soon": board.due_soon, "waiting": board.waiting,
                  "prolonged": board.prolonged, "mediation": board.mediation,
                  "police": board.police, "open": board.open}
        for name, button in self.buttons.items():
            button.setText(f"{VIEWS[name]}\n{counts[name]}")
            button.setChecked(self.flag is None and name == self.view_name)
            if name in ("overdue", "police"):  # both ask for action today
                button.setStyleSheet(style.css("error", bold=True) if counts[name] else "")
        for name, button in self.flag_buttons.items():
            button.setText(f"{FLAGS[name][1]}: {board.by_flag[name]}")
            button.setChecked(name == self.flag)
        label = FLAGS[self.flag][1] if self.flag else VIEWS[self.view_name]
        if self.view_name == "due_soon":
            label += self.tr(" (đến %1)").replace("%1", f"{board.due_soon_until:%d/%m/%Y}")
        self.list_title.setText(f"<b>{label}</b>: {len(ids)}")
        self.model.set_ids(ids, today)
        self.loaded.emit(board)

    def _open(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_case.emit(row.id)
