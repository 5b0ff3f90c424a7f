"""Head knock-out page: a layers × heads grid to click heads out, the scan map, and the distribution change."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from viz.core.why.knockout import MEAN, ZERO
from viz.core.why.tables import knockout_rows, scan_rows
from viz.ui.attention.kind_names import kind_names
from viz.ui.flow_layout import flow_row, keep_together
from viz.ui.why.attribution_text import number
from viz.ui.why.maps import HeadGrid


class KnockoutPage(QWidget):
    heads_changed = Signal()
    scan_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_names = kind_names()
        self.kind = QComboBox(self)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("zero"), ZERO)
        self.mode.addItem(self.tr("mean over positions"), MEAN)
        self.scan = QPushButton(self.tr("Scan every head"), self)
        self.reset = QPushButton(self.tr("Restore all heads"), self)
        controls = flow_row([  # wraps on a narrow projector rather than widen the window
            keep_together(self, QLabel(self.tr("Heads of"), self), self.kind),
            keep_together(self, QLabel(self.tr("Replace with"), self), self.mode),
            self.scan, self.reset,
        ])
        self.grid = HeadGrid(self)
        self.readout = QLabel(self.tr("Click a head to knock it out; click again to restore it."), self)
        self.readout.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Token"), self.tr("Before"), self.tr("After"), self.tr("Change")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        side_layout.addWidget(self.table, 1)
        self.picture = QWidget(self)
        picture_layout = QVBoxLayout(self.picture)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addWidget(self.grid, 1)
        picture_layout.addWidget(self.readout)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.picture)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self.heads: dict[str, set[tuple[int, int]]] = {}  # kind -> knocked-out (layer, head)
        self.shapes: dict[str, tuple[int, int]] = {}
        self.scans: dict[str, object] = {}  # kind -> ScanResult
        self.result = None
        self.labels: dict[int, str] = {}
        self.grid.cell_clicked.connect(self.toggle)
        self.grid.cell_hovered.connect(self._on_hover)
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.scan.clicked.connect(self.scan_requested)
        self.reset.clicked.connect(self.restore_all)

    # configuration
    def configure(self, shapes: dict[str, tuple[int, int]]) -> None:
        """A new model: its kinds of attention and their (layers, heads)."""
        self.shapes = dict(shapes)
        self.heads = {kind: set() for kind in shapes}
        self.scans.clear()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in shapes:
            self.kind.addItem(self.kind_names.get(kind, kind), kind)
        self.kind.blockSignals(False)
        self._show_kind()

    def current_kind(self) -> str | None:
        return self.kind.currentData()

    def select_kind(self, kind: str) -> None:
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def knocked_out(self) -> tuple[tuple[str, int, int], ...]:
        return tuple((kind, layer, head) for kind, cells in self.heads.items() for layer, head in sorted(cells))

    def toggle(self, layer: int, head: int, kind: str | None = None) -> None:
        kind = kind or self.current_kind()
        if kind not in self.heads:
            return
        cells = self.heads[kind]
        cells.symmetric_difference_update({(layer, head)})
        if kind == self.current_kind():
            self.grid.mark(cells)
        self.heads_changed.emit()

    def restore_all(self) -> None:
        for cells in self.heads.values():
            cells.clear()
        self.grid.mark(set())
        self.heads_changed.emit()

    def _on_mode(self) -> None:
        self.scans.clear()
        self._show_kind()
        self.heads_changed.emit()

    def _show_kind(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        layers, heads = self.shapes[kind]
        self.grid.set_grid(layers, heads, [str(i + 1) for i in range(layers)], [str(h + 1) for h in range(heads)],
                           self.tr("layer"), self.tr("head"))
        scan = self.scans.get(kind)
        self.grid.show_values(scan.change if scan is not None else np.zeros((layers, heads)))
        self.grid.mark(self.heads.get(kind, set()))

    # results
    def show_scan(self, result) -> None:
        self.scans[result.request.kind] = result
        self._show_kind()
        self.readout.setText(self.tr(
            "Scan: each cell is the change in the token's probability when that head alone is knocked out "
            "(blue: it drops). Largest drop {drop} points."
        ).format(drop=number(-min(0.0, float(result.change.min())) * 100, 1)))

    def show_result(self, result, labels: dict[int, str], token_label: str) -> None:
        self.result, self.labels = result, labels
        heads = len(result.request.heads)
        self.summary.setText(self.tr(
            "{n} heads knocked out. p(“{token}”) {before} % → {after} %; KL to the unmodified run {kl} nats."
        ).format(n=heads, token=token_label, before=number(result.base_probability * 100, 2),
                 after=number(result.probability * 100, 2), kl=number(result.kl, 4)))
        ids = result.candidate_ids
        self.table.setRowCount(len(ids))
        for row, token_id in enumerate(ids):
            before = float(np.exp(result.base_log_probs[token_id]))
            after = float(np.exp(result.log_probs[token_id]))
            cells = [labels.get(token_id, str(token_id)), number(before * 100, 2) + " %", number(after * 100, 2) + " %",
                     ("+" if after >= before else "") + number((after - before) * 100, 2)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if token_id == result.request.target.token_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)

    def clear(self) -> None:
        self.result = None
        self.summary.clear()
        self.table.setRowCount(0)

    def _on_hover(self, layer: int, head: int) -> None:
        if layer < 0:
            return
        kind = self.current_kind()
        scan = self.scans.get(kind)
        text = self.tr("Layer {l}, head {h}").format(l=layer + 1, h=head + 1)
        if scan is not None:
            text += self.tr(": knocked out alone, p changes by {d} points, KL {kl} nats").format(
                d=number(scan.change[layer, head] * 100, 2), kl=number(scan.kl[layer, head], 4))
        self.readout.setText(text + ". " + self.tr("Click to knock it out or restore it."))

    def rows(self) -> dict[str, list[list]]:
        tables = {}
        if self.result is not None:
            tables["knockout_distribution"] = knockout_rows(self.labels, self.result)
        for kind, scan in self.scans.items():
            tables[f"head_scan_{kind}"] = scan_rows(scan)
        return tables
