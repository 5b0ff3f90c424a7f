"""Fusion with check boxes and radio buttons that grow with the text and show their outline in both themes.

Fusion draws these indicators at a fixed pixel size, small beside projector-sized text, and outlines them in a
shade darker than the window, which in the dark theme is all but black on black. The style sheet cannot size
them without taking over their drawing (check marks and all), so a proxy style scales the indicator metrics by
the application's current font scale and draws a text-coloured outline over Fusion's own.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle

from viz.ui.ui_scale import current_scale

_SCALED = (
    QStyle.PM_IndicatorWidth, QStyle.PM_IndicatorHeight,
    QStyle.PM_ExclusiveIndicatorWidth, QStyle.PM_ExclusiveIndicatorHeight,
)
OUTLINE_ALPHA = 150  # of 255: the outline in the text colour, softened


class IndicatorStyle(QProxyStyle):
    def __init__(self):
        super().__init__("Fusion")

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        size = super().pixelMetric(metric, option, widget)
        return round(size * current_scale()) if metric in _SCALED else size

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (QStyle.PE_IndicatorCheckBox, QStyle.PE_IndicatorRadioButton):
            return
        colour = QColor(option.palette.color(QPalette.WindowText))
        colour.setAlpha(OUTLINE_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setPen(QPen(colour, max(1.0, current_scale())))
        painter.setBrush(QColor(0, 0, 0, 0))
        inset = max(1.0, current_scale()) / 2
        rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
        if element == QStyle.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 1.5, 1.5)
        painter.restore()
