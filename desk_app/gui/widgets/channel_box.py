"""Cách tiếp nhận: a reception (the citizen came), or a petition that arrived without a visit —
by post, portal, website, e-mail, hotline, or forwarded by another body — with the fields each
channel has (resources/catalog/channels.json; docs/channels.md)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit

from desk_app.core import catalog
from desk_app.core.model import Channel
from desk_app.gui.widgets.body_completer import attach
from desk_app.gui.widgets.fields import combo, select, typed_date


class ChannelBox(QGroupBox):
    changed = Signal(bool)  # is it a visit?

    def __init__(self, tasks=None, parent=None):
        super().__init__(self.tr("Cách tiếp nhận"), parent)
        self.channel = combo([(c.code, c.name) for c in catalog.channels()], self)
        self.channel.currentIndexChanged.connect(self._changed)
        self.mailed_on = QLineEdit(self)
        self.mailed_on.setPlaceholderText(self.tr("ngày/tháng/năm trên dấu bưu điện"))
        self.envelope_kept = QCheckBox(self.tr("Lưu phong bì kèm đơn"), self)
        self.channel_ref = QLineEdit(self)
        self.source_body = QLineEdit(self)
        self.source_body.setPlaceholderText(self.tr("Gõ vài chữ để chọn trong danh bạ cơ quan"))
        self.source_completer = attach(self.source_body, tasks)
        self.source_doc_no = QLineEdit(self)
        self.source_doc_no.setPlaceholderText(self.tr("Số văn bản chuyển đơn"))
        self.source_doc_on = QLineEdit(self)
        self.source_doc_on.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Đơn đến &qua"), self.channel)
        post = QHBoxLayout()
        post.addWidget(self.mailed_on, 1)
        post.addWidget(self.envelope_kept)
        self.post_label = QLabel(self.tr("Ngày dấu bưu điện"), self)
        form.addRow(self.post_label, post)
        self.ref_label = QLabel(self.tr("Số hồ sơ, địa chỉ, số máy"), self)
        form.addRow(self.ref_label, self.channel_ref)
        self.source_label = QLabel(self.tr("Cơ quan chuyển đơn đến"), self)
        form.addRow(self.source_label, self.source_body)
        source_doc = QHBoxLayout()
        source_doc.addWidget(self.source_doc_no, 2)
        source_doc.addWidget(self.source_doc_on, 1)
        self.source_doc_label = QLabel(self.tr("Văn bản chuyển đơn"), self)
        form.addRow(self.source_doc_label, source_doc)
        form.addRow(self.hint)
        self._rows = {
            "mailed_on": (self.post_label, self.mailed_on, self.envelope_kept),
            "channel_ref": (self.ref_label, self.channel_ref),
            "source_body": (self.source_label, self.source_body),
            "source_doc_no": (self.source_doc_label, self.source_doc_no, self.source_doc_on),
        }
        self._changed()

    def focus_order(self) -> list:
        return [self.channel, self.mailed_on, self.envelope_kept, self.channel_ref,
                self.source_body, self.source_doc_no, self.source_doc_on]

    def code(self) -> str:
        return str(self.channel.currentData())

    def is_visit(self) -> bool:
        info = catalog.channel(self.code())
        return info is None or info.visit

    def clear(self) -> None:
        for edit in (self.mailed_on, self.channel_ref, self.source_body, self.source_doc_no,
                     self.source_doc_on):
            edit.clear()
        self.envelope_kept.setChecked(False)
        select(self.channel, Channel.TRUC_TIEP)
        self._changed()

    def is_blank(self) -> bool:
        return self.code() == Channel.TRUC_TIEP and not any(
            e.text().strip() for e in (self.mailed_on, self.channel_ref, self.source_body,
                                       self.source_doc_no, self.source_doc_on))

    def _changed(self, *_) -> None:
        info = catalog.channel(self.code())
        fields = set(info.fields) if info else set()
        shown = {"mailed_on": "mailed_on" in fields, "channel_ref": "channel_ref" in fields,
                 "source_body": "source_body" in fields, "source_doc_no": "source_doc_no" in fields}
        for key, widgets in self._rows.items():
            for widget in widgets:
                widget.setVisible(shown[key])
        visit = info is None or info.visit
        ack = info.acknowledgement if info else "bien_nhan_02"
        self.hint.setText("" if visit else (
            self.tr("Ngày nhận đơn là ngày cơ quan nhận được đơn; thời hạn tính từ ngày này. "
                    "Đơn vào sổ tiếp nhận, xử lý đơn")
            + (self.tr("; in giấy báo đã nhận đơn gửi người viết đơn.")
               if ack == "bao_nhan_don" else ".")))
        self.hint.setVisible(not visit)
        self.changed.emit(visit)


    def values(self) -> dict:
        """The IntakeForm fields of the channel; fields the channel does not have are left out."""
        info = catalog.channel(self.code())
        fields = set(info.fields) if info else set()
        return {
            "channel": Channel(self.code()),
            "mailed_on": typed_date(self.mailed_on.text(), "mailed_on")
            if "mailed_on" in fields else None,
            "envelope_kept": self.envelope_kept.isChecked() and "envelope_kept" in fields,
            "channel_ref": self.channel_ref.text() if "channel_ref" in fields else "",
            "source_body": self.source_body.text() if "source_body" in fields else "",
            "source_doc_no": self.source_doc_no.text() if "source_doc_no" in fields else "",
            "source_doc_on": typed_date(self.source_doc_on.text(), "source_doc_on")
            if "source_doc_on" in fields else None,
        }
