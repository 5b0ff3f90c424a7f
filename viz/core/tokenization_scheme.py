"""Which kind of tokenizer this is, and how its pieces mark spaces, word starts and bytes."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenizerScheme:
    model: str = ""  # "BPE", "WordPiece", "Unigram", "WordLevel", or "" when unknown
    byte_level: bool = False  # GPT-2 style: every byte spelled as a printable character (space -> Ġ)
    metaspace: str = ""  # SentencePiece style: the character that stands for a space ("▁")
    byte_fallback: bool = False  # bytes without a piece are spelled "<0xNN>"
    continuing_prefix: str = ""  # WordPiece style: "##" marks a piece that continues a word
    end_suffix: str = ""  # some BPEs mark a word's last piece ("</w>")
    unknown_id: int | None = None
    vocab_size: int = 0

    @property
    def description(self) -> str:
        """A short, untranslated technical name: "byte-level BPE", "WordPiece", "Unigram (SentencePiece)"."""
        if self.byte_level:
            return f"byte-level {self.model or 'BPE'}"
        if self.metaspace:
            name = f"{self.model} (SentencePiece)" if self.model else "SentencePiece"
            return name + (", byte fallback" if self.byte_fallback else "")
        return self.model or "unknown"


def describe_tokenizer(tokenizer) -> TokenizerScheme:
    """Read the scheme from a fast tokenizer's pipeline (model, pre-tokenizer, decoder)."""
    unknown_id = getattr(tokenizer, "unk_token_id", None)
    try:
        vocab_size = len(tokenizer)
    except TypeError:
        vocab_size = int(getattr(tokenizer, "vocab_size", 0) or 0)
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        return guess_scheme(tokenizer.convert_ids_to_tokens(list(range(min(vocab_size, 2000)))), unknown_id, vocab_size)
    model = backend.model
    steps = _component_types(backend.pre_tokenizer) + _component_types(backend.decoder)
    metaspace = ""
    for step in steps:
        if step.get("type") == "Metaspace":
            metaspace = step.get("replacement", "\u2581")
        elif step.get("type") == "Replace" and step.get("pattern", {}).get("String") == "\u2581":
            metaspace = "\u2581"  # Llama-style decoder: Replace("▁", " ")
    prefix = getattr(model, "continuing_subword_prefix", None) or ""
    return TokenizerScheme(
        model=type(model).__name__,
        byte_level=any(step.get("type") == "ByteLevel" for step in steps),
        metaspace=metaspace,
        byte_fallback=bool(getattr(model, "byte_fallback", False))
        or any(step.get("type") == "ByteFallback" for step in steps),
        continuing_prefix=prefix,
        end_suffix=getattr(model, "end_of_word_suffix", None) or "",
        unknown_id=unknown_id,
        vocab_size=vocab_size,
    )


def _component_types(component) -> list[dict]:
    """The pipeline steps of a pre-tokenizer or decoder, flattened out of Sequences."""
    if component is None:
        return []
    state = json.loads(component.__getstate__())
    steps, stack = [], [state]
    while stack:
        step = stack.pop()
        if not isinstance(step, dict):
            continue
        steps.append(step)
        for key in ("pretokenizers", "decoders"):
            stack.extend(step.get(key) or [])
    return steps


def guess_scheme(pieces: list[str], unknown_id: int | None = None, vocab_size: int = 0) -> TokenizerScheme:
    """The scheme from the vocabulary alone, for tokenizers without a fast pipeline."""
    pieces = [p for p in pieces if p]
    if any("Ġ" in p or "Ċ" in p for p in pieces):
        return TokenizerScheme("BPE", byte_level=True, unknown_id=unknown_id, vocab_size=vocab_size)
    if any(p.startswith("\u2581") for p in pieces):
        fallback = any(p.startswith("<0x") and p.endswith(">") for p in pieces)
        return TokenizerScheme("", metaspace="\u2581", byte_fallback=fallback, unknown_id=unknown_id, vocab_size=vocab_size)
    if any(p.startswith("##") for p in pieces):
        return TokenizerScheme("WordPiece", continuing_prefix="##", unknown_id=unknown_id, vocab_size=vocab_size)
    return TokenizerScheme(unknown_id=unknown_id, vocab_size=vocab_size)
