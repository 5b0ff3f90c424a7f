"""Every layer × head of one attention kind as thumbnails in a single image; click one to open it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QMenu, QVBoxLayout, QWidget

from viz.core.attention_pool import OverviewGrid, grid_from_pooled
from viz.core.head_patterns import FIRST, NEXT, PREVIOUS, SELF, HeadPattern
from viz.ui.attention.style import FontScale, colorize, colormap, set_colorbar_range, style_colorbar
from viz.ui.numbers import decimal, significant

HOVER_COLOUR = "#ff3b30"


def render_overview(trace, kind: str, lut: np.ndarray):
    """Pool and colour the whole grid: (OverviewGrid, `[rows, cols, 4]` RGBA). No Qt, for a worker thread.

    The trace pools every head a block of query rows at a time (see `Trace.attention_summary`)."""
    summary = trace.attention_summary(kind)
    grid = grid_from_pooled(summary.pooled, summary.head_max, summary.masked)
    return grid, colorize(grid.values, 1.0, lut, grid.masked)  # [rows, cols, 4]


class AttentionOverview(QWidget):
    """One image of layers (rows) × heads (columns); each row of a cell scaled to its largest weight."""

    cell_clicked = Signal(int, int)  # layer, head
    knockout_requested = Signal(int, int)  # layer, head: Shift-click or the context menu's "Knock out this head"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self._title = ""
        self.grid: OverviewGrid | None = None
        self.hovered: tuple[int, int] | None = None
        self._scores: dict = {}  # pattern -> [layer, head] mean weights, for the hover
        self._even, self._causal = 0.0, False
        self.differences: np.ndarray | None = None  # [layer, head] total variation against a compared run B
        self.compared_with = ""  # run B's name
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.plot = self.graphics.addPlot(row=0, col=0)
        self.plot.invertY(True)
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(x=False, y=False)  # a fixed picture: nothing to fiddle with
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showAxis("top")
        self.plot.hideAxis("bottom")
        for name in ("top", "left"):
            self.plot.getAxis(name).setStyle(tickLength=0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.hover_box = QGraphicsRectItem()
        pen = QPen(QColor(HOVER_COLOUR), 3)
        pen.setCosmetic(True)
        self.hover_box.setPen(pen)
        self.hover_box.setVisible(False)
        self.hover_box.setZValue(10)
        self.plot.addItem(self.hover_box)
        self.colorbar = pg.ColorBarItem(
            values=(0, 1), colorMap=colormap(), interactive=False, colorMapMenu=False, width=22,
            label=self.tr("weight ÷ row maximum"),
        )
        set_colorbar_range(self.colorbar, 1.0)
        self.graphics.addItem(self.colorbar, row=0, col=1)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.readout = QLabel(self)
        self.readout.setTextFormat(Qt.PlainText)
        self.readout.setWordWrap(True)
        self.patterns = QLabel(self)  # the strongest head for each textbook pattern, as links
        self.patterns.setWordWrap(True)
        self.patterns.setTextFormat(Qt.RichText)
        self.patterns.setTextInteractionFlags(Qt.LinksAccessibleByMouse | Qt.LinksAccessibleByKeyboard)
        self.patterns.linkActivated.connect(self._on_pattern_link)
        self.patterns.setVisible(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.presenting = False  # the note then moves to the picture's tooltip, so the thumbnails grow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.patterns)
        layout.addWidget(self.note)
        self.set_scale(1.0)

    def set_pending(self, message: str) -> None:
        """A new grid is being prepared: keep the old picture (no flicker) but stop answering the mouse."""
        self.grid = None
        self.hovered = None
        self.hover_box.setVisible(False)
        self.patterns.setVisible(False)
        self.readout.setText(message)

    def show_grid(self, grid: OverviewGrid, rgba: np.ndarray, title: str, pooled_from: int) -> None:
        self.grid = grid
        rows, cols = grid.values.shape
        self.image.setImage(rgba, autoLevels=False)
        self.image.setRect(QRectF(0, 0, cols, rows))
        top = [(h * grid.pitch_x + grid.cell_cols / 2, str(h + 1)) for h in range(grid.heads)]
        left = [(layer * grid.pitch_y + grid.cell_rows / 2, str(layer + 1)) for layer in range(grid.layers)]
        self.plot.getAxis("top").setTicks([top])
        self.plot.getAxis("left").setTicks([left])
        self.plot.getAxis("top").setLabel(self.tr("head"))
        self.plot.getAxis("left").setLabel(self.tr("layer"))
        self._title = title
        self._show_title()
        self.plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.01)
        self.hovered = None
        self.hover_box.setVisible(False)
        self.readout.setText(self.tr("Point at a head to read it; click it to open it in detail; Shift-click to knock it out."))
        parts = []
        blocks = max(grid.cell_rows, grid.cell_cols)
        if pooled_from > blocks:
            parts.append(
                self.tr("Thumbnails shrink {n} positions to {m} blocks, keeping each block's largest weight.").format(
                    n=pooled_from, m=blocks
                )
            )
        parts.append(self.tr("Each row is scaled to its largest weight, so you see where each token looks most."))
        if grid.masked.any():
            parts.append(self.tr("Grey: masked (a token cannot attend to tokens after it)."))
        self.note.setText(" ".join(parts))
        self.set_presenting(self.presenting)

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        self.note.setVisible(not on)
        self.graphics.setToolTip(self.note.text() if on else "")

    def pattern_names(self) -> dict[str, str]:
        return {
            PREVIOUS: self.tr("previous token"),
            NEXT: self.tr("next token"),
            FIRST: self.tr("first token"),
            SELF: self.tr("the token itself"),
        }

    def show_patterns(self, strongest: list[HeadPattern], even: float, scores: dict | None = None,
                      causal: bool = False) -> None:
        """List the head that shows each textbook pattern most, each a link that opens it; none hides the line.

        `scores` (pattern -> `[layer, head]` mean weights) lets the hover name each head's leading pattern.
        In a causal head the first token can only look at itself, so every such head's largest weight is 1:
        its hover gives the pattern instead."""
        self._scores, self._even, self._causal = scores or {}, even, causal
        names = self.pattern_names()
        parts = [
            self.tr("{pattern}: <a href=\"{l}:{h}\">layer {L}, head {H}</a> ({w})").format(
                pattern=names[found.pattern], l=found.layer, h=found.head, L=found.layer + 1, H=found.head + 1,
                w=_weight(found.score),
            )
            for found in strongest
        ]
        self.patterns.setVisible(bool(parts))
        if not parts:
            self.patterns.clear()
            return
        lead = self.tr("Strongest heads for the textbook patterns (mean weight; {even} if spread evenly):").format(
            even=_weight(even)
        )
        self.patterns.setText(lead + " " + " · ".join(parts))

    def _on_pattern_link(self, link: str) -> None:
        layer, head = (int(part) for part in link.split(":"))
        self.cell_clicked.emit(layer, head)

    def cell_at_scene(self, scene_pos) -> tuple[int, int] | None:
        if self.grid is None or not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        return self.grid.cell_at(point.x(), point.y())

    def scene_pos_of(self, layer: int, head: int) -> QPointF:
        """The scene position of a thumbnail's centre."""
        grid = self.grid
        x = head * grid.pitch_x + grid.cell_cols / 2
        y = layer * grid.pitch_y + grid.cell_rows / 2
        return self.plot.vb.mapViewToScene(QPointF(x, y))

    def _on_mouse_moved(self, scene_pos) -> None:
        cell = self.cell_at_scene(scene_pos)
        if cell == self.hovered:
            return
        self.hovered = cell
        if cell is None:
            self.hover_box.setVisible(False)
            return
        layer, head = cell
        grid = self.grid
        self.hover_box.setRect(QRectF(head * grid.pitch_x, layer * grid.pitch_y, grid.cell_cols, grid.cell_rows))
        self.hover_box.setVisible(True)
        self.readout.setText(self._describe(layer, head))

    def set_differences(self, differences: np.ndarray | None, compared_with: str = "") -> None:
        """Per head, how differently run B (`compared_with`, from the Compare tab) attends: named on hover."""
        self.differences, self.compared_with = differences, compared_with

    def _describe(self, layer: int, head: int) -> str:
        text = self._describe_pattern(layer, head)
        d = self.differences
        if d is not None and layer < d.shape[0] and head < d.shape[1]:
            text += " " + self.tr("Against {b}: total variation {tv:.2f}.").format(b=self.compared_with,
                                                                             tv=float(d[layer, head]))
        return text

    def _describe_pattern(self, layer: int, head: int) -> str:
        scores, even = self._scores, self._even
        leading = max(scores, key=lambda name: scores[name][layer, head]) if scores else None
        if leading is not None and scores[leading][layer, head] <= even:
            leading = None  # no stronger than an even spread: no pattern to name
        words = {"l": layer + 1, "h": head + 1, "m": float(self.grid.head_max[layer, head]), "even": _weight(even)}
        if leading is not None:
            words.update(pattern=self.pattern_names()[leading], w=_weight(scores[leading][layer, head]))
        if self._causal and leading is None:
            return self.tr("Layer {l}, head {h}: no textbook pattern stands out. Click to open it.").format(**words)
        if self._causal:
            return self.tr("Layer {l}, head {h}: looks most at: {pattern} (mean weight {w}; {even} if spread "
                           "evenly). Click to open it.").format(**words)
        if leading is None:
            return self.tr("Layer {l}, head {h}: largest weight {m:.3f}. Click to open it.").format(**words)
        return self.tr("Layer {l}, head {h}: largest weight {m:.3f}; looks most at: {pattern} (mean weight {w}; "
                       "{even} if spread evenly). Click to open it.").format(**words)

    def _on_mouse_clicked(self, event) -> None:
        cell = self.cell_at_scene(event.scenePos())
        if cell is None:
            return
        if event.button() == Qt.RightButton:
            menu = QMenu(self)
            menu.addAction(self.tr("Knock out this head"), lambda: self.knockout_requested.emit(*cell))
            menu.exec(event.screenPos().toPoint())
        elif event.button() == Qt.LeftButton and event.modifiers() & Qt.ShiftModifier:
            self.knockout_requested.emit(*cell)
        elif event.button() == Qt.LeftButton:
            self.cell_clicked.emit(*cell)

    def _show_title(self) -> None:
        self.plot.setTitle(self._title or None, size=f"{self.fonts.font(1.3).pointSizeF():.0f}pt")

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self._show_title()
        font = self.fonts.font()
        for name in ("top", "left"):
            axis = self.plot.getAxis(name)
            axis.setTickFont(font)
            axis.label.setFont(font)
        style_colorbar(self.colorbar, font)
        self.readout.setFont(self.fonts.font(1.15))
        self.note.setFont(font)
        self.patterns.setFont(font)
        if self.patterns.text():  # laid out again, so the links take the (new) theme's link colour
            text = self.patterns.text()
            self.patterns.clear()
            self.patterns.setText(text)
        pen = self.hover_box.pen()
        pen.setWidthF(self.fonts.width(3))
        self.hover_box.setPen(pen)


def _weight(value: float) -> str:
    """A mean attention weight: two decimals, or two significant digits when small (over thousands of keys an
    even spread is 0.00012, not 0.00), as the chosen language writes numbers."""
    value = float(value)
    return decimal(value, 2) if value >= 0.095 else significant(value, 2)
