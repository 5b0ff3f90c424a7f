"""Signed maps as images: the heads grid (layers × heads; click a head to knock it out) and the patching map
(layers × positions)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from viz.ui.why.colours import colourize_signed, diverging_lut

MARK_COLOUR = "#d11a2a"  # outline of a knocked-out head


class SignedMap(pg.GraphicsLayoutWidget):
    """An image of rows × columns coloured from blue (−) through the background (0) to orange (+)."""

    cell_clicked = Signal(int, int)  # row, column
    cell_hovered = Signal(int, int)  # row, column; (-1, -1) when the pointer leaves the picture

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = self.addPlot(row=0, col=0)
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.values: np.ndarray | None = None
        self.shape = (0, 0)
        self._lut = diverging_lut()
        self._largest = 1.0
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_move)

    def set_grid(self, rows: int, cols: int, row_ticks: list[str], col_ticks: list[str], row_title: str, col_title: str):
        self.shape = (rows, cols)
        self.plot.getAxis("left").setTicks([[(r + 0.5, t) for r, t in enumerate(row_ticks)]])
        self.plot.getAxis("bottom").setTicks([[(c + 0.5, t) for c, t in enumerate(col_ticks)]])
        self._titles = {"left": row_title, "bottom": col_title}
        self._apply_titles()
        self.plot.setRange(xRange=(0, max(cols, 1)), yRange=(0, max(rows, 1)), padding=0.01)
        if self.values is None or self.values.shape != (rows, cols):
            self.show_values(np.zeros((rows, cols)))

    def show_values(self, values: np.ndarray, largest: float | None = None) -> None:
        self.values = values
        finite = np.abs(values[np.isfinite(values)])
        self._largest = largest if largest is not None else (float(finite.max()) if finite.size else 1.0)
        self.image.setImage(colourize_signed(values, self._largest, self._lut), autoLevels=False)
        self.image.setRect(QRectF(0, 0, values.shape[1], values.shape[0]))

    def _apply_titles(self) -> None:
        """Axis titles in the axis text's colour (the theme's) and as large as the ticks (projector fonts)."""
        for side, title in getattr(self, "_titles", {}).items():
            axis = self.plot.getAxis(side)
            self.plot.setLabel(side, title, color=axis.textPen().color().name(),
                               **{"font-size": f"{self.font().pointSizeF():.0f}pt"})

    def refresh(self) -> None:
        """Colours again after a theme change (0 is the background colour)."""
        self._apply_titles()
        self._lut = diverging_lut()
        if self.values is not None:
            self.show_values(self.values, self._largest)

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        rows, cols = self.shape
        if not rows or not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        row, col = int(np.floor(point.y())), int(np.floor(point.x()))
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def _on_click(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.cell_clicked.emit(*cell)

    def _on_move(self, scene_pos) -> None:
        cell = self.cell_at(scene_pos)
        self.cell_hovered.emit(*(cell if cell is not None else (-1, -1)))


class HeadGrid(SignedMap):
    """Layers × heads; knocked-out heads are outlined."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._marks: list[QGraphicsRectItem] = []
        self._width = 3.0

    def mark(self, cells: set[tuple[int, int]]) -> None:
        for item in self._marks:
            self.plot.removeItem(item)
        self._marks = []
        for layer, head in sorted(cells):
            box = QGraphicsRectItem(head + 0.08, layer + 0.08, 0.84, 0.84)
            pen = QPen(QColor(MARK_COLOUR), self._width)
            pen.setCosmetic(True)
            box.setPen(pen)
            box.setZValue(10)
            self.plot.addItem(box)
            self._marks.append(box)

    def set_line_width(self, width: float) -> None:
        self._width = width
        for box in self._marks:
            pen = box.pen()
            pen.setWidthF(width)
            box.setPen(pen)
