"""The attention view's painted axes: token labels that shrink before thinning, elided titles, colour bars."""

from __future__ import annotations

import numpy as np
import pytest


def test_token_labels_shrink_before_any_is_left_out(qtbot):
    """Presentation fonts are larger than a cell: the labels shrink a little rather than skip tokens."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from viz.ui.attention.token_axis import MIN_LABEL_PIXELS, MIN_SHRINK, TokenAxis

    axis = TokenAxis("left")
    font = QFont()
    font.setPointSizeF(24)
    axis.set_font(font)
    axis.set_labels([f"t{i}" for i in range(20)])
    line = QFontMetricsF(font).height() * 1.1
    assert axis.label_font(2 * line).pointSizeF() == 24  # room enough: the font as set
    assert axis.visible_indices(0.85 * line, 0, 20) == list(range(20))  # shrunk, every token labelled
    assert MIN_SHRINK * 24 <= axis.label_font(0.85 * line).pointSizeF() < 24
    assert axis.visible_indices(0.5 * line, 0, 20) == list(range(20))  # half the height: still every token
    smallest = max(MIN_SHRINK, MIN_LABEL_PIXELS / line)
    assert axis.label_font(0.2 * line).pointSizeF() == pytest.approx(smallest * 24)
    assert axis.visible_indices(0.2 * line, 0, 20) == list(range(0, 20, 2))  # too small: thinned


def test_an_axis_title_longer_than_its_axis_is_elided(qtbot):
    from PySide6.QtGui import QFont

    from viz.ui.attention.token_axis import TokenAxis

    axis = TokenAxis("left")
    font = QFont()
    font.setPointSizeF(24)
    axis.set_font(font)
    axis.set_labels(["a", "b"], "query: the token that looks")
    axis.resize(200, 900)
    assert axis.labelText == "query: the token that looks"
    axis.resize(200, 150)
    assert axis.labelText.endswith("…") and len(axis.labelText) < len("query: the token that looks")
    axis.resize(200, 900)
    assert axis.labelText == "query: the token that looks"  # room again: the whole title


@pytest.mark.parametrize("scale", [1.0, 2.6])
def test_colour_bar_labels_both_ends_at_every_size(qtbot, scale):
    """pyqtgraph drops tick labels that outgrow the axis; at projector sizes the bar once showed only "0"."""
    from PySide6.QtGui import QPainter, QPixmap

    from viz.ui.attention.heatmap import HeatmapDetail

    detail = HeatmapDetail()
    qtbot.addWidget(detail)
    detail.resize(1800, 700)
    detail.show()
    detail.set_scale(scale)
    matrix = np.full((13, 18), 0.001, dtype=np.float32)
    matrix[0, 3] = 0.37
    detail.show_matrix(matrix, [f"q{i}" for i in range(13)], [f"k{i}" for i in range(18)])
    qtbot.wait(50)
    axis = detail.colorbar.axis
    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    painter.setFont(axis.style["tickFont"])
    texts = [spec[2] for spec in axis.generateDrawSpecs(painter)[2]]
    painter.end()
    assert sorted(texts) == ["0", "0.1", "0.2", "0.3", "0.37"]


def test_colour_bar_covers_the_largest_cell_and_hover_numbers_tokens_from_one(qtbot):
    from viz.ui.attention.heatmap import HeatmapDetail

    detail = HeatmapDetail()
    qtbot.addWidget(detail)
    matrix = np.tril(np.full((4, 4), 0.2, dtype=np.float32))
    matrix[0, 0] = 1.0  # a causal first row sees only itself
    masked = np.triu(np.ones((4, 4), dtype=bool), 1)
    detail.resize(800, 600)
    detail.show()
    detail.show_matrix(matrix, list("abcd"), list("abcd"), masked, scale_title="attention flow (rollout)")
    qtbot.wait(50)
    assert detail.colorbar.levels()[1] >= 1.0
    assert detail.colorbar.axis.labelText == "attention flow (rollout)"
    detail._on_mouse_moved(detail.scene_pos_of(2, 1))
    assert "(#3)" in detail.readout.text() and "(#2)" in detail.readout.text()
