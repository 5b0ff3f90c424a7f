"""GPU check: load each bundled model on CUDA in fp32, fp16 and bf16, trace, and time it.

Run on a machine with an NVIDIA GPU: `python benchmarks/gpu_check.py`. Exits 0 with a note when
there is no CUDA device.
"""

from __future__ import annotations

import time


def main() -> int:
    import torch

    if not torch.cuda.is_available():
        print("no CUDA device: nothing to check")
        return 0
    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import bundled_models
    from viz.core.trace import TraceRequest, run_trace

    print(f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    text = "The attention of each head moves across the sentence as the model reads it. " * 6
    failures = 0
    for bundled in bundled_models():
        for dtype in ("float32", "float16", "bfloat16"):
            loaded = load_model(LoadRequest(bundled.name, device="auto", dtype=dtype))
            assert loaded.device == "cuda", loaded.device
            request = TraceRequest(text if bundled.family != "encoder-decoder" else "number to words: 4021")
            run_trace(loaded, request)  # warm-up
            torch.cuda.synchronize()
            started = time.perf_counter()
            trace = run_trace(loaded, request)
            torch.cuda.synchronize()
            ms = (time.perf_counter() - started) * 1000
            sums_ok = all(
                abs(trace.attention_layer(kind, layer).sum(-1) - 1).max() < 2e-2
                for kind in trace.kinds for layer in range(trace.attention_shape(kind)[0])
            )
            failures += not sums_ok
            print(f"{bundled.name} {dtype}: {len(trace.tokens)} tokens traced in {ms:.1f} ms, "
                  f"kinds {list(trace.kinds)}, rows sum to 1: {sums_ok}"
                  + (f", output '{trace.output_text}'" if trace.output_text else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
