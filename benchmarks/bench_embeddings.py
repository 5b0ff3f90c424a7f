"""Embedding projections: PCA of a GPT-2-sized embedding matrix, neighbours, and drawing 50k points.

Goals: PCA of 50,257 x 768 in 2 s or less on a laptop-class CPU; the first picture of 50k points
and every pan after it quick enough to feel smooth.

    python benchmarks/bench_embeddings.py [--svd] [--device cpu|cuda]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

VOCAB, DIM = 50_257, 768  # GPT-2


def timed(fn, repeats: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def embedding_like(seed: int = 0) -> np.ndarray:
    """Random vectors with a few dominant directions, like trained embeddings (std 0.02 as GPT-2's init)."""
    rng = np.random.default_rng(seed)
    matrix = rng.normal(0, 0.02, size=(VOCAB, DIM)).astype(np.float32)
    matrix[:, :8] += rng.normal(0, 0.1, size=(VOCAB, 8)).astype(np.float32)
    return matrix


def bench_core(device: str, with_svd: bool) -> None:
    import torch

    from viz.core.neighbours import CosineNeighbours
    from viz.core.projection import pca

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {device}")
    matrix = embedding_like()
    weight = torch.from_numpy(matrix).to(device)
    pca(weight[:1000], 3, device)  # warm-up: first eigh call loads the LAPACK kernels
    seconds, result = timed(lambda: pca(weight, 3, device))
    print(f"PCA {VOCAB} x {DIM} -> 3 (centre, XᵀX, eigh): {seconds:.3f} s median of 3; "
          f"explained {100 * result.explained_total(2):.2f}% in 2 components")
    if with_svd:
        def svd():
            centred = weight - weight.mean(0)
            return torch.linalg.svd(centred, full_matrices=False)

        seconds, _ = timed(svd, repeats=1)
        print(f"  for comparison, torch.linalg.svd of the same matrix: {seconds:.3f} s")
    index = CosineNeighbours(matrix)
    seconds, _ = timed(lambda: index.query(1234, 10), repeats=5)
    print(f"nearest 10 neighbours by cosine among {VOCAB}: {1000 * seconds:.1f} ms")


def bench_drawing() -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from viz.ui.embeddings.vocabulary_plot import VocabularyPlot

    app = QApplication.instance() or QApplication(sys.argv)
    rng = np.random.default_rng(1)
    coords = rng.normal(size=(VOCAB, 2)).astype(np.float32) * [3.0, 1.5]
    labels = [f"token{i}" for i in range(VOCAB)]
    plot = VocabularyPlot()
    plot.resize(1200, 800)
    plot.show()
    app.processEvents()
    started = time.perf_counter()
    plot.set_points(coords, labels)
    plot.set_prompt(rng.integers(0, VOCAB, 20))
    plot.grab()  # paints the whole scene once
    print(f"first render of {VOCAB} points (set data + paint 1200x800): {1000 * (time.perf_counter() - started):.0f} ms")
    box = plot.getViewBox()
    pans = []
    for step in range(10):
        started = time.perf_counter()
        box.translateBy(x=0.05 * (1 if step % 2 else -1))
        plot.grab()
        pans.append(time.perf_counter() - started)
    box.scaleBy((0.5, 0.5))
    started = time.perf_counter()
    plot.grab()
    zoom = time.perf_counter() - started
    print(f"repaint after a pan: {1000 * statistics.median(pans):.0f} ms median of 10; after a zoom: {1000 * zoom:.0f} ms")
    centre = box.mapViewToScene(QPointF(0.0, 0.0))
    seconds, _ = timed(lambda: plot.index_at(centre), repeats=20)
    print(f"hover look-up among {VOCAB} points: {1000 * seconds:.2f} ms")
    plot.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svd", action="store_true", help="also time torch.linalg.svd (slow on a CPU)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--no-drawing", action="store_true")
    args = parser.parse_args()
    bench_core(args.device, args.svd)
    if not args.no_drawing:
        bench_drawing()


if __name__ == "__main__":
    main()
