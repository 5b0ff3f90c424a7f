"""Headless command line: trace a text and write trace.npz, summary.json and one PNG per view."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

from viz.core.errors import VizError


def export(args) -> int:
    """Exit 0 on success; on a user error, one line on stderr and exit 2."""
    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import DEFAULT_MODEL
    from viz.core.trace import TraceRequest, run_trace

    if args.text is None or not args.text.strip():
        return _fail("The text is empty: pass --text with something to trace.")
    out = Path(args.export)
    try:
        loaded = load_model(
            LoadRequest(args.model or DEFAULT_MODEL, args.device, args.dtype, allow_pickle=args.allow_pickle)
        )
        if args.target is not None and loaded.family.value != "encoder-decoder":
            return _fail(
                f"--target is for encoder-decoder models (T5, BART); {loaded.name} is {loaded.family.value}, "
                "so it reads only --text: leave --target out."
            )
        trace = run_trace(loaded, TraceRequest(args.text, args.target))
    except VizError as exc:
        return _fail(str(exc))
    except ValueError as exc:  # a device that is not there
        return _fail(str(exc))
    if trace.notice:
        print(f"transformer-viz: note: {trace.notice}", file=sys.stderr)
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_trace(trace, out / "trace.npz")
        (out / "summary.json").write_text(json.dumps(summary(trace), indent=2, ensure_ascii=False), encoding="utf-8")
        for name in render_views(loaded, trace, out):
            print(name)
    except OSError as exc:
        return _fail(f"Cannot write to {out}: {exc.strerror or exc}")
    print(out / "trace.npz")
    print(out / "summary.json")
    return 0


def _fail(message: str) -> int:
    print(f"transformer-viz: {message}", file=sys.stderr)
    return 2


def write_trace(trace, path: Path) -> None:
    arrays = {f"attention_{kind}": a for kind, a in trace.attentions.items()}  # [layer, head, query, key]
    arrays.update({f"hidden_{side}": h for side, h in trace.hidden_states.items()})  # [layer + 1, seq, d]
    arrays["input_ids"] = np.array([t.id for t in trace.tokens], dtype=np.int64)
    arrays["input_offsets"] = np.array([[t.start, t.end] for t in trace.tokens], dtype=np.int64).reshape(-1, 2)
    if trace.output_tokens:
        arrays["output_ids"] = np.array([t.id for t in trace.output_tokens], dtype=np.int64)
    if trace.logits is not None:
        arrays["logits"] = trace.logits  # [position, vocab]
    np.savez_compressed(path, **arrays)


def summary(trace) -> dict:
    return {
        "model": trace.model_name,
        "family": trace.family,
        "device": trace.device,
        "dtype": trace.dtype,
        "text": trace.text,
        "tokens": [t.piece for t in trace.tokens],
        "token_texts": trace.side_labels("input"),
        "output_text": trace.output_text,
        "output_tokens": [t.piece for t in trace.output_tokens],
        "truncated": trace.truncated,
        "notice": trace.notice,
        "shapes": {
            **{f"attention_{k}": list(a.shape) for k, a in trace.attentions.items()},
            **{f"hidden_{k}": list(h.shape) for k, h in trace.hidden_states.items()},
            **({"logits": list(trace.logits.shape)} if trace.logits is not None else {}),
        },
    }


def render_views(loaded, trace, out: Path) -> list[str]:
    """One PNG per view, rendered offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from viz.ui.gui_thread_gc import collect_in_gui_thread
    from viz.ui.main_window import MainWindow
    from viz.ui.theme import ThemeManager

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_in_gui_thread(app)  # workers must never run Qt destructors
    theme = ThemeManager(app, "light")
    theme.apply()  # the pictures look like the app
    window = MainWindow(theme=theme)
    window.resize(1400, 900)
    window.adopt(loaded, trace)
    written = []
    for index, view in enumerate(window.views):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        while view.busy():  # views that prepare pictures on a worker
            app.processEvents(QEventLoop.AllEvents, 50)
        path = out / f"view_{view.key}.png"
        if not view.export_widget().grab().save(str(path)):
            raise OSError(f"could not save {path}")
        written.append(str(path))
    window.state.shutdown()
    window.close()
    return written
