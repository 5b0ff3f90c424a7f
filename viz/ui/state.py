"""The one source of truth the views subscribe to: the loaded model, the text and its trace."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from viz.ui.workers import LatestWorker


def _load(request):
    from viz.core.loading import load_model

    return load_model(request)


def _trace(loaded, request):
    from viz.core.trace import run_trace

    return run_trace(loaded, request)


class AppState(QObject):
    model_changed = Signal(object)  # LoadedModel
    trace_changed = Signal(object)  # Trace
    text_changed = Signal(str)
    error = Signal(str)  # one line for the user; the previous model stays usable
    busy = Signal(bool, str)  # working?, what on
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.model = None  # LoadedModel or None
        self.trace = None  # Trace or None
        self.text = ""
        self.target_text = ""
        self.loader = LatestWorker("load", self)
        self.tracer = LatestWorker("trace", self)
        self.loader.succeeded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.tracer.succeeded.connect(self._on_traced)
        self.tracer.failed.connect(self.error)
        self.loader.started.connect(lambda label: self.busy.emit(True, label))
        self.tracer.started.connect(lambda label: self.busy.emit(True, label))
        self.loader.busy_changed.connect(self._on_busy_changed)
        self.tracer.busy_changed.connect(self._on_busy_changed)
        self._retrace_timer = QTimer(self, singleShot=True, interval=300)
        self._retrace_timer.timeout.connect(self.retrace)

    # requests
    def load(self, request) -> None:
        self.loader.submit(_load, request, label=self.tr("Loading {0}…").format(request.source))

    def cancel(self) -> None:
        self._retrace_timer.stop()
        self.loader.cancel()
        self.tracer.cancel()

    def set_text(self, text: str, target_text: str | None = None, immediate: bool = False) -> None:
        changed = text != self.text or (target_text is not None and target_text != self.target_text)
        self.text = text
        if target_text is not None:
            self.target_text = target_text
        if changed:
            self.text_changed.emit(text)
            if immediate:
                self.retrace()
            else:
                self._retrace_timer.start()

    def retrace(self) -> None:
        self._retrace_timer.stop()
        if self.model is None or not self.text.strip():
            return
        from viz.core.trace import TraceRequest

        request = TraceRequest(self.text, self.target_text or None)
        self.tracer.submit(_trace, self.model, request, label=self.tr("Running the model…"))

    def use_model(self, loaded) -> None:
        """Make an already loaded model (a fine-tuned copy, say) the app's model, as if it had just been loaded."""
        self.loader.cancel()
        self._on_loaded(loaded)

    def shutdown(self) -> None:
        self._retrace_timer.stop()  # a text typed just before closing must not ask the stopped tracer
        self.loader.shutdown()
        self.tracer.shutdown()

    # results (GUI thread)
    def _on_loaded(self, loaded) -> None:
        self.model = loaded
        self.trace = None
        self.model_changed.emit(loaded)
        self.retrace()

    def _on_load_failed(self, message: str) -> None:
        self.load_failed.emit(message)
        self.error.emit(message)

    def _on_traced(self, trace) -> None:
        self.trace = trace
        self.trace_changed.emit(trace)

    def _on_busy_changed(self, _busy: bool) -> None:
        working = self.loader.busy or self.tracer.busy
        if not working:
            self.busy.emit(False, "")
