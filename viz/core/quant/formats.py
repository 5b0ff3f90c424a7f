"""One number in FP32, FP16, BF16 and INT8: its bits, the value each format stores, range and step.

FP16 and BF16 start from the FP32 value, as when a model's float32 weights are cast. BF16 keeps the upper
16 bits of FP32 after round-to-nearest-even, which is what `tensor.to(torch.bfloat16)` does.
INT8 is symmetric absmax: scale = absmax / 127, q = round(x / scale) clamped to [-127, 127].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

INT8_LEVELS = 127  # symmetric: q in [-127, 127], so that +absmax and -absmax are both exact


@dataclass(frozen=True)
class FloatSpec:
    name: str
    exponent_bits: int
    mantissa_bits: int

    @property
    def bits(self) -> int:
        return 1 + self.exponent_bits + self.mantissa_bits

    @property
    def bias(self) -> int:
        return 2 ** (self.exponent_bits - 1) - 1

    @property
    def max_finite(self) -> float:
        return (2.0 - 2.0 ** -self.mantissa_bits) * 2.0**self.bias

    @property
    def min_normal(self) -> float:
        return 2.0 ** (1 - self.bias)

    @property
    def min_subnormal(self) -> float:
        return 2.0 ** (1 - self.bias - self.mantissa_bits)


FP32 = FloatSpec("fp32", 8, 23)
FP16 = FloatSpec("fp16", 5, 10)
BF16 = FloatSpec("bf16", 8, 7)
FLOAT_SPECS = (FP32, FP16, BF16)


@dataclass(frozen=True)
class BitField:
    name: str  # "sign", "exponent", "mantissa" or "integer"
    start: int  # index of the first bit, 0 = most significant
    length: int


@dataclass(frozen=True)
class Encoding:
    """How one format stores one number."""

    format: str  # "fp32", "fp16", "bf16" or "int8"
    value: float  # the number asked for
    bits: str  # most significant bit first
    fields: tuple[BitField, ...]
    stored: float  # the value the format actually holds (exact, as a Python float)
    step: float  # distance to the next representable value of larger magnitude
    range_min: float  # most negative finite value
    range_max: float  # largest finite value
    smallest: float  # smallest positive value (subnormal for floats, one step for int8)
    category: str  # "zero", "subnormal", "normal", "infinity", "nan" (floats); "exact", "rounded", "clipped" (int8)
    # Float decomposition: value = (-1)^sign × 2^exponent × significand (exponent unbiased).
    sign: int = 0
    exponent_field: int = 0
    exponent: int = 0
    significand: float = 0.0
    # INT8 only: scale, x / scale before rounding, and the stored integer.
    scale: float = math.nan
    scaled: float = math.nan
    integer: int = 0

    @property
    def error(self) -> float:
        return self.stored - self.value


def bf16_bits_from_fp32(value: float) -> int:
    """The 16-bit pattern of bfloat16(float32(value)), rounding to nearest even like torch."""
    with np.errstate(over="ignore"):
        u = int(np.array(value, dtype=np.float32).view(np.uint32))
    if (u & 0x7F800000) == 0x7F800000 and (u & 0x007FFFFF):  # NaN: keep it quiet and a NaN
        return ((u >> 16) | 0x0040) & 0xFFFF
    rounding = 0x7FFF + ((u >> 16) & 1)
    return ((u + rounding) >> 16) & 0xFFFF


def bf16_value(bits16: int) -> float:
    return float(np.array(bits16 << 16, dtype=np.uint32).view(np.float32))


def encode_float(value: float, spec: FloatSpec) -> Encoding:
    value = float(value)
    with np.errstate(over="ignore"):  # too large for the format: it stores infinity, which is the lesson
        if spec is FP32:
            pattern = int(np.array(value, dtype=np.float32).view(np.uint32))
        elif spec is FP16:
            pattern = int(np.array(np.float32(value), dtype=np.float16).view(np.uint16))
        elif spec is BF16:
            pattern = bf16_bits_from_fp32(value)
        else:
            raise ValueError(f"unknown float format {spec.name}")
    return _decode(pattern, spec, value)


def _decode(pattern: int, spec: FloatSpec, value: float) -> Encoding:
    m_bits, e_bits = spec.mantissa_bits, spec.exponent_bits
    sign = pattern >> (spec.bits - 1)
    exponent_field = (pattern >> m_bits) & ((1 << e_bits) - 1)
    mantissa = pattern & ((1 << m_bits) - 1)
    all_ones = (1 << e_bits) - 1
    if exponent_field == all_ones:
        category = "nan" if mantissa else "infinity"
        stored = math.nan if mantissa else math.copysign(math.inf, -1.0 if sign else 1.0)
        exponent, significand, step = 0, math.nan, math.nan
    elif exponent_field == 0:
        category = "zero" if mantissa == 0 else "subnormal"
        exponent = 1 - spec.bias
        significand = mantissa / 2.0**m_bits
        stored = (-1.0) ** sign * significand * 2.0**exponent
        step = spec.min_subnormal
    else:
        category = "normal"
        exponent = exponent_field - spec.bias
        significand = 1.0 + mantissa / 2.0**m_bits
        stored = (-1.0) ** sign * significand * 2.0**exponent
        step = 2.0 ** (exponent - m_bits)
    fields = (
        BitField("sign", 0, 1),
        BitField("exponent", 1, e_bits),
        BitField("mantissa", 1 + e_bits, m_bits),
    )
    return Encoding(
        format=spec.name,
        value=value,
        bits=format(pattern, f"0{spec.bits}b"),
        fields=fields,
        stored=stored,
        step=step,
        range_min=-spec.max_finite,
        range_max=spec.max_finite,
        smallest=spec.min_subnormal,
        category=category,
        sign=sign,
        exponent_field=exponent_field,
        exponent=exponent,
        significand=significand,
    )


def int8_scale(absmax: float) -> float:
    """The float32 scale of symmetric absmax int8 for a tensor (or channel) whose largest |weight| is absmax."""
    return float(np.float32(absmax) / np.float32(INT8_LEVELS))


def encode_int8(value: float, absmax: float) -> Encoding:
    """Symmetric int8 with the range ±absmax: the same arithmetic as the weight schemes, in float32."""
    if not absmax > 0 or not math.isfinite(absmax):
        raise ValueError("the int8 range (absmax) must be a positive finite number")
    value = float(value)
    scale = np.float32(int8_scale(absmax))
    with np.errstate(over="ignore"):
        scaled = np.float32(value) * (np.float32(1.0) / scale)  # as the schemes compute it: x * (1 / scale)
    if math.isnan(float(scaled)):  # int8 has no NaN; show zero bits and say so
        integer, stored, category = 0, math.nan, "nan"
    else:
        rounded = float(np.round(scaled))  # half to even, like torch.round
        integer = int(min(max(rounded, -INT8_LEVELS), INT8_LEVELS))
        stored = float(np.float32(integer) * scale)
        if abs(float(scaled)) > INT8_LEVELS + 0.5:
            category = "clipped"
        else:
            category = "exact" if stored == float(np.float32(value)) else "rounded"
    return Encoding(
        format="int8",
        value=value,
        bits=format(integer & 0xFF, "08b"),  # two's complement
        fields=(BitField("sign", 0, 1), BitField("integer", 1, 7)),
        stored=stored,
        step=float(scale),
        range_min=-INT8_LEVELS * float(scale),
        range_max=INT8_LEVELS * float(scale),
        smallest=float(scale),
        category=category,
        sign=1 if integer < 0 else 0,
        scale=float(scale),
        scaled=float(scaled),
        integer=integer,
    )


def encode_all(value: float, int8_absmax: float) -> tuple[Encoding, ...]:
    """FP32, FP16, BF16 and INT8 encodings of one number, in that order."""
    return tuple(encode_float(value, spec) for spec in FLOAT_SPECS) + (encode_int8(value, int8_absmax),)
