"""The case window's secondary steps: notes, flags, complexity, assignment, duplicates and
splits, the denouncer's identity, dialogues and scanned attachments. Each asks what it needs
in a small dialog and writes through the case window."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

from desk_app import messages
from desk_app.core.cases import tracking as cases
from desk_app.core.cases.attachments import (
    FILE_TYPES,
    add_attachment,
    attachment_path,
    can_open,
    plain_copy,
)
from desk_app.core.cases.dialogues import record_dialogue, schedule_dialogue
from desk_app.core.cases.labels import COMPLEXITY_LABELS, FLAGS
from desk_app.core.cases.lifecycle import STATUS_LABELS
from desk_app.core.cases.links import attach_petition, candidates_for_petition, split_petition
from desk_app.core.reception.logbook import reveal_identity
from desk_app.gui.dialogs.case_forms import DialogueMinutesDialog, ScheduleDialogueDialog
from desk_app.gui.dialogs.case_views import d


class CaseMore(QObject):
    """`window` is the CaseDialog: its case id, officer, detail, message line and `write`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.flag_actions = {}
        self.reveal_action = None

    def menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        menu.addAction(self.tr("&Ghi chú…"), self.ask_note)
        flags_menu = menu.addMenu(self.tr("&Dấu hiệu"))
        for name, (_bit, label) in FLAGS.items():
            act = flags_menu.addAction(label)
            act.setCheckable(True)
            act.triggered.connect(lambda on, n=name: self.set_flag(n, on))
            self.flag_actions[name] = act
        menu.addAction(self.tr("&Mức độ phức tạp…"), self.ask_complexity)
        menu.addAction(self.tr("Giao &cán bộ xử lý…"), self.ask_assign)
        menu.addAction(self.tr("Tìm đơn &trùng, gộp vụ việc…"), self.ask_duplicates)
        menu.addAction(self.tr("T&ách đơn ra vụ việc riêng…"), self.ask_split)
        self.reveal_action = menu.addAction(self.tr("&Hiện danh tính người tố cáo…"),
                                            self.ask_reveal)
        return menu

    def show_detail(self, detail) -> None:
        for name, act in self.flag_actions.items():
            act.setChecked(FLAGS[name][1] in detail.flags)
        if self.reveal_action is not None:
            self.reveal_action.setVisible(detail.masked)

    # --- the case's own marks ------------------------------------------------------
    def ask_note(self) -> None:
        w = self.window
        text, ok = QInputDialog.getMultiLineText(w, self.tr("Ghi chú"), self.tr("Nội dung:"))
        if ok:
            case_id, officer = w.case_id, w.officer_id()
            w.write(lambda db: cases.add_note(db, case_id, text, officer_id=officer))

    def set_flag(self, name: str, on: bool) -> None:
        w = self.window
        case_id, officer = w.case_id, w.officer_id()
        w.write(lambda db: cases.set_flag(db, case_id, name, on, officer_id=officer))

    def ask_complexity(self) -> None:
        w = self.window
        labels = list(COMPLEXITY_LABELS.values())
        current = w.detail.complexity if w.detail else 0
        label, ok = QInputDialog.getItem(w, self.tr("Mức độ phức tạp"),
                                         self.tr("Theo văn bản xác định:"), labels, current, False)
        if ok:
            level = labels.index(label)
            case_id, officer = w.case_id, w.officer_id()
            w.write(lambda db: cases.set_complexity(db, case_id, level, occurred_on=date.today(),
                                                    officer_id=officer))

    def ask_assign(self) -> None:
        w = self.window

        def chosen(staff):
            labels = [o.full_name + (f" — {o.position}" if o.position else "") for o in staff]
            label, ok = QInputDialog.getItem(w, self.tr("Giao cán bộ xử lý"),
                                             self.tr("Cán bộ:"), labels, 0, False)
            if ok:
                officer_id, by, case_id = staff[labels.index(label)].id, w.officer_id(), w.case_id
                w.write(lambda db: cases.assign_case(db, case_id, officer_id, by=by))

        def job(db):
            from desk_app.core.storage.office import officers

            return officers(db)

        w.tasks.read(job, chosen, w.failed)

    def ask_reveal(self) -> None:
        w = self.window
        if not w.detail or not w.detail.petitions:
            return
        reason, ok = QInputDialog.getText(
            w, self.tr("Xem danh tính người tố cáo"),
            self.tr("Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).\n"
                    "Việc xem được ghi lại. Lý do cần xem:"))
        if not ok:
            return
        petition_id, officer = w.detail.petitions[0].id, w.officer_id()

        def shown(_):
            w.reveal = True
            w.load()

        w.tasks.write(lambda db: reveal_identity(db, petition_id, officer, reason), shown,
                      w.failed)

    # --- duplicates ----------------------------------------------------------------
    def ask_duplicates(self) -> None:
        w = self.window
        if not w.detail or not w.detail.petitions:
            return
        petition_id = w.detail.petitions[-1].id

        def found(candidates):
            if not candidates:
                QMessageBox.information(w, self.tr("Đơn trùng"), self.tr(
                    "Không thấy vụ việc nào của cùng người với nội dung tương tự."))
                return
            labels = [f"#{c.case_id} — {d(c.opened_on)} — {STATUS_LABELS.get(c.status, c.status)}"
                      f" — {c.title} ({round(c.similarity * 100)}%)" for c in candidates]
            label, ok = QInputDialog.getItem(
                w, self.tr("Gộp đơn vào vụ việc đã có"),
                self.tr("Đơn mới nhất của vụ việc này có thể trùng với:"), labels, 0, False)
            if ok:
                target, officer = candidates[labels.index(label)].case_id, w.officer_id()
                w.write(lambda db: attach_petition(db, petition_id, target, officer_id=officer),
                        lambda _: self._moved_to(target))

        w.tasks.read(lambda db: candidates_for_petition(db, petition_id), found, w.failed)

    def _moved_to(self, case_id: int) -> None:
        w = self.window
        if w.detail and len(w.detail.petitions) <= 1:
            w.follow(case_id)  # the emptied case is merged: follow the petition

    def ask_split(self) -> None:
        w = self.window
        if not w.detail or len(w.detail.petitions) < 2:
            w.message.setText(self.tr("Vụ việc chỉ có một đơn; không có gì để tách."))
            return
        labels = [f"{p.log_label} — {p.summary}" for p in w.detail.petitions]
        label, ok = QInputDialog.getItem(w, self.tr("Tách đơn"), self.tr("Đơn cần tách:"),
                                         labels, len(labels) - 1, False)
        if ok:
            petition_id, officer = w.detail.petitions[labels.index(label)].id, w.officer_id()
            w.write(lambda db: split_petition(db, petition_id, officer_id=officer,
                                              now=datetime.now()))

    # --- dialogues and attachments -----------------------------------------------------
    def ask_schedule_dialogue(self) -> None:
        w = self.window
        dialog = ScheduleDialogueDialog(w)
        if dialog.exec() == QDialog.Accepted:
            v, case_id, officer = dialog.values(), w.case_id, w.officer_id()
            w.write(lambda db: schedule_dialogue(
                db, case_id, v["when"], place=v["place"], notice_sent_on=v["notice_sent_on"],
                officer_id=officer))

    def ask_dialogue_minutes(self) -> None:
        w = self.window
        planned = [g for g in (w.detail.dialogues if w.detail else ()) if g.status == "planned"]
        if not planned:
            w.message.setText(self.tr("Chưa có buổi đối thoại nào đã lên lịch để ghi biên bản."))
            return
        dialog = DialogueMinutesDialog(w)
        if dialog.exec() == QDialog.Accepted:
            v, dialogue_id, officer = dialog.values(), planned[0].id, w.officer_id()
            w.write(lambda db: record_dialogue(db, dialogue_id, officer_id=officer, **v))

    def ask_attach_file(self) -> None:
        w = self.window
        # Only the kinds the core accepts (core/cases/attachments.py): no "all files" filter.
        patterns = " ".join(f"*{suffix}" for suffix in FILE_TYPES)
        path, _ = QFileDialog.getOpenFileName(
            w, self.tr("Chọn tệp quét"), "",
            self.tr("Tài liệu và ảnh quét (%1)").replace("%1", patterns))
        if path:
            case_id, officer, data_dir = w.case_id, w.officer_id(), w.tasks.db_path.parent
            w.write(lambda db: add_attachment(db, data_dir, case_id, path, officer_id=officer))

    def open_file(self, row: int) -> None:
        w = self.window
        if w.detail is None or not 0 <= row < len(w.detail.attachments):
            return
        attachment = w.detail.attachments[row]
        data_dir = w.tasks.db_path.parent
        if not attachment.stored_name.endswith(".bin"):  # an office from before encryption
            self._open_path(attachment, attachment_path(data_dir, attachment))
            return
        # Stored encrypted: a decrypted copy in a private temporary folder for the viewer.
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="desk-app-"))
        w.tasks.read(lambda db: plain_copy(db, data_dir, attachment, folder),
                     lambda path: self._open_path(attachment, path), lambda e: None)

    def _open_path(self, attachment, path) -> None:
        w = self.window
        if not can_open(path):  # never hand a program or script to the desktop's handler
            w.message.setText(messages.ATTACHMENT_NOT_OPENED.format(name=attachment.name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))
