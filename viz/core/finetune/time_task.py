"""A small new task shipped with the app: spoken clock times to digits ("quarter past seven" -> "07:15").

demo-t5 never saw it, so a class can watch it being learnt; it already reads number words ("words to number"),
which the new task builds on. Hours run from one to twelve, each said four ways: "seven sharp",
"quarter past seven", "half past seven" and "seven forty-two" (minutes ten to fifty-nine in words): 636 phrases.
A hash of the phrase puts about one in four into the held-out set, which is never trained on.
"""

from __future__ import annotations

import zlib

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty"]
PREFIX = "normalize time: "


def minute_words(minute: int) -> str:
    """10..59 in words, hyphenated as in the demo tasks ("forty-two")."""
    if minute < 20:
        return ONES[minute]
    tens, ones = divmod(minute, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def phrases(hour: int) -> list[tuple[str, str]]:
    """Every (phrase, "HH:MM") for an hour from 1 to 12."""
    word = ONES[hour]
    rows = [(f"{word} sharp", f"{hour:02d}:00"), (f"quarter past {word}", f"{hour:02d}:15"),
            (f"half past {word}", f"{hour:02d}:30")]
    rows += [(f"{word} {minute_words(m)}", f"{hour:02d}:{m:02d}") for m in range(10, 60)]
    return rows


def all_pairs() -> list[tuple[str, str]]:
    return [row for hour in range(1, 13) for row in phrases(hour)]


def is_held_out(text: str) -> bool:
    return zlib.crc32(text.encode()) % 4 == 0
