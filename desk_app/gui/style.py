"""Colours that stay readable on the user's palette: light, dark or high contrast.

Meaning is never carried by colour alone (overdue also reads "Quá hạn n ngày"); colour only
helps the eye. Each role has a shade for light backgrounds and one for dark ones, chosen
from the window colour of the palette in use.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

_LIGHT = {"error": "#a40000", "ok": "#0b6b1f", "warn": "#9a4f00", "masked": "#6b4e00"}
_DARK = {"error": "#ff8a80", "ok": "#81d68a", "warn": "#ffb74d", "masked": "#e6c07b"}


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def color(role: str) -> QColor:
    """`error` (and overdue), `ok`, `warn`, `masked` or `muted` on the current palette."""
    pal = palette()
    if role == "muted":
        return pal.color(QPalette.ColorRole.PlaceholderText)
    return QColor((_DARK if is_dark(pal) else _LIGHT)[role])


def css(role: str, bold: bool = False) -> str:
    """A style sheet fragment for a label: `QLabel.setStyleSheet(css("error", bold=True))`."""
    return f"color: {color(role).name()};" + (" font-weight: bold;" if bold else "")


def hex_(role: str) -> str:
    """The colour as #rrggbb for rich text."""
    return color(role).name()
