"""Chart axes of the quantization lab: log axes label decades only, layer axes whole numbers only."""

from __future__ import annotations

import math

import pytest

from viz.ui.quantization.charts import IntegerAxis, LogAxis


@pytest.fixture
def log_axis(qapp):
    axis = LogAxis("left")
    axis.setLogMode(False, True)
    return axis


def _labels(axis, levels):
    shown = {}
    for spacing, values in levels:
        for value, text in zip(values, axis.tickStrings(values, 1.0, spacing)):
            if text:
                shown[round(value, 6)] = text
    return shown


def test_log_axis_labels_decades_and_leaves_minor_ticks_blank(log_axis):
    levels = log_axis.tickValues(-3.6, -1.2, 200)  # 2.5e-4 … 0.063
    shown = _labels(log_axis, levels)
    assert sorted(shown) == [-3.0, -2.0]  # 0.001 and 0.01, nothing in between
    minor = levels[1][1]
    assert len(minor) > 10  # the grid keeps its 2× … 9× ticks


def test_log_axis_within_one_decade_labels_two_and_five(log_axis):
    shown = _labels(log_axis, log_axis.tickValues(-3.9, -3.05, 200))  # 1.3e-4 … 8.9e-4
    assert sorted(shown) == [round(math.log10(2e-4), 6), round(math.log10(5e-4), 6)]


def test_integer_axis_never_ticks_between_layers(qapp):
    axis = IntegerAxis("bottom")
    for low, high, pixels in ((1, 4, 300), (0, 2, 600), (0.9, 1.1, 400), (0, 47, 300)):
        values = [v for _spacing, vs in axis.tickValues(low, high, pixels) for v in vs]
        assert values and all(float(v).is_integer() for v in values)


def test_a_long_title_never_pushes_the_plot_out_of_a_narrow_pane(qtbot):
    """pyqtgraph keeps a plot as wide as its title; beside the F1 panel on a projector that cut the plot's right
    side (Few-shot's k = 4, Scale's largest models), also after a theme switch sets the title text again."""
    from viz.ui.quantization.charts import ScaledPlot
    from viz.ui.theme import LIGHT, restyle_plots

    plot = ScaledPlot(title="Probability of the reference answer, a title far wider than its pane", left="P")
    qtbot.addWidget(plot)
    plot.set_scale(1.8)  # the projector's size
    plot.resize(320, 240)
    plot.show()
    qtbot.waitExposed(plot)
    restyle_plots(plot, LIGHT)
    qtbot.wait(20)
    assert plot.plotItem.geometry().width() <= plot.width() + 1
    assert plot.plotItem.vb.sceneBoundingRect().right() <= plot.width() + 1
