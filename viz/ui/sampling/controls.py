"""Temperature, top-k, top-p and seed: a slider for the hand and a spin box for the exact value.

The spin box holds the value (it rounds to what it shows); the slider only points at it. Every change,
from either, emits `changed` with the new settings at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QGridLayout, QLabel, QSlider, QSpinBox, QWidget,
)

from viz.core.sampling import SamplingSettings

TEMPERATURE_RANGE = (0.05, 5.0)
SLIDER_STEPS = 1000


class NoteLabel(QLabel):
    """A checkbox's wrapped explanation that toggles the box when clicked, as the box's own text would."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()) and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


class SamplingControls(QWidget):
    changed = Signal(object)  # SamplingSettings

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._vocab_size = 50257
        self._driving: QSlider | None = None  # the slider being moved: not snapped back to the rounded value
        self.temperature_slider = self._slider(0, SLIDER_STEPS)
        self.temperature_spin = QDoubleSpinBox(self, decimals=2, singleStep=0.05)
        self.temperature_spin.setRange(*TEMPERATURE_RANGE)
        self.temperature_spin.setValue(1.0)
        self.greedy_check = QCheckBox(self.tr("Greedy"), self)
        # what greedy means, beside the box and wrapping: a checkbox's own text never wraps, and in a longer
        # language it set the width of all the controls beside the chart
        self.greedy_note = NoteLabel(self.tr("always the most likely token"), self.greedy_check, self)
        self.top_k_slider = self._slider(0, SLIDER_STEPS)
        self.top_k_spin = QSpinBox(self)
        self.top_k_spin.setSpecialValueText(self.tr("off"))
        self.top_p_slider = self._slider(1, 100)
        self.top_p_spin = QDoubleSpinBox(self, decimals=2, singleStep=0.01)
        self.top_p_spin.setRange(0.01, 1.0)
        self.top_p_spin.setValue(1.0)
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(0, 2**31 - 1)
        self.set_vocab_size(self._vocab_size)
        self._sync_sliders()
        self._layout()
        self._connect()

    def _slider(self, low: int, high: int) -> QSlider:
        slider = QSlider(Qt.Horizontal, self)
        slider.setRange(low, high)
        slider.setPageStep(max(1, (high - low) // 20))
        return slider

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [
            (self.tr("Temperature"), self.temperature_slider, self.temperature_spin),
            (self.tr("Top-k"), self.top_k_slider, self.top_k_spin),
            (self.tr("Top-p"), self.top_p_slider, self.top_p_spin),
        ]
        for row, (text, slider, spin) in enumerate(rows):
            grid.addWidget(QLabel(text, self), row * 2, 0)
            grid.addWidget(spin, row * 2, 1)
            grid.addWidget(slider, row * 2 + 1, 0, 1, 2)
        grid.addWidget(self.greedy_check, 6, 0, Qt.AlignLeft)  # as wide as box and word: a click beside them misses
        grid.addWidget(self.greedy_note, 6, 1)
        grid.addWidget(QLabel(self.tr("Random seed"), self), 7, 0)
        grid.addWidget(self.seed_spin, 7, 1)
        grid.setColumnStretch(0, 1)
        self.temperature_slider.setToolTip(self.tr("Divides the logits: below 1 sharpens the distribution, above 1 flattens it."))
        self.top_k_slider.setToolTip(self.tr("Keep only the k most likely tokens (ties with the k-th are kept too)."))
        self.top_p_slider.setToolTip(self.tr("Keep the most likely tokens until their probabilities add up to p."))
        self.seed_spin.setToolTip(self.tr("The same seed and step number always draw the same token."))

    def _connect(self) -> None:
        links = (
            (self.temperature_slider, self.temperature_spin, _temperature_at),
            (self.top_k_slider, self.top_k_spin, self._top_k_at),
            (self.top_p_slider, self.top_p_spin, lambda v: v / 100),
        )
        for slider, spin, value_at in links:
            slider.valueChanged.connect(lambda v, s=slider, b=spin, f=value_at: self._from_slider(s, b, f(v)))
        for spin in (self.temperature_spin, self.top_k_spin, self.top_p_spin, self.seed_spin):
            spin.valueChanged.connect(self._on_value)
        self.greedy_check.toggled.connect(self._on_value)

    # values
    def settings(self) -> SamplingSettings:
        return SamplingSettings(
            temperature=self.temperature_spin.value(),
            top_k=self.top_k_spin.value(),
            top_p=self.top_p_spin.value(),
            greedy=self.greedy_check.isChecked(),
            seed=self.seed_spin.value(),
        )

    def set_settings(self, settings: SamplingSettings) -> None:
        self.blockSignals(True)
        self.temperature_spin.setValue(settings.temperature)
        self.top_k_spin.setValue(settings.top_k)
        self.top_p_spin.setValue(settings.top_p)
        self.greedy_check.setChecked(settings.greedy)
        self.seed_spin.setValue(settings.seed)
        self.blockSignals(False)
        self._on_value()

    def set_vocab_size(self, size: int) -> None:
        """Top-k runs from 1 to the whole vocabulary."""
        self._vocab_size = max(1, int(size))
        self.top_k_spin.setRange(0, self._vocab_size)
        self._sync_sliders()

    def _from_slider(self, slider: QSlider, spin, value) -> None:
        self._driving = slider
        try:
            spin.setValue(value)
        finally:
            self._driving = None

    def _on_value(self, *_args) -> None:
        greedy = self.greedy_check.isChecked()
        for widget in (self.temperature_slider, self.temperature_spin, self.top_k_slider, self.top_k_spin,
                       self.top_p_slider, self.top_p_spin, self.seed_spin):
            widget.setEnabled(not greedy)
        self._sync_sliders()
        self.changed.emit(self.settings())

    def _sync_sliders(self) -> None:
        """Point each slider at its spin box's value without feeding back."""
        positions = (
            (self.temperature_slider, _temperature_position(self.temperature_spin.value())),
            (self.top_k_slider, self._top_k_position(self.top_k_spin.value())),
            (self.top_p_slider, round(self.top_p_spin.value() * 100)),
        )
        for slider, position in positions:
            if slider is self._driving:
                continue
            slider.blockSignals(True)
            slider.setValue(position)
            slider.blockSignals(False)

    # top-k: position 0 is off, 1 … SLIDER_STEPS run logarithmically from 1 to the vocabulary
    def _top_k_at(self, position: int) -> int:
        if position <= 0:
            return 0
        fraction = (position - 1) / (SLIDER_STEPS - 1)
        return max(1, min(self._vocab_size, round(self._vocab_size**fraction)))

    def _top_k_position(self, k: int) -> int:
        if k <= 0:
            return 0
        if self._vocab_size <= 1:
            return SLIDER_STEPS
        return 1 + round(math.log(k) / math.log(self._vocab_size) * (SLIDER_STEPS - 1))


def _temperature_at(position: int) -> float:
    low, high = (math.log(t) for t in TEMPERATURE_RANGE)
    return math.exp(low + (high - low) * position / SLIDER_STEPS)


def _temperature_position(temperature: float) -> int:
    low, high = (math.log(t) for t in TEMPERATURE_RANGE)
    return round((math.log(temperature) - low) / (high - low) * SLIDER_STEPS)
