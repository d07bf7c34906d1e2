"""What the list pages share: load on the reader thread when first shown, reload when marked
stale while on screen, and drop a result that a newer request has overtaken."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


class ListPage(QWidget):
    """Subclasses give `load_job()` (a function of the reader's database, built on the GUI
    thread from the current filters) and `show_loaded(result)`."""

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self._stale = True
        self._generation = 0

    def load_job(self) -> Callable:
        raise NotImplementedError

    def show_loaded(self, result) -> None:
        raise NotImplementedError

    def loading(self) -> None:
        """Say that a load is under way (a count label, a title)."""

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def mark_stale(self) -> None:
        """Data changed: reload now if the page is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self, *_) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        job = self.load_job()
        self.loading()
        self.tasks.read(job, lambda result: self._deliver(generation, result))

    def _deliver(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # a newer filter was chosen meanwhile
        self.show_loaded(result)
