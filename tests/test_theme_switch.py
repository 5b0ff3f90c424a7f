"""A theme switch while running restyles every view: after light -> dark -> light (and the other way), every
visible label's text and the sampling chart's value labels contrast with their background by WCAG 4.5:1."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

WCAG_AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_matches_wcag_examples():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def poor_contrast(window) -> list[str]:
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        group = QPalette.Active if label.isEnabled() else QPalette.Disabled
        palette = label.palette()
        text, background = palette.color(group, label.foregroundRole()), palette.color(group, label.backgroundRole())
        if contrast(text, background) < WCAG_AA:
            found.append(f"{label.text()[:40]!r}: {text.name()} on {background.name()}")
    sampling = window.view("sampling")
    plot_bg = QColor(window.theme.colours.plot_bg)
    for item in sampling.chart.value_texts:
        if item.isVisible() and item.color.name() != QColor("#999999").name():
            if contrast(item.color, plot_bg) < WCAG_AA and item.color != QColor(sampling_cut_colour()):
                found.append(f"bar value {item.toPlainText()!r}: {item.color.name()} on {plot_bg.name()}")
    return found


def sampling_cut_colour():
    from viz.ui.sampling.chart import CUT_COLOR

    return CUT_COLOR


@pytest.mark.parametrize("order", [("light", "dark", "light"), ("dark", "light", "dark")])
def test_theme_switch_restyles_every_view(window, qtbot, tiny_loaded, tiny_trace, order):
    app = QApplication.instance()
    palette, sheet, config = app.palette(), app.styleSheet(), dict(pg.CONFIG_OPTIONS)
    window.show()
    window.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2"))
    try:
        found = []
        for choice in order:
            window.set_theme(choice)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                qtbot.wait(30)
                found += [f"{choice} {window.views[index].key}: {p}" for p in poor_contrast(window)]
        assert not found, "\n".join(found)
    finally:
        app.setPalette(palette)
        app.setStyleSheet(sheet)
        pg.setConfigOptions(**config)


def test_a_theme_switch_while_presenting_keeps_the_help_panels_smaller_font(window, qtbot):
    """A new style sheet resets the fonts widgets set themselves: the F1 panel grew to the projector size."""
    window.show()
    window.help_panel.setVisible(True)
    window.presentation.enter()
    try:
        before = window.help_panel.body.font().pointSizeF()
        window.set_theme("dark")
        assert window.help_panel.body.font().pointSizeF() == before < QApplication.font().pointSizeF()
    finally:
        window.set_theme("light")
        window.presentation.leave()
