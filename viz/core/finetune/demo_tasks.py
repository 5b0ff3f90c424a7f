"""The instruction tasks demo-t5 was trained on, generated in code (the same generator as its
training script, so the same seed gives the same examples and the same held-out split).

Every example carries ``align``: pairs of (output span, input span) in characters,
saying which part of the input each part of the answer comes from.
"""
from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
REVERSE_WORDS = ("apple river stone cloud green blue red yellow happy quick slow tiger "
                 "horse bird fish tree house light night water fire paper music bread "
                 "window garden summer winter mountain ocean silver golden little big "
                 "cat dog moon star sun rain snow wind city road table chair book pen "
                 "lamp door king queen child teacher doctor dream song dance story").split()
TASKS = ("date", "words", "number", "reverse")
PREFIX = {"date": "normalize date: ", "words": "number to words: ",
          "number": "words to number: ", "reverse": "reverse: "}


@dataclass(frozen=True)
class Example:
    task: str
    source: str
    target: str
    align: tuple[tuple[tuple[int, int], tuple[int, int]], ...]


def _ordinal(d: int) -> str:
    if 10 <= d % 100 <= 20:
        return f"{d}th"
    return f"{d}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def _date_example(rng: random.Random) -> Example:
    while True:
        y, m, d = rng.randint(1900, 2099), rng.randint(1, 12), rng.randint(1, 31)
        try:
            date = dt.date(y, m, d)
            break
        except ValueError:
            pass
    month, mon = MONTHS[m - 1], MONTHS[m - 1][:3]
    day_ord, wd = _ordinal(d), WEEKDAYS[date.weekday()]
    # Each format is a list of parts; "D", "M", "Y" mark the aligned parts.
    formats = [
        [("the ", None), (day_ord, "D"), (" of ", None), (month, "M"), (" ", None), (str(y), "Y")],
        [(str(d), "D"), (" ", None), (month, "M"), (" ", None), (str(y), "Y")],
        [(month, "M"), (" ", None), (str(d), "D"), (", ", None), (str(y), "Y")],
        [(month, "M"), (" ", None), (day_ord, "D"), (", ", None), (str(y), "Y")],
        [(mon, "M"), (" ", None), (str(d), "D"), (" ", None), (str(y), "Y")],
        [(str(d), "D"), (" ", None), (mon, "M"), (" ", None), (str(y), "Y")],
        [(f"{d:02d}", "D"), (".", None), (f"{m:02d}", "M"), (".", None), (str(y), "Y")],
        [(str(y), "Y"), ("/", None), (f"{m:02d}", "M"), ("/", None), (f"{d:02d}", "D")],
        [(wd, None), (", ", None), (day_ord, "D"), (" ", None), (month, "M"), (" ", None), (str(y), "Y")],
        [(wd, None), (", ", None), (month, "M"), (" ", None), (str(d), "D"), (", ", None), (str(y), "Y")],
    ]
    parts = rng.choice(formats)
    source, spans = PREFIX["date"], {}
    for text, role in parts:
        if role:
            spans[role] = (len(source), len(source) + len(text))
        source += text
    target = f"{y:04d}-{m:02d}-{d:02d}"
    ys = spans["Y"][0]
    align = [((i, i + 1), (ys + i, ys + i + 1)) for i in range(4)]  # year digit by digit
    align.append(((5, 7), spans["M"]))
    ds, de = spans["D"]
    day_digits = len(str(d)) if parts[0][0] != f"{d:02d}" and parts[-1][0] != f"{d:02d}" else 2
    if day_digits == 2:
        align += [((8, 9), (ds, ds + 1)), ((9, 10), (ds + 1, ds + 2))]
    else:
        align.append(((8, 10), (ds, ds + 1)))
    return Example("date", source, target, tuple(align))


def number_words(n: int) -> list[tuple[str, int | None]]:
    """Words of n (0..9999) with the index of the digit (from the left of the
    4-digit form) each word comes from; 'thousand'/'hundred' point at their digit."""
    if n == 0:
        return [("zero", 3)]
    words: list[tuple[str, int | None]] = []
    th, hu, rest = n // 1000, n // 100 % 10, n % 100
    if th:
        words += [(ONES[th], 0), ("thousand", 0)]
    if hu:
        words += [(ONES[hu], 1), ("hundred", 1)]
    if rest >= 20:
        words.append((TENS[rest // 10], 2))
        if rest % 10:
            words += [("-", None), (ONES[rest % 10], 3)]
    elif rest >= 10:
        words.append((ONES[rest], 2))  # "thirteen" spans tens and units
    elif rest:
        words.append((ONES[rest], 3))
    return words


def _join_words(words):
    text, spans = "", []
    for w, idx in words:
        if text and w != "-" and not text.endswith("-"):
            text += " "
        spans.append(((len(text), len(text) + len(w)), idx))
        text += w
    return text, spans


def _digit_span(n: int, idx: int, base: int) -> tuple[int, int] | None:
    digits = str(n)
    pos = idx - (4 - len(digits))  # index of that digit in the printed number
    if pos < 0:
        return None
    width = 2 if (idx == 2 and 10 <= n % 100 < 20) else 1
    return (base + pos, base + pos + width)


def _words_example(rng: random.Random, to_words: bool) -> Example:
    n = rng.choice([rng.randint(0, 99), rng.randint(100, 999), rng.randint(1000, 9999)])
    text, spans = _join_words(number_words(n))
    align = []
    if to_words:
        source, target = PREFIX["words"] + str(n), text
        for out_span, idx in spans:
            if idx is not None and (src := _digit_span(n, idx, len(PREFIX["words"]))):
                align.append((out_span, src))
    else:
        source, target = PREFIX["number"] + text, str(n)
        base = len(PREFIX["number"])
        for (a, b), idx in spans:
            if idx is not None and (out := _digit_span(n, idx, 0)) and w_is_digit_word(text[a:b]):
                align.append((out, (base + a, base + b)))
    return Example("words" if to_words else "number", source, target, tuple(align))


def w_is_digit_word(w: str) -> bool:
    return w not in ("thousand", "hundred")


def _reverse_example(rng: random.Random) -> Example:
    words = rng.sample(REVERSE_WORDS, rng.randint(3, 7))
    source = PREFIX["reverse"] + " ".join(words)
    target = " ".join(reversed(words))
    src_spans, pos = [], len(PREFIX["reverse"])
    for w in words:
        src_spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    align, pos = [], 0
    for i, w in enumerate(reversed(words)):
        align.append(((pos, pos + len(w)), src_spans[len(words) - 1 - i]))
        pos += len(w) + 1
    return Example("reverse", source, target, tuple(align))


def make_example(task: str, rng: random.Random) -> Example:
    if task == "date":
        return _date_example(rng)
    if task == "reverse":
        return _reverse_example(rng)
    return _words_example(rng, to_words=(task == "words"))


def is_held_out(ex: Example) -> bool:
    """About 1 input in 12 is never trained on (decided by a hash of the input)."""
    return zlib.crc32(ex.source.encode()) % 12 == 0


def sample(task: str, rng: random.Random, held_out: bool) -> Example:
    while True:
        ex = make_example(task, rng)
        if is_held_out(ex) == held_out:
            return ex


def held_out_sets(per_task: int, seed: int, exclude: set[str] = frozenset()) -> dict[str, list[Example]]:
    """Distinct held-out examples per task, none of whose inputs are in ``exclude``."""
    rng = random.Random(seed)
    out = {}
    for task in TASKS:
        seen, items = set(exclude), []
        while len(items) < per_task:
            ex = sample(task, rng, held_out=True)
            if ex.source not in seen:
                seen.add(ex.source)
                items.append(ex)
        out[task] = items
    return out
