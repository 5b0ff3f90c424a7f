"""The bytes behind token pieces, and which UTF-8 bytes of which character each piece holds.

Three ways tokenizers spell bytes in their pieces:
- byte-level BPE (GPT-2, RoBERTa, BLOOM): every byte is mapped to a printable character
  (space -> "Ġ", newline -> "Ċ", 0xF0 -> "ð"), so one emoji can be split over several pieces;
- SentencePiece byte fallback (Llama, T5 v1.1 style): a byte with no piece of its own is
  spelled "<0xF0>", and "▁" stands for a space;
- WordPiece (BERT): pieces are plain (normalized) text; "##" marks a piece that continues a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

BYTE_FALLBACK = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")


@lru_cache(maxsize=1)
def byte_to_unicode() -> dict[int, str]:
    """GPT-2's reversible map from the 256 byte values to printable characters."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, (chr(c) for c in chars)))


@lru_cache(maxsize=1)
def unicode_to_byte() -> dict[str, int]:
    return {c: b for b, c in byte_to_unicode().items()}


def byte_level_bytes(piece: str) -> bytes | None:
    """Bytes of a byte-level BPE piece; None when a character is outside the byte alphabet."""
    table = unicode_to_byte()
    try:
        return bytes(table[c] for c in piece)
    except KeyError:
        return None


def metaspace_bytes(piece: str, replacement: str = "\u2581") -> bytes:
    """Bytes of a SentencePiece piece: "▁" is a space, "<0xNN>" is the byte NN."""
    match = BYTE_FALLBACK.match(piece)
    if match:
        return bytes([int(match.group(1), 16)])
    return piece.replace(replacement, " ").encode("utf-8")


@dataclass(frozen=True)
class CharPart:
    """A token holds bytes [first, stop) of one character whose UTF-8 encoding is `encoded`.

    `char` is "" when the bytes are not valid UTF-8 (a lone continuation byte, say);
    `encoded` then holds just that byte.
    """

    char: str
    encoded: bytes
    first: int
    stop: int

    @property
    def whole(self) -> bool:
        return self.first == 0 and self.stop == len(self.encoded)

    def pattern(self) -> str:
        """The character's bytes in hex, those this token does not hold as "··": "F0 9F ·· ··"."""
        return " ".join(f"{b:02X}" if self.first <= i < self.stop else "··" for i, b in enumerate(self.encoded))


def _sequence_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0  # a continuation byte or an invalid lead


def split_characters(chunks: list[bytes]) -> list[tuple[CharPart, ...]]:
    """Decode consecutive pieces' bytes as one UTF-8 stream and say which bytes each piece holds.

    `chunks[k]` are the bytes of piece k; the result's item k lists, in order, the characters
    piece k touches, with the byte range it holds of each. A character split over pieces
    appears in each of them with complementary ranges.
    """
    stream = b"".join(chunks)
    owner = [k for k, chunk in enumerate(chunks) for _ in chunk]  # [byte] -> piece index
    parts: list[list[CharPart]] = [[] for _ in chunks]
    i = 0
    while i < len(stream):
        size = _sequence_length(stream[i])
        encoded = stream[i : i + size] if size else b""
        try:
            char = encoded.decode("utf-8") if len(encoded) == size and size else ""
        except UnicodeDecodeError:
            char = ""
        if not char:
            encoded, size = stream[i : i + 1], 1
        # hand each owning piece its contiguous byte range of this character
        j = 0
        while j < size:
            k = owner[i + j]
            stop = j
            while stop < size and owner[i + stop] == k:
                stop += 1
            parts[k].append(CharPart(char, encoded, j, stop))
            j = stop
        i += size
    return [tuple(p) for p in parts]
