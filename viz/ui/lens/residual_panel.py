"""Norm of the residual stream per layer and position: massive activations and attention sinks stand out."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from viz.ui.lens.cell_grid import CellGrid, GridRow, sequential
from viz.ui.lens.text import cell_text, number, quoted


class ResidualPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.note = QLabel(self.tr("Length (L2 norm) of the residual stream after each layer, log colour scale. "
                                   "A bright column is a token the model parks huge values on (often the first: an attention sink)."), self)
        self.note.setWordWrap(True)
        self.grid = CellGrid(cell_chars=4, parent=self)
        self.grid.tooltip = self._tooltip
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.grid.follow(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def _blocks(self):
        r = self.result
        blocks = [("", r.residual_norms, r.tokens)]
        if r.encoder_norms is not None:
            blocks.insert(0, (self.tr("encoder "), r.encoder_norms, r.encoder_tokens))
        return blocks

    def set_result(self, result) -> None:
        self.result = result
        everything = np.concatenate([b[1].ravel() for b in self._blocks()])
        low, high = np.log(everything.min() + 1e-6), np.log(everything.max() + 1e-6)
        rows = []
        for prefix, norms, tokens in self._blocks():
            for layer in range(norms.shape[0] - 1, -1, -1):
                shade = (np.log(norms[layer] + 1e-6) - low) / ((high - low) or 1.0)
                label = prefix + (self.tr("embeddings") if layer == 0 else self.tr("layer {0}").format(layer))
                rows.append(GridRow(label, [""] * norms.shape[1], sequential(shade), key=(prefix, layer)))
            rows.append(GridRow(prefix + self.tr("token"), [cell_text(t) for t in tokens], None, key=(prefix, "tokens")))
        self.grid.set_rows(rows)

    def _tooltip(self, key, col: int) -> str:
        if self.result is None:
            return ""
        prefix, layer = key
        norms, tokens = next((b[1], b[2]) for b in self._blocks() if b[0] == prefix)
        if layer == "tokens":
            return quoted(tokens[col])
        return self.tr("{0}layer {1}, {2}: norm {3}").format(prefix, layer, quoted(tokens[col]), number(norms[layer, col], 2))

    def tables(self) -> dict[str, list[list]]:
        if self.result is None:
            return {}
        rows = [[self.tr("side"), self.tr("layer"), self.tr("position"), self.tr("token"), self.tr("norm")]]
        for prefix, norms, tokens in self._blocks():
            side = prefix.strip() or self.result.side
            rows += [[side, layer, pos, tokens[pos], float(norms[layer, pos])]
                     for layer in range(norms.shape[0]) for pos in range(norms.shape[1])]
        return {"residual_norms": rows}
