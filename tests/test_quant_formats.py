"""Bit patterns, stored values, ranges and steps of FP32/FP16/BF16/INT8 against numpy and torch."""

from __future__ import annotations

import math

import numpy as np
import pytest

from viz.core.quant.formats import BF16, FP16, FP32, encode_all, encode_float, encode_int8

VALUES = [0.1, -0.1, 1.0, -2.5, 3.14159265, 1e-3, 65504.0, 65520.0, 1e5, 1e-6, 6e-8, 1e-40, 0.0, -0.0,
          1.0 + 2**-8, 1.0 + 3 * 2**-8, 3.3e38, float("inf"), -float("inf")]


@pytest.mark.parametrize("value", VALUES)
def test_fp32_and_fp16_bits_are_numpy_views(value):
    with np.errstate(over="ignore"):
        fp32_bits = int(np.float32(value).view(np.uint32))
        fp16_bits = int(np.float16(np.float32(value)).view(np.uint16))
    assert encode_float(value, FP32).bits == format(fp32_bits, "032b")
    assert encode_float(value, FP16).bits == format(fp16_bits, "016b")


@pytest.mark.parametrize("value", VALUES)
def test_bf16_is_what_torch_stores(value):
    torch = pytest.importorskip("torch")
    as_bf16 = torch.tensor([value], dtype=torch.float32).to(torch.bfloat16)
    expected_bits = int(as_bf16.view(torch.int16).item()) & 0xFFFF
    encoded = encode_float(value, BF16)
    assert encoded.bits == format(expected_bits, "016b")
    assert encoded.stored == float(as_bf16.float().item()) or (math.isnan(encoded.stored) and math.isnan(value))


def test_bf16_rounds_ties_to_even_on_random_values():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    values = np.concatenate([rng.normal(0, 1, 500), rng.normal(0, 1e-3, 500)]).astype(np.float32)
    # Exact ties: the lower 16 bits are 0x8000, so only round-half-to-even decides.
    ties = (values.view(np.uint32) & 0xFFFF0000 | 0x8000).view(np.float32)
    for value in np.concatenate([values, ties]):
        expected = int(torch.tensor([value]).to(torch.bfloat16).view(torch.int16).item()) & 0xFFFF
        assert encode_float(float(value), BF16).bits == format(expected, "016b")


def test_known_picture_of_one_tenth():
    fp32, fp16, bf16, int8 = encode_all(0.1, 1.0)
    assert fp32.bits == "00111101110011001100110011001101"  # sign 0, exponent 123, mantissa 0x4CCCCD
    assert (fp32.sign, fp32.exponent_field, fp32.exponent) == (0, 123, -4)
    assert fp32.stored == float(np.float32(0.1))
    assert fp16.bits == "0010111001100110" and fp16.exponent_field == 11
    assert bf16.bits == "0011110111001101"  # the upper half of fp32 rounded up: ...1100 1100 | 1100... -> 1101
    assert [f.length for f in fp32.fields] == [1, 8, 23]
    assert [f.length for f in fp16.fields] == [1, 5, 10]
    assert [f.length for f in bf16.fields] == [1, 8, 7]
    for enc in (fp32, fp16, bf16):  # the formula lecturers write reproduces the stored value
        assert (-1) ** enc.sign * enc.significand * 2.0**enc.exponent == enc.stored


@pytest.mark.parametrize("value", [0.1, 1.0, 3.0, 1000.0, 1e-5, 6e-8, 1e-40, 2.0**-130])
def test_step_is_numpy_spacing(value):
    fp32 = encode_float(value, FP32)
    assert fp32.step == float(np.spacing(np.float32(fp32.stored)))
    fp16 = encode_float(value, FP16)
    if fp16.stored > 0:
        assert fp16.step == float(np.spacing(np.float16(fp16.stored)))


def test_bf16_step_is_the_distance_to_the_next_pattern():
    for value in (0.1, 1.0, 300.0, 1e-39):
        encoded = encode_float(value, BF16)
        next_bits = int(encoded.bits, 2) + 1
        next_value = float(np.array(next_bits << 16, dtype=np.uint32).view(np.float32))
        assert encoded.step == next_value - encoded.stored


def test_ranges_match_finfo():
    for spec, dtype in ((FP32, np.float32), (FP16, np.float16)):
        info = np.finfo(dtype)
        assert spec.max_finite == float(info.max)
        assert spec.min_normal == float(info.smallest_normal)
        assert spec.min_subnormal == float(info.smallest_subnormal)
    assert BF16.max_finite == pytest.approx(3.3895313892515355e38)
    assert BF16.min_normal == FP32.min_normal  # same exponent field as FP32


def test_overflow_and_subnormals_are_named():
    assert encode_float(1e5, FP16).category == "infinity"
    assert encode_float(1e5, BF16).category == "normal"
    assert encode_float(1e-6, FP16).category == "subnormal"
    assert encode_float(0.0, FP32).category == "zero"
    assert encode_float(float("nan"), BF16).category == "nan"


def test_int8_by_hand():
    # absmax 1.0: scale = 1/127; 0.1 * 127 = 12.7 rounds to 13, stored 13/127.
    enc = encode_int8(0.1, 1.0)
    assert enc.scale == float(np.float32(1.0) / np.float32(127))
    assert enc.scaled == pytest.approx(12.7, abs=1e-5)
    assert enc.integer == 13 and enc.bits == "00001101"
    assert enc.stored == float(np.float32(13) * np.float32(enc.scale))
    assert enc.category == "rounded" and enc.step == enc.scale
    assert enc.range_max == pytest.approx(1.0) and enc.range_min == pytest.approx(-1.0)
    # -0.3 * 127 = -38.1 -> -38, two's complement 256 - 38 = 218 = 0b11011010.
    neg = encode_int8(-0.3, 1.0)
    assert neg.integer == -38 and neg.bits == "11011010" and neg.sign == 1
    clipped = encode_int8(2.0, 1.0)
    assert clipped.integer == 127 and clipped.category == "clipped" and clipped.bits == "01111111"
    assert encode_int8(-1.0, 1.0).integer == -127


def test_int8_agrees_with_the_weight_scheme():
    torch = pytest.importorskip("torch")
    from viz.core.quant.schemes import dequantize_int8, quantize_int8

    weight = torch.tensor([[0.37, -0.81, 0.05, 1.6]])  # absmax 1.6
    q, scale = quantize_int8(weight, per_channel=True)
    for value, qi, deq in zip(weight[0].tolist(), q[0].tolist(), dequantize_int8(q, scale)[0].tolist()):
        enc = encode_int8(value, 1.6)
        assert enc.integer == qi
        assert enc.stored == pytest.approx(deq, rel=0, abs=0)
