"""Weight quantization schemes and their errors, layer by layer.

fp16 and bf16 are real casts (`weight.to(dtype)` and back). int8 per-tensor and per-channel are simulated:
the weight is quantized to int8, dequantized, and the model computes in float32 with the result.
`torchao_int8` is torchao's real int8 weight-only path (see `torchao_path`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from viz.core.quant import check_stop, report
from viz.core.quant.formats import INT8_LEVELS
from viz.core.quant.layers import LayerInfo, layer_infos, module_named, quantizable_modules, weight_out_in


@dataclass(frozen=True)
class Scheme:
    key: str
    simulated: bool  # True: float32 compute with rounded weights; False: the format really runs
    weight_bytes: float  # bytes per quantized weight


SCHEMES = {
    "fp16": Scheme("fp16", False, 2),
    "bf16": Scheme("bf16", False, 2),
    "int8_tensor": Scheme("int8_tensor", True, 1),
    "int8_channel": Scheme("int8_channel", True, 1),
    "torchao_int8": Scheme("torchao_int8", False, 1),
}
WEIGHT_SCHEMES = tuple(SCHEMES)


def quantize_int8(weight, per_channel: bool, levels: float = INT8_LEVELS, qmin: int = -INT8_LEVELS, qmax: int = INT8_LEVELS):
    """Symmetric absmax int8 of a `[out, in]` weight: (q int8 [out, in], scale float32 [out or 1, 1]).

    scale = absmax / levels per output channel (or for the whole tensor); q = round(w × (1 / scale)),
    rounding half to even, clamped to [qmin, qmax]. `levels=127.5, qmin=-128` reproduces torchao.
    """
    import torch

    weight = weight.float()
    if per_channel:
        absmax = weight.abs().amax(dim=1, keepdim=True)  # [out, 1]
    else:
        absmax = weight.abs().amax().reshape(1, 1)  # [1, 1]
    scale = torch.clamp(absmax / float(levels), min=torch.finfo(torch.float32).eps)  # all-zero rows stay zero
    q = torch.clamp(torch.round(weight * (1.0 / scale)), qmin, qmax).to(torch.int8)  # [out, in]
    return q, scale


def dequantize_int8(q, scale):
    return q.float() * scale


def approximate(weight, scheme: str):
    """What the scheme turns a float32 `[out, in]` weight into, as float32."""
    import torch

    if scheme == "fp16":
        return weight.to(torch.float16).float()
    if scheme == "bf16":
        return weight.to(torch.bfloat16).float()
    if scheme in ("int8_tensor", "int8_channel"):
        return dequantize_int8(*quantize_int8(weight, per_channel=scheme == "int8_channel"))
    if scheme == "torchao_int8":
        from viz.core.quant.torchao_path import dequantized_int8

        return dequantized_int8(weight)
    raise KeyError(f"unknown scheme '{scheme}'")


@dataclass(frozen=True)
class WeightError:
    rel_l2: float  # ||W - Q|| / ||W||
    max_abs: float  # max |W - Q|
    sqnr_db: float  # 20 log10(||W|| / ||W - Q||); inf when exact


def weight_error(original, approx) -> WeightError:
    import torch

    original = original.float()
    diff = approx.float() - original  # float32 is exact enough: torch sums norms blockwise
    signal = float(torch.linalg.vector_norm(original))
    noise = float(torch.linalg.vector_norm(diff))
    max_abs = float(diff.abs().max()) if diff.numel() else 0.0
    rel = noise / signal if signal > 0 else (0.0 if noise == 0 else math.inf)
    if noise == 0:
        sqnr = math.inf
    elif not math.isfinite(noise):
        sqnr = -math.inf  # overflow to infinity (fp16 above 65504)
    else:
        sqnr = 20.0 * math.log10(signal / noise) if signal > 0 else -math.inf
    return WeightError(rel, max_abs, sqnr)


@dataclass(frozen=True)
class WeightErrorTable:
    model_name: str
    layers: tuple[LayerInfo, ...]
    schemes: tuple[str, ...]
    errors: tuple[tuple[WeightError, ...], ...]  # [layer][scheme]
    seconds: float

    def rows(self) -> list[list]:
        """Long format for CSV: one row per layer and scheme."""
        rows = [["layer", "kind", "out", "in", "scheme", "simulated", "relative_l2", "max_abs", "sqnr_db"]]
        for info, errors in zip(self.layers, self.errors):
            for scheme, err in zip(self.schemes, errors):
                rows.append([info.name, info.kind, info.out_features, info.in_features, scheme,
                             SCHEMES[scheme].simulated, err.rel_l2, err.max_abs, err.sqnr_db])
        return rows


def weight_error_table(loaded, schemes=("fp16", "bf16", "int8_tensor", "int8_channel"), progress=None, should_stop=None) -> WeightErrorTable:
    """Relative L2, max |error| and SQNR of each scheme on each Linear/Conv1D weight of the loaded model."""
    import time

    import torch

    started = time.perf_counter()
    modules = quantizable_modules(loaded.model)
    infos = layer_infos(loaded.model)
    table = []
    with torch.inference_mode():
        for index, ((name, module), info) in enumerate(zip(modules, infos)):
            check_stop(should_stop)
            report(progress, index / max(len(modules), 1), f"layer:{name}")
            weight = weight_out_in(module)  # [out, in]
            table.append(tuple(weight_error(weight, approximate(weight, s)) for s in schemes))
    report(progress, 1.0, "done")
    return WeightErrorTable(loaded.name, tuple(infos), tuple(schemes), tuple(table), time.perf_counter() - started)


@dataclass(frozen=True)
class LayerHistogram:
    layer: LayerInfo
    counts: np.ndarray  # [bins]
    edges: np.ndarray  # [bins + 1]
    tensor_scale: float  # per-tensor int8 step
    clip: float  # per-tensor clipping range is ±clip (= 127 × tensor_scale = absmax)
    channel_absmax: np.ndarray  # [out]: the largest |weight| of each output channel
    outliers: np.ndarray  # indices of output channels whose absmax is > outlier_factor × the median
    outlier_factor: float
    std: float


def layer_histogram(loaded, layer_name: str, bins: int = 256, outlier_factor: float = 3.0) -> LayerHistogram:
    """The weight distribution of one layer with what int8 makes of it: grid, clipping and outlier channels."""
    import torch

    model = loaded.model
    info = next((i for i in layer_infos(model) if i.name == layer_name), None)
    if info is None:
        raise KeyError(f"no Linear or Conv1D layer named '{layer_name}'")
    with torch.inference_mode():
        weight = weight_out_in(module_named(model, layer_name)).cpu().numpy()  # [out, in]
    channel_absmax = np.abs(weight).max(axis=1)  # [out]
    absmax = float(channel_absmax.max()) if channel_absmax.size else 0.0
    scale = float(np.float32(absmax) / np.float32(INT8_LEVELS))
    counts, edges = np.histogram(weight, bins=bins, range=(-absmax, absmax) if absmax > 0 else None)
    median = float(np.median(channel_absmax)) if channel_absmax.size else 0.0
    outliers = np.flatnonzero(channel_absmax > outlier_factor * median) if median > 0 else np.array([], dtype=int)
    return LayerHistogram(info, counts, edges, scale, absmax, channel_absmax, outliers, outlier_factor, float(weight.std()))
