"""Why this token? Which input tokens, heads and activations made the model predict a token."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QTabWidget, QVBoxLayout, QWidget

from viz.ui.views.base import View
from viz.ui.why import runs
from viz.ui.why.attribution_page import AttributionPage
from viz.ui.why.jobs import WhyJobs
from viz.ui.why.knockout_page import KnockoutPage
from viz.ui.why.patching_page import PatchingPage

ATTRIBUTION, KNOCKOUT, PATCHING = range(3)


class WhyView(View):
    key = "why"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.spec = runs.TargetSpec()  # the prediction explained
        self.target = None  # its WhyTarget once a worker resolved it
        self._stale = False  # the trace changed while the tab was hidden
        self.headline = QLabel(self.tr("Load a model and type a text; then ask why it predicts a token."), self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.PlainText)
        self.message = QLabel(self)
        self.message.setObjectName("errorBanner")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.attribution = AttributionPage(self)
        self.knockout = KnockoutPage(self)
        self.patching = PatchingPage(self)
        self.why_pages = QTabWidget(self)
        self.why_pages.addTab(self.attribution, self.tr("Input tokens"))
        self.why_pages.addTab(self.knockout, self.tr("Heads"))
        self.why_pages.addTab(self.patching, self.tr("Patching"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        self.progress_row = QWidget(self)
        self.progress_row.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.progress_row.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        layout.addWidget(self.why_pages, 1)
        layout.addWidget(self.progress_row)
        self.jobs = {name: WhyJobs(self) for name in ("attribution", "knockout", "patching")}
        for jobs in self.jobs.values():
            jobs.succeeded.connect(self._on_result)
            jobs.failed.connect(self._show_error)
            jobs.progress.connect(lambda value: self.progress.setValue(round(value * 1000)))
            jobs.busy_changed.connect(self._on_busy)
        self.cancel_button.clicked.connect(self.cancel)
        self.attribution.run_requested.connect(self._run_attribution)
        self.knockout.heads_changed.connect(self._run_knockout)
        self.knockout.scan_requested.connect(self._run_scan)
        self.patching.run_requested.connect(self._run_patching)
        self.set_scale(1.0)
        self.catch_up()

    # view protocol
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("WhyView", "Why")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("WhyView",
            "Why did the model predict this token? Input tokens: how much each token raised (orange) or lowered "
            "(blue) its log-probability. Heads: knock heads out and see the prediction change; a scan tries each "
            "head alone. Patching: run a corrupted prompt and put back the clean run's activations one layer and "
            "position at a time, to find where the answer is carried."
        )

    def busy(self) -> bool:
        if self._stale and self._ready():  # asked before it was ever shown (a headless export): start now
            self._run_all()
        return any(jobs.busy for jobs in self.jobs.values())

    def shutdown(self) -> None:
        for jobs in self.jobs.values():
            jobs.shutdown()

    def pages(self) -> list:
        return list(range(self.why_pages.count()))

    def show_page(self, page) -> None:
        self.why_pages.setCurrentIndex(page)

    def export_widget(self) -> QWidget:
        page = self.why_pages.currentWidget()
        return getattr(page, "picture", page)

    def export_tables(self) -> dict[str, list[list]]:
        tables = {}
        if self.attribution.rows():
            tables["attribution"] = self.attribution.rows()
        tables.update(self.knockout.rows())
        if self.patching.rows():
            tables["patching"] = self.patching.rows()
        return tables

    def settings(self) -> dict:
        return {**self.attribution.settings(), "page": self.why_pages.currentIndex(),
                "corrupted": self.patching.corrupted.text()}

    def apply_settings(self, settings: dict) -> None:
        self.attribution.apply_settings(settings)
        if isinstance(settings.get("corrupted"), str):
            self.patching.corrupted.setText(settings["corrupted"])
        if isinstance(settings.get("page"), int) and 0 <= settings["page"] < self.why_pages.count():
            self.why_pages.setCurrentIndex(settings["page"])

    def set_scale(self, factor: float) -> None:
        bold = QFont()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.knockout.grid.set_line_width(max(2.0, 3.0 * factor))
        self.attribution.refresh_colours()  # the theme may have changed too
        self.patching.refresh_colours()
        self.knockout.grid.refresh()

    # entry points for other views (through the main window)
    def explain(self, position: int | None = None, token_id: int | None = None) -> None:
        """Explain the current trace's prediction at `position` for `token_id` (None: the defaults)."""
        if self.state.trace is None:
            return
        self.spec = runs.TargetSpec(self.state.trace, position, token_id)
        self.why_pages.setCurrentIndex(ATTRIBUTION)
        self._run_all()

    def explain_target(self, target) -> None:
        """Explain a ready `viz.core.why.target.WhyTarget` (a candidate of the sampling lab)."""
        self.spec = runs.TargetSpec(target=target)
        self.why_pages.setCurrentIndex(ATTRIBUTION)
        self._run_all()

    def knock_out_head(self, kind: str, layer: int, head: int) -> None:
        """Toggle one head (from the attention overview) and show the knock-out page."""
        self.why_pages.setCurrentIndex(KNOCKOUT)
        self.knockout.select_kind(kind)
        if self.spec.trace is None and self.spec.target is None and self.state.trace is not None:
            self.spec = runs.TargetSpec(self.state.trace)
        self.knockout.toggle(layer, head, kind)

    def cancel(self) -> None:
        for jobs in self.jobs.values():
            jobs.cancel()

    # state
    def _on_model(self, loaded) -> None:
        from viz.core.why.components import head_grid
        from viz.core.why.target import WhyError

        self.cancel()
        self.spec, self.target = runs.TargetSpec(), None
        self.attribution.clear()
        self.knockout.clear()
        self.patching.clear()
        try:
            self.knockout.configure(head_grid(loaded))
        except WhyError as exc:
            self.knockout.configure({})
            self._show_error(str(exc))

    def _on_trace(self, trace) -> None:
        self.cancel()
        loaded = self.state.model
        if trace is None or loaded is None:
            return
        if not loaded.has_lm_head:
            self.headline.setText(self.tr("This model has no language-model head, so there is no prediction to explain."))
            return
        self.spec, self.target = runs.TargetSpec(trace), None
        self._stale = True
        if self.isVisible():
            self._run_all()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._run_all()

    # running
    def _run_all(self) -> None:
        self._stale = False
        self._show_error("")
        self._run_attribution()
        self._run_knockout()
        if self.patching.corrupted.text().strip():
            self._run_patching()

    def _ready(self) -> bool:
        return self.state.model is not None and (self.spec.trace is not None or self.spec.target is not None)

    def _run_attribution(self) -> None:
        if self._ready():
            from viz.core.why.attribution import import_captum

            import_captum()  # here, not on the worker thread (see its note); a no-op after the first time
            s = self.attribution.settings()
            self._submit("attribution", runs.attribute, (self.spec, s["method"], s["steps"], s["baseline"]))

    def _run_knockout(self) -> None:
        if self._ready():
            self._submit("knockout", runs.knock_out,
                         (self.spec, self.knockout.knocked_out(), self.knockout.mode.currentData()))

    def _run_scan(self) -> None:
        kind = self.knockout.current_kind()
        if self._ready() and kind is not None:
            self._submit("knockout", runs.scan, (self.spec, kind, self.knockout.mode.currentData()))

    def _run_patching(self) -> None:
        if self._ready():
            self.patching.clear()
            self.why_pages.setCurrentIndex(PATCHING)
            self._submit("patching", runs.patch,
                         (self.spec, self.patching.corrupted.text(), self.patching.measure.currentData()))

    def _submit(self, name: str, fn, job) -> None:
        self._show_error("")  # an error belongs to the run that made it
        self.jobs[name].submit(fn, self.state.model, job)

    def _on_result(self, explained) -> None:
        self.target = explained.target
        self.spec = runs.TargetSpec(target=explained.target)  # later runs explain the same prediction
        self._show_headline(explained)
        if explained.kind == "attribution":
            self.attribution.show_result(explained.result, list(explained.input_labels), explained.token_label)
        elif explained.kind == "knockout":
            self.knockout.show_result(explained.result, explained.labels, explained.token_label)
        elif explained.kind == "scan":
            self.knockout.show_scan(explained.result)
            self._run_knockout()  # the distribution of the heads knocked out, under the map
        else:
            foil = explained.labels.get(explained.result.foil_id, "")
            self.patching.show_result(explained.result, list(explained.input_labels), explained.token_label, foil)

    def _show_headline(self, explained) -> None:
        target = explained.target
        labels = explained.input_labels
        token = explained.token_label
        if target.family == "encoder-only":
            text = self.tr("Why “{token}” at position {i} (“{at}”)?").format(
                token=token, i=target.position + 1, at=labels[target.position])
        elif target.encoder_decoder:
            text = self.tr("Why “{token}” as output token {i}? Scores are over the input tokens.").format(
                token=token, i=target.position + 1)
        else:
            text = self.tr("Why “{token}” after “{at}” (position {i})?").format(
                token=token, at=labels[target.row], i=target.position + 1)
        self.headline.setText(text)

    def _on_busy(self, _busy: bool) -> None:
        self.progress_row.setVisible(any(jobs.busy for jobs in self.jobs.values()))

    def _show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
