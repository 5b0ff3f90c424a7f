"""The immutable result of one traced forward pass: plain dataclasses of numpy arrays and strings."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

import numpy as np

# Attention kinds; each maps to `[layer, head, query, key]`.
ENCODER_SELF = "encoder"
DECODER_SELF = "decoder"
CROSS = "cross"
WORD_START_MARKS = "\u2581\u0120"  # SentencePiece's ▁ and byte-level BPE's Ġ
KIND_LABELS = {ENCODER_SELF: "Encoder self-attention", DECODER_SELF: "Decoder self-attention", CROSS: "Cross-attention"}


@dataclass(frozen=True)
class Token:
    piece: str  # the tokenizer's own string (with Ġ, ▁ or ## markers)
    id: int
    start: int  # character offsets into the side's text; equal for special tokens
    end: int
    special: bool

    def text_in(self, text: str) -> str:
        """What a person should see: the characters covered, or the piece itself for special
        tokens and for a bare word-start mark (SentencePiece's lone ``▁`` reports the span of
        the next character, which would then show twice)."""
        if self.special or self.end <= self.start or not self.piece.strip(WORD_START_MARKS):
            return self.piece
        return text[self.start : self.end]


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Trace:
    model_name: str
    family: str  # a Family value
    device: str
    dtype: str
    text: str  # the input (encoder side, or the decoder-only prompt)
    tokens: tuple[Token, ...]
    attentions: Mapping[str, np.ndarray]  # kind -> [layer, head, query, key], float32
    hidden_states: Mapping[str, np.ndarray]  # "encoder"/"decoder" -> [layer + 1, seq, d_model]
    logits: np.ndarray | None  # [position, vocab]: next token (decoder side) or masked-LM (encoder)
    output_text: str = ""  # encoder-decoder only: the decoder side's text
    output_tokens: tuple[Token, ...] = ()  # decoder inputs: start token, y1 … yn (row i predicts y_{i+1})
    output_generated: bool = False  # decoder side came from greedy generation, not a given target
    truncated: bool = False
    notice: str = ""  # shown by the UI (truncation, dtype warnings)
    seconds: float = 0.0
    extras: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "attentions", _frozen(self.attentions))
        object.__setattr__(self, "hidden_states", _frozen(self.hidden_states))
        for array in list(self.attentions.values()) + list(self.hidden_states.values()):
            array.setflags(write=False)
        if self.logits is not None:
            self.logits.setflags(write=False)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k in (ENCODER_SELF, DECODER_SELF, CROSS) if k in self.attentions)

    def sides(self, kind: str) -> tuple[str, str]:
        """Which side ("input" or "output") the query and key axes of a kind come from."""
        if kind == ENCODER_SELF:
            return "input", "input"
        if kind == DECODER_SELF:
            return ("output", "output") if self.output_tokens else ("input", "input")
        if kind == CROSS:
            return "output", "input"
        raise KeyError(kind)

    def side_tokens(self, side: str) -> tuple[Token, ...]:
        return self.output_tokens if side == "output" else self.tokens

    def side_text(self, side: str) -> str:
        return self.output_text if side == "output" else self.text

    def side_labels(self, side: str) -> list[str]:
        text = self.side_text(side)
        return [t.text_in(text) for t in self.side_tokens(side)]

    def axes(self, kind: str) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
        """(query tokens, key tokens) for an attention kind."""
        q_side, k_side = self.sides(kind)
        return self.side_tokens(q_side), self.side_tokens(k_side)

    def labels(self, kind: str) -> tuple[list[str], list[str]]:
        """Readable token labels for the query and key axes of a kind."""
        q_side, k_side = self.sides(kind)
        return self.side_labels(q_side), self.side_labels(k_side)

    @property
    def layer_count(self) -> int:
        return next(iter(self.attentions.values())).shape[0]

    @property
    def head_count(self) -> int:
        return next(iter(self.attentions.values())).shape[1]
