"""Plots that follow the widget font and presentation scale (fonts, line widths, markers)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from viz.ui.ui_scale import unscaled_points


class LogAxis(pg.AxisItem):
    """In log mode, labels on decades, and on 2× and 5× while fewer than two decades are in view.

    pyqtgraph labels every 2×…9× minor tick when a log axis spans less than three decades, and on a
    short axis those labels print on top of each other; the other minor ticks stay, unlabelled.
    """

    _labelled: tuple = ()

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        low, high = math.floor(minVal), math.ceil(maxVal)
        decades = [float(v) for v in range(low, high + 1) if minVal <= v <= maxVal]
        minor = [v + math.log10(m) for v in range(low - 1, high + 1) for m in range(2, 10)]
        minor = [x for x in minor if minVal < x < maxVal]
        labelled = decades
        if len(labelled) < 2:
            labelled = sorted(decades + [x for x in minor if round(10 ** (x % 1)) in (2, 5)])
        if len(labelled) < 2:
            labelled = sorted(decades + minor)
        self._labelled = tuple(labelled)
        return [(None, labelled), (None, [x for x in minor if x not in labelled])]

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        return [s if any(abs(v - x) < 1e-9 for x in self._labelled) else "" for v, s in zip(values, strings)]


class IntegerAxis(pg.AxisItem):
    """Ticks on whole numbers only (layers): never "1.5"."""

    def tickValues(self, minVal, maxVal, size):
        levels = [(spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size)
                  if spacing is not None and spacing >= 1 and float(spacing).is_integer()]
        if levels:
            return levels
        return [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]


class NarrowableTitle(pg.LabelItem):
    """A plot title that never holds its plot wider than the pane. pyqtgraph's LabelItem asks for its text's
    full width as its minimum (again on every setText, as a theme change does), which pushed the plot's right
    side out of narrow panes; this one asks for none (a long title is cut, or shrunk by `ScaledPlot`)."""

    def updateMin(self) -> None:
        super().updateMin()
        self.setMinimumWidth(0)
        self._sizeHint[Qt.SizeHint.MinimumSize] = (0, self._sizeHint[Qt.SizeHint.MinimumSize][1])


class ScaledPlot(pg.PlotWidget):
    """A PlotWidget whose axis fonts, labels, legend and line widths grow with `set_scale`."""

    def __init__(self, parent=None, title: str = "", bottom: str = "", left: str = "", legend: bool = True,
                 integer_x: bool = False):
        axes = {"left": LogAxis("left")}
        if integer_x:
            axes["bottom"] = IntegerAxis("bottom")
        super().__init__(parent, axisItems=axes)
        item = self.plotItem
        item.layout.removeItem(item.titleLabel)
        item.scene().removeItem(item.titleLabel)
        item.titleLabel = NarrowableTitle("", size="11pt", parent=item)
        item.layout.addItem(item.titleLabel, 0, 1)
        item.setTitle(None)
        self._labels = {"bottom": bottom, "left": left}
        self._title = title
        self.scale_factor = 1.0
        self.text_share = 1.0  # of the scaled size, that the title takes in a narrow pane
        self.on_resize = None  # e.g. re-space tick labels that depend on the width
        # The font at creation is the reference: presentation mode enlarges the application font AND calls
        # set_scale, so scaling the current font again would count the enlargement twice.
        self._base_points = unscaled_points(self.font()) or 10.0
        self.plotItem.showGrid(x=True, y=True, alpha=0.25)
        for side in ("bottom", "left"):
            self.plotItem.getAxis(side).enableAutoSIPrefix(False)  # errors near 1e-4 must read as 1e-4, not "100 µ"
        self.legend = self.plotItem.addLegend(offset=(-10, 10)) if legend else None
        self.setMinimumHeight(180)
        self.set_scale(1.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        callback = self.__dict__.get("on_resize")  # resizeEvent runs inside PlotWidget.__init__ already
        if "_title" in self.__dict__:
            self._fit_title()
        if callback is not None:
            callback()

    def _fit_title(self) -> None:
        """pyqtgraph lays a title out at its full width and keeps the plot at least that wide, cutting the plot's
        right side in a narrow pane (beside the F1 panel on a projector). There the title shrinks, down to 60 %,
        and never holds the plot wider than the pane."""
        points = self.base_point_size() * self.scale_factor * 1.1
        font = QFont(self.font())
        font.setPointSizeF(points)
        needed = QFontMetricsF(font).horizontalAdvance(self._title) + 24
        left = self.plotItem.getAxis("left")
        # the title sits above the plot area only; the left axis may still grow with its tick labels
        room = self.width() - (max(left.width(), 0.25 * self.width()) if left.isVisible() else 0)
        share = max(0.6, min(1.0, room / needed)) if self._title else 1.0
        self.text_share = share  # subclasses may size their annotations by it
        self.plotItem.setTitle(self._title, size=f"{points * share:.1f}pt")
        self.plotItem.setGeometry(self.range)  # no longer held at the width an earlier title asked for

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
        self._fit_title()
        if self.legend is not None:
            self.legend.setLabelTextSize(f"{points:.1f}pt")

    def pen(self, color: str, dashed: bool = False, width: float = 2.0):
        pen = pg.mkPen(QColor(color), width=width * self.scale_factor)
        if dashed:
            pen.setStyle(Qt.DashLine)
        return pen

    def symbol_size(self, size: float = 8.0) -> float:
        return size * self.scale_factor
