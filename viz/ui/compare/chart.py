"""Per-position KL as bars; positions whose most likely next token flips are drawn in the warning colour."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetricsF

from viz.ui.quantization.charts import ScaledPlot

translate = QCoreApplication.translate
BAR_COLOR = "#0072B2"
FLIP_COLOR = "#D55E00"
MAX_TICKS = 40


class KlChart(ScaledPlot):
    position_clicked = Signal(int)  # a click on or above a position's bar

    def __init__(self, parent=None):
        super().__init__(parent, title=translate("Compare", "Next-token KL(A ‖ B)"),
                         bottom=translate("Compare", "position (token of run A)"), left=translate("Compare", "nats"))
        self.setMenuEnabled(False)
        self.comparison = None
        self.on_resize = self._fit_ticks
        self.scene().sigMouseClicked.connect(self._on_click)

    def _fit_ticks(self) -> None:
        """Every `step`-th token under its bar, `step` as small as lets the labels stand apart at this width."""
        c = self.comparison
        if c is None or not len(c.kl):
            return
        axis = self.getAxis("bottom")
        metrics = QFontMetricsF(axis.style.get("tickFont") or self.font())
        widest = max(metrics.horizontalAdvance(t) for t in c.tokens_a) + metrics.horizontalAdvance("  ")
        per_bar = max(1.0, self.plotItem.vb.width()) / len(c.kl)
        step = max(1, len(c.kl) // MAX_TICKS, math.ceil(widest / per_bar))
        axis.setTicks([[(i, c.tokens_a[i]) for i in range(0, len(c.kl), step)]])

    def _on_click(self, event) -> None:
        box = self.plotItem.vb
        if event.button() != Qt.LeftButton or self.comparison is None or not box.sceneBoundingRect().contains(
                event.scenePos()):
            return
        position = round(box.mapSceneToView(event.scenePos()).x())
        if 0 <= position < len(self.comparison.kl):
            self.position_clicked.emit(position)

    def scene_pos_of(self, position: int):
        """The scene point over a position's bar (what a click there reports), for tests."""
        from PySide6.QtCore import QPointF

        top = self.plotItem.vb.viewRange()[1][1]
        return self.plotItem.vb.mapViewToScene(QPointF(position, top / 2))

    def show_comparison(self, comparison) -> None:
        self.comparison = comparison
        self.redraw()

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if getattr(self, "comparison", None) is not None:
            self.redraw()

    def redraw(self) -> None:
        item = self.plotItem
        item.clear()
        if self.legend is not None:
            self.legend.clear()
        c = self.comparison
        if c is None or not len(c.kl):
            return
        positions = list(range(len(c.kl)))
        flips = c.flips
        for flipped, color, name in ((False, BAR_COLOR, translate("Compare", "same top-1 token")),
                                     (True, FLIP_COLOR, translate("Compare", "top-1 flips"))):
            xs = [i for i in positions if bool(flips[i]) == flipped]
            if xs:
                bars = pg.BarGraphItem(x=xs, height=[float(c.kl[i]) for i in xs], width=0.8, brush=color,
                                       pen=None, name=name)
                item.addItem(bars)  # named: the plot's legend lists it
        self._fit_ticks()
        item.setXRange(-0.6, len(positions) - 0.4, padding=0)
        item.setYRange(0, max(float(c.kl.max()), 0.01) * 1.15, padding=0)  # two equal runs: a flat axis at 0
        if self.legend is not None:  # grown with its new entries: anchor its right edge again, inside the plot
            self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 10))
