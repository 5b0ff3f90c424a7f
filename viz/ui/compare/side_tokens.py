"""Each run's tokens as chips, side by side; a chip whose token the other run does not have at the same index
is outlined in the warning colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from viz.ui.compare.chart import FLIP_COLOR
from viz.ui.tokens.chip_flow import TokenFlow
from viz.ui.wrapped_label import WrappedLabel


class MarkedTokenFlow(TokenFlow):
    """Token chips with some of them outlined (`set_marked`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.marked = np.zeros(0, dtype=bool)  # [token]

    def set_marked(self, marked: np.ndarray) -> None:
        self.marked = np.asarray(marked, dtype=bool)
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.marked.any():
            return
        em = self.fontMetrics().height() * 1.5  # the chips' label size (ChipStyle's label_scale)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor(FLIP_COLOR), max(2.0, em / 9)))
        painter.setBrush(Qt.NoBrush)
        for index in np.flatnonzero(self.marked[: len(self.tokens())]):
            rect = self.chip_rect(int(index))
            if rect.intersects(event.rect().toRectF()):
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 0.2 * em, 0.2 * em)
        painter.end()


class RunTokens(QWidget):
    """One run: a caption, then a flow of chips per side of its text (input, and output for encoder-decoders)."""

    position_chosen = Signal(int)  # a chip of the predicting side was selected

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = WrappedLabel("", self)
        self.inner = QWidget(self)
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.inner)
        self.flows: list[MarkedTokenFlow] = []
        self.titles: list[WrappedLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroll, 1)

    def show_sections(self, caption: str, sections, titles: dict[str, str]) -> None:
        self.caption.setText(caption)
        while self.inner_layout.count():
            item = self.inner_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.flows, self.titles = [], []
        for section in sections:
            if len(sections) > 1:
                title = WrappedLabel(titles.get(section.side, section.side), self.inner)
                self.inner_layout.addWidget(title)
                self.titles.append(title)
            flow = MarkedTokenFlow(self.inner)
            flow.set_tokens(section.tokens, section.segments)
            flow.set_marked(section.differs)
            if section is sections[-1]:  # the side whose positions the comparison lines up
                flow.selected.connect(self._on_selected)
            self.inner_layout.addWidget(flow)
            self.flows.append(flow)
        self.inner_layout.addStretch(1)

    def select(self, position: int) -> None:
        if self.flows:
            flow = self.flows[-1]
            flow.blockSignals(True)
            flow.set_selected(position)
            flow.blockSignals(False)

    def _on_selected(self, index: int) -> None:
        if index >= 0:
            self.position_chosen.emit(index)


class TokensPair(QWidget):
    """Run A's chips beside run B's."""

    position_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.run_a, self.run_b = RunTokens(self), RunTokens(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.run_a, 1)
        layout.addWidget(self.run_b, 1)
        for run in (self.run_a, self.run_b):
            run.position_chosen.connect(self.position_chosen)

    def show_pair(self, pair, captions: tuple[str, str]) -> None:
        titles = {"input": self.tr("Input"), "output": self.tr("Output (the decoder's inputs)")}
        self.run_a.show_sections(captions[0], pair.chips_a, titles)
        self.run_b.show_sections(captions[1], pair.chips_b, titles)

    def select(self, position: int) -> None:
        self.run_a.select(position)
        self.run_b.select(position)

    def marked(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """For each run, the outlined chips of each flow."""
        return [f.marked for f in self.run_a.flows], [f.marked for f in self.run_b.flows]
