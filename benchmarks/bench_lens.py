"""Lens speed: the whole logit-lens grid (every layer x every position through the final norm and head).

Goal: a GPT-2-small-sized model (124 M, random weights, 50,257-token vocabulary) at 512 tokens in at most
1 s on the CPU. Most of the time is the projection: 13 x 512 rows times a 768 x 50,257 head, about
0.5 TFLOP, done in chunks so that at most 64 MB of logits exist at once; on a CPU with AMX the earlier
layers' product runs in bfloat16, a block of the vocabulary at a time (viz/core/lens_fast.py).
The Lens tab reads the residual stream the trace recorded (`Trace.lens_body`), so it does not run the model
again, and takes the last row from the trace's own top candidates: that is the grid timed first. A grid with a forward pass of its own (a notebook without a trace) is
timed too, and so are the Lens tab's first screen (every layer at the first 64 positions), the rest after it
(only the positions the first screen did not show), and their sum: the tab's time to the whole grid.

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
    from transformers import GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    vocab_size = 128256 if llama else VOCAB
    tokenizer = word_tokenizer(vocab_size)
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


def word_tokenizer(vocab_size: int):
    """One token per word "w3" … : the special tokens have names no word contains (a special token named "w1"
    would be cut out of "w10", and the text would have more tokens than words)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"<unk>": 0, "<eos>": 1, "<pad>": 2} | {f"w{i}": i for i in range(3, vocab_size)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", eos_token="<eos>", pad_token="<pad>")


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
    from viz.core.trace import run_trace
    from viz.ui.views.lens import FIRST_SCREEN_POSITIONS as FIRST_SCREEN  # what the Lens tab asks for first
    from viz.core.loading import LoadRequest, load_model

    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_model(LoadRequest(str(build(Path(tmp), args.llama_1b)), device=args.device, dtype=args.dtype))
        name = "Llama-3.2-1B layout" if args.llama_1b else "GPT-2 small (124 M)"
        print(f"{name}, {args.device}, {args.dtype}, torch threads {torch.get_num_threads()}")
        for n in args.tokens:
            text = " ".join(f"w{(7 * i) % 5000 + 3}" for i in range(n))
            body = run_trace(loaded, text).lens_body  # what the app holds when the Lens tab opens
            request = LensRequest(text)
            run_lens(loaded, request, body=body)  # warm-up
            times = {"trace": [], "own": [], "first": [], "rest": []}
            for _ in range(args.repeats):
                if args.device == "cuda":
                    torch.cuda.synchronize()
                    torch.cuda.reset_peak_memory_stats()
                result = timed(times["trace"], args.device, run_lens, loaded, request, body=body)
                timed(times["own"], args.device, run_lens, loaded, request)
                # as the Lens tab asks: the first screen, then the rest
                screen = timed(times["first"], args.device, run_lens, loaded,
                               LensRequest(text, first_positions=FIRST_SCREEN), body=body)
                if screen.complete:  # the first screen showed every position: the tab asks for nothing more
                    times["rest"].append(0.0)
                else:
                    timed(times["rest"], args.device, run_lens, loaded, request, after=screen)
            layers, positions = result.top_ids.shape[:2]
            assert positions == n, f"the text made {positions} tokens, not {n}"
            extra = f", peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB" if args.device == "cuda" else ""
            print(f"  {n:5d} tokens, {layers * positions} cells{extra}")
            print(f"         whole grid from the trace's forward pass (the Lens tab): {spread(times['trace'])}")
            print(f"         whole grid with a forward pass of its own (no trace):   {spread(times['own'])}")
            print(f"         the Lens tab's first screen ({min(n, FIRST_SCREEN)} positions x every layer): "
                  f"{spread(times['first'])}; the rest after it {spread(times['rest'])}")
            opened = [a + b for a, b in zip(times["first"], times["rest"])]
            print(f"         the Lens tab, from opening to the whole grid (first screen + rest): {spread(opened)}")


def timed(into: list, device: str, fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    synced(device)
    into.append(time.perf_counter() - started)
    return result


def spread(values: list[float]) -> str:
    return f"best {min(values):.2f} s, median {median(values):.2f} s"


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def synced(device: str) -> None:
    if device == "cuda":
        import torch

        torch.cuda.synchronize()

if __name__ == "__main__":
    main()
