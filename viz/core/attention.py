"""Attention matrices for display: one head, head aggregates, rollout, causal masks and decoder steps.

Matrices come from the trace on demand (one head, or one layer a block of rows at a time) and are returned
as plain numpy arrays; `rollout` and the aggregates also work on `[layer, head, query, key]` arrays.
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


def masked_positions(trace: Trace, kind: str, layer: int = 0) -> np.ndarray | None:
    """Positions the model hides in this kind and layer (`[query, key]` bool: the causal mask, a sliding
    window), or None if nothing is hidden."""
    return trace.attention_hidden(kind, layer)


def head_mean(layer: np.ndarray) -> np.ndarray:
    """Mean over the heads of one layer: `[head, query, key]` -> `[query, key]`."""
    return layer.mean(axis=0, dtype=np.float64).astype(np.float32)


def head_max(layer: np.ndarray) -> np.ndarray:
    """Largest weight any head of the layer gives each pair: `[head, query, key]` -> `[query, key]`."""
    return layer.max(axis=0)


def layer_aggregate(trace: Trace, kind: str, layer: int, how: str = HEAD_MEAN) -> np.ndarray:
    """Mean or max over the heads of one layer, `[query, key]` float32, one block of rows at a time."""
    return trace.attention_store.head_reduce(kind, layer, "mean" if how == HEAD_MEAN else "max")


def trace_rollout(trace: Trace, kind: str, layers: int | None = None) -> np.ndarray:
    """Rollout of a trace's self-attention through the first `layers` layers (all by default): `[layer, query, key]`."""
    if not is_self_attention(kind):
        raise ValueError("Rollout is defined for self-attention only.")
    count = trace.attention_shape(kind)[0] if layers is None else layers
    return rollout_of_means(layer_aggregate(trace, kind, i, HEAD_MEAN) for i in range(count))


def rollout(attentions: np.ndarray) -> np.ndarray:
    """Attention rollout (Abnar & Zuidema 2020) after every layer.

    Each layer's heads are averaged, the residual connection is modelled by adding the identity,
    rows are renormalised, and the layers are multiplied from the first upward:
    `R_0 = Â_0`, `R_l = Â_l · R_{l-1}`. Returns `[layer, query, key]`; entry `l` is the flow
    from the input tokens through layers 1 … l+1.
    """
    if attentions.shape[-1] != attentions.shape[-2]:
        raise ValueError("Rollout needs self-attention (square matrices).")
    return rollout_of_means(layer.mean(axis=0, dtype=np.float64) for layer in attentions)  # [layer, query, key]


def rollout_of_means(means) -> np.ndarray:
    """Rollout from each layer's head mean (`[query, key]`, first layer first): `[layer, query, key]`."""
    flows, flow = [], None
    for mean in means:
        n_query, n_key = mean.shape
        if n_query != n_key:
            raise ValueError("Rollout needs self-attention (square matrices).")
        mixed = np.asarray(mean, dtype=np.float64) + np.eye(n_query)
        mixed /= mixed.sum(axis=-1, keepdims=True)
        flow = mixed if flow is None else mixed @ flow
        flows.append(flow.astype(np.float32))
    return np.stack(flows)


def attention_matrix(trace: Trace, kind: str, layer: int, head: int = 0, aggregate: str = ONE_HEAD) -> np.ndarray:
    """The `[query, key]` matrix shown for one choice of kind, layer, head and aggregate."""
    if aggregate == ONE_HEAD:
        return trace.attention(kind, layer, head)
    if aggregate in (HEAD_MEAN, HEAD_MAX):
        return layer_aggregate(trace, kind, layer, aggregate)
    if aggregate == ROLLOUT:
        return trace_rollout(trace, kind, layer + 1)[layer]
    raise KeyError(aggregate)


def lines_fit(trace: Trace, kind: str) -> bool:
    """Whether the head view (a line per token pair) stays legible for this kind."""
    _, _, n_query, n_key = trace.attention_shape(kind)
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
    if CROSS in trace.kinds:
        return CROSS
    if DECODER_SELF in trace.kinds:
        return DECODER_SELF
    return None


def decoder_steps(trace: Trace, kind: str) -> list[Step]:
    """The query positions of `kind` as decoding steps (row i reads token i and predicts token i+1)."""
    queries, _ = trace.labels(kind)
    return [
        Step(index=i, reads=label, predicts=queries[i + 1] if i + 1 < len(queries) else None)
        for i, label in enumerate(queries)
    ]


def visible_controls(text: str) -> str:
    """Control characters (a byte-level token can decode to one) as their Unicode control pictures (␄, ␡):
    invisible otherwise, and not allowed in the XML of an SVG export."""
    return "".join(
        chr(0x2400 + ord(c)) if ord(c) < 0x20 and c not in "\n\t" else "\u2421" if c == "\x7f" else c for c in text
    )


def display_label(text: str, limit: int = 14) -> str:
    """A token as one short line: whitespace made visible, long pieces elided in the middle."""
    shown = visible_controls(text.replace("\n", "↵").replace("\t", "⇥")).strip(" ")
    if not shown:
        shown = "␣" if text else "∅"
    if len(shown) > limit:
        keep = limit - 1
        shown = shown[: (keep + 1) // 2] + "…" + shown[len(shown) - keep // 2 :]
    return shown
