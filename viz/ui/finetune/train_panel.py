"""Training settings (steps, batch, learning rate, seed, share of old tasks), the Train/Cancel row and what to do
with the result."""

from __future__ import annotations

from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QSpinBox, QVBoxLayout)

from viz.core.finetune.methods import SUGGESTED_LEARNING_RATES as LEARNING_RATES
from viz.core.finetune.methods import SUGGESTED_STEPS
from viz.ui.flow_layout import FlowLayout

DEFAULTS = dict(steps=SUGGESTED_STEPS, batch=16, lr=LEARNING_RATES["lora"], seed=0, mix=0)


class TrainPanel(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(self.tr("Training"), parent)
        self.steps = QSpinBox(self, minimum=1, maximum=100_000, value=DEFAULTS["steps"])
        self.batch = QSpinBox(self, minimum=1, maximum=1024, value=DEFAULTS["batch"])
        self.lr = QDoubleSpinBox(self, minimum=1e-6, maximum=1.0, decimals=5, singleStep=1e-4, value=DEFAULTS["lr"])
        self.seed = QSpinBox(self, minimum=0, maximum=2**31 - 1, value=DEFAULTS["seed"])
        self.mix = QSpinBox(self, minimum=0, maximum=90, value=DEFAULTS["mix"], suffix=" %")
        self.mix.setToolTip(self.tr("Multi-task tuning: this share of every batch comes from the other bundled "
                                    "tasks, which keeps the model from forgetting them."))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow column puts labels above their fields
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow(self.tr("Batch"), self.batch)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Mix in old tasks"), self.mix)
        self.train_button = QPushButton(self.tr("Train"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.save_button.setToolTip(self.tr("LoRA and prompt tuning save an adapter folder (save_pretrained); "
                                            "full and selective tuning save the whole model."))
        self.use_button = QPushButton(self.tr("Use in all views"), self)
        self.use_button.setToolTip(self.tr("The tuned model (adapter merged into the weights) becomes the "
                                           "app's model, so every tab shows it."))
        self.compare_button = QPushButton(self.tr("Compare with base"), self)
        self.compare_button.setToolTip(self.tr("Opens the Compare tab: the loaded model against the tuned one on "
                                               "the same text, position by position."))
        for button in self.result_buttons():
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        results = FlowLayout()  # wraps in a narrow column (a projector, the F1 panel open) instead of widening it
        for button in (self.save_button, self.use_button, self.compare_button):
            results.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(results)

    def suggest_for(self, kind: str) -> None:
        """The learning rate that suits the method (a person can still change it)."""
        if kind in LEARNING_RATES:
            self.lr.setValue(LEARNING_RATES[kind])

    def set_busy(self, busy: bool) -> None:
        self.train_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            for button in self.result_buttons():
                button.setEnabled(False)

    def result_buttons(self) -> tuple[QPushButton, ...]:
        return self.save_button, self.use_button, self.compare_button

    def set_fraction(self, fraction: float) -> None:
        self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
