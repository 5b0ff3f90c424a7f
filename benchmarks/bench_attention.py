"""Attention view speed and memory: overview render time, detail hover latency, rollout, memory.

    python benchmarks/bench_attention.py [--sizes 128 512 1024] [--model FOLDER]

Synthetic traces hold random attention `[12, 12, n, n]`; one real trace comes from a tiny GPT-2
(or `--model`). Goals: the overview within 300 ms of the trace being ready; hover readouts within a
frame (16 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def synthetic_trace(n: int, layers: int = 12, heads: int = 12):
    from viz.core.trace_types import DECODER_SELF, Token, Trace

    rng = np.random.default_rng(0)
    attentions = rng.random((layers, heads, n, n), dtype=np.float32)  # [layer, head, query, key]
    attentions[..., np.triu(np.ones((n, n), dtype=bool), k=1)] = 0  # causal, as a decoder's
    attentions /= attentions.sum(axis=-1, keepdims=True)
    words = [f"w{i}" for i in range(n)]
    tokens, at = [], 0
    for i, word in enumerate(words):
        tokens.append(Token(word, i, at, at + len(word), False))
        at += len(word) + 1
    return Trace.from_arrays("synthetic", "decoder-only", "cpu", "float32", " ".join(words), tuple(tokens),
                             {DECODER_SELF: attentions}, {}, None)


def real_trace(model: str | None):
    from viz.core.loading import LoadRequest, load_model
    from viz.core.trace import TraceRequest, run_trace

    if model is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        import tempfile

        from tiny_models import save_tiny_model

        model = str(save_tiny_model("gpt2", Path(tempfile.mkdtemp()) / "gpt2"))
    loaded = load_model(LoadRequest(model, device="cpu"))
    text = "The return statement is used to leave a function and give a value back to the caller."
    return run_trace(loaded, TraceRequest(text)), loaded.name


def wait_for(app, condition, timeout=30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the view did not finish in time")
        time.sleep(0.0005)


def measure(app, view, trace, label: str) -> None:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from viz.core.attention import trace_rollout
    from viz.ui.attention.overview import render_overview
    from viz.ui.attention.style import lookup_table
    from viz.ui.attention.toolbar import DETAIL

    kind = trace.kinds[0]
    n = trace.attention_shape(kind)[-1]
    rss_before = rss_mib()
    print(f"{label}: {n} tokens, {trace.layer_count} layers × {trace.head_count} heads")

    started = time.perf_counter()
    view.state.trace = trace
    view.state.trace_changed.emit(trace)
    wait_for(app, lambda: view.overview.grid is not None)
    ready = time.perf_counter()
    view.overview.graphics.viewport().repaint()
    painted = time.perf_counter()
    print(f"  overview: image set {1000 * (ready - started):6.1f} ms, painted {1000 * (painted - started):6.1f} ms"
          "   (goal: 300 ms)")

    started = time.perf_counter()
    view.toolbar.set_head(trace.layer_count - 1, 0, DETAIL)
    view.detail.graphics.viewport().repaint()
    print(f"  detail heatmap opened and painted: {1000 * (time.perf_counter() - started):6.1f} ms")

    # Hover: a mouse-move event through the graphics view, as the window system would deliver it.
    detail, viewport = view.detail, view.detail.graphics.viewport()
    readout, framed = [], []
    for row, col in np.random.default_rng(1).integers(0, n, size=(60, 2)):
        point = QPointF(detail.graphics.mapFromScene(detail.scene_pos_of(int(row), int(col))))
        event = QMouseEvent(QEvent.MouseMove, point, viewport.mapToGlobal(point), Qt.NoButton, Qt.NoButton,
                            Qt.NoModifier)
        time.sleep(0.012)  # pyqtgraph passes on at most one move per 10 ms (its mouseRateLimit)
        t0 = time.perf_counter()
        app.sendEvent(viewport, event)
        t1 = time.perf_counter()
        # Below a pixel per cell the pointer lands on a neighbour; the readout must match that cell.
        expected = detail.cell_at_scene(detail.graphics.mapToScene(point.toPoint()))
        assert detail.hovered == expected, "the hover did not reach the heatmap"
        readout.append(t1 - t0)
        viewport.repaint()
        detail.readout.repaint()
        framed.append(time.perf_counter() - t0)
    print(f"  hover → readout text: median {1000 * statistics.median(readout):.2f} ms, "
          f"max {1000 * max(readout):.2f} ms ({len(readout)} moves; goal: one frame, 16 ms)")
    print(f"  hover → readout and repainted heatmap: median {1000 * statistics.median(framed):.2f} ms, "
          f"p95 {1000 * float(np.percentile(framed, 95)):.2f} ms")

    started = time.perf_counter()
    trace_rollout(trace, kind)
    print(f"  rollout through all layers (on a worker thread): {1000 * (time.perf_counter() - started):6.1f} ms")

    tracemalloc.start()
    trace._summaries.clear()  # measure the pooling pass itself, not the view's cached result
    render_overview(trace, kind, lookup_table())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  memory: trace holds {trace.memory_bytes() / 2**20:.0f} MiB; overview pooling peak "
          f"{peak / 2**20:.1f} MiB (tracemalloc); RSS {rss_before:.0f} → {rss_mib():.0f} MiB while shown")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[128, 512, 1024])
    parser.add_argument("--model", help="model folder for the real trace (default: a tiny random GPT-2)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from viz.ui.state import AppState
    from viz.ui.views.attention import AttentionView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    trace, name = real_trace(args.model)
    for label, make in [(f"real trace of {name}", lambda: trace)] + [
        (f"synthetic n={n}", lambda n=n: synthetic_trace(n)) for n in args.sizes
    ]:
        state = AppState()
        view = AttentionView(state)
        view.resize(1600, 1000)
        view.show()
        app.processEvents()
        measure(app, view, make(), label)
        view.overview_worker.shutdown()
        view.rollout_worker.shutdown()
        view.close()
        view.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
