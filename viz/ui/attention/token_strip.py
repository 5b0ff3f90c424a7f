"""Tokens as wrapped chips, each coloured by a weight with a bar beneath: a heat strip that stays readable."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from viz.core.attention import display_label
from viz.ui.attention.style import FontScale, color_at, hatch_brush, lookup_table, masked_brush, text_color_on

CURRENT_COLOUR = "#ff2bd6"


class TokenStrip(QWidget):
    token_clicked = Signal(int)
    token_hovered = Signal(int)  # -1 when the pointer leaves the tokens

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self._lut = lookup_table()
        self.labels: list[str] = []
        self.weights: np.ndarray | None = None  # [token]
        self.masked: np.ndarray | None = None  # [token] bool
        self.vmax = 1.0
        self.current: int | None = None
        self.hovered = -1
        self._rects: list[QRectF] = []
        self._height = 0

    def set_tokens(self, labels: list[str]) -> None:
        self.labels = [display_label(s, limit=18) for s in labels]
        self.weights, self.masked, self.current = None, None, None
        self._relayout()

    def set_weights(self, weights: np.ndarray | None, masked: np.ndarray | None = None) -> None:
        self.weights = weights
        self.masked = masked
        visible = weights[~masked] if (weights is not None and masked is not None) else weights
        self.vmax = float(visible.max()) if visible is not None and visible.size and visible.max() > 0 else 1.0
        self.update()

    def set_current(self, index: int | None) -> None:
        self.current = index
        self.update()

    def chip_center(self, index: int) -> QPointF:
        return self._rects[index].center()

    # layout
    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.fonts.font(1.1))

    def _relayout(self) -> None:
        metrics = self._metrics()
        pad, gap = metrics.height() * 0.35, metrics.height() * 0.3
        chip_h = metrics.height() + 2 * pad
        row_h = chip_h + metrics.height() * 0.45 + gap  # room for the weight bar beneath
        x, y, width = gap, gap, max(self.width(), 200)
        self._rects = []
        for label in self.labels:
            w = metrics.horizontalAdvance(label) + 2 * pad + 2
            if x + w > width - gap and x > gap:
                x, y = gap, y + row_h
            self._rects.append(QRectF(x, y, w, chip_h))
            x += w + gap
        self._height = int(y + row_h + gap) if self.labels else 0
        self.setMinimumHeight(self._height)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(self._height, 40))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def index_at(self, pos: QPointF) -> int:
        for index, rect in enumerate(self._rects):
            if rect.adjusted(-2, -2, 2, 2).contains(pos):
                return index
        return -1

    # painting
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        font = self.fonts.font(1.1)
        painter.setFont(font)
        metrics = self._metrics()
        base = self.palette().base().color()
        text = self.palette().text().color()
        bar_h = metrics.height() * 0.3
        for index, (label, rect) in enumerate(zip(self.labels, self._rects)):
            masked = self.masked is not None and bool(self.masked[index])
            if masked:
                fill = masked_brush().color()
            elif self.weights is not None:
                fill = color_at(float(self.weights[index]), self.vmax, self._lut)
            else:
                fill = base
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 4, 4)
            if masked:
                painter.setBrush(hatch_brush())
                painter.drawRoundedRect(rect, 4, 4)
            if index == self.current or index == self.hovered:
                pen = QPen(QColor(CURRENT_COLOUR), self.fonts.width(3 if index == self.current else 1.5))
                painter.setPen(pen)
                painter.setBrush(Qt.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 5, 5)
            painter.setPen(text_color_on(fill) if (self.weights is not None or masked) else text)
            painter.drawText(rect, int(Qt.AlignCenter), label)
            if self.weights is not None and not masked:
                share = min(1.0, max(0.0, float(self.weights[index]) / self.vmax))
                bar = QRectF(rect.left(), rect.bottom() + 3, rect.width() * share, bar_h)
                painter.fillRect(bar, self.palette().windowText().color())
        painter.end()

    # mouse
    def mouseMoveEvent(self, event) -> None:
        index = self.index_at(event.position())
        if index != self.hovered:
            self.hovered = index
            self.token_hovered.emit(index)
            self.update()

    def leaveEvent(self, _event) -> None:
        if self.hovered != -1:
            self.hovered = -1
            self.token_hovered.emit(-1)
            self.update()

    def mousePressEvent(self, event) -> None:
        index = self.index_at(event.position())
        if event.button() == Qt.LeftButton and index >= 0:
            self.token_clicked.emit(index)

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self._relayout()
