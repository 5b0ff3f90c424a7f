"""Embeddings view: the whole vocabulary projected to 2-D/3-D, and the prompt's path through the layers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from viz.core.projection import hidden_state_labels, hidden_state_sides
from viz.ui.embeddings import opengl, view_settings
from viz.ui.embeddings.captions import Captions
from viz.ui.embeddings.controls import Controls
from viz.ui.embeddings.jobs import ProjectionJobs
from viz.ui.embeddings.paths_plot import PathsPlot
from viz.ui.embeddings.search import find_token
from viz.ui.embeddings.side_panel import SidePanel
from viz.ui.embeddings.style import plot_colours
from viz.ui.embeddings.tables import neighbours_table, paths_table, vocabulary_table
from viz.ui.embeddings.vocabulary_plot import VocabularyPlot
from viz.ui.views.base import View

NEIGHBOURS = 10


class EmbeddingsView(View):
    key = "embeddings"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.controls = Controls(self)
        self.captions = Captions(self)
        self.note = QLabel(self)  # work in progress and errors
        self.gl_note = QLabel(self)  # why there is no 3-D
        for label in (self.note, self.gl_note):
            label.setWordWrap(True)
            label.setVisible(False)
        self.vocabulary_plot = VocabularyPlot(self)
        self.paths_plot = PathsPlot(self)
        self.scene3d = None  # made the first time 3-D is asked for and OpenGL works
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.vocabulary_plot)
        self.stack.addWidget(self.paths_plot)
        self.side_panel = SidePanel(self)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.side_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.note)
        layout.addWidget(self.gl_note)
        layout.addWidget(splitter, 1)
        self.description = QLabel(self)  # what the picture shows, under it, as wide as the view
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.PlainText)
        layout.addWidget(self.description)
        self.vocabulary = None  # VocabularyMap shown
        self.paths = None  # (trace, side, unit_length, Projection) shown
        self.selected = -1  # vocabulary id
        self.selected_token = -1  # prompt position
        self.scale = 1.0
        self._pending_search: str | None = None
        self.jobs = ProjectionJobs(self)
        self.jobs.finished.connect(lambda kind, result: self._on_result(kind, result))
        self.jobs.failed.connect(lambda _kind, message: self._show_note(message))
        self.controls.changed.connect(self._refresh)
        self.controls.layer_changed.connect(self._on_layer)
        self.vocabulary_plot.point_clicked.connect(self.select)
        self.paths_plot.point_clicked.connect(lambda i: self.select_token(self.paths_plot.token_of_point(i)))
        self.side_panel.search_requested.connect(self.search)
        self.side_panel.neighbour_chosen.connect(self.select)
        self.side_panel.token_chosen.connect(self.select_token)
        self.side_panel.clear_selection()
        self.catch_up()

    # ---- View ----
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("EmbeddingsView", "Embeddings")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("EmbeddingsView",
            "Every token the model knows is a vector of hundreds of numbers, its embedding. Here those vectors "
            "are squashed onto a flat picture: tokens the model treats alike tend to land close together. "
            "Click a token to list the tokens whose vectors point most nearly the same way (cosine similarity). "
            "'Prompt through the layers' follows your text's tokens from layer to layer: context moves them."
        )

    def export_widget(self) -> QWidget:
        self._complete_now()
        return self.stack.currentWidget()

    def export_tables(self) -> dict[str, list[list]]:
        tables: dict[str, list[list]] = {}
        if self.vocabulary is not None:
            tables["vocabulary_projection"] = vocabulary_table(self.vocabulary)
            if self.selected >= 0:
                found = self.vocabulary.neighbours.query(self.selected, NEIGHBOURS)
                tables["neighbours"] = neighbours_table(self.vocabulary, found)
        if self.paths is not None:
            projection = self.paths[3]
            tables["hidden_state_paths"] = paths_table(
                projection, self.paths_plot.labels, self.captions.layer_names(projection.coords.shape[0])
            )
        return tables

    def set_scale(self, factor: float) -> None:
        self.scale = factor
        self.vocabulary_plot.set_scale(factor)
        self.paths_plot.set_scale(factor)
        if self.scene3d is not None:  # also called after a theme change
            self.scene3d.set_scale(factor)
            self.scene3d.set_colours(*plot_colours(self.vocabulary_plot))
            self._draw_3d()

    def settings(self) -> dict:
        return view_settings.capture(self)

    def apply_settings(self, settings: dict) -> list[str]:
        return view_settings.restore(self, settings)

    def shutdown(self) -> None:
        self.jobs.shutdown()

    # ---- state ----
    def _on_model(self, loaded) -> None:
        self.vocabulary = None
        self.paths = None
        self.selected = self.selected_token = -1
        self.jobs.reset()
        self.vocabulary_plot.clear_points()
        self.paths_plot.clear_paths()
        self.side_panel.set_vocabulary([])
        self.side_panel.clear_selection()
        self._refresh()

    def _on_trace(self, trace) -> None:
        self.controls.set_sides(hidden_state_sides(trace))
        self.vocabulary_plot.set_prompt([t.id for t in trace.tokens])
        self._refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh()  # projections are computed when the view is first looked at, not on every load

    # ---- asking for work ----
    def _three_d_ready(self) -> bool:
        """True when 3-D is asked for and possible; otherwise says why in the note and stays 2-D."""
        if not self.controls.three_d.isChecked():
            return False
        self.gl_note.setVisible(False)
        reason = opengl.unavailable_reason()
        if reason is None and self.scene3d is None:
            from viz.ui.embeddings.scene3d import make_scene

            self.scene3d, reason = make_scene(self)
            if self.scene3d is not None:
                self.scene3d.set_scale(self.scale)
                self.scene3d.set_colours(*plot_colours(self.vocabulary_plot))
                self.stack.addWidget(self.scene3d)
        if reason is not None:
            self.gl_note.setText(self.tr("3-D is not available: {reason} Showing the 2-D view.").format(reason=reason))
            self.gl_note.setVisible(True)
            self.controls.three_d.blockSignals(True)
            self.controls.three_d.setChecked(False)
            self.controls.three_d.blockSignals(False)
            self.controls.three_d.setToolTip(reason)
            return False
        return True

    def _refresh(self) -> None:
        vocabulary_mode = self.controls.mode() == "vocabulary"
        self.side_panel.set_mode(self.controls.mode())
        three_d = self._three_d_ready()
        self._show_current(three_d)
        if not self.isVisible():
            return  # projections wait until someone looks (or exports)
        if vocabulary_mode:
            self._ask_vocabulary(3 if three_d else 2)
        else:
            self._ask_paths()

    def _vocabulary_request(self, components: int) -> tuple | None:
        """(loaded, method, components) for the picture the controls ask for; None without a model."""
        if self.state.model is None:
            return None
        method = self.controls.method_key()
        return self.state.model, method, 3 if method == "pca" else components  # one PCA serves 2-D and 3-D

    def _paths_request(self) -> tuple | None:
        trace = self.state.trace
        if trace is None:
            return None
        return trace, self.controls.side_key() or hidden_state_sides(trace)[0], self.controls.unit_length.isChecked()

    def _ask_vocabulary(self, components: int) -> None:
        request = self._vocabulary_request(components)
        if request is None:
            self.description.setText(self.tr("Load a model to see its vocabulary."))
        elif self.jobs.ask("vocabulary", request, self.tr("Projecting")):
            self._show_note(self.tr("Projecting the vocabulary ({n} tokens) by {method}…").format(
                n=f"{getattr(request[0].config, 'vocab_size', 0):,}", method=self.controls.method.currentText()))

    def _ask_paths(self) -> None:
        request = self._paths_request()
        if request is None:
            self.description.setText(self.tr("Type a text to follow its tokens through the layers."))
        else:
            self.jobs.ask("paths", request, self.tr("Projecting"))

    def _complete_now(self) -> None:
        """A picture wanted before its projection arrived (headless export, a quick copy) is made now.

        The GUI waits for this only when a person exports a picture that is still being computed.
        """
        if self.controls.mode() == "vocabulary":
            kind, request = "vocabulary", self._vocabulary_request(self._shown_dimensions())
        else:
            kind, request = "paths", self._paths_request()
        result = self.jobs.run_now(kind, request) if request is not None else None
        if result is not None:
            self._on_result(kind, result)

    # ---- results ----
    def _on_result(self, kind: str, result) -> None:
        if kind == "vocabulary":
            self._on_vocabulary(result)
        else:
            self._on_paths(result)

    def _on_vocabulary(self, result) -> None:
        loaded, method, components, vocabulary = result
        if loaded is not self.state.model:
            return  # the model changed while this was computed
        self.jobs.mark_shown("vocabulary", (loaded, method, components))
        self._show_note("")
        first = self.vocabulary is None or self.vocabulary.model_name != vocabulary.model_name
        self.vocabulary = vocabulary
        projection = vocabulary.projection
        self.vocabulary_plot.set_points(projection.coords, vocabulary.labels)
        self.vocabulary_plot.set_axis_titles(*self.captions.axis_titles(projection, self.controls.method.currentText()))
        if first:
            self.side_panel.set_vocabulary(vocabulary.labels)
        self._describe()
        if self._pending_search:
            text, self._pending_search = self._pending_search, None
            self.search(text)  # asked for before the vocabulary was there (a restored session)
        elif self.selected >= 0:
            self.select(self.selected)
        self._draw_3d()

    def _on_paths(self, result) -> None:
        trace, side, unit_length, projection = result
        if trace is not self.state.trace:
            return
        self.jobs.mark_shown("paths", (trace, side, unit_length))
        self._show_note("")
        self.paths = result
        labels = hidden_state_labels(trace, side)
        layers = projection.coords.shape[0]
        names = self.captions.layer_names(layers)
        self.controls.set_layers(layers, names)
        self.paths_plot.layer = self.controls.layer.value()
        self.paths_plot.set_paths(projection.coords, labels, names)
        self.paths_plot.set_axis_titles(*self.captions.axis_titles(projection, "PCA"))
        self.side_panel.set_tokens(labels)
        if self.selected_token >= len(labels):
            self.selected_token = -1
        self._describe()
        self._draw_3d()

    def _on_layer(self, layer: int) -> None:
        self.paths_plot.set_layer(layer)
        self._draw_3d()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # ---- selection and search ----
    def select(self, index: int) -> None:
        """Select a vocabulary entry: list and highlight its nearest neighbours in the full space."""
        if self.vocabulary is None or not 0 <= index < len(self.vocabulary):
            return
        self.selected = index
        found = self.vocabulary.neighbours.query(index, NEIGHBOURS)
        labels = self.vocabulary.labels
        self.vocabulary_plot.set_selection(index, found.ids)
        self.side_panel.show_selection(labels[index], index, found.ids, labels, found.scores)
        self._draw_3d()

    def select_token(self, position: int) -> None:
        """Prompt view: follow one token's path."""
        self.selected_token = position
        self.paths_plot.set_selected(position)
        self.side_panel.select_token(position)
        self._draw_3d()

    def search(self, text: str) -> None:
        if self.vocabulary is None:
            self._pending_search = text  # answered when the vocabulary arrives
            return
        index = find_token(self.vocabulary.labels, text)
        if index is None:
            self.side_panel.set_search_note(self.tr("No token matches “{text}”.").format(text=text))
            return
        self.side_panel.set_search_note("")
        self.select(index)
        self.vocabulary_plot.center_on(index)

    # ---- drawing ----
    def _show_current(self, three_d: bool) -> None:
        vocabulary_mode = self.controls.mode() == "vocabulary"
        if three_d and self.scene3d is not None:
            self.stack.setCurrentWidget(self.scene3d)
            self._draw_3d()
        else:
            self.stack.setCurrentWidget(self.vocabulary_plot if vocabulary_mode else self.paths_plot)
        self._describe()

    def _draw_3d(self) -> None:
        if self.scene3d is None or self.stack.currentWidget() is not self.scene3d:
            return
        if self.controls.mode() == "vocabulary" and self.vocabulary is not None:
            coords = self.vocabulary.projection.coords
            if coords.shape[1] >= 3:
                self.scene3d.show_cloud(coords, self.vocabulary.labels, self.vocabulary_plot.prompt_ids,
                                        self.selected, self.vocabulary_plot.neighbour_ids)
        elif self.controls.mode() == "prompt" and self.paths is not None and self.paths[3].components >= 3:
            self.scene3d.show_paths(self.paths[3].coords, self.paths_plot.labels, self.paths_plot.layer, self.selected_token)

    def _shown_dimensions(self) -> int:
        return 3 if self.scene3d is not None and self.stack.currentWidget() is self.scene3d else 2

    def _describe(self) -> None:
        method = self.controls.method.currentText()
        shown = self._shown_dimensions()
        if self.controls.mode() == "vocabulary" and self.vocabulary is not None:
            projection = self.vocabulary.projection
            self.description.setText(self.captions.vocabulary(projection, len(self.vocabulary), shown, method))
        elif self.controls.mode() == "prompt" and self.paths is not None:
            _trace, _side, unit_length, projection = self.paths
            self.description.setText(self.captions.paths(projection, len(self.paths_plot.labels), unit_length, shown))


if __name__ == "__main__":
    # python -m viz.ui.views.embeddings [MODEL] [TEXT] [--prompt] [--scale 2]
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.core.loading import load_model
    from viz.core.trace import TraceRequest, run_trace
    from viz.ui.state import AppState

    app = QApplication(sys.argv)
    argv = sys.argv[1:]
    scale = 1.0
    if "--scale" in argv:
        at = argv.index("--scale")
        scale = float(argv[at + 1])
        del argv[at : at + 2]
    args = [a for a in argv if not a.startswith("--")]
    source = args[0] if args else "demo-gpt2"
    text = args[1] if len(args) > 1 else "The return statement is used to leave a function and give a value back"
    state = AppState()
    loaded = load_model(source)
    state.model = loaded
    state.trace = run_trace(loaded, TraceRequest(text))
    view = EmbeddingsView(state)
    if scale != 1.0:  # as presentation mode does: a larger application font, then the view's scale
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
        view.set_scale(scale)
    view.resize(app.primaryScreen().availableSize() * 0.95)
    if "--prompt" in sys.argv:
        view.controls.set_mode("prompt")
    view.show()
    sys.exit(app.exec())
