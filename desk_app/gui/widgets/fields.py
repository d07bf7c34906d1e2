"""Small field helpers the forms share: code-keyed combo boxes, a typed dd/mm/yyyy date, a
date-time box Tab leaves at once, the tab order of a form."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QWidget

from desk_app.core.errors import DeskError


def typed_date(text: str, field: str, example: str = "04/03/1990") -> date | None:
    """The date typed as dd/mm/yyyy in a form's field; None when empty. Anything else is refused
    with a sentence shown next to that field."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise DeskError(QCoreApplication.translate(
            "Fields", "Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ %2.")
            .replace("%1", text).replace("%2", example), field=field) from None


def combo(items: dict | list, parent=None) -> QComboBox:
    """A combo box whose items carry their code (as text) as data."""
    box = QComboBox(parent)
    pairs = items.items() if isinstance(items, dict) else items
    for code, label in pairs:
        box.addItem(label, str(code))
    return box


def select(box: QComboBox, code) -> None:
    """Choose the item whose code is `code`; an unknown code leaves the choice as it is."""
    index = box.findData(None if code is None else str(code))
    if index >= 0:
        box.setCurrentIndex(index)


class DateTimeField(QDateTimeEdit):
    """A date-time box that Tab leaves in one press. Qt's own moves through its five sections
    (day, month, year, hour, minute) first; here ← → and the separators move between them."""

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802
        return QWidget.focusNextPrevChild(self, next_)


def chain(widgets) -> None:
    """Tab order in the order given (hidden or disabled widgets are skipped by Qt itself)."""
    widgets = [w for w in widgets if w is not None]
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
