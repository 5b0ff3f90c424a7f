"""One view in a window of its own, on a model and text from the command line (`python -m viz.ui.views.<view>`),
for looking at a view without the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from viz.ui.state import AppState
from viz.ui.tokens.style import scaled_font


def open_alone(view_class, scale: float = 1.0):
    """`(app, state, view)`: the application (made if there is none), a state of its own, and the view at
    1600 x 1000. At `scale` the application font is enlarged and the view told, as presentation mode does."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if scale != 1.0:
        app.setFont(scaled_font(app.font(), scale))
    state = AppState()
    view = view_class(state)
    view.resize(1600, 1000)
    view.setWindowTitle(view.title())
    view.set_scale(scale)
    return app, state, view


def run_alone(app, state, view, model: str, text: str, target: str | None = None) -> int:
    """Load `model` on the CPU, trace `text`, show the view until its window closes; the exit code."""
    from viz.core.loading import LoadRequest

    state.error.connect(lambda message: print(message, file=sys.stderr))
    state.set_text(text, target)
    state.load(LoadRequest(model, device="cpu"))
    view.show()
    code = app.exec()
    view.shutdown()
    state.shutdown()
    return code
