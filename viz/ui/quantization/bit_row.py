"""A row of coloured boxes, one per bit, grouped into sign, exponent and mantissa (or integer) fields.

Every row uses the same box width (a 32-bit slot grid), so FP16 and BF16 are visibly half of FP32 and
BF16's sign and exponent line up with FP32's: BF16 is FP32's upper half.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from viz.ui.quantization.labels import FIELD_COLORS
from viz.ui.ui_scale import unscaled_points

SLOTS = 32


def _tint(color: QColor, amount: float) -> QColor:
    """Mix toward white: zeros are pale, ones are full colour, so the pattern reads at a glance."""
    return QColor(
        round(color.red() + (255 - color.red()) * amount),
        round(color.green() + (255 - color.green()) * amount),
        round(color.blue() + (255 - color.blue()) * amount),
    )


class BitRow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bits = ""
        self._fields: tuple = ()
        self._base_points = unscaled_points(self.font(), 8.0)
        self._scale = 1.0
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumWidth(SLOTS * 14)

    def set_bits(self, bits: str, fields) -> None:
        """`fields`: objects with `.name`, `.start`, `.length` (see viz.core.quant.formats.BitField)."""
        self._bits = bits
        self._fields = tuple(fields)
        self.setToolTip(" ".join(bits[f.start : f.start + f.length] for f in self._fields))
        self.update()

    def bits(self) -> str:
        return self._bits

    def set_scale(self, factor: float) -> None:
        self._scale = factor
        self.updateGeometry()
        self.update()

    def _digit_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._base_points * 1.25 * self._scale)
        font.setBold(True)
        return font

    def _caption_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._base_points * self._scale)
        return font

    def sizeHint(self) -> QSize:
        digit = QFontMetrics(self._digit_font()).height()
        caption = QFontMetrics(self._caption_font()).height()
        return QSize(SLOTS * int(digit * 1.6), int(digit * 2.0 + caption * 1.3))

    def minimumSizeHint(self) -> QSize:
        return QSize(SLOTS * 14, self.sizeHint().height())

    def _field_names(self) -> dict[str, str]:
        return {
            "sign": self.tr("sign"),
            "exponent": self.tr("exponent"),
            "mantissa": self.tr("mantissa"),
            "integer": self.tr("integer"),
        }

    def paintEvent(self, _event) -> None:
        if not self._bits:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        digit_font, caption_font = self._digit_font(), self._caption_font()
        digit_height = QFontMetrics(digit_font).height()
        box = min((self.width() - 2) / SLOTS, digit_height * 2.8)
        box_height = digit_height * 2.0
        names = self._field_names()
        palette_text = self.palette().color(self.foregroundRole())
        for field in self._fields:
            color = QColor(FIELD_COLORS.get(field.name, "#888888"))
            for offset in range(field.length):
                index = field.start + offset
                bit = self._bits[index]
                rect = QRectF(1 + index * box, 1, box - 2, box_height - 2)
                painter.setPen(QPen(color.darker(130), 1.5))
                painter.setBrush(color if bit == "1" else _tint(color, 0.78))
                painter.drawRoundedRect(rect, 3, 3)
                painter.setFont(digit_font)
                painter.setPen(QColor("white") if bit == "1" else QColor("#202020"))
                painter.drawText(rect, Qt.AlignCenter, bit)
            # The field's name under its boxes, when there is room; the bit count otherwise.
            span = QRectF(1 + field.start * box, box_height, field.length * box, self.height() - box_height)
            painter.setFont(caption_font)
            painter.setPen(palette_text)
            label = names.get(field.name, field.name)
            if field.length > 1:
                label = self.tr("{name} ({n})").format(name=label, n=field.length)
            metrics = QFontMetrics(caption_font)
            if metrics.horizontalAdvance(label) > span.width():
                label = metrics.elidedText(label, Qt.ElideRight, int(span.width()))
            painter.drawText(span, Qt.AlignHCenter | Qt.AlignTop, label)
        painter.end()
