"""The on-demand trace equals a plain eager transformers forward: every head's attention, every hidden state
and every position's logits, for every architecture (grouped-query, sliding-window and soft-capped included)."""

from __future__ import annotations

import numpy as np
import pytest

from tiny_models import ARCHITECTURES, MODERN_ARCHITECTURES
from viz.core.trace import TraceRequest, run_trace
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF

TEXT = "The quick brown fox jumps over the lazy dog. Attention is all you need."
TOL = 1e-4


def eager_reference(loaded, trace):
    """A fresh eager copy of the same weights, run the plain transformers way."""
    import torch
    import transformers

    config = loaded.model.config.__class__.from_dict(loaded.model.config.to_dict())
    config._attn_implementation = "eager"
    model = type(loaded.model)._from_config(config, attn_implementation="eager")
    model.load_state_dict(loaded.model.state_dict())
    model.eval()
    ids = torch.tensor([[t.id for t in trace.tokens]])
    kwargs = dict(output_attentions=True, output_hidden_states=True)
    with torch.inference_mode():
        if trace.output_tokens:
            return model(input_ids=ids, decoder_input_ids=torch.tensor([[t.id for t in trace.output_tokens]]), **kwargs)
        return model(input_ids=ids, **kwargs)
    del transformers


def _check(loaded, trace):
    ref = eager_reference(loaded, trace)
    if trace.output_tokens:
        expected = {ENCODER_SELF: ref.encoder_attentions, DECODER_SELF: ref.decoder_attentions, CROSS: ref.cross_attentions}
        hidden = {"encoder": ref.encoder_hidden_states, "decoder": ref.decoder_hidden_states}
    else:
        kind = ENCODER_SELF if trace.family == "encoder-only" else DECODER_SELF
        expected = {kind: ref.attentions}
        hidden = {"encoder" if kind == ENCODER_SELF else "decoder": ref.hidden_states}
    assert set(trace.kinds) == set(expected)
    for kind, layers in expected.items():
        assert trace.attention_shape(kind) == (len(layers), *layers[0].shape[1:])
        for layer, reference in enumerate(layers):
            reference = reference[0].numpy()  # [head, query, key]
            np.testing.assert_allclose(trace.attention_layer(kind, layer), reference, atol=TOL, err_msg=kind)
            for head in range(reference.shape[0]):
                np.testing.assert_allclose(trace.attention(kind, layer, head), reference[head], atol=TOL)
    assert set(trace.hidden_sides) == set(hidden)
    for side, states in hidden.items():
        assert trace.hidden_shape(side) == (len(states), *states[0].shape[1:])
        for layer, state in enumerate(states):
            np.testing.assert_allclose(trace.hidden(side, layer), state[0].numpy(), atol=TOL, err_msg=f"{side} {layer}")
    logits = ref.logits[0].numpy()  # [position, vocab]
    np.testing.assert_allclose(trace.logits_rows(range(len(logits))), logits, atol=TOL)
    np.testing.assert_allclose(trace.logits_row(len(logits) - 1), logits[-1], atol=TOL)
    top = trace.top_candidates
    np.testing.assert_array_equal(top.ids[:, 0], logits.argmax(-1))
    log_p = logits - np.log(np.exp(logits - logits.max(-1, keepdims=True)).sum(-1, keepdims=True)) - logits.max(-1, keepdims=True)
    np.testing.assert_allclose(top.entropy, -(np.exp(log_p) * log_p).sum(-1), atol=TOL)
    np.testing.assert_allclose(top.probs, np.take_along_axis(np.exp(log_p), top.ids, -1), atol=TOL)


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_trace_equals_eager_transformers(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    target = "a b c" if arch in ("t5", "bart") else None
    _check(loaded, run_trace(loaded, TraceRequest(TEXT, target)))


@pytest.mark.parametrize("arch", MODERN_ARCHITECTURES)
def test_modern_decoders_equal_eager_transformers(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    _check(loaded, run_trace(loaded, TraceRequest(TEXT)))


def test_grouped_query_and_sliding_window_are_reported(tiny_loaded):
    trace = run_trace(tiny_loaded("gemma2"), TEXT)
    n = len(trace.tokens)
    assert trace.attention_groups(DECODER_SELF) == 2  # 4 query heads over 2 key/value heads
    sliding = trace.attention_hidden(DECODER_SELF, 0)  # [query, key]: layer 0 slides, window 4
    full = trace.attention_hidden(DECODER_SELF, 1)
    q, k = np.indices((n, n))
    np.testing.assert_array_equal(full, k > q)
    np.testing.assert_array_equal(sliding, (k > q) | (q - k >= 4))
    assert np.all(trace.attention(DECODER_SELF, 0, 0)[sliding] == 0)


def test_bloom_falls_back_to_eager_arrays_and_says_so(tiny_loaded):
    trace = run_trace(tiny_loaded("bloom"), TEXT)
    assert "attention" in trace.notice and "memory" in trace.notice


@pytest.mark.parametrize("arch,kind", [("gemma2", DECODER_SELF), ("t5", CROSS), ("bert", ENCODER_SELF), ("t5", DECODER_SELF)])
@pytest.mark.parametrize("how", ["max", "mean"])
def test_one_pass_summary_equals_pooling_the_full_arrays(tiny_loaded, arch, kind, how):
    from tiny_models import stacked_attention
    from viz.core.attention_pool import block_pool
    from viz.core.head_patterns import pattern_scores, trace_pattern_scores

    loaded = tiny_loaded(arch)
    target = "a b c d e f" if arch == "t5" else None
    trace = run_trace(loaded, TraceRequest(TEXT, target))
    full = stacked_attention(trace, kind)  # [layer, head, query, key]
    summary = trace.attention_summary(kind, max_size=4, how=how)  # blocks of several rows and keys
    np.testing.assert_allclose(summary.pooled, block_pool(full, 4, how), atol=1e-6)
    np.testing.assert_allclose(summary.head_max, full.max(axis=(-2, -1)), atol=1e-6)
    if kind != CROSS:
        causal = kind == DECODER_SELF
        expected = pattern_scores(full, causal)
        for pattern, scores in trace_pattern_scores(trace, kind, causal).items():
            np.testing.assert_allclose(scores, expected[pattern], atol=1e-6)


def test_the_eager_fallback_refuses_what_would_not_fit(tiny_loaded, monkeypatch):
    from viz.core import trace_forward
    from viz.core.errors import TraceError

    monkeypatch.setattr(trace_forward, "EAGER_BUDGET_BYTES", 2 * 2 * 4 * 4 * 10 * 10)  # 10 tokens of BLOOM's 2 x 4 heads
    with pytest.raises(TraceError, match="shorten the text to about 10 tokens"):
        run_trace(tiny_loaded("bloom"), TEXT)
    assert len(run_trace(tiny_loaded("bloom"), "The quick").tokens) <= 10


@pytest.mark.parametrize("arch", ["llama", "t5"])
def test_a_trace_that_would_not_fit_in_free_memory_names_a_length_that_does(tiny_loaded, arch, monkeypatch):
    from viz.core import trace_budget
    from viz.core.errors import TraceError

    loaded = tiny_loaded(arch)
    target = "a b" if arch == "t5" else None
    n_tokens = len(run_trace(loaded, TraceRequest(TEXT, target)).tokens)
    stacks = trace_budget.stack_shapes(loaded.config, arch == "t5")
    per_token = sum(s.kept_per_token(4) for s in stacks) + max(s.working_per_token(4) for s in stacks)  # float32
    free = int(5 * per_token / trace_budget.SHARE_OF_FREE) + 1  # room for 5 tokens
    monkeypatch.setattr(trace_budget, "free_bytes", lambda device: free)
    with pytest.raises(TraceError, match=rf"Tracing {n_tokens} tokens .* shorten the text to about 5 tokens\.$"):
        run_trace(loaded, TraceRequest(TEXT, target))
    trace_budget.check_trace_fits(loaded, 5)  # what the sentence offers fits
    monkeypatch.setattr(trace_budget, "free_bytes", lambda device: None)  # unknown free memory: no claim
    assert len(run_trace(loaded, TraceRequest(TEXT, target)).tokens) == n_tokens


def test_the_trace_estimate_counts_grouped_keys_and_every_hidden_state():
    from types import SimpleNamespace

    from viz.core.trace_budget import stack_shapes

    llama_1b = SimpleNamespace(hidden_size=2048, num_attention_heads=32, num_key_value_heads=8, head_dim=64,
                               intermediate_size=8192, num_hidden_layers=16)
    (stack,) = stack_shapes(llama_1b, encoder_decoder=False)
    assert stack.kept_per_token(2) == (16 * (32 + 8) * 64 + 17 * 2048) * 2  # bf16 queries, keys, states
    assert stack.working_per_token(2) == (4 * 2048 + 2 * 8192) * 2
