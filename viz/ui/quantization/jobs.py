"""A cancellable background job with progress, on top of the newest-wins worker.

The core functions take `progress(fraction, step)` and `should_stop()`; this wires them to a queued
signal and to a threading.Event set by Cancel (or by a newer request), so the work really stops.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from viz.ui.workers import LatestWorker


class CancellableJob(QObject):
    progress = Signal(float, str)  # fraction, step key (see viz.core.quant)
    succeeded = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)
    _progress = Signal(int, float, str)  # job number, fraction, step: emitted on the worker thread

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = LatestWorker(name, self)
        self._worker.succeeded.connect(self.succeeded)
        self._worker.failed.connect(self.failed)
        self._worker.busy_changed.connect(self.busy_changed)
        self._progress.connect(self._on_progress)
        self._stop: threading.Event | None = None
        self._job = 0

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def start(self, fn, *args, label: str = "") -> None:
        """Run `fn(*args, progress=…, should_stop=…)`; a running job is told to stop first."""
        if self._stop is not None:
            self._stop.set()
        stop = threading.Event()
        self._stop = stop
        self._job += 1
        job = self._job

        def progress(fraction: float, step: str) -> None:  # worker thread
            self._progress.emit(job, fraction, step)

        def run():
            return fn(*args, progress=progress, should_stop=stop.is_set)

        self._worker.submit(run, label=label)

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._job += 1
        self._worker.cancel()

    def shutdown(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._worker.shutdown()

    def _on_progress(self, job: int, fraction: float, step: str) -> None:
        if job == self._job and self._worker.busy:
            self.progress.emit(fraction, step)
