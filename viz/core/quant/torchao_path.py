"""torchao's real int8 weight-only path: int8 storage and its kernels, where torchao is installed.

torchao quantizes `nn.Linear` only, so GPT-2's `Conv1D` layers are first turned into equivalent
`nn.Linear` layers (weight transposed to `[out, in]`) in the copy; otherwise they would stay float32.
torchao's symmetric int8 uses scale = absmax / 127.5 and q in [-128, 127] (the simulated schemes use
absmax / 127 and [-127, 127]); the two agree to within a fraction of a percent.
"""

from __future__ import annotations

import importlib.util
import logging
from contextlib import contextmanager
from dataclasses import dataclass

from viz.core.errors import VizError

TORCHAO_LEVELS = 127.5
TORCHAO_QMIN, TORCHAO_QMAX = -128, 127


@dataclass(frozen=True)
class TorchaoStatus:
    available: bool
    version: str  # "" when not installed
    reason: str  # "ok", "missing" or "unsupported: <detail>"


def torchao_status() -> TorchaoStatus:
    """Whether torchao is installed, without importing it (the import is slow and noisy)."""
    if importlib.util.find_spec("torchao") is None:
        return TorchaoStatus(False, "", "missing")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("torchao")
    except PackageNotFoundError:
        found = "?"
    return TorchaoStatus(True, found, "ok")


@contextmanager
def _quiet_import():
    """torchao logs a warning per optional native kernel it cannot load (CUDA-only ones on a CPU)."""
    loggers = [logging.getLogger(n) for n in ("torchao", "torch.utils._pytree")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def _torchao_api():
    try:
        with _quiet_import():
            from torchao.quantization import Int8WeightOnlyConfig, quantize_
    except ImportError as exc:
        raise VizError(f"torchao could not be imported ({exc}).") from None
    return quantize_, Int8WeightOnlyConfig


def _config():
    _, config_class = _torchao_api()
    # Leave torch.compile's global inductor settings alone: this app does not compile.
    return config_class(set_inductor_config=False)


def quantize_model_(model) -> None:
    """In place: Conv1D -> Linear, then torchao int8 weight-only on every Linear of `model` (a copy)."""
    quantize_, _ = _torchao_api()
    conv1d_to_linear_(model)
    try:
        quantize_(model, _config())
    except (RuntimeError, NotImplementedError, AssertionError, TypeError) as exc:
        raise VizError(f"torchao int8 weight-only does not run here ({exc}).") from None


def conv1d_to_linear_(model) -> int:
    """Replace every Conv1D by an nn.Linear computing the same function; returns how many."""
    import torch

    from viz.core.quant.layers import is_conv1d

    replaced = 0
    for parent in list(model.modules()):
        for child_name, child in list(parent.named_children()):
            if not is_conv1d(child):
                continue
            in_features, out_features = child.weight.shape  # Conv1D: [in, out]
            linear = torch.nn.Linear(in_features, out_features, bias=child.bias is not None, device="meta")
            linear.weight = torch.nn.Parameter(child.weight.detach().t().contiguous(), requires_grad=False)
            if child.bias is not None:
                linear.bias = child.bias
            setattr(parent, child_name, linear)
            replaced += 1
    return replaced


def _quantized_weight(weight_out_in):
    """torchao's int8 tensor for one `[out, in]` weight (quantized through a throwaway nn.Linear)."""
    import torch

    quantize_, _ = _torchao_api()
    linear = torch.nn.Linear(weight_out_in.shape[1], weight_out_in.shape[0], bias=False, device="meta")
    linear.weight = torch.nn.Parameter(weight_out_in.detach().float().contiguous(), requires_grad=False)
    quantize_(linear, _config())
    return linear.weight


def dequantized_int8(weight_out_in):
    """torchao's int8 weight-only result for one `[out, in]` weight, dequantized to float32."""
    return _quantized_weight(weight_out_in).dequantize().float()


def int8_parts(weight_out_in):
    """(q int8 [out, in], scale float32 [out, 1]) as torchao stores them."""
    quantized = _quantized_weight(weight_out_in)
    return quantized.qdata, quantized.scale.float().reshape(-1, 1)
