"""One background worker per kind of job; the newest request wins, stale results never reach the screen."""

from __future__ import annotations

import itertools
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal

from viz.core.errors import VizError


class _Gate:
    """Whether results may still be posted to the worker's QObject. Closed, under the lock, when the worker shuts
    down or its C++ object is destroyed, so a job that ends during or after the window's teardown posts nothing
    to a deleted object."""

    def __init__(self):
        self.lock = threading.Lock()
        self.open = True

    def close(self, *_args) -> None:
        with self.lock:
            self.open = False


class LatestWorker(QObject):
    """Runs `fn(*args)` on its own thread; only the newest submission's result is delivered.

    Results cross back to the GUI thread in one place: the queued `_finished` signal.
    """

    started = Signal(str)  # a label for the job
    succeeded = Signal(object)
    failed = Signal(str)  # one line for the user
    busy_changed = Signal(bool)
    _finished = Signal(int, object, object)  # generation, result, error

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._counter = itertools.count(1)
        self._latest = 0
        self._busy = False
        self._finished.connect(self._on_finished, Qt.QueuedConnection)  # never inside submit()
        self._gate = _Gate()
        self.destroyed.connect(self._gate.close)  # a parent deleted without shutdown() closes it too

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, fn: Callable, *args, label: str = "") -> int:
        generation = next(self._counter)
        self._latest = generation
        self._set_busy(True)
        self.started.emit(label)
        future = self._executor.submit(fn, *args)
        future.add_done_callback(lambda f, g=generation: self._deliver(g, f))
        return generation

    def cancel(self) -> None:
        """Forget the running job: its result will be dropped when it ends."""
        self._latest = next(self._counter)
        self._set_busy(False)

    def shutdown(self) -> None:
        self.cancel()
        self._gate.close()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _deliver(self, generation: int, future: Future) -> None:  # worker thread
        if future.cancelled():
            return
        error = future.exception()
        result = None if error else future.result()
        with self._gate.lock:
            if self._gate.open:
                self._finished.emit(generation, result, error)

    def _on_finished(self, generation: int, result, error) -> None:  # GUI thread
        if generation != self._latest:
            return
        self._set_busy(False)
        if error is None:
            self.succeeded.emit(result)
        elif isinstance(error, VizError):
            self.failed.emit(str(error))
        else:
            traceback.print_exception(type(error), error, error.__traceback__)
            self.failed.emit(f"{type(error).__name__}: {error}")

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
