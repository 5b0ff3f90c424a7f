"""Presentation mode: projector-sized fonts, no chrome, PageDown/PageUp through the views, Esc leaves; zoom."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from viz.ui.presentation import ZOOM_STEPS, presentation_point_size, step_zoom


@pytest.fixture
def shown(window, qtbot):
    """The window shown and active (window shortcuts only fire in the active window); theme restored after."""
    app = QApplication.instance()
    palette, sheet, config = app.palette(), app.styleSheet(), dict(pg.CONFIG_OPTIONS)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    if window.presentation.presenting:
        window.presentation.leave()
    window.presentation.restore_font()
    app.setPalette(palette)
    app.setStyleSheet(sheet)
    pg.setConfigOptions(**config)


def pixels(font, screen) -> float:
    return font.pointSizeF() * screen.logicalDotsPerInchY() / 72


def test_presentation_size_is_24pt_at_1080p(window):
    screen = window.screen()
    expected_pixels = 32 * screen.geometry().height() / 1080  # 24 pt at 96 dpi on 1080 lines, same share
    assert presentation_point_size(screen) * screen.logicalDotsPerInchY() / 72 == pytest.approx(expected_pixels)


def test_f5_enlarges_fonts_hides_chrome_and_scales_views(shown, qtbot, monkeypatch):
    window = shown
    app = QApplication.instance()
    scales = []
    for view in window.views:
        monkeypatch.setattr(view, "set_scale", lambda factor, key=view.key: scales.append((key, factor)))
    normal = app.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key_F5)
    assert window.presentation.presenting
    screen = window.screen()
    assert pixels(app.font(), screen) >= 32 * screen.geometry().height() / 1080 - 0.5
    assert app.font().pointSizeF() > normal
    assert window.text_edit.font().pointSizeF() == pytest.approx(app.font().pointSizeF())  # widgets follow
    assert window.isFullScreen()
    for chrome in (window.menuBar(), window.statusBar(), window.model_bar):
        assert not chrome.isVisible()
    assert window.tabs.isVisible() and window.text_edit.isVisible()
    factor = window.presentation.scale
    assert factor > 1
    assert sorted(key for key, f in scales if f == factor) == sorted(v.key for v in window.views)
    # the input box grows with the font, so its lines stay fully visible
    assert window.text_edit.height() >= 2 * window.text_edit.fontMetrics().lineSpacing()


def test_page_keys_step_views_even_from_the_text_field_and_esc_leaves(shown, qtbot):
    window = shown
    window.presentation.enter()
    window.text_edit.setFocus()
    start = window.tabs.currentIndex()
    qtbot.keyClick(window.text_edit, Qt.Key_PageDown)
    assert window.tabs.currentIndex() == (start + 1) % window.tabs.count()
    qtbot.keyClick(window.text_edit, Qt.Key_PageUp)
    qtbot.keyClick(window.text_edit, Qt.Key_PageUp)
    assert window.tabs.currentIndex() == (start - 1) % window.tabs.count()
    normal = window.presentation.base_font.pointSizeF()
    qtbot.keyClick(window.text_edit, Qt.Key_Escape)
    assert not window.presentation.presenting
    assert not window.isFullScreen()
    assert QApplication.instance().font().pointSizeF() == pytest.approx(normal)
    assert window.menuBar().isVisible() and window.statusBar().isVisible() and window.model_bar.isVisible()


def test_page_keys_outside_presentation_leave_the_view_alone(shown, qtbot):
    window = shown
    window.tabs.setFocus()
    start = window.tabs.currentIndex()
    qtbot.keyClick(window.text_edit, Qt.Key_PageDown)
    assert window.tabs.currentIndex() == start


def test_escape_outside_presentation_still_cancels_work(shown, qtbot, monkeypatch):
    window = shown
    cancelled = []
    monkeypatch.setattr(window.state.loader, "cancel", lambda: cancelled.append(True))
    qtbot.keyClick(window.tabs, Qt.Key_Escape)
    assert cancelled


def test_ctrl_plus_minus_zero_zoom_without_full_screen(shown, qtbot):
    window = shown
    app = QApplication.instance()
    normal = app.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key_Equal, Qt.ControlModifier)
    qtbot.keyClick(window, Qt.Key_Equal, Qt.ControlModifier)
    assert window.presentation.zoom == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 2]
    assert app.font().pointSizeF() == pytest.approx(normal * window.presentation.zoom)
    assert not window.isFullScreen() and window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key_Minus, Qt.ControlModifier)
    assert window.presentation.zoom == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 1]
    qtbot.keyClick(window, Qt.Key_0, Qt.ControlModifier)
    assert window.presentation.zoom == 1.0
    assert app.font().pointSizeF() == pytest.approx(normal)


def test_zoom_steps_are_bounded():
    assert step_zoom(1.0, 1) == 1.1 and step_zoom(1.0, -1) == 0.9
    assert step_zoom(ZOOM_STEPS[-1], 1) == ZOOM_STEPS[-1]
    assert step_zoom(ZOOM_STEPS[0], -1) == ZOOM_STEPS[0]
    assert step_zoom(1.05, 1) == 1.1  # between steps: the next one up


def test_presentation_thickens_plot_axes_and_enlarges_their_ticks(shown):
    window = shown
    plot = pg.PlotWidget(window.tabs.currentWidget())  # any plot inside the window follows the scale
    axis = plot.getAxis("bottom")
    window.presentation.enter()
    assert axis.pen().widthF() >= window.presentation.scale - 1e-6 > 1
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(QApplication.instance().font().pointSizeF())
    colours = window.theme.colours
    assert colours.text in ("#000000", "#ffffff")  # the projector variant: full contrast
    window.presentation.leave()
    assert axis.pen().widthF() == pytest.approx(1.0)


def test_chrome_stays_hidden_when_the_language_changes_while_presenting(shown, qtbot):
    window = shown
    window.presentation.enter()
    old_bar = window.model_bar
    window.set_language("en")
    # a rebuild makes every tab anew: seconds on a loaded machine
    qtbot.waitUntil(lambda: window.model_bar is not old_bar and window.tabs.isVisible(), timeout=60_000)
    assert window.presentation.presenting
    assert not window.menuBar().isVisible() and not window.model_bar.isVisible()
    window.presentation.leave()
    qtbot.waitUntil(lambda: window.menuBar().isVisible() and window.model_bar.isVisible())


def test_charts_made_while_presenting_are_not_scaled_twice(shown, qtbot):
    """A language switch rebuilds every view while the projector font is in place: its charts must come out the
    size they had before the switch, not that size times the presentation factor again."""
    window = shown
    window.presentation.enter()

    def tick_points():
        chart = window.view("compare").chart
        return chart.plotItem.getAxis("left").style["tickFont"].pointSizeF()

    before = tick_points()
    old_bar = window.model_bar
    window.set_language("en")
    qtbot.waitUntil(lambda: window.model_bar is not old_bar and window.tabs.isVisible(), timeout=60_000)
    assert tick_points() == pytest.approx(before, rel=0.02)
    assert window.view("attention").overview.fonts.base_points * window.presentation.scale == pytest.approx(
        QApplication.instance().font().pointSizeF(), rel=0.02)
    window.presentation.leave()


def test_real_views_survive_repeated_scaling_with_a_trace(shown, qtbot, tiny_loaded, tiny_trace):
    """Fonts change under every view many times (F5, zoom, Esc) while they show a trace."""
    window = shown
    window.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2"))
    for _ in range(3):
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(10)
        window.presentation.enter()
        window.presentation.zoom_in()
        window.step_view(1)
        qtbot.wait(10)
        window.presentation.leave()
        window.presentation.zoom_out()
    assert window.presentation.scale == pytest.approx(1.0)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(window.presentation.base_font.pointSizeF())


@pytest.mark.parametrize("model", ["demo-gpt2", "demo-t5"])
def test_every_view_fits_a_1280x800_projector(shown, qtbot, monkeypatch, model):
    """At projector font sizes the window still fits the screen: rows of controls wrap, side panels scroll."""
    import viz.ui.presentation as presentation

    width, height = 1280, 800
    monkeypatch.setattr(presentation, "presentation_point_size",
                        lambda screen: 32 * height / 1080 * 72 / screen.logicalDotsPerInchY())
    with qtbot.waitSignal(shown.state.trace_changed, timeout=60_000):
        shown.load_source(model)
    shown.presentation.enter()
    assert shown.presentation.scale > 1.5
    quantization = next(view for view in shown.views if view.key == "quantization")
    quantization.weights.measure()  # filled pages: measured layers, a comparison, their status lines
    quantization.outputs.run()
    qtbot.waitUntil(lambda: quantization.weights.table.rowCount() > 0 and quantization.outputs.result is not None,
                    timeout=60_000)
    lens = next(view for view in shown.views if view.key == "lens")
    shown.show_view("lens")
    qtbot.waitUntil(lambda: lens.result is not None and not lens.busy(), timeout=120_000)
    pages = [(index, None) for index in range(shown.tabs.count())]
    pages += [(shown.views.index(quantization), inner) for inner in range(quantization.tabs.count())]
    pages += [(shown.views.index(lens), inner) for inner in range(lens.tabs.count())]
    for index, inner in pages:  # each shown once: combo boxes size themselves when first shown
        shown.tabs.setCurrentIndex(index)
        if inner is not None:
            shown.views[index].tabs.setCurrentIndex(inner)
        qtbot.wait(20)
        hint = shown.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, (shown.tabs.tabText(index), inner, hint)


def test_long_work_shows_its_progress_while_presenting(shown, qtbot):
    """The status bar is hidden while presenting; a load that takes a while brings it back until it ends."""
    window = shown
    window.presentation.enter()
    assert not window.statusBar().isVisible()
    window.state.busy.emit(True, "Loading demo-t5…")
    assert not window.statusBar().isVisible()  # not at once: a quick trace must not make it flicker
    qtbot.waitUntil(window.statusBar().isVisible, timeout=2000)
    assert window.status_label.text() == "Loading demo-t5…" and window.progress.isVisible()
    window.state.busy.emit(False, "")
    assert not window.statusBar().isVisible()
    window.state.busy.emit(True, "Tracing")
    window.state.busy.emit(False, "")
    qtbot.wait(600)
    assert not window.statusBar().isVisible()
    window.presentation.leave()
    assert window.statusBar().isVisible()


def test_zoomed_window_fits_a_1080p_screen(shown, qtbot):
    """Ctrl + to 250% in a normal window (menus and model bar shown): the window still fits 1920x1080,
    also with a long folder among the recent models."""
    with qtbot.waitSignal(shown.state.trace_changed, timeout=60_000):
        shown.load_source("demo-t5")
    shown.model_bar.add_recent("courses/deep-learning-2026/week-07/checkpoints/my-finetuned-model-with-a-long-name")
    shown.presentation.set_zoom(2.5)
    for index in range(shown.tabs.count()):
        shown.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        hint = shown.minimumSizeHint()
        assert hint.width() <= 1920 and hint.height() <= 1080, (shown.tabs.tabText(index), hint)


def test_the_tab_titles_shrink_to_fit_beside_the_f1_panel_on_a_small_projector(window, qtbot, monkeypatch):
    from projector import leave, present_at, settle

    window.show()
    window.help_panel.setVisible(True)
    present_at(window, 1024, 768, monkeypatch)
    try:
        bar = window.tabs.tabBar()
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        assert needed <= window.tabs.width()  # eleven tabs, no scroll arrows
        wide = bar.font().pointSizeF()
        window.help_panel.setVisible(False)  # the bar widens: the titles grow back
        settle()
        assert bar.font().pointSizeF() > wide
    finally:
        leave(window)
        window.presentation.restore_font()
