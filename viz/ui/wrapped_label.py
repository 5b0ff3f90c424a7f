"""A word-wrapped label that asks its layout for the height its text needs at its present width.

Qt's layouts (and splitters) do not always honour a wrapped label's height-for-width, so at projector font
sizes the second line is cut off; this label states it as its minimum height whenever its width changes.
Its minimum size hint is that height too, not the height of its text wrapped at its narrowest (a short
status line such as "Compared in 0.3 s" had asked for four lines).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() > 0:
            needed = self._height_at(self.width()) if self.text() else 0
            if needed != self.minimumHeight():
                self.setMinimumHeight(max(0, needed))

    def _height_at(self, width: int) -> int:
        """The text's height at `width`. QLabel answers at least its minimum height, which this label set itself
        at an earlier, narrower width: measured without it, a label that once wrapped can shrink again."""
        kept = self.minimumHeight()
        if kept == 0:
            return self.heightForWidth(width)
        self.setMinimumHeight(0)
        height = self.heightForWidth(width)
        self.setMinimumHeight(kept)
        return height

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.width() > 0:
            return QSize(hint.width(), self.minimumHeight())
        return hint
