"""Layers × heads: how differently each head of run B attends than the same head of run A (total variation)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viz.ui.attention.kind_names import kind_names
from viz.ui.scale.numbers import decimal
from viz.ui.why.maps import SignedMap


class HeadsPanel(QWidget):
    head_clicked = Signal(str, int, int)  # kind, layer, head

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.kind_names = kind_names()
        self.kind = QComboBox(self)
        self.map = SignedMap(self)
        self.heads: dict | None = None
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.map, 1)
        self.kind.currentIndexChanged.connect(self._draw)
        self.map.cell_hovered.connect(self._on_hover)
        self.map.cell_clicked.connect(self._on_click)
        self.show_heads(None)

    def show_heads(self, heads: dict | None) -> None:
        """`heads`: attention kind -> `[layer, head]` mean total variation, or None (two texts: nothing to pair)."""
        self.heads = heads
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in heads or {}:
            self.kind.addItem(self.kind_names.get(kind, kind), kind)
        self.kind.blockSignals(False)
        self.kind.setVisible(self.kind.count() > 1)
        self.map.setVisible(bool(heads))
        self._draw()

    def _draw(self, *_args) -> None:
        values = self.current()
        if values is None:
            self.note.setText(self.tr("Compare the same text in another number format or on another model to see "
                                      "how differently each head attends."))
            return
        layers, heads = values.shape
        self.map.set_grid(layers, heads, [str(i + 1) for i in range(layers)], [str(i + 1) for i in range(heads)],
                          self.tr("layer"), self.tr("head"))
        self.map.show_values(values, largest=max(float(values.max()), 1e-12))
        self._describe(None)

    def current(self) -> np.ndarray | None:
        if not self.heads:
            return None
        return self.heads.get(self.current_kind())

    def current_kind(self) -> str | None:
        return (self.kind.currentData() or next(iter(self.heads))) if self.heads else None

    def _on_click(self, layer: int, head: int) -> None:
        if self.heads:
            self.head_clicked.emit(self.current_kind(), layer, head)

    def _on_hover(self, layer: int, head: int) -> None:
        self._describe((layer, head) if layer >= 0 else None)

    def _describe(self, cell) -> None:
        values = self.current()
        if values is None:
            return
        layer, head = cell if cell is not None else np.unravel_index(int(values.argmax()), values.shape)
        text = self.tr("Layer {layer}, head {head}: {value}").format(
            layer=layer + 1, head=head + 1, value=decimal(float(values[layer, head]), 3))
        if cell is None:
            text += " " + self.tr("(the largest)")
        self.note.setText(text)  # one line: the picture keeps the height (the explanation is the map's tooltip)
        self.map.setToolTip(
            self.tr("Each cell: how differently that head of B spreads its attention than the same head of A "
                    "(total variation, averaged over the queries; 0 alike, 1 disjoint). ")
            + self.tr("Click a cell to open that head of A in the Attention tab."))

    def table(self) -> list[list]:
        if not self.heads:
            return []
        rows = [["kind", "layer", "head", "total_variation"]]
        for kind, values in self.heads.items():
            rows += [[kind, layer + 1, head + 1, float(values[layer, head])]
                     for layer in range(values.shape[0]) for head in range(values.shape[1])]
        return rows

    def refresh(self) -> None:
        """Colours and axis titles again after a theme or font change."""
        self.map.refresh()
        self._draw()
