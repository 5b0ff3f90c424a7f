"""Numbers as the chosen language writes them (Hungarian: 4 096 and 51,6 %; English: 4,096 and 51.6 %)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from viz.ui import i18n


def locale() -> QLocale:
    return QLocale(QLocale.Hungarian) if i18n.current_language() == "hu" else QLocale(QLocale.English)


def integer(value: int) -> str:
    return locale().toString(int(value))


def decimal(value: float, digits: int) -> str:
    return locale().toString(float(value), "f", digits)


def significant(value: float, digits: int) -> str:
    return locale().toString(float(value), "g", digits)
