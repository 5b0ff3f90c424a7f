"""Check boxes and radio buttons grow with the text and keep a visible outline in the dark theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionButton

from viz.ui.indicator_style import IndicatorStyle
from viz.ui.theme import DARK, qpalette
from viz.ui.ui_scale import set_current_scale


@pytest.fixture
def scale():
    yield set_current_scale
    set_current_scale(1.0)


@pytest.mark.parametrize("metric", [QStyle.PM_IndicatorWidth, QStyle.PM_ExclusiveIndicatorHeight])
def test_indicators_grow_with_the_application_font(qapp, scale, metric):
    style = IndicatorStyle()
    desktop = style.pixelMetric(metric)
    scale(2.0)
    assert style.pixelMetric(metric) == round(2 * desktop)
    assert style.pixelMetric(QStyle.PM_ButtonMargin) == QStyleFactory.create("Fusion").pixelMetric(QStyle.PM_ButtonMargin)


@pytest.mark.parametrize("element", [QStyle.PE_IndicatorCheckBox, QStyle.PE_IndicatorRadioButton])
def test_an_unchecked_indicator_stands_out_from_the_dark_window(qapp, element):
    def contrast(style) -> int:
        """The largest difference in grey level between the drawn indicator and the window behind it."""
        window = QColor(DARK.window)
        image = QImage(40, 40, QImage.Format_RGB32)
        image.fill(window)
        option = QStyleOptionButton()
        option.rect = QRect(10, 10, 20, 20)
        option.palette = qpalette(DARK)
        option.state = QStyle.State_Enabled | QStyle.State_Off
        painter = QPainter(image)
        style.drawPrimitive(element, option, painter)
        painter.end()
        grey = window.lightness()
        return max(abs(image.pixelColor(x, y).lightness() - grey) for x in range(40) for y in range(40))

    assert contrast(QStyleFactory.create("Fusion")) < 60  # Fusion's own: dark grey on near black
    assert contrast(IndicatorStyle()) > 100  # the text colour at 60 %
