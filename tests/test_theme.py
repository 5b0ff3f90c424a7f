"""Themes: light and dark follow the OS or the user, reach plots that already exist, and stay legible."""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from viz.ui import theme as themes
from viz.ui.theme import DARK, DARK_PROJECTOR, LIGHT, LIGHT_PROJECTOR, ThemeManager, colormap, lightness


@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    palette, sheet, config = app.palette(), app.styleSheet(), dict(pg.CONFIG_OPTIONS)
    yield app
    app.setPalette(palette)
    app.setStyleSheet(sheet)
    pg.setConfigOptions(**config)


class FakeHints:
    def __init__(self, scheme):
        self.scheme = scheme

    def colorScheme(self):
        return self.scheme


class FakeApp:
    def __init__(self, scheme):
        self.hints = FakeHints(scheme)

    def styleHints(self):
        return self.hints


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(colour):
        c = np.array(QColor(colour).getRgb()[:3]) / 255
        c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return float(c @ [0.2126, 0.7152, 0.0722])
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_system_choice_follows_the_os_scheme():
    assert themes.resolve_scheme("system", FakeApp(Qt.ColorScheme.Dark)) == "dark"
    assert themes.resolve_scheme("system", FakeApp(Qt.ColorScheme.Light)) == "light"
    assert themes.resolve_scheme("system", FakeApp(Qt.ColorScheme.Unknown)) == "light"
    assert themes.resolve_scheme("dark", FakeApp(Qt.ColorScheme.Light)) == "dark"  # the user's choice wins


@pytest.mark.parametrize("colours", [LIGHT, DARK, LIGHT_PROJECTOR, DARK_PROJECTOR])
def test_text_contrast_is_legible(colours):
    assert contrast(colours.text, colours.window) >= 7  # WCAG AAA for body text
    assert contrast(colours.plot_fg, colours.plot_bg) >= 7
    assert contrast(colours.error_text, colours.error_bg) >= 4.5
    assert contrast(colours.notice_text, colours.notice_bg) >= 4.5


def test_projector_variants_use_full_contrast():
    assert contrast(LIGHT_PROJECTOR.text, LIGHT_PROJECTOR.window) == pytest.approx(21)
    assert contrast(DARK_PROJECTOR.text, DARK_PROJECTOR.window) == pytest.approx(21)


@pytest.mark.parametrize("name", [themes.SEQUENTIAL_COLORMAP, themes.COLOUR_BLIND_COLORMAP])
def test_colour_maps_rise_steadily_in_lightness(name):
    """A washed-out projector keeps lightness order, not hue: lightness must rise over a wide range."""
    rgb = colormap(name).getLookupTable(0.0, 1.0, 64, alpha=False)
    lstar = lightness(rgb)
    assert np.all(np.diff(lstar) > 0)
    assert lstar[-1] - lstar[0] >= 60


def test_lightness_matches_reference_values():
    # CIE L* of sRGB black, white and mid grey #777777 (L* 50.03, from the CIE formulas)
    rgb = np.array([[0, 0, 0], [255, 255, 255], [119, 119, 119]])
    assert lightness(rgb) == pytest.approx([0, 100, 50.03], abs=0.05)


def test_stylesheet_template_fills_every_placeholder():
    for colours in (LIGHT, DARK):
        sheet = themes.stylesheet(colours)
        assert "$" not in sheet
        assert colours.error_bg in sheet
        assert not re.search(r"font-size|font:", sheet)  # fonts come from the application font (zoom)


def test_dark_choice_recolours_palette_and_existing_plots(window, restore_theme):
    app = restore_theme
    plot = pg.PlotWidget(window.tabs.currentWidget())
    window.set_theme("dark")
    assert app.palette().color(QPalette.Window).name() == DARK.window
    assert app.palette().color(QPalette.Text).name() == DARK.text
    assert plot.backgroundBrush().color().name() == DARK.plot_bg
    assert plot.getAxis("left").textPen().color().name() == DARK.plot_fg
    assert pg.getConfigOption("background") == DARK.plot_bg  # plots made from now on
    later = pg.PlotWidget()
    assert later.backgroundBrush().color().name() == DARK.plot_bg
    window.set_theme("light")
    assert plot.backgroundBrush().color().name() == LIGHT.plot_bg
    assert app.palette().color(QPalette.Window).name() == LIGHT.window


def test_theme_menu_switches_and_is_remembered(restore_theme, qtbot):
    from viz.ui.main_window import MainWindow
    from viz.ui.settings import Settings

    settings = Settings()
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    theme_menu = next(a.menu() for a in view_menu.actions() if a.menu() and a.text() == "&Theme")
    names = [a.text() for a in theme_menu.actions()]
    assert names == ["Follow the system", "Light", "Dark"]
    assert theme_menu.actions()[0].isChecked()
    theme_menu.actions()[2].trigger()
    assert settings.theme == "dark"
    assert restore_theme.palette().color(QPalette.Window).name() == DARK.window
    win.state.shutdown()


def test_os_scheme_change_reapplies_only_when_following_the_system(restore_theme, monkeypatch):
    manager = ThemeManager(restore_theme, "light")
    applied = []
    monkeypatch.setattr(manager, "apply", lambda: applied.append(manager.choice))
    manager._on_os_scheme_changed(Qt.ColorScheme.Dark)
    assert applied == []
    manager.choice = "system"
    manager._on_os_scheme_changed(Qt.ColorScheme.Dark)
    assert applied == ["system"]


def test_without_a_theme_plots_keep_their_colours_but_still_scale(window, restore_theme):
    """Headless export and tests never apply a theme: dark-on-dark axes would vanish from the pictures."""
    plot = pg.PlotWidget(window.tabs.currentWidget())
    before = plot.backgroundBrush().color().name(), plot.getAxis("left").pen().color().name()
    window.apply_scale(2.0)
    assert (plot.backgroundBrush().color().name(), plot.getAxis("left").pen().color().name()) == before
    assert plot.getAxis("left").pen().widthF() == pytest.approx(2.0)


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_a_checked_button_stands_out_in_the_accent_colour(window, restore_theme, qtbot, choice):
    from collections import Counter

    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QPushButton

    from viz.ui.theme import DARK, LIGHT

    def fill(button) -> QColor:  # the colour covering most of the button
        image = button.grab().toImage()
        pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
        return QColor.fromRgb(pixels.most_common(1)[0][0])

    def distance(a: QColor, b: QColor) -> float:
        return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5

    window.set_theme(choice)
    accent = QColor((DARK if choice == "dark" else LIGHT).accent)
    window.show()
    button = QPushButton("Overview", window.tabs.currentWidget(), checkable=True)
    button.show()
    qtbot.wait(20)
    plain = fill(button)
    button.setChecked(True)
    qtbot.wait(20)
    checked = fill(button)
    # Fusion shades the accent a little; before, a checked button was a few units darker than the others.
    assert distance(checked, accent) < 80 < distance(checked, plain)
