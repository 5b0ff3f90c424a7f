"""Model size and cost: memory to run and train a model, its split over GPUs, compute, and Chinchilla's rule."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from viz.ui.scale.frontier_plot import FrontierPlot
from viz.ui.scale.inputs import ScaleInputs
from viz.ui.scale.numbers import count, editable_count
from viz.ui.scale.results import ResultsTable
from viz.ui.views.base import View


class ScaleView(View):
    key = "scale"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.inputs = ScaleInputs(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("noticeBanner")
        self.message.hide()
        self.table = ResultsTable(self)
        self.formula = QLabel(self.tr("Select a row to see its formula."), self)
        self.formula.setWordWrap(True)
        self.table.currentItemChanged.connect(lambda *_: self.formula.setText(self.table.current_formula()))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.formula)
        self.plot = FrontierPlot(self)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.plot)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inputs)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.result = None
        self._plot_stale = False  # the plot is redrawn when seen (building it costs more than the table)
        self.inputs.changed.connect(self._on_request)
        self.inputs.invalid.connect(self._on_invalid)
        self.inputs.from_model_clicked.connect(self.fill_from_model)
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ScaleView", "Scale")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("ScaleView",
            "Model size and cost. Running a model needs its weights in memory: parameters times the bytes of the "
            "number format. Training with Adam in mixed precision needs about 16 bytes per parameter (weights, "
            "gradients, and the optimizer's fp32 copy, momentum and variance) plus the activations of a batch. "
            "DDP copies all of it to every GPU; ZeRO stages 1-3 and FSDP share it out. Training takes about "
            "6 × parameters × tokens FLOPs, and Chinchilla's rule says a compute budget is best spent on about 20 "
            "tokens per parameter. Every field can be edited."
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.result is None:
            self.inputs.emit_request()
        self._draw_plot()
        if not getattr(self, "_sized", False):  # the plot gets the larger share, whatever the table's hint
            self._sized = True
            width = max(self.splitter.width(), 400)
            self.splitter.setSizes([int(width * 0.42), int(width * 0.58)])

    def _on_model(self, loaded) -> None:
        self.fill_from_model()

    def fill_from_model(self) -> None:
        loaded = self.state.model
        if loaded is None:
            self.inputs.emit_request()
            return
        from viz.core.scale.from_model import shape_of

        shape = shape_of(loaded)
        self.inputs.set_shape(shape, editable_count(shape.parameters))

    def _on_request(self, request) -> None:
        from viz.core.scale.calculator import calculate

        self.message.hide()
        self.result = calculate(request)
        self.table.show_result(self.result)
        self._plot_stale = True
        if self.isVisible():
            self._draw_plot()
        self.plot.setToolTip(self.tr("{params} parameters trained on {tokens} tokens").format(
            params=count(request.shape.parameters), tokens=count(self.result.tokens)))

    def _draw_plot(self) -> None:
        if self._plot_stale and self.result is not None:
            self._plot_stale = False
            self.plot.show_model(self.result.request.shape.parameters, self.result.tokens)

    def _on_invalid(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # sessions and export
    def settings(self) -> dict:
        i = self.inputs
        return {
            "parameters": i.parameters.text(), "layers": i.layers.value(), "hidden": i.hidden.value(),
            "heads": i.heads.value(), "batch": i.batch.value(), "sequence": i.sequence.value(),
            "gpus": i.gpus.value(), "tokens": i.tokens.text(), "budget": i.budget.text(),
            "recompute": i.recompute.isChecked(),
        }

    def apply_settings(self, settings: dict) -> None:
        i = self.inputs
        for key, field in (("parameters", i.parameters), ("tokens", i.tokens), ("budget", i.budget)):
            if isinstance(settings.get(key), str):
                field.setText(settings[key])
        for key, box in (("layers", i.layers), ("hidden", i.hidden), ("heads", i.heads), ("batch", i.batch),
                         ("sequence", i.sequence), ("gpus", i.gpus)):
            if isinstance(settings.get(key), int):
                box.blockSignals(True)
                box.setValue(settings[key])
                box.blockSignals(False)
        if isinstance(settings.get("recompute"), bool):
            i.recompute.blockSignals(True)
            i.recompute.setChecked(settings["recompute"])
            i.recompute.blockSignals(False)
        i.emit_request()

    def export_widget(self) -> QWidget:
        if self.result is None:
            self.inputs.emit_request()
        self._draw_plot()
        return self.splitter

    def export_tables(self) -> dict[str, list[list]]:
        from viz.core.scale.compute import training_flops
        from viz.core.scale.known_models import KNOWN_MODELS

        known = [["model", "parameters", "training tokens", "training FLOPs (6ND)", "source"]]
        known += [[m.name, m.parameters, m.tokens, training_flops(m.parameters, m.tokens), m.source]
                  for m in KNOWN_MODELS]
        return {"scale": self.table.table(), "scale_known_models": known}

    def set_scale(self, factor: float) -> None:
        self.plot.set_scale(factor)


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.ui.state import AppState

    app = QApplication(sys.argv)
    view = ScaleView(AppState())
    view.resize(1280, 720)
    view.setWindowTitle(view.title())
    view.show()
    sys.exit(app.exec())
