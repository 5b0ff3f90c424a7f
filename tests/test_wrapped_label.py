"""The wrapped label asks for the height its text needs at its present width, also after it was narrower."""

from __future__ import annotations


def test_a_wrapped_label_shrinks_back_to_one_line_when_it_widens(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from viz.ui.wrapped_label import WrappedLabel

    holder = QWidget()
    qtbot.addWidget(holder)
    label = WrappedLabel("Compared in 0.3 s", holder)
    QVBoxLayout(holder).addWidget(label)
    holder.show()
    one_line = label.fontMetrics().lineSpacing()
    holder.resize(40, 300)  # as narrow as the layout allows: the words wrap
    qtbot.waitUntil(lambda: label.minimumHeight() >= 2 * one_line)
    holder.resize(600, 300)
    qtbot.waitUntil(lambda: label.minimumHeight() <= one_line + 2)
    assert label.minimumSizeHint().height() == label.minimumHeight()
