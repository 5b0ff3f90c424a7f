"""Copies of a model that run a quantization scheme, sharing every tensor the scheme leaves alone.

A deep copy with a memo that maps each parameter to itself (or to its cast) costs only the tensors that
change: a simulated int8 copy of a 124 M model adds its Linear weights, not another 500 MB.
The original model is never modified; tied weights are untied in the copy by replacing the module's
parameter, so quantizing the LM head leaves the input embedding in float32 (as torchao does).
"""

from __future__ import annotations

import copy
from contextlib import contextmanager

from viz.core.quant.layers import is_conv1d, quantizable_modules, weight_out_in


def _copy_with(model, convert):
    """Deep copy of `model` in which each parameter and buffer `t` becomes `convert(t)`."""
    import torch

    memo: dict = {}
    for tensor in list(model.parameters()) + list(model.buffers()):
        if id(tensor) in memo:
            continue
        converted = convert(tensor)
        if isinstance(tensor, torch.nn.Parameter) and not isinstance(converted, torch.nn.Parameter):
            converted = torch.nn.Parameter(converted, requires_grad=False)
        memo[id(tensor)] = converted
    return copy.deepcopy(model, memo)


def _cast(dtype):
    def convert(tensor):
        if tensor.is_floating_point() and tensor.dtype != dtype:
            return tensor.detach().to(dtype)
        return tensor

    return convert


def float32_model(model):
    """The model itself when it computes in float32, else a float32 copy."""
    import torch

    if all(p.dtype == torch.float32 for p in model.parameters() if p.is_floating_point()):
        return model
    return _copy_with(model, _cast(torch.float32))


def _replace_weight(module, weight_out_in):
    import torch

    weight = weight_out_in.t() if is_conv1d(module) else weight_out_in  # back to the module's own layout
    module.weight = torch.nn.Parameter(weight.contiguous(), requires_grad=False)


def make_copy(model, scheme: str):
    """A new model computing `scheme`; float32 for the simulated schemes."""
    import torch

    from viz.core.quant.schemes import dequantize_int8, quantize_int8

    if scheme in ("fp16", "bf16"):
        return _copy_with(model, _cast(torch.float16 if scheme == "fp16" else torch.bfloat16))
    base = _copy_with(model, _cast(torch.float32))  # shares everything when the model is float32
    if scheme in ("int8_tensor", "int8_channel"):
        with torch.inference_mode():
            for _, module in quantizable_modules(base):
                q, scale = quantize_int8(weight_out_in(module), per_channel=scheme == "int8_channel")
                _replace_weight(module, dequantize_int8(q, scale))
        return base
    if scheme == "torchao_int8":
        from viz.core.quant.torchao_path import quantize_model_

        quantize_model_(base)
        return base
    raise KeyError(f"unknown scheme '{scheme}'")


@contextmanager
def stop_hooks(model, should_stop, on_layer=None):
    """Let a long forward pass (fp16 on a CPU) end at the next layer when the person cancels."""
    from viz.core.quant import check_stop

    modules = [m for _, m in quantizable_modules(model)] or [model]
    total = len(modules)
    handles = []
    for index, module in enumerate(modules):
        def hook(_module, _inputs, index=index):
            check_stop(should_stop)
            if on_layer is not None:
                on_layer(index / total)

        handles.append(module.register_forward_pre_hook(hook))
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()
