"""The input text box: it holds a bounded amount of text, so a huge paste cannot freeze the window.

QPlainTextEdit lays out a long line in one go on the GUI thread: measured, about 45 ms for 64,000
characters on one line, half a second for 400,000 and five seconds for 4 million (text in lines of usual
length costs little: 20 ms for 500,000 characters). The box therefore holds the loaded model's context,
CHARACTERS_PER_POSITION characters a position, and at least TEXT_BOX_LIMIT; what is cut is said in a
notice. A paste too large to fit is read in one turn of the event loop and inserted in a later one, so
neither step holds the window for long.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from viz.core.text_input import clean_text

TEXT_BOX_LIMIT = 50_000  # characters, whatever the model
CHARACTERS_PER_POSITION = 6  # more than English text averages per token: a long-context model's whole context fits
_UTF8_BYTES = 4  # at most, per character


def box_limit(max_positions: int) -> int:
    """Characters the box holds for a model with `max_positions` positions."""
    return max(TEXT_BOX_LIMIT, CHARACTERS_PER_POSITION * int(max_positions))


class BoundedTextEdit(QPlainTextEdit):
    clipped = Signal(int, int, bool)  # size of what was given, characters kept, whether the size is in bytes
    cleaned = Signal(int)  # code points that were not valid Unicode, replaced by U+FFFD

    def __init__(self, parent=None):
        super().__init__(parent)
        self.limit = TEXT_BOX_LIMIT

    def fit_model(self, max_positions: int) -> None:
        """Hold up to the loaded model's context (at least TEXT_BOX_LIMIT characters); text already there stays."""
        self.limit = box_limit(max_positions)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return super().insertFromMimeData(source)
        # The raw bytes are cheaper to reach than the text: a 40 MB paste is never turned into one string.
        raw = source.data("text/plain") if source.hasFormat("text/plain") else None
        room = max(0, self.limit - self._length_without_selection())
        if raw is not None and raw.size() > room * _UTF8_BYTES:  # certainly more than fits
            kept = bytes(raw.left(room * _UTF8_BYTES)).decode("utf-8", "ignore")[:room]
            size, in_bytes = raw.size(), True
        else:
            text = source.text()
            kept, size, in_bytes = text[:room], len(text), False
        if in_bytes:  # reading a huge paste took this turn of the event loop; laying out what fits takes a later one
            # A timer that is due later, not a zero one: a zero timer runs in the same batch of posted events,
            # before the event loop has handled input, paints and the timers that fell due meanwhile.
            QTimer.singleShot(1, self, lambda: self._insert(kept, size, in_bytes))
        else:
            self._insert(kept, size, in_bytes)

    def _insert(self, kept: str, size: int, in_bytes: bool) -> None:
        kept, replaced = clean_text(kept)
        cut = QMimeData()
        cut.setText(kept)
        super().insertFromMimeData(cut)
        if replaced:
            self.cleaned.emit(replaced)
        if in_bytes or size > len(kept):
            self.clipped.emit(size, len(kept), in_bytes)

    def set_bounded_text(self, text: str) -> None:
        """Replace the text; what does not fit is cut and said (`clipped`), unreadable code points replaced."""
        kept, replaced = clean_text(text[: self.limit])
        self.setPlainText(kept)
        if replaced:
            self.cleaned.emit(replaced)
        if len(text) > self.limit:
            self.clipped.emit(len(text), len(kept), False)

    def _length_without_selection(self) -> int:
        cursor = self.textCursor()
        return max(0, self.document().characterCount() - 1 - (cursor.selectionEnd() - cursor.selectionStart()))
