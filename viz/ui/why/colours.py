"""The two colours of signed scores (raised the prediction / lowered it), readable on light and dark backgrounds."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

POSITIVE = (214, 96, 22)  # orange: raised the explained token's log-probability
NEGATIVE = (35, 120, 200)  # blue: lowered it (orange/blue stays apart for red-green colour blindness)
STRONGEST = 0.85  # the largest score's share of colour over the background; text stays readable


def base_colour() -> QColor:
    return QApplication.palette().color(QPalette.Base)


def plot_background() -> QColor:
    """The plots' background (the theme sets it through pyqtgraph's config)."""
    import pyqtgraph as pg

    return pg.mkColor(pg.getConfigOption("background"))


def text_colour() -> QColor:
    return QApplication.palette().color(QPalette.Text)


def shade(score: float, largest: float, background: QColor | None = None) -> QColor:
    """The colour of `score` blended over `background` in proportion to |score| ÷ `largest`."""
    background = background or base_colour()
    share = 0.0 if largest <= 0 else min(1.0, abs(score) / largest) * STRONGEST
    hue = POSITIVE if score >= 0 else NEGATIVE
    bg = (background.red(), background.green(), background.blue())
    r, g, b = (round(c * share + k * (1 - share)) for c, k in zip(hue, bg))
    return QColor(r, g, b)


def readable_text_on(colour: QColor) -> QColor:
    luma = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return QColor("#000000") if luma > 0.45 else QColor("#ffffff")


def diverging_lut(background: QColor | None = None) -> np.ndarray:
    """256 RGBA rows from blue (−1) through the background (0) to orange (+1), for maps of signed values."""
    background = background or plot_background()
    rows = np.zeros((256, 4), dtype=np.uint8)
    for i in range(256):
        value = (i - 127.5) / 127.5
        colour = shade(value, 1.0, background)
        rows[i] = (colour.red(), colour.green(), colour.blue(), 255)
    return rows


def colourize_signed(values: np.ndarray, largest: float, lut: np.ndarray) -> np.ndarray:
    """`[rows, cols, 4]` uint8 RGBA of signed `values` scaled by `largest`."""
    scaled = np.zeros_like(values, dtype=float) if largest <= 0 else np.clip(values / largest, -1, 1)
    index = np.round((np.nan_to_num(scaled) + 1) * 127.5).astype(np.int64).clip(0, 255)
    return lut[index]
