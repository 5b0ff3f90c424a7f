"""A 2-D pyqtgraph plot that names the point under the mouse and reports clicks on points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor

from viz.ui.embeddings import style
from viz.ui.embeddings.hover import nearest_on_screen


class PointPlot(pg.PlotWidget):
    """Subclasses call `_set_pickable(points, names)`; hover shows a name, a click emits the index."""

    point_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scale = 1.0
        self.base_points = style.point_size(self.font())  # the font size at scale 1
        self._pick_points = np.zeros((0, 2))  # [n, 2] in data units
        self._pick_names: list[str] = []
        self.hovered = -1
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=True, alpha=0.15)
        for name in ("bottom", "left"):
            self.getAxis(name).enableAutoSIPrefix(False)  # "(x0.001)" after a title reads as part of it
        self._hover_ring = pg.ScatterPlotItem(size=16, brush=None)
        self._hover_ring.setZValue(30)
        self._hover_label = pg.TextItem("", anchor=(0, 1))
        self._hover_label.setZValue(31)
        self._hover_label.setVisible(False)
        self.addItem(self._hover_ring)
        self.addItem(self._hover_label)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._apply_fonts()

    # ---- for subclasses ----
    def _set_pickable(self, points: np.ndarray, names: list[str]) -> None:
        self._pick_points = np.asarray(points, dtype=np.float64)[:, :2]
        self._pick_names = names
        self.set_hovered(-1)

    def _label(self, text: str, x: float, y: float, colour=None, bold: bool = False) -> pg.TextItem:
        item = pg.TextItem(text, anchor=(0.5, 1.15), color=colour or self.foreground(), fill=self.label_fill())
        item.setFont(style.scaled_font(self.font(), self.base_points, self.scale, bold))
        item.setPos(x, y)
        item.setZValue(20)
        self.addItem(item)
        return item

    def _apply_fonts(self) -> None:
        """Axis text and the hover label follow the widget font times the presentation scale."""
        font = style.scaled_font(self.font(), self.base_points, self.scale)
        for name in ("bottom", "left"):
            axis = self.getAxis(name)
            axis.setTickFont(font)
            axis.label.setFont(font)
        self._hover_label.setFont(style.scaled_font(self.font(), self.base_points, self.scale, bold=True))
        # the theme may have changed since: re-read its foreground and background
        self._hover_label.setColor(self.foreground())
        self._hover_label.fill = pg.mkBrush(self.label_fill())
        self._hover_ring.setPen(pg.mkPen(self.foreground(), width=2 * self.scale))
        self._hover_ring.setSize(16 * self.scale)

    def foreground(self) -> QColor:
        return style.plot_colours(self)[0]

    def label_fill(self) -> QColor:
        return style.label_fill(style.plot_colours(self)[1])

    def set_axis_titles(self, x: str, y: str) -> None:
        self.setLabel("bottom", x)
        self.setLabel("left", y)
        self._apply_fonts()

    def set_scale(self, factor: float) -> None:
        self.scale = factor
        self._apply_fonts()

    # ---- hover and click ----
    def index_at(self, scene_pos: QPointF) -> int:
        """The pickable point within a few pixels of a scene position, or -1."""
        box = self.getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos) or len(self._pick_points) == 0:
            return -1
        point = box.mapSceneToView(scene_pos)
        width, height = box.viewPixelSize()
        return nearest_on_screen(self._pick_points, (point.x(), point.y()), (width, height), style.HOVER_RADIUS * self.scale)

    def set_hovered(self, index: int) -> None:
        self.hovered = index
        if index < 0 or index >= len(self._pick_points):
            self._hover_ring.setData([], [])
            self._hover_label.setVisible(False)
            return
        x, y = self._pick_points[index]
        self._hover_ring.setData([x], [y])
        self._hover_label.setText(self._pick_names[index])
        self._hover_label.setPos(x, y)
        self._hover_label.setVisible(True)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        index = self.index_at(scene_pos)
        if index != self.hovered:
            self.set_hovered(index)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        if event.double():  # back to the whole picture after zooming in (the plot menu is off: no fiddling)
            self.autoRange()
            return
        index = self.index_at(event.scenePos())
        if index >= 0:
            self.point_clicked.emit(index)
