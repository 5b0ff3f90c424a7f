"""The layers that weight quantization touches: every `nn.Linear` and GPT-2 style `Conv1D`.

`nn.Linear` stores its weight as `[out, in]`; `Conv1D` (GPT-2's projections) as `[in, out]`. Per-channel
scales belong to OUTPUT channels in both, so weights are always handed out as `[out, in]`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayerInfo:
    name: str  # module path, e.g. "transformer.h.0.attn.c_attn"
    kind: str  # "Linear" or "Conv1D"
    out_features: int
    in_features: int
    tied: bool  # the weight is shared with another module (a tied LM head and input embedding)

    @property
    def parameters(self) -> int:
        return self.out_features * self.in_features


def _conv1d_class():
    try:
        from transformers.pytorch_utils import Conv1D
    except ImportError:  # a transformers without GPT-2's Conv1D: nothing to find
        return None
    return Conv1D


def quantizable_modules(model) -> list[tuple[str, object]]:
    """(name, module) for every Linear and Conv1D of the model, in module order."""
    import torch

    conv1d = _conv1d_class()
    kinds = (torch.nn.Linear,) + ((conv1d,) if conv1d is not None else ())
    return [(name, module) for name, module in model.named_modules() if isinstance(module, kinds)]


def is_conv1d(module) -> bool:
    conv1d = _conv1d_class()
    return conv1d is not None and isinstance(module, conv1d)


def weight_out_in(module):
    """The module's weight as a float32 tensor `[out, in]` on its device (a view where possible)."""
    weight = module.weight.detach()
    if is_conv1d(module):
        weight = weight.t()  # Conv1D keeps [in, out]
    return weight.float()


def layer_infos(model) -> list[LayerInfo]:
    modules = quantizable_modules(model)
    counts: dict[int, int] = {}
    for param in model.parameters():
        counts[id(param)] = 0
    for _, module in model.named_modules():
        for param in module.parameters(recurse=False):
            counts[id(param)] = counts.get(id(param), 0) + 1
    infos = []
    for name, module in modules:
        out_features, in_features = weight_out_in(module).shape
        infos.append(
            LayerInfo(
                name=name,
                kind="Conv1D" if is_conv1d(module) else "Linear",
                out_features=int(out_features),
                in_features=int(in_features),
                tied=counts.get(id(module.weight), 1) > 1,
            )
        )
    return infos


def module_named(model, name: str):
    try:
        return model.get_submodule(name)
    except AttributeError:
        raise KeyError(f"no layer named '{name}'") from None


def quantizable_layers(loaded) -> list[LayerInfo]:
    """The Linear and Conv1D layers of a loaded model (for menus and tables)."""
    return layer_infos(loaded.model)


@dataclass(frozen=True)
class PickedWeight:
    layer: str
    out_index: int  # output channel
    in_index: int
    value: float
    channel_absmax: float  # the per-channel int8 range of this weight's output channel
    tensor_absmax: float  # the per-tensor int8 range of the layer


def pick_weight(loaded, layer: str, which: str = "largest", seed: int | None = None) -> PickedWeight:
    """One weight of a layer: the largest in magnitude, or a random one (`which="random"`)."""
    import numpy as np
    import torch

    with torch.inference_mode():
        weight = weight_out_in(module_named(loaded.model, layer))  # [out, in]
        magnitudes = weight.abs()
        if which == "largest":
            flat = int(magnitudes.argmax())
        elif which == "random":
            flat = int(np.random.default_rng(seed).integers(weight.numel()))
        else:
            raise ValueError(f"unknown choice '{which}'")
        out_index, in_index = divmod(flat, weight.shape[1])
        return PickedWeight(
            layer=layer,
            out_index=out_index,
            in_index=in_index,
            value=float(weight[out_index, in_index]),
            channel_absmax=float(magnitudes[out_index].max()),
            tensor_absmax=float(magnitudes.max()),
        )
