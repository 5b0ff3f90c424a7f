"""Parameters against training tokens, log-log: the Chinchilla line and where known models sit."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QTimer
from PySide6.QtGui import QFont, QFontMetricsF

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
        self._model_labels: list[tuple[pg.TextItem, float, float]] = []  # (label, log10 parameters, log10 tokens)
        self._leaders: list[pg.PlotCurveItem] = []  # lines from a dot to a name set further out
        self._placing = QTimer(self, singleShot=True, interval=0)  # once the view box has its new size
        self._placing.timeout.connect(self.place_labels)
        self._share = 1.0  # of the projector text size the legend, title and names take (less in a narrow plot)
        self._refits = 0  # placements redone since the last resize, once the narrower texts let the plot shrink
        self.on_resize = self._on_resize

    def _on_resize(self) -> None:
        self._refits = 0
        self._placing.start()

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
        points = self.base_point_size() * self.scale_factor * self._share
        if self.legend is not None:
            self.legend.clear()
            self.legend.setLabelTextSize(f"{points:.1f}pt")  # entries take the size they are made with
        item.setTitle(self._title, size=f"{points * 1.1:.1f}pt")
        item.setGeometry(self.range)  # narrower texts may let the plot fit a width it had outgrown
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
        font.setPointSizeF(points * 0.85)
        self._model_labels = []
        for model, name in zip(KNOWN_MODELS, names):
            label = pg.TextItem(name, color=foreground, anchor=(0, 0.5))
            label.setFont(font)
            x, y = math.log10(model.parameters), math.log10(model.tokens)
            label.setPos(x, y)
            item.addItem(label)
            self._model_labels.append((label, x, y))
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
        self._placing.start()

    def place_labels(self) -> list[QRectF]:
        """Put each model's name beside its dot where it overlaps no dot and no name placed before it and stays
        inside the plot: first right next to the dot on one of eight sides, then further out with a thin line to
        the dot (GPT-3, BLOOM and Gopher, and the LLaMAs, sit close together). Returns the names' rectangles, in
        scene pixels."""
        box = self.plotItem.vb
        for line in self._leaders:
            box.removeItem(line)
        self._leaders = []
        inside = box.sceneBoundingRect()
        if not self._model_labels or inside.isEmpty():
            return []
        share = self._text_share(inside.width())
        if abs(share - self._share) > 0.01 and self._refits < 2:  # drawn again with texts that fit, then placed
            self._share, self._refits = share, self._refits + 1
            self.redraw()
            return []
        metrics = QFontMetricsF(self._model_labels[0][0].textItem.font())
        dot = self.symbol_size(9)
        centres = [box.mapViewToScene(QPointF(x, y)) for _, x, y in self._model_labels]
        taken = [QRectF(c.x() - dot / 2, c.y() - dot / 2, dot, dot) for c in centres]
        placed = [QRectF()] * len(centres)

        def crowding(i: int) -> int:  # the most crowded dots choose first: they have the fewest free sides
            c = centres[i]
            return sum((c - o).manhattanLength() < 4 * dot for o in centres)

        for i in sorted(range(len(centres)), key=crowding, reverse=True):
            (label, x, y), centre = self._model_labels[i], centres[i]
            width, height = metrics.horizontalAdvance(label.textItem.toPlainText()) + 8, metrics.height() + 2
            candidates = [_beside(centre, width, height, side, reach * height, shift) for reach in REACHES
                          for side in SIDES for shift in SHIFTS]
            fits = [c for c in candidates if inside.contains(c)] or candidates
            rect = next((c for c in fits if not any(c.intersects(t) for t in taken)), fits[0])
            label.setAnchor(((centre.x() - rect.left()) / width, (centre.y() - rect.top()) / height))
            near = _nearest_point(rect, centre)
            if (near - centre).manhattanLength() > dot + 8:  # set apart from its dot: a line joins them
                end = box.mapSceneToView(near)
                line = pg.PlotCurveItem([x, end.x()], [y, end.y()], pen=pg.mkPen(pg.getConfigOption("foreground"),
                                                                                   width=1))
                box.addItem(line, ignoreBounds=True)
                self._leaders.append(line)
            taken.append(rect)
            placed[i] = rect
        return placed


    def _text_share(self, room: float) -> float:
        """The share (60-100 %) of the projector text size at which the legend and the title fit the plot (narrow
        when the F1 panel is open at 1024x768, say)."""
        font = QFont(self.font())
        font.setPointSizeF(self.base_point_size() * self.scale_factor)
        metrics = QFontMetricsF(font)
        entries = [label.text for _, label in self.legend.items] if self.legend is not None else []
        legend = max((metrics.horizontalAdvance(text) for text in entries), default=0) + 50 * self.scale_factor
        title = metrics.horizontalAdvance(self._title) * 1.1
        return max(0.6, min(1.0, (room - 20) / legend, (self.width() - 20) / title))


def _beside(centre: QPointF, width: float, height: float, side: tuple[int, int], gap: float,
            shift: float = 0.0) -> QRectF:
    """The rectangle of a `width` x `height` name on `side` (dx, dy in -1, 0, 1) of the dot at `centre`, `gap`
    pixels further out than touching it, slid along that side by `shift` name heights (or half widths)."""
    dx, dy = side
    half_gap = 4 + gap  # a few pixels clear of the dot's edge
    left = centre.x() + (half_gap if dx > 0 else -half_gap - width if dx < 0 else -width / 2 + shift * width / 2)
    top = centre.y() + (half_gap if dy > 0 else -half_gap - height if dy < 0 else -height / 2 + shift * height)
    return QRectF(left, top, width, height)


def _nearest_point(rect: QRectF, point: QPointF) -> QPointF:
    return QPointF(min(max(point.x(), rect.left()), rect.right()), min(max(point.y(), rect.top()), rect.bottom()))


# The sides a model's name may take around its dot, in order of preference (dx, dy; y grows downwards): right,
# left, above, below, then the corners; and how far out, in name heights (beyond the first, a line joins them).
SIDES = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))
REACHES = (0, 0.7, 1.4, 2.5)
SHIFTS = (0, -0.7, 0.7, -1.4, 1.4)  # along the side, so a name can clear a neighbour without leaving its dot
