"""Why tab speed: integrated gradients and a full head scan for a GPT-2-small-sized model (random weights).

    python benchmarks/bench_why.py                          # GPT-2 small layout, 128 tokens, 64 IG steps, 12 × 12 heads
    python benchmarks/bench_why.py --steps 16 --skip-scan   # a shorter run on a busy machine
    python benchmarks/bench_why.py --layout llama-1b --tokens 1024 --device cuda   # Llama-3.2-1B layout on a GPU

Prints seconds per figure and peak memory where torch reports it. The numbers depend on the machine and on what
else runs on it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["HF_HUB_OFFLINE"] = "1"


def build(layout: str, device: str):
    import torch
    import transformers as tf

    from viz.core.families import Family
    from viz.core.loading import LoadedModel

    torch.manual_seed(0)
    if layout == "gpt2":
        config = tf.GPT2Config(n_embd=768, n_layer=12, n_head=12, n_positions=1024, vocab_size=50257)
        model = tf.GPT2LMHeadModel(config)
    else:  # Llama-3.2-1B's shapes: 16 layers, 32 query heads over 8 key/value heads, 128k vocabulary
        config = tf.LlamaConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16, num_attention_heads=32,
                                num_key_value_heads=8, vocab_size=128256, max_position_embeddings=131072,
                                tie_word_embeddings=True, rope_theta=500000.0)
        model = tf.LlamaForCausalLM(config)
    model.config._attn_implementation = "eager"
    model.to(device).eval()
    return LoadedModel(name=layout, path="", family=Family.DECODER, model=model, tokenizer=None, device=device,
                       dtype="float32", has_lm_head=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layout", default="gpt2", choices=("gpt2", "llama-1b"))
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--steps", type=int, default=64)
    parser.add_argument("--chunk", type=int, default=16, help="integration steps per forward pass")
    parser.add_argument("--scan-chunk", type=int, default=12, help="heads knocked out per forward pass")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--skip-scan", action="store_true")
    args = parser.parse_args()
    import torch

    from viz.core.why.attribution import ZERO_BASELINE, AttributionRequest, import_captum, run_attribution
    from viz.core.why.knockout import ScanRequest, run_scan
    from viz.core.why.target import WhyTarget

    import_captum()
    loaded = build(args.layout, args.device)
    vocab = loaded.config.vocab_size
    ids = tuple(int(i) for i in torch.randint(1000, vocab, (args.tokens,), generator=torch.Generator().manual_seed(1)))
    target = WhyTarget("decoder-only", ids, len(ids) - 1, 1234)
    print(f"{args.layout}: {loaded.parameter_count / 1e6:.0f} M parameters, {args.tokens} tokens, {args.device}, "
          f"torch threads {torch.get_num_threads()}")

    def timed(label, fn):
        if args.device == "cuda":
            torch.cuda.reset_peak_memory_stats()
            torch.cuda.synchronize()
        start = time.perf_counter()
        result = fn()
        if args.device == "cuda":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        peak = f", peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB" if args.device == "cuda" else ""
        print(f"{label}: {seconds:.1f} s{peak}", flush=True)
        return result

    request = AttributionRequest(target, steps=args.steps, chunk=args.chunk, baseline=ZERO_BASELINE)
    result = timed(f"integrated gradients, {args.steps} steps in chunks of {args.chunk}",
                   lambda: run_attribution(loaded, request))
    print(f"  completeness error {result.relative_error * 100:.3f} % of f(x) − f(baseline)")
    timed("gradient × input", lambda: run_attribution(loaded, AttributionRequest(target, "gradient_x_input")))
    if not args.skip_scan:
        layers = loaded.config.num_hidden_layers
        heads = loaded.config.num_attention_heads
        timed(f"head scan, {layers} × {heads} heads, {args.scan_chunk} per pass",
              lambda: run_scan(loaded, ScanRequest(target, "decoder", chunk=args.scan_chunk)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
