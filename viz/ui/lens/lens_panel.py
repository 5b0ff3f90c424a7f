"""The logit-lens grid: layers x positions, each cell the layer's top token; commitment and tokens below."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from viz.ui.lens.cell_grid import CellGrid, GridRow, sequential
from viz.ui.lens.text import cell_text, percent, quoted

TOP_PROB, FOCUS_PROB, FOCUS_RANK = "top", "focus", "rank"
TOKENS, COMMITMENT = "tokens", "commitment"


class LensPanel(QWidget):
    cell_chosen = Signal(int, int, int)  # layer (0 = embeddings), position, token id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.colour_by = QComboBox(self)
        self.colour_by.addItem(self.tr("Colour: probability of the top token"), TOP_PROB)
        self.colour_by.addItem(self.tr("Colour: probability of the final prediction"), FOCUS_PROB)
        self.colour_by.addItem(self.tr("Colour: rank of the final prediction"), FOCUS_RANK)
        self.colour_by.currentIndexChanged.connect(self._redraw)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.grid = CellGrid(cell_chars=7, parent=self)
        self.grid.tooltip = self._tooltip
        self.grid.cell_clicked.connect(self._on_clicked)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid)
        self.grid.follow(self.scroll)
        top = QHBoxLayout()
        top.addWidget(self.colour_by)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)

    def set_result(self, result) -> None:
        self.result = result
        self._redraw()
        # the last positions are where a prediction is made: show them first, once the grid is laid out
        bar = self.scroll.horizontalScrollBar()
        QTimer.singleShot(0, lambda: bar.setValue(bar.maximum()))

    def _redraw(self, *_args) -> None:
        r = self.result
        if r is None:
            self.grid.set_rows([])
            return
        mode = self.colour_by.currentData()
        if r.side == "encoder":
            self.note.setText(self.tr("Each cell: the token this layer would put at that position (masked-LM head). Click a cell to attribute it."))
        else:
            self.note.setText(self.tr("Each cell: the next token this layer would predict after that position. Click a cell to attribute it."))
        layers = r.top_ids.shape[0]
        rows = []
        for layer in range(layers - 1, -1, -1):  # the last layer on top, as the model stacks them
            if mode == TOP_PROB:
                shade = r.top_probs[layer, :, 0]
            elif mode == FOCUS_PROB:
                shade = r.focus_probs[layer]
            else:
                shade = 1.0 - np.log1p(r.focus_ranks[layer]) / np.log1p(1000)  # rank 0 bright, 1000+ dark
            texts = [cell_text(r.text_of(i)) for i in r.top_ids[layer, :, 0]]
            label = self.tr("embeddings") if layer == 0 else self.tr("layer {0}").format(layer)
            rows.append(GridRow(label, texts, sequential(np.asarray(shade, dtype=float)), key=layer))
        rows.append(GridRow(self.tr("token"), [cell_text(t) for t in r.tokens], None, key=TOKENS))
        commit = r.commitment.astype(float) / max(1, layers - 1)
        rows.append(GridRow(self.tr("top-1 from"), [str(int(c)) for c in r.commitment], sequential(1.0 - commit, "cividis"), key=COMMITMENT))
        self.grid.set_rows(rows)

    def _tooltip(self, key, col: int) -> str:
        r = self.result
        if r is None:
            return ""
        if key == TOKENS:
            return self.tr("Position {0}: {1}").format(col, quoted(r.tokens[col]))
        if key == COMMITMENT:
            final = quoted(r.text_of(r.final_ids[col]))
            return self.tr("The final prediction {0} is top-1 from layer {1} on.").format(final, int(r.commitment[col]))
        lines = [self.tr("Layer {0}, position {1} ({2})").format(key, col, quoted(r.tokens[col]))]
        for token_id, prob in zip(r.top_ids[key, col], r.top_probs[key, col]):
            lines.append(f"{quoted(r.text_of(token_id))}  {percent(prob)}")
        focus = quoted(r.text_of(r.focus_ids[col]))
        lines.append(self.tr("{0}: {1}, rank {2}").format(focus, percent(r.focus_probs[key, col]), int(r.focus_ranks[key, col]) + 1))
        return "\n".join(lines)

    def _on_clicked(self, key, col: int) -> None:
        if isinstance(key, int) and self.result is not None:
            self.cell_chosen.emit(key, col, int(self.result.top_ids[key, col, 0]))

    def tables(self) -> dict[str, list[list]]:
        r = self.result
        if r is None:
            return {}
        header = [self.tr("layer"), self.tr("position"), self.tr("token")]
        header += [f"top{k + 1}" for k in range(r.top_ids.shape[2])] + [f"p{k + 1}" for k in range(r.top_ids.shape[2])]
        header += [self.tr("final prediction"), self.tr("its probability"), self.tr("its rank")]
        rows = [header]
        for layer in range(r.top_ids.shape[0]):
            for pos in range(r.top_ids.shape[1]):
                rows.append([layer, pos, r.tokens[pos]] + [r.text_of(i) for i in r.top_ids[layer, pos]]
                            + [float(p) for p in r.top_probs[layer, pos]]
                            + [r.text_of(r.focus_ids[pos]), float(r.focus_probs[layer, pos]), int(r.focus_ranks[layer, pos]) + 1])
        commitment = [[self.tr("position"), self.tr("token"), self.tr("final prediction"), self.tr("top-1 from layer")]]
        commitment += [[p, r.tokens[p], r.text_of(r.final_ids[p]), int(r.commitment[p])] for p in range(len(r.tokens))]
        return {"lens": rows, "commitment": commitment}
