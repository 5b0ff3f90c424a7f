"""A painted grid of coloured cells with short text: the lens, attribution, neuron and residual pictures.

Each row has a label, one text and one colour per column; hovering shows the caller's tooltip for the cell,
clicking emits the cell. Painting only the visible cells keeps thousands of tokens responsive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MIN_CELL_CHARS = 4  # the narrowest a cell gets to fit its scroll area: a short token or the start of a longer one


@dataclass
class GridRow:
    label: str
    texts: list[str]
    colours: np.ndarray | None  # [cols, 3] uint8, or None for the window colour
    key: object = None  # what a click on this row means to the caller (a layer index, "tokens"…)


def sequential(values: np.ndarray, name: str = "viridis") -> np.ndarray:
    """Values in [0, 1] -> `[n, 3]` uint8 colours of a perceptually ordered map."""
    lut = pg.colormap.get(name).getLookupTable(nPts=256, alpha=False)  # [256, 3]
    idx = np.clip(np.nan_to_num(values, nan=0.0) * 255, 0, 255).astype(int)
    return lut[idx].astype(np.uint8)


def diverging(values: np.ndarray, limit: float) -> np.ndarray:
    """Signed values -> blue (negative) / white / red (positive), `[n, 3]` uint8; NaN grey."""
    t = np.clip(np.nan_to_num(values, nan=0.0) / (limit or 1.0), -1, 1)[..., None]
    red, blue, white = np.array([178, 24, 43]), np.array([33, 102, 172]), np.array([247, 247, 247])
    out = np.where(t > 0, white + (red - white) * t, white + (blue - white) * -t)
    out[np.isnan(values)] = (150, 150, 150)
    return out.astype(np.uint8)


class CellGrid(QWidget):
    cell_clicked = Signal(object, int)  # row key, column

    def __init__(self, cell_chars: int = 6, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[GridRow] = []
        self.cell_chars = cell_chars
        self.tooltip: Callable[[object, int], str] | None = None
        self.selected: tuple[object, int] | None = None
        self._viewport: QWidget | None = None  # the scroll area's viewport whose width the cells fit
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_rows(self, rows: list[GridRow]) -> None:
        self.rows = rows
        self.updateGeometry()
        self.update()

    def columns(self) -> int:
        return max((len(r.texts) for r in self.rows), default=0)

    # geometry
    def _cell(self) -> QSize:
        """`cell_chars` characters wide, narrower (down to MIN_CELL_CHARS) where that lets every column fit the
        scroll area it follows: a short text needs no sideways scrolling beside the F1 panel on a projector."""
        fm = self.fontMetrics()
        em = fm.horizontalAdvance("M")
        width = max(8, em * self.cell_chars // 2 + 6)
        if self._viewport is not None and self.columns():
            fitted = (self._viewport.width() - self._label_width() - 2) // self.columns()
            width = max(em * MIN_CELL_CHARS // 2 + 6, min(width, fitted))
        return QSize(width, fm.height() + 6)

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return max((fm.horizontalAdvance(r.label) for r in self.rows), default=0) + 10

    def sizeHint(self) -> QSize:
        cell = self._cell()
        return QSize(self._label_width() + cell.width() * self.columns() + 2, cell.height() * len(self.rows) + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_at(self, x: int, y: int) -> tuple[object, int] | None:
        cell, left = self._cell(), self._label_width()
        if x < self.visibleRegion().boundingRect().left() + left:
            return None  # under the row labels
        row, col = y // cell.height(), (x - left) // cell.width() if x >= left else -1
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row].texts):
            return self.rows[row].key, int(col)
        return None

    def cell_rect(self, row: int, col: int) -> QRect:
        cell = self._cell()
        return QRect(self._label_width() + col * cell.width(), row * cell.height(), cell.width(), cell.height())

    # painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.Window))
        cell, left = self._cell(), self._label_width()
        clip = event.rect()
        first = max(0, (clip.left() - left) // cell.width())
        last = (clip.right() - left) // cell.width() + 1
        fm = self.fontMetrics()
        for r, row in enumerate(self.rows):
            for c in range(first, min(last, len(row.texts))):
                rect = self.cell_rect(r, c)
                if row.colours is not None:
                    rgb = row.colours[c]
                    colour = QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))
                    painter.fillRect(rect.adjusted(0, 0, -1, -1), colour)
                    ink = Qt.black if 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140 else Qt.white  # luma
                else:
                    ink = palette.color(QPalette.WindowText)
                text = row.texts[c]
                if text:
                    painter.setPen(ink)
                    shown = fm.elidedText(text, Qt.ElideRight, rect.width() - 4)
                    painter.drawText(rect, Qt.AlignCenter, shown)
                if self.selected == (row.key, c):
                    painter.setPen(palette.color(QPalette.Highlight))
                    painter.drawRect(rect.adjusted(1, 1, -2, -2))
        # row labels stay at the visible left edge when the grid scrolls sideways
        visible = self.visibleRegion().boundingRect()
        # on screen Qt paints only what is visible; an export (render, grab) asks for the whole grid,
        # whose labels then belong at its own left edge
        x0 = visible.left() if visible.contains(event.rect()) else 0
        painter.fillRect(QRect(x0, 0, left, self.height()), palette.color(QPalette.Window))
        painter.setPen(palette.color(QPalette.WindowText))
        for r, row in enumerate(self.rows):
            painter.drawText(QRect(x0, r * cell.height(), left - 6, cell.height()), Qt.AlignRight | Qt.AlignVCenter, row.label)
        painter.end()

    def follow(self, scroll_area) -> None:
        """Repaint on sideways scrolling (the labels move with the visible edge); fit the cells to its width."""
        scroll_area.horizontalScrollBar().valueChanged.connect(self.update)
        self._viewport = scroll_area.viewport()
        self._viewport.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self._viewport and event.type() == QEvent.Resize:
            self.updateGeometry()
            self.update()
        return False

    # interaction
    def mouseMoveEvent(self, event) -> None:
        hit = self.cell_at(int(event.position().x()), int(event.position().y()))
        text = self.tooltip(*hit) if hit and self.tooltip else ""
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event) -> None:
        hit = self.cell_at(int(event.position().x()), int(event.position().y()))
        if hit is not None and event.button() == Qt.LeftButton:
            self.selected = hit
            self.update()
            self.cell_clicked.emit(*hit)
