"""`transformer-viz --self-test`: does this installation (or bundle) work? Load, trace, render every view.

Runs offscreen, prints one line per check and exits 0 only when all pass, so a packaging smoke test can
launch a freshly built bundle and trust its exit code.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

SVG_ROOT = "{http://www.w3.org/2000/svg}svg"


def run_self_test(model: str | None = None, out_dir: str | None = None) -> int:
    """`out_dir` keeps the rendered pictures; without it they go to a temporary folder that is removed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        if out_dir:
            _run(model, Path(out_dir))
        else:
            with tempfile.TemporaryDirectory(prefix="transformer-viz-self-test-") as scratch:
                _run(model, Path(scratch))
    except Exception:  # report what failed, with its traceback: the exit code says "broken"
        traceback.print_exc()
        print("self-test: FAILED", flush=True)
        return 1
    print(f"self-test: passed in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


def _check(label: str, ok: bool, detail: str = "") -> None:
    print(f"self-test: {'ok  ' if ok else 'FAIL'} {label}{' — ' + detail if detail else ''}", flush=True)
    if not ok:
        raise RuntimeError(f"{label} {detail}".strip())


def _run(model: str | None, out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from viz.core.resources import DEFAULT_MODEL, resources_dir
    from viz.ui.gui_thread_gc import collect_in_gui_thread

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_in_gui_thread(app)  # workers must never run Qt destructors
    root = resources_dir()
    _check("resources", root.is_dir(), str(root))
    icon = QIcon(str(root / "icons" / "transformer-viz.svg"))
    _check("app icon (SVG)", not icon.pixmap(64, 64).isNull())
    translator = QTranslator()
    loaded_qm = translator.load("transformer_viz_hu", str(root / "i18n"))
    _check("Hungarian catalogue", loaded_qm and bool(translator.translate("MainWindow", "Cancel")))

    from viz.core.loading import LoadRequest, load_model
    from viz.core.trace import TraceRequest, run_trace
    from viz.ui.export import is_blank, render_image, save_svg
    from viz.ui.main_window import EXAMPLE_TEXT, MainWindow
    from viz.ui.theme import ThemeManager

    t0 = time.perf_counter()
    loaded = load_model(LoadRequest(model or DEFAULT_MODEL, device="cpu"))
    _check("load model", True, f"{loaded.name}, {loaded.family.value}, {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    trace = run_trace(loaded, TraceRequest(EXAMPLE_TEXT[loaded.family.value], max_new_tokens=8))
    _check("trace", len(trace.tokens) > 0, f"{len(trace.tokens)} tokens, {time.perf_counter() - t0:.2f} s")

    theme = ThemeManager(app, "light")
    theme.apply()
    window = MainWindow(theme=theme)
    window.resize(1400, 900)
    window.show()
    window.adopt(loaded, trace)
    out.mkdir(parents=True, exist_ok=True)
    try:
        for index, view in enumerate(window.views):
            window.tabs.setCurrentIndex(index)
            for _ in range(3):
                app.processEvents()
            image = render_image(view.export_widget())
            png = out / f"view_{view.key}.png"
            _check(f"view {view.key}: PNG", not is_blank(image) and image.save(str(png)),
                   f"{image.width()}×{image.height()}")
            svg = save_svg(view.export_widget(), out / f"view_{view.key}.svg")
            _check(f"view {view.key}: SVG", ET.parse(svg).getroot().tag == SVG_ROOT)
        window.presentation.enter()
        app.processEvents()
        _check("presentation mode", window.presentation.scale >= 1.0 and not window.menuBar().isVisible())
        window.presentation.leave()
    finally:
        window.state.shutdown()
        window.close()
        QCoreApplication.processEvents()
