"""The intake page: one visitor at a time, fast enough for a queue (QR scan, repeat visitors)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import catalog
from desk_app.core.errors import DeskError
from desk_app.core.model import (
    DocCopy,
    DocumentItem,
    IdKind,
    IntakeForm,
    KnownPerson,
    Outcome,
    PersonForm,
    PetitionKind,
    PetitionPart,
    ReceptionKind,
    Registered,
    Sex,
)
from desk_app.core.reception.ids import QrIdentity, parse_qr_line
from desk_app.core.reception.people import find_person
from desk_app.gui.documents import print_document

RECEIPT_QR_PREFIX = "TCD1|"  # core.documents.register.receipt_qr_text
COPY_LABELS = {DocCopy.ORIGINAL: "Bản gốc", DocCopy.PHOTOCOPY: "Bản sao",
               DocCopy.CERTIFIED: "Bản sao chứng thực"}
ERROR_STYLE = "color: #a40000; font-weight: bold;"
OK_STYLE = "color: #0b6b1f; font-weight: bold;"


def _combo(items: dict | list, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    pairs = items.items() if isinstance(items, dict) else items
    for code, label in pairs:
        combo.addItem(label, str(code))
    return combo


def _select(combo: QComboBox, code) -> None:
    index = combo.findData(None if code is None else str(code))
    if index >= 0:
        combo.setCurrentIndex(index)


class PartEditor(QGroupBox):
    """One kind of content; a petition mixing kinds gets one editor per kind."""

    removed = Signal(object)

    def __init__(self, number: int, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Nội dung %n", "", number))
        self.kind = _combo(catalog.PETITION_KIND_LABELS, self)
        _select(self.kind, PetitionKind.KIEN_NGHI)
        self.topic = _combo([(t.code, t.name) for t in catalog.topics()], self)
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText(self.tr("Tóm tắt nội dung công dân trình bày"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(70)
        self.remove_button = QPushButton(self.tr("Bỏ nội dung này"), self)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Loại đơn")), 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(QLabel(self.tr("Lĩnh vực")), 0, 2)
        layout.addWidget(self.topic, 0, 3)
        layout.addWidget(self.remove_button, 0, 4)
        layout.addWidget(self.summary, 1, 0, 1, 5)

    def value(self) -> PetitionPart:
        return PetitionPart(PetitionKind(self.kind.currentData()), self.topic.currentData(),
                            self.summary.toPlainText())


class IntakePage(QWidget):
    saved = Signal(object)  # Registered
    open_case = Signal(int)
    open_record = Signal(int)  # petition id, from a scanned receipt
    attached = Signal(int)  # case id a new petition was attached to

    def __init__(self, tasks, office, officers, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.office = office
        self.current_officer_id: int | None = officers[0].id if officers else None
        self.issued_on: date | None = None
        self.parts: list[PartEditor] = []
        self._lookup_timer = QTimer(self, singleShot=True, interval=250)
        self._lookup_timer.timeout.connect(self.lookup_person)
        self._build(officers)
        self.reset()

    # --- construction ------------------------------------------------------------
    def _build(self, officers) -> None:
        self.qr = QLineEdit(self)
        self.qr.setObjectName("qr")
        self.qr.setPlaceholderText(self.tr("Quét mã QR trên thẻ căn cước hoặc trên giấy biên nhận (đặt con trỏ ở đây rồi quét)"))
        self.qr.returnPressed.connect(self.apply_qr)

        self.full_name = QLineEdit(self)
        self.id_kind = _combo(catalog.ID_KIND_LABELS, self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.id_number.textEdited.connect(lambda _: self._lookup_timer.start())
        self.dob = QLineEdit(self)
        self.dob.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.sex = _combo([("", ""), (Sex.NAM, "Nam"), (Sex.NU, "Nữ")], self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Số nhà, đường, thôn/tổ dân phố"))
        self.commune = _combo([("", "")] + [(c.code, c.name) for c in
                                            catalog.communes(self.office.province_code)], self)
        self.commune.setEditable(True)
        self.commune.setInsertPolicy(QComboBox.NoInsert)
        self.old_address = QLineEdit(self)
        self.old_address.setPlaceholderText(self.tr("Địa chỉ cũ như ghi trên thẻ (trước sắp xếp 2025)"))

        person = QGroupBox(self.tr("Người đến"), self)
        form = QFormLayout(person)
        form.addRow(self.tr("Họ và tên"), self.full_name)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_kind)
        id_row.addWidget(self.id_number, 1)
        form.addRow(self.tr("Giấy tờ tùy thân"), id_row)
        born = QHBoxLayout()
        born.addWidget(self.dob)
        born.addWidget(QLabel(self.tr("Giới tính")))
        born.addWidget(self.sex)
        born.addWidget(QLabel(self.tr("Điện thoại")))
        born.addWidget(self.phone)
        form.addRow(self.tr("Ngày sinh"), born)
        form.addRow(self.tr("Địa chỉ"), self.address)
        form.addRow(self.tr("Xã/phường (mới)"), self.commune)
        form.addRow(self.tr("Địa chỉ cũ"), self.old_address)

        self.received_at = QDateTimeEdit(self)
        self.received_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.received_at.setCalendarPopup(True)
        self.reception_kind = _combo(
            {k: v for k, v in catalog.RECEPTION_KIND_LABELS.items()
             if k != ReceptionKind.TRUC_TUYEN}, self)
        self.officer = _combo([(o.id, o.full_name) for o in officers], self)
        self.crowd_size = QSpinBox(self)
        self.crowd_size.setRange(1, 9999)
        self.crowd_size.valueChanged.connect(self._crowd_changed)
        self.reps = self._table([self.tr("Họ tên người đại diện khác"), self.tr("Số căn cước")])
        self.reps_buttons = self._row_buttons(self.reps, self.tr("Thêm người đại diện"))
        self.prior_handlers = QLineEdit(self)
        self.prior_handlers.setPlaceholderText(self.tr("Cơ quan, đơn vị đã tiếp nhận, giải quyết (nếu có)"))

        visit = QGroupBox(self.tr("Lượt tiếp"), self)
        vform = QFormLayout(visit)
        when = QHBoxLayout()
        when.addWidget(self.received_at)
        when.addWidget(QLabel(self.tr("Hình thức")))
        when.addWidget(self.reception_kind, 1)
        vform.addRow(self.tr("Thời điểm"), when)
        vform.addRow(self.tr("Cán bộ tiếp"), self.officer)
        crowd = QHBoxLayout()
        crowd.addWidget(self.crowd_size)
        self.crowd_hint = QLabel(self)
        crowd.addWidget(self.crowd_hint, 1)
        vform.addRow(self.tr("Số người"), crowd)
        vform.addRow(self.reps)
        vform.addRow(self.reps_buttons)
        vform.addRow(self.tr("Đã được giải quyết bởi"), self.prior_handlers)

        self.parts_box = QVBoxLayout()
        add_part = QPushButton(self.tr("Thêm nội dung khác loại (đơn có nhiều nội dung)"), self)
        add_part.clicked.connect(lambda: self.add_part())
        content = QGroupBox(self.tr("Nội dung"), self)
        clayout = QVBoxLayout(content)
        clayout.addLayout(self.parts_box)
        clayout.addWidget(add_part, 0, Qt.AlignLeft)

        self.documents = self._table([self.tr("Tên tài liệu"), self.tr("Số trang"),
                                      self.tr("Tình trạng"), self.tr("Bản gốc/sao")])
        docs = QGroupBox(self.tr("Thông tin, tài liệu nhận"), self)
        dlayout = QVBoxLayout(docs)
        dlayout.addWidget(self.documents)
        dlayout.addWidget(self._row_buttons(self.documents, self.tr("Thêm tài liệu"),
                                            self._add_document_row))

        self.outcome = _combo(catalog.OUTCOME_LABELS, self)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.refusal_reason = _combo([("", "")] + [(r.code, r.name) for r in catalog.refusal_reasons()],
                                     self)
        self.refusal_reason.setMinimumContentsLength(30)
        self.refusal_reason.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.outcome_body = QLineEdit(self)
        self.outcome_doc_no = QLineEdit(self)
        self.outcome_doc_no.setPlaceholderText(self.tr("Số văn bản"))
        self.note = QLineEdit(self)
        self.written = QCheckBox(self.tr("Không có đơn: cán bộ ghi lại nội dung, đọc lại và người đến ký"),
                                 self)
        outcome = QGroupBox(self.tr("Kết quả tiếp"), self)
        oform = QFormLayout(outcome)
        oform.addRow(self.tr("Kết quả"), self.outcome)
        oform.addRow(self.tr("Lý do từ chối"), self.refusal_reason)
        body = QHBoxLayout()
        body.addWidget(self.outcome_body, 3)
        body.addWidget(self.outcome_doc_no, 1)
        oform.addRow(self.tr("Cơ quan hướng dẫn/chuyển đến"), body)
        oform.addRow(self.tr("Ghi chú"), self.note)
        oform.addRow(self.written)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.linkActivated.connect(self._message_link)
        # Likely duplicates of what was just saved (same person, similar content): offered,
        # never applied without the officer's click.
        self.duplicates = QLabel(self)
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setVisible(False)
        self.duplicates.linkActivated.connect(self._duplicate_link)
        self.save_button = QPushButton(self.tr("Ghi sổ (Ctrl+S)"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        new_button = QPushButton(self.tr("Người tiếp theo (Ctrl+N)"), self)
        new_button.clicked.connect(self.reset)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        QShortcut(QKeySequence.New, self, activated=self.reset)
        buttons = QHBoxLayout()
        message_box = QVBoxLayout()
        message_box.addWidget(self.message)
        message_box.addWidget(self.duplicates)
        buttons.addLayout(message_box, 1)
        buttons.addWidget(new_button)
        buttons.addWidget(self.save_button)

        left = QWidget(self)
        llayout = QVBoxLayout(left)
        llayout.addWidget(self.qr)
        llayout.addWidget(person)
        llayout.addWidget(visit)
        llayout.addWidget(content)
        llayout.addWidget(docs)
        llayout.addWidget(outcome)
        llayout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)

        self.known = QGroupBox(self.tr("Người đã từng đến"), self)
        self.known.setObjectName("known")
        self.known_label = QLabel(self.tr("Nhập hoặc quét số căn cước để xem các lần đến trước."),
                                  self.known)
        self.known_label.setWordWrap(True)
        self.known_list = QListWidget(self.known)
        self.known_fill = QPushButton(self.tr("Dùng thông tin đã lưu"), self.known)
        self.known_fill.clicked.connect(self._fill_from_known)
        self.known_fill.setEnabled(False)
        klayout = QVBoxLayout(self.known)
        klayout.addWidget(self.known_label)
        klayout.addWidget(self.known_list, 1)
        klayout.addWidget(self.known_fill)
        self.known.setMinimumWidth(300)
        self._known: KnownPerson | None = None

        top = QHBoxLayout()
        top.addWidget(scroll, 3)
        top.addWidget(self.known, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addLayout(buttons)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setMaximumHeight(120)
        return table

    def _row_buttons(self, table: QTableWidget, add_text: str, add=None) -> QWidget:
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        add_button = QPushButton(add_text, box)
        add_button.clicked.connect(add or (lambda: table.insertRow(table.rowCount())))
        remove = QPushButton(self.tr("Xóa dòng chọn"), box)
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
        layout.addWidget(add_button)
        layout.addWidget(remove)
        layout.addStretch(1)
        return box

    def _add_document_row(self, name: str = "", pages: int = 1, condition: str = "",
                          copy: DocCopy = DocCopy.ORIGINAL) -> None:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        self.documents.setItem(row, 0, QTableWidgetItem(name))
        self.documents.setItem(row, 1, QTableWidgetItem(str(pages)))
        self.documents.setItem(row, 2, QTableWidgetItem(condition))
        combo = _combo(COPY_LABELS, self.documents)
        _select(combo, copy)
        self.documents.setCellWidget(row, 3, combo)

    def add_part(self) -> PartEditor:
        editor = PartEditor(len(self.parts) + 1, self)
        editor.removed.connect(self._remove_part)
        self.parts.append(editor)
        self.parts_box.addWidget(editor)
        self._renumber()
        return editor

    def _remove_part(self, editor: PartEditor) -> None:
        if len(self.parts) > 1:
            self.parts.remove(editor)
            editor.deleteLater()
            self._renumber()

    def _renumber(self) -> None:
        for number, editor in enumerate(self.parts, start=1):
            editor.setTitle(self.tr("Nội dung %n", "", number))
            editor.remove_button.setVisible(len(self.parts) > 1)

    # --- state -------------------------------------------------------------------
    def set_officer(self, officer_id: int | None) -> None:
        self.current_officer_id = officer_id
        _select(self.officer, officer_id)

    def reset(self) -> None:
        """Clear the visitor's fields; keep the desk's own (officer, reception kind)."""
        # A new visitor, a new idempotency key: saving again before the next reset (a second
        # press, a retry after an error) sends the same key and cannot record the visit twice.
        self.intake_id = str(uuid.uuid4())
        for edit in (self.qr, self.full_name, self.id_number, self.dob, self.phone, self.address,
                     self.old_address, self.prior_handlers, self.outcome_body, self.outcome_doc_no,
                     self.note):
            edit.clear()
        self.issued_on = None
        _select(self.id_kind, IdKind.CCCD)
        self.sex.setCurrentIndex(0)
        _select(self.commune, self.office.commune_code)
        self.received_at.setDateTime(QDateTime.currentDateTime())
        self.crowd_size.setValue(1)
        self.reps.setRowCount(0)
        self.documents.setRowCount(0)
        for editor in self.parts:
            editor.deleteLater()
        self.parts.clear()
        self.add_part()
        _select(self.outcome, Outcome.ACCEPTED)
        self.refusal_reason.setCurrentIndex(0)
        self.written.setChecked(False)
        if self.current_officer_id is not None:
            _select(self.officer, self.current_officer_id)
        self._show_known(None)
        self._crowd_changed(1)
        self._outcome_changed()
        self.qr.setFocus()

    def _crowd_changed(self, size: int) -> None:
        crowd = size >= 5
        self.reps.setVisible(crowd)
        self.reps_buttons.setVisible(crowd)
        if size < 5:
            self.crowd_hint.setText("")
        elif size <= 10:
            self.crowd_hint.setText(self.tr("Đoàn đông người: 1–2 người đại diện (kể cả người trình bày)"))
        else:
            self.crowd_hint.setText(self.tr("Đoàn đông người: tối đa 5 người đại diện (kể cả người trình bày)"))

    def _outcome_changed(self, *_) -> None:
        outcome = self.outcome.currentData()
        self.refusal_reason.setEnabled(outcome == Outcome.REFUSED)
        needs_body = outcome in (Outcome.GUIDED, Outcome.TRANSFERRED)
        self.outcome_body.setEnabled(needs_body)
        self.outcome_doc_no.setEnabled(needs_body)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)
        widget = self._field_widget(field)
        if widget is not None:
            widget.setFocus()

    def show_ok(self, message: str) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(message)

    def _field_widget(self, field: str | None):
        first = self.parts[0] if self.parts else None
        return {
            "full_name": self.full_name, "id_number": self.id_number, "sex": self.sex,
            "date_of_birth": self.dob, "phone": self.phone, "received_at": self.received_at,
            "crowd_size": self.crowd_size, "representatives": self.reps,
            "summary": first.summary if first else None, "topic": first.topic if first else None,
            "petition_kind": first.kind if first else None, "refusal_reason": self.refusal_reason,
            "outcome_body": self.outcome_body, "documents": self.documents, "officer": self.officer,
        }.get(field or "")

    # --- QR and repeat visitors ----------------------------------------------------
    def apply_qr(self) -> None:
        text = self.qr.text().strip()
        if text.upper().startswith(RECEIPT_QR_PREFIX):  # a receipt we printed: pull its record up
            self.qr.clear()
            self._open_receipt(text)
            return
        try:
            identity = parse_qr_line(self.qr.text())
        except DeskError as exc:
            self.show_error(exc.message)
            self.qr.selectAll()
            return
        self.fill_identity(identity)
        self.qr.clear()
        self.show_ok(self.tr("Đã đọc thẻ căn cước của %1.").replace("%1", identity.full_name))
        self.lookup_person()
        self.phone.setFocus()

    def _open_receipt(self, text: str) -> None:
        def job(db):
            from desk_app.core.documents import verify_receipt_qr

            visit_id = verify_receipt_qr(db, text)
            if visit_id is None:
                return None
            return db.execute("SELECT MIN(id) FROM petitions WHERE visit_id = ?",
                              [visit_id]).fetchone()[0]

        def found(petition_id):
            if petition_id is None:
                self.show_error(self.tr("Mã QR này không phải giấy biên nhận của cơ quan, hoặc đã "
                                        "bị sửa. Hãy kiểm tra giấy biên nhận bản gốc."))
            else:
                self.show_ok(self.tr("Đã mở lượt tiếp của giấy biên nhận vừa quét."))
                self.open_record.emit(petition_id)

        self.tasks.read(job, found, self._failed)

    def fill_identity(self, identity: QrIdentity) -> None:
        self.full_name.setText(identity.full_name)
        _select(self.id_kind, IdKind.CCCD)
        self.id_number.setText(identity.id_number)
        self.dob.setText(identity.date_of_birth.strftime("%d/%m/%Y"))
        _select(self.sex, identity.sex)
        self.old_address.setText(identity.address)
        self.issued_on = identity.issued_on

    def lookup_person(self) -> None:
        number = self.id_number.text().strip()
        if len(number) < 9:
            self._show_known(None)
            return
        self.tasks.read(lambda db: find_person(db, number), self._known_found, lambda e: None)

    def _known_found(self, person: KnownPerson | None) -> None:
        if person is not None and person.id_number != self.id_number.text().strip():
            return  # the officer typed on meanwhile
        self._show_known(person)

    def _show_known(self, person: KnownPerson | None) -> None:
        self._known = person
        self.known_list.clear()
        self.known_fill.setEnabled(person is not None)
        if person is None:
            self.known.setStyleSheet("")
            self.known_label.setText(self.tr("Chưa có lần đến trước với số giấy tờ này."))
            return
        self.known.setStyleSheet("QGroupBox#known { border: 2px solid #c77700; }")
        lines = [self.tr("%1 — đã đến %2 lần.").replace("%1", person.full_name)
                 .replace("%2", str(len(person.visits)))]
        if person.open_cases:
            lines.append(self.tr("Vụ việc đang mở: %1").replace("%1", str(len(person.open_cases))))
        self.known_label.setText("\n".join(lines))
        for visit in person.visits:
            iso = visit.received_at
            kind = catalog.PETITION_KIND_LABELS.get(PetitionKind(visit.petition_kind), "")
            self.known_list.addItem(f"{iso[8:10]}/{iso[5:7]}/{iso[:4]} · {kind} · {visit.summary}")
        for title in person.open_cases:
            self.known_list.addItem(self.tr("Đang mở: %1").replace("%1", title))

    def _fill_from_known(self) -> None:
        person = self._known
        if person is None:
            return
        self.full_name.setText(person.full_name)
        if person.date_of_birth:
            self.dob.setText(date.fromisoformat(person.date_of_birth).strftime("%d/%m/%Y"))
        _select(self.sex, person.sex or "")
        if not self.phone.text():
            self.phone.setText(person.phone)
        if not self.address.text():
            self.address.setText(person.address)
        if person.commune_code:
            _select(self.commune, person.commune_code)

    # --- collect and save ----------------------------------------------------------
    def _date(self, text: str, field: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            raise DeskError(self.tr("Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ 04/03/1990.")
                            .replace("%1", text), field=field) from None

    def collect(self) -> IntakeForm:
        commune = self.commune.currentData()
        if self.commune.currentText() != self.commune.itemText(self.commune.currentIndex()):
            commune = None
        person = PersonForm(
            full_name=self.full_name.text(), id_kind=IdKind(self.id_kind.currentData()),
            id_number=self.id_number.text(), id_issued_on=self.issued_on,
            date_of_birth=self._date(self.dob.text(), "date_of_birth"),
            sex=Sex(self.sex.currentData()) if self.sex.currentData() else None,
            phone=self.phone.text(), address=self.address.text(),
            commune_code=int(commune) if commune else None, old_address=self.old_address.text())
        reps = []
        for row in range(self.reps.rowCount()):
            name = (self.reps.item(row, 0) or QTableWidgetItem()).text()
            number = (self.reps.item(row, 1) or QTableWidgetItem()).text()
            if name.strip() or number.strip():
                reps.append(PersonForm(full_name=name, id_number=number))
        docs = []
        for row in range(self.documents.rowCount()):
            name = (self.documents.item(row, 0) or QTableWidgetItem()).text()
            pages_text = (self.documents.item(row, 1) or QTableWidgetItem("1")).text().strip()
            condition = (self.documents.item(row, 2) or QTableWidgetItem()).text()
            combo = self.documents.cellWidget(row, 3)
            if not name.strip() and not condition.strip():
                continue
            docs.append(DocumentItem(name, int(pages_text) if pages_text.isdigit() else 0, condition,
                                     DocCopy(combo.currentData()) if combo else DocCopy.ORIGINAL))
        refusal = self.refusal_reason.currentData() or None
        outcome = Outcome(self.outcome.currentData())
        return IntakeForm(
            person=person,
            received_at=self.received_at.dateTime().toPython().replace(second=0, microsecond=0),
            reception_kind=ReceptionKind(self.reception_kind.currentData()),
            parts=tuple(editor.value() for editor in self.parts),
            officer_id=int(self.officer.currentData()) if self.officer.currentData() else None,
            crowd_size=self.crowd_size.value(), representatives=tuple(reps),
            prior_handlers=self.prior_handlers.text(), documents=tuple(docs), outcome=outcome,
            refusal_reason=refusal if outcome == Outcome.REFUSED else None,
            outcome_body=self.outcome_body.text() if outcome in (Outcome.GUIDED, Outcome.TRANSFERRED) else "",
            outcome_doc_no=self.outcome_doc_no.text() if outcome == Outcome.TRANSFERRED else "",
            note=self.note.text(), written_by_officer=self.written.isChecked(),
            intake_id=self.intake_id)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            form = self.collect()
        except DeskError as exc:
            self.show_error(exc.message, exc.field)
            return
        self.save_button.setEnabled(False)
        def save(db):
            from desk_app.core.reception.intake import register_visit  # loads the deadline engine

            return register_visit(db, form, datetime.now())

        self.tasks.write(save,
                         self._saved, self._failed)

    def _saved(self, result: Registered) -> None:
        self.save_button.setEnabled(True)
        name = self.full_name.text().strip()
        self.reset()
        from html import escape

        text = escape(self.tr("Đã ghi sổ lượt tiếp của %1.").replace("%1", name))
        if result.already_recorded:
            text = escape(self.tr("Lượt tiếp này đã được ghi sổ trước đó (số %1); không ghi lại.")
                          .replace("%1", str(result.visit_id)))
        if result.receipt_no:
            text += " " + escape(self.tr("Giấy biên nhận số %1.").replace("%1", result.receipt_no))
            text += (f" <a href='receipt:{result.visit_id}'>" + self.tr("In giấy biên nhận")
                     + "</a>")
        else:
            text += (f" <a href='refusal:{result.visit_id}'>"
                     + self.tr("Lập thông báo từ chối tiếp (mẫu 01/TCD)") + "</a>")
        self.show_ok(text)
        self.saved.emit(result)
        self._offer_duplicates(result)

    def _message_link(self, link: str) -> None:
        kind, visit = link.split(":")
        visit_id = int(visit)
        if kind == "receipt":
            print_document(self, self.tasks, "receipt", visit_id)
        elif kind == "refusal":
            print_document(self, self.tasks, "refusal", visit_id)

    def _offer_duplicates(self, result: Registered) -> None:
        self.duplicates.setVisible(False)
        pairs = [(pid, cid) for pid, cid in zip(result.petition_ids, result.case_ids, strict=False)]
        if not pairs:
            return

        def job(db):
            from desk_app.core.cases.links import candidates_for_petition

            return [(pid, c) for pid, _cid in pairs for c in candidates_for_petition(db, pid, 3)
                    if c.status != "merged"]

        self.tasks.read(job, self._show_duplicates, lambda e: None)

    def _show_duplicates(self, found) -> None:
        if not found:
            return
        from html import escape

        lines = []
        for pid, c in found[:3]:
            lines.append(
                self.tr("Đơn vừa ghi có thể trùng vụ việc #%1 (%2, %3): %4")
                .replace("%1", str(c.case_id)).replace("%2", c.opened_on[8:10] + "/"
                                                       + c.opened_on[5:7] + "/" + c.opened_on[:4])
                .replace("%3", escape(c.person_name)).replace("%4", escape(c.title))
                + f" — <a href='attach:{pid}:{c.case_id}'>" + self.tr("Gộp vào vụ việc này")
                + f"</a> · <a href='open:{c.case_id}'>" + self.tr("Xem") + "</a>")
        self.duplicates.setText("<br>".join(lines))
        self.duplicates.setVisible(True)

    def _duplicate_link(self, link: str) -> None:
        kind, *ids = link.split(":")
        if kind == "open":
            self.open_case.emit(int(ids[0]))
            return
        petition_id, case_id = int(ids[0]), int(ids[1])
        officer_id = self.officer.currentData()
        officer_id = int(officer_id) if officer_id else None

        def job(db):
            from desk_app.core.cases.links import attach_petition

            attach_petition(db, petition_id, case_id, officer_id=officer_id)
            return case_id

        def done(target):
            self.duplicates.setVisible(False)
            self.show_ok(self.tr("Đã gộp đơn vào vụ việc #%1.").replace("%1", str(target)))
            self.attached.emit(target)

        self.tasks.write(job, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, DeskError):
            self.show_error(error.message, error.field)
        else:
            raise error
