"""The input text, shaded token by token, with the characters of the hovered token lit up."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from viz.ui.tokens.style import ChipStyle


def utf16_positions(text: str) -> list[int]:
    """[i] -> where code point i starts in Qt's UTF-16 text (characters beyond U+FFFF take two units)."""
    out, at = [0], 0
    for ch in text:
        at += 2 if ord(ch) > 0xFFFF else 1
        out.append(at)
    return out


MAX_LINES = 3  # taller texts scroll: the chips below need the room more


class SourceText(QPlainTextEdit):
    """Read-only text; `light_up(start, end)` marks characters [start, end) (code points). As tall as its
    wrapped text, up to MAX_LINES lines."""

    _segments: tuple = ()  # class defaults: Qt may send a change event while __init__ runs
    _span = None
    _style = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self._text = ""
        self._positions = [0]
        self._segments: tuple = ()
        self._span: tuple[int, int] | None = None
        self._style: ChipStyle | None = None

    def set_text(self, text: str, segments: tuple) -> None:
        self._text, self._segments, self._span = text, tuple(segments), None
        self._positions = utf16_positions(text)
        self.setPlainText(text)
        self._apply()
        self._fit_height()

    def light_up(self, start: int | None, end: int | None = None) -> None:
        """Light up characters [start, end); `None` lights nothing."""
        span = None if start is None or end is None or end <= start else (start, end)
        if span != self._span:
            self._span = span
            self._apply()
            if span is not None:
                cursor = QTextCursor(self.document())  # no selection: only scrolls the span into view
                cursor.setPosition(self._positions[min(span[0], len(self._text))])
                self.setTextCursor(cursor)
                self.ensureCursorVisible()

    def lit_span(self) -> tuple[int, int] | None:
        """The lit characters as code-point offsets, read back from the highlight the widget shows."""
        for selection in self.extraSelections():
            if selection.format.property(QTextFormat.UserProperty) == "lit":
                utf16 = (selection.cursor.selectionStart(), selection.cursor.selectionEnd())
                return self._positions.index(utf16[0]), self._positions.index(utf16[1])
        return None

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions[min(start, len(self._text))])
        cursor.setPosition(self._positions[min(end, len(self._text))], QTextCursor.KeepAnchor)
        return cursor

    def _apply(self) -> None:
        if self._style is None:
            self._style = ChipStyle(self.font(), self.palette())
        style, selections, parity = self._style, [], 0
        for segment in self._segments:  # the token boundaries, shaded alternately
            if segment.end <= segment.start:
                continue
            parity += 1
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(segment.start, segment.end)
            fmt = QTextCharFormat()
            fmt.setBackground(style.fills[parity % 2])
            selection.format = fmt
            selections.append(selection)
        if self._span is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(*self._span)
            fmt = QTextCharFormat()
            fmt.setBackground(style.accent)
            fmt.setForeground(style.accent_text)
            fmt.setProperty(QTextFormat.UserProperty, "lit")
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def _fit_height(self) -> None:
        width = max(self.viewport().width() - 2 * round(self.document().documentMargin()), 40)
        sample = self._text[:4000] or " "  # enough for MAX_LINES lines at any width a window has
        wrapped = self.fontMetrics().boundingRect(QRect(0, 0, width, 10**6), Qt.TextWordWrap, sample).height()
        line = self.fontMetrics().lineSpacing()
        lines = min(MAX_LINES, max(1, round(wrapped / line)))
        chrome = 2 * self.frameWidth() + 2 * self.document().documentMargin() + 0.3 * line  # no scroll bar for what fits
        self.setFixedHeight(round(lines * line + chrome))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.PaletteChange, QEvent.StyleChange):
            self._style = None
            self._apply()
            self._fit_height()
