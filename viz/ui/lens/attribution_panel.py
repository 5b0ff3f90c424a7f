"""Direct logit attribution: layers x (heads + MLP), each cell a part's share of one token's logit."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from viz.ui.lens.cell_grid import CellGrid, GridRow, diverging
from viz.ui.lens.text import number, quoted

HEADER = "header"


class AttributionPanel(QWidget):
    head_clicked = Signal(str, int, int)  # "self" or "cross", layer, head (0-based)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.token_text = ""
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.terms = QLabel(self)
        self.terms.setWordWrap(True)
        self.grid = CellGrid(cell_chars=6, parent=self)
        self.grid.tooltip = self._tooltip
        self.grid.cell_clicked.connect(self._on_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.grid.follow(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.terms)

    def show_message(self, text: str) -> None:
        self.result = None
        self.title.setText(text)
        self.terms.setText("")
        self.grid.set_rows([])

    def set_result(self, result, token_text: str, position_text: str) -> None:
        self.result, self.token_text = result, token_text
        self.title.setText(self.tr("Share of the logit of {0} at position {1} ({2}) from each head and MLP. "
                                   "Click a head to open it in the Attention tab.")
                           .format(quoted(token_text), result.position, quoted(position_text)))
        self.terms.setText(self.tr(
            "Logit {logit} = sum of the cells {cells} + embeddings {emb} + attention output biases {biases} "
            "+ final-norm bias {nb} + head bias {hb} = {total}. The final {kind}'s scale is frozen at its value "
            "on the last residual ({scale}), which makes the norm linear so the parts add up."
        ).format(logit=number(result.logit, 4), cells=number(np.nansum(result.contributions), 4),
                 emb=number(result.embedding, 4), biases=number(result.attention_biases, 4),
                 nb=number(result.norm_bias, 4), hb=number(result.head_bias, 4), total=number(result.total, 4),
                 kind=result.norm_kind, scale=number(result.norm_scale, 4)))
        grid = result.contributions  # [layer, column]
        limit = float(np.nanmax(np.abs(grid))) if np.isfinite(grid).any() else 1.0
        rows = [GridRow("", list(result.columns), None, key=HEADER)]
        for layer in range(grid.shape[0] - 1, -1, -1):
            texts = ["" if np.isnan(v) else number(v, 2) for v in grid[layer]]
            rows.append(GridRow(self.tr("layer {0}").format(layer + 1), texts, diverging(grid[layer], limit), key=layer))
        self.grid.set_rows(rows)

    def _tooltip(self, key, col: int) -> str:
        if self.result is None or key == HEADER:
            return ""
        name = self.result.columns[col]
        value = self.result.contributions[key, col]
        if np.isnan(value):
            return ""
        return self.tr("Layer {0}, {1}: {2} to the logit of {3}").format(key + 1, name, number(value, 4), quoted(self.token_text))

    def _on_clicked(self, key, col: int) -> None:
        if self.result is None or key == HEADER:
            return
        name = self.result.columns[col]
        if name.startswith("H"):
            self.head_clicked.emit("self", int(key), int(name[1:]))
        elif name.startswith("X"):
            self.head_clicked.emit("cross", int(key), int(name[1:]))

    def tables(self) -> dict[str, list[list]]:
        r = self.result
        if r is None:
            return {}
        rows = [[self.tr("layer")] + list(r.columns)]
        rows += [[layer + 1] + [None if np.isnan(v) else float(v) for v in r.contributions[layer]] for layer in range(r.contributions.shape[0])]
        terms = [[self.tr("term"), self.tr("value")]]  # the rest of the sum, a table of its own (two columns)
        terms.append([self.tr("embeddings"), r.embedding])
        terms.append([self.tr("attention output biases"), r.attention_biases])
        terms.append([self.tr("final-norm bias"), r.norm_bias])
        terms.append([self.tr("head bias"), r.head_bias])
        terms.append([self.tr("logit"), r.logit])
        return {"attribution": rows, "attribution_terms": terms}
