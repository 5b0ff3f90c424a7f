"""Activation patching page: the corrupted prompt, the component, and the layers × positions map."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from viz.core.why.patching import ATTENTION, LOGIT_DIFFERENCE, MLP, PROBABILITY, RESIDUAL
from viz.core.why.tables import patching_rows
from viz.ui.flow_layout import flow_row, keep_together
from viz.ui.why.attribution_text import number
from viz.ui.why.maps import SignedMap


class PatchingPage(QWidget):
    run_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.corrupted = QLineEdit(self)
        self.corrupted.setPlaceholderText(self.tr("Corrupted prompt: the same text with a few words changed"))
        self.run = QPushButton(self.tr("Patch"), self)
        self.component = QComboBox(self)
        self.component.addItem(self.tr("residual stream"), RESIDUAL)
        self.component.addItem(self.tr("attention output"), ATTENTION)
        self.component.addItem(self.tr("MLP output"), MLP)
        self.measure = QComboBox(self)
        self.measure.addItem(self.tr("logit difference"), LOGIT_DIFFERENCE)
        self.measure.addItem(self.tr("probability"), PROBABILITY)
        prompt = QHBoxLayout()
        prompt.addWidget(QLabel(self.tr("Corrupted"), self))
        prompt.addWidget(self.corrupted, 1)
        prompt.addWidget(self.run)
        controls = flow_row([
            keep_together(self, QLabel(self.tr("Restore"), self), self.component),
            keep_together(self, QLabel(self.tr("Measure"), self), self.measure),
        ])
        self.patch_map = SignedMap(self)
        self.readout = QLabel(self)
        self.readout.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.picture = QWidget(self)
        picture_layout = QVBoxLayout(self.picture)
        picture_layout.setContentsMargins(0, 0, 0, 0)
        picture_layout.addWidget(self.patch_map, 1)
        picture_layout.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(prompt)
        layout.addLayout(controls)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.summary)
        self.result = None
        self.labels: list[str] = []
        self.run.clicked.connect(self.run_requested)
        self.corrupted.returnPressed.connect(self.run_requested)
        self.measure.currentIndexChanged.connect(self.run_requested)
        self.component.currentIndexChanged.connect(self._show_map)
        self.patch_map.cell_hovered.connect(self._on_hover)

    def clear(self, message: str = "") -> None:
        self.result = None
        self.summary.setText(message)
        self.readout.clear()

    def show_result(self, result, labels: list[str], token_label: str, foil_label: str) -> None:
        self.result, self.labels = result, labels
        self._show_map()
        if result.foil_id is not None:
            measure = self.tr("logit(“{t}”) − logit(“{f}”)").format(t=token_label, f=foil_label)
        else:
            measure = self.tr("p(“{t}”)").format(t=token_label)
        self.summary.setText(self.tr(
            "{measure}: clean {clean}, corrupted {corrupted}. 1 (orange) means restoring that activation brings "
            "the clean prediction back; 0 changes nothing."
        ).format(measure=measure, clean=number(result.clean_value), corrupted=number(result.corrupted_value)))

    def _show_map(self) -> None:
        if self.result is None:
            return
        component = self.component.currentData()
        values = self.result.maps.get(component)
        if values is None:
            self.readout.setText(self.tr("This model's MLP layers are not recognised, so they cannot be patched."))
            return
        layers, positions = values.shape
        self.patch_map.set_grid(layers, positions, [str(i + 1) for i in range(layers)], self.labels[:positions],
                          self.tr("layer"), self.tr("position"))
        self.patch_map.show_values(values, largest=max(1.0, float(abs(values).max())))

    def _on_hover(self, layer: int, position: int) -> None:
        if layer < 0 or self.result is None:
            return
        values = self.result.maps.get(self.component.currentData())
        if values is None:
            return
        label = self.labels[position] if position < len(self.labels) else ""
        self.readout.setText(self.tr("Layer {l}, position {p} (“{t}”): restores {v} of the clean prediction.").format(
            l=layer + 1, p=position + 1, t=label, v=number(values[layer, position], 3)))

    def refresh_colours(self) -> None:
        self.patch_map.refresh()

    def rows(self) -> list[list]:
        return patching_rows(self.labels, self.result) if self.result is not None else []
