"""One background job at a time for the Why tab, with progress and cancel that a worker thread can use safely."""

from __future__ import annotations

import itertools
import threading

from PySide6.QtCore import QObject, Signal

from viz.ui.workers import LatestWorker


class ProgressRelay(QObject):
    """Lives in the GUI thread; `report` may be called from any thread (a signal emitted from another thread
    reaches this object's slots queued, on the GUI thread)."""

    fraction = Signal(int, float)  # job number, 0 … 1


class WhyJobs(QObject):
    """Runs `fn(loaded, request, progress, cancelled)` on a LatestWorker; a new job cancels the one before."""

    progress = Signal(float)  # 0 … 1, on the GUI thread, for the newest job only
    succeeded = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = LatestWorker("why", self)
        self.worker.busy_changed.connect(self.busy_changed)
        self.worker.succeeded.connect(self.succeeded)
        self.worker.failed.connect(self._on_failed)
        self._relay = ProgressRelay(self)
        self._relay.fraction.connect(self._on_fraction)
        self._numbers = itertools.count(1)
        self._current = 0
        self._stop = threading.Event()

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def submit(self, fn, loaded, request, label: str = "") -> None:
        self.cancel()
        number = next(self._numbers)
        stop = threading.Event()
        self._current, self._stop = number, stop
        relay = self._relay

        def progress(value: float) -> None:  # worker thread
            relay.fraction.emit(number, float(value))

        self.progress.emit(0.0)
        self.worker.submit(fn, loaded, request, progress, stop.is_set, label=label)

    def cancel(self) -> None:
        """Ask the running job to stop at its next step; its result is dropped."""
        self._stop.set()
        self.worker.cancel()

    def shutdown(self) -> None:
        self._stop.set()
        self.worker.shutdown()

    def _on_fraction(self, number: int, value: float) -> None:
        if number == self._current and self.worker.busy:
            self.progress.emit(value)

    def _on_failed(self, message: str) -> None:
        if message != "Cancelled.":
            self.failed.emit(message)
