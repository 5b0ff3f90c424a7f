"""MLP neurons: the ten most active per token in one layer, and one neuron across the whole text."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from viz.ui.lens.cell_grid import CellGrid, GridRow, diverging, sequential
from viz.ui.lens.text import cell_text, number, quoted

TOKENS, STRIP = "tokens", "strip"


class NeuronPanel(QWidget):
    changed = Signal(int, object)  # layer (0-based), neuron or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.tokens: tuple[str, ...] = ()
        self.layer = QSpinBox(self)
        self.layer.setMinimum(1)
        self.neuron = QSpinBox(self)
        self.neuron.setRange(0, 0)
        self.layer.valueChanged.connect(lambda _v: self.changed.emit(self.layer.value() - 1, None))
        self.neuron.valueChanged.connect(lambda v: self.changed.emit(self.layer.value() - 1, v))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.grid = CellGrid(cell_chars=6, parent=self)
        self.grid.tooltip = self._tooltip
        self.grid.cell_clicked.connect(self._on_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.grid.follow(scroll)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer"), self))
        top.addWidget(self.layer)
        top.addWidget(QLabel(self.tr("Neuron"), self))
        top.addWidget(self.neuron)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def configure(self, layers: int, tokens: tuple[str, ...]) -> None:
        self.tokens = tokens
        self.layer.blockSignals(True)
        self.layer.setMaximum(max(1, layers))
        self.layer.blockSignals(False)

    def set_result(self, result) -> None:
        self.result = result
        for spin, value in ((self.layer, result.layer + 1), (self.neuron, result.neuron)):
            spin.blockSignals(True)
            if spin is self.neuron:
                spin.setRange(0, result.width - 1)
            spin.setValue(value)
            spin.blockSignals(False)
        self.note.setText(self.tr("Rows: the ten most active of the {0} neurons of layer {1} on each token "
                                  "(activation before the MLP's down projection). Click one to follow it.")
                          .format(result.width, result.layer + 1))
        top = result.top_values  # [seq, k]
        scale = float(np.abs(top).max()) or 1.0
        rows = [GridRow(self.tr("token"), [cell_text(t) for t in self.tokens], None, key=TOKENS)]
        for k in range(top.shape[1]):
            rows.append(GridRow(f"#{k + 1}", [str(int(i)) for i in result.top_ids[:, k]],
                                sequential(np.clip(top[:, k] / scale, 0, 1)), key=k))
        values = result.neuron_values  # [seq]
        rows.append(GridRow(self.tr("neuron {0}").format(result.neuron), [number(v, 2) for v in values],
                            diverging(values, float(np.abs(values).max()) or 1.0), key=STRIP))
        self.grid.set_rows(rows)

    def _tooltip(self, key, col: int) -> str:
        r = self.result
        if r is None or col >= len(self.tokens):
            return ""
        token = quoted(self.tokens[col])
        if key == STRIP:
            return self.tr("Neuron {0} on {1}: {2}").format(r.neuron, token, number(r.neuron_values[col], 4))
        if isinstance(key, int):
            return self.tr("Neuron {0} on {1}: {2}").format(int(r.top_ids[col, key]), token, number(r.top_values[col, key], 4))
        return token

    def _on_clicked(self, key, col: int) -> None:
        if self.result is not None and isinstance(key, int):
            self.neuron.setValue(int(self.result.top_ids[col, key]))

    def tables(self) -> dict[str, list[list]]:
        r = self.result
        if r is None:
            return {}
        k = r.top_ids.shape[1]
        rows = [[self.tr("position"), self.tr("token")] + [f"neuron{j + 1}" for j in range(k)] + [f"activation{j + 1}" for j in range(k)]]
        rows += [[p, self.tokens[p] if p < len(self.tokens) else ""] + [int(i) for i in r.top_ids[p]] + [float(v) for v in r.top_values[p]]
                 for p in range(r.top_ids.shape[0])]
        strip = [[self.tr("position"), self.tr("token"), self.tr("neuron {0}").format(r.neuron)]]
        strip += [[p, self.tokens[p] if p < len(self.tokens) else "", float(v)] for p, v in enumerate(r.neuron_values)]
        return {"neurons_top": rows, "neuron_strip": strip}
