"""Python's cyclic garbage collection, on the GUI thread only.

The collector runs in whichever thread allocates when a generation is due. Left alone it may
run on a database worker thread (gui/tasks.py) and free a closed dialog or page there; Qt
widgets must be destroyed on the GUI thread, otherwise the app crashes or deadlocks. So the
automatic collector is switched off and a timer collects on the GUI thread with the same
thresholds. Reference counting, which frees most objects, is not affected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> int:
        """Collect the oldest generation that is due; returns it, or -1."""
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] > self.thresholds[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)
        return due

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
