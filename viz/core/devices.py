"""Device and dtype choice: CUDA first, then Apple MPS, else CPU; fp32 unless asked."""

from __future__ import annotations

import functools
import time

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


SLOW = 1.5  # a half-precision format this many times slower than float32 is worth a warning


@functools.lru_cache(maxsize=None)
def cpu_product_slowdowns(dtype: str) -> dict[str, float]:
    """How many times longer a layer's matrix product takes in `dtype` than in float32 on this CPU, for
    the two products models use: "linear" (nn.Linear: F.linear with an [out, in] weight) and "addmm"
    (GPT-2's Conv1D: addmm with an [in, out] weight).

    Half precision on a CPU is fast only where the processor does it natively (bfloat16 with
    AVX512-BF16 or AMX) and the torch build uses that; elsewhere it is emulated and can be 5-100x
    slower, so it is measured once (about 0.1 s) rather than assumed.
    """
    import torch

    def products(dt):
        generator = torch.Generator().manual_seed(0)
        x = torch.randn(64, 256, generator=generator).to(dt)  # [tokens, in]
        weight = torch.randn(256, 256, generator=generator).to(dt)  # [out, in] for Linear, [in, out] for Conv1D
        bias = torch.zeros(256, dtype=dt)
        return {"linear": lambda: torch.nn.functional.linear(x, weight, bias),
                "addmm": lambda: torch.addmm(bias, x, weight)}

    reference, measured = products(torch.float32), products(torch_dtype(dtype))
    best = {(kind, name): float("inf") for kind in ("reference", "measured") for name in reference}
    with torch.no_grad():
        for repeat in range(8):  # interleaved, so that other work on the machine slows both alike
            for name in reference:
                for kind, fns in (("reference", reference), ("measured", measured)):
                    start = time.perf_counter()
                    fns[name]()
                    if repeat:  # the first round warms up
                        best[kind, name] = min(best[kind, name], time.perf_counter() - start)
    return {name: best["measured", name] / max(best["reference", name], 1e-7) for name in reference}


def cpu_slowdown(dtype: str, product: str | None = None) -> float:
    """The slowdown of one product (see `cpu_product_slowdowns`), or of the slower of the two."""
    slowdowns = cpu_product_slowdowns(dtype)
    return slowdowns[product] if product else max(slowdowns.values())


def dtype_note(device: str, dtype: str) -> str:
    """A warning worth showing for slow combinations (measured on this CPU), or ''."""
    if device != "cpu" or dtype == "float32":
        return ""
    slowdown = cpu_slowdown(dtype)
    if slowdown < SLOW:
        return ""
    note = f"{dtype} matrix products run about {slowdown:.0f}× slower than float32 on this CPU"
    other = "bfloat16" if dtype == "float16" else "float16"
    if cpu_slowdown(other) < SLOW:
        note += f"; {other} is fast here"
    return note + "."
