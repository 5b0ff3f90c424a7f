"""Sampling lab speed: a slider change to a recomputed and repainted distribution over 50,257 tokens.

Goal: median at most 16 ms (one 60 Hz frame) on a 2-core CPU. The hardest case is top-p over the whole
vocabulary with top-k off: every token takes part in the softmax and the cumulative sum.

    python benchmarks/bench_sampling.py            # GPT-2-sized vocabulary, a two-layer model
    python benchmarks/bench_sampling.py --gpt2-124m  # also time one Step through a full-size GPT-2 (random weights)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"

import numpy as np
from PySide6.QtCore import QEvent, QObject

VOCAB = 50257
FRAME_MS = 1000 / 60


def build_model(folder: Path, full_size: bool) -> Path:
    """A GPT-2 with the GPT-2 vocabulary size and a word-level tokenizer of as many entries."""
    from transformers import GPT2Config, GPT2LMHeadModel

    from bench_lens import word_tokenizer

    tokenizer = word_tokenizer(VOCAB)
    config = GPT2Config(vocab_size=VOCAB) if full_size else GPT2Config(vocab_size=VOCAB, n_layer=2, n_embd=64, n_head=2)
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def shaped_logits(kind: str) -> np.ndarray:
    """Flat: top-p 0.9 keeps most of the vocabulary (the most work). Peaked: like a trained model."""
    rng = np.random.default_rng(0)
    if kind == "flat":
        return (rng.standard_normal(VOCAB) * 0.5).astype(np.float32)
    logits = rng.standard_normal(VOCAB).astype(np.float32) * 2.5
    logits[rng.choice(VOCAB, 30, replace=False)] += np.linspace(12, 4, 30, dtype=np.float32)
    return logits


class PaintCounter(QObject):
    """Counts paint events of the chart, to be sure each timed change was painted, not just scheduled."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


def time_slider(app, view, slider, positions) -> list[float]:
    """Milliseconds from a slider move to the chart painted with the new distribution.

    Only moves that change a value count (the spin boxes round, so neighbouring positions can share one);
    the clock stops when the chart's paint event has run, not when it was scheduled.
    """
    counter = PaintCounter(view.chart.viewport())
    times, updates, missed = [], [], 0
    for position in positions:
        app.processEvents()
        before, painted = view.distribution, counter.count
        start = time.perf_counter()
        slider.setValue(position)  # recomputes and updates the plot items at once
        if view.distribution is before:
            continue  # the value did not change: nothing to draw
        updates.append((time.perf_counter() - start) * 1000)
        while counter.count == painted and time.perf_counter() - start < 0.5:
            app.processEvents()  # the scene's queued update, then the paint itself
        times.append((time.perf_counter() - start) * 1000)
        missed += counter.count == painted
    if missed:
        print(f"  warning: {missed} of {len(times)} changes were not painted within 0.5 s")
    view.chart.viewport().removeEventFilter(counter)
    return times, updates


def report(name: str, measured) -> None:
    times, updates = measured if isinstance(measured, tuple) else (measured, None)
    times = sorted(times)
    median = statistics.median(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    verdict = "ok" if median <= FRAME_MS else "OVER"
    print(f"  {name:<52} median {median:6.2f} ms   p90 {p90:6.2f} ms   max {times[-1]:6.2f} ms   [{verdict}]")
    if updates:
        print(f"  {'':<52} (of which compute and item updates: median {statistics.median(updates):.2f} ms)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gpt2-124m", action="store_true", help="time one Step through a full-size GPT-2")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest, load_model
    from viz.core.sampling import SamplingSettings, filter_distribution, rank_logits
    from viz.core.trace import run_trace
    from viz.core.trace_logits import ArrayLogits
    from viz.ui.state import AppState
    from viz.ui.views.sampling import SamplingView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        loaded = load_model(LoadRequest(str(build_model(Path(tmp), args.gpt2_124m)), device="cpu"))
        trace = run_trace(loaded, " ".join(f"w{i}" for i in range(100, 120)))
    state = AppState()
    state.model = loaded
    view = SamplingView(state)
    view.resize(1600, 1000)
    view.show()
    c = view.controls
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Load average {load:.1f} at start (the figures rise on a busy machine)")
    print(f"Sampling lab, vocabulary {VOCAB:,}, {view.count_spin.value()} bars, window 1600x1000, "
          f"{os.cpu_count()} CPU(s), Qt platform {app.platformName()}")
    for kind in ("flat", "peaked"):
        logits = shaped_logits(kind)
        rows = np.repeat(logits[None], len(trace.tokens), axis=0)  # [position, vocab]
        state.trace = replace(trace, logit_store=ArrayLogits(rows))
        state.trace_changed.emit(state.trace)
        app.processEvents()
        ranked = rank_logits(logits)
        core = []
        for top_p in np.linspace(0.01, 0.99, 99):
            start = time.perf_counter()
            filter_distribution(ranked, SamplingSettings(temperature=0.8, top_p=float(top_p)))
            core.append((time.perf_counter() - start) * 1000)
        kept = filter_distribution(ranked, SamplingSettings(temperature=0.8, top_p=0.9)).kept_count
        print(f"{kind} logits (top-p 0.9 at T 0.8 keeps {kept:,} tokens):")
        report("core only: filter_distribution, top-p sweep", core)
        start = time.perf_counter()
        for _ in range(10):
            rank_logits(logits)
        print(f"  {'core only: rank_logits (once per position)':<52} mean {(time.perf_counter() - start) * 100:6.2f} ms")
        c.set_settings(SamplingSettings(temperature=0.8, top_k=0, top_p=0.9))
        report("top-p slider, top-k off (full vocabulary)", time_slider(app, view, c.top_p_slider, list(range(1, 100)) * 2))
        report("temperature slider, top-p 0.9", time_slider(app, view, c.temperature_slider, range(0, 1000, 5)))
        c.set_settings(SamplingSettings(temperature=0.8, top_k=0, top_p=1.0))
        report("top-k slider, top-p off", time_slider(app, view, c.top_k_slider, range(1, 1000, 5)))
    if args.gpt2_124m:
        state.trace = trace
        state.trace_changed.emit(trace)
        start = time.perf_counter()
        view.run_steps(1)
        while view.runner.running:
            app.processEvents()
            time.sleep(0.001)
        print(f"One Step through GPT-2 124M ({len(trace.tokens)} tokens): {(time.perf_counter() - start) * 1000:.0f} ms")
    view.shutdown()
    state.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
