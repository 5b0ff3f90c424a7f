"""The result of one traced forward pass: tokens and texts, and stores that answer attention, hidden-state and
logit questions on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from viz.core.trace_attention import ArrayAttention, AttentionStore
from viz.core.trace_hidden import HiddenStates
from viz.core.trace_logits import ArrayLogits, Logits

# Attention kinds; each has `[layer, head, query, key]` (see `Trace.attention_shape`).
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


@dataclass(frozen=True)
class Trace:
    """One traced text. Attention, hidden states and logits are answered on demand by the stores, which keep
    only what is needed to compute them (see `trace_attention`, `trace_hidden`, `trace_logits`)."""

    model_name: str
    family: str  # a Family value
    device: str
    dtype: str
    text: str  # the input (encoder side, or the decoder-only prompt)
    tokens: tuple[Token, ...]
    attention_store: AttentionStore  # kind -> layers x heads of [query, key], computed when asked
    hidden_store: HiddenStates  # "encoder"/"decoder" -> [layer + 1] x [seq, d_model]
    logit_store: Logits | None  # next token (decoder side) or masked-LM (encoder); None without an LM head
    output_text: str = ""  # encoder-decoder only: the decoder side's text
    output_tokens: tuple[Token, ...] = ()  # decoder inputs: start token, y1 … yn (row i predicts y_{i+1})
    output_generated: bool = False  # decoder side came from greedy generation, not a given target
    truncated: bool = False
    notice: str = ""  # shown by the UI (truncation, dtype warnings)
    seconds: float = 0.0
    extras: Mapping[str, object] = field(default_factory=dict)
    _summaries: dict = field(default_factory=dict, compare=False, repr=False)
    # The residual stream as the lens reads it, recorded during the traced pass, so that the Lens tab need not
    # run the model again (viz.core.lens_capture.LensBody); None where the lens cannot read the model.
    lens_body: object = field(default=None, compare=False, repr=False)

    @classmethod
    def from_arrays(cls, model_name, family, device, dtype, text, tokens, attentions, hidden_states, logits, **kw):
        """A trace that holds full arrays: attention kind -> `[layer, head, query, key]`,
        side -> `[layer + 1, seq, d_model]`, logits `[position, vocab]` or None."""
        return cls(
            model_name, family, device, dtype, text, tuple(tokens),
            ArrayAttention(attentions), HiddenStates.from_arrays(hidden_states),
            ArrayLogits(logits) if logits is not None else None, **kw,
        )

    # attention
    def attention(self, kind: str, layer: int, head: int) -> np.ndarray:
        """One head's attention: `[query, key]` float32, read-only."""
        return self.attention_store.head(kind, layer, head)

    def attention_layer(self, kind: str, layer: int) -> np.ndarray:
        """Every head of one layer: `[head, query, key]` float32 (heads x n² floats: ask for one layer at a time)."""
        return self.attention_store.layer(kind, layer)

    def attention_shape(self, kind: str) -> tuple[int, int, int, int]:
        """(layers, heads, queries, keys) of a kind."""
        return self.attention_store.shape(kind)

    def attention_groups(self, kind: str) -> int:
        """Query heads per key/value head: heads g·k … g·k + g - 1 share key/value head k (grouped-query attention)."""
        return self.attention_store.groups(kind)

    def attention_hidden(self, kind: str, layer: int = 0) -> np.ndarray | None:
        """Where the model hides keys from queries in a layer (`[query, key]` bool: causal, sliding window), or None."""
        return self.attention_store.hidden(kind, layer)

    def attention_summary(self, kind: str, max_size: int = 64, how: str = "max"):
        """Pooled thumbnails, head maxima, hidden blocks and pattern entries of every head (see `trace_summary`)."""
        from viz.core.trace_summary import summarise

        key = (kind, max_size, how)
        if key not in self._summaries:
            self._summaries[key] = summarise(self.attention_store, kind, max_size, how)
        return self._summaries[key]

    # hidden states
    @property
    def hidden_sides(self) -> tuple[str, ...]:
        return self.hidden_store.sides

    def hidden(self, side: str, layer: int) -> np.ndarray:
        """One layer's hidden states (0 = embeddings): `[seq, d_model]` float32."""
        return self.hidden_store.layer(side, layer)

    def hidden_shape(self, side: str) -> tuple[int, int, int]:
        return self.hidden_store.shape(side)

    # logits
    @property
    def has_logits(self) -> bool:
        return self.logit_store is not None

    @property
    def vocab_size(self) -> int:
        return self.logit_store.vocab_size if self.logit_store is not None else 0

    def logits_row(self, position: int) -> np.ndarray:
        """Full-vocabulary logits of one position: `[vocab]` float32."""
        return self.logit_store.row(position)

    def logits_rows(self, positions) -> np.ndarray:
        """`[len(positions), vocab]` float32."""
        return self.logit_store.rows(positions)

    @property
    def top_candidates(self):
        """The most likely tokens and the entropy of every position (a `TopCandidates`)."""
        return self.logit_store.top if self.logit_store is not None else None

    def memory_bytes(self) -> int:
        """What the trace holds (kept queries and keys, hidden states, final states or arrays)."""
        logits = self.logit_store.nbytes() if self.logit_store is not None else 0
        return self.attention_store.nbytes() + self.hidden_store.nbytes() + logits

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k in (ENCODER_SELF, DECODER_SELF, CROSS) if k in self.attention_store.kinds)

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
        return self.attention_shape(self.kinds[0])[0] if self.kinds else 0

    @property
    def head_count(self) -> int:
        return self.attention_shape(self.kinds[0])[1] if self.kinds else 0
