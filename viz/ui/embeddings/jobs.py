"""The two kinds of projection work, off the GUI thread; a request already running or shown is not run again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from viz.ui.workers import LatestWorker


def vocabulary_job(loaded, method: str, components: int):
    from viz.core.projection import vocabulary_map

    return loaded, method, components, vocabulary_map(loaded, method, components)


def paths_job(trace, side: str, unit_length: bool):
    from viz.core.projection import hidden_state_paths

    return trace, side, unit_length, hidden_state_paths(trace, side, 3, unit_length)  # three axes serve 2-D and 3-D


JOBS = {"vocabulary": vocabulary_job, "paths": paths_job}


class ProjectionJobs(QObject):
    """A request is a tuple whose first item is the model or trace it is about (compared by identity)."""

    finished = Signal(str, object)  # kind, (request…, result)
    failed = Signal(str, str)  # kind, one line for the user

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._workers = {kind: LatestWorker(f"embeddings-{kind}", self) for kind in JOBS}
        for kind, worker in self._workers.items():
            worker.succeeded.connect(lambda result, k=kind: self.finished.emit(k, result))
            worker.failed.connect(lambda message, k=kind: self._on_failed(k, message))
        self._wanted: dict[str, tuple] = {}  # what each worker was last asked for
        self._shown: dict[str, tuple] = {}  # what the pictures show now

    @staticmethod
    def key(request: tuple) -> tuple:
        return (id(request[0]), *request[1:])

    def ask(self, kind: str, request: tuple, label: str = "") -> bool:
        """Start the work unless it is running or on screen already; True when it started."""
        key = self.key(request)
        if key in (self._wanted.get(kind), self._shown.get(kind)):
            return False
        self._wanted[kind] = key
        self._workers[kind].submit(JOBS[kind], *request, label=label)
        return True

    def run_now(self, kind: str, request: tuple):
        """The result computed on this thread (None when it is on screen already); a running job is dropped."""
        key = self.key(request)
        if key == self._shown.get(kind):
            return None
        self._workers[kind].cancel()
        self._wanted[kind] = key
        return JOBS[kind](*request)

    def mark_shown(self, kind: str, request: tuple) -> None:
        self._shown[kind] = self.key(request)

    def reset(self) -> None:
        for worker in self._workers.values():
            worker.cancel()
        self._wanted.clear()
        self._shown.clear()

    def shutdown(self) -> None:
        for worker in self._workers.values():
            worker.shutdown()

    def _on_failed(self, kind: str, message: str) -> None:
        self._wanted.pop(kind, None)  # the same request may be tried again
        self.failed.emit(kind, message)
