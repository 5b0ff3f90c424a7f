"""Read counts as people write them: 175B, 1.4T, 7e9, 125 M, 3,14e23 (a decimal comma is accepted)."""

from __future__ import annotations

import re

from viz.core.errors import VizError

_SUFFIX = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12, "p": 1e15}
_PATTERN = re.compile(r"^\s*([0-9]+(?:[.,][0-9]*)?(?:e[+-]?[0-9]+)?)\s*([kmbgtp]?)\s*$", re.IGNORECASE)


class QuantityError(VizError):
    """A count the calculator cannot read."""


def parse_count(text: str) -> float:
    """A positive number with an optional k, M, B (or G), T or P suffix."""
    cleaned = text.replace("\u00a0", "").replace("_", "").replace(" ", "")
    match = _PATTERN.match(cleaned)
    if not match:
        raise QuantityError(f"“{text.strip()}” is not a count such as 7B, 1.4T or 3e23.")
    value = float(match.group(1).replace(",", ".")) * _SUFFIX[match.group(2).lower()]
    if value <= 0:
        raise QuantityError("The count must be above zero.")
    return value
