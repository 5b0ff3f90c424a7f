"""The whole vocabulary as a 2-D point cloud, with the prompt's tokens and a selection picked out."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from viz.ui.embeddings import style
from viz.ui.embeddings.plot_base import PointPlot

MAX_LABELS = 60  # beyond this the labels hide the picture


class VocabularyPlot(PointPlot):
    """Every embedding row a point. Drawn as one ScatterPlotItem with a single brush and no outline:
    pyqtgraph then stamps one cached symbol per point, which keeps 50k points smooth to pan and zoom."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coords = np.zeros((0, 2), dtype=np.float32)  # [vocab, 2]
        self.labels: list[str] = []
        self.prompt_ids: list[int] = []
        self.selected = -1
        self.neighbour_ids: list[int] = []
        self.cloud = pg.ScatterPlotItem(pen=None, brush=pg.mkBrush(style.CLOUD), size=style.CLOUD_SIZE, pxMode=True)
        self.prompt_item = pg.ScatterPlotItem(pxMode=True)
        self.neighbour_item = pg.ScatterPlotItem(pxMode=True)
        self.selected_item = pg.ScatterPlotItem(pxMode=True, brush=None)
        for z, item in enumerate((self.cloud, self.neighbour_item, self.prompt_item, self.selected_item)):
            item.setZValue(z)
            self.addItem(item)
        self._text_items: list[pg.TextItem] = []
        self._restyle()

    def set_points(self, coords: np.ndarray, labels) -> None:
        """New vocabulary coordinates `[vocab, >=2]`; the highlights are kept and moved."""
        self.coords = np.ascontiguousarray(coords[:, :2], dtype=np.float32)
        self.labels = list(labels)
        self.cloud.setData(x=self.coords[:, 0], y=self.coords[:, 1])
        self._restyle()
        self._set_pickable(self.coords, self.labels)
        self._redraw_highlights()
        self.getPlotItem().enableAutoRange()
        self.autoRange()

    def clear_points(self) -> None:
        self.coords = np.zeros((0, 2), dtype=np.float32)
        self.labels = []
        self.cloud.setData(x=[], y=[])
        self._set_pickable(self.coords, [])
        self._redraw_highlights()

    def set_prompt(self, ids) -> None:
        """Highlight and label the prompt's tokens (each vocabulary entry once)."""
        self.prompt_ids = list(dict.fromkeys(int(i) for i in ids))
        self._redraw_highlights()

    def set_selection(self, index: int, neighbour_ids=()) -> None:
        self.selected = index
        self.neighbour_ids = [int(i) for i in neighbour_ids]
        self._redraw_highlights()

    def center_on(self, index: int) -> None:
        """Pan (keeping the zoom) so a searched-for token is in view."""
        box = self.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        x, y = self.coords[index]
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            box.translateBy(x=x - (x0 + x1) / 2, y=y - (y0 + y1) / 2)

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        self._restyle()
        self._redraw_highlights()

    def _valid(self, ids) -> list[int]:
        return [i for i in ids if 0 <= i < len(self.coords)]

    def _restyle(self) -> None:
        s = self.scale
        size, colour = style.cloud_look(len(self.coords))
        self.cloud.setSize(size * s**0.5)  # 50k dots grown as much as the text would merge into one blob
        self.cloud.setBrush(pg.mkBrush(colour))
        edge = pg.mkPen(self.foreground(), width=1.2 * s)
        self.prompt_item.setSymbol("o")
        self.prompt_item.setSize(style.PROMPT_SIZE * s)
        self.prompt_item.setBrush(pg.mkBrush(style.PROMPT))
        self.prompt_item.setPen(edge)
        self.neighbour_item.setSize(style.NEIGHBOUR_SIZE * s)
        self.neighbour_item.setBrush(pg.mkBrush(style.NEIGHBOUR))
        self.neighbour_item.setPen(edge)
        self.selected_item.setSize(style.SELECTED_SIZE * s)
        self.selected_item.setPen(pg.mkPen(self.foreground(), width=2.5 * s))

    def _redraw_highlights(self) -> None:
        for item in self._text_items:
            self.removeItem(item)
        self._text_items = []
        prompt = self._valid(self.prompt_ids)
        neighbours = self._valid(self.neighbour_ids)
        selected = self._valid([self.selected])
        for item, ids in ((self.prompt_item, prompt), (self.neighbour_item, neighbours), (self.selected_item, selected)):
            item.setData(x=self.coords[ids, 0], y=self.coords[ids, 1])
        shown = dict.fromkeys(selected + prompt + neighbours)  # a token labelled once, selection first
        for i in list(shown)[:MAX_LABELS]:
            colour = pg.mkColor(style.NEIGHBOUR) if i in neighbours and i not in prompt else None
            self._text_items.append(self._label(self.labels[i], *self.coords[i], colour=colour, bold=i in selected))
