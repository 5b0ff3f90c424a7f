"""Put a main window into presentation mode as if on a projector of a given size (offscreen, any machine)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

import viz.ui.presentation as presentation


def present_at(window, width: int, height: int, monkeypatch) -> None:
    """F5 on a `width` x `height` screen: the projector font for that height, the window that size."""
    monkeypatch.setattr(presentation, "presentation_point_size",
                        lambda screen: presentation.PRESENTATION_PIXELS_AT_1080P * height / 1080 * 72
                        / screen.logicalDotsPerInchY())
    if window.presentation.presenting:
        window.presentation.leave()
    # The offscreen screen is smaller than a projector: the window takes the projector's size instead of
    # going full screen on it.
    monkeypatch.setattr(window, "showFullScreen", lambda: None)
    window.presentation.enter()
    settle()
    window.setGeometry(0, 0, width, height)
    window.setFixedSize(width, height)  # the offscreen screen is smaller than a projector: keep this size
    settle()


def leave(window) -> None:
    window.setMinimumSize(0, 0)
    window.setMaximumSize(16777215, 16777215)
    if window.presentation.presenting:
        window.presentation.leave()


def settle(rounds: int = 3) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents()
