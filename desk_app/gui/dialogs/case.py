"""The case window: petitions, people, documents, timeline, milestones with explanations,
dialogues, attachments, and a button for each step the law allows next.

What it shows is drawn by gui/dialogs/case_views.py; the secondary steps (notes, flags,
duplicates, dialogues, attachments) live in gui/dialogs/case_more.py.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.cases import tracking as cases
from desk_app.core.cases.lifecycle import action_label
from desk_app.core.cases.view import CaseDetail, case_detail
from desk_app.core.documents.kinds import CASE_SLIP_NAMES, NON_ACCEPTANCE, slips_for
from desk_app.core.errors import DeskError
from desk_app.gui import style
from desk_app.gui.dialogs import case_views as views
from desk_app.gui.dialogs.case_forms import ActionDialog
from desk_app.gui.dialogs.case_more import CaseMore
from desk_app.gui.documents import print_document
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.flow import FlowLayout, flow_policy
from desk_app.gui.widgets.screen import fit


def _history_lines(db, case_id: int) -> list[str]:
    from desk_app.core.security import audit

    return [audit.describe(e) for e in audit.case_history(db, case_id)]


class CaseDialog(QDialog):
    changed = Signal(int)  # case id, after any change was saved

    def __init__(self, tasks, case_id: int, officer_id=lambda: None, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.case_id = case_id
        self.officer_id = officer_id
        self.reveal = False
        self.detail: CaseDetail | None = None
        self.more = CaseMore(self)
        self.setWindowTitle(self.tr("Vụ việc #%1").replace("%1", str(case_id)))
        add_help_key(self, "case")  # F1 in this window: its help page
        self.setObjectName("caseWindow")

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("caseMessage")
        self.message.setStyleSheet(style.css("error"))
        self.message.setWordWrap(True)
        self.milestones = views.MilestoneTable(self)
        self.timeline = QTextBrowser(self)
        self.papers = QTextBrowser(self)
        self.dialogues = QTextBrowser(self)
        self.files = QListWidget(self)
        self.files.itemActivated.connect(lambda item: self.more.open_file(self.files.row(item)))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.milestones, self.tr("&Mốc thời hạn"))
        self.tabs.addTab(self.timeline, self.tr("&Diễn biến"))
        self.tabs.addTab(self.papers, self.tr("Đơn, &tài liệu"))
        self.tabs.addTab(self._with_buttons(self.dialogues, (
            (self.tr("&Lên lịch đối thoại…"), self.more.ask_schedule_dialogue),
            (self.tr("Ghi &biên bản đối thoại…"), self.more.ask_dialogue_minutes))),
            self.tr("Đối t&hoại"))
        self.tabs.addTab(self._with_buttons(self.files, (
            (self.tr("Đính &kèm tệp quét…"), self.more.ask_attach_file),)),
            self.tr("Tệp đính kè&m"))
        # Who did what, from the audit trail (core/security/audit.py): steps, prints,
        # reveals, corrections of the visits that brought the case.
        self.history = QTextBrowser(self)
        self.history.setObjectName("history")
        self.tabs.addTab(self.history, self.tr("Nhật &ký"))

        # The steps the law allows next wrap onto a second row on a narrow screen.
        self.actions_box = QWidget(self)
        self.actions_box.setSizePolicy(flow_policy())
        self.actions_row = FlowLayout(self.actions_box)
        more = QPushButton(self.tr("Khác ▾"), self)
        more.setMenu(self.more.menu(more))
        papers = QPushButton(self.tr("&In văn bản ▾"), self)
        self.papers_menu = QMenu(papers)  # filled per petition kind when the case is shown
        papers.setMenu(self.papers_menu)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.actions_box, 1)
        bottom.addWidget(papers)
        bottom.addWidget(more)
        bottom.addWidget(close)

        # A long title or address scrolls in its own strip and never pushes the tabs away.
        self.header_area = QScrollArea(self)
        self.header_area.setWidget(self.header)
        self.header_area.setWidgetResizable(True)
        self.header_area.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_area)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        fit(self, 1100, 760)
        self.load()

    def _with_buttons(self, widget, buttons) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text, box)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # --- loading -----------------------------------------------------------------
    def load(self) -> None:
        case_id, reveal, today = self.case_id, self.reveal, date.today()
        self.tasks.read(lambda db: case_detail(db, case_id, today, reveal), self.show_detail,
                        self.failed)
        self.tasks.read(lambda db: _history_lines(db, case_id), self._show_history,
                        lambda e: None)

    def _show_history(self, lines: list[str]) -> None:
        from html import escape

        self.history.setHtml("<br>".join(escape(line) for line in lines)
                             or self.tr("Chưa có thao tác nào được ghi."))

    def follow(self, case_id: int) -> None:
        """Show another case in this window (the petition moved there)."""
        self.case_id = case_id
        self.setWindowTitle(self.tr("Vụ việc #%1").replace("%1", str(case_id)))

    def show_detail(self, d: CaseDetail) -> None:
        self.detail = d
        today = date.today()
        self.header.setText(views.header_html(d, today))
        self._fit_header()
        self.milestones.show_detail(d, today)
        self.timeline.setHtml(views.timeline_html(d))
        self.papers.setHtml(views.papers_html(d))
        self.dialogues.setHtml(views.dialogues_html(d))
        self.files.clear()
        for a in d.attachments:
            self.files.addItem(f"{a.name} — {a.size // 1024 + 1} KB — {views.d(a.added_at)}"
                               f" — SHA-256 {a.sha256[:16]}…")
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for action in d.actions:
            button = QPushButton(action_label(action, d.kind), self.actions_box)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.ask_action(a))
            self.actions_row.addWidget(button)
        self.actions_box.updateGeometry()
        self.papers_menu.clear()
        for slug in slips_for(d.kind):
            self.papers_menu.addAction(CASE_SLIP_NAMES[slug], lambda s=slug: self.print_slip(s))
        self.more.show_detail(d)

    def _fit_header(self) -> None:
        """As tall as the header's text at this width, up to a fifth of the window."""
        width = max(self.header_area.viewport().width(), 200)
        wanted = self.header.heightForWidth(width) + 4
        self.header_area.setFixedHeight(max(40, min(wanted, self.height() // 5)))

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit_header()

    # --- writing -----------------------------------------------------------------
    def write(self, fn, done=None) -> None:
        def ok(result):
            self.message.clear()
            self.changed.emit(self.case_id)
            if done:
                done(result)
            self.load()

        self.tasks.write(fn, ok, self.failed)

    def failed(self, error) -> None:
        if isinstance(error, DeskError):
            self.message.setText(error.message)
        else:
            raise error

    def ask_action(self, action: str) -> None:
        dialog = ActionDialog(action, self, kind=self.detail.kind if self.detail else "")
        if dialog.exec() != QDialog.Accepted:
            return
        self.do_action(action, **dialog.values())

    def do_action(self, action: str, confirm: bool = False, **values) -> None:
        case_id, officer = self.case_id, self.officer_id()

        def failed(error):
            if isinstance(error, cases.RepeatTransfer) and QMessageBox.question(
                    self, self.tr("Chuyển đơn lần nữa?"), error.message) == QMessageBox.Yes:
                self.do_action(action, confirm=True, **values)
            else:
                self.failed(error)

        self.tasks.write(
            lambda db: cases.record_event(db, case_id, action, officer_id=officer,
                                          confirm_repeat=confirm, **values),
            lambda _: (self.message.clear(), self.changed.emit(case_id), self.load()), failed)

    def print_slip(self, slug: str) -> None:
        """Numbered and registered the first time; printed again, it is the registered copy."""
        reason = ""
        if slug == NON_ACCEPTANCE:
            reason, ok = QInputDialog.getMultiLineText(
                self, CASE_SLIP_NAMES[slug],
                self.tr("Lý do không thụ lý (để trống: lấy theo phân loại):"))
            if not ok:
                return
        self.message.clear()
        print_document(self, self.tasks, slug, self.case_id, self.message.setText, reason=reason,
                       on_done=lambda: (self.changed.emit(self.case_id), self.load()))
