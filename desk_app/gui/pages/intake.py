"""The intake page: one visitor at a time, fast enough for a queue (QR scan, repeat visitors)."""

from __future__ import annotations

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

from desk_app.core import catalog, limits
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
WARNING_STYLE = "color: #8a4b00; background: #fff4d6; padding: 4px;"
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
        # Complaints Law art. 9: the 90-day limitation runs from the day the complainant
        # received or knew of the act; optional, and a late complaint is only warned of.
        self.known_label = QLabel(self.tr("Ngày biết quyết định, hành vi bị khiếu nại"), self)
        self.known = QLineEdit(self)
        self.known.setPlaceholderText(self.tr("ngày/tháng/năm (nếu biết)"))
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00;")
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Loại đơn")), 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(QLabel(self.tr("Lĩnh vực")), 0, 2)
        layout.addWidget(self.topic, 0, 3)
        layout.addWidget(self.remove_button, 0, 4)
        layout.addWidget(self.summary, 1, 0, 1, 5)
        layout.addWidget(self.known_label, 2, 0, 1, 2)
        layout.addWidget(self.known, 2, 2)
        layout.addWidget(self.warning, 3, 0, 1, 5)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_) -> None:
        complaint = self.kind.currentData() == PetitionKind.KHIEU_NAI
        for widget in (self.known_label, self.known):
            widget.setVisible(complaint)
        if not complaint:
            self.warning.clear()
        self.warning.setVisible(complaint and bool(self.warning.text()))

    def known_on(self) -> date | None:
        text = self.known.text().strip()
        if not text or self.kind.currentData() != PetitionKind.KHIEU_NAI:
            return None
        try:
            return datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            raise DeskError(self.tr("Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ 04/03/2026.")
                            .replace("%1", text), field="known_on") from None

    def show_warning(self, text: str | None) -> None:
        self.warning.setText(text or "")
        self.warning.setVisible(bool(text))

    def value(self) -> PetitionPart:
        return PetitionPart(PetitionKind(self.kind.currentData()), self.topic.currentData(),
                            self.summary.toPlainText(), self.known_on())


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
        self.session: tuple[int, date] | None = None  # the reception session under way
        self.parts: list[PartEditor] = []
        self._lookup_timer = QTimer(self, singleShot=True, interval=250)
        self._lookup_timer.timeout.connect(self.lookup_person)
        # The name on a saved ID number is compared as the officer types (a warning only).
        self._identity_timer = QTimer(self, singleShot=True, interval=300)
        self._identity_timer.timeout.connect(self.check_identities)
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
        self.id_issued_on = QLineEdit(self)
        self.id_issued_on.setPlaceholderText(self.tr("ngày cấp: ngày/tháng/năm"))
        self.id_issued_place = QLineEdit(self)
        self.id_issued_place.setPlaceholderText(self.tr("Nơi cấp giấy tờ"))
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
        issued_row = QHBoxLayout()
        issued_row.addWidget(self.id_issued_on, 1)
        issued_row.addWidget(self.id_issued_place, 3)
        form.addRow(self.tr("Ngày cấp, nơi cấp"), issued_row)
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
        self.identity_warning = QLabel(self)
        self.identity_warning.setObjectName("identity_warning")
        self.identity_warning.setWordWrap(True)
        self.identity_warning.setStyleSheet(WARNING_STYLE)
        self.identity_warning.setVisible(False)
        form.addRow(self.identity_warning)
        for signal in (self.full_name.textChanged, self.id_number.textChanged,
                       self.id_kind.currentIndexChanged):
            signal.connect(lambda *_: self._identity_timer.start())

        self.received_at = QDateTimeEdit(self)
        self.received_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.received_at.setCalendarPopup(True)
        self.reception_kind = _combo(
            {k: v for k, v in catalog.RECEPTION_KIND_LABELS.items()
             if k != ReceptionKind.TRUC_TUYEN}, self)
        self.officer = _combo([(o.id, o.full_name) for o in officers], self)
        self.crowd_size = QSpinBox(self)
        self.crowd_size.setRange(1, limits.CROWD_MAX)
        self.crowd_size.valueChanged.connect(self._crowd_changed)
        self.reps = self._table([self.tr("Họ tên người đại diện khác"), self.tr("Số căn cước")])
        self.reps_buttons = self._row_buttons(self.reps, self.tr("Thêm người đại diện"))
        self.reps.itemChanged.connect(lambda *_: self._identity_timer.start())
        self.prior_handlers = QLineEdit(self)
        self.prior_handlers.setPlaceholderText(self.tr("Cơ quan, đơn vị đã tiếp nhận, giải quyết (nếu có)"))

        visit = QGroupBox(self.tr("Lượt tiếp"), self)
        vform = QFormLayout(visit)
        when = QHBoxLayout()
        when.addWidget(self.received_at)
        when.addWidget(QLabel(self.tr("Hình thức")))
        when.addWidget(self.reception_kind, 1)
        vform.addRow(self.tr("Thời điểm"), when)
        self.session_label = QLabel(self.tr("(ngoài buổi tiếp theo lịch)"), self)
        vform.addRow(self.tr("Buổi tiếp"), self.session_label)
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
        editor.known.editingFinished.connect(lambda e=editor: self.check_limitation(e))
        self.parts.append(editor)
        self.parts_box.addWidget(editor)
        self._renumber()
        return editor

    def _remove_part(self, editor: PartEditor) -> None:
        if len(self.parts) > 1:
            self.parts.remove(editor)
            editor.deleteLater()
            self._renumber()

    def check_limitation(self, editor: PartEditor) -> None:
        """Warn (never refuse) when the complaint comes after its limitation period."""
        try:
            known = editor.known_on()
        except DeskError as exc:
            editor.show_warning(exc.message)
            return
        received = self.received_at.dateTime().toPython().date()
        kind = str(editor.kind.currentData())

        def job(db):
            from desk_app.core.cases.limitation import limitation_warning
            from desk_app.core.cases.office_calendar import load_calendar

            return limitation_warning(kind, received, known, load_calendar(db))

        self.tasks.read(job, editor.show_warning, self._failed)

    def _renumber(self) -> None:
        for number, editor in enumerate(self.parts, start=1):
            editor.setTitle(self.tr("Nội dung %n", "", number))
            editor.remove_button.setVisible(len(self.parts) > 1)

    # --- state -------------------------------------------------------------------
    def set_session(self, session_id: int | None, kind: str | None = None,
                    day: date | None = None, text: str = "") -> None:
        """The session under way (core/schedule): visits taken now belong to it, and the
        reception kind defaults to the session's."""
        changed = (self.session or (None,))[0] != session_id
        self.session = (session_id, day) if session_id is not None and day else None
        self.session_label.setText(text or self.tr("(ngoài buổi tiếp theo lịch)"))
        if changed and kind:
            _select(self.reception_kind, kind)

    def set_officer(self, officer_id: int | None) -> None:
        self.current_officer_id = officer_id
        _select(self.officer, officer_id)

    def reset(self) -> None:
        """Clear the visitor's fields; keep the desk's own (officer, reception kind)."""
        for edit in (self.qr, self.full_name, self.id_number, self.dob, self.phone, self.address,
                     self.old_address, self.prior_handlers, self.outcome_body, self.outcome_doc_no,
                     self.note, self.id_issued_on, self.id_issued_place):
            edit.clear()
        self.identity_warning.clear()
        self.identity_warning.setVisible(False)
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
            "id_issued_on": self.id_issued_on, "id_issued_place": self.id_issued_place,
            "address": self.address, "old_address": self.old_address,
            "commune_code": self.commune, "note": self.note, "prior_handlers": self.prior_handlers,
            "outcome_doc_no": self.outcome_doc_no,
            "date_of_birth": self.dob, "phone": self.phone, "received_at": self.received_at,
            "crowd_size": self.crowd_size, "representatives": self.reps,
            "summary": first.summary if first else None, "topic": first.topic if first else None,
            "known_on": first.known if first else None,
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
        self.id_issued_on.setText(identity.issued_on.strftime("%d/%m/%Y") if identity.issued_on
                                  else "")

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
        if person.id_issued_on and not self.id_issued_on.text():
            self.id_issued_on.setText(date.fromisoformat(person.id_issued_on).strftime("%d/%m/%Y"))
        if not self.id_issued_place.text():
            self.id_issued_place.setText(person.id_issued_place)

    def check_identities(self) -> None:
        """Warn when a typed ID number is saved under another name (the person who came and
        each representative). Saving stays possible: the visit records what was typed."""
        entries = [(self.full_name.text(), self.id_kind.currentData(), self.id_number.text())]
        for row in range(self.reps.rowCount()):
            entries.append(((self.reps.item(row, 0) or QTableWidgetItem()).text(), "cccd",
                            (self.reps.item(row, 1) or QTableWidgetItem()).text()))

        def job(db):
            from desk_app.core.reception.people import identity_warnings

            return entries, identity_warnings(db, entries)

        self.tasks.read(job, self._identity_checked, lambda e: None)

    def _identity_checked(self, result) -> None:
        entries, warnings = result
        now = [(self.full_name.text(), self.id_kind.currentData(), self.id_number.text())]
        if entries[:1] != now:
            return  # typed on meanwhile: the next check will come
        self.identity_warning.setText("\n".join(warnings))
        self.identity_warning.setVisible(bool(warnings))

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
            id_number=self.id_number.text(),
            id_issued_on=self._date(self.id_issued_on.text(), "id_issued_on"),
            id_issued_place=self.id_issued_place.text(),
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
        received = self.received_at.dateTime().toPython().replace(second=0, microsecond=0)
        return IntakeForm(
            person=person,
            received_at=received,
            reception_kind=ReceptionKind(self.reception_kind.currentData()),
            parts=tuple(editor.value() for editor in self.parts),
            officer_id=int(self.officer.currentData()) if self.officer.currentData() else None,
            crowd_size=self.crowd_size.value(), representatives=tuple(reps),
            prior_handlers=self.prior_handlers.text(), documents=tuple(docs), outcome=outcome,
            refusal_reason=refusal if outcome == Outcome.REFUSED else None,
            outcome_body=self.outcome_body.text() if outcome in (Outcome.GUIDED, Outcome.TRANSFERRED) else "",
            outcome_doc_no=self.outcome_doc_no.text() if outcome == Outcome.TRANSFERRED else "",
            note=self.note.text(), written_by_officer=self.written.isChecked(),
            session_id=self._session_for(received))

    def _session_for(self, received: datetime) -> int | None:
        """A visit typed in for another day does not belong to today's session."""
        if self.session is None or received.date() != self.session[1]:
            return None
        return self.session[0]

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
