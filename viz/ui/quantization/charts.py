"""Plots that follow the widget font and presentation scale (fonts, line widths, markers)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont


class ScaledPlot(pg.PlotWidget):
    """A PlotWidget whose axis fonts, labels, legend and line widths grow with `set_scale`."""

    def __init__(self, parent=None, title: str = "", bottom: str = "", left: str = "", legend: bool = True):
        super().__init__(parent)
        self._labels = {"bottom": bottom, "left": left}
        self._title = title
        self.scale_factor = 1.0
        self.on_resize = None  # e.g. re-space tick labels that depend on the width
        # The font at creation is the reference: presentation mode enlarges the application font AND calls
        # set_scale, so scaling the current font again would count the enlargement twice.
        size = self.font().pointSizeF()
        self._base_points = size if size > 0 else 10.0
        self.plotItem.showGrid(x=True, y=True, alpha=0.25)
        for side in ("bottom", "left"):
            self.plotItem.getAxis(side).enableAutoSIPrefix(False)  # errors near 1e-4 must read as 1e-4, not "100 µ"
        self.legend = self.plotItem.addLegend(offset=(-10, 10)) if legend else None
        self.setMinimumHeight(180)
        self.set_scale(1.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        callback = self.__dict__.get("on_resize")  # resizeEvent runs inside PlotWidget.__init__ already
        if callback is not None:
            callback()

    def base_point_size(self) -> float:
        return self._base_points

    def set_texts(self, title: str | None = None, bottom: str | None = None, left: str | None = None) -> None:
        if title is not None:
            self._title = title
        if bottom is not None:
            self._labels["bottom"] = bottom
        if left is not None:
            self._labels["left"] = left
        self.set_scale(self.scale_factor)

    def set_scale(self, factor: float) -> None:
        self.scale_factor = factor
        points = self.base_point_size() * factor
        font = QFont(self.font())
        font.setPointSizeF(points)
        for side in ("bottom", "left"):
            axis = self.plotItem.getAxis(side)
            axis.setTickFont(font)
            axis.setStyle(tickTextOffset=int(4 * factor))
            # A label style replaces pyqtgraph's default one, colour included: keep the theme's foreground.
            color = pg.mkColor(pg.getConfigOption("foreground")).name()
            self.plotItem.setLabel(side, self._labels[side], **{"font-size": f"{points:.1f}pt", "color": color})
        self.plotItem.setTitle(self._title, size=f"{points * 1.1:.1f}pt")
        if self.legend is not None:
            self.legend.setLabelTextSize(f"{points:.1f}pt")

    def pen(self, color: str, dashed: bool = False, width: float = 2.0):
        pen = pg.mkPen(QColor(color), width=width * self.scale_factor)
        if dashed:
            pen.setStyle(Qt.DashLine)
        return pen

    def symbol_size(self, size: float = 8.0) -> float:
        return size * self.scale_factor
