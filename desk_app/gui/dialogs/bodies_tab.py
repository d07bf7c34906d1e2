"""Cài đặt → Danh bạ cơ quan: the administrator adds, corrects or hides the bodies the office
guides towards or transfers to (core/bodies.py; docs/channels.md). Shipped entries can be
changed too: the office's row overrides them under the same code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.bodies import KINDS, Body
from desk_app.core.errors import DeskError
from desk_app.core.text import matches
from desk_app.gui import style
from desk_app.gui.widgets.fields import combo, select


class BodiesTab(QWidget):
    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.bodies: tuple[Body, ...] = ()
        self.code: str | None = None  # the entry being edited; None: a new one
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Lọc theo tên (gõ không dấu cũng được)"))
        self.filter.textChanged.connect(self._show)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên cơ quan"), self.tr("Loại"), self.tr("Địa chỉ"), self.tr("Ẩn")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        self.table.setColumnWidth(2, 200)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._picked)

        self.name = QLineEdit(self)
        self.kind = combo(list(KINDS.items()), self)
        self.address = QLineEdit(self)
        self.aliases = QLineEdit(self)
        self.aliases.setPlaceholderText(self.tr("Tên cũ, tên viết tắt; cách nhau bằng dấu chấm phẩy"))
        self.hidden = QCheckBox(self.tr("Ẩn khỏi danh sách gợi ý"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        new = QPushButton(self.tr("Thêm &mới"), self)
        new.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("&Ghi cơ quan"), self)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        name_label = QLabel(self.tr("&Tên cơ quan"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow(self.tr("Loại"), self.kind)
        form.addRow(self.tr("Địa chỉ"), self.address)
        form.addRow(self.tr("Tên khác"), self.aliases)
        form.addRow(self.hidden)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        def job(db):
            from desk_app.core.bodies import directory

            return directory(db, include_hidden=True)

        self.tasks.read(job, self._loaded, self._failed)

    def _loaded(self, bodies) -> None:
        self.bodies = bodies
        self._show()

    def visible_bodies(self) -> list[Body]:
        typed = self.filter.text().strip()
        return [b for b in self.bodies
                if not typed or any(matches(typed, n) for n in (b.name, *b.aliases))]

    def _show(self, *_) -> None:
        shown = self.visible_bodies()
        self.table.setRowCount(len(shown))
        for row, body in enumerate(shown):
            for column, text in enumerate((body.name, KINDS.get(body.kind, body.kind),
                                           body.address, "")):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, body.code)
                self.table.setItem(row, column, item)
        self._hidden_marks()

    def _hidden_marks(self) -> None:
        """Hidden entries are the office's rows with `hidden`; the directory lists them only
        with include_hidden, so they are marked from a second read."""
        def job(db):
            return {r[0] for r in db.execute("SELECT code FROM bodies WHERE hidden = 1")}

        def mark(codes) -> None:
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 3)
                if item is not None and item.data(Qt.UserRole) in codes:
                    item.setText("x")

        self.tasks.read(job, mark, self._failed)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        code = self.table.item(rows[0].row(), 0).data(Qt.UserRole)
        body = next((b for b in self.bodies if b.code == code), None)
        if body is None:
            return
        self.code = body.code
        self.name.setText(body.name)
        select(self.kind, body.kind)
        self.address.setText(body.address)
        self.aliases.setText("; ".join(body.aliases))
        self.hidden.setChecked(self.table.item(rows[0].row(), 3).text() == "x")
        self.message.clear()

    def start_new(self) -> None:
        self.table.clearSelection()
        self.code = None
        for edit in (self.name, self.address, self.aliases):
            edit.clear()
        select(self.kind, "khac")
        self.hidden.setChecked(False)
        self.name.setFocus()

    def save(self) -> None:
        values = {"code": self.code, "name": self.name.text(), "kind": self.kind.currentData(),
                  "address": self.address.text(),
                  "aliases": tuple(a.strip() for a in self.aliases.text().split(";")),
                  "hidden": self.hidden.isChecked()}

        def job(db):
            from desk_app.core.bodies import save_body

            return save_body(db, **values)

        def done(code) -> None:
            self.code = code
            self.message.setStyleSheet(style.css("ok"))
            self.message.setText(self.tr("Đã ghi “%1” vào danh bạ.").replace("%1", values["name"]))
            self.load()

        self.tasks.write(job, done, self._failed)

    def _failed(self, error) -> None:
        if not isinstance(error, DeskError):
            raise error
        self.message.setStyleSheet(style.css("error"))
        self.message.setText(error.message)
