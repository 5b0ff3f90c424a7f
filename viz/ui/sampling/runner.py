"""Runs generation steps off the GUI thread, one forward pass per job, with cancel between steps.

The token of each step is drawn on the GUI thread from the distribution on screen (cheap), so what is
shown is what is sampled; only the forward pass that follows runs on the worker. Each finished step
crosses back through the worker's queued signal, then the next one is asked for.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from viz.ui.workers import LatestWorker


def _advance(loaded, sequence, record):
    from viz.core.generation import advance

    return advance(loaded, sequence, record)


class GenerationRunner(QObject):
    advanced = Signal(object)  # the new LabSequence, after every step
    running_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = LatestWorker("sampling-steps", self)
        self._worker.succeeded.connect(self._on_step)
        self._worker.failed.connect(self._on_failed)
        self._remaining = 0
        self._next_job: Callable | None = None
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self, steps: int, next_job: Callable) -> None:
        """Take up to `steps` steps; `next_job()` returns (loaded, sequence, record) or None to stop."""
        self.cancel()
        self._remaining = steps
        self._next_job = next_job
        self._set_running(True)
        self._submit_next()

    def cancel(self) -> None:
        self._remaining = 0
        self._worker.cancel()  # a step in flight is dropped when it ends
        self._set_running(False)

    def shutdown(self) -> None:
        self.cancel()
        self._worker.shutdown()

    def _submit_next(self) -> None:
        job = self._next_job() if self._remaining > 0 and self._next_job else None
        if job is None:
            self._remaining = 0
            self._set_running(False)
            return
        self._remaining -= 1
        self._worker.submit(_advance, *job)

    def _on_step(self, sequence) -> None:
        self.advanced.emit(sequence)
        if self._running:
            self._submit_next()

    def _on_failed(self, message: str) -> None:
        self.cancel()
        self.failed.emit(message)

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)
