"""Người trình bày thay: someone presenting on behalf of the person in "Người đến" (whose case
it is) — authorised in writing, a lawyer, legal aid, a guardian — with the paper that proves it.
Not a crowd's representatives (those are in the visit box)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desk_app.core import catalog
from desk_app.core.model import AgentRole, IdKind, PersonForm, Sex
from desk_app.gui.widgets.fields import combo, select, typed_date


class AgentBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(self.tr("Người trình bày thay (ủy quyền, luật sư, trợ giúp pháp lý, "
                                 "người giám hộ)"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.body = QWidget(self)
        self.full_name = QLineEdit(self.body)
        self.id_kind = combo({k: v for k, v in catalog.ID_KIND_LABELS.items()
                              if k != IdKind.KHONG}, self.body)
        self.id_number = QLineEdit(self.body)
        self.id_number.setMaxLength(20)
        self.dob = QLineEdit(self.body)
        self.dob.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.sex = combo([("", ""), (Sex.NAM, "Nam"), (Sex.NU, "Nữ")], self.body)
        self.role = combo([("", "")] + list(catalog.AGENT_ROLE_LABELS.items()), self.body)
        self.proof = QLineEdit(self.body)
        self.proof.setPlaceholderText(self.tr("Giấy ủy quyền số …, ngày …; thẻ luật sư số …; "
                                              "quyết định cử trợ giúp viên …"))
        form = QFormLayout(self.body)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Họ và tên"), self.full_name)
        ids = QHBoxLayout()
        ids.addWidget(self.id_kind)
        ids.addWidget(self.id_number, 1)
        form.addRow(self.tr("Giấy tờ tùy thân"), ids)
        born = QHBoxLayout()
        born.addWidget(self.dob, 1)
        born.addWidget(QLabel(self.tr("Giới tính"), self.body))
        born.addWidget(self.sex)
        form.addRow(self.tr("Ngày sinh"), born)
        form.addRow(self.tr("Tư cách"), self.role)
        form.addRow(self.tr("Giấy tờ chứng minh"), self.proof)
        outer = QFormLayout(self)
        outer.addRow(self.body)
        self.toggled.connect(self.body.setVisible)
        self.body.setVisible(False)

    def focus_order(self) -> list:
        return [self, self.full_name, self.id_kind, self.id_number, self.dob, self.sex,
                self.role, self.proof]

    def clear(self) -> None:
        for edit in (self.full_name, self.id_number, self.dob, self.proof):
            edit.clear()
        select(self.id_kind, IdKind.CCCD)
        self.sex.setCurrentIndex(0)
        self.role.setCurrentIndex(0)
        self.setChecked(False)

    def is_blank(self) -> bool:
        return not self.isChecked() or not any(
            e.text().strip() for e in (self.full_name, self.id_number, self.dob, self.proof))


    def values(self) -> dict:
        """agent, agent_role, agent_proof of the IntakeForm (nothing while unticked)."""
        if not self.isChecked():
            return {"agent": None, "agent_role": None, "agent_proof": ""}
        role = self.role.currentData()
        return {
            "agent": PersonForm(
                full_name=self.full_name.text(), id_kind=IdKind(self.id_kind.currentData()),
                id_number=self.id_number.text(), date_of_birth=typed_date(self.dob.text(), "agent"),
                sex=Sex(self.sex.currentData()) if self.sex.currentData() else None),
            "agent_role": AgentRole(role) if role else None,
            "agent_proof": self.proof.text(),
        }
