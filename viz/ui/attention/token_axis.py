"""An axis of token labels for a heatmap: one label per cell, thinned to fit, rotated on the bottom axis."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from viz.core.attention import display_label

_NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MIN_SHRINK = 0.25  # labels get up to this much smaller to keep one per cell before any is left out…
MIN_LABEL_PIXELS = 8.0  # …but never smaller than this (pixels of line height): still readable up close


class TokenAxis(pg.AxisItem):
    """Labels cell `i` (spanning view coordinates i … i+1) with token `i`.

    When the cells are smaller than a line of text, the labels first shrink (to MIN_SHRINK of the
    font: large presentation fonts keep every label), then only every `step`-th token is labelled,
    with `step` from 1, 2, 5, 10 …; zooming in brings the rest back. The pinned token is always
    labelled, in bold. Clicking a label emits `token_clicked(index)`.
    """

    token_clicked = Signal(int)

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self._labels: list[str] = []
        self._font = QFont()
        self._draw_font = QFont()  # _font, shrunk to the cells at the last drawing
        self.pinned: int | None = None
        self._title = ""

    # configuration
    def set_labels(self, labels: list[str], title: str = "") -> None:
        self._labels = [display_label(label) for label in labels]
        self._title = title
        self._fit()

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self.setTickFont(self._font)
        self.label.setFont(self._font)
        self._fit()

    def set_pinned(self, index: int | None) -> None:
        self.pinned = index
        self.picture = None
        self.update()

    def labels(self) -> list[str]:
        return list(self._labels)

    def _along(self) -> float:
        return self.size().height() if self.orientation in ("left", "right") else self.size().width()

    def _fit(self) -> None:
        """Reserve room for the longest label (plus the axis title) across the axis, in the font the labels
        are drawn in at the axis's present length (smaller when the cells are small)."""
        metrics = QFontMetricsF(self._font)
        along = self._along()
        cell = along / len(self._labels) if self._labels and along > 0 else 0.0
        label_metrics = QFontMetricsF(self.label_font(cell))
        longest = max((label_metrics.horizontalAdvance(s) for s in self._labels), default=0.0)
        if self._title:
            self.setLabel(self._title)
            self.label.setFont(self._font)
            self._elide_title()
        else:
            self.showLabel(False)
        room = int(math.ceil(longest + 12 + metrics.height() * 1.4))
        horizontal = self.orientation in ("bottom", "top")
        now = (self.fixedHeight if horizontal else self.fixedWidth) or 0
        if abs(room - now) > 2:  # a resize refits: small changes are left alone so the layout settles
            self.setHeight(room) if horizontal else self.setWidth(room)
        self.picture = None
        self.update()

    def _elide_title(self) -> None:
        """Shorten the axis title with "…" where it is longer than the axis (presentation fonts)."""
        along = self.size().height() if self.orientation in ("left", "right") else self.size().width()
        title = getattr(self, "_title", "")  # resize events arrive while pyqtgraph's __init__ runs
        if not title or self.label is None or along <= 0:
            return
        shown = QFontMetricsF(self._font).elidedText(title, Qt.ElideRight, max(0.0, along - 8))
        if shown != self.labelText:
            self.setLabel(shown)
            self.label.setFont(self._font)

    def resizeEvent(self, ev=None):
        self._elide_title()
        super().resizeEvent(ev)
        if getattr(self, "_labels", None):
            self._fit()

    # geometry
    def _to_pixels(self, bounds: QRectF):
        """Pixel position along the axis of view coordinate v, as (offset, scale): pos = offset + v * scale."""
        low, high = self.range
        if high == low:
            return None
        if self.orientation in ("bottom", "top"):
            scale = bounds.width() / (high - low)
            return bounds.left() - low * scale, scale
        scale = -bounds.height() / (high - low)  # the same mapping as pyqtgraph's own ticks
        return bounds.bottom() - low * scale, scale

    def label_font(self, pixels_per_cell: float) -> QFont:
        """The axis font, shrunk by up to MIN_SHRINK so that a line of text fits a cell."""
        font = QFont(self._font)
        line = QFontMetricsF(font).height() * 1.1
        if pixels_per_cell <= 0 or pixels_per_cell >= line:
            return font
        smallest = max(MIN_SHRINK, MIN_LABEL_PIXELS / line)
        factor = max(smallest, 0.97 * pixels_per_cell / line)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * factor)))
        return font

    def visible_indices(self, pixels_per_cell: float, low: float, high: float) -> list[int]:
        """Which tokens get a label when a cell is `pixels_per_cell` long and the view shows low … high."""
        n = len(self._labels)
        if n == 0 or pixels_per_cell <= 0:
            return []
        needed = QFontMetricsF(self.label_font(pixels_per_cell)).height() * 1.1 / pixels_per_cell
        step = next((s for s in _NICE_STEPS if s >= needed), _NICE_STEPS[-1])
        first = max(0, int(math.floor(min(low, high))))
        first -= first % step
        last = min(n - 1, int(math.ceil(max(low, high))))
        shown = [i for i in range(first, last + 1, step)]
        if self.pinned is not None and 0 <= self.pinned < n:
            shown = [i for i in shown if abs(i - self.pinned) >= step] + [self.pinned]
        return shown

    def index_at(self, pos: QPointF) -> int | None:
        mapping = self._to_pixels(self.mapRectFromParent(self.geometry()))
        if mapping is None:
            return None
        offset, scale = mapping
        along = pos.x() if self.orientation in ("bottom", "top") else pos.y()
        index = int(math.floor((along - offset) / scale))
        return index if 0 <= index < len(self._labels) else None

    # drawing (pyqtgraph calls these two when the picture is stale)
    def generateDrawSpecs(self, p):
        bounds = self.mapRectFromParent(self.geometry())
        horizontal = self.orientation in ("bottom", "top")
        if horizontal:
            axis_line = (self.pen(), bounds.topLeft(), bounds.topRight())
        else:
            axis_line = (self.pen(), bounds.topRight(), bounds.bottomRight())
        mapping = self._to_pixels(bounds)
        if mapping is None:
            return axis_line, [], []
        offset, scale = mapping
        low, high = self.range
        self._draw_font = self.label_font(abs(scale))
        ticks, texts = [], []
        for index in self.visible_indices(abs(scale), low, high):
            at = offset + (index + 0.5) * scale
            if horizontal and not bounds.left() - 1 <= at <= bounds.right() + 1:
                continue
            if not horizontal and not bounds.top() - 1 <= at <= bounds.bottom() + 1:
                continue
            if horizontal:
                ticks.append((self.pen(), QPointF(at, bounds.top()), QPointF(at, bounds.top() + 5)))
            else:
                ticks.append((self.pen(), QPointF(bounds.right() - 5, at), QPointF(bounds.right(), at)))
            texts.append((at, self._labels[index], index == self.pinned))
        return axis_line, ticks, texts

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)
        pen, start, end = axisSpec
        p.setPen(pen)
        p.drawLine(start, end)
        for pen, start, end in tickSpecs:
            p.setPen(pen)
            p.drawLine(start, end)
        bounds = self.mapRectFromParent(self.geometry())
        font = self._draw_font
        height = QFontMetricsF(font).height()
        bold = QFont(font)
        bold.setBold(True)
        for at, text, pinned in textSpecs:
            p.setFont(bold if pinned else font)
            p.setPen(self.textPen())
            width = QFontMetricsF(p.font()).horizontalAdvance(text) + 2
            if self.orientation == "bottom":
                # Rotated a quarter turn: read bottom to top, the end of the token next to its column.
                p.save()
                p.translate(at, bounds.top() + 7)
                p.rotate(-90)
                p.drawText(QRectF(-width, -height / 2, width, height), int(Qt.AlignRight | Qt.AlignVCenter), text)
                p.restore()
            else:
                rect = QRectF(bounds.right() - 7 - width, at - height / 2, width, height)
                p.drawText(rect, int(Qt.AlignRight | Qt.AlignVCenter), text)

    def mouseClickEvent(self, event):
        if event.button() != Qt.LeftButton:
            return super().mouseClickEvent(event)
        index = self.index_at(event.pos())
        if index is not None:
            event.accept()
            self.token_clicked.emit(index)
