"""What the calculator needs: model size and shape, batch, sequence, GPUs, tokens and a compute budget."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from viz.core.scale.calculator import ScaleRequest
from viz.core.scale.memory import Shape
from viz.core.scale.quantities import QuantityError, parse_count
from viz.ui.flow_layout import FlowLayout, keep_together


def _spin(parent, low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setKeyboardTracking(False)
    return box


class ScaleInputs(QWidget):
    """Editable fields; `changed` fires with a ScaleRequest, or `invalid` with one sentence."""

    changed = Signal(object)  # ScaleRequest
    invalid = Signal(str)
    from_model_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.parameters = QLineEdit("7B", self)
        self.parameters.setToolTip(self.tr("Parameters: 125M, 7B, 1.4T or 7e9"))
        self.layers = _spin(self, 0, 1000, 32)
        self.hidden = _spin(self, 0, 1_000_000, 4096)
        self.heads = _spin(self, 0, 10_000, 32)
        self.batch = _spin(self, 1, 100_000, 1)
        self.batch.setToolTip(self.tr("Sequences per GPU in one step (micro-batch)"))
        self.sequence = _spin(self, 1, 10_000_000, 2048)
        self.gpus = _spin(self, 1, 100_000, 8)
        self.tokens = QLineEdit(self)
        self.tokens.setPlaceholderText(self.tr("Chinchilla-optimal"))
        self.tokens.setToolTip(self.tr("Training tokens; empty: 20 per parameter (Chinchilla)"))
        self.budget = QLineEdit(self)
        self.budget.setPlaceholderText(self.tr("this run's compute"))
        self.budget.setToolTip(self.tr("Compute budget in FLOPs (3e23) for the optimal model size"))
        self.recompute = QCheckBox(self.tr("Recompute activations"), self)
        self.recompute.setToolTip(self.tr("Keep only each layer's input and recompute the rest in the backward pass"))
        self.from_model = QPushButton(self.tr("Use the loaded model"), self)
        self.from_model.clicked.connect(self.from_model_clicked)
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(0, 0, 0, 0)
        groups = (
            (self.tr("Parameters:"), self.parameters),
            (self.tr("Layers:"), self.layers),
            (self.tr("Hidden size:"), self.hidden),
            (self.tr("Heads:"), self.heads),
            (self.tr("Batch:"), self.batch),
            (self.tr("Sequence:"), self.sequence),
            (self.tr("GPUs:"), self.gpus),
            (self.tr("Tokens:"), self.tokens),
            (self.tr("Budget (FLOPs):"), self.budget),
        )
        for label, field in groups:
            layout.addWidget(keep_together(self, QLabel(label, self), field))
        layout.addWidget(self.recompute)
        layout.addWidget(self.from_model)
        for field in (self.parameters, self.tokens, self.budget):
            field.editingFinished.connect(self.emit_request)
        for box in (self.layers, self.hidden, self.heads, self.batch, self.sequence, self.gpus):
            box.valueChanged.connect(self.emit_request)
        self.recompute.toggled.connect(self.emit_request)

    def set_shape(self, shape: Shape, text: str) -> None:
        """Fill the model fields (text: the parameter count as shown)."""
        boxes = (self.layers, self.hidden, self.heads)
        for box in boxes:
            box.blockSignals(True)
        self.parameters.setText(text)
        self.layers.setValue(shape.layers)
        self.hidden.setValue(shape.hidden)
        self.heads.setValue(shape.heads)
        for box in boxes:
            box.blockSignals(False)
        self.emit_request()

    def request(self) -> ScaleRequest:
        """Raises QuantityError when a field cannot be read."""
        tokens = self.tokens.text().strip()
        budget = self.budget.text().strip()
        return ScaleRequest(
            shape=Shape(parse_count(self.parameters.text()), self.layers.value(), self.hidden.value(),
                        self.heads.value()),
            batch=self.batch.value(),
            sequence=self.sequence.value(),
            gpus=self.gpus.value(),
            tokens=parse_count(tokens) if tokens else 0.0,
            budget_flops=parse_count(budget) if budget else 0.0,
            recompute=self.recompute.isChecked(),
        )

    def emit_request(self, *_args) -> None:
        try:
            request = self.request()
        except QuantityError:
            bad = next((f.text() for f in (self.parameters, self.tokens, self.budget)
                        if f.text().strip() and not _readable(f.text())), "")
            self.invalid.emit(self.tr("“{text}” is not a count such as 7B, 1.4T or 3e23.").format(text=bad.strip()))
            return
        self.changed.emit(request)


def _readable(text: str) -> bool:
    try:
        parse_count(text)
    except QuantityError:
        return False
    return True
