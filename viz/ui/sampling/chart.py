"""The candidates as horizontal bars, most likely on top, token strings on the left axis.

Filled bars: probability after temperature (coloured: kept by top-k/top-p; grey, hatched: cut).
Outlined bars: the renormalised probability the token is actually drawn with. Diamonds: the probability
before temperature. In logit mode the bars are logits ÷ temperature and the diamonds the raw logits.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget


from viz.ui.numbers import decimal, significant
from viz.ui.ui_scale import unscaled_points

_VIRIDIS = pg.colormap.get("viridis")
KEPT_COLOR = _VIRIDIS.map(0.55, mode="qcolor")  # teal
SAMPLED_COLOR = _VIRIDIS.map(0.85, mode="qcolor")  # yellow-green outline
BEFORE_COLOR = pg.colormap.get("magma").map(0.75, mode="qcolor")  # orange: apart from viridis for colour-blind eyes
CUT_COLOR = QColor(140, 140, 140)
BAR_HEIGHT = 0.72


class CappedAxis(pg.AxisItem):
    """An axis that labels no tick past `cap`: the probability axis runs on past 100 % only to leave room
    for the value written after each bar, and a "120" there would read as a probability."""

    cap: float | None = None

    def tickStrings(self, values, scale, spacing):
        strings = super().tickStrings(values, scale, spacing)
        if self.cap is None:
            return strings
        return [text if value * scale <= self.cap + 1e-9 else "" for value, text in zip(values, strings)]


class DistributionChart(pg.PlotWidget):
    fit_changed = Signal(int)  # how many bars fit after a resize or a font change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": CappedAxis("bottom")})
        self._fit = 0
        self._scale = 1.0
        self._base_points = unscaled_points(self.font())  # the font at scale 1
        self._mode = "probabilities"
        self._range = None  # (x low, x high, rows) last set
        self._title = ""
        item = self.getPlotItem()
        item.invertY(True)
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        # No grid: pyqtgraph's translucent grid lines cost ~18 ms a frame here, more than all else together.
        item.getAxis("bottom").enableAutoSIPrefix(False)  # "×0.001" under the axis reads as a misprint
        self.cut_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT)
        self.kept_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT)
        self.sampled_bars = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, brush=QBrush(Qt.NoBrush))
        self.before_marks = pg.ScatterPlotItem(symbol="d")
        for graphic in (self.cut_bars, self.kept_bars, self.sampled_bars, self.before_marks):
            item.addItem(graphic)
        self.value_texts: list[pg.TextItem] = []
        self.labels: list[str] = []
        self._apply_style()

    # drawing
    def show_distribution(self, distribution, ids: np.ndarray, labels: list[str], mode: str) -> None:
        """Draw the candidates `ids` (most likely first) of a core `Distribution`."""
        self._mode = mode
        self.getPlotItem().getAxis("bottom").cap = None if mode == "logits" else 100.0
        n = len(ids)
        rows = np.arange(n, dtype=float)
        kept = distribution.kept[ids]
        if mode == "logits":
            after = distribution.scaled_logits[ids].astype(float)
            before = distribution.logits[ids].astype(float)
            finite = np.concatenate([after[np.isfinite(after)], before[np.isfinite(before)]])
            low = float(finite.min()) if finite.size else 0.0
            high = float(finite.max()) if finite.size else 1.0
            base = low - 0.05 * max(high - low, 1e-6)
            after = np.where(np.isfinite(after), after, base)  # a logit of -inf: no bar
            before = np.where(np.isfinite(before), before, base)
            sampled = np.zeros(0)
            texts = [f"{v:.2f}" for v in after]
        else:
            after = distribution.tempered_probs[ids] * 100.0  # percent: the axis reads like the labels
            before = distribution.base_probs[ids] * 100.0
            sampled = distribution.probs[ids] * 100.0
            base = 0.0
            texts = [_percent(a) + (" → " + _percent(s) if k else "") for a, s, k in zip(after, sampled, kept)]
        self._set_bars(self.kept_bars, rows[kept], base, after[kept] - base)
        self._set_bars(self.cut_bars, rows[~kept], base, after[~kept] - base)
        if sampled.size:
            self._set_bars(self.sampled_bars, rows[kept], base, sampled[kept] - base)
        else:
            self._set_bars(self.sampled_bars, np.zeros(0), base, np.zeros(0))
        self.before_marks.setData(x=before, y=rows)
        self._set_labels(labels, rows)
        ends = np.maximum(np.maximum(after, before), sampled if sampled.size else after)  # right of every mark
        self._set_texts(texts, ends, rows, kept)
        self._fit_range(base, ends - base, texts, n)

    def _fit_range(self, base: float, lengths: np.ndarray, texts: list[str], rows: int) -> None:
        """Room for every bar and the text after it; kept while it fits well, so a slider drag does not
        make the axis jump (and re-render) at every step."""
        item = self.getPlotItem()
        plot_px = max(item.getViewBox().width(), 50.0)
        metrics = QFontMetricsF(self._font(1.0))
        # a row of length L with a text of t pixels needs a width W with L / W * plot + t <= plot
        share = [min((metrics.horizontalAdvance(t) * 1.15 + 8) / plot_px, 0.7) for t in texts]
        needed = max([float(length) / (1 - f) for length, f in zip(lengths, share)] or [1.0])
        needed, base = max(needed, 1e-9), float(base)  # Python floats: pyqtgraph compares them with float64 limits
        low, high = item.getViewBox().viewRange()[0]
        current = self._range or (low, high, -1)
        fits = current[0] == base and current[2] == rows and needed <= current[1] - base <= needed * 1.5
        if not fits:
            item.setXRange(base, base + needed * 1.1, padding=0)
            item.setYRange(-0.6, max(rows, 1) - 0.4, padding=0)
            self._range = (base, base + needed * 1.1, rows)
        title = self._axis_title()
        if title != self._title:
            item.setLabel("bottom", title)
            self._title = title

    def clear_distribution(self) -> None:
        for bars in (self.kept_bars, self.cut_bars, self.sampled_bars):
            self._set_bars(bars, np.zeros(0), 0.0, np.zeros(0))
        self.before_marks.setData(x=[], y=[])
        self._set_labels([], np.zeros(0))
        self._set_texts([], np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool))

    def _set_bars(self, bars: pg.BarGraphItem, rows: np.ndarray, base: float, widths: np.ndarray) -> None:
        bars.setOpts(x0=np.full(rows.shape, base), y=rows, width=widths, height=BAR_HEIGHT)

    def _set_labels(self, labels: list[str], rows: np.ndarray) -> None:
        if list(labels) == self.labels and self._range is not None:
            return  # unchanged: the axis keeps its rendered text
        self.labels = list(labels)
        ticks = [(float(r), text) for r, text in zip(rows, labels)]
        self.getPlotItem().getAxis("left").setTicks([ticks, []])

    def _set_texts(self, texts: list[str], ends: np.ndarray, rows: np.ndarray, kept: np.ndarray) -> None:
        while len(self.value_texts) < len(texts):
            text_item = pg.TextItem(anchor=(-0.06, 0.5))  # a little clear of the bar end
            text_item.setFont(self._font(1.0))
            self.getPlotItem().addItem(text_item, ignoreBounds=True)
            self.value_texts.append(text_item)
        foreground = self.getPlotItem().getAxis("bottom").textPen().color()
        for i, text_item in enumerate(self.value_texts):
            if i >= len(texts):
                text_item.setVisible(False)
                continue
            colour = foreground if kept[i] else CUT_COLOR
            if text_item.toPlainText() != texts[i] or text_item.color != colour:
                text_item.setText(texts[i], color=colour)
            text_item.setPos(float(ends[i]), float(rows[i]))
            text_item.setVisible(True)

    def _axis_title(self) -> str:
        if self._mode == "logits":
            return self.tr("logit")
        return self.tr("probability (%)")

    def rows_that_fit(self) -> int:
        """Bars whose token labels fit the plot's height without overlapping (pyqtgraph would drop some)."""
        height = self.getPlotItem().getViewBox().height()
        line = QFontMetricsF(self._font(1.25)).height() * 1.15
        return max(3, int(height // line)) if height > line else 1000

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "value_texts"):  # not during PlotWidget's own construction
            self._check_fit()

    def _check_fit(self) -> None:
        fit = self.rows_that_fit()
        if fit != self._fit:
            self._fit = fit
            self._range = None
            self.fit_changed.emit(fit)

    # style
    def set_scale(self, factor: float) -> None:
        self._scale = factor
        self._apply_style()

    def _font(self, relative: float) -> QFont:
        """The widget font or the start-up font times the scale, whichever is larger: a scaled
        application font is not scaled twice."""
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), self._base_points * self._scale) * relative)
        return font

    def _apply_style(self) -> None:
        s = self._scale
        self._range = None  # fonts change the axes: lay them out again
        item = self.getPlotItem()
        item.getAxis("left").setStyle(tickFont=self._font(1.25), tickTextOffset=int(6 * s))
        item.getAxis("bottom").setStyle(tickFont=self._font(1.0))
        for axis in ("left", "bottom"):
            item.getAxis(axis).label.setFont(self._font(1.0))
        self.kept_bars.setOpts(brush=KEPT_COLOR, pen=pg.mkPen(None))
        self.cut_bars.setOpts(brush=QBrush(CUT_COLOR, Qt.BDiagPattern), pen=pg.mkPen(CUT_COLOR, width=1.5 * s))
        self.sampled_bars.setOpts(pen=pg.mkPen(SAMPLED_COLOR, width=2.5 * s))
        self.before_marks.setSize(13 * s)
        self.before_marks.setBrush(pg.mkBrush(BEFORE_COLOR))
        self.before_marks.setPen(pg.mkPen(QColor(60, 30, 20), width=1.0 * s))
        foreground = self.getPlotItem().getAxis("bottom").textPen().color()
        for text_item in self.value_texts:
            text_item.setFont(self._font(1.0))
            if text_item.color != CUT_COLOR:  # a theme switch: the kept tokens' values follow the axis colour
                text_item.setColor(foreground)
        self._check_fit()


def _percent(value: float) -> str:
    """Two significant digits below 1 %, so small probabilities do not all read as 0.0 %."""
    if value >= 1.0 or value == 0.0:
        return f"{decimal(value, 1)} %"
    if value < 0.01:
        return f"<{decimal(0.01, 2)} %"
    return f"{significant(value, 2)} %"
