"""The tabs' places: each builds its view the first time it is needed, so the window opens with one view built;
`ViewTabs` gives the window its views by key.

Building all eleven views (21 plots among them) took half a second before the window could show, and every
view then reacted to each new model and trace, on screen or not. A slot builds its view when its tab is
opened, when another view or a saved session asks for it, or when everything is exported. A view built late
catches up with the app's model and trace itself (`View.catch_up`); the `on_built` callback gives it the
window's scale, theme and links.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget

from viz.ui.theme import restyle_plots
from viz.ui.view_links import link_view


class ViewSlot(QWidget):
    """One tab: the view class until the view is needed, then the view, filling the tab."""

    def __init__(self, view_class, state, on_built: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.view_class = view_class
        self.state = state
        self.on_built = on_built  # on_built(view): the window gives a new view its scale, theme and links
        self.view = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def key(self) -> str:
        return self.view_class.key

    def title(self) -> str:
        return self.view_class.title()

    def explanation(self) -> str:
        return self.view_class.explanation()

    def ensure(self):
        """The view, built now if it was not yet."""
        if self.view is None:
            self.view = self.view_class(self.state, self)
            self.layout().addWidget(self.view)
            self.on_built(self.view)
        return self.view

    def showEvent(self, event) -> None:
        self.ensure()  # shown some way other than the window's tab switch (a test, a style change)
        super().showEvent(event)


class ViewTabs:
    """The main window's views by key, built on demand; mixed into MainWindow, which sets `slots` (one ViewSlot
    per tab of `tabs`), `presentation` and `theme`."""

    @property
    def views(self) -> list:
        """Every view, in tab order; builds those not built yet (export of all views, self-test)."""
        return [slot.ensure() for slot in self.slots]

    def size_to_open_tab(self, index: int) -> None:
        """Only the open tab counts for the window's minimum size: a hidden view (laid out at another width or
        scale) must not make the window taller than a projector's screen."""
        for i, slot in enumerate(self.slots):
            policy = QSizePolicy.Preferred if i == index else QSizePolicy.Ignored
            slot.setSizePolicy(policy, policy)

    def built_views(self) -> list:
        return [slot.view for slot in self.slots if slot.view is not None]

    def has_view(self, key: str) -> bool:
        return any(slot.key == key for slot in self.slots)

    def view(self, key: str):
        """The view with this key, built now if it was not yet."""
        return next(slot for slot in self.slots if slot.key == key).ensure()

    def current_view(self):
        return self.slots[max(0, self.tabs.currentIndex())].ensure()

    def show_view(self, key: str) -> None:
        for index, slot in enumerate(self.slots):
            if slot.key == key:
                self.tabs.setCurrentIndex(index)

    def _on_view_built(self, view) -> None:
        """A view built late takes the window's links, presentation state, theme and scale."""
        link_view(self, view)
        view.ensurePolished()  # before any font is set (see rescale)
        view.set_presenting(self.presentation.presenting)
        colours = self.theme.colours if self.theme.applied else None
        restyle_plots(view, colours, font=QApplication.font(), line_scale=self.presentation.scale)
        self.rescale(view, self.presentation.scale)

    @staticmethod
    def rescale(view, scale: float) -> None:
        """`view.set_scale(scale)` after any polish Qt still owes the view's widgets. Under a style sheet a
        widget's (re)polish puts back the font it had at its previous polish, undoing fonts set in between: a
        view whose tab had not been shown yet when presentation started kept desktop-sized labels."""
        view.ensurePolished()
        view.set_scale(scale)
