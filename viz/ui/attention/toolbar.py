"""The attention view's controls: which kind, which mode, which layer and head, how heads combine."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from viz.core.attention import HEAD_MAX, HEAD_MEAN, ONE_HEAD, ROLLOUT, is_self_attention
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF
from viz.ui.flow_layout import FlowLayout, keep_together

OVERVIEW, DETAIL, LINES, STEPS = "overview", "detail", "lines", "steps"
MODES = (OVERVIEW, DETAIL, LINES, STEPS)


class AttentionToolbar(QWidget):
    changed = Signal()  # any choice changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_names = {
            ENCODER_SELF: self.tr("Encoder self"),
            DECODER_SELF: self.tr("Decoder self"),
            CROSS: self.tr("Cross"),
        }
        mode_names = {
            OVERVIEW: self.tr("Overview"), DETAIL: self.tr("Detail"), LINES: self.tr("Lines"), STEPS: self.tr("Steps")
        }
        self.kind_group = QButtonGroup(self)
        self.kind_buttons = {kind: self._toggle(name, self.kind_group) for kind, name in self.kind_names.items()}
        self.mode_group = QButtonGroup(self)
        self.mode_buttons = {mode: self._toggle(name, self.mode_group) for mode, name in mode_names.items()}
        self.mode_buttons[OVERVIEW].setChecked(True)
        self.layer_spin = self._spin()
        self.head_spin = self._spin()
        self.aggregate_combo = QComboBox(self)
        for key, name in (
            (ONE_HEAD, self.tr("One head")),
            (HEAD_MEAN, self.tr("Mean of heads")),
            (HEAD_MAX, self.tr("Max of heads")),
            (ROLLOUT, self.tr("Rollout")),
        ):
            self.aggregate_combo.addItem(name, key)
        self.aggregate_combo.setToolTip(
            self.tr(
                "Mean and max combine the heads of the chosen layer. Rollout multiplies the head-averaged "
                "attention (plus the residual connection) through the layers up to the chosen one."
            )
        )
        self.kind_label = QLabel(self.tr("Attention:"), self)
        # Groups wrap to a second line rather than widen the window past a projector's screen.
        layout = FlowLayout(self, spacing=18)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind_box = keep_together(self, self.kind_label, *self.kind_buttons.values())
        self.kind_box.setVisible(False)  # until a trace says which kinds it has (`configure`)
        layout.addWidget(self.kind_box)
        layout.addWidget(keep_together(self, *self.mode_buttons.values()))
        layout.addWidget(keep_together(self, QLabel(self.tr("Layer"), self), self.layer_spin,
                                       QLabel(self.tr("Head"), self), self.head_spin, self.aggregate_combo))
        self.kind_group.buttonToggled.connect(self._on_kind_toggled)
        self.mode_group.buttonToggled.connect(lambda _b, on: on and self._on_mode_or_value())
        self.layer_spin.valueChanged.connect(self._on_mode_or_value)
        self.head_spin.valueChanged.connect(self._on_mode_or_value)
        self.aggregate_combo.currentIndexChanged.connect(self._on_mode_or_value)
        self._sync_enabled()

    def _toggle(self, text: str, group: QButtonGroup) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(True)
        button.setProperty("available", True)
        group.addButton(button)
        return button

    def _spin(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 1)
        spin.setKeyboardTracking(False)  # typing "12" must not visit layer 1 first
        return spin

    # reading
    @property
    def kind(self) -> str | None:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    @property
    def mode(self) -> str:
        return next(m for m, b in self.mode_buttons.items() if b.isChecked())

    @property
    def layer(self) -> int:
        return self.layer_spin.value() - 1

    @property
    def head(self) -> int:
        return self.head_spin.value() - 1

    @property
    def aggregate(self) -> str:
        return self.aggregate_combo.currentData()

    # writing (each emits `changed` once, except `configure`: the caller refreshes after it)
    def configure(self, kinds, layers: int, heads: int, reset_mode: bool) -> None:
        """Offer the kinds of a new trace; keep the choices that still make sense."""
        with _Quiet(self):
            current = self.kind
            self.kind_box.setVisible(True)
            for kind, button in self.kind_buttons.items():
                button.setVisible(kind in kinds)
            chosen = current if current in kinds else kinds[0]
            self.kind_buttons[chosen].setChecked(True)
            self.layer_spin.setRange(1, layers)
            self.head_spin.setRange(1, heads)
            if reset_mode:
                self.mode_buttons[OVERVIEW].setChecked(True)
                self.layer_spin.setValue(layers)
                self.head_spin.setValue(1)
        self._sync_enabled()

    def mode_available(self, mode: str) -> bool:
        return bool(self.mode_buttons[mode].property("available"))

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)

    def set_head(self, layer: int, head: int, mode: str | None = None) -> None:
        with _Quiet(self):
            self.layer_spin.setValue(layer + 1)
            self.head_spin.setValue(head + 1)
            self.aggregate_combo.setCurrentIndex(self.aggregate_combo.findData(ONE_HEAD))
            if mode is not None:
                self.mode_buttons[mode].setChecked(True)
        self._on_mode_or_value()

    def set_aggregate(self, aggregate: str) -> None:
        self.aggregate_combo.setCurrentIndex(self.aggregate_combo.findData(aggregate))

    def set_mode_available(self, mode: str, available: bool, reason: str = "") -> None:
        """Mark a mode that has nothing to show for this trace. It stays clickable: the panel then says why,
        which a class can read without hovering for a tooltip."""
        button = self.mode_buttons[mode]
        button.setProperty("available", available)
        font = button.font()
        font.setItalic(not available)
        button.setFont(font)
        button.setToolTip("" if available else reason)

    # reactions
    def _on_kind_toggled(self, _button, on: bool) -> None:
        if on:
            self._on_mode_or_value()

    def _on_mode_or_value(self, *_args) -> None:
        self._sync_enabled()
        self.changed.emit()

    def _sync_enabled(self) -> None:
        """Rollout needs self-attention; the head box matters only for one head outside the overview."""
        kind = self.kind
        model = self.aggregate_combo.model()
        rollout_row = self.aggregate_combo.findData(ROLLOUT)
        rollout_ok = kind is None or is_self_attention(kind)
        model.item(rollout_row).setEnabled(rollout_ok)
        if not rollout_ok and self.aggregate == ROLLOUT:
            with _Quiet(self):
                self.aggregate_combo.setCurrentIndex(self.aggregate_combo.findData(HEAD_MEAN))
        in_overview = self.mode == OVERVIEW
        self.layer_spin.setEnabled(not in_overview)
        self.head_spin.setEnabled(not in_overview and self.aggregate == ONE_HEAD)
        self.aggregate_combo.setEnabled(not in_overview)


class _Quiet:
    """Block the toolbar's own signals while several controls change together."""

    def __init__(self, toolbar: AttentionToolbar):
        self.widgets = [
            toolbar.kind_group, toolbar.mode_group, toolbar.layer_spin, toolbar.head_spin, toolbar.aggregate_combo
        ]

    def __enter__(self):
        self.previous = [w.blockSignals(True) for w in self.widgets]

    def __exit__(self, *exc):
        for widget, previous in zip(self.widgets, self.previous):
            widget.blockSignals(previous)
