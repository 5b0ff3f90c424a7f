"""Each run's most likely next tokens at one position, as two bar charts on one probability axis."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from viz.ui.compare.chart import BAR_COLOR, FLIP_COLOR
from viz.ui.compare.side_frame import captioned
from viz.ui.numbers import decimal
from viz.ui.quantization.charts import ScaledPlot

translate = QCoreApplication.translate
BAR_HEIGHT = 0.7


class TopTokensChart(ScaledPlot):
    """Horizontal bars, the most likely token on top, token labels on the left axis, percent along the bottom."""

    def __init__(self, parent=None):
        super().__init__(parent, bottom=translate("Compare", "probability (%)"), legend=False)
        self.setMenuEnabled(False)
        self.plotItem.hideButtons()
        self.plotItem.setMouseEnabled(False, False)
        self.plotItem.invertY(True)
        self.plotItem.showGrid(x=True, y=False, alpha=0.25)
        self.candidates = None  # viz.core.compare_side.NextTokens
        self.top = 1.0  # the right end of the probability axis, shared with the other run's chart
        self.flipped = False
        self.setMinimumHeight(120)

    def show_candidates(self, candidates, top: float, flipped: bool) -> None:
        self.candidates, self.top, self.flipped = candidates, top, flipped
        self.redraw()

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if getattr(self, "candidates", None) is not None:
            self.redraw()

    def redraw(self) -> None:
        item = self.plotItem
        item.clear()
        c = self.candidates
        if c is None or not len(c.ids):
            return
        percent = np.asarray(c.probs, dtype=float) * 100.0  # [k]
        rows = np.arange(len(percent), dtype=float)
        brushes = [FLIP_COLOR if i == 0 and self.flipped else BAR_COLOR for i in range(len(percent))]
        item.addItem(pg.BarGraphItem(x0=np.zeros_like(percent), y=rows, width=percent, height=BAR_HEIGHT,
                                     brushes=brushes, pen=None))
        font = QFont(self.font())
        font.setPointSizeF(self.base_point_size() * self.scale_factor)
        colour = pg.mkColor(pg.getConfigOption("foreground"))
        for row, value in zip(rows, percent):
            text = pg.TextItem(decimal(value, 1), color=colour, anchor=(0, 0.5))
            text.setFont(font)
            text.setPos(float(value), float(row))
            item.addItem(text)
        self.getAxis("left").setTicks([[(float(r), label) for r, label in zip(rows, c.labels)]])
        # room after the longest bar for its number: the axis runs on past it, shared by both runs' charts
        item.setXRange(0.0, self.top * 100.0 * 1.3, padding=0)
        item.setYRange(-0.6, len(percent) - 0.4, padding=0)


class NextTokensPair(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart_a, self.chart_b = TopTokensChart(self), TopTokensChart(self)
        box_a, self.caption_a = captioned(self, self.chart_a)
        box_b, self.caption_b = captioned(self, self.chart_b)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box_a, 1)
        layout.addWidget(box_b, 1)

    def show_position(self, pair, position: int, captions: tuple[str, str], flipped: bool) -> None:
        a, b = pair.next_tokens("a", position), pair.next_tokens("b", position)
        top = max(float(a.probs.max(initial=0.0)), float(b.probs.max(initial=0.0)), 1e-3)
        self.chart_a.show_candidates(a, top, flipped)
        self.chart_b.show_candidates(b, top, flipped)
        self.caption_a.setText(captions[0])
        self.caption_b.setText(captions[1])

    def clear(self) -> None:
        for chart in (self.chart_a, self.chart_b):
            chart.candidates = None
            chart.redraw()

    def set_scale(self, factor: float) -> None:
        self.chart_a.set_scale(factor)
        self.chart_b.set_scale(factor)
