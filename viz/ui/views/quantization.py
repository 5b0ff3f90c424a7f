"""Quantization lab: what fp16, bf16 and int8 do to numbers, to the weights, and to the model's outputs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from viz.ui.flow_layout import vertical_scroll
from viz.ui.quantization.formats_panel import FormatsPanel
from viz.ui.quantization.outputs_panel import OutputsPanel
from viz.ui.quantization.weights_panel import WeightsPanel
from viz.ui.views.base import View


class QuantizationView(View):
    key = "quantization"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.tabs = QTabWidget(self)
        self.formats = FormatsPanel(self)
        self.weights = WeightsPanel(self)
        self.outputs = OutputsPanel(self)
        self.tabs.addTab(self.formats, self.tr("Number formats"))
        self.tabs.addTab(self.weights, self.tr("Weights"))
        self.tabs.addTab(vertical_scroll(self.outputs), self.tr("Outputs"))
        self.tabs.currentChanged.connect(self._activate_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("QuantizationView", "Quantization")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("QuantizationView",
            "Models are usually trained with 32-bit floats; to save memory they are run with 16-bit floats (fp16, bf16) "
            "or 8-bit integers (int8). Number formats shows how one number is stored in each, bit by bit. Weights shows how "
            "much each layer's weights change, and Outputs how much the model's hidden states, attention and next-token "
            "predictions move on your text. Simulated int8 rounds the weights but still computes in float32."
        )

    # state
    def _on_model(self, loaded) -> None:
        self.formats.set_model(loaded)
        self.weights.set_model(loaded)
        self.outputs.set_model(loaded)
        if self.isVisible():
            self._activate_current()

    def _on_trace(self, trace) -> None:
        decoder_ids = [t.id for t in trace.output_tokens] if trace.output_tokens else None
        self.outputs.set_text(trace.text, decoder_ids)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._activate_current()

    def _activate_current(self, *_args) -> None:
        panel = self._current_panel()
        if hasattr(panel, "activate"):
            panel.activate()

    # sessions
    def settings(self) -> dict:
        return {
            "tab": self.tabs.currentIndex(),
            "number": self.formats.number.text(),
            "layer": self.weights.layer.currentData(),
            "schemes": [k for k, box in self.outputs.checks.items() if box.isChecked()],
        }

    def apply_settings(self, settings: dict) -> None:
        number = settings.get("number")
        if isinstance(number, str):
            self.formats.number.setText(number)
        layer = settings.get("layer")
        if isinstance(layer, str) and self.weights.layer.findData(layer) >= 0:
            self.weights.layer.setCurrentIndex(self.weights.layer.findData(layer))
        schemes = settings.get("schemes")
        if isinstance(schemes, list):
            for key, box in self.outputs.checks.items():
                box.setChecked(box.isEnabled() and key in schemes)
        tab = settings.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    # exports
    def export_widget(self) -> QWidget:
        return self._current_panel()

    def main_picture(self) -> QWidget:
        panel = self._current_panel()
        return getattr(panel, "main_picture", lambda: panel)()

    def set_presenting(self, on: bool) -> None:
        self.weights.set_presenting(on)

    def pages(self) -> list:
        return list(range(self.tabs.count()))

    def show_page(self, page) -> None:
        self.tabs.setCurrentIndex(page)

    def _current_panel(self) -> QWidget:
        page = self.tabs.currentWidget()
        return page.widget() if isinstance(page, QScrollArea) else page

    def export_tables(self) -> dict[str, list[list]]:
        tables = {}
        tables.update(self.weights.tables())
        tables.update(self.outputs.tables())
        return tables

    def set_scale(self, factor: float) -> None:
        self.formats.set_scale(factor)
        self.weights.set_scale(factor)
        self.outputs.set_scale(factor)

    def shutdown(self) -> None:
        """Stop background work (the window calls this when it closes)."""
        self.formats.shutdown()
        self.weights.shutdown()
        self.outputs.shutdown()


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import DEFAULT_MODEL, bundled_model_path
    from viz.core.trace import TraceRequest, run_trace
    from viz.ui.state import AppState

    app = QApplication(sys.argv)
    source = sys.argv[1] if len(sys.argv) > 1 else str(bundled_model_path(DEFAULT_MODEL) or DEFAULT_MODEL)
    tab = sys.argv[2] if len(sys.argv) > 2 else "outputs"
    state = AppState()
    loaded = load_model(LoadRequest(source, device="cpu"))
    text = "The return statement is used to leave a function and give a value back to the"
    state.model, state.text = loaded, text
    state.trace = run_trace(loaded, TraceRequest(text))
    view = QuantizationView(state)
    view.tabs.setCurrentIndex({"formats": 0, "weights": 1, "outputs": 2}.get(tab, 2))
    view.resize(1600, 1000)
    view.setWindowTitle(view.title())
    view.show()
    sys.exit(app.exec())
