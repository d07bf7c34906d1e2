"""Kết quả tiếp: received for handling, guided, transferred or refused (with the ground of
Law on Citizen Reception art. 9), and a note."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit

from desk_app.core import catalog
from desk_app.core.model import Outcome
from desk_app.gui.widgets.body_completer import attach
from desk_app.gui.widgets.fields import combo, select

_WITH_BODY = (Outcome.GUIDED, Outcome.TRANSFERRED, Outcome.MEDIATION)


class OutcomeBox(QGroupBox):
    def __init__(self, parent=None, tasks=None):
        super().__init__(self.tr("Kết quả tiếp"), parent)
        self.outcome = combo(catalog.OUTCOME_LABELS, self)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.refusal_reason = combo([("", "")] + [(r.code, r.name)
                                                  for r in catalog.refusal_reasons()], self)
        self.refusal_reason.setMinimumContentsLength(30)
        self.refusal_reason.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.outcome_body = QLineEdit(self)
        self.outcome_body.setPlaceholderText(self.tr("Gõ vài chữ để chọn trong danh bạ cơ quan"))
        self.body_completer = attach(self.outcome_body, tasks)
        self.outcome_doc_no = QLineEdit(self)
        self.outcome_doc_no.setPlaceholderText(self.tr("Số văn bản"))
        self.note = QLineEdit(self)
        self.written = QCheckBox(
            self.tr("Không có đơn: cán bộ ghi lại nội dung, đọc lại và người đến ký"), self)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("&Kết quả"), self.outcome)
        form.addRow(self.tr("Lý do từ chối"), self.refusal_reason)
        body = QHBoxLayout()
        body.addWidget(self.outcome_body, 3)
        body.addWidget(self.outcome_doc_no, 1)
        form.addRow(self.tr("Cơ quan hướng dẫn/chuyển đến"), body)
        form.addRow(self.written)
        form.addRow(self.tr("Ghi chú"), self.note)  # the form's last field: Enter saves

    def set_visit_mode(self, visit: bool) -> None:
        """Refusing a reception, and the officer writing down what was said, are for visits."""
        index = self.outcome.findData(str(Outcome.REFUSED))
        view = self.outcome.view()
        view.setRowHidden(index, not visit)
        if not visit and self.outcome.currentData() == Outcome.REFUSED:
            select(self.outcome, Outcome.ACCEPTED)
        self.setTitle(self.tr("Kết quả tiếp") if visit else self.tr("Kết quả tiếp nhận đơn"))
        self.written.setVisible(visit)
        if not visit:
            self.written.setChecked(False)

    def focus_order(self) -> list:
        return [self.outcome, self.refusal_reason, self.outcome_body, self.outcome_doc_no,
                self.written, self.note]

    def clear(self) -> None:
        for edit in (self.outcome_body, self.outcome_doc_no, self.note):
            edit.clear()
        select(self.outcome, Outcome.ACCEPTED)
        self.refusal_reason.setCurrentIndex(0)
        self.written.setChecked(False)
        self._outcome_changed()

    def is_blank(self) -> bool:
        return (self.outcome.currentData() == Outcome.ACCEPTED and not self.written.isChecked()
                and not any(e.text().strip() for e in (self.outcome_body, self.outcome_doc_no,
                                                        self.note)))

    def _outcome_changed(self, *_) -> None:
        outcome = self.outcome.currentData()
        self.refusal_reason.setEnabled(outcome == Outcome.REFUSED)
        needs_body = outcome in _WITH_BODY
        self.outcome_body.setEnabled(needs_body)
        self.outcome_doc_no.setEnabled(needs_body)

    def values(self) -> dict:
        """The IntakeForm fields this box holds; what does not apply to the outcome is left out."""
        outcome = Outcome(self.outcome.currentData())
        refusal = self.refusal_reason.currentData() or None
        return {
            "outcome": outcome,
            "refusal_reason": refusal if outcome == Outcome.REFUSED else None,
            "outcome_body": self.outcome_body.text() if outcome in _WITH_BODY else "",
            "outcome_doc_no": self.outcome_doc_no.text() if outcome == Outcome.TRANSFERRED else "",
            "note": self.note.text(), "written_by_officer": self.written.isChecked()}
