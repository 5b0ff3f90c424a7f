"""Colours and fonts of token chips, derived from the palette and the widget font (so themes and
presentation mode carry over)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

UNKNOWN_HUE = QColor(217, 95, 2)  # an orange that reads on light and dark bases


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` towards `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def scaled_font(font: QFont, factor: float) -> QFont:
    """A copy of `font` `factor` times as large, whether it was sized in points or pixels."""
    out = QFont(font)
    if font.pointSizeF() > 0:
        out.setPointSizeF(font.pointSizeF() * factor)
    else:
        out.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return out


class ChipStyle:
    """Everything a painter needs, computed once per font or palette change."""

    def __init__(self, font: QFont, palette: QPalette, label_scale: float = 1.5):
        self.label_font = scaled_font(font, label_scale)
        self.special_font = QFont(self.label_font)
        self.special_font.setItalic(True)
        self.id_font = scaled_font(font, 1.05)
        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        mono.setPointSizeF(self.id_font.pointSizeF() if self.id_font.pointSizeF() > 0 else mono.pointSizeF())
        self.mono_font = scaled_font(mono, 0.95)
        base, text = palette.color(QPalette.Base), palette.color(QPalette.Text)
        accent = palette.color(QPalette.Highlight)
        self.text = text
        self.muted = blend(text, base, 0.5)
        self.fills = (blend(base, accent, 0.14), blend(base, accent, 0.42))  # alternate word by word
        self.neutral_fills = (blend(base, text, 0.07), blend(base, text, 0.2))
        self.border = blend(base, text, 0.35)
        self.special_fill = blend(base, text, 0.22)
        self.unknown_fill = blend(base, UNKNOWN_HUE, 0.35)
        self.accent = accent
        self.accent_text = palette.color(QPalette.HighlightedText)
        self.base = base

    def part_color(self, kind: str) -> QColor:
        return self.muted if kind in ("space", "join", "partial", "byte") else self.text

    def part_font(self, kind: str) -> QFont:
        if kind == "byte":
            return self.mono_font
        if kind == "special":
            return self.special_font
        return self.label_font
