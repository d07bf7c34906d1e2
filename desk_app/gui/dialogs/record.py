"""A log-book line in full (double-click in the log): the identity recorded that day, its
corrections, the person's details today and their history; correct or cancel from here."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout

from desk_app.core.reception.records import Record
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.widgets.screen import fit


def _when(iso: str) -> str:
    return f"{iso[11:16]} ngày {dmy(iso)}"


class RecordDialog(QDialog):
    changed = Signal(int)  # visit id, after a correction or a cancellation

    def __init__(self, record: Record, parent=None, *, tasks=None,
                 officer: Callable[[], int | None] | None = None):
        super().__init__(parent)
        self.record = record
        self.tasks = tasks
        self.officer = officer or (lambda: None)
        self.setWindowTitle(self.tr("Lượt tiếp — %1").replace("%1", record.log_label))
        fit(self, 760, 680)
        self.text = QTextBrowser(self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        self.correct_button = QPushButton(self.tr("Đính chính…"), self)
        self.cancel_button = QPushButton(self.tr("Hủy lượt tiếp…"), self)
        if tasks is not None:
            buttons.addButton(self.correct_button, QDialogButtonBox.ActionRole)
            buttons.addButton(self.cancel_button, QDialogButtonBox.ActionRole)
        else:
            self.correct_button.hide()
            self.cancel_button.hide()
        self.correct_button.clicked.connect(self.ask_correction)
        self.cancel_button.clicked.connect(self.ask_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.show_record(record)

    def show_record(self, record: Record) -> None:
        self.record = record
        self.text.setHtml(self._html(record))
        self.correct_button.setEnabled(not record.cancelled)
        self.cancel_button.setEnabled(not record.cancelled)

    # --- corrections ---------------------------------------------------------------
    def ask_correction(self):
        from desk_app.gui.dialogs.correction import CorrectionDialog

        dialog = CorrectionDialog(self.tasks, self.record.visit_id, self.officer,
                                  petition_id=self.record.petition_id, parent=self,
                                  reveal=not self.record.masked)
        dialog.corrected.connect(self._changed)
        dialog.open()
        return dialog

    def ask_cancel(self):
        from desk_app.gui.dialogs.correction import CancelVisitDialog

        dialog = CancelVisitDialog(self.tasks, self.record.visit_id, self.record.log_label,
                                   self.officer, parent=self)
        dialog.cancelled.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self, visit_id: int) -> None:
        from desk_app.core.reception.records import petition_record

        petition_id, reveal = self.record.petition_id, not self.record.masked
        self.tasks.read(lambda db: petition_record(db, petition_id, reveal), self.show_record)
        self.changed.emit(visit_id)

    # --- the text ------------------------------------------------------------------
    def _html(self, r: Record) -> str:
        def row(label: str, value) -> str:
            return f"<tr><th align=left valign=top>{escape(label)}</th><td>{escape(str(value))}</td></tr>"

        rows = [
            row(self.tr("Số sổ"), r.log_label), row(self.tr("Thời điểm"), _when(r.received_at)),
            row(self.tr("Hình thức tiếp"), r.reception_kind), row(self.tr("Cán bộ tiếp"), r.officer),
            *([row(self.tr("Cách tiếp nhận"), r.channel)] if r.channel else []),
            row(self.tr("Họ tên"), r.person_name), row(self.tr("Số giấy tờ"), r.id_number),
        ]
        if r.id_issued_on or r.id_issued_place:
            issued = ", ".join(x for x in (dmy(r.id_issued_on), r.id_issued_place) if x)
            rows.append(row(self.tr("Ngày cấp, nơi cấp"), issued))
        rows += [
            row(self.tr("Ngày sinh"), dmy(r.date_of_birth)), row(self.tr("Giới tính"), r.sex),
            row(self.tr("Điện thoại"), r.phone), row(self.tr("Địa chỉ"), r.address),
            row(self.tr("Địa chỉ cũ"), r.old_address), row(self.tr("Số người"), r.crowd_size),
        ]
        if r.agent:  # someone presenting for the person: not a crowd's representative
            rows.append(row(self.tr("Người trình bày thay"), r.agent))
        if r.representatives:
            rows.append(row(self.tr("Người đại diện khác"), "; ".join(r.representatives)))
        rows += [
            row(self.tr("Loại đơn"), r.kind), row(self.tr("Lĩnh vực"), r.topic),
            row(self.tr("Nội dung"), r.summary), row(self.tr("Đã được giải quyết bởi"), r.prior_handlers),
            row(self.tr("Kết quả tiếp"), r.outcome),
        ]
        if r.outcome_body:
            rows.append(row(self.tr("Cơ quan"), r.outcome_body))
        if r.refusal_reason:
            rows.append(row(self.tr("Lý do từ chối"), r.refusal_reason))
        if r.documents:
            rows.append(row(self.tr("Tài liệu nhận"), "; ".join(r.documents)))
        if r.receipt_no:
            rows.append(row(self.tr("Giấy báo đã nhận đơn") if "/BNĐ-" in r.receipt_no
                            else self.tr("Giấy biên nhận"), r.receipt_no))
        if r.note:
            rows.append(row(self.tr("Ghi chú"), r.note))
        notice = ""
        if r.cancelled:
            notice += (f"<p style='color:{style.hex_('error')}'><b>" + escape(self.tr(
                "ĐÃ HỦY (ghi sổ nhầm) ngày %1").replace("%1", r.cancelled)) + "</b></p>")
        if r.masked:
            notice += (f"<p style='color:{style.hex_('masked')}'><i>" + escape(self.tr(
                "Danh tính người tố cáo được bảo mật. Dùng “Hiện danh tính…” trong sổ nếu cần "
                "(việc xem được ghi lại).")) + "</i></p>")
        html = notice + "<table cellspacing=6>" + "".join(rows) + "</table>"
        return html + self._corrections_html(r) + self._person_html(r)

    def _corrections_html(self, r: Record) -> str:
        if not r.corrections:
            return ""
        head = (self.tr("Thời điểm"), self.tr("Cán bộ"), self.tr("Mục"), self.tr("Giá trị cũ"),
                self.tr("Giá trị mới"), self.tr("Lý do"))
        lines = []
        for c in r.corrections:
            what = self.tr("Hủy lượt tiếp") if c.cancelled else f"{c.target}: {c.field}"
            cells = (_when(c.corrected_at), c.officer, what, c.old, c.new, c.reason)
            lines.append("<tr>" + "".join(f"<td valign=top>{escape(x)}</td>" for x in cells) + "</tr>")
        return (f"<h3>{escape(self.tr('Đính chính'))}</h3><table border=1 cellspacing=0 cellpadding=3>"
                "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"
                + "".join(lines) + "</table>")

    def _person_html(self, r: Record) -> str:
        out = ""
        if r.current_details:
            out += (f"<h3>{escape(self.tr('Thông tin hiện tại của người đến (khác khi ghi sổ)'))}</h3>"
                    "<table cellspacing=4>" + "".join(
                        f"<tr><th align=left>{escape(label)}</th><td>{escape(value)}</td></tr>"
                        for label, value in r.current_details) + "</table>")
        if r.person_changes:
            head = (self.tr("Thời điểm"), self.tr("Mục"), self.tr("Cũ"), self.tr("Mới"),
                    self.tr("Theo"), self.tr("Cán bộ"))
            lines = ["<tr>" + "".join(
                f"<td valign=top>{escape(x)}</td>"
                for x in (_when(c.changed_at), c.field, c.old, c.new, c.source, c.officer)) + "</tr>"
                for c in r.person_changes]
            out += (f"<h3>{escape(self.tr('Lịch sử thay đổi thông tin người đến'))}</h3>"
                    "<table border=1 cellspacing=0 cellpadding=3><tr>"
                    + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" + "".join(lines)
                    + "</table>")
        return out
