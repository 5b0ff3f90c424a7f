"""Scoring heads on the textbook patterns: previous token, first token, the token itself."""

from __future__ import annotations

import numpy as np
import pytest
from test_attention_core import random_attention

from viz.core.head_patterns import (FIRST, FIRST_QUERY, NEXT, PREVIOUS, SELF, even_weight, pattern_scores,
                                   strongest_heads)


def planted(n=9, layers=3, heads=4):
    """Causal random heads, with layer 1 head 2 looking one back, layer 2 head 0 at token 0, layer 0 head 3 at itself."""
    attentions = random_attention((layers, heads, n, n), seed=3, causal=True)  # [layer, head, query, key]
    rows = np.arange(n)
    attentions[1, 2] = 0
    attentions[1, 2, rows, np.maximum(rows - 1, 0)] = 1
    attentions[2, 0] = 0
    attentions[2, 0, :, 0] = 1
    attentions[0, 3] = np.eye(n)
    return attentions


def test_planted_heads_score_one_and_are_found():
    attentions = planted()
    scores = pattern_scores(attentions, causal=True)
    assert NEXT not in scores  # a causal head cannot look ahead
    assert scores[PREVIOUS][1, 2] == pytest.approx(1.0)
    assert scores[FIRST][2, 0] == pytest.approx(1.0)
    assert scores[SELF][0, 3] == pytest.approx(1.0)
    found = {h.pattern: (h.layer, h.head, round(h.score, 6)) for h in strongest_heads(attentions, causal=True)}
    assert found == {PREVIOUS: (1, 2, 1.0), FIRST: (2, 0, 1.0), SELF: (0, 3, 1.0)}


def test_scores_are_mean_weights_from_the_third_query_on():
    attentions = random_attention((2, 2, 7, 7), seed=5)
    scores = pattern_scores(attentions, causal=False)
    q = np.arange(FIRST_QUERY, 7)
    for layer in range(2):
        for head in range(2):
            matrix = attentions[layer, head]
            assert scores[PREVIOUS][layer, head] == pytest.approx(np.mean([matrix[i, i - 1] for i in q]))
            assert scores[NEXT][layer, head] == pytest.approx(np.mean([matrix[i, i + 1] for i in q[:-1]]))
            assert scores[FIRST][layer, head] == pytest.approx(np.mean(matrix[q, 0]))
            assert scores[SELF][layer, head] == pytest.approx(np.mean(np.diag(matrix)[q]))


def test_an_even_head_scores_the_even_weight():
    n = 10
    causal = np.tril(np.ones((n, n))) / np.arange(1, n + 1)[:, None]
    scores = pattern_scores(causal[None, None], causal=True)
    for pattern in (PREVIOUS, FIRST, SELF):
        assert scores[pattern][0, 0] == pytest.approx(even_weight(n, causal=True))
    both_ways = np.full((1, 1, n, n), 1 / n)
    assert pattern_scores(both_ways, causal=False)[NEXT][0, 0] == pytest.approx(even_weight(n, causal=False)) == pytest.approx(0.1)


def test_too_short_or_not_self_attention():
    assert pattern_scores(random_attention((1, 2, FIRST_QUERY, FIRST_QUERY)), causal=False) == {}
    assert strongest_heads(random_attention((1, 2, FIRST_QUERY, FIRST_QUERY)), causal=True) == []
    with pytest.raises(ValueError):
        pattern_scores(random_attention((1, 2, 4, 6)), causal=False)


def test_a_next_token_head_is_found_where_the_model_may_look_ahead():
    n = 8
    attentions = random_attention((2, 3, n, n), seed=1)  # [layer, head, query, key], bidirectional
    rows = np.arange(n)
    attentions[1, 1] = 0
    attentions[1, 1, rows, np.minimum(rows + 1, n - 1)] = 1
    found = {h.pattern: (h.layer, h.head) for h in strongest_heads(attentions, causal=False)}
    assert found[NEXT] == (1, 1)
    assert set(found) == {PREVIOUS, NEXT, FIRST, SELF}
