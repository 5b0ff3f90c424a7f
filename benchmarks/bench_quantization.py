"""Quantization lab timings: the weight-error table and the full output comparison, per scheme.

Models: the bundled decoder (demo-gpt2, when present) and a GPT-2-sized model (124 M parameters,
random init from `GPT2Config()`), on 128 tokens. Run: `python benchmarks/bench_quantization.py [--device cuda]
[--skip-fp16] [--only gpt2-124m]`.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMES = ("bf16", "int8_tensor", "int8_channel", "torchao_int8", "fp16")
TEXT = (
    "The return statement is used to leave a function and give a value back to the caller. "
    "Attention lets every token look at every earlier token; quantization stores the weights in fewer bits. "
)


def gpt2_sized(device: str):
    """A GPT-2 (124 M) with random weights, and a small byte-level tokenizer, as a LoadedModel."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    from viz.core.families import Family
    from viz.core.loading import LoadedModel

    sys.path.insert(0, str(ROOT / "tests"))
    from tiny_models import tiny_tokenizer

    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(attn_implementation="eager")).eval().to(device)
    return LoadedModel("gpt2-124m (random)", "", Family.DECODER, model, tiny_tokenizer(False), device, "float32", True)


def text_of_tokens(loaded, count: int = 128) -> str:
    from viz.core.trace import tokenize

    text = TEXT * 40
    tokens, _, _ = tokenize(loaded.tokenizer, text)
    return text[: tokens[count - 1].end]


def bench(loaded, schemes, label: str) -> None:
    from viz.core.quant.compare import ComparisonCache, ComparisonRequest, compare_outputs
    from viz.core.quant.memory import memory_estimate
    from viz.core.quant.schemes import weight_error_table
    from viz.core.quant.torchao_path import torchao_status
    from viz.core.trace import tokenize

    if not torchao_status().available:
        schemes = tuple(s for s in schemes if s != "torchao_int8")
        print("  torchao not installed: its real int8 path is skipped")
    text = text_of_tokens(loaded)
    count = len(tokenize(loaded.tokenizer, text)[0])
    estimate = memory_estimate(loaded.model)
    print(f"{label}: {estimate.parameters / 1e6:.1f} M parameters on {loaded.device}, {count} tokens")
    started = time.perf_counter()
    table = weight_error_table(loaded, schemes)
    print(f"  weight table, {len(table.layers)} layers x {len(schemes)} schemes: {time.perf_counter() - started:6.2f} s")
    cache = ComparisonCache()
    started = time.perf_counter()
    result = compare_outputs(loaded, ComparisonRequest(text, ()), cache=cache)
    print(f"  float32 reference forward:                  {time.perf_counter() - started:6.2f} s")
    for scheme in schemes:
        result = compare_outputs(loaded, ComparisonRequest(text, (scheme,)), cache=cache)
        r = result.results[scheme]
        print(
            f"  {scheme:13s} copy {r.copy_seconds:6.2f} s  forward {r.run_seconds:6.2f} s   "
            f"final hidden rel L2 {r.hidden_rel_l2['decoder'][-1]:.2e}  mean KL {r.kl.mean():.2e}  "
            f"top-1 agreement {result.agreement(scheme):.1%}"
        )
        gc.collect()
    started = time.perf_counter()
    compare_outputs(loaded, ComparisonRequest(text, schemes), cache=cache)
    print(f"  all schemes again, from the cache:          {time.perf_counter() - started:6.4f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--skip-fp16", action="store_true", help="fp16 matrix products are slow on a CPU")
    parser.add_argument("--only", choices=("demo", "gpt2-124m"))
    args = parser.parse_args()
    import torch

    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import bundled_model_path

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    schemes = tuple(s for s in SCHEMES if not (args.skip_fp16 and s == "fp16"))
    if args.only != "gpt2-124m":
        demo = bundled_model_path("demo-gpt2")
        if demo is None:
            print("demo-gpt2 is not bundled yet: skipped")
        else:
            bench(load_model(LoadRequest(str(demo), device=args.device)), schemes, "demo-gpt2")
    if args.only != "demo":
        bench(gpt2_sized(args.device), schemes, "GPT-2 sized")


if __name__ == "__main__":
    main()
