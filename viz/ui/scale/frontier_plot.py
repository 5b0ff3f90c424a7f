"""Parameters against training tokens, log-log: the Chinchilla line and where known models sit."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from viz.core.scale.compute import chinchilla_tokens, frontier
from viz.core.scale.known_models import KNOWN_MODELS
from viz.ui.quantization.charts import LogAxis, ScaledPlot

translate = QCoreApplication.translate

FRONTIER_COLOR = "#0072B2"  # Okabe–Ito blue
KNOWN_COLOR = "#D55E00"  # vermillion
CURRENT_COLOR = "#009E73"  # bluish green


class FrontierPlot(ScaledPlot):
    def __init__(self, parent=None):
        super().__init__(
            parent,
            title=translate("Scale", "Compute-optimal frontier"),
            bottom=translate("Scale", "parameters"),
            left=translate("Scale", "training tokens"),
        )
        self.setAxisItems({"bottom": LogAxis("bottom")})
        if self.legend is not None:
            self.legend.anchor(itemPos=(1, 1), parentPos=(1, 1), offset=(-10, -10))  # under the published models: empty
        self.plotItem.getAxis("bottom").enableAutoSIPrefix(False)
        self.plotItem.setLogMode(True, True)
        self.setMenuEnabled(False)
        self._current = None  # (parameters, tokens); nothing is drawn before the first one


    def show_model(self, parameters: float, tokens: float) -> None:
        self._current = (parameters, tokens)
        self.redraw()

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if getattr(self, "_current", None) is not None:
            self.redraw()

    def redraw(self) -> None:
        item = self.plotItem
        item.clear()
        if self.legend is not None:
            self.legend.clear()
        low_n = min(1e9, self._current[0] / 3) if self._current else 1e9
        low_d = min(1e11, self._current[1] / 3) if self._current else 1e11
        high_n, high_d = 5e12, 1e13
        sizes, tokens = frontier(6 * low_n * 20 * low_n, 6 * high_n * 20 * high_n)
        item.plot(sizes, tokens, pen=self.pen(FRONTIER_COLOR),
                  name=translate("Scale", "Chinchilla: 20 tokens per parameter"))
        names = [m.name for m in KNOWN_MODELS]
        item.plot([m.parameters for m in KNOWN_MODELS], [m.tokens for m in KNOWN_MODELS], pen=None,
                  symbol="o", symbolSize=self.symbol_size(9), symbolBrush=KNOWN_COLOR, symbolPen=None,
                  name=translate("Scale", "published models"))
        foreground = pg.getConfigOption("foreground")
        font = self.font()
        font.setPointSizeF(self.base_point_size() * self.scale_factor * 0.85)
        for model, name in zip(KNOWN_MODELS, names):
            label = pg.TextItem(name, color=foreground, anchor=_ANCHORS.get(model.name, (0, 0.5)))
            label.setFont(font)
            label.setPos(math.log10(model.parameters), math.log10(model.tokens))
            item.addItem(label)
        if self._current is not None:
            n, d = self._current
            item.plot([n], [d], pen=None, symbol="star", symbolSize=self.symbol_size(16), symbolBrush=CURRENT_COLOR,
                      symbolPen=None, name=translate("Scale", "this calculation"))
            if abs(math.log10(d / chinchilla_tokens(n))) > 0.05:
                item.plot([n], [chinchilla_tokens(n)], pen=None, symbol="t1", symbolSize=self.symbol_size(10),
                          symbolBrush=None, symbolPen=self.pen(CURRENT_COLOR),
                          name=translate("Scale", "its optimal tokens"))
        item.setRange(xRange=(math.log10(low_n), math.log10(high_n)), yRange=(math.log10(low_d), math.log10(high_d)),
                      padding=0.02)


# Where each label sits around its dot (TextItem anchors: (0, 0) puts the text's top-left on the dot):
# LLaMA 65B and Chinchilla share a spot, and GPT-3, BLOOM and Gopher nearly do.
_ANCHORS = {
    "LLaMA 7B": (1.05, 0.5), "LLaMA 13B": (0.5, -0.1), "LLaMA 33B": (1.0, 1.0), "LLaMA 65B": (0.0, 1.0),
    "Chinchilla 70B": (-0.05, 0.0), "GPT-3 175B": (1.05, 0.0), "BLOOM 176B": (1.0, 1.0),
    "Gopher 280B": (-0.05, 0.3), "PaLM 540B": (0.5, 1.1),
}
