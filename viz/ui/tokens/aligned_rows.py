"""Several tokenizers on one character axis: the text once, then one strip of tokens per tokenizer.

Each token is a box as wide as the characters it covers (a fixed-width font makes that
proportional to the character count); pieces that share a character split its width by the
bytes they hold. Boxes that every tokenizer cuts the same way are grey, the others coloured,
so the differences stand out. Long texts wrap into bands of axis plus strips.
"""

from __future__ import annotations

import bisect
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viz.ui.tokens.style import ChipStyle, scaled_font

AXIS_MARKS = {" ": "·", "\n": "↵", "\t": "⇥", "\r": "␍"}


class AlignedRows(QWidget):
    hovered = Signal(int, int)  # row, token index; -1, -1 when none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        self._comparison = None
        self._style: ChipStyle | None = None
        self._lines: list[tuple[int, int, list[float], float]] = []  # (first char, stop, x of each char edge, top)
        self._line_tops: list[float] = []
        self._in_line: list[list[list[int]]] = []  # [row][line] token indices drawn on that line
        self._segment_of: list[dict[int, int]] = []  # [row] token index -> segment index
        self._hover = (-1, -1)
        self._laid_out_for = -1
        self._height = 0
        self._first_band = 0

    def set_comparison(self, comparison) -> None:
        self._comparison = comparison
        self._hover = (-1, -1)
        self._segment_of = [
            {i: k for k, segment in enumerate(row.segments) for i in segment.tokens} for row in comparison.rows
        ] if comparison else []
        self._relayout()

    def comparison(self):
        return self._comparison

    def token_rect(self, row: int, index: int) -> QRectF:
        """Where token `index` of `row` is drawn (its first piece when it wraps)."""
        self._ensure_layout()
        for line, indices in enumerate(self._in_line[row]):
            if index in indices:
                return self._box(row, line, index)
        return QRectF()

    # geometry
    def _fonts(self):
        if self._style is None:
            self._style = ChipStyle(self.font(), self.palette())
            self._axis_font = scaled_font(self._style.mono_font, 1.8)
            self._chip_font = scaled_font(self.font(), 1.2)
            self._name_font = scaled_font(self.font(), 1.0)
            self._name_font.setBold(True)
        return self._style

    def _ensure_layout(self) -> None:
        if self._laid_out_for != self.width():
            self._relayout()

    def _relayout(self) -> None:
        self._fonts()
        axis_m, chip_m, name_m = QFontMetricsF(self._axis_font), QFontMetricsF(self._chip_font), QFontMetricsF(self._name_font)
        em = chip_m.height()
        comparison = self._comparison
        self._lines, self._line_tops, self._in_line = [], [], []
        self._laid_out_for = self.width()
        if comparison is None or not comparison.text:
            self._height = 0
            self.setMinimumHeight(0)
            self.update()
            return
        text, rows = comparison.text, comparison.rows
        names_w = max(name_m.horizontalAdvance(self._short(r.name)) for r in rows) if rows else 0
        self._left = names_w + 0.8 * em
        self._axis_h = axis_m.height() * 1.15
        self._row_h = em * 1.7
        band_h = self._axis_h + self._row_h * len(rows) + 0.7 * em
        available = max(self.width() - self._left - 0.5 * em, 6 * axis_m.averageCharWidth())
        widths = [axis_m.horizontalAdvance(AXIS_MARKS.get(ch, ch)) for ch in text]
        start, y = 0, 0.3 * em
        while start < len(text):
            stop, x, last_space = start, 0.0, -1
            while stop < len(text) and (x + widths[stop] <= available or stop == start):
                x += widths[stop]
                stop += 1
                if text[stop - 1] == "\n":
                    break
                if text[stop - 1].isspace():
                    last_space = stop
            if stop < len(text) and text[stop - 1] != "\n" and last_space > start and not text[stop].isspace():
                stop = last_space  # wrap after the last space rather than inside a word
            edges = [self._left]
            for k in range(start, stop):
                edges.append(edges[-1] + widths[k])
            self._lines.append((start, stop, edges, y))
            self._line_tops.append(y)
            start, y = stop, y + band_h
        line_starts = [line[0] for line in self._lines]
        for row in rows:
            per_line: list[list[int]] = [[] for _ in self._lines]
            for index, (a, b) in row.extents.items():
                line = max(0, bisect.bisect_right(line_starts, a) - 1)
                per_line[line].append(index)  # empty spans and the first piece of a wrapped span
                line += 1
                while line < len(self._lines) and self._lines[line][0] < b:
                    per_line[line].append(index)
                    line += 1
            self._in_line.append(per_line)
        self._band_h = band_h
        self._height = int(y + 0.3 * em)
        self._first_band = min(self._height, int(0.6 * em + band_h))
        if self.minimumHeight() != self._height:
            self.setMinimumHeight(self._height)
        self.updateGeometry()
        self.update()

    def _short(self, name: str) -> str:
        return name if len(name) <= 16 else name[:15] + "…"

    def _x(self, line: int, c: float) -> float:
        first, stop, edges, _ = self._lines[line]
        c = min(max(c, first), stop)
        k = min(int(math.floor(c)), stop)
        base = edges[k - first]
        if k < stop:
            base += (c - k) * (edges[k - first + 1] - edges[k - first])
        return base

    def _box(self, row: int, line: int, index: int) -> QRectF:
        a, b = self._comparison.rows[row].extents[index]
        top = self._lines[line][3] + self._axis_h + row * self._row_h
        x0, x1 = self._x(line, a), self._x(line, b)
        if b <= a:  # a token without characters: a thin mark where it sits
            width = self._row_h * 0.22
            return QRectF(x0 - width / 2, top + 2, width, self._row_h - 4)
        return QRectF(x0 + 1, top + 2, max(2.0, x1 - x0 - 2), self._row_h - 4)

    def sizeHint(self) -> QSize:
        return QSize(600, max(self._height, 40))

    def first_band_height(self) -> int:
        """The height of the text's first line with every tokenizer's row under it: the least that shows the
        comparison (0 before there is one)."""
        self._ensure_layout()
        return self._first_band if self._height else 0

    # painting
    def paintEvent(self, event) -> None:
        self._ensure_layout()
        if not self._lines:
            return
        style = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        exposed = QRectF(event.rect())
        first = max(0, bisect.bisect_right(self._line_tops, exposed.top() - self._band_h))
        last = bisect.bisect_right(self._line_tops, exposed.bottom())
        for line in range(max(0, first - 1), last):
            self._paint_axis(painter, style, line)
            for row in range(len(self._comparison.rows)):
                self._paint_strip(painter, style, line, row)
        painter.end()

    def _paint_axis(self, painter: QPainter, style: ChipStyle, line: int) -> None:
        first, stop, edges, top = self._lines[line]
        text = self._comparison.text
        lit = self._lit_span()
        metrics = QFontMetricsF(self._axis_font)
        painter.setFont(self._axis_font)
        if lit is not None and lit[0] < stop and lit[1] > first:
            x0, x1 = self._x(line, lit[0]), self._x(line, lit[1])
            painter.fillRect(QRectF(x0, top, x1 - x0, self._axis_h), style.accent)
        for k in range(first, stop):
            ch = text[k]
            inside = lit is not None and lit[0] <= k < lit[1]
            painter.setPen(style.accent_text if inside else (style.muted if ch in AXIS_MARKS else style.text))
            painter.drawText(QPointF(edges[k - first], top + metrics.ascent()), AXIS_MARKS.get(ch, ch))

    def _paint_strip(self, painter: QPainter, style: ChipStyle, line: int, row: int) -> None:
        data = self._comparison.rows[row]
        top = self._lines[line][3] + self._axis_h + row * self._row_h
        painter.setFont(self._name_font)
        painter.setPen(style.text)
        painter.drawText(QRectF(0, top, self._left - 0.4 * self._row_h, self._row_h), Qt.AlignRight | Qt.AlignVCenter, self._short(data.name))
        if data.error:
            if line == 0:
                painter.setPen(style.muted)
                painter.drawText(QRectF(self._left, top, self.width() - self._left, self._row_h), Qt.AlignVCenter, data.error)
            return
        painter.setFont(self._chip_font)
        metrics = QFontMetricsF(self._chip_font)
        for index in self._in_line[row][line]:
            token = data.tokens[index]
            rect = self._box(row, line, index)
            segment = self._segment_of[row].get(index, -1)
            if token.special or token.end <= token.start:
                fill = style.special_fill
            elif token.unknown:
                fill = style.unknown_fill
            elif segment in data.agreed:
                fill = style.neutral_fills[segment % 2]
            else:
                fill = style.fills[segment % 2]
            hovered = self._hover == (row, index)
            pen = QPen(style.accent if hovered else style.border, self._row_h / (10 if hovered else 24))
            if token.special:
                pen.setStyle(Qt.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, self._row_h * 0.12, self._row_h * 0.12)
            if not token.special:
                label = self._fitting_label(token.label, metrics, rect.width() - 4)
                if label:
                    painter.setPen(style.text)
                    painter.drawText(rect, Qt.AlignCenter, label)

    @staticmethod
    def _fitting_label(label: str, metrics, width: float) -> str:
        """The label, or without its space mark when only that does not fit (short words like "a")."""
        for candidate in (label, label.lstrip("\u2423")):
            if candidate and metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return ""

    def _lit_span(self):
        row, index = self._hover
        if row < 0:
            return None
        token = self._comparison.rows[row].tokens[index]
        return (token.start, token.end) if token.end > token.start else None

    # interaction
    def index_at(self, point: QPointF) -> tuple[int, int]:
        self._ensure_layout()
        line = bisect.bisect_right(self._line_tops, point.y()) - 1
        if line < 0 or self._comparison is None:
            return -1, -1
        row = int((point.y() - self._lines[line][3] - self._axis_h) // self._row_h)
        if not 0 <= row < len(self._comparison.rows) or point.y() < self._lines[line][3] + self._axis_h:
            return -1, -1
        for index in self._in_line[row][line]:
            if self._box(row, line, index).adjusted(-2, 0, 2, 0).contains(point):
                return row, index
        return -1, -1

    def mouseMoveEvent(self, event) -> None:
        hit = self.index_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
            self.hovered.emit(*hit)
            if hit[0] >= 0:
                row = self._comparison.rows[hit[0]]
                token = row.tokens[hit[1]]
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    self.tr("{name}: “{label}”, id {id}, characters {start}–{end}").format(
                        name=row.name, label=token.label, id=token.id, start=token.start, end=token.end
                    ),
                    self,
                )
            else:
                QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        if self._hover != (-1, -1):
            self._hover = (-1, -1)
            self.update()
            self.hovered.emit(-1, -1)
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.FontChange, QEvent.PaletteChange, QEvent.StyleChange):
            self._style = None
            self._relayout()
        super().changeEvent(event)
