"""The factor the application font is enlarged by right now (presentation mode × zoom).

Widgets that scale painted text themselves keep the font at scale 1 as their reference. One made while the font
is enlarged (a language switch rebuilds the window during a presentation) divides by this factor, so that it
does not scale the enlargement a second time.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

_scale = 1.0


def set_current_scale(scale: float) -> None:
    global _scale
    _scale = scale if scale > 0 else 1.0


def current_scale() -> float:
    return _scale


def unscaled_points(font: QFont, floor: float = 0.0) -> float:
    """`font`'s size in points at scale 1 (fonts set in pixels count at 96 dpi), at least `floor`."""
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 72 / 96
    return max(points / _scale, floor)
