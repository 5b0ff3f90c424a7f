"""Numbers in the interface language's style (Hungarian: decimal comma, space between thousands)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale

from viz.ui.i18n import current_language

translate = QCoreApplication.translate


def locale() -> QLocale:
    return QLocale(QLocale.Hungarian, QLocale.Hungary) if current_language() == "hu" else QLocale(QLocale.English,
                                                                                                  QLocale.UnitedStates)


def decimal(value: float, digits: int = 1) -> str:
    return locale().toString(float(value), "f", digits)


def gigabytes(value: float) -> str:
    """Bytes as GB (10^9), or MB (10^6) below 1 GB."""
    gb = value / 1e9
    if gb < 1:
        return translate("Scale", "{value} MB").format(value=decimal(value / 1e6, 1 if value < 1e8 else 0))
    return translate("Scale", "{value} GB").format(value=decimal(gb, 0 if gb >= 100 else 1))


def editable_count(value: float) -> str:
    """A count as the fields read it back: 2.59M, 124M, 6.74B (three significant digits)."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.0f}"


def count(value: float) -> str:
    """A count with M, B or T: 175 B, 1.4 T."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            scaled = value / size
            return f"{decimal(scaled, 0 if scaled >= 100 else 1)} {suffix}"
    return decimal(value, 0)


def scientific(value: float) -> str:
    """3.14e23 written as 3.14 × 10^23, with the locale's decimal mark."""
    if value <= 0:
        return decimal(0, 0)
    exponent = math.floor(math.log10(value))
    mantissa = value / 10**exponent
    return f"{decimal(mantissa, 2)}e{exponent}"
