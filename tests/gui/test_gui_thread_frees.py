"""What a background job or its callbacks captured is freed on the GUI thread (Qt objects must
be), whether by reference counting (gui/tasks.py) or by the cyclic collector (gui/collector.py)."""

import gc
import threading

from desk_app.gui.collector import GuiThreadCollector


class Sentinel:
    def __init__(self, freed: list):
        self.freed = freed

    def __del__(self):
        self.freed.append(threading.current_thread().name)


def _submit(tasks, freed, done, writer):
    sentinel = Sentinel(freed)

    def job(db):  # only the job holds the sentinel: the caller lets go at once
        assert sentinel is not None
        return db.execute("select 1").fetchone()[0]

    (tasks.write if writer else tasks.read)(job, done.append)


def test_a_jobs_captures_are_freed_on_the_gui_thread(qtbot, tasks):
    freed: list[str] = []
    done: list = []
    for round_ in range(20):
        _submit(tasks, freed, done, writer=round_ % 2 == 0)
        qtbot.waitUntil(lambda n=round_: len(done) == n + 1 and len(freed) == n + 1, timeout=5000)
    assert done == [1] * 20
    assert set(freed) == {threading.main_thread().name}


def test_jobs_left_at_shutdown_are_freed_on_the_gui_thread(qtbot, tasks):
    freed: list[str] = []
    started, release = threading.Event(), threading.Event()
    tasks.write(lambda db: (started.set(), release.wait(5)))
    started.wait(5)
    _submit(tasks, freed, [], writer=True)  # queued behind the first, never delivered
    release.set()
    tasks.shutdown()
    assert freed == [threading.main_thread().name]


def test_cycles_are_collected_on_the_gui_thread_not_a_worker(qtbot, qapp):
    enabled = gc.isenabled()
    collector = GuiThreadCollector(qapp, interval_ms=20)
    try:
        freed: list[str] = []

        def make_cycle():
            a, b = Sentinel(freed), Sentinel(freed)
            a.other, b.other = b, a

        make_cycle()

        kept: list = []

        def allocate():  # enough live containers to make a collection due several times over
            kept.extend([] for _ in range(20_000))

        worker = threading.Thread(target=allocate, name="desk-worker-test")
        worker.start()
        worker.join()
        assert freed == []  # the worker's allocations did not collect
        qtbot.waitUntil(lambda: len(freed) == 2, timeout=5000)
        assert set(freed) == {threading.main_thread().name}
        kept.clear()
    finally:
        collector.stop()
    assert gc.isenabled() == enabled
