"""Windows that fit the screen they open on: at most the available geometry (task bar and
docks excluded), whatever the resolution and scaling."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(widget: QWidget | None = None):
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget, width: int, height: int, margin: int = 24) -> None:
    """Resize to the wished size, but never beyond the available screen area; centre it over
    its parent or the screen."""
    area = available(widget)
    w = min(width, area.width() - margin)
    h = min(height, area.height() - margin)
    widget.resize(max(w, 200), max(h, 150))
    parent = widget.parentWidget()
    centre = parent.frameGeometry().center() if parent is not None and parent.isVisible() \
        else area.center()
    frame = widget.frameGeometry()
    frame.moveCenter(centre)
    x = min(max(frame.left(), area.left()), area.right() - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() - frame.height())
    widget.move(max(x, area.left()), max(y, area.top()))
