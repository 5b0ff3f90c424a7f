"""The input text box: it holds a bounded amount of text, so a huge paste cannot freeze the window.

QPlainTextEdit lays out a long line in one go on the GUI thread: measured, about 45 ms for 64,000
characters on one line, half a second for 400,000 and five seconds for 4 million. The box therefore keeps
at most TEXT_BOX_LIMIT characters, which is more than the character budget of a model with 1,024
positions (viz.core.text_input); what is cut is said in a notice. A paste too large to fit is read in one
turn of the event loop and inserted in the next, so neither step holds the window for long.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from viz.core.text_input import clean_text

TEXT_BOX_LIMIT = 50_000  # characters
_UTF8_BYTES = 4  # at most, per character


class BoundedTextEdit(QPlainTextEdit):
    clipped = Signal(int, int, bool)  # size of what was given, characters kept, whether the size is in bytes
    cleaned = Signal(int)  # code points that were not valid Unicode, replaced by U+FFFD

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return super().insertFromMimeData(source)
        # The raw bytes are cheaper to reach than the text: a 40 MB paste is never turned into one string.
        raw = source.data("text/plain") if source.hasFormat("text/plain") else None
        room = max(0, TEXT_BOX_LIMIT - self._length_without_selection())
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
        kept, replaced = clean_text(text[:TEXT_BOX_LIMIT])
        self.setPlainText(kept)
        if replaced:
            self.cleaned.emit(replaced)
        if len(text) > TEXT_BOX_LIMIT:
            self.clipped.emit(len(text), len(kept), False)

    def _length_without_selection(self) -> int:
        cursor = self.textCursor()
        return max(0, self.document().characterCount() - 1 - (cursor.selectionEnd() - cursor.selectionStart()))
