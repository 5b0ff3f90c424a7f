"""One head of one layer in both runs, as two heatmaps on one colour scale, with one colour bar beside them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from viz.ui.attention.heatmap import HeatmapDetail
from viz.ui.attention.style import (FontScale, colorize, colormap, lookup_table, set_colorbar_range,
                                    style_colorbar)
from viz.ui.compare.side_frame import captioned


class ScaledHeatmap(HeatmapDetail):
    """A heatmap whose top colour the caller chooses, so that two of them read alike; its colour bar is left out
    (the pair shows one for both)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.graphics.removeItem(self.colorbar)
        self.set_presenting(True)  # two pictures share the room: the hints live in their tooltips

    def show_on_scale(self, matrix: np.ndarray, top: float, query_labels, key_labels, masked,
                      axis_titles: tuple[str, str]) -> None:
        self.show_matrix(matrix, query_labels, key_labels, masked, "", axis_titles)
        self.image.setImage(colorize(self.matrix, top, lookup_table(), masked), autoLevels=False)


class SharedColourBar(pg.GraphicsLayoutWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=colormap(), interactive=False, colorMapMenu=False,
                                   width=22, label=self.tr("attention weight"))
        self.addItem(self.bar, row=0, col=0)
        self.set_scale(1.0)

    def set_top(self, top: float) -> None:
        set_colorbar_range(self.bar, top)

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        style_colorbar(self.bar, self.fonts.font())
        self.setFixedWidth(int(self.bar.axis.width() + 22 + 2 * self.fonts.font().pointSizeF() + 8))


class AttentionPair(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.map_a, self.map_b = ScaledHeatmap(self), ScaledHeatmap(self)
        box_a, self.caption_a = captioned(self, self.map_a)
        box_b, self.caption_b = captioned(self, self.map_b)
        self.colour_bar = SharedColourBar(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box_a, 1)
        layout.addWidget(box_b, 1)
        layout.addWidget(self.colour_bar)

    def show_head(self, pair, kind: str, layer: int, head: int, captions: tuple[str, str],
                  axis_titles: tuple[str, str]) -> None:
        from viz.core.attention import masked_positions

        traces = (pair.trace_a, pair.trace_b)
        matrices = [trace.attention(kind, layer, head) for trace in traces]  # [query, key] each
        masks = [masked_positions(trace, kind, layer) for trace in traces]
        top = max(_visible_top(m, mask) for m, mask in zip(matrices, masks))
        for heatmap, trace, matrix, mask in zip((self.map_a, self.map_b), traces, matrices, masks):
            queries, keys = trace.labels(kind)
            heatmap.show_on_scale(matrix, top, queries, keys, mask, axis_titles)
        self.caption_a.setText(captions[0])
        self.caption_b.setText(captions[1])
        self.colour_bar.set_top(top)
        self.top = top

    def set_scale(self, factor: float) -> None:
        self.map_a.set_scale(factor)
        self.map_b.set_scale(factor)
        self.colour_bar.set_scale(factor)


def _visible_top(matrix: np.ndarray, masked: np.ndarray | None) -> float:
    """The largest weight the model lets a query see (the heatmap's own rule), 1 for an empty head."""
    visible = matrix[~masked] if masked is not None else matrix.ravel()
    top = float(visible.max()) if visible.size else 1.0
    return top if top > 0 else 1.0
