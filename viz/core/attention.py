"""Attention matrices for display: one head, head aggregates, rollout, causal masks and decoder steps.

Everything works on the trace's `[layer, head, query, key]` arrays and returns plain numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF, Trace

# How a layer's heads are combined into one matrix.
ONE_HEAD = "head"
HEAD_MEAN = "mean"
HEAD_MAX = "max"
ROLLOUT = "rollout"
AGGREGATES = (ONE_HEAD, HEAD_MEAN, HEAD_MAX, ROLLOUT)

# The head view draws one line per (query, key) pair; beyond this many tokens it is a hairball.
LINES_TOKEN_LIMIT = 48


def is_self_attention(kind: str) -> bool:
    return kind in (ENCODER_SELF, DECODER_SELF)


def is_causal(kind: str) -> bool:
    """Decoder self-attention never looks at later positions."""
    return kind == DECODER_SELF


def causal_mask(n_query: int, n_key: int) -> np.ndarray:
    """True where the key comes after the query: positions the causal mask hides."""
    return np.triu(np.ones((n_query, n_key), dtype=bool), k=1)  # [query, key]


def masked_positions(trace: Trace, kind: str) -> np.ndarray | None:
    """Positions hidden from the model for this kind (`[query, key]` bool), or None if nothing is hidden."""
    if not is_causal(kind):
        return None
    n_query, n_key = trace.attentions[kind].shape[-2:]
    return causal_mask(n_query, n_key)


def head_mean(layer: np.ndarray) -> np.ndarray:
    """Mean over the heads of one layer: `[head, query, key]` -> `[query, key]`."""
    return layer.mean(axis=0, dtype=np.float64).astype(np.float32)


def head_max(layer: np.ndarray) -> np.ndarray:
    """Largest weight any head of the layer gives each pair: `[head, query, key]` -> `[query, key]`."""
    return layer.max(axis=0)


def rollout(attentions: np.ndarray) -> np.ndarray:
    """Attention rollout (Abnar & Zuidema 2020) after every layer.

    Each layer's heads are averaged, the residual connection is modelled by adding the identity,
    rows are renormalised, and the layers are multiplied from the first upward:
    `R_0 = Â_0`, `R_l = Â_l · R_{l-1}`. Returns `[layer, query, key]`; entry `l` is the flow
    from the input tokens through layers 1 … l+1.
    """
    layers, _, n_query, n_key = attentions.shape  # [layer, head, query, key]
    if n_query != n_key:
        raise ValueError("Rollout needs self-attention (square matrices).")
    identity = np.eye(n_query, dtype=np.float64)
    result = np.empty((layers, n_query, n_key), dtype=np.float32)  # [layer, query, key]
    flow = None
    for index in range(layers):
        mixed = attentions[index].mean(axis=0, dtype=np.float64) + identity
        mixed /= mixed.sum(axis=-1, keepdims=True)
        flow = mixed if flow is None else mixed @ flow
        result[index] = flow
    return result


def attention_matrix(trace: Trace, kind: str, layer: int, head: int = 0, aggregate: str = ONE_HEAD) -> np.ndarray:
    """The `[query, key]` matrix shown for one choice of kind, layer, head and aggregate."""
    attentions = trace.attentions[kind]  # [layer, head, query, key]
    if aggregate == ONE_HEAD:
        return attentions[layer, head]
    if aggregate == HEAD_MEAN:
        return head_mean(attentions[layer])
    if aggregate == HEAD_MAX:
        return head_max(attentions[layer])
    if aggregate == ROLLOUT:
        if not is_self_attention(kind):
            raise ValueError("Rollout is defined for self-attention only.")
        return rollout(attentions[: layer + 1])[layer]
    raise KeyError(aggregate)


def lines_fit(trace: Trace, kind: str) -> bool:
    """Whether the head view (a line per token pair) stays legible for this kind."""
    n_query, n_key = trace.attentions[kind].shape[-2:]
    return max(n_query, n_key) <= LINES_TOKEN_LIMIT


def strongest_keys(row: np.ndarray, count: int = 5) -> list[tuple[int, float]]:
    """The `count` keys with the largest weight in a row, largest first: (key index, weight)."""
    count = min(count, row.shape[0])
    top = np.argpartition(-row, count - 1)[:count]
    top = top[np.argsort(-row[top], kind="stable")]
    return [(int(i), float(row[i])) for i in top]


@dataclass(frozen=True)
class Step:
    """One decoding step: the query position, what it reads, and the token it predicts (if known)."""

    index: int
    reads: str  # the token at the query position
    predicts: str | None  # the next token on the query side, None after the last


def step_kind(trace: Trace) -> str | None:
    """Which kind the step view walks through: cross-attention for encoder-decoder, else decoder self."""
    if CROSS in trace.attentions:
        return CROSS
    if DECODER_SELF in trace.attentions:
        return DECODER_SELF
    return None


def decoder_steps(trace: Trace, kind: str) -> list[Step]:
    """The query positions of `kind` as decoding steps (row i reads token i and predicts token i+1)."""
    queries, _ = trace.labels(kind)
    return [
        Step(index=i, reads=label, predicts=queries[i + 1] if i + 1 < len(queries) else None)
        for i, label in enumerate(queries)
    ]


def display_label(text: str, limit: int = 14) -> str:
    """A token as one short line: whitespace made visible, long pieces elided in the middle."""
    shown = text.replace("\n", "↵").replace("\t", "⇥").strip(" ")
    if not shown:
        shown = "␣" if text else "∅"
    if len(shown) > limit:
        keep = limit - 1
        shown = shown[: (keep + 1) // 2] + "…" + shown[len(shown) - keep // 2 :]
    return shown
