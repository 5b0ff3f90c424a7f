"""The prompt's tokens moving through the layers: one path per token in a shared 2-D space."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from viz.ui.embeddings import style
from viz.ui.embeddings.plot_base import PointPlot


class PathsPlot(PointPlot):
    """Grey paths from the embedding layer to the last layer; a dot per layer coloured by depth
    (viridis: dark first, yellow last); the chosen layer drawn large and labelled with the tokens."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coords = np.zeros((0, 0, 2), dtype=np.float32)  # [layer + 1, seq, 2]
        self.labels: list[str] = []
        self.layer_names: list[str] = []
        self.layer = 0
        self.selected = -1
        self.paths = pg.PlotDataItem(connect="finite")
        self.dots = pg.ScatterPlotItem(pxMode=True, pen=None)
        self.selected_path = pg.PlotDataItem(connect="finite")
        self.current = pg.ScatterPlotItem(pxMode=True)
        for z, item in enumerate((self.paths, self.dots, self.selected_path, self.current)):
            item.setZValue(z)
            self.addItem(item)
        self._text_items: list[pg.TextItem] = []

    @property
    def layer_count(self) -> int:
        return self.coords.shape[0]

    def set_paths(self, coords: np.ndarray, labels, layer_names) -> None:
        """`coords [layer + 1, seq, >=2]`, one label per token, one name per layer."""
        self.coords = np.ascontiguousarray(coords[..., :2], dtype=np.float32)
        self.labels = list(labels)
        self.layer_names = list(layer_names)
        self.layer = min(self.layer, self.layer_count - 1) if self.layer_count else 0
        if self.selected >= len(self.labels):
            self.selected = -1
        layers, seq, _ = self.coords.shape
        # every (layer, token) point is pickable: the hover says which token at which layer
        flat = self.coords.reshape(layers * seq, 2)
        names = [f"{self.labels[t]} · {self.layer_names[l]}" for l in range(layers) for t in range(seq)]
        self._set_pickable(flat, names)
        self._redraw()
        self.getPlotItem().enableAutoRange()
        self.autoRange()

    def clear_paths(self) -> None:
        self.set_paths(np.zeros((0, 0, 2), dtype=np.float32), [], [])

    def set_layer(self, layer: int) -> None:
        self.layer = layer
        self._redraw()

    def set_selected(self, token: int) -> None:
        self.selected = token
        self._redraw()

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        self._redraw()

    def token_of_point(self, index: int) -> int:
        """The token a pickable point belongs to (points run layer by layer)."""
        seq = self.coords.shape[1]
        return index % seq if seq else -1

    @staticmethod
    def _joined(paths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Paths `[layer + 1, tokens, 2]` as one x/y pair with NaN breaks between tokens (one item, fast)."""
        layers, tokens, _ = paths.shape
        padded = np.full((tokens, layers + 1, 2), np.nan, dtype=np.float32)
        padded[:, :layers] = paths.transpose(1, 0, 2)
        flat = padded.reshape(-1, 2)
        return flat[:, 0], flat[:, 1]

    def _redraw(self) -> None:
        for item in self._text_items:
            self.removeItem(item)
        self._text_items = []
        layers, seq, _ = self.coords.shape
        s = self.scale
        if layers == 0 or seq == 0:
            for item in (self.paths, self.selected_path, self.dots, self.current):
                item.setData(x=[], y=[])
            return
        x, y = self._joined(self.coords)
        self.paths.setData(x=x, y=y, pen=pg.mkPen(style.PATH, width=1.5 * s))
        brushes = [pg.mkBrush(style.layer_colour(l, layers, 200)) for l in range(layers) for _ in range(seq)]
        flat = self.coords.reshape(-1, 2)
        self.dots.setData(x=flat[:, 0], y=flat[:, 1], brush=brushes, size=5 * s)
        if 0 <= self.selected < seq:
            x, y = self._joined(self.coords[:, [self.selected]])
            self.selected_path.setData(x=x, y=y, pen=pg.mkPen(style.PROMPT, width=3.5 * s))
        else:
            self.selected_path.setData(x=[], y=[])
        here = self.coords[self.layer]  # [seq, 2]
        self.current.setData(
            x=here[:, 0], y=here[:, 1], size=12 * s,
            brush=pg.mkBrush(style.layer_colour(self.layer, layers)), pen=pg.mkPen(self.foreground(), width=1.2 * s),
        )
        for t in range(seq):
            colour = pg.mkColor(style.PROMPT) if t == self.selected else None
            self._text_items.append(self._label(self.labels[t], *here[t], colour=colour, bold=t == self.selected))
