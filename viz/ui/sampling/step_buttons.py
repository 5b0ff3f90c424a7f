"""Step, generate N (with cancel), undo and reset: the buttons that grow the sequence."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSpinBox, QWidget


class StepButtons(QWidget):
    step = Signal()
    generate = Signal(int)  # how many tokens
    cancel = Signal()
    undo = Signal()
    reset = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.step_button = QPushButton(self.tr("Step"), self)
        self.step_button.setToolTip(self.tr("Draw one token from the coloured bars, add it and run the model again."))
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.setToolTip(self.tr("Step this many times, showing every step; stops at the end token."))
        self.steps_spin = QSpinBox(self, minimum=1, maximum=200, value=10)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.step_button, 0, 0)
        grid.addWidget(self.generate_button, 0, 1)
        grid.addWidget(self.steps_spin, 0, 2)
        grid.addWidget(self.cancel_button, 1, 0)
        grid.addWidget(self.undo_button, 1, 1)
        grid.addWidget(self.reset_button, 1, 2)
        self.step_button.clicked.connect(self.step)
        self.generate_button.clicked.connect(lambda: self.generate.emit(self.steps_spin.value()))
        self.cancel_button.clicked.connect(self.cancel)
        self.undo_button.clicked.connect(self.undo)
        self.reset_button.clicked.connect(self.reset)
        self.update_state(ready=False, running=False, has_steps=False)

    def update_state(self, ready: bool, running: bool, has_steps: bool) -> None:
        self.step_button.setEnabled(ready and not running)
        self.generate_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running)
        self.undo_button.setEnabled(has_steps)
        self.reset_button.setEnabled(has_steps)
