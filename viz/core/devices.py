"""Device and dtype choice: CUDA first, then Apple MPS, else CPU; fp32 unless asked."""

from __future__ import annotations

DTYPES = ("float32", "float16", "bfloat16")
DEVICES = ("auto", "cuda", "mps", "cpu")


def resolve_device(preference: str = "auto") -> str:
    import torch

    if preference not in DEVICES:
        raise ValueError(f"unknown device '{preference}' (choose one of {', '.join(DEVICES)})")
    if preference == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if preference == "cuda" and not torch.cuda.is_available():
        raise ValueError("CUDA was asked for, but no CUDA GPU is available")
    if preference == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ValueError("Apple MPS was asked for, but it is not available")
    return preference


def torch_dtype(name: str):
    import torch

    if name not in DTYPES:
        raise ValueError(f"unknown dtype '{name}' (choose one of {', '.join(DTYPES)})")
    return getattr(torch, name)


def dtype_note(device: str, dtype: str) -> str:
    """A warning worth showing for slow combinations, or ''."""
    if device == "cpu" and dtype == "float16":
        return "float16 matrix products are about 10× slower than float32 on a CPU; bfloat16 is fast there."
    return ""
