"""Run core callables off the GUI thread and deliver results on it.

One writer thread owns the writing connection (every mutation goes through it, one at a
time); one reader thread owns a read-only connection for lists and searches (WAL lets it
read while the writer writes). Callbacks run on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from desk_app.core.errors import Cancelled
from desk_app.core.storage import failures

log = logging.getLogger(__name__)


class _Bridge(QObject):
    done = Signal(int, object, object)  # job number, result, error


class Tasks(QObject):
    """`write(fn, on_ok, on_err)` / `read(...)`: fn receives the thread's Database."""

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._deliver)
        # The callables of each job, held here on the GUI thread. A worker thread holds a job
        # only while it runs it and hands back a number: the last reference to anything the
        # job or its callbacks captured (a dialog, a page) is dropped on the GUI thread, as Qt
        # requires of widgets (a widget freed on a worker thread crashes or deadlocks).
        self._jobs: dict[int, tuple[Callable, Callable | None, Callable | None]] = {}
        self._numbers = itertools.count()
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="desk-writer")
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="desk-reader")
        self._local = threading.local()
        self.closed = False

    def _db(self, writer: bool):
        attr = "writer_db" if writer else "reader_db"
        db = getattr(self._local, attr, None)
        if db is None:
            from desk_app.core.opening import open_db
            from desk_app.core.storage.db import open_reader

            # create=False: a file deleted under the running app is not silently replaced
            db = open_db(self.db_path, create=False) if writer else open_reader(self.db_path)
            setattr(self._local, attr, db)
            if not writer:
                self._reader_conn = db.conn
        return db

    def _submit(self, pool: ThreadPoolExecutor, writer: bool, fn: Callable, on_ok, on_err):
        if self.closed:
            return None  # the window is closing: late timers and clicks are dropped

        number = next(self._numbers)
        self._jobs[number] = (fn, on_ok, on_err)
        handed = [fn]  # the worker's only reference, given up as soon as the job ends

        def job():
            work = handed.pop()
            try:
                return work(self._db(writer))
            finally:
                del work

        def finished(future: Future):
            error = future.exception()
            result = None if error else future.result()
            self._bridge.done.emit(number, result, error)

        future = pool.submit(job)
        future.add_done_callback(finished)
        return future

    @Slot(int, object, object)
    def _deliver(self, number: int, result, error) -> None:
        jobs = self._jobs.pop(number, None)
        if jobs is not None:
            _fn, on_ok, on_err = jobs
            self._finish(result, error, on_ok, on_err)

    def _finish(self, result, error, on_ok, on_err):
        if self.closed:
            return  # the window that asked is gone
        if error is not None and not isinstance(error, Cancelled):
            # A lock held too long, a full disk, a read-only folder: a sentence next to the
            # form (which keeps its values), not the unexpected-error dialog.
            error = failures.describe(error, self.db_path) or error
        if error is None:
            if on_ok:
                on_ok(result)
        elif isinstance(error, Cancelled):
            return
        elif on_err:
            on_err(error)
        else:
            log.error("background task failed", exc_info=error)
            raise error

    def write(self, fn: Callable, on_ok: Callable | None = None, on_err: Callable | None = None):
        return self._submit(self._writer, True, fn, on_ok, on_err)

    def read(self, fn: Callable, on_ok: Callable | None = None, on_err: Callable | None = None):
        return self._submit(self._reader, False, fn, on_ok, on_err)

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        # A long read (a million-line list) is cut short; a write always finishes.
        reader = getattr(self, "_reader_conn", None)
        if reader is not None:
            reader.interrupt()
        for pool, attr in ((self._writer, "writer_db"), (self._reader, "reader_db")):
            def close(attr=attr):
                db = getattr(self._local, attr, None)
                if db is not None:
                    db.close()
            pool.submit(close)
            pool.shutdown(wait=True)
        self._jobs.clear()  # undelivered jobs let go here, on the GUI thread
