"""The row above the plot: Vocabulary | Prompt, the projection method, 3-D, and the prompt's layer slider."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget,
)

from viz.core.projection import available_methods


class Controls(QWidget):
    changed = Signal()  # anything that needs a new projection or another picture
    layer_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.vocabulary_button = QPushButton(self.tr("Vocabulary"), self)
        self.prompt_button = QPushButton(self.tr("Prompt through the layers"), self)
        self._modes = QButtonGroup(self)
        for button in (self.vocabulary_button, self.prompt_button):
            button.setCheckable(True)
            self._modes.addButton(button)
        self.vocabulary_button.setChecked(True)
        self._modes.buttonToggled.connect(lambda _b, on: on and self.changed.emit())
        self.method = QComboBox(self)
        names = {"pca": self.tr("PCA"), "umap": self.tr("UMAP"), "tsne": self.tr("t-SNE")}
        for key in available_methods():
            self.method.addItem(names[key], key)
        self.method.setToolTip(self.tr("UMAP and t-SNE appear when the umap-learn or scikit-learn package is installed."))
        self.method.currentIndexChanged.connect(self.changed)
        self.method_label = QLabel(self.tr("Method:"), self)
        self.three_d = QCheckBox(self.tr("3-D"), self)
        self.three_d.toggled.connect(self.changed)
        self.side = QComboBox(self)
        self.side.currentIndexChanged.connect(self.changed)
        self.unit_length = QCheckBox(self.tr("Directions only"), self)
        self.unit_length.setToolTip(
            self.tr("Scale every hidden state to length 1 first, so a few very long vectors cannot take the whole picture.")
        )
        self.unit_length.toggled.connect(self.changed)
        self.layer = QSlider(Qt.Horizontal, self)
        self.layer.setMinimumWidth(160)
        self.layer.setRange(0, 0)  # set_layers keeps the slider at the last layer while it sits there
        self.layer.valueChanged.connect(self.layer_changed)
        self.layer.valueChanged.connect(self._update_layer_label)
        self._layer_names: list[str] = []
        self.layer_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.vocabulary_button, self.prompt_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        for widget in (self.method_label, self.method, self.three_d, self.side, self.unit_length, self.layer_label):
            layout.addWidget(widget)
        layout.addWidget(self.layer, 1)
        layout.addStretch(0)
        self._show_for_mode()
        self.changed.connect(self._show_for_mode)

    def mode(self) -> str:
        return "vocabulary" if self.vocabulary_button.isChecked() else "prompt"

    def set_mode(self, mode: str) -> None:
        (self.vocabulary_button if mode == "vocabulary" else self.prompt_button).setChecked(True)

    def method_key(self) -> str:
        return self.method.currentData() or "pca"

    def side_key(self) -> str | None:
        return self.side.currentData()

    def set_sides(self, sides: tuple[str, ...]) -> None:
        """Encoder and decoder for encoder-decoder models; a single side hides the choice."""
        current = self.side_key()
        names = {"encoder": self.tr("Encoder"), "decoder": self.tr("Decoder")}
        self.side.blockSignals(True)
        self.side.clear()
        for side in sides:
            self.side.addItem(names[side], side)
        if current in sides:
            self.side.setCurrentIndex(sides.index(current))
        self.side.blockSignals(False)
        self._show_for_mode()

    def set_layers(self, count: int, names: list[str]) -> None:
        """`count` layers (embedding output included); keeps the slider where it was when it can."""
        self._layer_names = names
        at_end = self.layer.value() == self.layer.maximum()
        self.layer.blockSignals(True)
        self.layer.setRange(0, max(0, count - 1))
        if at_end:
            self.layer.setValue(self.layer.maximum())
        self.layer.blockSignals(False)
        self._update_layer_label()

    def _update_layer_label(self) -> None:
        names = self._layer_names
        value = self.layer.value()
        self.layer_label.setText(names[value] if 0 <= value < len(names) else "")

    def _show_for_mode(self) -> None:
        vocabulary = self.mode() == "vocabulary"
        self.method.setVisible(vocabulary)
        self.method_label.setVisible(vocabulary)
        self.side.setVisible(not vocabulary and self.side.count() > 1)
        for widget in (self.unit_length, self.layer, self.layer_label):
            widget.setVisible(not vocabulary)
