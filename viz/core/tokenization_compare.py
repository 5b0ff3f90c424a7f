"""The same text through several tokenizers, aligned on the text's characters.

Tokenizers are loaded from folders (tokenizer files only, never weights) and kept, so that
comparing again as the text changes costs only the tokenizing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from viz.core.tokenization import (
    Segment, TokenCounts, TokenDisplay, display_segments, display_tokens, token_counts, token_extents,
)
from viz.core.tokenization_scheme import TokenizerScheme, describe_tokenizer


@dataclass(frozen=True)
class TokenizerSource:
    name: str
    path: str  # a folder with tokenizer files


@dataclass(frozen=True)
class ComparedRow:
    name: str
    scheme: TokenizerScheme
    tokens: tuple[TokenDisplay, ...]
    segments: tuple[Segment, ...]
    extents: dict  # token index -> (start, end) in fractional characters
    counts: TokenCounts
    agreed: frozenset  # indices into `segments` that every other row cuts the same way
    error: str = ""  # the tokenizer could not be loaded; the row is empty


@dataclass(frozen=True)
class Comparison:
    text: str
    rows: tuple[ComparedRow, ...]


_cache: dict[str, object] = {}
_cache_lock = threading.Lock()


def load_tokenizer(path: str):
    """A fast tokenizer from a folder, loaded once per process (tokenizer files only)."""
    with _cache_lock:
        if path not in _cache:
            if not Path(path).is_dir():
                raise FileNotFoundError(f"No tokenizer folder at {path}")
            from transformers import AutoTokenizer

            _cache[path] = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        return _cache[path]


def compare_sources(text: str, sources: tuple[TokenizerSource, ...]) -> Comparison:
    """Load (or reuse) each source's tokenizer and compare them on `text`.

    A tokenizer that fails to load gives a row that carries the error, so the others still show.
    """
    named = []
    for source in sources:
        try:
            named.append((source.name, load_tokenizer(source.path)))
        except (OSError, ValueError, KeyError) as exc:  # missing or unreadable tokenizer files
            named.append((source.name, f"{type(exc).__name__}: {exc}".splitlines()[0]))
    return compare_tokenizers(text, named)


def compare_tokenizers(text: str, named: list[tuple[str, object]]) -> Comparison:
    """Tokenize `text` with each (name, tokenizer); a str in place of a tokenizer is an error to show."""
    from viz.core.trace import tokenize

    rows = []
    for name, tokenizer in named:
        if isinstance(tokenizer, str):
            rows.append(_empty_row(name, text, tokenizer))
            continue
        tokens, _ids, _ = tokenize(tokenizer, text)
        scheme = describe_tokenizer(tokenizer)
        shown = display_tokens(text, tokens, scheme)
        segments = display_segments(shown)
        rows.append(
            ComparedRow(
                name=name,
                scheme=scheme,
                tokens=shown,
                segments=segments,
                extents=token_extents(shown, segments),
                counts=token_counts(text, tokens),
                agreed=frozenset(),
            )
        )
    return Comparison(text, _mark_agreement(text, rows))


def _empty_row(name: str, text: str, error: str) -> ComparedRow:
    return ComparedRow(name, TokenizerScheme(), (), (), {}, token_counts(text, ()), frozenset(), error)


def cut_key(text: str, segment: Segment, token_count: int) -> tuple[int, int, int] | None:
    """How a segment cuts the text, blind to whether the tokenizer kept the whitespace around it."""
    start, end = segment.start, segment.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, token_count) if end > start else None


def _mark_agreement(text: str, rows: list[ComparedRow]) -> tuple[ComparedRow, ...]:
    live = [r for r in rows if not r.error]
    keys = [
        [cut_key(text, s, len(s.tokens)) for s in row.segments]
        for row in live
    ]
    shared = set.intersection(*(set(k) - {None} for k in keys)) if keys else set()
    out, k = [], 0
    for row in rows:
        if row.error:
            out.append(row)
            continue
        agreed = frozenset(i for i, key in enumerate(keys[k]) if key in shared)
        out.append(ComparedRow(row.name, row.scheme, row.tokens, row.segments, row.extents, row.counts, agreed))
        k += 1
    return tuple(out)
