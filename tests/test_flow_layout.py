"""FlowLayout: a row of controls that wraps instead of widening the window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from viz.ui.flow_layout import FlowLayout


def _row(qtbot, count: int = 4, size=(100, 30), spacing: int = 10):
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, spacing=spacing)
    layout.setContentsMargins(0, 0, 0, 0)
    items = []
    for _ in range(count):
        item = QWidget(host)
        item.setFixedSize(*size)
        layout.addWidget(item)
        items.append(item)
    return host, layout, items


def test_one_line_when_wide_enough(qtbot):
    host, layout, items = _row(qtbot)
    assert layout.heightForWidth(4 * 100 + 3 * 10) == 30
    host.resize(500, 30)
    host.show()
    qtbot.waitUntil(lambda: items[-1].x() == 330)
    assert {item.y() for item in items} == {0}


def test_wraps_when_narrow_and_asks_for_the_height(qtbot):
    host, layout, items = _row(qtbot)
    assert layout.heightForWidth(220) == 2 * 30 + 10  # two per line
    assert layout.heightForWidth(100) == 4 * 30 + 3 * 10  # one per line
    host.resize(220, 70)
    host.show()
    qtbot.waitUntil(lambda: items[2].y() == 40)
    assert [(i.x(), i.y()) for i in items] == [(0, 0), (110, 0), (0, 40), (110, 40)]


def test_minimum_width_is_the_widest_item_not_the_whole_row(qtbot):
    _host, layout, _items = _row(qtbot)
    assert layout.minimumSize().width() == 100
    assert layout.sizeHint().width() == 430


def test_hidden_items_take_no_room(qtbot):
    host, layout, items = _row(qtbot)
    items[1].hide()
    host.resize(500, 30)
    host.show()
    qtbot.waitUntil(lambda: items[2].x() == 110)
    assert layout.heightForWidth(320) == 30
