"""The head view: query tokens on the left, key tokens on the right, a line per pair as opaque as its weight."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from viz.core.attention import LINES_TOKEN_LIMIT, display_label, strongest_keys
from viz.ui.attention.style import FontScale

LINE_COLOUR = (31, 119, 180)  # one hue; the weight is carried by opacity alone, as in BertViz


class AttentionLines(QWidget):
    """Pointing at a token keeps only its lines; clicking pins it."""

    token_hovered = Signal(str, int)  # "query" or "key", index (-1 when none)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.matrix = np.zeros((0, 0), dtype=np.float32)  # [query, key]
        self.query_labels: list[str] = []
        self.key_labels: list[str] = []
        self.focus: tuple[str, int] | None = None  # hovered token
        self.pinned: tuple[str, int] | None = None

    def show_matrix(self, matrix: np.ndarray, query_labels: list[str], key_labels: list[str]) -> None:
        self.matrix = np.asarray(matrix)
        self.query_labels = [display_label(s) for s in query_labels]
        self.key_labels = [display_label(s) for s in key_labels]
        self.focus = None
        if self.pinned is not None and self.pinned[1] >= self._count(self.pinned[0]):
            self.pinned = None
        self.updateGeometry()
        self.update()

    def _count(self, side: str) -> int:
        return len(self.query_labels) if side == "query" else len(self.key_labels)

    # geometry
    def _pitch(self) -> float:
        """Row spacing: at least a comfortable line, spread out to fill the height (up to two lines)."""
        line = QFontMetricsF(self.fonts.font()).height()
        rows = max(len(self.query_labels), len(self.key_labels), 1) + 2
        return max(line * 1.25, min(line * 2.0, self.height() / rows))

    def sizeHint(self) -> QSize:
        rows = max(len(self.query_labels), len(self.key_labels), 1) + 2
        return QSize(600, int(rows * QFontMetricsF(self.fonts.font()).height() * 1.25))

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def _columns(self) -> tuple[float, float]:
        """x of the left column's right edge and the right column's left edge."""
        width = self.width()
        return width * 0.38, width * 0.62

    def _y(self, index: int, count: int) -> float:
        pitch = self._pitch()
        top = (self.height() - count * pitch) / 2
        return top + (index + 0.5) * pitch

    def token_at(self, pos: QPointF) -> tuple[str, int] | None:
        left, right = self._columns()
        metrics = QFontMetricsF(self.fonts.font())
        side = "query" if pos.x() <= left + 4 else "key" if pos.x() >= right - 4 else None
        if side is None:
            return None
        labels = self.query_labels if side == "query" else self.key_labels
        pitch = self._pitch()
        for index, label in enumerate(labels):
            y = self._y(index, len(labels))
            width = metrics.horizontalAdvance(label) + 12
            x_ok = pos.x() >= left - width if side == "query" else pos.x() <= right + width
            if abs(pos.y() - y) <= pitch / 2 and x_ok:
                return side, index
        return None

    def point_of(self, side: str, index: int) -> QPointF:
        """Where a token's label sits (for driving the widget in tests)."""
        left, right = self._columns()
        return QPointF(left - 10 if side == "query" else right + 10, self._y(index, self._count(side)))

    # painting
    def paintEvent(self, _event) -> None:
        if self.matrix.size == 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        font = self.fonts.font()
        painter.setFont(font)
        left, right = self._columns()
        n_query, n_key = self.matrix.shape
        active = self.focus or self.pinned
        vmax = float(self.matrix.max()) or 1.0
        pen = QPen()
        pen.setWidthF(self.fonts.width(2.0))
        for q in range(n_query):
            for k in range(n_key):
                if active is not None and (active != ("query", q) and active != ("key", k)):
                    continue
                alpha = int(255 * self.matrix[q, k] / vmax)
                if alpha < 3:
                    continue
                pen.setColor(QColor(*LINE_COLOUR, alpha))
                painter.setPen(pen)
                painter.drawLine(QPointF(left + 6, self._y(q, n_query)), QPointF(right - 6, self._y(k, n_key)))
        text = self.palette().windowText().color()
        bold = self.fonts.font(bold=True)
        height = self._pitch()
        for side, labels, x in (("query", self.query_labels, left), ("key", self.key_labels, right)):
            for index, label in enumerate(labels):
                y = self._y(index, len(labels))
                highlighted = active == (side, index)
                painter.setFont(bold if highlighted else font)
                painter.setPen(QColor(*LINE_COLOUR) if highlighted else text)
                if side == "query":
                    rect = QRectF(x - 400, y - height / 2, 400 - 4, height)
                    painter.drawText(rect, int(Qt.AlignRight | Qt.AlignVCenter), label)
                else:
                    rect = QRectF(x + 4, y - height / 2, 400, height)
                    painter.drawText(rect, int(Qt.AlignLeft | Qt.AlignVCenter), label)
        painter.setFont(bold)
        painter.setPen(text)
        top = self._y(0, max(n_query, n_key)) - height * 1.5
        painter.drawText(QRectF(0, top, left, height), int(Qt.AlignRight | Qt.AlignVCenter), self.tr("query"))
        key_header = QRectF(right, top, self.width() - right, height)
        painter.drawText(key_header, int(Qt.AlignLeft | Qt.AlignVCenter), self.tr("key"))
        painter.end()

    # mouse
    def mouseMoveEvent(self, event) -> None:
        self.set_focus(self.token_at(event.position()))

    def leaveEvent(self, _event) -> None:
        self.set_focus(None)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            token = self.token_at(event.position())
            self.pinned = None if token == self.pinned else token
            self.update()

    def set_focus(self, token: tuple[str, int] | None) -> None:
        if token != self.focus:
            self.focus = token
            shown = token or self.pinned
            self.token_hovered.emit(*(shown if shown else ("", -1)))
            self.update()

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self.updateGeometry()
        self.update()


class LinesPanel(QWidget):
    """The head view with a readout, or the reason it is not offered for a long text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fonts = FontScale(self)
        self.lines = AttentionLines(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.lines)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignCenter)
        self.readout = QLabel(self)
        self.readout.setTextFormat(Qt.PlainText)
        self.readout.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.readout)
        self.lines.token_hovered.connect(self._on_token_hovered)
        self.set_scale(1.0)

    def show_matrix(self, matrix: np.ndarray, query_labels: list[str], key_labels: list[str], title: str = "") -> None:
        self.title.setText(title)
        self.title.setVisible(True)
        self.message.setVisible(False)
        self.scroll.setVisible(True)
        self.lines.show_matrix(matrix, query_labels, key_labels)
        self.readout.setText(self.tr("Point at a token to keep only its lines; click it to pin them."))

    def show_too_long(self, count: int) -> None:
        self.title.setVisible(False)
        self.scroll.setVisible(False)
        self.message.setVisible(True)
        self.readout.setText("")
        self.message.setText(
            self.tr(
                "The line view draws one line for every pair of tokens, so it is offered for up to {limit} tokens; "
                "this text has {n}. Use the detail heatmap instead, or a shorter text."
            ).format(limit=LINES_TOKEN_LIMIT, n=count)
        )

    def _on_token_hovered(self, side: str, index: int) -> None:
        lines = self.lines
        if index < 0:
            self.readout.setText(self.tr("Point at a token to keep only its lines; click it to pin them."))
            return
        if side == "query":
            row = lines.matrix[index]
            labels, token = lines.key_labels, lines.query_labels[index]
            lead = self.tr("“{t}” (#{i}) attends most to:").format(t=token, i=index)
        else:
            row = lines.matrix[:, index]
            labels, token = lines.query_labels, lines.key_labels[index]
            lead = self.tr("Attending most to “{t}” (#{i}):").format(t=token, i=index)
        top = "   ".join(self.tr("“{t}” {w:.3f}").format(t=labels[j], w=w) for j, w in strongest_keys(row, 5))
        self.readout.setText(lead + "   " + top)

    def set_scale(self, factor: float) -> None:
        self.fonts.factor = factor
        self.lines.set_scale(factor)
        self.readout.setFont(self.fonts.font(1.15))
        self.message.setFont(self.fonts.font(1.2))
        self.title.setFont(self.fonts.font(1.3))
