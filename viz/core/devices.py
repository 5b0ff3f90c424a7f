"""Device and dtype choice: CUDA first, then Apple MPS, else CPU; fp32 unless asked."""

from __future__ import annotations

import functools
import platform
import sys

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


# Half precision on a CPU is fast only where the processor has instructions for it and torch's kernels
# (oneDNN) use them; elsewhere each product is emulated and takes several to a hundred times longer than in
# float32. That is decided from the processor's feature flags, not measured: a timing probe of it varied
# from 0.3x to 40x between launches on one machine.
NATIVE_FLAGS = {
    "bfloat16": {"avx512_bf16", "amx_bf16", "bf16"},  # x86 (Cooper Lake, Sapphire Rapids on); Arm FEAT_BF16
    "float16": {"avx512_fp16", "amx_fp16", "asimdhp", "fphp"},  # x86 (Sapphire Rapids, Granite Rapids); Arm
}


@functools.lru_cache(maxsize=1)
def cpu_flags() -> frozenset[str]:
    """The processor's feature flags as the OS reports them (Linux: /proc/cpuinfo; macOS: sysctl)."""
    flags: set[str] = set()
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as info:
            for line in info:
                name, _, value = line.partition(":")
                if name.strip().lower() in ("flags", "features"):
                    flags.update(value.split())
    except OSError:
        pass
    if sys.platform == "darwin" and platform.machine() == "arm64":
        flags.add("asimdhp")  # every Apple silicon core does fp16 arithmetic
        if _sysctl("hw.optional.arm.FEAT_BF16") == "1":
            flags.add("bf16")
    return frozenset(flags)


def _sysctl(name: str) -> str:
    import subprocess

    try:
        return subprocess.run(["sysctl", "-n", name], capture_output=True, text=True, timeout=2).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def half_is_emulated(device: str, dtype: str) -> bool:
    """Whether `dtype` products on `device` run without the processor's own instructions (and so slowly)."""
    if device != "cpu" or dtype == "float32":
        return False
    return not (NATIVE_FLAGS.get(dtype, set()) & cpu_flags())


def dtype_note(device: str, dtype: str) -> str:
    """A warning worth showing for slow combinations, or ''."""
    if not half_is_emulated(device, dtype):
        return ""
    note = f"This processor has no {dtype} instructions, so its matrix products are emulated and much slower than float32"
    other = "bfloat16" if dtype == "float16" else "float16"
    if not half_is_emulated(device, other):
        note += f"; {other} is native here"
    return note + "."
