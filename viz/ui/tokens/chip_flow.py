"""Token chips in reading order, wrapped to the width: one painted widget, so 1000 tokens stay fast."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from viz.ui.tokens.style import ChipStyle


class TokenFlow(QWidget):
    """Chips with the readable text of each token and its id beneath; split characters show their bytes.

    Tokens that share a character (the byte-level pieces of one emoji) sit together inside a
    dotted outline; pieces of one word sit closer than words.
    """

    hovered = Signal(int)  # token index; -1 when the pointer leaves the chips
    selected = Signal(int)  # token index; -1 when the selection is cleared
    height_changed = Signal(int)  # the chips need this many pixels at the current width

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        self._tokens: tuple = ()
        self._segments: tuple = ()
        self._rects: list[QRectF] = []  # [token] chip rectangle
        self._outlines: list[QRectF] = []  # around tokens that share characters
        self._line_tops: list[float] = []  # top of each line of chips, for hit tests and painting
        self._line_tokens: list[tuple[int, int]] = []  # [line] (first, last + 1) token index
        self._line_height = 0.0
        self._parity: list[int] = []
        self._height = 0
        self._style: ChipStyle | None = None
        self._laid_out_for = -1
        self._hover = -1
        self._selected = -1

    # content
    def set_tokens(self, tokens: tuple, segments: tuple) -> None:
        self._tokens, self._segments = tuple(tokens), tuple(segments)
        self._hover = self._selected = -1
        self._relayout()

    def tokens(self) -> tuple:
        return self._tokens

    def chip_texts(self) -> list[str]:
        """The label painted on each chip, in order."""
        return [t.label for t in self._tokens]

    def chip_rect(self, index: int) -> QRectF:
        self._ensure_layout()
        return QRectF(self._rects[index])

    def index_at(self, point: QPointF) -> int:
        self._ensure_layout()
        line = bisect.bisect_right(self._line_tops, point.y()) - 1
        if line < 0:
            return -1
        first, stop = self._line_tokens[line]
        return next((i for i in range(first, stop) if self._rects[i].contains(point)), -1)

    def selected_index(self) -> int:
        return self._selected

    def set_selected(self, index: int) -> None:
        index = index if 0 <= index < len(self._tokens) else -1
        if index != self._selected:
            self._selected = index
            self.update()
            self.selected.emit(index)

    # layout
    def _chip_style(self) -> ChipStyle:
        if self._style is None:
            self._style = ChipStyle(self.font(), self.palette())
        return self._style

    def _ensure_layout(self) -> None:
        if self._laid_out_for != self.width():
            self._relayout()

    def _relayout(self) -> None:
        style = self._chip_style()
        label_m, id_m, mono_m = QFontMetricsF(style.label_font), QFontMetricsF(style.id_font), QFontMetricsF(style.mono_font)
        em = label_m.height()
        pad_x, pad_y, word_gap, join_gap = 0.3 * em, 0.12 * em, 0.55 * em, 0.14 * em
        with_pattern = any(t.splits_character for t in self._tokens)
        chip_h = label_m.height() + id_m.height() + (mono_m.height() if with_pattern else 0) + 2 * pad_y
        line_h = chip_h + 0.45 * em
        widths = []
        for t in self._tokens:
            label_w = sum(QFontMetricsF(style.part_font(p.kind)).horizontalAdvance(p.text) for p in t.parts)
            pattern_w = mono_m.horizontalAdvance(t.byte_pattern()) if t.splits_character else 0.0
            widths.append(max(label_w, id_m.horizontalAdvance(str(t.id)), pattern_w, 0.6 * em) + 2 * pad_x)
        margin = 0.3 * em
        available = max(self.width() - 2 * margin, 4 * em)
        self._rects = [QRectF() for _ in self._tokens]
        self._outlines, self._line_tops, self._line_tokens = [], [], []
        x, y, line_first = margin, margin, 0
        for segment in self._segments or [(i,) for i in range(len(self._tokens))]:
            members = segment.tokens if hasattr(segment, "tokens") else segment
            gap = join_gap if self._tokens[members[0]].joins_previous else word_gap
            unit_w = sum(widths[i] for i in members) + join_gap * (len(members) - 1)
            if x > margin and x + gap + unit_w > margin + available:
                self._line_tops.append(y)
                self._line_tokens.append((line_first, members[0]))
                x, y, line_first = margin, y + line_h, members[0]
            elif x > margin:
                x += gap
            for k, i in enumerate(members):
                self._rects[i] = QRectF(x, y, widths[i], chip_h)
                x += widths[i] + (join_gap if k < len(members) - 1 else 0)
            if len(members) > 1:
                outline = self._rects[members[0]].united(self._rects[members[-1]])
                self._outlines.append(outline.adjusted(-0.08 * em, -0.08 * em, 0.08 * em, 0.08 * em))
        if self._tokens:
            self._line_tops.append(y)
            self._line_tokens.append((line_first, len(self._tokens)))
        self._line_height = line_h
        counted, self._parity = 0, []
        for t in self._tokens:  # alternate fills over ordinary tokens, whatever part is repainted
            counted += 0 if t.special else 1
            self._parity.append(counted)
        self._metrics = (pad_x, pad_y, label_m, id_m, mono_m, em)
        self._height = int(y + line_h + margin) if self._tokens else 0
        self._laid_out_for = self.width()
        changed = self.minimumHeight() != self._height
        if changed:
            self.setMinimumHeight(self._height)
        self.updateGeometry()
        self.update()
        if changed:
            self.height_changed.emit(self._height)

    def sizeHint(self) -> QSize:
        return QSize(600, max(self._height, 40))

    # painting
    def paintEvent(self, event) -> None:
        self._ensure_layout()
        if not self._tokens:
            return
        style = self._chip_style()
        em = self._metrics[-1]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        exposed = QRectF(event.rect())
        first_line = max(0, bisect.bisect_right(self._line_tops, exposed.top() - self._line_height) - 1)
        last_line = bisect.bisect_right(self._line_tops, exposed.bottom())
        first = self._line_tokens[first_line][0]
        stop = self._line_tokens[last_line - 1][1] if last_line > 0 else 0
        painter.setPen(QPen(style.border, max(1.0, em / 18), Qt.DotLine))
        painter.setBrush(Qt.NoBrush)
        for outline in self._outlines:
            if outline.intersects(exposed):
                painter.drawRoundedRect(outline, 0.25 * em, 0.25 * em)
        for i in range(first, stop):
            self._paint_chip(painter, style, i, self._parity[i])
        painter.end()

    def _paint_chip(self, painter: QPainter, style: ChipStyle, i: int, parity: int) -> None:
        token, rect = self._tokens[i], self._rects[i]
        _pad_x, pad_y, label_m, id_m, mono_m, em = self._metrics
        chosen = i == self._selected
        if chosen:
            fill = style.accent
        elif token.special:
            fill = style.special_fill
        elif token.unknown:
            fill = style.unknown_fill
        else:
            fill = style.fills[parity % 2]
        border = QPen(style.accent if i == self._hover else style.border, em / (7 if i == self._hover else 16))
        if token.special:
            border.setStyle(Qt.DashLine)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 0.2 * em, 0.2 * em)
        # label, part by part, centred
        label_w = sum(QFontMetricsF(style.part_font(p.kind)).horizontalAdvance(p.text) for p in token.parts)
        x = rect.left() + (rect.width() - label_w) / 2
        baseline = rect.top() + pad_y + label_m.ascent()
        for part in token.parts:
            font = style.part_font(part.kind)
            painter.setFont(font)
            painter.setPen(style.accent_text if chosen else style.part_color(part.kind))
            painter.drawText(QPointF(x, baseline), part.text)
            x += QFontMetricsF(font).horizontalAdvance(part.text)
        painter.setPen(style.accent_text if chosen else style.muted)
        painter.setFont(style.id_font)
        top = rect.top() + pad_y + label_m.height()
        painter.drawText(QRectF(rect.left(), top, rect.width(), id_m.height()), Qt.AlignCenter, str(token.id))
        if token.splits_character:
            painter.setFont(style.mono_font)
            top += id_m.height()
            painter.drawText(QRectF(rect.left(), top, rect.width(), mono_m.height()), Qt.AlignCenter, token.byte_pattern())

    # interaction
    def mouseMoveEvent(self, event) -> None:
        self._set_hover(self.index_at(event.position()))

    def leaveEvent(self, event) -> None:
        self._set_hover(-1)
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            index = self.index_at(event.position())
            self.set_selected(-1 if index == self._selected else index)
        self.setFocus()

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key_Left: -1, Qt.Key_Right: 1}
        if event.key() in steps and self._tokens:
            start = self._selected if self._selected >= 0 else (-1 if steps[event.key()] > 0 else len(self._tokens))
            self.set_selected(max(0, min(len(self._tokens) - 1, start + steps[event.key()])))
        elif event.key() == Qt.Key_Home and self._tokens:
            self.set_selected(0)
        elif event.key() == Qt.Key_End and self._tokens:
            self.set_selected(len(self._tokens) - 1)
        elif event.key() == Qt.Key_Escape and self._selected >= 0:
            self.set_selected(-1)
        else:
            super().keyPressEvent(event)

    def _set_hover(self, index: int) -> None:
        if index != self._hover:
            self._hover = index
            self.update()
            self.hovered.emit(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.FontChange, QEvent.PaletteChange, QEvent.StyleChange):
            self._style = None
            self._relayout()
        super().changeEvent(event)
