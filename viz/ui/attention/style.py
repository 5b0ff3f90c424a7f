"""Colours and fonts shared by the attention widgets: one colour map, one look for masked positions."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from viz.ui.ui_scale import unscaled_points

COLORMAP_NAME = "viridis"  # perceptually uniform, readable in grey and by most colour-blind viewers
# Masked positions: a hue-free grey, distinct from every viridis colour, hatched where space allows.
MASKED_RGBA = (172, 172, 172, 255)
HATCH_RGBA = (96, 96, 96, 255)


def colormap() -> pg.ColorMap:
    return pg.colormap.get(COLORMAP_NAME)


def lookup_table() -> np.ndarray:
    """The colour map as 256 RGBA rows (uint8)."""
    return colormap().getLookupTable(nPts=256, alpha=True)  # [256, 4]


def colorize(values: np.ndarray, vmax: float, lut: np.ndarray, masked: np.ndarray | None = None) -> np.ndarray:
    """RGBA image (`[rows, cols, 4]` uint8) of `values` scaled to 0…vmax; NaN transparent, masked grey.

    Pure numpy, so it can run on a worker thread.
    """
    finite = np.isfinite(values)
    scale = 255.0 / vmax if vmax > 0 else 0.0
    index = np.clip(np.nan_to_num(values, nan=0.0) * scale, 0, 255).astype(np.uint8)
    rgba = lut[index]  # [rows, cols, 4]
    rgba[~finite] = 0
    if masked is not None:
        rgba[masked] = MASKED_RGBA
    return rgba


def color_at(value: float, vmax: float, lut: np.ndarray) -> QColor:
    index = int(np.clip(value / vmax * 255, 0, 255)) if vmax > 0 else 0
    r, g, b, a = (int(c) for c in lut[index])
    return QColor(r, g, b, a)


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    luma = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF()
    return QColor(Qt.black) if luma > 0.45 else QColor(Qt.white)


def masked_brush() -> QBrush:
    return QBrush(QColor(*MASKED_RGBA))


def hatch_brush() -> QBrush:
    return QBrush(QColor(*HATCH_RGBA), Qt.BDiagPattern)


def style_colorbar(bar: pg.ColorBarItem, font: QFont) -> None:
    """Fonts for a colour bar's ticks and title, with room above and below so the end labels show."""
    bar.axis.setTickFont(font)
    bar.getAxis("left").label.setFont(font)
    metrics = QFontMetricsF(font)
    half_line = metrics.height() / 2
    bar.layout.setContentsMargins(0, half_line, 0, half_line)
    # Room for labels like "0.25" and the rotated title: pyqtgraph keeps the axis at its first
    # width and hides the labels that no longer fit once the font grows.
    bar.axis.setWidth(math.ceil(metrics.horizontalAdvance("0.00") + 2.6 * half_line + 14))
    # pyqtgraph hides an end label that reaches more than 15 px past the axis: half a line of a
    # presentation-size font does.
    bar.axis.setStyle(hideOverlappingLabels=int(half_line) + 4)


def set_colorbar_range(bar: pg.ColorBarItem, top: float) -> None:
    """Colours from 0 to `top`, both ends always labelled, evenly spaced labels between them where
    they fit. (pyqtgraph always draws the first level of ticks and the next only while it is not
    crowded: with its own ticks and a presentation-size font the bar showed nothing but "0".)"""
    bar.setLevels(values=(0.0, top))
    step = _nice_step(top / 5)
    decimals = max(1, math.ceil(-math.log10(step)))
    inner = [step * i for i in range(1, int(top / step + 1e-9) + 1) if step * i < top - step / 2]
    top_decimals = decimals if abs(round(top, decimals) - top) < 1e-9 else decimals + 1
    bar.axis.setTicks([[(0.0, "0"), (top, f"{top:.{top_decimals}f}")],
                       [(v, f"{v:.{decimals}f}") for v in inner]])


def _nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough * (1 - 1e-9))


class FontScale:
    """Fonts for painted items (pyqtgraph, custom painting) that grow with presentation mode.

    Qt widgets follow the application font; painted items take the larger of the widget's current
    font and the font at start-up times the presentation factor, so a scaled application font is
    not scaled twice.
    """

    def __init__(self, widget: QWidget):
        self.widget = widget
        self.base_points = unscaled_points(widget.font())
        self.factor = 1.0

    def font(self, relative: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.widget.font())
        points = max(font.pointSizeF(), self.base_points * self.factor) * relative
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def width(self, base: float = 1.0) -> float:
        return base * self.factor
