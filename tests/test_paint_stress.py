"""Regression guard: PySide6 6.12.0 on Python 3.11 crashed (none_dealloc) after a few hundred paints."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg


def test_hundreds_of_pyqtgraph_repaints(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    curve = widget.plot(pen="y")
    image = pg.ImageItem()
    widget.addItem(image)
    rng = np.random.default_rng(0)
    for i in range(400):
        curve.setData(rng.standard_normal(200))
        image.setImage(rng.random((32, 32)))
        widget.repaint()  # a synchronous paint through QPainter
        if i % 50 == 0:
            qtbot.wait(1)
    picture = widget.grab().toImage()
    assert not picture.isNull()
