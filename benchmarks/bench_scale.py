"""Trace engine at real lengths: a random model with Llama-3.2-1B's layout, traced at 2,048 and 8,192 tokens.

Each size runs in a fresh process so its peak memory (ru_maxrss) is its own; the plain forward runs last. Printed: peak RSS, trace time
against a plain SDPA forward of the same model in the same process (a ratio), one head's matrix, and the
overview of every head. Goals: 2,048 tokens peak <= 2.5 GiB, trace <= 1.5 x SDPA forward, one head <= 0.5 s,
overview of all heads <= 5 s; 8,192 tokens traced and overview shown with peak <= 5 GiB.

`python benchmarks/bench_scale.py` (both sizes), or `--tokens 2048 --layers 4` for a quick look.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

LAYOUT = dict(  # Llama-3.2-1B, hidden and MLP sizes reduced so a CPU copes
    num_hidden_layers=16, num_attention_heads=32, num_key_value_heads=8, vocab_size=128_256,
    hidden_size=512, intermediate_size=1024, max_position_embeddings=131_072,
)


def peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # Linux: KiB


def build(layers: int, hidden: int, dtype: str, device: str):
    import torch
    import transformers as tf

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from tiny_models import tiny_tokenizer

    from viz.core.families import Family
    from viz.core.loading import LoadedModel

    torch.manual_seed(0)
    layout = dict(LAYOUT, num_hidden_layers=layers, hidden_size=hidden, intermediate_size=2 * hidden)
    config = tf.LlamaConfig(**layout, attn_implementation="sdpa")
    with torch.device(device):
        model = tf.LlamaForCausalLM(config).to(getattr(torch, dtype)).eval()
    return LoadedModel("llama-3.2-1b-layout", "", Family.DECODER, model, tiny_tokenizer(False), device, dtype, True)


def one_size(tokens: int, layers: int, hidden: int, dtype: str, device: str, compare: bool,
             overview_layers: int | None = None) -> None:
    import numpy as np
    import torch

    from viz.core.trace_summary import summarise
    from viz.core.trace_types import DECODER_SELF

    loaded = build(layers, hidden, dtype, device)
    synced = (lambda: torch.cuda.synchronize()) if device == "cuda" else (lambda: None)
    ids = torch.randint(10, 300, (1, tokens), device=device)
    text_ids = ids[0].tolist()
    weights = sum(p.numel() * p.element_size() for p in loaded.model.parameters()) / 2**30
    print(f"{tokens} tokens, {layers} layers x 32 heads (8 kv), hidden {hidden}, {dtype} on {device}; "
          f"weights {weights:.2f} GiB")
    synced()
    started = time.perf_counter()
    _trace_ids(loaded, text_ids[:16])  # the first call's one-time costs (kernels, lazy imports), timed apart
    synced()
    first_call = time.perf_counter() - started
    started = time.perf_counter()
    trace = _trace_ids(loaded, text_ids)
    synced()
    traced = time.perf_counter() - started
    print(f"  trace: {traced:.2f} s (after a 16-token first call of {first_call:.2f} s); the trace holds "
          f"{trace.memory_bytes() / 2**30:.2f} GiB; peak so far {peak_gib():.2f} GiB")
    started = time.perf_counter()
    matrix = trace.attention(DECODER_SELF, layers - 1, 5)
    synced()
    print(f"  one head's matrix [{matrix.shape[0]} x {matrix.shape[1]}]: {time.perf_counter() - started:.3f} s "
          "(goal <= 0.5 s)")
    started = time.perf_counter()
    summary = summarise(trace.attention_store, DECODER_SELF, layers=overview_layers)
    synced()
    seconds = time.perf_counter() - started
    heads = int(np.prod(summary.head_max.shape))
    if heads == layers * 32:
        print(f"  overview of all {heads} heads: {seconds:.2f} s (goal <= 5 s at 2,048 tokens)")
    else:
        print(f"  overview of {heads} of {layers * 32} heads: {seconds:.2f} s; all heads at this rate: "
              f"{seconds * layers * 32 / heads:.0f} s (extrapolated)")
    started = time.perf_counter()
    trace.logits_row(tokens - 1)
    print(f"  one position's full logits row: {time.perf_counter() - started:.3f} s")
    print(f"  peak RSS with the trace shown {peak_gib():.2f} GiB (goal: <= 2.5 GiB at 2,048 tokens, <= 5 GiB at 8,192)")
    if device == "cuda":
        print(f"  peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB")
    if compare:  # last, so its full [position, vocab] logits do not count in the trace's peak
        del trace
        with torch.inference_mode():
            loaded.model.set_attn_implementation("sdpa")
            loaded.model(input_ids=ids[:, :16])  # warm, like the trace
            synced()
            started = time.perf_counter()
            loaded.model(input_ids=ids)
            synced()
            sdpa = time.perf_counter() - started
        print(f"  plain SDPA forward of the same model (full logits): {sdpa:.2f} s; "
              f"trace / forward = {traced / sdpa:.2f} (goal <= 1.5)")


def _trace_ids(loaded, ids):
    """run_trace on exact token ids (the random model's tokenizer would merge a text differently)."""
    from viz.core import trace as trace_module

    original = trace_module._tokenize

    def exact(tokenizer, text, limit, target=False):
        pieces = tokenizer.convert_ids_to_tokens(ids)
        tokens = tuple(trace_module.Token(p, i, 0, 0, False) for p, i in zip(pieces, ids))
        return tokens, list(ids), False

    trace_module._tokenize = exact
    try:
        return trace_module.run_trace(loaded, "ids")
    finally:
        trace_module._tokenize = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, nargs="*", default=None)
    parser.add_argument("--layers", type=int, default=16)
    parser.add_argument("--hidden", type=int, default=512)
    parser.add_argument("--dtype", default="float32")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--no-compare", action="store_true", help="skip the plain SDPA forward")
    parser.add_argument("--overview-layers", type=int, default=None,
                        help="pool only the first N layers in the overview timing (and extrapolate)")
    args = parser.parse_args()
    if args.tokens and len(args.tokens) == 1:
        compare = not args.no_compare and args.tokens[0] <= 4096
        one_size(args.tokens[0], args.layers, args.hidden, args.dtype, args.device, compare, args.overview_layers)
        return 0
    for tokens in args.tokens or (2048, 8192):  # a fresh process each, so each peak is its own
        command = [sys.executable, __file__, "--tokens", str(tokens), "--layers", str(args.layers),
                   "--hidden", str(args.hidden), "--dtype", args.dtype, "--device", args.device]
        if args.no_compare:
            command.append("--no-compare")
        if args.overview_layers:
            command += ["--overview-layers", str(args.overview_layers)]
        if subprocess.run(command).returncode:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
