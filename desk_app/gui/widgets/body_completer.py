"""Autocomplete from the directory of bodies (core/bodies.py) for a line edit: typed words
match the start of any word of a name or alias, without tones and through abbreviations
("ubnd tinh", "so tn&mt"), and picking an entry writes the directory's own name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from desk_app.core.bodies import Body, body_key
from desk_app.core.text import matches


class BodyCompleter(QCompleter):
    def __init__(self, edit: QLineEdit):
        self._model = QStringListModel(edit)
        super().__init__(self._model, edit)
        self.bodies: tuple[Body, ...] = ()
        # The list is filtered here (Vietnamese folding), not by Qt's prefix match.
        self.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self.edit = edit
        edit.setCompleter(self)
        edit.textEdited.connect(self.refilter)

    def set_bodies(self, bodies: tuple[Body, ...]) -> None:
        self.bodies = bodies

    def names_for(self, typed: str) -> list[str]:
        if not typed.strip():
            return []
        expanded = body_key(typed)
        found = []
        for body in self.bodies:
            names = (body.name, *body.aliases)
            if any(matches(typed, n) for n in names) or any(
                    matches(expanded, body_key(n)) for n in names):
                starts = any(body_key(n).startswith(expanded) for n in names)
                found.append((not starts, body.name))
        return [name for _rank, name in sorted(found, key=lambda t: t[0])][:20]

    def refilter(self, typed: str) -> None:
        self._model.setStringList(self.names_for(typed))
        if self._model.rowCount():
            self.complete()


def _read_directory(db):
    from desk_app.core.bodies import directory

    return directory(db)


class _Refresh(QObject):
    """Reads the directory again when the field takes the focus: an entry the administrator
    has just added in Cài đặt is offered without restarting."""

    def __init__(self, completer: BodyCompleter, tasks):
        super().__init__(completer)
        self.completer, self.tasks = completer, tasks

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.FocusIn:
            self.tasks.read(_read_directory, self.completer.set_bodies, lambda e: None)
        return False


def attach(edit: QLineEdit, tasks) -> BodyCompleter:
    """Give `edit` the directory's names, read on the reader thread."""
    completer = BodyCompleter(edit)
    if tasks is not None:
        tasks.read(_read_directory, completer.set_bodies, lambda e: None)
        completer.refresh = _Refresh(completer, tasks)
        edit.installEventFilter(completer.refresh)
    return completer
