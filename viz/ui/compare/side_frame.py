"""A picture with its run's caption above it ("A: demo-gpt2"): a wrapped label, not a plot title, so that a long
model name wraps instead of widening the plot past its half of the page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from viz.ui.wrapped_label import WrappedLabel


def captioned(parent: QWidget, picture: QWidget) -> tuple[QWidget, WrappedLabel]:
    box = QWidget(parent)
    caption = WrappedLabel("", box)
    picture.setParent(box)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(caption)
    layout.addWidget(picture, 1)
    return box, caption
