"""Float32 against quantized copies: hidden states, attention, KL and top-1 flips, cache and cancel."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from viz.core.quant import Cancelled  # noqa: E402
from viz.core.quant.compare import ComparisonCache, ComparisonRequest, compare_outputs  # noqa: E402

TEXT = "The quick brown fox jumps over the lazy dog."


def _state(model):
    return {k: v.clone() for k, v in model.state_dict().items()}


def test_metrics_match_an_independent_computation(tiny_loaded, tiny_trace):
    from viz.core.quant.copies import make_copy

    loaded = tiny_loaded("gpt2")
    result = compare_outputs(loaded, ComparisonRequest(TEXT, ("int8_tensor",)))
    trace = tiny_trace("gpt2", TEXT)
    # The quantized model, run by hand on the trace's ids.
    ids = torch.tensor([[t.id for t in trace.tokens]])
    with torch.inference_mode():
        out = make_copy(loaded.model, "int8_tensor")(ids, output_hidden_states=True, output_attentions=True)
    logits_q = out.logits[0].double().numpy()
    trace_logits = trace.logits_rows(range(len(trace.tokens)))  # [position, vocab]
    logits_p = trace_logits.astype(np.float64)
    log_p = logits_p - np.log(np.exp(logits_p - logits_p.max(-1, keepdims=True)).sum(-1, keepdims=True)) - logits_p.max(-1, keepdims=True)
    log_q = logits_q - np.log(np.exp(logits_q - logits_q.max(-1, keepdims=True)).sum(-1, keepdims=True)) - logits_q.max(-1, keepdims=True)
    kl = (np.exp(log_p) * (log_p - log_q)).sum(-1)
    scheme = result.results["int8_tensor"]
    np.testing.assert_allclose(scheme.kl, kl, rtol=1e-4, atol=1e-10)
    np.testing.assert_array_equal(result.reference_top1, trace_logits.argmax(-1))
    np.testing.assert_array_equal(scheme.top1, logits_q.argmax(-1))
    np.testing.assert_array_equal(result.flips("int8_tensor"), np.flatnonzero(logits_q.argmax(-1) != trace_logits.argmax(-1)))
    hidden_q = out.hidden_states[-1][0].numpy()
    hidden_p = trace.hidden("decoder", -1)
    rel = np.linalg.norm(hidden_q - hidden_p) / np.linalg.norm(hidden_p)
    assert scheme.hidden_rel_l2["decoder"][-1] == pytest.approx(rel, rel=1e-3)
    attn_q = out.attentions[1][0].numpy()  # [head, query, key]
    tv = 0.5 * np.abs(attn_q - trace.attention_layer("decoder", 1)).sum(-1).mean()
    assert scheme.attention_tv["decoder"][1] == pytest.approx(tv, rel=1e-3)
    assert result.labels == tuple(TEXT[t.start : t.end] for t in trace.tokens)
    assert "".join(result.labels) == TEXT
    assert result.predicts == "next"


def test_weight_only_int8_leaves_the_embeddings_and_the_model_alone(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    before = _state(loaded.model)
    result = compare_outputs(loaded, ComparisonRequest(TEXT, ("int8_channel", "bf16", "fp16")))
    after = loaded.model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)
    int8 = result.results["int8_channel"].hidden_rel_l2["decoder"]
    assert int8[0] == 0.0 and int8[-1] > 0  # layer 0 is the embedding output: untouched by weight-only int8
    bf16 = result.results["bf16"].hidden_rel_l2["decoder"]
    fp16 = result.results["fp16"].hidden_rel_l2["decoder"]
    assert np.all(fp16 < bf16)  # 10 mantissa bits against 7
    assert np.all(result.results["bf16"].hidden_cosine["decoder"] > 0.99)
    assert result.results["int8_channel"].simulated and not result.results["bf16"].simulated


def test_results_are_cached_per_model_text_and_scheme(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    cache = ComparisonCache()
    steps: list[str] = []

    def progress(fraction, step):
        assert 0.0 <= fraction <= 1.0
        steps.append(step)

    first = compare_outputs(loaded, ComparisonRequest(TEXT, ("int8_tensor",)), progress, cache=cache)
    assert "copy:int8_tensor" in steps and "reference" in steps
    steps.clear()
    again = compare_outputs(loaded, ComparisonRequest(TEXT, ("int8_tensor", "bf16")), progress, cache=cache)
    assert "copy:int8_tensor" not in steps and "copy:bf16" in steps
    assert again.results["int8_tensor"] is first.results["int8_tensor"]
    steps.clear()
    compare_outputs(loaded, ComparisonRequest(TEXT + " Again.", ("int8_tensor",)), progress, cache=cache)
    assert "copy:int8_tensor" in steps


def test_cancel_stops_between_layers_and_caches_nothing(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    cache = ComparisonCache()
    calls = {"n": 0}

    def should_stop():
        calls["n"] += 1
        return calls["n"] > 3  # after the reference, inside the quantized forward pass

    with pytest.raises(Cancelled):
        compare_outputs(loaded, ComparisonRequest(TEXT, ("fp16",)), should_stop=should_stop, cache=cache)
    steps = []
    compare_outputs(loaded, ComparisonRequest(TEXT, ("fp16",)), lambda f, s: steps.append(s), cache=cache)
    assert "copy:fp16" in steps  # the cancelled scheme was not cached


def test_encoder_decoder_uses_the_given_decoder_ids(tiny_loaded, tiny_trace):
    loaded = tiny_loaded("t5")
    trace = tiny_trace("t5", TEXT, "a b c")
    decoder_ids = tuple(t.id for t in trace.output_tokens)
    result = compare_outputs(loaded, ComparisonRequest(TEXT, ("int8_channel",), decoder_ids=decoder_ids))
    scheme = result.results["int8_channel"]
    assert result.side == "output" and len(result.labels) == len(decoder_ids)
    assert scheme.kl.shape == (len(decoder_ids),)
    assert set(scheme.attention_tv) == {"encoder", "decoder", "cross"}
    assert set(scheme.hidden_rel_l2) == {"encoder", "decoder"}


def test_masked_lm_predicts_each_position(tiny_loaded):
    result = compare_outputs(tiny_loaded("bert"), ComparisonRequest(TEXT, ("bf16",)))
    assert result.predicts == "same" and result.labels[0] == "[CLS]"
    assert 0.0 <= result.agreement("bf16") <= 1.0


@pytest.mark.parametrize("arch", ["gpt2", "t5", "llama"])
def test_scheme_copies_are_freed_without_the_garbage_collector(tiny_loaded, arch):
    """The comparison runs on a worker thread, where a gc.collect() could destroy Qt objects of the
    GUI thread; so each copy must go as soon as its last reference does."""
    import gc
    import weakref

    from viz.core.quant.copies import make_copy, stop_hooks
    from viz.core.quant.forward import forward

    loaded = tiny_loaded(arch)
    ids = torch.tensor([[1, 5, 6, 7]])
    decoder_ids = ids if arch == "t5" else None
    was_enabled = gc.isenabled()  # off already: the suite collects in the GUI thread only (conftest)
    gc.disable()
    try:
        for scheme in ("fp16", "bf16", "int8_tensor", "int8_channel"):
            copy = make_copy(loaded.model, scheme)
            ref = weakref.ref(copy)
            with stop_hooks(copy, lambda: False):
                forward(copy, loaded.family, ids, decoder_ids)
            del copy
            assert ref() is None, scheme
    finally:
        if was_enabled:
            gc.enable()
