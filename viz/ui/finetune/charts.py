"""The live loss curve (earlier runs stay, faded, for comparison) and the singular-value plot."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from viz.ui.finetune.labels import count, method_name, translate
from viz.ui.quantization.charts import ScaledPlot

# Okabe-Ito colours, readable for colour-blind viewers and on a projector, in both themes.
METHOD_COLORS = {"full": "#D55E00", "selective": "#CC79A7", "lora": "#0072B2", "prompt": "#009E73"}
KEPT_RUNS = 4


class LossChart(ScaledPlot):
    def __init__(self, parent=None):
        super().__init__(parent, title=translate("Finetune", "Training loss"), bottom=translate("Finetune", "step"), left=translate("Finetune", "loss (cross-entropy)"),
                         integer_x=True)
        self.setLogMode(x=False, y=True)
        self.runs: list[tuple[str, np.ndarray]] = []  # finished runs: (label, losses)
        self.live: list[float] = []
        self.live_kind = "lora"
        self._live_item = None

    def start_run(self, kind: str) -> None:
        self.live, self.live_kind = [], kind
        self._redraw()

    def add_loss(self, loss: float) -> None:
        self.live.append(loss)
        if self._live_item is None:
            self._redraw()
        else:
            self._live_item.setData(np.arange(1, len(self.live) + 1), np.maximum(self.live, 1e-6))

    def finish_run(self, label: str, kind: str, losses: np.ndarray) -> None:
        self.runs = (self.runs + [(label, kind, np.asarray(losses))])[-KEPT_RUNS:]
        self.live = []
        self._redraw()

    def _redraw(self) -> None:
        self.plotItem.clear()
        if self.legend is not None:
            self.legend.clear()
        self._live_item = None
        for i, (label, kind, losses) in enumerate(self.runs):
            if len(losses):
                newest = i == len(self.runs) - 1 and not self.live
                pen = self.pen(METHOD_COLORS.get(kind, "#888888"), dashed=not newest, width=2.0 if newest else 1.2)
                self.plot(np.arange(1, len(losses) + 1), np.maximum(losses, 1e-6), pen=pen, name=label)
        if self.live:
            self._live_item = self.plot(np.arange(1, len(self.live) + 1), np.maximum(self.live, 1e-6),
                                        pen=self.pen(METHOD_COLORS.get(self.live_kind, "#888888"), width=2.5),
                                        name=translate("Finetune", "{method} (running)").format(method=method_name(self.live_kind)))

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if hasattr(self, "runs"):
            self._redraw()

    def table(self) -> list[list]:
        rows = [["run", "step", "loss"]]
        for label, _kind, losses in self.runs:
            rows += [[label, i + 1, float(v)] for i, v in enumerate(losses)]
        return rows


class SpectrumChart(ScaledPlot):
    """Singular values of ΔW (full fine-tuning) and of LoRA's B·A for one matrix, largest first, log scale."""

    def __init__(self, parent=None):
        super().__init__(parent, title=translate("Finetune", "Singular values of the weight update"), bottom=translate("Finetune", "index (largest first)"),
                         left=translate("Finetune", "singular value"), integer_x=True)
        self.setLogMode(x=False, y=True)
        self.spectrum = None

    def show_spectrum(self, spectrum) -> None:
        self.spectrum = spectrum
        self._redraw()

    def _redraw(self) -> None:
        self.plotItem.clear()
        if self.legend is not None:
            self.legend.clear()
        s = self.spectrum
        if s is None:
            return
        floor = 1e-12  # values at rounding level would stretch the log axis
        if s.full_values is not None:
            values = s.full_values[s.full_values > floor]
            self.plot(np.arange(1, len(values) + 1), values, pen=self.pen(METHOD_COLORS["full"]),
                      name=translate("Finetune", "full ΔW: {n} numbers").format(n=count(s.full_count)))
        if s.lora_values is not None:
            values = s.lora_values[s.lora_values > s.lora_values.max() * 1e-6] if s.lora_values.size else s.lora_values
            self.plot(np.arange(1, len(values) + 1), values, pen=self.pen(METHOD_COLORS["lora"]),
                      symbol="o", symbolSize=self.symbol_size(7), symbolBrush=pg.mkBrush(METHOD_COLORS["lora"]),
                      name=translate("Finetune", "LoRA B·A, r = {r}: {n} numbers").format(r=s.rank, n=count(s.lora_count)))

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if hasattr(self, "spectrum"):
            self._redraw()

    def table(self) -> list[list]:
        s = self.spectrum
        if s is None:
            return []
        n = max(len(v) for v in (s.full_values, s.lora_values) if v is not None) if (
            s.full_values is not None or s.lora_values is not None) else 0
        rows = [["matrix", "index", "full_delta_singular_value", "lora_singular_value"]]
        for i in range(n):
            full = float(s.full_values[i]) if s.full_values is not None and i < len(s.full_values) else ""
            lora = float(s.lora_values[i]) if s.lora_values is not None and i < len(s.lora_values) else ""
            rows.append([s.module, i + 1, full, lora])
        return rows
