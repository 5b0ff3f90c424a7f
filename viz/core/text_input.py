"""Text at the boundary: cleaned of what no tokenizer can read, and cut to what the model can see.

Every text that reaches a tokenizer (typed, pasted, from a session file or the command line) goes
through `prepare_text` first, so the work done on it is bounded by the model's positions, not by
the length of whatever was pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPLACEMENT = "\ufffd"  # the Unicode replacement character
# Lone surrogates (U+D800–U+DFFF) cannot be encoded as UTF-8: invalid bytes in a command-line argument
# arrive as U+DC80–U+DCFF, and JSON may spell any of them ("\udcff"). Tokenizers raise on them.
_UNENCODABLE = re.compile("[\ud800-\udfff]")

# A position holds one token, and tokens of ordinary text cover a few characters (about 4 in English,
# fewer in most other languages); long runs of spaces or punctuation can make one token of 16 or more.
# Cutting the text at 32 characters per position keeps every token the model can see, with a wide margin.
CHARACTERS_PER_POSITION = 32
MINIMUM_BUDGET = 4096  # characters; models with very few positions still get a useful span


@dataclass(frozen=True)
class PreparedText:
    text: str  # cleaned, and cut to the budget
    replaced: int = 0  # code points replaced by U+FFFD
    original_length: int = 0  # characters before cutting
    budget: int = 0  # characters kept at most

    @property
    def left_out(self) -> int:
        """Characters after the budget, never tokenized."""
        return max(0, self.original_length - len(self.text))

    def notices(self, what: str = "The text") -> list[str]:
        notes = []
        if self.replaced:
            notes.append(
                f"{what} had {self.replaced:,} character(s) that are not valid Unicode (lone surrogates); "
                f"they were replaced by {REPLACEMENT}"
                + (" (counted in the part that was read)." if self.left_out else ".")
            )
        if self.left_out:
            notes.append(
                f"{what} is {self.original_length:,} characters long; only the first {len(self.text):,} were "
                f"tokenized ({self.left_out:,} left out), more than the model's positions can hold."
            )
        return notes


def clean_text(text: str) -> tuple[str, int]:
    """`text` with every unencodable code point replaced by U+FFFD, and how many were replaced."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    cleaned, count = _UNENCODABLE.subn(REPLACEMENT, text)
    return cleaned, count


def character_budget(max_positions: int) -> int:
    """How many characters of a text are tokenized for a model with `max_positions` positions."""
    return max(MINIMUM_BUDGET, int(max_positions) * CHARACTERS_PER_POSITION)


def prepare_text(text: str, max_positions: int | None = None, budget: int | None = None) -> PreparedText:
    """Cut first (so cleaning costs no more than the budget), then clean."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if budget is None:
        budget = character_budget(max_positions) if max_positions else len(text)
    kept = text[:budget]
    cleaned, replaced = clean_text(kept)
    return PreparedText(cleaned, replaced, len(text), budget)
