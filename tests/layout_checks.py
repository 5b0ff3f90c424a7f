"""What a person on a projector would trip over, found from the widget tree: widgets outside the window,
clipped text, controls that need horizontal scrolling, a main picture squeezed by everything else."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractScrollArea, QComboBox, QLabel, QScrollArea, QTabBar, QWidget,
)

TOLERANCE = 1  # px: rounding of fractional font metrics


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible() and not w.isWindow()]


def viewport_of(widget: QWidget, root: QWidget) -> QWidget | None:
    """The scroll area viewport the widget lies in, if any: it may lie beyond it and be scrolled to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() == "qt_scrollarea_viewport":
            return parent
        parent = parent.parentWidget()
    return None


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:40]!r}" if text else name


def outside_window(root: QWidget) -> list[str]:
    window_rect = QRect(QPoint(0, 0), root.size()).adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    problems = []
    for widget in visible_widgets(root):
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        viewport = viewport_of(widget, root)
        parent = widget.parentWidget()
        if parent is not None and parent is not root and parent is not viewport and not widget.isWindow():
            inside = QRect(QPoint(0, 0), parent.size()).adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
            if not inside.contains(widget.geometry()) and parent.objectName() != "qt_scrollarea_viewport":
                problems.append(f"{describe(widget)} at {widget.geometry().getRect()} is cut by its parent "
                                f"{describe(parent)} {parent.size().toTuple()}")
                continue
        if viewport is None:
            if not window_rect.contains(rect):
                problems.append(f"{describe(widget)} at {rect.getRect()} lies outside the window "
                                f"{root.size().toTuple()}")
            continue
        # In a scroll area only the vertical direction scrolls: sideways, a control must stay in view.
        left = viewport.mapTo(root, QPoint(0, 0)).x()
        if rect.left() < left - TOLERANCE or rect.right() > left + viewport.width() + TOLERANCE:
            problems.append(f"{describe(widget)} at {rect.getRect()} reaches beyond the sides of its scroll area")
    return problems


def clipped_text(root: QWidget) -> list[str]:
    """Labels and buttons whose text needs more room than they have (Qt then cuts or elides it)."""
    problems = []
    for widget in visible_widgets(root):
        if isinstance(widget, QLabel):
            if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            room = widget.contentsRect()
            if widget.wordWrap():
                needed_height = widget.heightForWidth(widget.width())
                if needed_height > widget.height() + TOLERANCE:
                    problems.append(f"{describe(widget)} needs {needed_height} px height, has {widget.height()}")
            elif widget.minimumSizeHint().width() > widget.width() + TOLERANCE:
                problems.append(f"{describe(widget)} needs {widget.minimumSizeHint().width()} px, has {widget.width()}")
            elif widget.sizeHint().height() > room.height() + widget.contentsMargins().top() * 2 + TOLERANCE + 2 \
                    and widget.sizeHint().height() > widget.height() + TOLERANCE:
                problems.append(f"{describe(widget)} needs {widget.sizeHint().height()} px height, has {widget.height()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + TOLERANCE:
                problems.append(f"{describe(widget)} needs {widget.sizeHint().width()} px, has {widget.width()}")
        elif isinstance(widget, QComboBox) and widget.currentText() \
                and widget.sizeAdjustPolicy() != QComboBox.AdjustToMinimumContentsLengthWithIcon:  # elides by design
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if needed > widget.width() + TOLERANCE:
                problems.append(f"{describe(widget)} shows {needed} px of text in {widget.width()} px")
    return problems


def needs_horizontal_scrolling(root: QWidget) -> list[str]:
    problems = []
    for widget in visible_widgets(root):
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{describe(widget)} scrolls sideways")
        if isinstance(widget, QTabBar) and any(
            isinstance(child, QAbstractButton) and child.isVisible() for child in widget.findChildren(QAbstractButton)
        ):
            problems.append(f"tab bar {[widget.tabText(i) for i in range(widget.count())]} shows scroll arrows")
    return problems


def picture_share(root: QWidget, picture: QWidget) -> float:
    """The picture's area as a share of the window's."""
    return picture.width() * picture.height() / max(1, root.width() * root.height())


def problems(root: QWidget) -> list[str]:
    return outside_window(root) + clipped_text(root) + needs_horizontal_scrolling(root)
