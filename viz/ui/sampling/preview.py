"""The Sampling view in a window of its own, on a model and text from the command line (for looking at it)."""

from __future__ import annotations


def main() -> int:
    """The Sampling view alone: `python -m viz.ui.views.sampling [MODEL] [TEXT] [--temperature T] [--top-k K]
    [--top-p P] [--steps N] [--mode logits] [--scale F]`."""
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest
    from viz.core.resources import DEFAULT_MODEL
    from viz.core.sampling import SamplingSettings
    from viz.ui.state import AppState
    from viz.ui.views.sampling import SamplingView

    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=DEFAULT_MODEL)
    parser.add_argument("text", nargs="?", default="The return statement is used to leave a function and give a value back to the")
    parser.add_argument("--temperature", type=float, default=0.8)
    parser.add_argument("--top-k", type=int, default=0)
    parser.add_argument("--top-p", type=float, default=0.9)
    parser.add_argument("--steps", type=int, default=0, help="generate this many tokens once the trace is shown")
    parser.add_argument("--mode", default="probabilities", choices=("probabilities", "logits"))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    state = AppState()
    view = SamplingView(state)
    view.resize(1600, 1000)
    view.setWindowTitle(view.title())
    if args.scale != 1.0:  # as presentation mode does: a larger application font, then the view's hook
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.scale)
        app.setFont(font)
    view.set_scale(args.scale)
    view.controls.set_settings(SamplingSettings(args.temperature, args.top_k, args.top_p))
    view.mode_combo.setCurrentIndex(view.mode_combo.findData(args.mode))
    if args.steps:
        state.trace_changed.connect(lambda _trace: view.run_steps(args.steps))
    state.error.connect(lambda message: print(message, file=sys.stderr))
    state.set_text(args.text)
    state.load(LoadRequest(args.model, device="cpu"))
    view.show()
    code = app.exec()
    view.shutdown()
    state.shutdown()
    return code
