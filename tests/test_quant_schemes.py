"""int8 arithmetic pinned by hand, per-output-channel scales for Linear and Conv1D, real casts, torchao."""

from __future__ import annotations

import math

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from viz.core.quant.layers import layer_infos, weight_out_in  # noqa: E402
from viz.core.quant.schemes import approximate, dequantize_int8, quantize_int8, weight_error, weight_error_table  # noqa: E402

# A 2×3 nn.Linear weight [out, in], worked by hand:
#   per tensor: absmax 2.54, scale 0.02:  q = [[20, -50, 13], [127, 6, -15]]  (0.255/0.02 = 12.75 -> 13,
#               0.113/0.02 = 5.65 -> 6); dequantized errors 0.005 and 0.007, the rest exact.
#   per channel: row 0 absmax 1.0, scale 1/127: 0.4*127 = 50.8 -> 51, 0.255*127 = 32.385 -> 32;
#               row 1 as per tensor.
W = [[0.4, -1.0, 0.255], [2.54, 0.113, -0.3]]


def test_int8_per_tensor_by_hand():
    q, scale = quantize_int8(torch.tensor(W), per_channel=False)
    assert q.dtype == torch.int8
    assert q.tolist() == [[20, -50, 13], [127, 6, -15]]
    assert scale.shape == (1, 1) and scale.item() == pytest.approx(0.02, rel=1e-6)
    err = weight_error(torch.tensor(W), dequantize_int8(q, scale))
    assert err.max_abs == pytest.approx(0.007, abs=1e-6)
    noise = math.sqrt(0.005**2 + 0.007**2)
    signal = math.sqrt(sum(v * v for row in W for v in row))
    assert err.rel_l2 == pytest.approx(noise / signal, rel=1e-4)
    assert err.sqnr_db == pytest.approx(20 * math.log10(signal / noise), rel=1e-4)


def test_int8_per_channel_by_hand():
    q, scale = quantize_int8(torch.tensor(W), per_channel=True)
    assert q.tolist() == [[51, -127, 32], [127, 6, -15]]
    assert scale.flatten().tolist() == pytest.approx([1 / 127, 0.02], rel=1e-6)
    deq = dequantize_int8(q, scale)
    assert deq[0].tolist() == pytest.approx([51 / 127, -1.0, 32 / 127], rel=1e-6)
    err = weight_error(torch.tensor(W), deq)
    assert err.max_abs == pytest.approx(0.007, abs=1e-6)  # 0.113 -> 0.12 in row 1


def test_conv1d_scales_are_per_output_channel():
    from transformers.pytorch_utils import Conv1D

    linear = torch.nn.Linear(3, 2, bias=False)
    conv = Conv1D(2, 3)  # nf=2 outputs, nx=3 inputs: weight [in, out]
    with torch.no_grad():
        linear.weight.copy_(torch.tensor(W))
        conv.weight.copy_(torch.tensor(W).t())
    x = torch.randn(4, 3)
    assert torch.allclose(linear(x), conv(x) - conv.bias, atol=1e-6)  # same function
    assert weight_out_in(conv).shape == (2, 3)
    q_linear, _ = quantize_int8(weight_out_in(linear), per_channel=True)
    q_conv, scale_conv = quantize_int8(weight_out_in(conv), per_channel=True)
    assert q_conv.tolist() == q_linear.tolist() == [[51, -127, 32], [127, 6, -15]]
    assert scale_conv.shape == (2, 1)


def _bf16_by_bits(array: np.ndarray) -> np.ndarray:
    u = array.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) << 16
    return rounded.astype(np.uint32).view(np.float32)


def test_fp16_and_bf16_errors_come_from_real_casts():
    weight = torch.randn(64, 48) * 0.05
    array = weight.numpy()
    fp16 = weight_error(weight, approximate(weight, "fp16"))
    expected = np.abs(array.astype(np.float16).astype(np.float32) - array)
    assert fp16.max_abs == pytest.approx(float(expected.max()), rel=1e-6)
    assert fp16.rel_l2 == pytest.approx(float(np.linalg.norm(expected) / np.linalg.norm(array)), rel=1e-5)
    bf16 = weight_error(weight, approximate(weight, "bf16"))
    expected = np.abs(_bf16_by_bits(array) - array)
    assert bf16.max_abs == pytest.approx(float(expected.max()), rel=1e-6)
    assert bf16.rel_l2 > 4 * fp16.rel_l2  # 7 mantissa bits against 10


def test_weight_table_covers_every_conv1d_and_linear(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    infos = layer_infos(loaded.model)
    kinds = {i.kind for i in infos}
    assert kinds == {"Conv1D", "Linear"}  # GPT-2's projections are not skipped
    assert sum(i.kind == "Conv1D" for i in infos) == 4 * loaded.config.n_layer
    head = next(i for i in infos if i.name == "lm_head")
    assert head.tied and (head.out_features, head.in_features) == (loaded.config.vocab_size, loaded.config.n_embd)
    c_attn = next(i for i in infos if i.name.endswith("h.0.attn.c_attn"))
    assert (c_attn.out_features, c_attn.in_features) == (3 * loaded.config.n_embd, loaded.config.n_embd)
    table = weight_error_table(loaded, ("fp16", "bf16", "int8_tensor", "int8_channel"))
    assert len(table.errors) == len(infos)
    for errors in table.errors:
        fp16, bf16, tensor, channel = errors
        assert 0 < fp16.rel_l2 < bf16.rel_l2
        assert channel.rel_l2 <= tensor.rel_l2 * 1.0001  # a finer scale never loses on absmax
    assert len(table.rows()) == 1 + 4 * len(infos)


def test_weight_table_can_be_cancelled(tiny_loaded):
    from viz.core.quant import Cancelled

    with pytest.raises(Cancelled):
        weight_error_table(tiny_loaded("gpt2"), ("fp16",), should_stop=lambda: True)


def test_histogram_marks_outlier_channels():
    from types import SimpleNamespace

    from viz.core.quant.schemes import layer_histogram

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(32, 16))
    with torch.no_grad():
        model[0].weight[5] *= 20.0  # one output channel far larger than the rest
    absmax = float(model[0].weight.detach().abs().max())
    histogram = layer_histogram(SimpleNamespace(model=model), "0", bins=64)
    assert histogram.outliers.tolist() == [5]
    assert int(histogram.counts.sum()) == 16 * 32
    assert histogram.clip == pytest.approx(absmax)  # symmetric absmax: nothing is clipped
    assert histogram.tensor_scale == pytest.approx(absmax / 127, rel=1e-6)
    assert histogram.channel_absmax.shape == (16,) and histogram.channel_absmax.argmax() == 5


def test_memory_of_a_gpt2_sized_model():
    from transformers import GPT2Config, GPT2LMHeadModel

    from viz.core.quant.memory import memory_estimate

    with torch.device("meta"):  # shapes only: no 500 MB allocation
        model = GPT2LMHeadModel(GPT2Config())
    estimate = memory_estimate(model)
    assert estimate.parameters == 124_439_808
    assert round(estimate.bytes_for("fp32") / 1e6) == 498
    assert round(estimate.bytes_for("bf16") / 1e6) == 249
    assert round(estimate.bytes_for("int8") / 1e6) == 124
    # Weight-only int8 keeps the embeddings float32 and gives the tied head its own int8 copy.
    wte, wpe = 50257 * 768, 1024 * 768
    assert estimate.tied_head_weights == wte
    assert estimate.bytes_for("int8_weight_only") > 4 * (wte + wpe)


# torchao: the real int8 weight-only path. Skipped where torchao is not installed.


def _torchao():
    pytest.importorskip("torchao")
    from viz.core.quant import torchao_path

    return torchao_path


def test_torchao_convention_matches_exactly():
    torchao_path = _torchao()
    weight = torch.randn(96, 40) * torch.linspace(0.01, 1.0, 96)[:, None]
    q_ref, scale_ref = torchao_path.int8_parts(weight)
    q, scale = quantize_int8(weight, per_channel=True, levels=torchao_path.TORCHAO_LEVELS,
                             qmin=torchao_path.TORCHAO_QMIN, qmax=torchao_path.TORCHAO_QMAX)
    assert torch.equal(scale, scale_ref)
    assert torch.equal(q, q_ref)


def test_per_channel_error_agrees_with_torchao(tiny_loaded):
    torchao_path = _torchao()
    from viz.core.quant.layers import quantizable_modules

    loaded = tiny_loaded("gpt2")
    for name, module in quantizable_modules(loaded.model):  # Conv1D layers included
        weight = weight_out_in(module)
        ours = weight_error(weight, approximate(weight, "int8_channel"))
        real = weight_error(weight, torchao_path.dequantized_int8(weight))
        assert ours.rel_l2 == pytest.approx(real.rel_l2, rel=0.05), name  # absmax/127 against absmax/127.5
        step = float(weight.abs().max()) / 127
        assert abs(ours.max_abs - real.max_abs) < step, name


def test_torchao_copy_converts_conv1d_and_leaves_the_model_alone(tiny_loaded):
    _torchao()
    from viz.core.quant.copies import make_copy
    from viz.core.quant.layers import is_conv1d

    loaded = tiny_loaded("gpt2")
    before = {k: v.clone() for k, v in loaded.model.state_dict().items()}
    copy = make_copy(loaded.model, "torchao_int8")
    assert not any(is_conv1d(m) for m in copy.modules())
    assert type(copy.transformer.h[0].attn.c_attn.weight).__name__ == "Int8Tensor"
    assert type(copy.transformer.wte.weight) is torch.nn.Parameter  # the embedding stays float32
    ids = torch.tensor([[5, 6, 7, 8, 9]])
    with torch.inference_mode():
        assert torch.allclose(copy(ids).logits, loaded.model(ids).logits, atol=0.05)
    after = loaded.model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)
    assert all(is_conv1d(m) for m in (loaded.model.transformer.h[0].attn.c_attn,))
