"""How the lens widgets write tokens and numbers: visible whitespace, numbers in the user's locale."""

from __future__ import annotations

from viz.ui.numbers import locale


def cell_text(token: str) -> str:
    """A token short enough for a cell: surrounding spaces dropped, line breaks and blanks made visible."""
    shown = token.replace("\n", "⏎").replace("\t", "⇥")
    return shown.strip() or "␣" * max(1, len(shown))


def quoted(token: str) -> str:
    return "“" + token.replace("\n", "⏎") + "”"


def number(value: float, digits: int = 2) -> str:
    return locale().toString(float(value), "f", digits)


def percent(value: float) -> str:
    return locale().toString(100.0 * float(value), "f", 1) + " %"
