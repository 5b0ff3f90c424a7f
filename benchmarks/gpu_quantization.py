"""GPU check of the quantization lab: a GPT-2-sized model (124 M, random init) on CUDA, 128 tokens.

Runs the weight-error table and the full output comparison — fp16, bf16, simulated int8 per-tensor and
per-channel, and torchao's real int8 weight-only path when torchao imports — checks that the numbers are
sane, and prints timings. Exits 0 with a note when there is no CUDA device; 1 when a check fails.
Run: `python benchmarks/gpu_quantization.py`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    import torch

    if not torch.cuda.is_available():
        print("no CUDA device: nothing to check")
        return 0
    from bench_quantization import gpt2_sized, text_of_tokens

    from viz.core.quant.compare import ComparisonCache, ComparisonRequest, compare_outputs
    from viz.core.quant.schemes import weight_error_table
    from viz.core.quant.torchao_path import torchao_status

    print(f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    status = torchao_status()
    schemes = ("fp16", "bf16", "int8_tensor", "int8_channel") + (("torchao_int8",) if status.available else ())
    print(f"torchao: {status.version or 'not installed'}")
    loaded = gpt2_sized("cuda")
    text = text_of_tokens(loaded, 128)
    failures = []

    started = time.perf_counter()
    table = weight_error_table(loaded, schemes)
    torch.cuda.synchronize()
    print(f"weight table, {len(table.layers)} layers x {len(schemes)} schemes: {time.perf_counter() - started:.2f} s")
    for errors in table.errors:
        by_scheme = dict(zip(schemes, errors))
        if not by_scheme["fp16"].rel_l2 < by_scheme["bf16"].rel_l2 < by_scheme["int8_tensor"].rel_l2:
            failures.append("weight errors not ordered fp16 < bf16 < int8 per-tensor")
            break

    cache = ComparisonCache()
    started = time.perf_counter()
    compare_outputs(loaded, ComparisonRequest(text, ()), cache=cache)
    print(f"float32 reference: {time.perf_counter() - started:.2f} s (includes CUDA warm-up)")
    for scheme in schemes:
        try:
            result = compare_outputs(loaded, ComparisonRequest(text, (scheme,)), cache=cache)
        except Exception as exc:  # report every scheme, then fail at the end
            failures.append(f"{scheme}: {type(exc).__name__}: {exc}")
            print(f"{scheme:13s} FAILED: {exc}")
            continue
        r = result.results[scheme]
        final = float(r.hidden_rel_l2["decoder"][-1])
        print(f"{scheme:13s} copy {r.copy_seconds:6.3f} s  forward {r.run_seconds:6.3f} s  final hidden rel L2 {final:.2e}  "
              f"mean KL {r.kl.mean():.2e}  top-1 agreement {result.agreement(scheme):.1%}")
        if not (0 < final < 0.5) or result.agreement(scheme) < 0.5:
            failures.append(f"{scheme}: implausible error {final:.3g} or agreement {result.agreement(scheme):.2f}")
    started = time.perf_counter()
    compare_outputs(loaded, ComparisonRequest(text, schemes), cache=cache)
    print(f"all schemes from the cache: {time.perf_counter() - started:.4f} s")
    print(f"peak GPU memory: {torch.cuda.max_memory_allocated() / 1e9:.2f} GB")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
