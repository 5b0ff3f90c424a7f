"""Find a vocabulary entry from what a person types."""

from __future__ import annotations

from typing import Sequence

SPACE = "␣"  # how labels show a leading space


def find_token(labels: Sequence[str], query: str) -> int | None:
    """The best match for `query` among `labels`, or None.

    Tried in order: the exact label, `#id`, the word with a leading space (what a word in the
    middle of a sentence is), case-insensitive, then the first label starting with and containing it.
    """
    text = query.strip("\n")
    if not text:
        return None
    if text.startswith("#") and text[1:].isdigit() and int(text[1:]) < len(labels):
        return int(text[1:])
    shown = text.replace(" ", SPACE)
    candidates = (shown, SPACE + shown, "##" + shown)
    index: dict[str, int] = {}
    for i, label in enumerate(labels):
        if label in candidates:
            index.setdefault(label, i)
    for candidate in candidates:
        if candidate in index:
            return index[candidate]
    lowered = shown.lower()
    for test in (
        lambda label: label.lower() in (lowered, SPACE + lowered),
        lambda label: label.lower().lstrip(SPACE).startswith(lowered),
        lambda label: lowered in label.lower(),
    ):
        for i, label in enumerate(labels):
            if test(label):
                return i
    return None
