"""Will a second model fit beside the first? An estimate from its weight files against the device's free memory.

The weight files' size is what loading them in their stored number format takes (a little more for buffers);
the free memory is the GPU's free bytes (torch) or, on the CPU, what the operating system reports as available.
Where neither can be read (a CPU without /proc, such as macOS), nothing is claimed.
"""

from __future__ import annotations

from pathlib import Path

from viz.core.errors import VizError

WEIGHT_SUFFIXES = (".safetensors", ".bin")
HEADROOM = 1.2  # activations and the trace of the second run need room too


class MemoryFitError(VizError):
    """The second model would not fit beside the first."""


def weights_bytes(folder: str | Path) -> int:
    """Bytes of the weight files in a model folder."""
    return sum(f.stat().st_size for f in Path(folder).iterdir() if f.is_file() and f.suffix in WEIGHT_SUFFIXES)


def free_bytes(device: str) -> int | None:
    """Free memory where a model on `device` would live, or None when it cannot be read."""
    if device.startswith("cuda"):
        import torch

        free, _total = torch.cuda.mem_get_info(torch.device(device))
        return int(free)
    if device == "cpu":
        return _available_host_memory()
    return None


def _available_host_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024  # reported in kB
    except (OSError, ValueError):
        return None
    return None


def check_fits(name: str, folder: str | Path, device: str, free: int | None = None) -> int:
    """The estimated bytes of the model in `folder`; raises MemoryFitError when they exceed the free memory."""
    needed = weights_bytes(folder)
    free = free_bytes(device) if free is None else free
    if free is not None and needed * HEADROOM > free:
        raise MemoryFitError(
            f"{name} would not fit beside the loaded model: its weights take about {needed / 2**30:.1f} GB and "
            f"{free / 2**30:.1f} GB is free on {device}. Close other programs, compare in a smaller number format, "
            "or load the two models one after the other.")
    return needed
