"""The case page: petitions, people, documents, timeline, milestones with explanations,
dialogues, attachments, and a button for each step the law allows next."""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QBrush, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app import messages
from desk_app.core.cases import tracking as cases
from desk_app.core.cases.attachments import FILE_TYPES, add_attachment, attachment_path, can_open
from desk_app.core.cases.dialogues import record_dialogue, schedule_dialogue
from desk_app.core.cases.labels import COMPLEXITY_LABELS, FLAGS, due_text
from desk_app.core.cases.lifecycle import ACTIONS, STATUS_LABELS
from desk_app.core.cases.links import attach_petition, candidates_for_petition, split_petition
from desk_app.core.cases.view import CaseDetail, case_detail
from desk_app.core.errors import DeskError
from desk_app.core.reception.logbook import reveal_identity
from desk_app.gui.dialogs.case_forms import (
    ActionDialog,
    DialogueMinutesDialog,
    ScheduleDialogueDialog,
)
from desk_app.gui.documents import CASE_SLIPS, print_document
from desk_app.gui.models.paged import OVERDUE


def _d(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""


class CaseDialog(QDialog):
    changed = Signal(int)  # case id, after any change was saved

    def __init__(self, tasks, case_id: int, officer_id=lambda: None, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.case_id = case_id
        self.officer_id = officer_id
        self.reveal = False
        self.detail: CaseDetail | None = None
        self.setWindowTitle(self.tr("Vụ việc #%1").replace("%1", str(case_id)))
        self.resize(1100, 760)

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("caseMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.actions_row = QHBoxLayout()

        self.milestones = QTableWidget(0, 4, self)
        self.milestones.setHorizontalHeaderLabels(
            [self.tr("Mốc thời hạn"), self.tr("Hạn"), self.tr("Tình trạng"), self.tr("Cách tính")])
        self.milestones.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.milestones.setColumnWidth(0, 300)
        self.milestones.setColumnWidth(1, 90)
        self.milestones.setColumnWidth(2, 130)
        self.milestones.setWordWrap(True)
        self.milestones.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.milestones.verticalHeader().setVisible(False)
        self.timeline = QTextBrowser(self)
        self.papers = QTextBrowser(self)
        self.dialogues = QTextBrowser(self)
        self.files = QListWidget(self)
        self.files.itemDoubleClicked.connect(self._open_file)

        tabs = QTabWidget(self)
        tabs.addTab(self.milestones, self.tr("Mốc thời hạn"))
        tabs.addTab(self.timeline, self.tr("Diễn biến"))
        tabs.addTab(self.papers, self.tr("Đơn, tài liệu"))
        tabs.addTab(self._with_buttons(self.dialogues, (
            (self.tr("Lên lịch đối thoại…"), self.ask_schedule_dialogue),
            (self.tr("Ghi biên bản đối thoại…"), self.ask_dialogue_minutes))),
            self.tr("Đối thoại"))
        tabs.addTab(self._with_buttons(self.files, (
            (self.tr("Đính kèm tệp quét…"), self.ask_attach_file),)), self.tr("Tệp đính kèm"))
        self.tabs = tabs

        more = QPushButton(self.tr("Khác ▾"), self)
        menu = QMenu(more)
        menu.addAction(self.tr("Ghi chú…"), self.ask_note)
        flags_menu = menu.addMenu(self.tr("Dấu hiệu"))
        self.flag_actions = {}
        for name, (_bit, label) in FLAGS.items():
            act = flags_menu.addAction(label)
            act.setCheckable(True)
            act.triggered.connect(lambda on, n=name: self.set_flag(n, on))
            self.flag_actions[name] = act
        menu.addAction(self.tr("Mức độ phức tạp…"), self.ask_complexity)
        menu.addAction(self.tr("Giao cán bộ xử lý…"), self.ask_assign)
        menu.addAction(self.tr("Tìm đơn trùng, gộp vụ việc…"), self.ask_duplicates)
        menu.addAction(self.tr("Tách đơn ra vụ việc riêng…"), self.ask_split)
        self.reveal_action = menu.addAction(self.tr("Hiện danh tính người tố cáo…"),
                                            self.ask_reveal)
        more.setMenu(menu)
        papers = QPushButton(self.tr("In văn bản ▾"), self)
        papers_menu = QMenu(papers)
        for slug, label in CASE_SLIPS.items():
            papers_menu.addAction(label, lambda s=slug: self.print_slip(s))
        papers.setMenu(papers_menu)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_row, 1)
        bottom.addWidget(papers)
        bottom.addWidget(more)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)
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
                        self._failed)

    def show_detail(self, d: CaseDetail) -> None:
        self.detail = d
        today = date.today()
        flags = (" · " + ", ".join(d.flags)) if d.flags else ""
        due, late = due_text(d.due_on, today)
        due_html = (f" · <span style='color:#b00020'><b>{escape(due)}</b></span>" if late
                    else (f" · {escape(due)}" if due else ""))
        person = escape(d.person_name)
        if d.person_id_number:
            person += f" · {escape(d.person_id_number)}"
        if d.person_address:
            person += f" · {escape(d.person_address)}"
        self.header.setText(
            f"<h3 style='margin:0'>#{d.id} — {escape(d.title)}</h3>"
            f"<p>{escape(d.kind_label)} · {escape(d.topic)} · <b>{escape(d.status_label)}</b>"
            f"{due_html} · {self.tr('nhận')} {_d(d.opened_on)}"
            f"{' · ' + self.tr('lần hai') if d.instance == 2 else ''}"
            f" · {escape(d.complexity_label)}{escape(flags)}"
            f"{' · ' + self.tr('cán bộ: ') + escape(d.assignee) if d.assignee else ''}</p>"
            f"<p>{self.tr('Người gửi')}: {person}</p>")
        self._fill_milestones(d, today)
        self.timeline.setHtml(self._timeline_html(d))
        self.papers.setHtml(self._papers_html(d))
        self.dialogues.setHtml(self._dialogues_html(d))
        self.files.clear()
        for a in d.attachments:
            self.files.addItem(f"{a.name} — {a.size // 1024 + 1} KB — {_d(a.added_at)}"
                               f" — SHA-256 {a.sha256[:16]}…")
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for action in d.actions:
            button = QPushButton(ACTIONS[action].label, self)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.ask_action(a))
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        for name, act in self.flag_actions.items():
            act.setChecked(FLAGS[name][1] in d.flags)
        self.reveal_action.setVisible(d.masked)

    def _fill_milestones(self, d: CaseDetail, today: date) -> None:
        self.milestones.setRowCount(len(d.milestones))
        for row, cm in enumerate(d.milestones):
            m = cm.milestone
            if m.key not in cases.DONE_BY:  # the citizen's window, a notice: for reference
                state = (self.tr("Đã qua") if m.due_on and m.due_on < today
                         else self.tr("Để theo dõi"))
            elif cm.done:
                state = self.tr("Đã xong")
            elif m.paused:
                state = self.tr("Tạm dừng")
            elif m.due_on is None:
                state = self.tr("Chưa tính")
            else:
                state = due_text(m.due_on.isoformat(), today)[0]
            label = m.label + (self.tr(" (chỉ tiêu của cơ quan)") if m.local else "")
            cells = (label, m.due_on.strftime("%d/%m/%Y") if m.due_on else "", state,
                     m.explanation)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(m.explanation)
                if cm.overdue and col in (1, 2):
                    item.setForeground(QBrush(OVERDUE))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.milestones.setItem(row, col, item)
        self.milestones.resizeRowsToContents()

    def _timeline_html(self, d: CaseDetail) -> str:
        items = []
        for e in d.events:
            what = escape(e.label)
            if e.data.get("flag"):
                label = FLAGS.get(e.data["flag"], ("", e.data["flag"]))[1]
                what += f": {escape(label)} ({'bật' if e.data.get('on') else 'tắt'})"
            if "complexity" in e.data:
                what += f": {escape(COMPLEXITY_LABELS[int(e.data['complexity'])])}"
            extra = "".join(f" — {escape(x)}" for x in (e.body, e.doc_no) if x)
            note = f"<br><i>{escape(e.note)}</i>" if e.note else ""
            who = f" · {escape(e.officer)}" if e.officer else ""
            items.append(
                f"<tr><td valign=top><b>{_d(e.occurred_on)}</b></td><td valign=top>{what}{extra}"
                f" <span style='color:#666'>→ {escape(STATUS_LABELS.get(e.status_after, ''))}"
                f"{who} · {self.tr('ghi lúc')} {escape(e.entered_at[11:16])} "
                f"{_d(e.entered_at)}</span>{note}</td></tr>")
        return "<table cellspacing=6>" + "".join(items) + "</table>"

    def _papers_html(self, d: CaseDetail) -> str:
        out = [f"<h4>{self.tr('Đơn thuộc vụ việc')}</h4><ul>"]
        out += [f"<li>{self.tr('Số')} {escape(p.log_label)} — {_d(p.received_at)}: "
                f"{escape(p.summary)}</li>" for p in d.petitions]
        if d.representatives:
            out.append(f"</ul><h4>{self.tr('Người đại diện (đoàn đông người)')}</h4><ul>")
            out += [f"<li>{escape(x)}</li>" for x in d.representatives]
        out.append(f"</ul><h4>{self.tr('Tài liệu đã nhận')}</h4><ul>")
        out += [f"<li>{escape(x)}</li>" for x in d.documents] or [f"<li>{self.tr('Không có')}</li>"]
        out.append(f"</ul><h4>{self.tr('Văn bản đã phát hành')}</h4><ul>")
        out += [f"<li>{escape(n)} — {_d(at)}</li>" for n, _k, at in d.issued] or \
            [f"<li>{self.tr('Chưa có')}</li>"]
        return "".join(out) + "</ul>"

    def _dialogues_html(self, d: CaseDetail) -> str:
        if not d.dialogues:
            return f"<p>{self.tr('Chưa có buổi đối thoại nào.')}</p>"
        out = []
        for g in d.dialogues:
            when = f"{g.scheduled_at[11:16]} {_d(g.scheduled_at)}"
            out.append(f"<h4>{escape(when)} — {escape(g.place)}</h4>"
                       f"<p>{self.tr('Thông báo gửi ngày')} {_d(g.notice_sent_on)}</p>")
            if g.participants:
                out.append("<ul>" + "".join(
                    f"<li><b>{escape(p.name)}</b> ({escape(p.role)}): {escape(p.position)}</li>"
                    for p in g.participants) + "</ul>")
            if g.result:
                out.append(f"<p><b>{self.tr('Kết quả')}:</b> {escape(g.result)}</p>")
        return "".join(out)

    # --- writing -----------------------------------------------------------------
    def _write(self, fn, done=None) -> None:
        def ok(result):
            self.message.clear()
            self.changed.emit(self.case_id)
            if done:
                done(result)
            self.load()

        self.tasks.write(fn, ok, self._failed)

    def _failed(self, error) -> None:
        if isinstance(error, DeskError):
            self.message.setText(error.message)
        else:
            raise error

    def ask_action(self, action: str) -> None:
        dialog = ActionDialog(action, self)
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
                self._failed(error)

        self.tasks.write(
            lambda db: cases.record_event(db, case_id, action, officer_id=officer,
                                          confirm_repeat=confirm, **values),
            lambda _: (self.message.clear(), self.changed.emit(case_id), self.load()), failed)

    def print_slip(self, slug: str) -> None:
        """Numbered and registered the first time; printed again, it is the registered copy."""
        reason = ""
        if slug == "thong_bao_khong_thu_ly":
            reason, ok = QInputDialog.getMultiLineText(
                self, CASE_SLIPS[slug], self.tr("Lý do không thụ lý (để trống: lấy theo phân loại):"))
            if not ok:
                return
        self.message.clear()
        print_document(self, self.tasks, slug, self.case_id, self.message.setText, reason=reason,
                       on_done=lambda: (self.changed.emit(self.case_id), self.load()))

    def ask_note(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Ghi chú"), self.tr("Nội dung:"))
        if ok:
            case_id, officer = self.case_id, self.officer_id()
            self._write(lambda db: cases.add_note(db, case_id, text, officer_id=officer))

    def set_flag(self, name: str, on: bool) -> None:
        case_id, officer = self.case_id, self.officer_id()
        self._write(lambda db: cases.set_flag(db, case_id, name, on, officer_id=officer))

    def ask_complexity(self) -> None:
        labels = list(COMPLEXITY_LABELS.values())
        current = self.detail.complexity if self.detail else 0
        label, ok = QInputDialog.getItem(self, self.tr("Mức độ phức tạp"),
                                         self.tr("Theo văn bản xác định:"), labels, current, False)
        if ok:
            level = labels.index(label)
            case_id, officer = self.case_id, self.officer_id()
            self._write(lambda db: cases.set_complexity(db, case_id, level,
                                                        occurred_on=date.today(),
                                                        officer_id=officer))

    def ask_assign(self) -> None:
        def chosen(staff):
            labels = [o.full_name + (f" — {o.position}" if o.position else "") for o in staff]
            label, ok = QInputDialog.getItem(self, self.tr("Giao cán bộ xử lý"),
                                             self.tr("Cán bộ:"), labels, 0, False)
            if ok:
                officer_id, by = staff[labels.index(label)].id, self.officer_id()
                case_id = self.case_id
                self._write(lambda db: cases.assign_case(db, case_id, officer_id, by=by))

        def job(db):
            from desk_app.core.storage.office import officers

            return officers(db)

        self.tasks.read(job, chosen, self._failed)

    def ask_reveal(self) -> None:
        if not self.detail or not self.detail.petitions:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Xem danh tính người tố cáo"),
            self.tr("Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).\n"
                    "Việc xem được ghi lại. Lý do cần xem:"))
        if not ok:
            return
        petition_id, officer = self.detail.petitions[0].id, self.officer_id()

        def shown(_):
            self.reveal = True
            self.load()

        self.tasks.write(lambda db: reveal_identity(db, petition_id, officer, reason), shown,
                         self._failed)

    def ask_schedule_dialogue(self) -> None:
        dialog = ScheduleDialogueDialog(self)
        if dialog.exec() == QDialog.Accepted:
            v, case_id, officer = dialog.values(), self.case_id, self.officer_id()
            self._write(lambda db: schedule_dialogue(
                db, case_id, v["when"], place=v["place"], notice_sent_on=v["notice_sent_on"],
                officer_id=officer))

    def ask_dialogue_minutes(self) -> None:
        planned = [g for g in (self.detail.dialogues if self.detail else ()) if g.status == "planned"]
        if not planned:
            self.message.setText(self.tr("Chưa có buổi đối thoại nào đã lên lịch để ghi biên bản."))
            return
        dialog = DialogueMinutesDialog(self)
        if dialog.exec() == QDialog.Accepted:
            v, dialogue_id, officer = dialog.values(), planned[0].id, self.officer_id()
            self._write(lambda db: record_dialogue(db, dialogue_id, officer_id=officer, **v))

    def ask_attach_file(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in FILE_TYPES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp quét"), "",
            self.tr("Tài liệu và ảnh quét (%1)").replace("%1", patterns))
        if path:
            case_id, officer, data_dir = self.case_id, self.officer_id(), self.tasks.db_path.parent
            self._write(lambda db: add_attachment(db, data_dir, case_id, path, officer_id=officer))

    def _open_file(self, item) -> None:
        if self.detail is None:
            return
        attachment = self.detail.attachments[self.files.row(item)]
        path = attachment_path(self.tasks.db_path.parent, attachment)
        if not can_open(path):  # never hand a program or script to the desktop's handler
            self.message.setText(messages.ATTACHMENT_NOT_OPENED.format(name=attachment.name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))

    def ask_duplicates(self) -> None:
        if not self.detail or not self.detail.petitions:
            return
        petition_id = self.detail.petitions[-1].id

        def found(candidates):
            if not candidates:
                QMessageBox.information(self, self.tr("Đơn trùng"),
                                        self.tr("Không thấy vụ việc nào của cùng người với nội dung tương tự."))
                return
            labels = [f"#{c.case_id} — {_d(c.opened_on)} — {STATUS_LABELS.get(c.status, c.status)}"
                      f" — {c.title} ({round(c.similarity * 100)}%)" for c in candidates]
            label, ok = QInputDialog.getItem(
                self, self.tr("Gộp đơn vào vụ việc đã có"),
                self.tr("Đơn mới nhất của vụ việc này có thể trùng với:"), labels, 0, False)
            if ok:
                target, officer = candidates[labels.index(label)].case_id, self.officer_id()
                self._write(lambda db: attach_petition(db, petition_id, target, officer_id=officer),
                            lambda _: self._moved_to(target))

        self.tasks.read(lambda db: candidates_for_petition(db, petition_id), found, self._failed)

    def _moved_to(self, case_id: int) -> None:
        if self.detail and len(self.detail.petitions) <= 1:
            self.case_id = case_id  # the emptied case is merged: follow the petition
            self.setWindowTitle(self.tr("Vụ việc #%1").replace("%1", str(case_id)))

    def ask_split(self) -> None:
        if not self.detail or len(self.detail.petitions) < 2:
            self.message.setText(self.tr("Vụ việc chỉ có một đơn; không có gì để tách."))
            return
        labels = [f"{p.log_label} — {p.summary}" for p in self.detail.petitions]
        label, ok = QInputDialog.getItem(self, self.tr("Tách đơn"), self.tr("Đơn cần tách:"),
                                         labels, len(labels) - 1, False)
        if ok:
            petition_id = self.detail.petitions[labels.index(label)].id
            officer = self.officer_id()
            self._write(lambda db: split_petition(db, petition_id, officer_id=officer,
                                                  now=datetime.now()))
