"""A log-book line in full (double-click in the log)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from desk_app.core.reception.records import Record
from desk_app.gui import style
from desk_app.gui.widgets.screen import fit


class RecordDialog(QDialog):
    def __init__(self, record: Record, parent=None):
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Lượt tiếp — %1").replace("%1", record.log_label))
        fit(self, 720, 640)
        self.text = QTextBrowser(self)
        self.text.setHtml(self._html(record))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _html(self, r: Record) -> str:
        def row(label: str, value) -> str:
            return f"<tr><th align=left valign=top>{escape(label)}</th><td>{escape(str(value))}</td></tr>"

        iso = r.received_at
        when = f"{iso[11:16]} ngày {iso[8:10]}/{iso[5:7]}/{iso[:4]}"
        rows = [
            row(self.tr("Số sổ"), r.log_label), row(self.tr("Thời điểm"), when),
            row(self.tr("Hình thức tiếp"), r.reception_kind), row(self.tr("Cán bộ tiếp"), r.officer),
            row(self.tr("Họ tên"), r.person_name), row(self.tr("Số giấy tờ"), r.id_number),
            row(self.tr("Ngày sinh"), r.date_of_birth), row(self.tr("Giới tính"), r.sex),
            row(self.tr("Điện thoại"), r.phone), row(self.tr("Địa chỉ"), r.address),
            row(self.tr("Địa chỉ cũ"), r.old_address), row(self.tr("Số người"), r.crowd_size),
        ]
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
            rows.append(row(self.tr("Giấy biên nhận"), r.receipt_no))
        if r.note:
            rows.append(row(self.tr("Ghi chú"), r.note))
        notice = ""
        if r.masked:
            notice = (f"<p style='color:{style.hex_('masked')}'><i>" + escape(self.tr(
                "Danh tính người tố cáo được bảo mật. Dùng “Hiện danh tính…” trong sổ nếu cần "
                "(việc xem được ghi lại).")) + "</i></p>")
        return notice + "<table cellspacing=6>" + "".join(rows) + "</table>"
