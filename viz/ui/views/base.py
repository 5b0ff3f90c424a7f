"""Base class of the views: each subscribes to the app state and can export what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class View(QWidget):
    """A tab of the main window. Subclasses set `key`, `title()` and react in `_on_trace`/`_on_model`."""

    key = "view"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        state.model_changed.connect(self._on_model)
        state.trace_changed.connect(self._on_trace)

    @staticmethod
    def title() -> str:
        """The tab's name in the user's language; static, so that a tab is named before its view is built."""
        return ""

    @staticmethod
    def explanation() -> str:
        """A few sentences for students: what am I looking at? Static, like `title`."""
        return ""

    def catch_up(self) -> None:
        """Show the app's model and trace if they came before this view was built (tabs are built when first
        opened, and anew when the language changes). Each view calls this at the end of its `__init__`."""
        if self.state.model is not None:
            self._on_model(self.state.model)
        if self.state.trace is not None:
            self._on_trace(self.state.trace)

    def busy(self) -> bool:
        """Still preparing what it shows in the background; a headless export waits until False."""
        return False

    def shutdown(self) -> None:
        """Stop background work when the window closes; pending results are dropped."""

    def export_widget(self) -> QWidget:
        """The widget whose picture is exported (PNG, SVG, clipboard)."""
        return self

    def pages(self) -> list:
        """The inner pages a person can open (sub-tabs, modes), for `show_page`; [None] when there is one."""
        return [None]

    def show_page(self, page) -> None:
        """Open one of `pages()`."""

    def main_picture(self) -> QWidget:
        """The picture this view is about (heatmap, chart, map): on a projector it gets most of the room."""
        return self.export_widget()

    def export_tables(self) -> dict[str, list[list]]:
        """Tables shown by the view, for CSV export: name -> rows (first row the header)."""
        return {}

    def set_scale(self, factor: float) -> None:
        """Presentation mode and zoom: scale plot fonts, line widths and markers by `factor` (1 = normal).

        Qt widgets follow the application font; pyqtgraph items need this hook.
        """

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: the picture wins room from explanatory text (which moves to F1 or a tooltip)."""

    def settings(self) -> dict:
        """The view's choices a saved session restores (layer, head, temperature…), JSON-serialisable."""
        return {}

    def apply_settings(self, settings: dict) -> None:
        """Restore what `settings()` returned, once the session's trace is shown.

        The dict may come from an older file: ignore unknown keys, keep defaults for missing ones.
        """

    def _on_model(self, loaded) -> None:
        pass

    def _on_trace(self, trace) -> None:
        pass
