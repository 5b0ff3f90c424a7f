"""Attention maths without Qt: masks, head aggregates, rollout, pooling and the overview grid."""

from __future__ import annotations

import numpy as np
import pytest

from viz.core.attention import (
    HEAD_MAX,
    HEAD_MEAN,
    ONE_HEAD,
    ROLLOUT,
    attention_matrix,
    causal_mask,
    decoder_steps,
    display_label,
    lines_fit,
    masked_positions,
    rollout,
    step_kind,
    strongest_keys,
)
from viz.core.attention_pool import block_pool, overview_grid, pool_mask
from tiny_models import stacked_attention
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF, Token, Trace


def random_attention(shape, seed=0, causal=False):
    """Row-stochastic attention `[layer, head, query, key]`, zero above the diagonal when causal."""
    rng = np.random.default_rng(seed)
    weights = rng.random(shape).astype(np.float32) + 0.01
    if causal:
        weights[..., np.triu(np.ones(shape[-2:], dtype=bool), k=1)] = 0
    return weights / weights.sum(axis=-1, keepdims=True)


def synthetic_trace(attentions: dict, words=None, output_words=None) -> Trace:
    """A Trace built from given arrays; `words` label the input side, `output_words` the decoder side."""
    n = (attentions[CROSS] if CROSS in attentions else next(iter(attentions.values()))).shape[-1]
    words = words or [f"w{i}" for i in range(n)]
    text = " ".join(words)
    tokens, at = [], 0
    for i, word in enumerate(words):
        tokens.append(Token(word, i, at, at + len(word), False))
        at += len(word) + 1
    output_tokens, output_text = (), ""
    if output_words:
        output_text = " ".join(output_words)
        out, at = [], 0
        for i, word in enumerate(output_words):
            out.append(Token(word, i, at, at + len(word), False))
            at += len(word) + 1
        output_tokens = tuple(out)
    family = "encoder-only"
    if CROSS in attentions:
        family = "encoder-decoder"
    elif DECODER_SELF in attentions:
        family = "decoder-only"
    return Trace.from_arrays("synthetic", family, "cpu", "float32", text, tuple(tokens), attentions, {}, None,
                             output_text=output_text, output_tokens=output_tokens)


# masks
def test_causal_mask_hides_exactly_the_later_keys():
    mask = causal_mask(4, 4)
    for q in range(4):
        for k in range(4):
            assert mask[q, k] == (k > q)


def test_masked_positions_only_for_decoder_self_attention(tiny_trace):
    gpt2 = tiny_trace("gpt2")
    mask = masked_positions(gpt2, DECODER_SELF)
    attn = stacked_attention(gpt2, DECODER_SELF)
    assert mask.shape == attn.shape[-2:]
    assert np.all(attn[:, :, mask] == 0)  # the model itself gives the masked positions no weight
    assert masked_positions(tiny_trace("bert"), ENCODER_SELF) is None
    t5 = tiny_trace("t5", "translate: hello world", "hallo welt")
    assert masked_positions(t5, ENCODER_SELF) is None
    assert masked_positions(t5, CROSS) is None
    assert masked_positions(t5, DECODER_SELF).shape == t5.attention_shape(DECODER_SELF)[-2:]


# aggregates against hand computations
LAYER = np.array(
    [
        [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]],
        [[1.0, 0.0, 0.0], [0.1, 0.9, 0.0], [0.6, 0.2, 0.2]],
    ],
    dtype=np.float32,
)  # [head, query, key]


def test_head_mean_and_max_by_hand():
    trace = synthetic_trace({DECODER_SELF: LAYER[None]})
    mean = attention_matrix(trace, DECODER_SELF, 0, aggregate=HEAD_MEAN)
    maximum = attention_matrix(trace, DECODER_SELF, 0, aggregate=HEAD_MAX)
    np.testing.assert_allclose(mean[1], [0.3, 0.7, 0.0], atol=1e-6)
    np.testing.assert_allclose(mean[2], [0.4, 0.25, 0.35], atol=1e-6)
    np.testing.assert_allclose(maximum[1], [0.5, 0.9, 0.0])
    np.testing.assert_allclose(maximum[2], [0.6, 0.3, 0.5])
    np.testing.assert_array_equal(attention_matrix(trace, DECODER_SELF, 0, 1, ONE_HEAD), LAYER[1])


def _rollout_by_hand(attentions):
    """Abnar & Zuidema with plain loops: mean of heads, + identity, rows renormalised, multiplied upward."""
    layers, heads, n, _ = attentions.shape
    flows = []
    flow = None
    for layer in range(layers):
        a = [[sum(float(attentions[layer, h, i, j]) for h in range(heads)) / heads + (1.0 if i == j else 0.0)
              for j in range(n)] for i in range(n)]
        a = [[v / sum(row) for v in row] for row in a]
        if flow is None:
            flow = a
        else:
            flow = [[sum(a[i][m] * flow[m][j] for m in range(n)) for j in range(n)] for i in range(n)]
        flows.append(flow)
    return np.array(flows)


def test_rollout_matches_a_hand_computation():
    attentions = np.stack([LAYER, LAYER[::-1]])  # [layer, head, query, key]
    expected = _rollout_by_hand(attentions)
    np.testing.assert_allclose(rollout(attentions), expected, atol=1e-6)
    # First layer: (mean + I) / 2 row by row.
    np.testing.assert_allclose(expected[0][1], [0.15, 0.85, 0.0], atol=1e-9)
    trace = synthetic_trace({DECODER_SELF: attentions})
    np.testing.assert_allclose(attention_matrix(trace, DECODER_SELF, 1, aggregate=ROLLOUT), expected[1], atol=1e-6)


def test_rollout_keeps_rows_stochastic_and_causal_structure(tiny_trace):
    attentions = stacked_attention(tiny_trace("gpt2"), DECODER_SELF)
    flows = rollout(attentions)
    np.testing.assert_allclose(flows.sum(axis=-1), 1.0, atol=1e-5)
    n = attentions.shape[-1]
    assert np.all(flows[:, causal_mask(n, n)] == 0)


def test_rollout_refuses_cross_attention():
    trace = synthetic_trace(
        {ENCODER_SELF: random_attention((1, 2, 4, 4)), DECODER_SELF: random_attention((1, 2, 3, 3)),
         CROSS: random_attention((1, 2, 3, 4))},
        output_words=["a", "b", "c"],
    )
    with pytest.raises(ValueError):
        attention_matrix(trace, CROSS, 0, aggregate=ROLLOUT)


# pooling
def _pool_by_hand(matrix, max_size, how):
    n, m = matrix.shape
    bq, bk = -(-n // max_size), -(-m // max_size)
    out = np.zeros((-(-n // bq), -(-m // bk)))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            block = matrix[i * bq:(i + 1) * bq, j * bk:(j + 1) * bk]
            out[i, j] = block.max() if how == "max" else block.mean()
    return out


@pytest.mark.parametrize("shape", [(5, 5), (64, 64), (65, 65), (130, 97), (200, 7)])
@pytest.mark.parametrize("how", ["max", "mean"])
def test_block_pool_matches_loops(shape, how):
    matrix = np.random.default_rng(1).random(shape).astype(np.float32)
    pooled = block_pool(matrix[None, None], 64, how)[0, 0]
    assert max(pooled.shape) <= 64
    np.testing.assert_allclose(pooled, _pool_by_hand(matrix, 64, how), rtol=1e-6)


def test_pool_mask_marks_only_fully_masked_blocks():
    mask = causal_mask(130, 130)
    pooled = pool_mask(mask, 64)  # blocks of 3 × 3
    for i in range(pooled.shape[0]):
        for j in range(pooled.shape[1]):
            assert pooled[i, j] == mask[i * 3:(i + 1) * 3, j * 3:(j + 1) * 3].all()


def test_overview_grid_lays_out_every_head():
    attentions = random_attention((3, 4, 100, 100), causal=True)  # [layer, head, query, key]
    grid = overview_grid(attentions, causal_mask(100, 100), scale="row")
    assert (grid.layers, grid.heads, grid.cell_rows, grid.cell_cols) == (3, 4, 50, 50)
    assert grid.values.shape == (3 * 50 + 2 * grid.gap, 4 * 50 + 3 * grid.gap)
    for layer in range(3):
        for head in range(4):
            y, x = layer * grid.pitch_y, head * grid.pitch_x
            assert grid.cell_at(x + 0.5, y + 0.5) == (layer, head)
            cell = grid.values[y:y + 50, x:x + 50]
            pooled = _pool_by_hand(attentions[layer, head], 64, "max")
            np.testing.assert_allclose(cell, pooled / pooled.max(axis=1, keepdims=True), rtol=1e-6)
            assert grid.head_max[layer, head] == pytest.approx(attentions[layer, head].max())
    assert np.isnan(grid.values[50:50 + grid.gap]).all()  # the gap between layer rows
    assert grid.cell_at(50 + grid.gap / 2, 10) is None
    assert grid.masked[0, 49] and not grid.masked[49, 0]


def test_overview_grid_head_scale_and_cross_shape():
    attentions = random_attention((2, 2, 6, 20))  # cross-attention: 6 output × 20 input tokens
    grid = overview_grid(attentions, scale="head")
    assert (grid.cell_rows, grid.cell_cols) == (6, 20)
    np.testing.assert_allclose(grid.values[:6, :20], attentions[0, 0] / attentions[0, 0].max(), rtol=1e-6)
    assert not grid.masked.any()


# steps, labels, choices
def test_decoder_steps_of_an_encoder_decoder_trace(tiny_trace):
    trace = tiny_trace("t5", "translate: hello world", "hallo welt")
    assert step_kind(trace) == CROSS
    steps = decoder_steps(trace, CROSS)
    outputs = trace.side_labels("output")
    assert len(steps) == len(outputs) == trace.attention_shape(CROSS)[2]
    assert steps[0].reads == outputs[0] and steps[0].predicts == outputs[1]
    assert steps[-1].predicts is None
    assert step_kind(tiny_trace("bert")) is None


def test_strongest_keys_and_lines_limit():
    row = np.array([0.1, 0.5, 0.05, 0.3, 0.05])
    assert [k for k, _ in strongest_keys(row, 3)] == [1, 3, 0]
    assert strongest_keys(row, 3)[0][1] == pytest.approx(0.5)
    assert lines_fit(synthetic_trace({ENCODER_SELF: random_attention((1, 1, 48, 48))}), ENCODER_SELF)
    assert not lines_fit(synthetic_trace({ENCODER_SELF: random_attention((1, 1, 49, 49))}), ENCODER_SELF)


def test_display_label_shows_whitespace_and_elides():
    assert display_label(" fox") == "fox"
    assert display_label(" ") == "␣"
    assert display_label("\n") == "↵"
    long = display_label("supercalifragilisticexpialidocious", limit=10)
    assert len(long) == 10 and "…" in long and long.startswith("super")


def test_a_lone_word_start_mark_is_labelled_by_its_piece():
    # SentencePiece splits "reverse" as ▁ r eve rse and reports the ▁ at (0, 1), the span of "r".
    text = "reverse:"
    tokens = [Token("\u2581", 3, 0, 1, False), Token("r", 9, 0, 1, False), Token("eve", 20, 1, 4, False)]
    assert [t.text_in(text) for t in tokens] == ["\u2581", "r", "eve"]
    assert Token("\u2581paper", 5, 8, 14, False).text_in("reverse: paper") == " paper"
