"""Người đã từng đến: the earlier visits and open cases of the ID number being typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QPushButton, QVBoxLayout

from desk_app.core import catalog
from desk_app.core.model import KnownPerson, PetitionKind
from desk_app.core.text import dmy
from desk_app.gui import style


class KnownPersonPanel(QGroupBox):
    use_saved = Signal(object)  # KnownPerson: fill the form with the saved identity
    reveal_requested = Signal()  # show the visits kept secret too (a reason is asked)

    def __init__(self, parent=None):
        super().__init__(self.tr("Người đã từng đến"), parent)
        self.setObjectName("known")
        self.person: KnownPerson | None = None
        self.label = QLabel(self.tr("Nhập hoặc quét số căn cước để xem các lần đến trước."), self)
        self.label.setWordWrap(True)
        self.visits = QListWidget(self)
        self.visits.setWordWrap(True)  # a long summary wraps rather than scrolls sideways
        self.visits.setSpacing(2)
        self.visits.setAlternatingRowColors(True)
        self.fill = QPushButton(self.tr("Dùng thông tin đã lư&u"), self)
        self.fill.clicked.connect(lambda: self.person and self.use_saved.emit(self.person))
        self.fill.setEnabled(False)
        # Shown to a role that may see denouncers, whatever the number typed: its presence
        # must not tell that this person denounced (core/security/secrecy.py).
        self.reveal = QPushButton(self.tr("Xem cả lượt được bảo &mật…"), self)
        self.reveal.setVisible(False)
        self.reveal.clicked.connect(self.reveal_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.fill)
        layout.addWidget(self.reveal)
        self.setMinimumWidth(240)

    def show_person(self, person: KnownPerson | None) -> None:
        self.person = person
        self.visits.clear()
        self.fill.setEnabled(person is not None)
        if person is None:
            self.setStyleSheet("")
            self.label.setText(self.tr("Chưa có lần đến trước với số giấy tờ này."))
            return
        # A coloured frame that keeps the group box's title in place.
        self.setStyleSheet(
            f"QGroupBox#known {{ border: 2px solid {style.hex_('warn')}; border-radius: 4px;"
            " margin-top: 1.4em; padding-top: 0.4em; }"
            " QGroupBox#known::title { subcontrol-origin: margin; left: 8px; padding: 0 3px; }")
        lines = [self.tr("%1 — đã đến %2 lần.").replace("%1", person.full_name)
                 .replace("%2", str(len(person.visits)))]
        if person.open_cases:
            lines.append(self.tr("Vụ việc đang mở: %1").replace("%1", str(len(person.open_cases))))
        self.label.setText("\n".join(lines))
        for visit in person.visits:
            iso = visit.received_at
            kind = catalog.PETITION_KIND_LABELS.get(PetitionKind(visit.petition_kind), "")
            self.visits.addItem(f"{dmy(iso)} · {kind} · {visit.summary}")
        for title in person.open_cases:
            self.visits.addItem(self.tr("Đang mở: %1").replace("%1", title))
