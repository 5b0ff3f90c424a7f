"""The attention function a trace runs through.

While a `Recorder` is active in the calling thread, every attention call keeps its post-rotary queries
and keys (model dtype, on the model's device) and what decides the probabilities (scaling, mask,
causality, soft-capping, T5's position bias), then runs the fast kernel (SDPA). Any head's attention
can then be recomputed exactly, on demand, from what was kept (see `trace_recompute`).

With no recorder active the same function behaves like the model's own eager attention, so everything
else that runs the model (generation, quantization) sees what it saw before, attention weights included.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass

CAPTURE = "viz_capture"  # the name registered with transformers' AttentionInterface

_local = threading.local()
_registered = False


@dataclass(frozen=True)
class LayerInputs:
    """What one attention call saw: enough to recompute its probabilities exactly."""

    query: object  # torch [head, query, head_dim], model dtype, on the device
    key: object  # torch [kv_head, key, head_dim]; query head h reads key head h // groups
    scaling: float
    mask: object | None  # torch [query, key]: bool (True = may attend) or float added to the scores
    causal: bool  # no mask tensor, and SDPA's is_causal applies: key j > query i is hidden
    softcap: float | None  # Gemma 2: scores -> tanh(scores / softcap) * softcap before the mask
    position_bias: object | None  # T5: torch [head, query, key] added to the scores

    @property
    def heads(self) -> int:
        return self.query.shape[0]

    @property
    def groups(self) -> int:
        """Query heads per key/value head (grouped-query attention); 1 for ordinary multi-head attention."""
        return self.query.shape[0] // self.key.shape[0]

    @property
    def shape(self) -> tuple[int, int, int]:
        return self.query.shape[0], self.query.shape[1], self.key.shape[1]

    def nbytes(self) -> int:
        size = self.query.numel() * self.query.element_size() + self.key.numel() * self.key.element_size()
        return int(size)


class Recorder:
    """Collects `LayerInputs` per attention kind, in call order (which is layer order)."""

    def __init__(self, kind: str, cross_modules: dict[int, str] | None = None, keep: bool = True):
        self.kind = kind  # kind of self-attention calls in the stack now running
        self.cross_modules = cross_modules or {}  # id(module) -> kind, for cross-attention modules
        self.keep = keep  # False: run the fast kernel and keep nothing (see `fast_attention`)
        self.records: dict[str, list[LayerInputs]] = {}

    def __enter__(self) -> Recorder:
        if getattr(_local, "recorder", None) is not None:
            raise RuntimeError("A trace is already being recorded in this thread.")
        _local.recorder = self
        return self

    def __exit__(self, *exc) -> None:
        _local.recorder = None

    def add(self, module, query, key, mask, scaling, kwargs) -> LayerInputs | None:
        if not self.keep:
            return None
        kind = self.cross_modules.get(id(module), self.kind)
        q_length = query.shape[2]
        is_causal = kwargs.get("is_causal")
        is_causal = is_causal if is_causal is not None else getattr(module, "is_causal", True)
        bias = kwargs.get("position_bias")
        record = LayerInputs(
            query=query[0].detach().clone(),  # [head, query, head_dim]; a copy, so no larger buffer stays alive
            key=key[0].detach().clone(),  # [kv_head, key, head_dim]
            scaling=float(scaling) if scaling is not None else query.shape[-1] ** -0.5,
            mask=_shared_mask(mask),
            causal=bool(q_length > 1 and mask is None and is_causal),
            softcap=kwargs.get("softcap"),
            position_bias=bias[0] if bias is not None else None,  # [head, query, key], shared between layers
        )
        self.records.setdefault(kind, []).append(record)
        return record


def active_recorder() -> Recorder | None:
    return getattr(_local, "recorder", None)


def _shared_mask(mask):
    """`[1, 1, query, key]` -> `[query, key]` (a view: layers that share a mask share its memory)."""
    if mask is None:
        return None
    if mask.dim() == 4 and mask.shape[0] == 1 and mask.shape[1] == 1:
        return mask[0, 0]
    raise ValueError(f"Unexpected attention mask shape {tuple(mask.shape)} for a single sequence.")


def capture_attention(module, query, key, value, attention_mask, dropout=0.0, scaling=None, **kwargs):
    """Registered as `CAPTURE`: record (when a recorder is active) and run SDPA, else behave as eager."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    recorder = active_recorder()
    if recorder is None:
        return _eager(module, query, key, value, attention_mask, dropout, scaling, kwargs, causal=False)
    recorder.add(module, query, key, attention_mask, scaling, kwargs)
    if kwargs.get("softcap") is not None or kwargs.get("s_aux") is not None:  # SDPA cannot do these
        is_causal = kwargs.get("is_causal")
        is_causal = is_causal if is_causal is not None else getattr(module, "is_causal", True)
        causal = query.shape[2] > 1 and attention_mask is None and is_causal
        return _eager(module, query, key, value, attention_mask, dropout, scaling, kwargs, causal=causal)
    return sdpa_attention_forward(module, query, key, value, attention_mask, dropout=dropout, scaling=scaling, **kwargs)


def _eager(module, query, key, value, mask, dropout, scaling, kwargs, causal: bool):
    """The model's own `eager_attention_forward`, given the additive float mask it expects."""
    import torch

    eager = getattr(sys.modules[type(module).__module__], "eager_attention_forward", None)
    if eager is None:
        from transformers.integrations.sdpa_attention import sdpa_attention_forward

        return sdpa_attention_forward(module, query, key, value, mask, dropout=dropout, scaling=scaling, **kwargs)
    if mask is not None and mask.dtype == torch.bool:
        mask = torch.zeros(mask.shape, dtype=query.dtype, device=query.device).masked_fill(
            ~mask, torch.finfo(query.dtype).min
        )
    elif mask is None and causal:
        n_query, n_key = query.shape[2], key.shape[2]
        hidden = torch.ones(n_query, n_key, dtype=torch.bool, device=query.device).triu(1)  # [query, key]
        mask = torch.zeros(1, 1, n_query, n_key, dtype=query.dtype, device=query.device)
        mask[0, 0].masked_fill_(hidden, torch.finfo(query.dtype).min)
    kwargs = {k: v for k, v in kwargs.items() if k != "is_causal"}
    return eager(module, query, key, value, mask, dropout=dropout, scaling=scaling, **kwargs)


def capture_mask(*args, **kwargs):
    """Masks for `CAPTURE`: SDPA's boolean (or skipped) mask while recording, eager's float mask otherwise."""
    from transformers.masking_utils import eager_mask, sdpa_mask

    if active_recorder() is None:
        return eager_mask(*args, **kwargs)
    return sdpa_mask(*args, **kwargs)


def register() -> None:
    """Make `CAPTURE` known to transformers (once per process)."""
    global _registered
    if _registered:
        return
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface

    AttentionInterface.register(CAPTURE, capture_attention)
    AttentionMaskInterface.register(CAPTURE, capture_mask)
    _registered = True


@contextmanager
def fast_attention(model):
    """Run the model with its fast attention kernel, keeping nothing (for forwards that need only logits)."""
    if not use_capture(model) or active_recorder() is not None:
        yield
        return
    with Recorder("", keep=False):
        yield


def use_capture(model) -> bool:
    """Switch a model to `CAPTURE` (a lasting change: without a recorder it is eager). False where the
    model's attention does not go through transformers' AttentionInterface (BLOOM's ALiBi, for one)."""
    register()
    if model.config._attn_implementation == CAPTURE:
        return True
    can_set = getattr(model, "_can_set_attn_implementation", None)
    if can_set is not None and not can_set():
        return False
    try:
        model.set_attn_implementation(CAPTURE)
    except (ValueError, KeyError, ImportError):
        return False
    return model.config._attn_implementation == CAPTURE
