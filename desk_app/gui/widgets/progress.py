"""Long work with a visible progress bar: the job runs on a worker thread and reports
`progress(done, total)`; Cancel (where stopping is safe: the job's transaction is rolled
back) sets the event the job polls through `cancel()`."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

translate = QCoreApplication.translate
SHOW_AFTER_MS = 400  # a wait that may pass a second shows its bar early


class _Bridge(QObject):
    progressed = Signal(int, int)


def progress_dialog(parent, title: str, label: str, cancellable: bool) -> QProgressDialog:
    cancel_text = translate("Progress", "&Hủy") if cancellable else None
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModal if parent is not None else Qt.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setMinimumWidth(420)
    return dialog


def run_with_progress(parent, tasks, job: Callable, *, title: str, label: str,
                      on_ok: Callable, on_err: Callable | None = None, cancellable: bool = True,
                      writer: bool = True) -> QProgressDialog:
    """`job(db, progress, cancel)` runs on the writer (or reader) thread; `on_ok(result)` and
    `on_err(error)` on the GUI thread. A cancelled job (`Cancelled`) calls neither; its
    dialog has closed itself."""
    cancel = threading.Event()
    dialog = progress_dialog(parent, title, label, cancellable)
    bridge = _Bridge(dialog)

    def moved(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total > 0 else 0)

    bridge.progressed.connect(moved)
    dialog.canceled.connect(cancel.set)
    dialog.setValue(0)  # starts the minimum-duration clock

    def work(db):
        # A job that finished before it saw the cancel has committed: its result stands.
        return job(db, bridge.progressed.emit, cancel.is_set)

    def ok(result) -> None:
        dialog.close()
        on_ok(result)

    def failed(error) -> None:
        dialog.close()
        if on_err is None:
            raise error
        on_err(error)

    (tasks.write if writer else tasks.read)(work, ok, failed)
    return dialog
