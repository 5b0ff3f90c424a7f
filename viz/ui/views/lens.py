"""Lens: what every layer would predict, which heads and MLPs push the prediction, which neurons fire."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from viz.ui.lens.attribution_panel import AttributionPanel
from viz.ui.lens.lens_panel import LensPanel
from viz.ui.lens.neuron_panel import NeuronPanel
from viz.ui.lens.residual_panel import ResidualPanel
from viz.ui.numbers import integer
from viz.ui.views.base import View
from viz.ui.workers import LatestWorker

FIRST_SCREEN_POSITIONS = 64  # more columns than a lens grid shows at once at 1600 px


def _lens_job(loaded, request, after=None, body=None):
    from viz.core.lens import run_lens

    return run_lens(loaded, request, after, body)


def _attribution_job(loaded, request):
    from viz.core.lens_attribution import run_attribution

    return run_attribution(loaded, request)


def _neuron_job(loaded, request):
    from viz.core.neurons import run_neurons

    return run_neurons(loaded, request)


class LensView(View):
    key = "lens"
    head_requested = Signal(str, int, int)  # attention kind, layer, head (0-based): open it in the Attention tab

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.lens = LensPanel(self)
        self.attribution = AttributionPanel(self)
        self.neurons = NeuronPanel(self)
        self.residual = ResidualPanel(self)
        self.tabs.addTab(self.lens, self.tr("Logit lens"))
        self.tabs.addTab(self.attribution, self.tr("Attribution"))
        self.tabs.addTab(self.neurons, self.tr("Neurons"))
        self.tabs.addTab(self.residual, self.tr("Residual"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.result = None
        self._pending = None  # the lens request waiting for the view to be shown
        self._whole = None  # the request now running, whose whole grid follows its first screen
        self._body = None  # the residuals the trace recorded for the pending request
        self._neuron_choice: tuple[int, int | None] | None = None
        self.lens_worker = LatestWorker("lens", self)
        self.attribution_worker = LatestWorker("lens-attribution", self)
        self.neuron_worker = LatestWorker("lens-neurons", self)
        self.lens_worker.succeeded.connect(self._on_lens)
        self.attribution_worker.succeeded.connect(self._on_attribution)
        self.neuron_worker.succeeded.connect(self.neurons.set_result)
        self.lens_worker.failed.connect(self._show_status)
        self.attribution_worker.failed.connect(self.attribution.show_message)
        self.neuron_worker.failed.connect(self._show_status)
        self.lens.cell_chosen.connect(self._attribute)
        self.attribution.head_clicked.connect(self._on_head_clicked)
        self.neurons.changed.connect(self._ask_neurons)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("LensView", "Lens")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("LensView",
            "The logit lens sends every layer's residual stream through the model's final norm and output head, "
            "as if the model stopped there: each cell shows that layer's best guess. The strip below says from which "
            "layer on the final answer stays on top. Attribution splits one token's logit into what each attention "
            "head and MLP adds; Neurons shows the MLP units that fire on each token; Residual shows how large the "
            "hidden vectors grow."
        )

    # state
    def _on_model(self, loaded) -> None:
        self.result = None
        self._pending = self._body = None
        for worker in (self.lens_worker, self.attribution_worker, self.neuron_worker):
            worker.cancel()

    def _on_trace(self, trace) -> None:
        loaded = self.state.model
        if loaded is None or trace is None:
            return
        from viz.core.lens import LensRequest

        decoder_ids = tuple(t.id for t in trace.output_tokens) or None
        self._pending = LensRequest(trace.text, decoder_ids)
        self._body = trace.lens_body  # the trace's own pass: the lens need not run the model again
        if self.isVisible():
            self._run_pending()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._run_pending()

    def _run_pending(self) -> None:
        if self._pending is None or self.state.model is None:
            return
        request, self._pending = self._pending, None
        self._show_status(self.tr("Projecting every layer through the output head…"))
        # The first screen first: every layer at the first positions, then the whole grid on the same forward pass.
        self._whole = request
        first = dataclasses.replace(request, first_positions=FIRST_SCREEN_POSITIONS)
        self.lens_worker.submit(_lens_job, self.state.model, first, None, self._body, label="lens")

    def busy(self) -> bool:
        return self._pending is not None or any(
            w.busy for w in (self.lens_worker, self.attribution_worker, self.neuron_worker))

    # results
    def _on_lens(self, result) -> None:
        self.result = result
        self.lens.set_result(result)
        self.residual.set_result(result)
        if not result.complete:  # a first screen: the whole grid follows, then attribution and neurons
            self._show_status(self.tr("Showing the first {n} of {total} positions; projecting the rest…").format(
                n=integer(len(result.tokens)), total=integer(result.total_positions)))
            self.lens_worker.submit(_lens_job, self.state.model, self._whole, result, label="lens")
            return
        self.status.setVisible(False)
        layers = result.top_ids.shape[0] - 1
        self.neurons.configure(layers, result.tokens)
        last = len(result.tokens) - 1
        self._attribute(layers, last, int(result.final_ids[last]))
        layer, neuron = self._neuron_choice or (layers - 1, None)
        self._ask_neurons(min(layer, layers - 1), neuron)

    def _attribute(self, _layer: int, position: int, token_id: int) -> None:
        from viz.core.lens_attribution import AttributionRequest

        r = self.result
        if r is None:
            return
        decoder_ids = tuple(int(i) for i in r.token_ids) if r.family == "encoder-decoder" else None
        request = AttributionRequest(self._text(), position, token_id, decoder_ids)
        self._attribution_labels = (r.text_of(token_id), r.tokens[position])
        self.attribution_worker.submit(_attribution_job, self.state.model, request, label="attribution")

    def _on_attribution(self, result) -> None:
        self.attribution.set_result(result, *self._attribution_labels)

    def _ask_neurons(self, layer: int, neuron) -> None:
        from viz.core.neurons import NeuronRequest

        r = self.result
        if r is None or self.state.model is None:
            return
        self._neuron_choice = (layer, neuron)
        decoder_ids = tuple(int(i) for i in r.token_ids) if r.family == "encoder-decoder" else None
        request = NeuronRequest(self._text(), layer, neuron, decoder_ids)
        self.neuron_worker.submit(_neuron_job, self.state.model, request, label="neurons")

    def _on_head_clicked(self, which: str, layer: int, head: int) -> None:
        if which == "cross":
            kind = "cross"
        else:
            kind = "encoder" if self.result is not None and self.result.side == "encoder" else "decoder"
        self.head_requested.emit(kind, layer, head)

    def _text(self) -> str:
        return self.state.trace.text if self.state.trace is not None else ""

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # sessions and exports
    def settings(self) -> dict:
        return {"tab": self.tabs.currentIndex(), "colour": self.lens.colour_by.currentData()}

    def apply_settings(self, settings: dict) -> None:
        tab = settings.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        colour = self.lens.colour_by.findData(settings.get("colour"))
        if colour >= 0:
            self.lens.colour_by.setCurrentIndex(colour)

    def pages(self) -> list:
        return list(range(self.tabs.count()))

    def show_page(self, page) -> None:
        self.tabs.setCurrentIndex(page)

    def export_widget(self) -> QWidget:
        panel = self.tabs.currentWidget()
        return getattr(panel, "grid", panel)

    def export_tables(self) -> dict[str, list[list]]:
        tables = {}
        for panel in (self.lens, self.attribution, self.neurons, self.residual):
            tables.update(panel.tables())
        return tables

    def shutdown(self) -> None:
        for worker in (self.lens_worker, self.attribution_worker, self.neuron_worker):
            worker.shutdown()
