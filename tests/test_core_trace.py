"""Trace shapes follow the config; attention rows are distributions for every kind."""

from __future__ import annotations

import numpy as np
import pytest

from tiny_models import ARCHITECTURES, stacked_attention
from viz.core.errors import InputTextError
from viz.core.trace import TraceRequest, run_trace

TEXT = "The quick brown fox jumps over the lazy dog. őrülten ünnepélyes 🙂"


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_shapes_follow_config_and_rows_sum_to_one(tiny_loaded, tiny_trace, arch):
    loaded = tiny_loaded(arch)
    trace = tiny_trace(arch, TEXT)
    config = loaded.config
    layers = getattr(config, "num_hidden_layers", None) or getattr(config, "num_layers", None)
    n = len(trace.tokens)
    for kind in trace.kinds:
        attention = stacked_attention(trace, kind)
        queries, keys = trace.axes(kind)
        assert attention.shape[0] == layers or attention.shape[0] == getattr(config, "decoder_layers", layers)
        assert attention.shape[2:] == (len(queries), len(keys)), kind
        np.testing.assert_allclose(attention.sum(-1), 1.0, atol=1e-4)
    side = "encoder" if "encoder" in trace.hidden_sides else "decoder"
    assert trace.hidden_shape(side)[:2] == (layers + 1, n)
    assert trace.logits_row(0).shape == (config.vocab_size,) and trace.vocab_size == config.vocab_size


@pytest.mark.parametrize("arch,kinds", [("bert", {"encoder"}), ("gpt2", {"decoder"}), ("t5", {"encoder", "decoder", "cross"})])
def test_attention_kinds_per_family(tiny_trace, arch, kinds):
    assert set(tiny_trace(arch).kinds) == kinds


def test_llama_grouped_query_attention_has_all_query_heads(tiny_trace):
    assert tiny_trace("llama").attention_shape("decoder")[1] == 4


def test_tokens_carry_offsets_into_the_text(tiny_trace):
    trace = tiny_trace("gpt2", TEXT)
    # byte-level pieces of one character (an emoji) share that character's span
    spans = sorted({(t.start, t.end) for t in trace.tokens if not t.special})
    covered = "".join(TEXT[s:e] for s, e in spans)
    assert covered.replace(" ", "") == TEXT.replace(" ", "")


def test_encoder_decoder_target_is_teacher_forced(tiny_trace):
    trace = tiny_trace("t5", "reverse: a b c", target="c b a")
    assert trace.output_text == "c b a"
    assert not trace.output_generated
    assert trace.output_tokens[0].special  # the decoder start token
    assert trace.attention_shape("cross")[2] == len(trace.output_tokens)


def test_encoder_decoder_generates_when_no_target(tiny_trace):
    trace = tiny_trace("bart", "hello")
    assert trace.output_generated
    assert len(trace.output_tokens) >= 2


def test_long_input_is_truncated_with_notice(tiny_loaded):
    trace = run_trace(tiny_loaded("gpt2"), TraceRequest("word " * 400))
    assert trace.truncated and len(trace.tokens) == 64
    assert "cut" in trace.notice


def test_empty_text_is_an_error(tiny_loaded):
    with pytest.raises(InputTextError):
        run_trace(tiny_loaded("gpt2"), "   ")


def test_trace_arrays_are_read_only(tiny_trace):
    trace = tiny_trace("gpt2")
    with pytest.raises(ValueError):
        trace.attention("decoder", 0, 0)[0, 0] = 1.0
    with pytest.raises(ValueError):
        trace.logits_row(0)[0] = 1.0
    with pytest.raises(ValueError):
        trace.hidden("decoder", 0)[0, 0] = 1.0


def test_a_model_switched_to_sdpa_is_still_traced_exactly(tiny_loaded):
    """The trace runs through its own recording attention whatever the model was set to, and the model
    keeps answering `output_attentions` as eager attention would."""
    import torch

    loaded = tiny_loaded("bert")
    model = loaded.model
    model.set_attn_implementation("sdpa")
    trace = run_trace(loaded, "hello there")
    ids = torch.tensor([[t.id for t in trace.tokens]])
    with torch.inference_mode():
        out = model(input_ids=ids, output_attentions=True)
    np.testing.assert_allclose(trace.attention("encoder", 1, 2), out.attentions[1][0, 2].numpy(), atol=1e-5)
