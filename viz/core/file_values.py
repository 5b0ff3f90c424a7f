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


def settings_number(settings: dict, key: str, low: float, high: float, whole: bool, notes: list[str]):
    """The number stored under `key`, in range, or None; a clamped value adds a line to `notes`."""
    if key not in settings:
        return None
    checked = checked_number(settings[key], low, high, whole)
    if checked.clamped:
        shown = checked.value if checked.value is not None else "the default"
        notes.append(f"{key} = {_short(settings[key])} is outside {_short(low)}…{_short(high)}; {shown} is used")
    return checked.value


def _short(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "-huge" if value < 0 else "huge"  # str() of an integer past 4300 digits raises
    text = repr(value)
    return text if len(text) <= 24 else text[:20] + "…"
