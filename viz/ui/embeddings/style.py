"""Colours and sizes shared by the 2-D and 3-D pictures; sizes grow with the presentation scale."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

# Categorical colours chosen to read on both a dark and a light plot background.
CLOUD = (33, 145, 140, 140)  # viridis mid-teal, translucent: dense regions look darker
PROMPT = (245, 130, 32)  # orange: the prompt's tokens
NEIGHBOUR = (196, 62, 166)  # magenta: nearest neighbours of the selection
PATH = (128, 128, 128, 150)  # grey trajectories
LAYERS = pg.colormap.get("viridis")  # layer 0 dark blue … last layer yellow

CLOUD_SIZE = 4.0  # for a GPT-2-sized vocabulary; smaller vocabularies get larger, bolder dots
PROMPT_SIZE = 11.0
NEIGHBOUR_SIZE = 9.0
SELECTED_SIZE = 22.0
HOVER_RADIUS = 8.0  # pixels


def cloud_look(points: int) -> tuple[float, tuple[int, int, int, int]]:
    """Dot size and colour for a cloud of `points`: 50k dots must stay small and see-through to show
    density, a few hundred can be big and solid enough to read on a projector."""
    if points >= 20_000:
        return CLOUD_SIZE, CLOUD
    if points >= 2_000:
        return CLOUD_SIZE + 1.5, CLOUD[:3] + (180,)
    return CLOUD_SIZE + 3.0, CLOUD[:3] + (220,)


def plot_colours(plot) -> tuple[QColor, QColor]:
    """(foreground, background) of a pyqtgraph plot as the theme left it: its axis text and its background.

    Read from the plot rather than pyqtgraph's global options, which a theme may not have changed.
    """
    background = QColor(plot.backgroundBrush().color())
    foreground = QColor(plot.getAxis("bottom").textPen().color())
    return foreground, background


def label_fill(background: QColor) -> QColor:
    """A translucent patch of the plot background behind labels, so they read over dense points."""
    colour = QColor(background)
    colour.setAlpha(190)
    return colour


def point_size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 72 / 96


def scaled_font(current: QFont, base_points: float, factor: float, bold: bool = False) -> QFont:
    """The widget's font at `factor` times its size at scale 1 (`base_points`).

    Presentation mode enlarges the application font itself, which the widget font already follows:
    taking the larger of the two sizes scales once, not twice.
    """
    font = QFont(current)
    font.setPointSizeF(max(point_size(current), base_points * factor))
    font.setBold(bold)
    return font


def layer_colour(layer: int, layers: int, alpha: int = 255) -> QColor:
    # viridis' darkest and lightest ends vanish on a black or a white background: keep to the middle
    colour = LAYERS.map(0.12 + 0.8 * layer / max(1, layers - 1), mode="qcolor")
    colour.setAlpha(alpha)
    return colour
