"""How much of the distribution survives: tokens kept, their probability mass, and the entropy."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


from viz.ui.numbers import decimal, integer


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kept_label = QLabel(self)
        self.mass_label = QLabel(self)
        self.entropy_label = QLabel(self)
        for label in (self.kept_label, self.mass_label, self.entropy_label):
            label.setWordWrap(True)  # a longer language wraps rather than widen the controls beside the chart
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.kept_label, self.mass_label, self.entropy_label):
            layout.addWidget(label)
        self.kept_label.setToolTip(self.tr("Tokens that survive top-k and top-p; sampling picks only among them."))
        self.mass_label.setToolTip(
            self.tr("The share of probability (after temperature) that the kept tokens held before renormalising.")
        )
        self.entropy_label.setToolTip(
            self.tr("Uncertainty of the distribution sampled from: 0 bits means one certain token; n bits is as "
                    "uncertain as a fair choice among 2ⁿ tokens.")
        )
        self.set_scale(1.0)

    def show_distribution(self, distribution) -> None:
        vocab = distribution.ranked.vocab_size
        self.kept_label.setText(
            self.tr("Kept: {kept} of {vocab} tokens").format(kept=integer(distribution.kept_count), vocab=integer(vocab))
        )
        self.mass_label.setText(self.tr("Kept mass: {mass} %").format(mass=decimal(100 * distribution.kept_mass, 2)))
        self.entropy_label.setText(
            self.tr("Entropy: {after} bits (before the cut: {before} bits)").format(
                after=decimal(distribution.entropy_bits, 2), before=decimal(distribution.tempered_entropy_bits, 2)
            )
        )

    def clear(self) -> None:
        for label in (self.kept_label, self.mass_label, self.entropy_label):
            label.clear()

    def set_scale(self, factor: float) -> None:
        """Qt widgets follow the application font (scaled in presentation mode): only bold is set here,
        so the size keeps following it."""
        font = QFont()
        font.setBold(True)
        for label in (self.kept_label, self.mass_label, self.entropy_label):
            label.setFont(font)
