"""A training run on a background thread that streams its progress (step, loss) to the GUI thread and stops
between steps when cancelled."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from viz.ui.workers import LatestWorker


class StreamingJob(QObject):
    progress = Signal(object)  # viz.core.finetune.training.Progress
    succeeded = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)
    _progress = Signal(int, object)  # job number, Progress: emitted on the worker thread

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = LatestWorker(name, self)
        self._worker.succeeded.connect(self.succeeded)
        self._worker.failed.connect(self.failed)
        self._worker.busy_changed.connect(self.busy_changed)
        self._progress.connect(self._on_progress, Qt.QueuedConnection)
        self._stop: threading.Event | None = None
        self._job = 0

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def start(self, fn, *args) -> None:
        """Run `fn(*args, on_progress=…, should_stop=…)`; a running job is told to stop first."""
        if self._stop is not None:
            self._stop.set()
        stop = threading.Event()
        self._stop = stop
        self._job += 1
        job = self._job

        def run():
            return fn(*args, on_progress=lambda p: self._progress.emit(job, p), should_stop=stop.is_set)

        self._worker.submit(run)

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._job += 1
        self._worker.cancel()

    def shutdown(self) -> None:
        if self._stop is not None:
            self._stop.set()
        self._worker.shutdown()

    def _on_progress(self, job: int, progress) -> None:
        if job == self._job and self._worker.busy:
            self.progress.emit(progress)
