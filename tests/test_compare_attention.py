"""Per-head attention difference of two runs: total variation by hand, zero against itself, refused shapes."""

from __future__ import annotations

import numpy as np
import pytest

from viz.core.compare import CompareError
from viz.core.compare_attention import attention_difference
from viz.core.trace_types import DECODER_SELF, Trace


def _array_trace(attention: np.ndarray) -> Trace:
    layers, heads, n, _ = attention.shape
    return Trace.from_arrays("m", "decoder-only", "cpu", "float32", "t", (), {DECODER_SELF: attention},
                             {"decoder": np.zeros((layers + 1, n, 4), np.float32)}, None)


def _random_rows(rng, shape) -> np.ndarray:
    weights = rng.random(shape).astype(np.float32)
    return weights / weights.sum(-1, keepdims=True)


def test_equals_total_variation_by_hand():
    rng = np.random.default_rng(0)
    a, b = _random_rows(rng, (3, 4, 7, 7)), _random_rows(rng, (3, 4, 7, 7))
    expected = 0.5 * np.abs(a.astype(np.float64) - b).sum(-1).mean(-1)  # [layer, head]
    np.testing.assert_allclose(attention_difference(_array_trace(a), _array_trace(b), DECODER_SELF), expected,
                               rtol=1e-6)


@pytest.mark.parametrize("arch", ["gpt2", "t5"])
def test_a_run_against_itself_is_zero_for_every_kind(tiny_trace, arch):
    trace = tiny_trace(arch)
    for kind in trace.kinds:
        difference = attention_difference(trace, trace, kind)
        assert difference.shape == trace.attention_shape(kind)[:2]
        assert not difference.any()


def test_disjoint_attention_is_one():
    a = np.zeros((1, 1, 2, 2), np.float32)
    b = np.zeros((1, 1, 2, 2), np.float32)
    a[..., 0], b[..., 1] = 1.0, 1.0
    assert attention_difference(_array_trace(a), _array_trace(b), DECODER_SELF)[0, 0] == pytest.approx(1.0)


def test_different_lengths_are_refused():
    rng = np.random.default_rng(1)
    with pytest.raises(CompareError, match="different shapes"):
        attention_difference(_array_trace(_random_rows(rng, (1, 2, 3, 3))),
                             _array_trace(_random_rows(rng, (1, 2, 4, 4))), DECODER_SELF)
