"""Entry point: `transformer-viz` opens the window; with `--export DIR` it runs headless."""

from __future__ import annotations

import argparse
import sys
import time

_STARTED = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transformer-viz",
        description="See inside transformer language models. With --export, run headless and write files.",
    )
    parser.add_argument("--model", help="bundled model name, Hugging Face Hub id, or model folder")
    parser.add_argument("--text", help="the text to run through the model")
    parser.add_argument("--target", help="encoder-decoder models: the output text to teacher-force")
    parser.add_argument("--export", metavar="DIR", help="write trace.npz, summary.json and view PNGs; no window")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"))
    parser.add_argument("--dtype", default="float32", choices=("float32", "float16", "bfloat16"))
    parser.add_argument("--allow-pickle", action="store_true", help="allow pickled .bin weights (weights_only)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.export:
        from viz.cli import export

        return export(args)
    return run_gui(args)


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from viz.core.resources import DEFAULT_MODEL
    from viz.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Transformer Viz")
    app.setApplicationName("Transformer Viz")
    window = MainWindow()
    if args.text:
        window.set_text(args.text)
    window.show()
    source = args.model or DEFAULT_MODEL
    request = window.model_bar.request(source)
    request = type(request)(source=source, device=args.device, dtype=args.dtype, allow_pickle=args.allow_pickle)
    QTimer.singleShot(0, lambda: window.load(request))
    return app.exec()
