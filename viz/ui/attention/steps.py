"""Step through the output: for each decoding step, how its attention row spreads over the input tokens."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from viz.core.attention import Step, display_label, strongest_keys
from viz.ui.attention.style import FontScale
from viz.ui.attention.token_strip import TokenStrip


class StepsPanel(QWidget):
    """Previous/next buttons (and the arrow keys) move through the query positions of one kind."""

    step_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.fonts = FontScale(self)
        self.steps: list[Step] = []
        self.rows = np.zeros((0, 0), dtype=np.float32)  # [query, key]
        self.masked: np.ndarray | None = None  # [query, key] bool
        self.key_labels: list[str] = []
        self.index = 0
        self.separate = True  # a strip of output tokens apart from the input tokens
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.NoFocus)  # the arrow keys stay with the panel
        self.previous_button.clicked.connect(lambda: self.set_step(self.index - 1))
        self.next_button.clicked.connect(lambda: self.set_step(self.index + 1))
        self.position_label = QLabel(self)
        self.step_label = QLabel(self)
        self.step_label.setTextFormat(Qt.PlainText)
        self.step_label.setWordWrap(True)  # a long token pair wraps rather than widen the panel
        self.output_caption = QLabel(self.tr("Output tokens (click one to jump to its step)"), self)
        self.output_caption.setWordWrap(True)
        self.output_strip = TokenStrip(self)
        self.input_caption = QLabel(self)
        self.input_caption.setWordWrap(True)
        self.input_strip = TokenStrip(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.readout = QLabel(self)
        self.readout.setTextFormat(Qt.PlainText)
        self.readout.setWordWrap(True)
        self.output_strip.token_clicked.connect(self._on_output_clicked)
        self.input_strip.token_hovered.connect(self._on_input_hovered)
        self.input_strip.token_clicked.connect(self._on_input_clicked)

        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.position_label)
        header.addWidget(self.next_button)
        header.addSpacing(16)
        header.addWidget(self.step_label, 1)
        strips = QWidget(self)
        strips_layout = QVBoxLayout(strips)
        strips_layout.addWidget(self.output_caption)
        strips_layout.addWidget(self.output_strip)
        strips_layout.addWidget(self.input_caption)
        strips_layout.addWidget(self.input_strip)
        strips_layout.addWidget(self.legend)
        strips_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(strips)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.readout)
        self.set_scale(1.0)

    def show_steps(self, steps, rows, query_labels, key_labels, masked=None, separate_output=True, what="") -> None:
        """`rows` is the `[query, key]` matrix; step i shows row i over the key tokens."""
        self.steps = list(steps)
        self.rows = np.asarray(rows)
        self.masked = masked
        self.key_labels = list(key_labels)
        self.separate = separate_output
        self.output_caption.setVisible(separate_output)
        self.output_strip.setVisible(separate_output)
        if separate_output:
            self.output_strip.set_tokens(query_labels)
            self.input_caption.setText(self.tr("Input tokens: where this step looks ({what})").format(what=what))
        else:
            self.input_caption.setText(self.tr("Tokens: where this position looks ({what})").format(what=what))
        self.input_strip.set_tokens(key_labels)
        self.set_step(min(self.index, len(self.steps) - 1), force=True)

    def set_step(self, index: int, force: bool = False) -> None:
        if not self.steps:
            return
        index = max(0, min(len(self.steps) - 1, index))
        if index == self.index and not force:
            return
        self.index = index
        step = self.steps[index]
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)
        self.position_label.setText(self.tr("Step {i} of {n}").format(i=index + 1, n=len(self.steps)))
        reads = display_label(step.reads)
        if step.predicts is None:
            text = self.tr("Reads “{r}”, the last position").format(r=reads)
        else:
            text = self.tr("Reads “{r}” → next token “{p}”").format(r=reads, p=display_label(step.predicts))
        self.step_label.setText(text)
        masked_row = self.masked[index] if self.masked is not None else None
        self.output_strip.set_current(index)
        self.input_strip.set_weights(self.rows[index], masked_row)
        legend = self.tr("Colour and bar: the weight, from 0 (dark) to this step's largest, {v:.3f} (yellow).").format(
            v=self.input_strip.vmax
        )
        if masked_row is not None and masked_row.any():
            legend += " " + self.tr("Hatched grey: later tokens, masked.")
        self.legend.setText(legend)
        self.input_strip.set_current(None if self.separate else index)
        self._show_top()
        self.step_changed.emit(index)

    def _show_top(self) -> None:
        row = self.rows[self.index]
        top = "   ".join(
            self.tr("“{t}” {w:.3f}").format(t=display_label(self.key_labels[k]), w=w) for k, w in strongest_keys(row, 5)
        )
        self.readout.setText(self.tr("Strongest:   {top}").format(top=top))

    def _on_input_hovered(self, key: int) -> None:
        if key < 0 or not self.steps:
            self._show_top()
            return
        label = display_label(self.key_labels[key])
        if self.masked is not None and self.masked[self.index, key]:
            self.readout.setText(self.tr("“{t}” (#{j}): masked, it comes later").format(t=label, j=key))
        else:
            weight = float(self.rows[self.index, key])
            self.readout.setText(self.tr("“{t}” (#{j}): weight {w:.4f}").format(t=label, j=key, w=weight))

    def _on_output_clicked(self, index: int) -> None:
        self.set_step(index)
        self.setFocus()  # the arrow keys go on from here

    def _on_input_clicked(self, key: int) -> None:
        self.setFocus()
        if not self.separate:  # one strip: its tokens are the steps
            self.set_step(key)

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key_Left: -1, Qt.Key_Up: -1, Qt.Key_Right: 1, Qt.Key_Down: 1}
        if event.key() in moves:
            self.set_step(self.index + moves[event.key()])
        elif event.key() == Qt.Key_Home:
            self.set_step(0)
        elif event.key() == Qt.Key_End:
            self.set_step(len(self.steps) - 1)
        else:
            super().keyPressEvent(event)

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self.output_strip.set_scale(factor)
        self.input_strip.set_scale(factor)
        self.step_label.setFont(self.fonts.font(1.3, bold=True))
        self.position_label.setFont(self.fonts.font(1.15))
        self.readout.setFont(self.fonts.font(1.15))
        self.legend.setFont(self.fonts.font())
        for caption in (self.output_caption, self.input_caption):
            caption.setFont(self.fonts.font(1.0, bold=True))
