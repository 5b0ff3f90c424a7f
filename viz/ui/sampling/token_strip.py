"""The sequence as a row of tokens; click one (or move with the arrow keys) to see its distribution."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

import pyqtgraph as pg

# Steps' tokens get a translucent tint so the text keeps the theme's own colour.
_WRITTEN = pg.colormap.get("viridis").map(0.85, mode="qcolor")
_WRITTEN.setAlpha(90)
_MASK = pg.colormap.get("magma").map(0.75, mode="qcolor")
_MASK.setAlpha(90)


class TokenStrip(QListWidget):
    position_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.Adjust)
        self.setSpacing(3)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.set_scale(1.0)
        self.currentRowChanged.connect(self._on_row)

    def show_sequence(self, labels, current: int | None, written=frozenset(), masks=(), tooltip: str = "") -> None:
        self.blockSignals(True)
        self.clear()
        masks = set(masks)
        bold = QFont()
        bold.setBold(True)  # only the weight: the size follows the strip's font
        for position, label in enumerate(labels):
            item = QListWidgetItem(label, self)
            item.setToolTip(tooltip.format(position=position + 1))
            if position in written:
                item.setBackground(_WRITTEN)
                item.setFont(bold)
            elif position in masks:
                item.setBackground(_MASK)
        if current is not None:
            self.setCurrentRow(current)
            self.scrollToItem(self.item(current))
        self.blockSignals(False)

    def set_current(self, position: int | None) -> None:
        self.blockSignals(True)
        if position is None:
            self.clearSelection()
        else:
            self.setCurrentRow(position)
            self.scrollToItem(self.item(position))
        self.blockSignals(False)

    def set_scale(self, factor: float) -> None:
        """The strip follows the application font (scaled in presentation mode); only its height is ours."""
        self._fit_height()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._fit_height()

    def _fit_height(self) -> None:
        line = self.fontMetrics().height() + 12
        self.setFixedHeight(int(line * 2.4))

    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.position_chosen.emit(row)
