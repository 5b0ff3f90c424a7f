"""The Why tab driven as a person would: open it, read the shaded tokens, click heads, scan, patch, cancel."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from viz.core.why.attribution import AttributionRequest, run_attribution
from viz.core.why.knockout import KnockoutRequest, run_knockout
from viz.core.why.target import target_for_trace

TEXT = "The quick brown fox jumps over the lazy dog."


@pytest.fixture
def shown(qtbot, window, tiny_loaded, tiny_trace):
    """The main window with a tiny GPT-2 traced and the Why tab in front."""

    def show(arch="gpt2", text=TEXT):
        window.resize(1280, 800)
        window.show()
        window.adopt(tiny_loaded(arch), tiny_trace(arch, text))
        window.show_view("why")
        view = window.view("why")
        qtbot.waitUntil(lambda: not view.busy() and view.target is not None, timeout=60_000)
        return window, view

    yield show
    window.view("why").shutdown()


def test_tab_sits_after_lens_and_explains_the_favourite(shown, tiny_loaded):
    window, view = shown()
    keys = [v.key for v in window.views]
    assert keys.index("sampling") < keys.index("lens") < keys.index("why") == keys.index("lens") + 1
    assert window.tabs.tabText(keys.index("why")) == "Why"
    loaded = window.state.model
    expected = target_for_trace(loaded, window.state.trace)
    assert view.target == expected
    reference = run_attribution(loaded, AttributionRequest(expected))
    np.testing.assert_allclose(view.attribution.result.scores, reference.scores, rtol=1e-6)
    assert "Completeness" in view.attribution.summary.text()
    rows = view.export_tables()["attribution"]
    assert rows[0] == ["position", "token_id", "token", "score"] and len(rows) == len(expected.input_ids) + 1
    html = view.attribution.text.toHtml()
    assert "background-color" in html  # tokens are shaded
    assert not view.export_widget().grab().isNull()


def test_clicking_heads_knocks_them_out_and_scan_fills_the_map(shown, qtbot):
    window, view = shown()
    view.why_pages.setCurrentIndex(1)
    grid = view.knockout.grid
    qtbot.waitUntil(lambda: grid.isVisible())
    scene_pos = grid.plot.vb.mapViewToScene(grid.plot.vb.mapToView(grid.plot.vb.boundingRect().center()))
    layer, head = grid.cell_at(scene_pos)
    view.knockout.toggle(layer, head)  # what a click on that cell does (cell_clicked -> toggle)
    qtbot.waitUntil(lambda: not view.busy() and view.knockout.result is not None
                    and view.knockout.result.request.heads == (("decoder", layer, head),), timeout=30_000)
    expected = run_knockout(window.state.model, KnockoutRequest(view.target, (("decoder", layer, head),)))
    assert view.knockout.result.probability == pytest.approx(expected.probability, abs=1e-9)
    assert "1 heads knocked out" in view.knockout.summary.text()
    qtbot.mouseClick(view.knockout.scan, Qt.LeftButton)
    qtbot.waitUntil(lambda: "decoder" in view.knockout.scans and not view.busy(), timeout=60_000)
    scan = view.knockout.scans["decoder"]
    assert scan.probability.shape == (2, 4)
    assert scan.probability[layer, head] == pytest.approx(expected.probability, abs=1e-6)
    assert "head_scan_decoder" in view.export_tables()
    qtbot.mouseClick(view.knockout.reset, Qt.LeftButton)
    qtbot.waitUntil(lambda: not view.busy() and view.knockout.result.request.heads == (), timeout=30_000)


def test_patching_shows_a_map_or_a_clear_length_error(shown, qtbot):
    window, view = shown()
    view.patching.corrupted.setText("A completely different and much longer sentence than the clean one is.")
    qtbot.mouseClick(view.patching.run, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=30_000)
    assert "same length" in view.message.text()
    view.patching.corrupted.setText("The quick brown dog jumps over the lazy fox.")  # as many tokens
    qtbot.mouseClick(view.patching.run, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.patching.result is not None and not view.busy(), timeout=60_000)
    assert not view.message.isVisible()
    assert view.patching.patch_map.values.shape == view.patching.result.maps["residual"].shape
    assert "patching" in view.export_tables()


def test_attention_overview_knock_out_opens_the_why_tab(shown, qtbot):
    window, view = shown()
    attention = window.view("attention")
    window.show_view("attention")
    attention.overview.knockout_requested.emit(1, 3)
    assert window.current_view() is view
    assert view.why_pages.currentIndex() == 1
    qtbot.waitUntil(lambda: not view.busy() and view.knockout.result is not None
                    and view.knockout.result.request.heads == (("decoder", 1, 3),), timeout=30_000)


def test_sampling_why_this_token_explains_that_candidate(shown, qtbot):
    window, view = shown()
    sampling = window.view("sampling")
    window.show_view("sampling")
    qtbot.waitUntil(lambda: sampling.distribution is not None, timeout=30_000)
    ids, _labels = sampling._candidates()
    pos = QPoint(sampling.chart.width() // 2, 5)
    token = sampling.candidate_at(pos)
    assert token in [int(i) for i in ids]
    sampling.ask_why(int(ids[2]))  # the menu action "Why this token?" on the third candidate
    assert window.current_view() is view
    qtbot.waitUntil(lambda: not view.busy() and view.target is not None and view.target.token_id == int(ids[2]),
                    timeout=60_000)
    assert view.attribution.result.request.target.token_id == int(ids[2])


def test_cancel_stops_a_long_run(shown, qtbot):
    window, view = shown()
    view.attribution.steps.setValue(1024)
    view._run_attribution()
    assert view.busy() and view.progress_row.isVisibleTo(view)
    qtbot.mouseClick(view.cancel_button, Qt.LeftButton)
    assert not view.busy()
    qtbot.waitUntil(lambda: not view.progress_row.isVisibleTo(view), timeout=5_000)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_presentation_sizes_keep_the_picture_large(shown, qtbot, size):
    window, view = shown()
    window.presentation.enter()
    window.showNormal()
    window.resize(*size)
    qtbot.wait(50)
    for index in range(view.why_pages.count()):
        view.why_pages.setCurrentIndex(index)
        qtbot.wait(20)
        picture = view.export_widget()
        assert picture.height() >= 0.4 * view.height(), index
        assert picture.width() >= 0.55 * view.width(), index
    from PySide6.QtWidgets import QApplication

    bars = view.attribution.bars  # its axis title grows with the projector font, as the ticks do
    title = bars.getPlotItem().getAxis("bottom").labelStyle["font-size"]
    assert title == f"{QApplication.font().pointSizeF():.0f}pt"
    window.presentation.leave()
    window.presentation.restore_font()
