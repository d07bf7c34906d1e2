"""Correcting a saved entry and cancelling one made in error (core/reception/corrections.py).

Both dialogs ask for a reason and run on the writer thread; a refusal shows its sentence in
the dialog, which keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.reception.corrections import Correctable
from desk_app.gui import style


class CorrectionDialog(QDialog):
    """Pick a field of the visit, type its new value and the reason; the old value is kept."""

    corrected = Signal(int)  # visit id

    def __init__(self, tasks, visit_id: int, officer: Callable[[], int | None],
                 petition_id: int | None = None, parent=None, *, reveal: bool = False):
        super().__init__(parent)
        self.tasks = tasks
        self.visit_id = visit_id
        self.reveal = reveal  # a denouncer's identity is offered only once revealed
        self.officer = officer
        self.petition_id = petition_id
        self.fields: list[Correctable] = []
        self.setWindowTitle(self.tr("Đính chính lượt tiếp số %1").replace("%1", str(visit_id)))
        self.resize(640, 420)

        self.field = QComboBox(self)
        self.field.currentIndexChanged.connect(self._field_changed)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.current.setObjectName("current")
        self.line = QLineEdit(self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.choice = QComboBox(self)
        # One editor shows at a time (a stacked widget would keep the text box's height).
        self.editors = QWidget(self)
        stack = QVBoxLayout(self.editors)
        stack.setContentsMargins(0, 0, 0, 0)
        for widget in (self.line, self.text, self.choice):
            stack.addWidget(widget)
        self._editor = self.line
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Vì sao đính chính (bắt buộc, được lưu lại)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(style.css("error", bold=True))

        form = QFormLayout()
        form.addRow(self.tr("Mục cần đính chính"), self.field)
        form.addRow(self.tr("Đang ghi"), self.current)
        form.addRow(self.tr("Giá trị đúng"), self.editors)
        form.addRow(self.tr("Lý do"), self.reason)
        note = QLabel(self.tr("Giá trị cũ, người đính chính, thời điểm và lý do được lưu và hiện "
                              "trong cửa sổ lượt tiếp; sổ ghi “Đã đính chính”."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Lưu đính chính"), self)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Close)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        from desk_app.core.reception.corrections import correctable_fields

        visit_id, reveal = self.visit_id, self.reveal
        self.tasks.read(lambda db: correctable_fields(db, visit_id, reveal=reveal), self._loaded,
                        self._failed)

    def _loaded(self, fields) -> None:
        self.fields = [f for f in fields if not f.masked]
        self.field.blockSignals(True)
        self.field.clear()
        for f in self.fields:
            self.field.addItem(f"{f.group} — {f.label}", f.key)
        self.field.blockSignals(False)
        preferred = next((i for i, f in enumerate(self.fields)
                          if f.key == "summary" and f.petition_id == self.petition_id), 0)
        self.field.setCurrentIndex(preferred)
        self._field_changed(preferred)
        self.save_button.setEnabled(bool(self.fields))

    def selected(self) -> Correctable | None:
        index = self.field.currentIndex()
        return self.fields[index] if 0 <= index < len(self.fields) else None

    def select(self, key: str, petition_id: int | None = None) -> None:
        for i, f in enumerate(self.fields):
            if f.key == key and (petition_id is None or f.petition_id == petition_id):
                self.field.setCurrentIndex(i)
                return

    def _field_changed(self, *_) -> None:
        f = self.selected()
        if f is None:
            return
        self.current.setText(f.shown or self.tr("(trống)"))
        self.message.clear()
        if f.choices:
            self.choice.clear()
            for code, label in f.choices:
                self.choice.addItem(label or self.tr("(không ghi)"), code)
            self.choice.setCurrentIndex(max(self.choice.findData(f.value), 0))
            self._show_editor(self.choice)
        elif f.multiline:
            self.text.setPlainText(f.value)
            self._show_editor(self.text)
        else:
            self.line.setText(f.shown if f.is_date else f.value)
            self.line.setPlaceholderText(self.tr("ngày/tháng/năm") if f.is_date else "")
            self._show_editor(self.line)

    def _show_editor(self, editor) -> None:
        for widget in (self.line, self.text, self.choice):
            widget.setVisible(widget is editor)
        self._editor = editor

    def current_editor(self):
        return self._editor

    def value(self) -> str:
        editor = self._editor
        if editor is self.choice:
            return self.choice.currentData() or ""
        if editor is self.text:
            return self.text.toPlainText()
        return self.line.text()

    def save(self) -> None:
        f = self.selected()
        if f is None:
            return
        from desk_app.core.reception.corrections import correct_entry

        value, reason, officer_id = self.value(), self.reason.text(), self.officer()
        visit_id = self.visit_id
        self.save_button.setEnabled(False)
        self.tasks.write(
            lambda db: correct_entry(db, visit_id, f.key, value, reason, officer_id=officer_id,
                                     petition_id=f.petition_id),
            self._saved, self._failed)

    def _saved(self, _correction_id) -> None:
        self.corrected.emit(self.visit_id)
        self.accept()

    def _failed(self, error) -> None:
        self.save_button.setEnabled(bool(self.fields))
        if isinstance(error, DeskError):
            self.message.setText(error.message)
            (self.reason if error.field == "reason" else self._editor).setFocus()
        else:
            raise error


class CancelVisitDialog(QDialog):
    """Cancel a visit entered in error; it stays in the log under its numbers, marked."""

    cancelled = Signal(int)  # visit id

    def __init__(self, tasks, visit_id: int, label: str, officer: Callable[[], int | None],
                 parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.visit_id = visit_id
        self.officer = officer
        self.setWindowTitle(self.tr("Hủy lượt tiếp số %1").replace("%1", str(visit_id)))
        self.resize(560, 260)
        explain = QLabel(self.tr(
            "Chỉ hủy lượt tiếp ghi sổ nhầm (ghi trùng, nhầm người). Lượt tiếp không bị xóa: "
            "dòng sổ số %1 giữ số thứ tự và ghi “ĐÃ HỦY” cùng lý do; vụ việc mở từ lượt tiếp này "
            "kết thúc với bước “Hủy do ghi sổ nhầm”. Không thể hoàn tác.")
            .replace("%1", label.removeprefix("Số ")),
            self)
        explain.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Lý do hủy (bắt buộc)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(style.css("error", bold=True))
        buttons = QDialogButtonBox(self)
        self.confirm = QPushButton(self.tr("Hủy lượt tiếp"), self)
        buttons.addButton(self.confirm, QDialogButtonBox.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.Close)
        close.setDefault(True)
        self.confirm.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Lý do"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def save(self) -> None:
        from desk_app.core.reception.corrections import cancel_visit

        reason, officer_id, visit_id = self.reason.text(), self.officer(), self.visit_id
        self.confirm.setEnabled(False)
        self.tasks.write(lambda db: cancel_visit(db, visit_id, reason, officer_id=officer_id),
                         self._saved, self._failed)

    def _saved(self, _id) -> None:
        self.cancelled.emit(self.visit_id)
        self.accept()

    def _failed(self, error) -> None:
        self.confirm.setEnabled(True)
        if isinstance(error, DeskError):
            self.message.setText(error.message)
            self.reason.setFocus()
        else:
            raise error
