"""The 3-D picture in pyqtgraph's OpenGL view; made only after `opengl.unavailable_reason()` is None."""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viz.ui.embeddings import style

log = logging.getLogger(__name__)
MAX_LABELS = 60
EXTENT = 10.0  # the data is scaled to fit this half-width, so the camera distance is always right


def make_scene(parent=None) -> tuple["Scene3D | None", str | None]:
    """The scene, or None and why not: a driver may report OpenGL and still fail to make the widget."""
    try:
        return Scene3D(parent), None
    except Exception as exc:  # any driver or PyOpenGL failure means "no 3-D here", never a crash
        log.exception("the 3-D view could not be made")
        return None, str(exc)


def _rgba(colour, alpha: float | None = None) -> tuple[float, float, float, float]:
    c = pg.mkColor(colour)
    return (c.redF(), c.greenF(), c.blueF(), c.alphaF() if alpha is None else alpha)


def _filled(count: int, rgba, size: float) -> dict:
    """Per-point colour and size arrays. Always arrays: pyqtgraph 0.14 fails to paint a scatter item
    whose colour went from an array to a single tuple between two paints."""
    return {
        "color": np.tile(np.asarray(rgba, dtype=np.float32), (count, 1)),
        "size": np.full(count, size, dtype=np.float32),
    }


_EMPTY = {"pos": np.zeros((0, 3), dtype=np.float32), **_filled(0, (0, 0, 0, 0), 1.0)}


def _fit(coords: np.ndarray) -> np.ndarray:
    """Centre and scale to the scene's extent: embedding spreads range from 0.01 to 100."""
    flat = coords.reshape(-1, 3)
    centre = (flat.max(axis=0) + flat.min(axis=0)) / 2 if len(flat) else np.zeros(3)
    spread = np.abs(flat - centre).max() if len(flat) else 1.0
    return ((coords - centre) * (EXTENT / spread if spread > 0 else 1.0)).astype(np.float32)


class Scene3D(QWidget):
    """Drag to turn, wheel to zoom (pyqtgraph's orbit camera)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        import pyqtgraph.opengl as gl

        self._gl = gl
        self.scale = 1.0
        self.base_points = style.point_size(self.font())
        self.foreground = pg.mkColor(pg.getConfigOption("foreground"))
        self.view = gl.GLViewWidget(self)
        self.view.setCameraPosition(distance=2.6 * EXTENT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.cloud = gl.GLScatterPlotItem(pxMode=True)
        self.lines = gl.GLLinePlotItem(mode="lines", antialias=True)
        self.marks = gl.GLScatterPlotItem(pxMode=True)
        for item in (self.cloud, self.lines, self.marks):
            self.view.addItem(item)
        # pyqtgraph's default for scatter items is additive blending, which washes the marks out
        # to white where they sit on the cloud; ordinary translucency keeps their colours.
        for item in (self.cloud, self.marks, self.lines):
            item.setGLOptions("translucent")
        self._texts: list = []

    def set_scale(self, factor: float) -> None:
        self.scale = factor

    def set_colours(self, foreground: QColor, background: QColor) -> None:
        """The 2-D plots' colours, so the 3-D scene follows the theme too."""
        self.foreground = QColor(foreground)
        self.view.setBackgroundColor(background)

    def _clear_texts(self) -> None:
        for item in self._texts:
            self.view.removeItem(item)
        self._texts = []

    def _text(self, position, text: str, colour=None) -> None:
        font = style.scaled_font(self.font(), self.base_points, self.scale, True)
        colour = pg.mkColor(colour or self.foreground)
        item = self._gl.GLTextItem(pos=tuple(float(v) for v in position), text=text, color=colour, font=font)
        self.view.addItem(item)
        self._texts.append(item)

    def show_cloud(self, coords: np.ndarray, labels, prompt_ids, selected: int, neighbour_ids) -> None:
        """The vocabulary `[vocab, 3]` with the prompt, the selection and its neighbours marked."""
        self._clear_texts()
        points = _fit(coords[:, :3])
        s = self.scale
        size, colour = style.cloud_look(len(points))
        self.cloud.setData(pos=points, **_filled(len(points), _rgba(colour), size * s**0.5))
        self.lines.setData(pos=_EMPTY["pos"])
        marked = [(i, style.PROMPT, style.PROMPT_SIZE) for i in dict.fromkeys(prompt_ids)]
        marked += [(i, style.NEIGHBOUR, style.NEIGHBOUR_SIZE) for i in neighbour_ids]
        if selected >= 0:
            marked.append((selected, self.foreground, style.SELECTED_SIZE * 0.7))
        marked = [m for m in marked if 0 <= m[0] < len(points)]
        if marked:
            ids = [m[0] for m in marked]
            self.marks.setData(
                pos=points[ids], color=np.array([_rgba(m[1], 1.0) for m in marked]), size=np.array([m[2] * s for m in marked])
            )
        else:
            self.marks.setData(**_EMPTY)
        for i in list(dict.fromkeys(m[0] for m in marked))[:MAX_LABELS]:
            self._text(points[i], labels[i])

    def show_paths(self, coords: np.ndarray, labels, layer: int, selected: int) -> None:
        """Paths `[layer + 1, seq, 3]`: segments coloured by depth, the chosen layer's tokens labelled."""
        self._clear_texts()
        points = _fit(coords[..., :3])
        layers, seq, _ = points.shape
        s = self.scale
        self.cloud.setData(**_EMPTY)
        if layers < 2 or seq == 0:
            self.lines.setData(pos=_EMPTY["pos"])
        else:
            starts = points[:-1].reshape(-1, 3)  # [(layers - 1) * seq, 3]
            ends = points[1:].reshape(-1, 3)
            segments = np.stack([starts, ends], axis=1).reshape(-1, 3)  # start, end, start, end …
            depth = np.repeat(np.arange(layers - 1), seq * 2)
            colours = np.array([_rgba(style.layer_colour(l + 1, layers)) for l in depth])
            if 0 <= selected < seq:
                token = np.tile(np.repeat(np.arange(seq), 2), layers - 1)
                colours[token == selected] = _rgba(style.PROMPT, 1.0)
            self.lines.setData(pos=segments, color=colours, width=2.0 * s)
        here = points[layer]
        self.marks.setData(pos=here, **_filled(len(here), _rgba(style.layer_colour(layer, layers)), 12 * s))
        for t in range(min(seq, MAX_LABELS)):
            self._text(here[t], labels[t], style.PROMPT if t == selected else None)
