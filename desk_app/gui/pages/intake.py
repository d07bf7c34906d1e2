"""The intake page: one visitor at a time, fast enough for a queue (QR scan, repeat visitors).

The form's sections are widgets of their own (gui/widgets: person, visit, content, documents,
outcome, earlier visits); this page puts them in the order of the paper form, reads the QR
box, saves through the writer thread and offers what follows a save (the receipt, likely
duplicates). It also runs the checks that read the database while the officer types: the
earlier visits of an ID number, a saved ID number under another name, a complaint past its
limitation; and it files visits under the reception session under way (core/schedule).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.documents.kinds import RECEIPT_QR_PREFIX
from desk_app.core.errors import DeskError
from desk_app.core.model import IdKind, IntakeForm, KnownPerson, ReceptionKind, Registered
from desk_app.core.reception.ids import parse_qr_line
from desk_app.core.reception.people import find_person
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.documents import ACK_TITLE, print_document
from desk_app.gui.widgets.agent_box import AgentBox
from desk_app.gui.widgets.channel_box import ChannelBox
from desk_app.gui.widgets.content_box import ContentBox, PartEditor
from desk_app.gui.widgets.documents_box import COPY_LABELS, DocumentsBox
from desk_app.gui.widgets.fields import chain, select
from desk_app.gui.widgets.known_person import KnownPersonPanel
from desk_app.gui.widgets.outcome_box import OutcomeBox
from desk_app.gui.widgets.person_box import PersonBox
from desk_app.gui.widgets.row_table import cell_text
from desk_app.gui.widgets.visit_box import VisitBox

__all__ = ["COPY_LABELS", "IntakePage", "PartEditor", "_select"]

_select = select  # tests and older callers


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
        self.last_saved: Registered | None = None  # what Ctrl+P prints
        self._lookup_timer = QTimer(self, singleShot=True, interval=250)
        self._lookup_timer.timeout.connect(self.lookup_person)
        # The name on a saved ID number is compared as the officer types (a warning only).
        self._identity_timer = QTimer(self, singleShot=True, interval=300)
        self._identity_timer.timeout.connect(self.check_identities)
        self._build(officers)
        self.reset()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not getattr(self, "_addresses_warming", False):
            # The old-address index (about a second of work, on the reader thread) is built a
            # little after the page first shows, so start-up does not wait for it.
            self._addresses_warming = True
            QTimer.singleShot(3000, self.warm_up_addresses)

    # --- construction ------------------------------------------------------------
    def _build(self, officers) -> None:
        self.qr = QLineEdit(self)
        self.qr.setObjectName("qr")
        self.qr.setPlaceholderText(self.tr("Quét mã QR trên thẻ căn cước hoặc trên giấy biên nhận "
                                           "(đặt con trỏ ở đây rồi quét)"))
        self.qr.returnPressed.connect(self.apply_qr)
        self.channel_box = ChannelBox(self.tasks, self)
        self.person = PersonBox(self.office, self)
        self.person.id_edited.connect(self._lookup_timer.start)
        self.person.identity_edited.connect(self._identity_timer.start)
        self.person.suggest_commune.connect(self.suggest_commune)
        self.agent_box = AgentBox(self)
        self.visit = VisitBox(officers, self)
        self.visit.reps.itemChanged.connect(lambda *_: self._identity_timer.start())
        self.content = ContentBox(self)
        self.content.changed.connect(self._chain)
        self.content.known_entered.connect(self.check_limitation)
        self.documents_box = DocumentsBox(self)
        self.outcome_box = OutcomeBox(self, self.tasks)
        self.channel_box.changed.connect(self._channel_changed)
        self.agent_box.toggled.connect(self._roles_changed)
        self.known = KnownPersonPanel(self)
        self.known.use_saved.connect(self.person.fill_known)
        self.known.reveal_requested.connect(self.reveal_known)
        self._alias_fields()

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
        # The shortcuts themselves belong to the main window's menu (one owner per key).
        self.save_button = QPushButton(self.tr("&Ghi sổ (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Người tiếp th&eo (Ctrl+N)"), self)
        self.new_button.clicked.connect(self.new_visit)
        self.note.returnPressed.connect(self.save)  # Enter in the form's last field saves

        left = QWidget(self)
        column = QVBoxLayout(left)
        for widget in (self.qr, self.channel_box, self.person, self.agent_box, self.visit,
                       self.content, self.documents_box, self.outcome_box):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        top = QHBoxLayout()
        top.addWidget(scroll, 3)
        top.addWidget(self.known, 1)
        message_box = QVBoxLayout()
        message_box.addWidget(self.message)
        message_box.addWidget(self.duplicates)
        buttons = QHBoxLayout()
        buttons.addLayout(message_box, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addLayout(buttons)
        self._chain()

    def _chain(self) -> None:
        """Tab follows the paper form top to bottom, whatever order the widgets were made in."""
        chain([self.qr, *self.channel_box.focus_order(), *self.person.focus_order(),
               *self.agent_box.focus_order(), *self.visit.focus_order(),
               *self.content.focus_order(), *self.documents_box.focus_order(),
               *self.outcome_box.focus_order(), self.save_button, self.new_button,
               self.known.fill])

    def _alias_fields(self) -> None:
        """The fields by their form names, for shortcuts, error focus and tests."""
        p, v, o = self.person, self.visit, self.outcome_box
        self.full_name, self.id_kind, self.id_number, self.dob = (p.full_name, p.id_kind,
                                                                  p.id_number, p.dob)
        self.sex, self.phone, self.address, self.commune = p.sex, p.phone, p.address, p.commune
        self.old_address = p.old_address
        self.id_issued_on, self.id_issued_place = p.id_issued_on, p.id_issued_place
        self.identity_warning = p.identity_warning
        self.received_at, self.reception_kind, self.officer = (v.received_at, v.reception_kind,
                                                               v.officer)
        self.session_label = v.session_label
        self.crowd_size, self.reps, self.prior_handlers = v.crowd_size, v.reps, v.prior_handlers
        self.documents = self.documents_box.table
        self.outcome, self.refusal_reason = o.outcome, o.refusal_reason
        self.outcome_body, self.outcome_doc_no = o.outcome_body, o.outcome_doc_no
        self.note, self.written = o.note, o.written

    @property
    def parts(self) -> list[PartEditor]:
        return self.content.parts

    def add_part(self) -> PartEditor:
        return self.content.add_part()

    # --- state -------------------------------------------------------------------
    @property
    def session(self) -> tuple[int, date] | None:
        """(id, day) of the reception session visits are filed under, or None."""
        return self.visit.session

    def set_session(self, session_id: int | None, kind: str | None = None,
                    day: date | None = None, text: str = "") -> None:
        self.visit.set_session(session_id, kind, day, text)

    def _session_for(self, received: datetime) -> int | None:
        return self.visit.session_for(received)

    def set_officer(self, officer_id: int | None) -> None:
        self.current_officer_id = officer_id
        select(self.officer, officer_id)

    def is_blank(self) -> bool:
        """Nothing typed for a visitor yet (the desk's own choices do not count)."""
        return (not self.qr.text().strip() and self.person.is_blank() and self.visit.is_blank()
                and self.content.is_blank() and not self.documents_box.values()
                and self.outcome_box.is_blank() and self.channel_box.is_blank()
                and self.agent_box.is_blank())

    def new_visit(self) -> bool:
        """Ctrl+N: the next visitor. A filled form is cleared only when the officer says so."""
        if not self.is_blank():
            answer = QMessageBox.question(
                self, self.tr("Người tiếp theo"),
                self.tr("Biểu mẫu đang có thông tin chưa ghi sổ. Xóa để tiếp người tiếp theo?"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        self.reset()
        self.message.clear()
        self.duplicates.setVisible(False)
        return True

    def print_last(self) -> bool:
        """Ctrl+P: the receipt (or, for a refused visit, the refusal notice) of the last save."""
        if self.last_saved is None:
            self.show_error(self.tr("Chưa ghi sổ lượt tiếp nào trong phiên làm việc này để in."))
            return False
        if not self.last_saved.receipt_no and self.last_saved.case_ids:
            self.show_error(self.tr("Đơn vừa ghi không có giấy biên nhận hay giấy báo để in "
                                    "(đường dây nóng, cơ quan khác chuyển đến)."))
            return False
        kind = "receipt" if self.last_saved.receipt_no else "refusal"
        print_document(self, self.tasks, kind, self.last_saved.visit_id,
                       titles=self._titles(self.last_saved.receipt_no))
        return True

    def reset(self) -> None:
        """Clear the visitor's fields; keep the desk's own (officer, reception kind)."""
        # A new visitor, a new idempotency key: saving again before the next reset (a second
        # press, a retry after an error) sends the same key and cannot record the visit twice.
        self.intake_id = str(uuid.uuid4())
        self.qr.clear()
        self.channel_box.clear()
        self.person.clear()
        self.agent_box.clear()
        self.visit.clear(self.current_officer_id)
        self.content.clear()
        self.documents_box.clear()
        self.outcome_box.clear()
        self.known.show_person(None)
        self.qr.setFocus()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.message.setStyleSheet(style.css("error", bold=True))
        self.message.setText(message)
        widget = self._field_widget(field)
        if widget is not None:
            widget.setFocus()

    def show_ok(self, message: str) -> None:
        self.message.setStyleSheet(style.css("ok", bold=True))
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
            "channel": self.channel_box.channel, "mailed_on": self.channel_box.mailed_on,
            "channel_ref": self.channel_box.channel_ref,
            "source_body": self.channel_box.source_body,
            "source_doc_no": self.channel_box.source_doc_no,
            "source_doc_on": self.channel_box.source_doc_on,
            "agent": self.agent_box.full_name, "agent_role": self.agent_box.role,
            "agent_proof": self.agent_box.proof, "outcome": self.outcome,
            "police_contact": self.visit.police_contact,
            "police_informed_at": self.visit.police_at,
        }.get(field or "")

    # --- QR and repeat visitors ----------------------------------------------------
    def apply_qr(self) -> None:
        text = self.qr.text().strip()
        if text.upper().startswith(RECEIPT_QR_PREFIX + "|"):  # a receipt we printed: pull it up
            self.qr.clear()
            self._open_receipt(text)
            return
        try:
            identity = parse_qr_line(self.qr.text())
        except DeskError as exc:
            self.show_error(exc.message)
            self.qr.selectAll()
            return
        self.person.fill_identity(identity)
        if identity.address:  # the card's address is the old one: suggest the new commune
            self.suggest_commune(identity.address)
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

    def _roles_changed(self, *_) -> None:
        self.person.set_role(visit=self.channel_box.is_visit(),
                             represented=self.agent_box.isChecked())

    def _channel_changed(self, visit: bool) -> None:
        """A letter, an e-mail, a forwarded petition: no visit-only fields (docs/channels.md)."""
        self.visit.set_visit_mode(visit)
        self.outcome_box.set_visit_mode(visit)
        self.agent_box.setVisible(visit)
        if not visit:
            self.agent_box.setChecked(False)
        # A letter carries a name and an address, seldom an identity paper (Reception Law
        # art. 7(2)(a)): start from "no paper"; a number typed already is kept as it is.
        if not self.id_number.text().strip():
            kind = self.id_kind.currentData()
            if not visit and kind == IdKind.CCCD:
                select(self.id_kind, IdKind.KHONG)
            elif visit and kind == IdKind.KHONG:
                select(self.id_kind, IdKind.CCCD)
        self._roles_changed()

    def warm_up_addresses(self) -> None:
        """Build the old-address index on the reader thread (about a second) before the first
        card is scanned, so the suggestion then comes at once."""
        def job(db):
            from desk_app.core.reception.old_address import warm_up

            warm_up()

        self.tasks.read(job, lambda _: None, lambda e: None)

    def suggest_commune(self, old_address: str) -> None:
        """The new commune for the old address on a card, found off the GUI thread."""
        if not old_address.strip():
            return

        def job(db):
            from desk_app.core.reception.old_address import suggest

            return suggest(old_address)

        def found(result) -> None:
            if self.old_address.text().strip() and self.old_address.text() != old_address:
                return  # typed on meanwhile
            self.person.show_commune_suggestion(result.commune_code, result.candidates)

        self.tasks.read(job, found, self._failed)

    def lookup_person(self) -> None:
        number = self.id_number.text().strip()
        if len(number) < 9:
            self.known.show_person(None)
            return
        self.tasks.read(lambda db: find_person(db, number), self._known_found, lambda e: None)

    def reveal_known(self) -> None:
        """The known-visitor panel with the visits kept secret: a reason, then an audited
        reveal on the writer (it records the reveal)."""
        from desk_app.gui.dialogs.reveal import ask_reason

        number = self.id_number.text().strip()
        if len(number) < 9:
            return
        reason = ask_reason(self, self.tr("Các lượt tiếp của người có số giấy tờ %1, kể cả lượt "
                                          "có nội dung tố cáo.").replace("%1", number))
        if reason is None:
            return
        self.tasks.write(lambda db: find_person(db, number, reveal_reason=reason),
                         self._known_found, lambda e: self.show_error(
                             getattr(e, "message", str(e))))

    def _known_found(self, person: KnownPerson | None) -> None:
        if person is not None and person.id_number != self.id_number.text().strip():
            return  # the officer typed on meanwhile
        self.known.show_person(person)

    def check_identities(self) -> None:
        """Warn when a typed ID number is saved under another name (the person who came and
        each representative). Saving stays possible: the visit records what was typed."""
        entries = [(self.full_name.text(), self.id_kind.currentData(), self.id_number.text())]
        for row in range(self.reps.rowCount()):
            entries.append((cell_text(self.reps, row, 0), "cccd", cell_text(self.reps, row, 1)))

        def job(db):
            from desk_app.core.reception.people import identity_warnings

            return entries, identity_warnings(db, entries)

        self.tasks.read(job, self._identity_checked, lambda e: None)

    def _identity_checked(self, result) -> None:
        entries, warnings = result
        now = [(self.full_name.text(), self.id_kind.currentData(), self.id_number.text())]
        if entries[:1] != now:
            return  # typed on meanwhile: the next check will come
        self.person.show_identity_warnings(warnings)

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
            from desk_app.core.cases.office_days import load_calendar

            return limitation_warning(kind, received, known, load_calendar(db))

        self.tasks.read(job, editor.show_warning, self._failed)

    # --- collect and save ----------------------------------------------------------
    def collect(self) -> IntakeForm:
        received = self.received_at.dateTime().toPython().replace(second=0, microsecond=0)
        return IntakeForm(
            person=self.person.value(), received_at=received,
            reception_kind=ReceptionKind(self.reception_kind.currentData()),
            parts=self.content.values(), officer_id=self.visit.officer_id(),
            crowd_size=self.crowd_size.value(), representatives=self.visit.representatives(),
            prior_handlers=self.prior_handlers.text(), documents=self.documents_box.values(),
            session_id=self._session_for(received) if self.channel_box.is_visit() else None,
            intake_id=self.intake_id, **self.outcome_box.values(), **self.channel_box.values(),
            **self.agent_box.values(), **self.visit.police_values())

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

        self.tasks.write(save, self._saved, self._failed)

    def _saved(self, result: Registered) -> None:
        self.save_button.setEnabled(True)
        self.last_saved = result
        name = self.full_name.text().strip()
        self.reset()
        text = escape(self.tr("Đã ghi sổ lượt tiếp của %1.").replace("%1", name))
        if result.already_recorded:
            text = escape(self.tr("Lượt tiếp này đã được ghi sổ trước đó (số %1); không ghi lại.")
                          .replace("%1", str(result.visit_id)))
        if result.receipt_no and "/BNĐ-" in result.receipt_no:  # a letter's acknowledgement
            text += " " + escape(self.tr("Giấy báo đã nhận đơn số %1.")
                                 .replace("%1", result.receipt_no))
            text += (f" <a href='receipt:{result.visit_id}'>"
                     + self.tr("In giấy báo đã nhận đơn (Ctrl+P)") + "</a>")
        elif result.receipt_no:
            text += " " + escape(self.tr("Giấy biên nhận số %1.").replace("%1", result.receipt_no))
            text += (f" <a href='receipt:{result.visit_id}'>"
                     + self.tr("In giấy biên nhận (Ctrl+P)") + "</a>")
        elif result.case_ids:  # a petition without a visit that gets no acknowledgement
            text += " " + escape(self.tr("Đơn đã vào sổ tiếp nhận, xử lý đơn."))
        else:
            text += (f" <a href='refusal:{result.visit_id}'>"
                     + self.tr("Lập thông báo từ chối tiếp (mẫu 01/TCD)") + "</a>")
        self.show_ok(text)
        self.saved.emit(result)
        self._offer_duplicates(result)

    def _message_link(self, link: str) -> None:
        kind, visit = link.split(":")
        if kind in ("receipt", "refusal"):
            number = self.last_saved.receipt_no if self.last_saved else None
            print_document(self, self.tasks, kind, int(visit), titles=self._titles(number))

    @staticmethod
    def _titles(number: str | None) -> tuple[str, str] | None:
        """A letter's acknowledgement ("01/BNĐ-TCD") is shown and saved under its own name."""
        return ACK_TITLE if number and "/BNĐ-" in number else None

    def _offer_duplicates(self, result: Registered) -> None:
        self.duplicates.setVisible(False)
        pairs = list(zip(result.petition_ids, result.case_ids, strict=False))
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
        lines = []
        for pid, c in found[:3]:
            lines.append(
                self.tr("Đơn vừa ghi có thể trùng vụ việc #%1 (%2, %3): %4")
                .replace("%1", str(c.case_id)).replace("%2", dmy(c.opened_on))
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
        officer_id = self.visit.officer_id()

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
