"""Tokens as a person should see them: readable labels, bytes, and display segments over the text.

`display_tokens` turns the raw tokens of a tokenizer (pieces with markers and character
offsets) into `TokenDisplay`s; `display_segments` groups them into segments that cover the
text; `token_counts` gives the figures shown beside them.

The segment rule, precisely: tokens are taken in order; a token with an empty span (a special
token such as [CLS], or a whitespace piece whose offsets were trimmed) is a segment of its own
with no characters. A token with characters joins the current segment when its span starts
before the segment's end (byte-level pieces of one emoji all report that emoji's span, and a
piece such as "aÃ" can end inside the next piece's character); otherwise it starts a new one.
For the tokenizers in use this gives segments that never overlap, in reading order, whose
union holds every non-whitespace character of the text up to the last token (whitespace may or
may not be inside a segment: GPT-2's "Ġword" spans its space unless offsets are trimmed, BERT
drops spaces). Characters a normalizer deletes (control characters) are the only exception.
"""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.tokenization_bytes import CharPart, byte_level_bytes, metaspace_bytes, split_characters
from viz.core.tokenization_scheme import TokenizerScheme
from viz.core.trace_types import Token

# How whitespace inside a piece is shown: visible marks instead of blanks.
VISIBLE_WHITESPACE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍", "\u00a0": "⍽"}
JOIN_MARK = "\u2010"  # a hyphen, read as "-izer": the piece continues the word before it (WordPiece's "##")


@dataclass(frozen=True)
class LabelPart:
    text: str
    kind: str  # "text", "space" (a whitespace mark), "join", "partial" (part of a split character), "byte", "special"


@dataclass(frozen=True)
class TokenDisplay:
    index: int  # position in the token sequence
    id: int
    piece: str  # the tokenizer's own string
    start: int  # character span in the text, as the tokenizer reports it
    end: int
    special: bool  # added by the tokenizer ([CLS], </s>, <|endoftext|>)
    unknown: bool  # the unknown token: the text had no piece
    source: str  # the characters of the text the span covers
    data: bytes | None  # the bytes the piece stands for; None for special and unknown tokens
    chars: tuple[CharPart, ...]  # characters the piece touches, with the bytes it holds of each
    parts: tuple[LabelPart, ...]  # the readable label, marker by marker
    word_start: bool  # the piece begins a word (Ġ, ▁, or a WordPiece piece without ##)
    joins_previous: bool  # no whitespace between this token's characters and the previous token's

    @property
    def label(self) -> str:
        return "".join(p.text for p in self.parts)

    @property
    def splits_character(self) -> bool:
        """The piece holds only some of the bytes of a character (byte-level BPE, byte fallback)."""
        return any(not c.whole for c in self.chars)

    def byte_pattern(self) -> str:
        """For pieces that hold part of a character: which of its bytes, e.g. "F0 9F ·· ··"."""
        return "  ".join(c.pattern() for c in self.chars if not c.whole)

    def hex_bytes(self) -> str:
        return " ".join(f"{b:02X}" for b in self.data) if self.data is not None else ""


@dataclass(frozen=True)
class Segment:
    """Characters [start, end) of the text and the tokens (indices) that cover them."""

    start: int
    end: int
    tokens: tuple[int, ...]


@dataclass(frozen=True)
class TokenCounts:
    characters: int  # Unicode code points of the text
    utf8_bytes: int
    tokens: int  # all tokens, special ones included
    special: int
    truncated: bool = False

    @property
    def characters_per_token(self) -> float:
        """Characters per ordinary (non-special) token: how much text one token carries."""
        ordinary = self.tokens - self.special
        return self.characters / ordinary if ordinary else 0.0


def piece_bytes(piece: str, scheme: TokenizerScheme) -> bytes:
    """The bytes a non-special piece stands for, markers resolved (Ġ, ▁, <0xNN>, ##)."""
    if scheme.byte_level:
        data = byte_level_bytes(piece)
        if data is not None:
            return data
    if scheme.continuing_prefix and piece.startswith(scheme.continuing_prefix):
        piece = piece[len(scheme.continuing_prefix) :]
    if scheme.end_suffix and piece.endswith(scheme.end_suffix):
        piece = piece[: -len(scheme.end_suffix)] + " "
    if scheme.metaspace or scheme.byte_fallback:
        return metaspace_bytes(piece, scheme.metaspace or "\u2581")
    return piece.encode("utf-8")


def display_tokens(text: str, tokens: tuple[Token, ...] | list[Token], scheme: TokenizerScheme) -> tuple[TokenDisplay, ...]:
    """Readable tokens: bytes decoded, markers turned into visible marks, split characters found."""
    tokens = list(tokens)
    data: list[bytes | None] = []
    for token in tokens:
        unknown = scheme.unknown_id is not None and token.id == scheme.unknown_id
        data.append(None if token.special or unknown else piece_bytes(token.piece, scheme))
    chars = _characters_by_run(data)
    result = []
    previous_end = None
    for index, token in enumerate(tokens):
        unknown = data[index] is None and not token.special
        joins = (
            previous_end is not None
            and token.end > token.start
            and token.start <= previous_end
            and not token.special
            and (token.start == 0 or not text[token.start - 1 : token.start].isspace())
            and not text[token.start : token.start + 1].isspace()
        )
        result.append(
            TokenDisplay(
                index=index,
                id=token.id,
                piece=token.piece,
                start=token.start,
                end=token.end,
                special=token.special,
                unknown=unknown,
                source=text[token.start : token.end],
                data=data[index],
                chars=chars[index],
                parts=_label_parts(token, chars[index], scheme, unknown),
                word_start=_starts_word(token, data[index], scheme),
                joins_previous=joins,
            )
        )
        if not token.special and token.end > token.start:
            previous_end = token.end
        elif token.special:
            previous_end = None
    return tuple(result)


def _characters_by_run(data: list[bytes | None]) -> list[tuple[CharPart, ...]]:
    """Split characters within each run of consecutive pieces that have bytes."""
    out: list[tuple[CharPart, ...]] = [()] * len(data)
    run: list[int] = []
    for index in range(len(data) + 1):
        if index < len(data) and data[index] is not None:
            run.append(index)
            continue
        if run:
            for k, parts in zip(run, split_characters([data[k] for k in run])):
                out[k] = parts
            run = []
    return out


def _label_parts(token: Token, chars: tuple[CharPart, ...], scheme: TokenizerScheme, unknown: bool) -> tuple[LabelPart, ...]:
    if token.special:
        return (LabelPart(token.piece, "special"),)
    if unknown:
        return (LabelPart(token.piece, "special"),)
    parts: list[LabelPart] = []
    if scheme.continuing_prefix and token.piece.startswith(scheme.continuing_prefix):
        parts.append(LabelPart(JOIN_MARK, "join"))
    for part in chars:
        if not part.char:
            parts.append(LabelPart("‹{:02X}›".format(part.encoded[0]), "byte"))
        elif not part.whole:
            parts.append(LabelPart(part.char, "partial"))
        elif part.char in VISIBLE_WHITESPACE:
            parts.append(LabelPart(VISIBLE_WHITESPACE[part.char], "space"))
        elif part.char.isspace() or not part.char.isprintable():
            parts.append(LabelPart("U+{:04X}".format(ord(part.char)), "byte"))
        elif parts and parts[-1].kind == "text":
            parts[-1] = LabelPart(parts[-1].text + part.char, "text")
        else:
            parts.append(LabelPart(part.char, "text"))
    return tuple(parts) if parts else (LabelPart(token.piece, "text"),)


def _starts_word(token: Token, data: bytes | None, scheme: TokenizerScheme) -> bool:
    if token.special or data is None:
        return False
    if scheme.continuing_prefix:
        return not token.piece.startswith(scheme.continuing_prefix)
    return data[:1].isspace()


def display_segments(tokens: tuple[TokenDisplay, ...] | list[TokenDisplay]) -> tuple[Segment, ...]:
    """Group tokens into segments by the rule in this module's docstring."""
    segments: list[Segment] = []
    start = end = 0  # the open segment with characters, if `members`
    members: list[int] = []
    anchor = 0  # where a segment without characters sits: after the characters so far

    def close():
        nonlocal members
        if members:
            segments.append(Segment(start, end, tuple(members)))
            members = []

    for token in tokens:
        if token.special or token.end <= token.start:
            close()
            at = anchor if token.special else max(anchor, token.start)
            segments.append(Segment(at, at, (token.index,)))
            continue
        if members and token.start < end:
            members.append(token.index)
            start, end = min(start, token.start), max(end, token.end)
        else:
            close()
            members = [token.index]
            start, end = token.start, token.end
        anchor = max(anchor, end)
    close()
    return tuple(segments)


def token_extents(tokens: tuple[TokenDisplay, ...], segments: tuple[Segment, ...]) -> dict[int, tuple[float, float]]:
    """Each token's own share of the character axis, in fractional characters.

    A segment of one token is its span; the tokens of a shared segment (the pieces of one
    emoji) divide the segment in proportion to the bytes they hold, in order.
    """
    extents: dict[int, tuple[float, float]] = {}
    for segment in segments:
        if len(segment.tokens) == 1:
            extents[segment.tokens[0]] = (float(segment.start), float(segment.end))
            continue
        weights = [max(1, len(tokens[i].data or b"")) for i in segment.tokens]
        total, at = float(sum(weights)), float(segment.start)
        width = segment.end - segment.start
        for i, weight in zip(segment.tokens, weights):
            extents[i] = (at, at + width * weight / total)
            at += width * weight / total
    return extents


def seen_text(text: str, tokens, truncated: bool = False) -> str:
    """The part of `text` the tokens cover: after a cut to the model's length, only the kept part."""
    if not truncated:
        return text
    ends = [t.end for t in tokens if not t.special and t.end is not None]
    return text[: max(ends, default=0)]


def token_counts(text: str, tokens, truncated: bool = False) -> TokenCounts:
    """Counts of the text the tokens cover: after a cut to the model's length, only the kept part."""
    text = seen_text(text, tokens, truncated)
    return TokenCounts(
        characters=len(text),
        utf8_bytes=len(text.encode("utf-8")),
        tokens=len(tokens),
        special=sum(1 for t in tokens if t.special),
        truncated=truncated,
    )
