"""One attention matrix in detail: token labels on both axes, a colour bar, a hover readout and a pinned row."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from viz.core.attention import display_label, strongest_keys
from viz.ui.attention.style import (FontScale, colorize, colormap, hatch_brush, lookup_table, set_colorbar_range,
                                    style_colorbar)
from viz.ui.attention.token_axis import TokenAxis

HOVER_COLOUR = "#ff3b30"  # red: absent from viridis, so the outline never blends in
PIN_COLOUR = "#ff2bd6"


class HeatmapDetail(QWidget):
    """Rows are queries (the token doing the looking), columns are keys (the tokens looked at)."""

    row_pinned = Signal(object)  # query index or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self._title = ""
        self._lut = lookup_table()
        self.matrix = np.zeros((0, 0), dtype=np.float32)  # [query, key]
        self.masked: np.ndarray | None = None  # [query, key] bool
        self.query_labels: list[str] = []
        self.key_labels: list[str] = []
        self.pinned: int | None = None
        self.hovered: tuple[int, int] | None = None

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.query_axis = TokenAxis("left")
        self.key_axis = TokenAxis("bottom")
        self.plot = self.graphics.addPlot(row=0, col=0, axisItems={"left": self.query_axis, "bottom": self.key_axis})
        self.plot.invertY(True)
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.hatch = QGraphicsPathItem()
        self.hatch.setPen(QPen(Qt.NoPen))
        self.hatch.setBrush(hatch_brush())
        self.plot.addItem(self.hatch)
        self.hover_box = self._outline(HOVER_COLOUR, 2)
        self.pin_box = self._outline(PIN_COLOUR, 3)
        self.colorbar = pg.ColorBarItem(
            values=(0, 1), colorMap=colormap(), interactive=False, colorMapMenu=False, width=22,
            label=self.tr("attention weight"),
        )
        self.graphics.addItem(self.colorbar, row=0, col=1)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.query_axis.token_clicked.connect(self.pin_row)

        self.readout = QLabel(self)
        self.readout.setTextFormat(Qt.PlainText)
        self.readout.setWordWrap(True)
        self.presenting = False  # the notes then move to the picture's tooltip, so the heatmap grows
        self.pinned_label = QLabel(self)
        self.pinned_label.setTextFormat(Qt.PlainText)
        self.pinned_label.setWordWrap(True)
        self.mask_note = QLabel(self.tr("Hatched grey: masked. A token cannot attend to tokens after it."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.pinned_label)
        layout.addWidget(self.mask_note)
        self.set_scale(1.0)

    def _outline(self, colour: str, width: float) -> QGraphicsRectItem:
        box = QGraphicsRectItem()
        pen = QPen(QColor(colour), width)
        pen.setCosmetic(True)  # the same thickness at every zoom
        box.setPen(pen)
        box.setVisible(False)
        box.setZValue(10)
        self.plot.addItem(box)
        return box

    # content
    def show_matrix(self, matrix, query_labels, key_labels, masked=None, title="", axis_titles=("", ""),
                    scale_title: str | None = None) -> None:
        self.matrix = np.asarray(matrix)  # [query, key]
        self.masked = masked
        self.query_labels, self.key_labels = list(query_labels), list(key_labels)
        n_query, n_key = self.matrix.shape
        vmax = _colour_scale_top(self.matrix, masked)
        self.image.setImage(colorize(self.matrix, vmax, self._lut, masked), autoLevels=False)
        self.image.setRect(QRectF(0, 0, n_key, n_query))
        self.hatch.setPath(_masked_path(masked) if masked is not None else QPainterPath())
        set_colorbar_range(self.colorbar, vmax)
        self.colorbar.axis.setLabel(scale_title or self.tr("attention weight"))
        self.query_axis.set_labels(self.query_labels, axis_titles[0])
        self.key_axis.set_labels(self.key_labels, axis_titles[1])
        self._title = title
        self._show_title()
        self.plot.setRange(xRange=(0, n_key), yRange=(0, n_query), padding=0.01)
        window = masked is not None and bool(np.tril(masked).any())  # keys before the query hidden too
        self.mask_note.setText(
            self.tr("Hatched grey: masked. A token sees only the last few tokens before it (a sliding window).")
            if window else self.tr("Hatched grey: masked. A token cannot attend to tokens after it.")
        )
        self.hovered = None
        self.hover_box.setVisible(False)
        self.set_presenting(self.presenting)
        self.pin_row(self.pinned if self.pinned is not None and self.pinned < n_query else None)

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        hint = self.tr("Point at a cell to read its weight; click a row or a query token to pin it.")
        has_mask = self.masked is not None and bool(self.masked.any())
        self.mask_note.setVisible(has_mask and not on)
        if self.hovered is None:
            self.readout.setText("" if on else hint)
        tips = [hint] + ([self.mask_note.text()] if has_mask else [])
        self.graphics.setToolTip("\n".join(tips) if on else "")

    def pin_row(self, index: int | None) -> None:
        self.pinned = index
        self.query_axis.set_pinned(index)
        if index is None:
            self.pin_box.setVisible(False)
            self.pinned_label.setText("")
        else:
            self.pin_box.setRect(QRectF(0, index, self.matrix.shape[1], 1))
            self.pin_box.setVisible(True)
            top = "   ".join(
                self.tr("“{key}” {w:.3f}").format(key=display_label(self.key_labels[k]), w=w)
                for k, w in strongest_keys(self.matrix[index], 5)
            )
            self.pinned_label.setText(
                self.tr("Pinned “{query}” (#{i}) attends most to:   {top}").format(
                    query=display_label(self.query_labels[index]), i=index + 1, top=top
                )
            )
        self.row_pinned.emit(index)

    def cell_at_scene(self, scene_pos) -> tuple[int, int] | None:
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        row, col = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= row < self.matrix.shape[0] and 0 <= col < self.matrix.shape[1]:
            return row, col
        return None

    def scene_pos_of(self, row: int, col: int) -> QPointF:
        """The scene position of a cell's centre (what a mouse move over it reports)."""
        return self.plot.vb.mapViewToScene(QPointF(col + 0.5, row + 0.5))

    # mouse
    def _on_mouse_moved(self, scene_pos) -> None:
        cell = self.cell_at_scene(scene_pos)
        if cell == self.hovered:
            return
        self.hovered = cell
        if cell is None:
            self.hover_box.setVisible(False)
            return
        row, col = cell
        self.hover_box.setRect(QRectF(col, row, 1, 1))
        self.hover_box.setVisible(True)
        query, key = display_label(self.query_labels[row]), display_label(self.key_labels[col])
        if self.masked is not None and self.masked[row, col] and col > row:
            text = self.tr("Query “{q}” (#{i}) → key “{k}” (#{j}): masked, the key comes later").format(
                q=query, i=row + 1, k=key, j=col + 1  # numbered from 1, like layers and heads
            )
        elif self.masked is not None and self.masked[row, col]:
            text = self.tr("Query “{q}” (#{i}) → key “{k}” (#{j}): masked, outside the sliding window").format(
                q=query, i=row + 1, k=key, j=col + 1
            )
        else:
            text = self.tr("Query “{q}” (#{i}) → key “{k}” (#{j}): weight {w:.4f}").format(
                q=query, i=row + 1, k=key, j=col + 1, w=float(self.matrix[row, col])
            )
        self.readout.setText(text)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        cell = self.cell_at_scene(event.scenePos())
        if cell is not None:
            self.pin_row(None if self.pinned == cell[0] else cell[0])

    # presentation
    def _show_title(self) -> None:
        self.plot.setTitle(self._title or None, size=f"{self.fonts.font(1.3).pointSizeF():.0f}pt")

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self._show_title()
        font = self.fonts.font()
        self.query_axis.set_font(font)
        self.key_axis.set_font(font)
        style_colorbar(self.colorbar, font)
        for label in (self.readout, self.pinned_label):
            label.setFont(self.fonts.font(1.15))
        self.mask_note.setFont(self.fonts.font())
        for box, width in ((self.hover_box, 2), (self.pin_box, 3)):
            pen = box.pen()
            pen.setWidthF(self.fonts.width(width))
            box.setPen(pen)


def _masked_path(masked: np.ndarray) -> QPainterPath:
    """The outline of the masked cells: one staircase when each row's mask is a suffix (causal)."""
    path = QPainterPath()
    n_query, n_key = masked.shape
    if not masked.any():
        return path
    starts = np.where(masked.any(axis=1), masked.argmax(axis=1), n_key)  # first masked key per row
    suffix = all(masked[i, starts[i]:].all() for i in range(n_query))
    if suffix:
        points = [QPointF(n_key, 0)]
        for row, start in enumerate(starts):
            points += [QPointF(float(start), row), QPointF(float(start), row + 1)]
        points.append(QPointF(n_key, n_query))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
        return path
    # Otherwise one rectangle per run of masked cells in a row (a sliding window: the keys too far back).
    edges = np.diff(np.pad(masked.astype(np.int8), ((0, 0), (1, 1))), axis=1)  # [query, key + 1]: +1 starts, -1 ends
    for row in range(n_query):
        run_starts, run_ends = np.flatnonzero(edges[row] == 1), np.flatnonzero(edges[row] == -1)
        for start, end in zip(run_starts, run_ends):
            path.addRect(QRectF(float(start), float(row), float(end - start), 1))
    return path


def _colour_scale_top(matrix: np.ndarray, masked: np.ndarray | None) -> float:
    """The weight shown as the top colour: the largest visible weight, so the colour bar covers every cell
    (under a causal mask that is the first query's 1.0, which sees only itself)."""
    visible = matrix[~masked] if masked is not None else matrix.ravel()
    top = float(visible.max()) if visible.size else 1.0
    return top if top > 0 else 1.0
