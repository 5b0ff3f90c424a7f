"""Low rank, seen: the singular values of a full fine-tune's update ΔW next to those of LoRA's B·A.

A full update of an [out, in] matrix has out·in free numbers; LoRA's has r·(in + out) and at most r non-zero
singular values. Comparing the two spectra shows how much of the full update lies in a few directions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Spectrum:
    module: str
    full_values: np.ndarray | None  # [min(out, in)] singular values of W_tuned - W_base, descending
    lora_values: np.ndarray | None  # [min(out, in)] singular values of scale·B·A, descending
    full_count: int  # out·in: the numbers a full update changes
    lora_count: int  # r·(in + out): the numbers LoRA trains
    rank: int


def lora_modules(peft_model) -> list[str]:
    """Names (in the plain model) of the layers LoRA wrapped, in model order."""
    inner = peft_model.base_model.model
    return [name for name, module in inner.named_modules() if hasattr(module, "lora_A") and "default" in module.lora_A]


def singular_values(delta: np.ndarray) -> np.ndarray:
    return np.linalg.svd(delta.astype(np.float64), compute_uv=False)


def full_delta(base_model, tuned_model, module: str) -> np.ndarray:
    """W_tuned - W_base of one layer, as float64 numpy."""
    before = base_model.get_submodule(module).weight.detach().double().cpu().numpy()
    after = tuned_model.get_submodule(module).weight.detach().double().cpu().numpy()
    return after - before


def lora_delta(peft_model, module: str) -> np.ndarray:
    """scale·B·A of one wrapped layer, from peft (in the layer's own weight layout)."""
    layer = peft_model.base_model.model.get_submodule(module)
    return layer.get_delta_weight("default").detach().double().cpu().numpy()


def spectrum(base_model, module: str, full_model=None, lora_model=None) -> Spectrum:
    """The two spectra of `module` (either may be missing until that run has been made)."""
    weight = base_model.get_submodule(module).weight
    n_out, n_in = weight.shape  # Conv1D stores [in, out]; the counts below do not depend on which
    rank = 0
    full = lora = None
    if full_model is not None:
        full = singular_values(full_delta(base_model, full_model, module))
    if lora_model is not None and module in lora_modules(lora_model):
        lora = singular_values(lora_delta(lora_model, module))
        rank = int(lora_model.peft_config["default"].r)
    return Spectrum(module, full, lora, int(n_out * n_in), rank * int(n_out + n_in), rank)
