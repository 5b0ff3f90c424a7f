"""Logit lens, direct logit attribution and neurons, checked against the model's own forward pass."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tiny_models import ARCHITECTURES, MODERN_ARCHITECTURES
from viz.core.errors import VizError
from viz.core.lens import LensRequest, lens_logits, run_lens
from viz.core.lens_attribution import AttributionRequest, run_attribution
from viz.core.neurons import NeuronRequest, run_neurons

TEXT = "The quick brown fox jumps over the lazy dog."
DECODER_IDS = (0, 40, 41, 42, 43)


def _request(loaded, **kwargs):
    dec = DECODER_IDS if loaded.family.value == "encoder-decoder" else None
    return LensRequest(TEXT, decoder_ids=dec, **kwargs)


def _model_logits(loaded) -> torch.Tensor:
    ids = torch.tensor([loaded.tokenizer(TEXT)["input_ids"]])
    with torch.no_grad():
        if loaded.family.value == "encoder-decoder":
            return loaded.model(input_ids=ids, decoder_input_ids=torch.tensor([DECODER_IDS])).logits[0]
        return loaded.model(input_ids=ids).logits[0]  # [seq, vocab]


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_last_layer_of_the_lens_is_the_models_own_logits(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    expected = _model_logits(loaded)
    result = run_lens(loaded, _request(loaded))
    layers = len(result.layer_labels)
    lens = lens_logits(loaded, _request(loaded), layers - 1, range(expected.shape[0]))
    np.testing.assert_allclose(lens, expected.numpy(), atol=1e-5, rtol=0)
    probs, ids = torch.softmax(expected, -1).topk(5, -1)
    np.testing.assert_array_equal(result.top_ids[-1], ids.numpy())
    np.testing.assert_allclose(result.top_probs[-1], probs.numpy(), atol=1e-6)
    assert result.top_ids.shape == (layers, expected.shape[0], 5)
    # the default focus is the final prediction: probability equals its top-1 probability, rank 0
    np.testing.assert_allclose(result.focus_probs[-1], probs[:, 0].numpy(), atol=1e-6)
    assert (result.focus_ranks[-1] == 0).all()


@pytest.mark.parametrize("arch", ARCHITECTURES + MODERN_ARCHITECTURES)
def test_the_lens_reads_the_traces_own_pass_without_running_the_model(tiny_loaded, arch, monkeypatch):
    """The trace records the residuals the lens reads; the Lens tab projects them instead of running the model
    again, and its grid equals one made from the lens's own pass (up to the attention kernels' rounding)."""
    import viz.core.lens as lens
    from viz.core.trace import run_trace

    loaded = tiny_loaded(arch)
    trace = run_trace(loaded, TEXT)
    assert trace.lens_body is not None
    decoder_ids = tuple(t.id for t in trace.output_tokens) or None
    request = LensRequest(trace.text, decoder_ids)
    own = run_lens(loaded, request)
    monkeypatch.setattr(lens, "run_body", lambda *a, **k: pytest.fail("the model ran again"))
    reused = run_lens(loaded, request, body=trace.lens_body)
    first = run_lens(loaded, LensRequest(trace.text, decoder_ids, first_positions=2), body=trace.lens_body)
    rest = run_lens(loaded, request, after=first)
    for grid in (reused, rest):
        np.testing.assert_array_equal(grid.top_ids, own.top_ids)
        np.testing.assert_allclose(grid.top_probs, own.top_probs, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(grid.residual_norms, own.residual_norms, rtol=1e-5)
        if own.encoder_norms is not None:
            np.testing.assert_allclose(grid.encoder_norms, own.encoder_norms, rtol=1e-5)
    other = run_trace(loaded, "Another text entirely.")
    with pytest.raises(pytest.fail.Exception, match="ran again"):  # a pass over other inputs is not used
        run_lens(loaded, request, body=other.lens_body)


@pytest.mark.parametrize("arch", ["gpt2", "bert", "t5"])
def test_the_last_row_comes_from_the_traces_own_prediction(tiny_loaded, arch, monkeypatch):
    """The trace keeps every position's top candidates from the model's own head: with the colour following
    the model's prediction, the lens's last row is read from them instead of being projected again."""
    import viz.core.lens as lens
    from viz.core.trace import run_trace

    loaded = tiny_loaded(arch)
    trace = run_trace(loaded, TEXT)
    request = LensRequest(trace.text, tuple(t.id for t in trace.output_tokens) or None)
    rows = []  # rows per plain projection
    original = lens._project_top
    monkeypatch.setattr(lens, "_project_top", lambda *a: rows.append(a[2].shape[0]) or original(*a))
    reused = run_lens(loaded, request, body=trace.lens_body)
    seq = len(reused.tokens)
    assert seq not in rows  # only the earlier layers were projected
    top = trace.logit_store.top
    np.testing.assert_array_equal(reused.top_ids[-1], top.ids[:, :5])
    np.testing.assert_array_equal(reused.top_probs[-1], top.probs[:, :5])
    assert (reused.focus_ranks[-1] == 0).all()
    rows.clear()
    fixed = run_lens(loaded, LensRequest(request.text, request.decoder_ids, focus_token=42), body=trace.lens_body)
    assert seq in rows and fixed.focus_ids.tolist() == [42] * seq  # another focus: the last row is projected


def test_commitment_is_the_first_layer_of_the_final_run(tiny_loaded):
    result = run_lens(tiny_loaded("llama"), _request(tiny_loaded("llama")))
    top1 = result.top_ids[:, :, 0]  # [layer + 1, seq]
    for pos in range(top1.shape[1]):
        layer = top1.shape[0] - 1
        while layer > 0 and top1[layer - 1, pos] == top1[-1, pos]:
            layer -= 1
        assert result.commitment[pos] == layer


def test_chunks_do_not_change_the_grid_and_focus_ranks_follow_the_logits(tiny_loaded, monkeypatch):
    import viz.core.lens as lens

    loaded = tiny_loaded("gpt2")
    whole = run_lens(loaded, _request(loaded, focus_token=42))
    monkeypatch.setattr(lens, "ROW_BUDGET", 3 * 300)  # three rows per chunk
    chunked = run_lens(loaded, _request(loaded, focus_token=42))
    np.testing.assert_array_equal(whole.top_ids, chunked.top_ids)
    np.testing.assert_allclose(whole.focus_probs, chunked.focus_probs, atol=1e-7)
    logits = torch.tensor(lens_logits(loaded, _request(loaded), 1, range(len(whole.tokens))))  # [seq, vocab]
    expected_rank = (logits > logits[:, 42:43]).sum(-1).numpy()
    np.testing.assert_array_equal(chunked.focus_ranks[1], expected_rank)
    np.testing.assert_allclose(chunked.focus_probs[1], torch.softmax(logits, -1)[:, 42].numpy(), atol=1e-6)


@pytest.mark.parametrize("amx", [True, False])
@pytest.mark.parametrize("arch", ["gpt2", "t5", "llama"])
def test_the_blocked_head_shows_the_numbers_of_the_plain_lens(tiny_loaded, arch, amx, monkeypatch):
    """On a CPU the earlier layers are projected a block of the vocabulary at a time, in bfloat16 where the CPU
    has AMX; every number shown is float32: the same top tokens, probabilities within 1 % of the plain lens
    (1e-5 with float32 blocks), the same ranks up to bfloat16 near-ties, the last row untouched."""
    import viz.core.lens_fast as fast

    loaded = tiny_loaded(arch)
    exact = run_lens(loaded, _request(loaded, focus_token=42))  # a tiny grid: the plain chunked projection
    monkeypatch.setattr(fast, "_has_amx", lambda: amx)  # any CPU runs bfloat16, if slowly without AMX
    monkeypatch.setattr(fast, "MIN_WORK", 0)
    monkeypatch.setattr(fast, "ROW_CHUNK", 5)  # several chunks of rows
    monkeypatch.setattr(fast, "VOCAB_BLOCK", 3 * fast.GROUP)  # several blocks, the last one padded
    blocked = run_lens(loaded, _request(loaded, focus_token=42))
    tolerance = 1e-2 if amx else 1e-5
    np.testing.assert_array_equal(blocked.top_ids, exact.top_ids)
    np.testing.assert_allclose(blocked.top_probs, exact.top_probs, rtol=tolerance, atol=1e-7)
    np.testing.assert_allclose(blocked.focus_probs, exact.focus_probs, rtol=tolerance, atol=1e-7)
    if amx:  # beyond the top 5 a rank counts bfloat16 logits: near-ties (common in a random model's flat rows) shift it
        assert (np.abs(blocked.focus_ranks - exact.focus_ranks) <= 3 + 0.02 * exact.focus_ranks).all()
    else:
        np.testing.assert_array_equal(blocked.focus_ranks, exact.focus_ranks)
    np.testing.assert_array_equal(blocked.top_probs[-1], exact.top_probs[-1])  # the model's own row: float32
    np.testing.assert_array_equal(blocked.commitment, exact.commitment)


@pytest.mark.parametrize("arch", ["gpt2", "t5"])
def test_a_first_screen_is_the_whole_grids_first_columns_and_shares_its_forward_pass(tiny_loaded, arch, monkeypatch):
    import viz.core.lens as lens

    loaded = tiny_loaded(arch)
    whole = run_lens(loaded, _request(loaded))
    assert whole.complete and whole.total_positions == len(whole.tokens)
    bodies = []  # the length of each forward pass's input
    original = lens.run_body
    monkeypatch.setattr(lens, "run_body", lambda *a, **k: bodies.append(a[2].shape[1]) or original(*a, **k))
    first = run_lens(loaded, _request(loaded, first_positions=3))
    assert not first.complete and len(first.tokens) == 3 and first.total_positions == whole.total_positions
    for name in ("top_ids", "top_probs", "focus_probs", "focus_ranks", "residual_norms"):
        np.testing.assert_allclose(getattr(first, name), getattr(whole, name)[:, :3], atol=1e-6, err_msg=name)
    np.testing.assert_array_equal(first.commitment, whole.commitment[:3])
    again = run_lens(loaded, _request(loaded), after=first)
    np.testing.assert_array_equal(again.top_ids, whole.top_ids)
    assert again.body is None  # only a first screen hands its forward pass on
    run_lens(loaded, _request(loaded))
    n_input = len(loaded.tokenizer(TEXT)["input_ids"])
    if arch == "gpt2":  # causal: the first screen runs only its own 3 tokens; each whole grid runs them all
        assert bodies == [3, n_input, n_input]
    else:  # the whole grid after its first screen reuses that forward pass; without `after` it runs the model
        assert bodies == [n_input, n_input]


@pytest.mark.parametrize("arch", ["gpt2", "bert", "t5"])
def test_the_whole_grid_after_a_first_screen_projects_only_the_rest(tiny_loaded, arch, monkeypatch):
    import viz.core.lens as lens

    loaded = tiny_loaded(arch)
    whole = run_lens(loaded, _request(loaded))
    first = run_lens(loaded, _request(loaded, first_positions=3))
    projected = []  # positions projected per call
    original = lens._project_columns
    monkeypatch.setattr(lens, "_project_columns", lambda *a: projected.append(a[2].shape[1]) or original(*a))
    rest = run_lens(loaded, _request(loaded), after=first)
    assert projected == [len(whole.tokens) - 3]
    np.testing.assert_array_equal(rest.top_ids, whole.top_ids)
    np.testing.assert_allclose(rest.top_probs, whole.top_probs, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(rest.focus_ids, whole.focus_ids)
    np.testing.assert_array_equal(rest.focus_ranks, whole.focus_ranks)
    np.testing.assert_array_equal(rest.commitment, whole.commitment)
    assert rest.tokens == whole.tokens and rest.complete
    run_lens(loaded, _request(loaded, focus_token=42), after=first)  # another focus: every column again
    assert projected[-1] == len(whole.tokens)


@pytest.mark.parametrize("arch", ["bert", "gpt2", "t5"])
def test_residual_norms_match_the_hidden_states(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    ids = torch.tensor([loaded.tokenizer(TEXT)["input_ids"]])
    with torch.no_grad():
        if arch == "t5":
            out = loaded.model(input_ids=ids, decoder_input_ids=torch.tensor([DECODER_IDS]), output_hidden_states=True)
            hidden, encoder = out.decoder_hidden_states, out.encoder_hidden_states
        else:
            hidden, encoder = loaded.model(input_ids=ids, output_hidden_states=True).hidden_states, None
    result = run_lens(loaded, _request(loaded))
    # GPT-2 and T5 apply their final norm to the last hidden state they return; the lens keeps the raw residual
    last = len(hidden) - (0 if arch == "bert" else 1)
    expected = torch.stack(hidden[:last])[:, 0].norm(dim=-1).numpy()
    np.testing.assert_allclose(result.residual_norms[:last], expected, rtol=1e-5)
    if encoder is not None:
        np.testing.assert_allclose(result.encoder_norms[:-1], torch.stack(encoder[:-1])[:, 0].norm(dim=-1).numpy(), rtol=1e-5)


@pytest.mark.parametrize("arch", ["gpt2", "llama", "bloom", "t5"])
def test_direct_logit_attribution_adds_up_to_the_logit(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    dec = DECODER_IDS if arch == "t5" else None
    position, token = 3, 57
    result = run_attribution(loaded, AttributionRequest(TEXT, position, token, dec))
    expected = float(_model_logits(loaded)[position, token])
    assert result.logit == pytest.approx(expected, abs=1e-5)
    assert result.total == pytest.approx(expected, abs=1e-4)
    heads = loaded.config.num_attention_heads if arch != "gpt2" else loaded.config.n_head
    assert result.self_head_count() == heads
    assert not np.isnan(result.contributions).any()
    assert ("X0" in result.columns) == (arch == "t5")


def test_a_heads_share_is_its_own_output_read_through_the_frozen_norm(tiny_loaded):
    """Independent check for one head: its output computed by the model's own o_proj (the other heads' inputs
    zeroed), taken out of the final residual, lowers the frozen-scale logit by exactly its share."""
    loaded = tiny_loaded("llama")
    result = run_attribution(loaded, AttributionRequest(TEXT, 4, 57))
    layers = loaded.model.model.layers
    o_proj = layers[1].self_attn.o_proj
    d_head = o_proj.in_features // loaded.config.num_attention_heads
    seen = {}

    def keep(name):
        def hook(_m, args):
            seen[name] = args[0][0, 4].clone()

        return hook

    handles = [o_proj.register_forward_pre_hook(keep("z")), loaded.model.model.norm.register_forward_pre_hook(keep("x"))]
    try:
        _model_logits(loaded)
    finally:
        for h in handles:
            h.remove()
    only_head_2 = torch.zeros_like(seen["z"])
    only_head_2[2 * d_head : 3 * d_head] = seen["z"][2 * d_head : 3 * d_head]
    with torch.no_grad():
        head_out = o_proj(only_head_2)  # [d_model]
        read = loaded.model.model.norm.weight * loaded.model.lm_head.weight[57] / result.norm_scale
        share = float(read @ seen["x"] - read @ (seen["x"] - head_out))
    assert float(result.contributions[1, 2]) == pytest.approx(share, abs=1e-6)
    assert float(read @ seen["x"]) == pytest.approx(result.logit, abs=1e-5)


@pytest.mark.parametrize("arch", ["bert", "bart"])
def test_attribution_says_why_post_norm_models_cannot_be_split(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    dec = DECODER_IDS if arch == "bart" else None
    with pytest.raises(VizError, match="pre-norm"):
        run_attribution(loaded, AttributionRequest(TEXT, 1, 5, dec))


def _activation_hook(loaded, arch, layer):
    """Neuron activations recorded by hooks on the activation function itself (and the up projection for SwiGLU)."""
    model, seen = loaded.model, {}
    if arch == "gpt2":
        modules = {"act": model.transformer.h[layer].mlp.act}
    elif arch == "bert":
        modules = {"act": model.bert.encoder.layer[layer].intermediate.intermediate_act_fn}
    elif arch == "t5":
        modules = {"act": model.decoder.block[layer].layer[2].DenseReluDense.act}
    else:
        mlp = model.model.layers[layer].mlp
        modules = {"act": mlp.act_fn, "up": mlp.up_proj}
    handles = [m.register_forward_hook(lambda _m, _a, out, k=k: seen.__setitem__(k, out[0].detach())) for k, m in modules.items()]
    try:
        _model_logits(loaded)
    finally:
        for h in handles:
            h.remove()
    return seen["act"] * seen["up"] if "up" in seen else seen["act"]  # [seq, d_mlp]


@pytest.mark.parametrize("arch", ["gpt2", "bert", "t5", "llama"])
def test_neuron_activations_equal_a_hook_on_the_activation_function(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    dec = DECODER_IDS if arch == "t5" else None
    expected = _activation_hook(loaded, arch, 1)
    neuron = 7
    result = run_neurons(loaded, NeuronRequest(TEXT, 1, neuron, dec))
    np.testing.assert_allclose(result.neuron_values, expected[:, neuron].numpy(), atol=1e-6)
    values, ids = expected.topk(10, dim=-1)
    np.testing.assert_allclose(result.top_values, values.numpy(), atol=1e-6)
    assert result.width == expected.shape[1]


def test_errors_are_one_sentence(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    with pytest.raises(VizError, match="empty"):
        run_lens(loaded, LensRequest("   "))
    with pytest.raises(VizError, match="Layer 9"):
        run_neurons(loaded, NeuronRequest(TEXT, 8))
    with pytest.raises(VizError, match="outside"):
        run_attribution(loaded, AttributionRequest(TEXT, 500, 3))


def test_lens_hooks_ignore_a_forward_pass_on_another_thread(tiny_loaded):
    """The app shares one model between workers: a pass running elsewhere must not land in the lens."""
    import threading

    from viz.core.lens_arch import lens_arch
    from viz.core.lens_capture import Captured, _hooks

    loaded = tiny_loaded("gpt2")
    arch = lens_arch(loaded)
    captured = Captured()
    other = torch.tensor([[1, 2, 3, 4, 5, 6, 7]])  # [1, seq]
    with _hooks(arch, captured, True, None, None):
        worker = threading.Thread(target=lambda: loaded.model.base_model(input_ids=other))
        worker.start()
        worker.join()
    assert captured.residuals == []
    result = run_lens(loaded, _request(loaded))  # and the lens's own pass is still recorded in full
    assert result.residual_norms.shape[0] == len(arch.blocks) + 1
