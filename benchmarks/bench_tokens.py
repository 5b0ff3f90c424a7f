"""Tokens view speed: display tokens, chip layout and paint, aligned comparison (prints figures).

    python benchmarks/bench_tokens.py

Uses the bundled models' tokenizers when present, else the tiny test tokenizer.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TEXT = (
    "Őrülten ünnepélyes 🙂 café: tokenizers cut text into pieces from their vocabulary, "
    "and the model only ever sees the ids of those pieces. "
)


def timed(fn, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000, result


def tokenizer_folders() -> list[str]:
    from viz.core.resources import bundled_models

    folders = [str(m.path) for m in bundled_models()]
    if folders:
        return folders
    from tiny_models import tiny_tokenizer

    folder = Path(tempfile.mkdtemp()) / "tiny"
    tiny_tokenizer(with_cls_sep=False).save_pretrained(folder)
    return [str(folder)]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from viz.core.tokenization import display_segments, display_tokens
    from viz.core.tokenization_compare import TokenizerSource, compare_sources, load_tokenizer
    from viz.core.tokenization_scheme import describe_tokenizer
    from viz.core.trace import tokenize
    from viz.ui.tokens.aligned_rows import AlignedRows
    from viz.ui.tokens.chip_flow import TokenFlow

    app = QApplication.instance() or QApplication([])
    folders = tokenizer_folders()
    tokenizer = load_tokenizer(folders[0])
    scheme = describe_tokenizer(tokenizer)
    print(f"tokenizer: {Path(folders[0]).name} ({scheme.description})")
    for repeats in (4, 16, 64):
        text = TEXT * repeats
        tokens, _, _ = tokenize(tokenizer, text)
        ms_tok, _ = timed(lambda text=text: tokenize(tokenizer, text))
        ms_show, shown = timed(lambda text=text, tokens=tokens: display_tokens(text, tokens, scheme))
        ms_seg, segments = timed(lambda shown=shown: display_segments(shown))
        flow = TokenFlow()
        flow.resize(1400, 600)
        ms_layout, _ = timed(lambda flow=flow, shown=shown, segments=segments: flow.set_tokens(shown, segments))
        ms_paint, _ = timed(flow.grab, repeat=3)  # paints the whole widget, all lines
        print(
            f"{len(tokens):6d} tokens, {len(text):6d} chars: tokenize {ms_tok:7.1f} ms, display {ms_show:6.1f} ms, "
            f"segments {ms_seg:5.1f} ms, chip layout {ms_layout:6.1f} ms, full paint {ms_paint:7.1f} ms "
            f"({flow.minimumHeight()} px tall)"
        )
    sources = tuple(TokenizerSource(Path(f).name, f) for f in folders)
    text = TEXT * 16
    ms_cmp, comparison = timed(lambda: compare_sources(text, sources))
    rows = AlignedRows()
    rows.resize(1400, 600)
    ms_rows, _ = timed(lambda: rows.set_comparison(comparison))
    ms_rows_paint, _ = timed(lambda: rows.grab(), repeat=3)
    counts = ", ".join(f"{r.name} {r.counts.tokens}" for r in comparison.rows)
    print(
        f"compare {len(sources)} tokenizers on {len(text)} chars ({counts}): tokenize+align {ms_cmp:.1f} ms (loaded), "
        f"rows layout {ms_rows:.1f} ms, full paint {ms_rows_paint:.1f} ms"
    )
    del app


if __name__ == "__main__":
    main()
