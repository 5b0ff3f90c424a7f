"""A layout that places widgets left to right and wraps to a new line when the width runs out.

Qt has no such layout; this follows Qt's own "Flow Layout" example. Rows of controls use it so
that projector-sized fonts wrap them instead of widening the window past the screen; tall panels go
in `vertical_scroll` for the same reason.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QScrollArea, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line of everything: the layout's preferred shape."""
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown)
        width += max(0, len(shown) - 1) * self._gap(Qt.Horizontal)
        height = max((item.sizeHint().height() for item in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parent()
        if isinstance(parent, QWidget):
            metric = QStyle.PM_LayoutHorizontalSpacing if orientation == Qt.Horizontal else QStyle.PM_LayoutVerticalSpacing
            gap = parent.style().pixelMetric(metric, None, parent)
            if gap >= 0:
                return gap
        return 6

    @staticmethod
    def _fitted(item: QLayoutItem, width: int) -> QSize:
        """The item's preferred size, no wider than a line (an item alone on its line may shrink to its minimum)."""
        hint = item.sizeHint()
        return QSize(max(item.minimumSize().width(), min(hint.width(), width)), hint.height())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QPoint]] = []

        def place_line() -> None:
            for item, point in line:  # centre each item vertically in its line, like a box layout
                hint = self._fitted(item, area.width())
                offset = (line_height - hint.height()) // 2
                item.setGeometry(QRect(point + QPoint(0, offset), hint))

        for item in self._items:
            if item.isEmpty():
                continue
            hint = self._fitted(item, area.width())
            gap_x = self._gap(Qt.Horizontal)
            if x > area.x() and x + hint.width() > area.right() + 1:
                if move:
                    place_line()
                line = []
                x, y = area.x(), y + line_height + self._gap(Qt.Vertical)
                line_height = 0
            line.append((item, QPoint(x, y)))
            x += hint.width() + gap_x
            line_height = max(line_height, hint.height())
        if move:
            place_line()
        return y + line_height - rect.y() + m.bottom()


def flow_row(widgets, spacing: int = -1) -> FlowLayout:
    """A FlowLayout holding `widgets`, with no margins (for use inside another layout)."""
    layout = FlowLayout(spacing=spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def keep_together(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that wrap as one (a label and its field), in a margin-less box."""
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class _VerticalScroll(QScrollArea):
    """Never narrower than its content (it does not scroll sideways, so what does not fit would be cut)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        width = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


def vertical_scroll(widget: QWidget) -> QWidget:
    """`widget` in a frameless scroll area that scrolls up and down only: at projector font sizes a tall
    panel scrolls instead of making the window taller than the screen."""
    from PySide6.QtWidgets import QFrame

    scroll = _VerticalScroll()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    return scroll
