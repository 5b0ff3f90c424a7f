"""Lens speed: the whole logit-lens grid (every layer x every position through the final norm and head).

Goal: a GPT-2-small-sized model (124 M, random weights, 50,257-token vocabulary) at 512 tokens in at most
1 s on the CPU. Most of the time is the projection: 13 x 512 rows times a 768 x 50,257 head, about
0.5 TFLOP, done in chunks so that at most 64 MB of logits exist at once; on a CPU with AMX the earlier
layers' product runs in bfloat16 (viz/core/lens_fast.py). The Lens tab shows its first screen (every layer at
the first 64 positions) before it projects the rest; both are printed.

    python benchmarks/bench_lens.py                       # GPT-2 small, 128 and 512 tokens, CPU
    python benchmarks/bench_lens.py --llama-1b --device cuda --tokens 4096   # Llama-3.2-1B layout, random
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

VOCAB = 50257


def build(folder: Path, llama: bool) -> Path:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    torch.manual_seed(0)
    vocab_size = 128256 if llama else VOCAB
    tok = Tokenizer(models.WordLevel({f"w{i}": i for i in range(vocab_size)}, unk_token="w0"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="w0", eos_token="w1", pad_token="w2")
    if llama:  # Llama-3.2-1B layout: 16 layers, d_model 2048, GQA 32/8, SwiGLU 8192, tied 128k vocabulary
        config = LlamaConfig(vocab_size=vocab_size, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                             num_attention_heads=32, num_key_value_heads=8, max_position_embeddings=8192,
                             tie_word_embeddings=True, architectures=["LlamaForCausalLM"])
        model = LlamaForCausalLM(config)
    else:
        model = GPT2LMHeadModel(GPT2Config(vocab_size=vocab_size, n_positions=1024, architectures=["GPT2LMHeadModel"]))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--llama-1b", action="store_true")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="float32")
    parser.add_argument("--tokens", type=int, nargs="*", default=[128, 512])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    import torch

    from viz.core.lens import LensRequest, run_lens
    from viz.ui.views.lens import FIRST_SCREEN_POSITIONS as FIRST_SCREEN  # what the Lens tab asks for first
    from viz.core.loading import LoadRequest, load_model

    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_model(LoadRequest(str(build(Path(tmp), args.llama_1b)), device=args.device, dtype=args.dtype))
        name = "Llama-3.2-1B layout" if args.llama_1b else "GPT-2 small (124 M)"
        print(f"{name}, {args.device}, {args.dtype}, torch threads {torch.get_num_threads()}")
        for n in args.tokens:
            text = " ".join(f"w{(7 * i) % 5000 + 3}" for i in range(n))
            run_lens(loaded, LensRequest(text))  # warm-up
            whole, first, rest = [], [], []
            for _ in range(args.repeats):
                if args.device == "cuda":
                    torch.cuda.synchronize()
                    torch.cuda.reset_peak_memory_stats()
                started = time.perf_counter()
                result = run_lens(loaded, LensRequest(text))
                synced(args.device)
                whole.append(time.perf_counter() - started)
                started = time.perf_counter()  # as the Lens tab asks: the first screen, then the rest
                screen = run_lens(loaded, LensRequest(text, first_positions=FIRST_SCREEN))
                synced(args.device)
                first.append(time.perf_counter() - started)
                started = time.perf_counter()
                run_lens(loaded, LensRequest(text), after=screen)
                synced(args.device)
                rest.append(time.perf_counter() - started)
            cells = result.top_ids.shape[0] * result.top_ids.shape[1]
            extra = f", peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB" if args.device == "cuda" else ""
            print(f"  {n:5d} tokens, {cells} cells: whole grid best {min(whole):.2f} s, median {median(whole):.2f} s{extra}")
            shown = min(n, FIRST_SCREEN)
            print(f"         the Lens tab's first screen ({shown} positions x every layer) best {min(first):.2f} s, "
                  f"median {median(first):.2f} s; the rest after it {median(rest):.2f} s")


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def synced(device: str) -> None:
    if device == "cuda":
        import torch

        torch.cuda.synchronize()

if __name__ == "__main__":
    main()
