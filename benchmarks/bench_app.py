"""Foundation benchmark: launch to window, launch to the default model traced, trace time by length.

Run: `python benchmarks/bench_app.py` (headless; prints figures, asserts nothing).
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

LAUNCHES = 5

CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication
from viz.ui.main_window import MainWindow

shown = MainWindow.show


def show(window):  # the app's own start-up (viz.app.main), timed at the window and at the first trace
    shown(window)
    QApplication.processEvents()
    print("visible", flush=True)
    window.state.trace_changed.connect(lambda t: (print("traced", flush=True), QApplication.quit()))
    window.state.error.connect(lambda m: (print("error", m, flush=True), QApplication.quit()))


MainWindow.show = show
from viz.app import main

sys.exit(main(["--model", sys.argv[1]] if len(sys.argv) > 1 else []))
"""


def launch_times(model: str | None) -> dict[str, float]:
    started = time.perf_counter()
    args = [sys.executable, "-c", CHILD] + ([model] if model else [])
    with tempfile.TemporaryDirectory() as home:  # default settings, as on a first launch
        env = dict(os.environ, HF_HUB_OFFLINE="1", HOME=home, XDG_CONFIG_HOME=home)
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
        times = {}
        for line in proc.stdout:
            times[line.split()[0]] = time.perf_counter() - started
            if line.startswith("error"):
                print("  launch error:", line.strip())
        proc.wait()
    return times


def text_of_length(tokenizer, n_tokens: int) -> str:
    base = "The attention of each head moves across the sentence as the model reads it. " * 200
    enc = tokenizer(base, return_offsets_mapping=True, add_special_tokens=False)
    specials = len(tokenizer("a")["input_ids"]) - len(tokenizer("a", add_special_tokens=False)["input_ids"])
    keep = n_tokens - specials
    return base[: enc["offset_mapping"][keep - 1][1]]


def config_models():
    """A GPT-2-small, BERT-base and T5-small sized model from their configs, random weights."""
    import torch
    import transformers as tf
    from tiny_models import tiny_tokenizer

    from viz.core.families import Family
    from viz.core.loading import LoadedModel

    torch.manual_seed(0)
    specs = [
        ("gpt2-124M (config)", Family.DECODER, tf.GPT2LMHeadModel, tf.GPT2Config(vocab_size=300), dict(with_cls_sep=False)),
        ("bert-base (config)", Family.ENCODER, tf.BertForMaskedLM, tf.BertConfig(vocab_size=300), dict(with_cls_sep=True)),
        ("t5-small (config)", Family.ENCODER_DECODER, tf.T5ForConditionalGeneration,
         tf.T5Config(vocab_size=300, decoder_start_token_id=0, pad_token_id=0, eos_token_id=1), dict(with_cls_sep=False, append_eos=True)),
    ]
    for name, family, cls, config, tok_args in specs:
        config._attn_implementation = "eager"
        model = cls(config).eval()
        model.set_attn_implementation("eager")
        yield LoadedModel(name, "", family, model, tiny_tokenizer(**tok_args), "cpu", "float32", True)


def trace_times(loaded, lengths=(32, 128, 512), repeats=3) -> dict[int, float]:
    from viz.core.trace import TraceRequest, run_trace

    out = {}
    for n in lengths:
        text = text_of_length(loaded.tokenizer, n)
        target = "the model reads it" if loaded.family.value == "encoder-decoder" else None
        run_trace(loaded, TraceRequest(text, target))  # warm-up
        best = min(_timed(run_trace, loaded, TraceRequest(text, target)) for _ in range(repeats))
        out[n] = best
    return out


def _timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def main() -> None:
    import torch

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    launches = [launch_times(None) for _ in range(LAUNCHES)]  # each a fresh process: a cold start
    for key, label in (("visible", "window visible"), ("traced", "default model traced")):
        seconds = sorted(t.get(key, float("nan")) for t in launches)
        print(f"launch -> {label}: {statistics.median(seconds):.2f} s (median of {LAUNCHES} launches; "
              f"{seconds[0]:.2f}-{seconds[-1]:.2f})")
    from viz.core.loading import load_model
    from viz.core.resources import bundled_models

    models = [load_model(m.name) for m in bundled_models()] + list(config_models())
    for loaded in models:
        limit = loaded.max_positions()
        lengths = [n for n in (32, 128, 512) if n <= limit]
        figures = trace_times(loaded, lengths)
        row = ", ".join(f"{n} tokens {t * 1000:.0f} ms" for n, t in figures.items())
        print(f"trace {loaded.name} [{loaded.family.value}]: {row}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
