"""Headless command line: trace a text and write trace.npz, summary.json and one PNG per view."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from viz.core.errors import VizError


def export(args) -> int:
    """Exit 0 on success; on a user error, one line on stderr and exit 2."""
    from viz.core.lens_export import write_lens
    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import DEFAULT_MODEL
    from viz.core.trace import TraceRequest, run_trace

    from viz.core.export_data import parse_layers, summary, write_trace

    if args.text is None or not args.text.strip():
        return _fail("The text is empty: pass --text with something to trace.")
    out = Path(args.export)
    try:
        layers = parse_layers(args.layers) if getattr(args, "layers", None) else None
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
        written = write_trace(trace, out / "trace.npz", layers)
        for note in written.notes:
            print(f"transformer-viz: {note}", file=sys.stderr)
        lens = write_lens(loaded, trace, out / "lens.npz")
        text = json.dumps(summary(trace, written), indent=2, ensure_ascii=False)
        (out / "summary.json").write_text(text, encoding="utf-8")
        for name in render_views(loaded, trace, out):
            print(name)
        if getattr(args, "explain", None) is not None:
            from viz.core.why.report import write_explanation

            for path in write_explanation(loaded, args.text, args.explain, out, args.target, args.corrupted):
                print(path)
    except VizError as exc:  # a layer that does not exist, a token the model cannot explain
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"Cannot write to {out}: {exc.strerror or exc}")
    print(out / "trace.npz")
    print(out / "summary.json")
    if lens is not None:
        print(lens)
    return 0


def _fail(message: str) -> int:
    print(f"transformer-viz: {message}", file=sys.stderr)
    return 2


def render_views(loaded, trace, out: Path) -> list[str]:
    """One PNG per view, rendered offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt
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
    # Shown but never on a screen: views that compute when first shown (Lens, Why, Scale) do so here too.
    window.setAttribute(Qt.WA_DontShowOnScreen)
    window.show()
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
