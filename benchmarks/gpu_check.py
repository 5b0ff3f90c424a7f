"""GPU check: load each bundled model on CUDA in fp32, fp16 and bf16, trace, and time it; then the trace
engine at scale in bf16 (Llama-3.2-1B's layout at full hidden size 2,048 and 8,192 tokens; Llama-3.1-8B-sized
random weights at 4,096 tokens, where peak GPU memory must stay within the weights + 6 GB); then the Lens grid of
the Llama-3.2-1B layout at 4,096 tokens (benchmarks/bench_lens.py on CUDA).

Run on a machine with an NVIDIA GPU: `python benchmarks/gpu_check.py` (`--scale-only` skips the bundled
models). Exits 0 with a note when there is no CUDA device.
"""

from __future__ import annotations

import time


def main() -> int:
    import sys

    import torch

    if not torch.cuda.is_available():
        print("no CUDA device: nothing to check")
        return 0
    failures = 0 if "--scale-only" in sys.argv else bundled_check()
    failures += scale_check()
    return 1 if failures + lens_check() else 0


def lens_check() -> int:
    """The Lens grid on the GPU: Llama-3.2-1B's layout (random weights, 128k vocabulary) at 4,096 tokens, in
    bfloat16, printed by the Lens benchmark (its own process: it builds and loads the model itself)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).with_name("bench_lens.py")
    args = ["--llama-1b", "--device", "cuda", "--dtype", "bfloat16", "--tokens", "4096", "--repeats", "2"]
    return subprocess.run([sys.executable, str(script), *args], check=False).returncode


def bundled_check() -> int:
    import torch
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
    return failures


# (label, layers, hidden, intermediate, heads, kv heads, tokens); vocabulary 128,256 for all
SCALES = (
    ("Llama-3.2-1B layout", 16, 2048, 8192, 32, 8, 8192),
    ("Llama-3.1-8B size", 32, 4096, 14336, 32, 8, 4096),
)


def scale_check() -> int:
    """Random bf16 weights of real sizes: trace, one head, the overview of every head; peak GPU memory."""
    import torch
    import transformers as tf

    from viz.core.families import Family
    from viz.core.loading import LoadedModel
    from viz.core.trace_types import DECODER_SELF

    failures = 0
    for label, layers, hidden, intermediate, heads, kv_heads, tokens in SCALES:
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
        config = tf.LlamaConfig(
            num_hidden_layers=layers, hidden_size=hidden, intermediate_size=intermediate, num_attention_heads=heads,
            num_key_value_heads=kv_heads, vocab_size=128_256, max_position_embeddings=131_072,
        )
        with torch.device("cuda"):
            model = tf.LlamaForCausalLM(config).to(torch.bfloat16).eval()
        weights = torch.cuda.memory_allocated() / 2**30
        loaded = LoadedModel(label, "", Family.DECODER, model, _IdsTokenizer(), "cuda", "bfloat16", True)
        ids = torch.randint(10, 1000, (tokens,)).tolist()
        torch.cuda.synchronize()
        started = time.perf_counter()
        trace = _trace_ids(loaded, ids)
        torch.cuda.synchronize()
        traced = time.perf_counter() - started
        started = time.perf_counter()
        trace.attention(DECODER_SELF, layers - 1, 3)
        torch.cuda.synchronize()
        head = time.perf_counter() - started
        started = time.perf_counter()
        trace.attention_summary(DECODER_SELF)
        torch.cuda.synchronize()
        overview = time.perf_counter() - started
        peak = torch.cuda.max_memory_allocated() / 2**30
        within = peak <= weights + 6 * 1000**3 / 2**30
        failures += not within
        print(f"{label} bf16, {tokens} tokens: weights {weights:.2f} GiB, trace {traced:.2f} s, one head {head:.3f} s, "
              f"overview of {layers * heads} heads {overview:.2f} s, peak GPU {peak:.2f} GiB "
              f"(weights + {peak - weights:.2f} GiB; goal: + 6 GB) {'ok' if within else 'OVER'}")
        del trace, model, loaded
    return failures


class _IdsTokenizer:
    """Random models have no tokenizer: token pieces are their ids."""

    def convert_ids_to_tokens(self, ids):
        return [str(i) for i in ids]


def _trace_ids(loaded, ids):
    """run_trace on exact token ids."""
    from viz.core import trace as trace_module

    original = trace_module._tokenize
    trace_module._tokenize = lambda tokenizer, text, limit, target=False: (
        tuple(trace_module.Token(str(i), i, 0, 0, False) for i in ids), list(ids), False
    )
    try:
        return trace_module.run_trace(loaded, "ids")
    finally:
        trace_module._tokenize = original


if __name__ == "__main__":
    raise SystemExit(main())
