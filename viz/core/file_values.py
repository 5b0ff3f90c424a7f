"""Numbers and nesting read from files (sessions, settings): checked against a range, clamped, never raised.

JSON can hold what no control can show: `1e400` parses as infinity, `1e999999` digits as a huge integer,
`NaN`, or lists nested a hundred thousand deep. These helpers turn such values into something usable and
say what they changed, so the caller can tell the user.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INT32 = (-(2**31) + 1, 2**31 - 1)  # what a Qt spin box or slider can hold
MAX_DEPTH = 32  # view settings are flat; deeper nesting is dropped


@dataclass(frozen=True)
class Clamped:
    """One stored value that was moved into range: the words for the user are the caller's (translated)."""

    key: str
    stored: str  # the stored value, shortened for a sentence
    low: str
    high: str
    used: object  # the value used instead, or None for the control's default


@dataclass(frozen=True)
class Checked:
    value: object  # the number to use, or None when the stored value is not a number at all
    clamped: bool = False  # the stored number was outside the range (or not finite) and was moved into it


def checked_number(value, low: float, high: float, whole: bool = False) -> Checked:
    """`value` moved into [low, high]; whole numbers for integer controls. Booleans and text are not numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return Checked(None)
    if isinstance(value, float) and math.isnan(value):
        return Checked(None, clamped=True)
    clamped = not (low <= value <= high)
    value = min(high, max(low, value))
    if whole:
        value = int(round(value)) if isinstance(value, float) else int(value)
        clamped = clamped or value != min(high, max(low, value))
    else:
        value = float(value)
    return Checked(value, clamped)


def shallow(value, depth: int = 0):
    """A copy of a JSON value without nesting deeper than MAX_DEPTH (deeper parts become None)."""
    if depth >= MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return {str(k): shallow(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [shallow(v, depth + 1) for v in value]
    return value


def settings_number(settings: dict, key: str, low: float, high: float, whole: bool, notes: list[Clamped]):
    """The number stored under `key`, in range, or None; a clamped value adds a `Clamped` to `notes`."""
    if key not in settings:
        return None
    checked = checked_number(settings[key], low, high, whole)
    if checked.clamped:
        notes.append(Clamped(key, _short(settings[key]), _short(low), _short(high), checked.value))
    return checked.value


def qt_safe(value, notes: list[Clamped], key: str = ""):
    """A copy of a settings value in which every number fits a Qt control (a 32-bit integer, a finite float).

    PySide reports an integer too big for C++ twice: once raised, and once more later, from the event loop,
    where no caller can catch it. So numbers are made safe before any view sees them."""
    if isinstance(value, dict):
        return {k: qt_safe(v, notes, f"{key}.{k}" if key else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [qt_safe(v, notes, f"{key}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    checked = checked_number(value, *INT32, whole=isinstance(value, int))
    if checked.clamped:
        notes.append(Clamped(key, _short(value), _short(INT32[0]), _short(INT32[1]), checked.value))
    return checked.value


def _short(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        # str() of an integer past 4300 digits raises; its size in words any language reads
        return f"{'-' if value < 0 else ''}~1e{int(value.bit_length() * math.log10(2))}"
    text = repr(value)
    return text if len(text) <= 24 else text[:20] + "…"
