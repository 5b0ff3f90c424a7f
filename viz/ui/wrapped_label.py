"""A word-wrapped label that asks its layout for the height its text needs at its present width.

Qt's layouts (and splitters) do not always honour a wrapped label's height-for-width, so at projector font
sizes the second line is cut off; this label states it as its minimum height whenever its width changes.
"""

from __future__ import annotations

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
            needed = self.heightForWidth(self.width()) if self.text() else 0
            if needed != self.minimumHeight():
                self.setMinimumHeight(max(0, needed))
