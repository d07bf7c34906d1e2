"""Small field helpers the forms share: code-keyed combo boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


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
