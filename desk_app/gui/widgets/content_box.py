"""Nội dung: what the visitor brings, one editor per kind of content (a petition mixing
kinds is split into one petition per kind, Law on Citizen Reception art. 25)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desk_app.core import catalog
from desk_app.core.model import PetitionKind, PetitionPart
from desk_app.gui import style
from desk_app.gui.widgets.fields import combo, select, typed_date


class PartEditor(QGroupBox):
    """One kind of content."""

    removed = Signal(object)

    def __init__(self, number: int, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Nội dung %n", "", number))
        self.kind = combo(catalog.PETITION_KIND_LABELS, self)
        select(self.kind, PetitionKind.KIEN_NGHI)
        self.topic = combo([(t.code, t.name) for t in catalog.topics()], self)
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText(self.tr("Tóm tắt nội dung công dân trình bày"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(70)
        self.remove_button = QPushButton(self.tr("Bỏ nội dung này"), self)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        # Complaints Law art. 9: the 90-day limitation runs from the day the complainant
        # received or knew of the act; optional, and a late complaint is only warned of.
        self.known_label = QLabel(self.tr("Ngày biết quyết định, hành vi bị khiếu nại"), self)
        self.known_label.setWordWrap(True)
        self.known = QLineEdit(self)
        self.known.setPlaceholderText(self.tr("ngày/tháng/năm (nếu biết)"))
        self.known_label.setBuddy(self.known)
        self.warning = QLabel(self)
        self.warning.setObjectName("limitation_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(style.css("warn"))
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Loại đơn")), 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(QLabel(self.tr("Lĩnh vực")), 0, 2)
        layout.addWidget(self.topic, 0, 3)
        layout.addWidget(self.remove_button, 0, 4)
        layout.addWidget(self.summary, 1, 0, 1, 5)
        layout.addWidget(self.known_label, 2, 0, 1, 2)
        layout.addWidget(self.known, 2, 2, 1, 2)
        layout.addWidget(self.warning, 3, 0, 1, 5)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def focus_order(self) -> list:
        return [self.kind, self.topic, self.summary, self.known, self.remove_button]

    def _kind_changed(self, *_) -> None:
        complaint = self.kind.currentData() == PetitionKind.KHIEU_NAI
        for widget in (self.known_label, self.known):
            widget.setVisible(complaint)
        if not complaint:
            self.warning.clear()
        self.warning.setVisible(complaint and bool(self.warning.text()))

    def known_on(self) -> date | None:
        text = self.known.text().strip()
        if not text or self.kind.currentData() != PetitionKind.KHIEU_NAI:
            return None
        return typed_date(text, "known_on", "04/03/2026")

    def show_warning(self, text: str | None) -> None:
        self.warning.setText(text or "")
        self.warning.setVisible(bool(text))

    def value(self) -> PetitionPart:
        return PetitionPart(PetitionKind(self.kind.currentData()), self.topic.currentData(),
                            self.summary.toPlainText(), self.known_on())


class ContentBox(QGroupBox):
    changed = Signal()  # a part was added or removed: the focus chain must follow
    known_entered = Signal(object)  # a PartEditor whose limitation date was typed

    def __init__(self, parent=None):
        super().__init__(self.tr("Nội dung"), parent)
        self.parts: list[PartEditor] = []
        self._parts_layout = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm &nội dung khác loại (đơn có nhiều nội dung)"),
                                      self)
        self.add_button.clicked.connect(lambda: self.add_part())
        layout = QVBoxLayout(self)
        layout.addLayout(self._parts_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignLeft)

    def focus_order(self) -> list:
        return [w for editor in self.parts for w in editor.focus_order()] + [self.add_button]

    def add_part(self) -> PartEditor:
        editor = PartEditor(len(self.parts) + 1, self)
        editor.removed.connect(self._remove_part)
        editor.known.editingFinished.connect(lambda e=editor: self.known_entered.emit(e))
        self.parts.append(editor)
        self._parts_layout.addWidget(editor)
        self._renumber()
        self.changed.emit()
        return editor

    def _remove_part(self, editor: PartEditor) -> None:
        if len(self.parts) > 1:
            self.parts.remove(editor)
            editor.deleteLater()
            self._renumber()
            self.changed.emit()

    def _renumber(self) -> None:
        for number, editor in enumerate(self.parts, start=1):
            editor.setTitle(self.tr("Nội dung %n", "", number))
            editor.remove_button.setVisible(len(self.parts) > 1)

    def clear(self) -> None:
        for editor in self.parts:
            editor.deleteLater()
        self.parts.clear()
        self.add_part()

    def is_blank(self) -> bool:
        return (len(self.parts) == 1 and not self.parts[0].summary.toPlainText().strip()
                and not self.parts[0].known.text().strip())

    def values(self) -> tuple[PetitionPart, ...]:
        return tuple(editor.value() for editor in self.parts)
