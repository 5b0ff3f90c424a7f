"""Textbook attention patterns, scored per head: how much weight a head puts on the previous
token, on the next token (where the model may look ahead), on the first token, and on the token itself.

These are the patterns the interpretability literature names first (previous- and next-token heads,
heads that rest on the first token, heads that look at their own position; see Clark et al. 2019,
"What does BERT look at?"). Scoring every head of the current text lets a person find them instead
of hunting through the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PREVIOUS = "previous"
NEXT = "next"
FIRST = "first"
SELF = "self"

# Queries 0 and 1 are left out: for them the first token is the token itself or the previous one,
# and a causal head has no other choice there, so they would count for every pattern at once.
FIRST_QUERY = 2


@dataclass(frozen=True)
class HeadPattern:
    """The head that shows one pattern most strongly in one text."""

    pattern: str
    layer: int
    head: int
    score: float  # mean weight on the pattern's key over queries FIRST_QUERY … n-1


def pattern_scores(attentions: np.ndarray, causal: bool) -> dict[str, np.ndarray]:
    """Mean weight each head puts on each pattern's key: `[layer, head, query, key]` -> pattern -> `[layer, head]`.

    Self-attention only (queries and keys are the same tokens); empty for fewer than
    FIRST_QUERY + 1 tokens. NEXT is scored only where the model may look ahead (not causal),
    over queries FIRST_QUERY … n-2.
    """
    _, _, n_query, n_key = attentions.shape
    if n_query != n_key:
        raise ValueError("Head patterns are defined for self-attention (square matrices) only.")
    q = np.arange(n_query)
    previous = np.zeros(attentions.shape[:3], dtype=attentions.dtype)  # [layer, head, query]
    previous[..., 1:] = attentions[..., q[1:], q[1:] - 1]
    following = np.zeros_like(previous)
    following[..., :-1] = attentions[..., q[:-1], q[:-1] + 1]
    return scores_from_entries(previous, following, attentions[..., 0], attentions[..., q, q], causal)


def trace_pattern_scores(trace, kind: str, causal: bool) -> dict[str, np.ndarray]:
    """`pattern_scores` of a trace's self-attention kind, from its one-pass summary (no full matrices held)."""
    _, _, n_query, n_key = trace.attention_shape(kind)
    if n_query != n_key:
        raise ValueError("Head patterns are defined for self-attention (square matrices) only.")
    summary = trace.attention_summary(kind)
    return scores_from_entries(summary.previous, summary.following, summary.first, summary.itself, causal)


def scores_from_entries(previous, following, first, itself, causal: bool) -> dict[str, np.ndarray]:
    """Pattern scores from each query's weight on keys q-1, q+1, 0 and q (each `[layer, head, query]`)."""
    n_query = previous.shape[-1]
    if n_query <= FIRST_QUERY:
        return {}
    scores = {PREVIOUS: previous[..., FIRST_QUERY:].mean(axis=-1, dtype=np.float64)}
    if not causal and n_query > FIRST_QUERY + 1:
        scores[NEXT] = following[..., FIRST_QUERY:-1].mean(axis=-1, dtype=np.float64)
    scores[FIRST] = first[..., FIRST_QUERY:].mean(axis=-1, dtype=np.float64)
    scores[SELF] = itself[..., FIRST_QUERY:].mean(axis=-1, dtype=np.float64)
    return scores


def even_weight(n_tokens: int, causal: bool) -> float:
    """What any one key gets, averaged over the scored queries, from a head that spreads its weight evenly."""
    if n_tokens <= FIRST_QUERY:
        return 0.0
    if not causal:
        return 1.0 / n_tokens
    visible = np.arange(FIRST_QUERY, n_tokens) + 1  # query q sees keys 0 … q
    return float(np.mean(1.0 / visible))


def strongest_heads(attentions: np.ndarray, causal: bool) -> list[HeadPattern]:
    """For each pattern, the head with the highest score (the lowest layer and head on ties)."""
    return strongest_of(pattern_scores(attentions, causal))


def strongest_of(all_scores: dict[str, np.ndarray]) -> list[HeadPattern]:
    """For each pattern in `pattern -> [layer, head]` scores, the head with the highest score."""
    result = []
    for pattern, scores in all_scores.items():
        layer, head = np.unravel_index(int(np.argmax(scores)), scores.shape)
        result.append(HeadPattern(pattern, int(layer), int(head), float(scores[layer, head])))
    return result
