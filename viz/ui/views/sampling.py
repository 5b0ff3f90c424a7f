"""Sampling lab: the next-token distribution, reshaped live by temperature, top-k and top-p, and stepped."""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QMenu, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from viz.core.file_values import settings_number
from viz.core.sampling import SamplingSettings, filter_distribution
from viz.ui.branching.panel import BranchPanel
from viz.ui.flow_layout import FlowLayout, keep_together, vertical_scroll
from viz.ui.sampling.chart import DistributionChart
from viz.ui.sampling.controls import SamplingControls
from viz.ui.sampling.history import HistoryTable
from viz.ui.sampling.legend import ChartLegend, distribution_rows
from viz.ui.sampling.ranked_rows import RankedRows
from viz.ui.sampling.runner import GenerationRunner
from viz.ui.sampling.step_buttons import StepButtons
from viz.ui.sampling.summary import SummaryPanel
from viz.ui.sampling.token_strip import TokenStrip
from viz.ui.views.base import View

MAX_CANDIDATES = 50
PRESENTING_CONTROLS_FONT = 0.8  # the controls beside the chart, on a projector, relative to the text
RANKED_CACHE = 8  # positions whose sorted logits are kept (about 1 MB each for a 50k vocabulary)


class SamplingView(View):
    key = "sampling"
    why_requested = Signal(object)  # a viz.core.why.target.WhyTarget: "Why this token?" on a candidate

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.sequence = None  # LabSequence being explored
        self.position: int | None = None  # whose distribution is shown
        self.distribution = None  # the Distribution on screen
        self._ranked = RankedRows(RANKED_CACHE, MAX_CANDIDATES)  # the last few positions' sorted logits
        self._run_length = 0
        self._drawn_for = None  # the trace the sequence was started from; a hidden tab waits until it is shown
        self._build()
        self.runner = GenerationRunner(self)
        self.runner.advanced.connect(self._on_advanced)
        self.runner.running_changed.connect(self._update_buttons)
        self.runner.failed.connect(self._show_message)
        self.buttons.cancel.connect(self.runner.cancel)
        self.controls.changed.connect(self._redraw)
        self.strip.position_chosen.connect(self.set_position)
        self.chart.fit_changed.connect(self._redraw)
        self.chart.setContextMenuPolicy(Qt.CustomContextMenu)
        self.chart.customContextMenuRequested.connect(self._on_chart_menu)
        self._update_buttons()
        self.catch_up()

    def _build(self) -> None:
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)  # a long decoder headline wraps rather than widen the window
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("Probabilities"), "probabilities")
        self.mode_combo.addItem(self.tr("Logits"), "logits")
        self.count_spin = QSpinBox(self, minimum=5, maximum=MAX_CANDIDATES, value=15)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        choices = FlowLayout()  # wraps under a projector's font instead of squeezing its labels
        choices.addWidget(keep_together(self, QLabel(self.tr("Bars show"), self), self.mode_combo))
        choices.addWidget(keep_together(self, QLabel(self.tr("Candidates"), self), self.count_spin))
        top.addLayout(choices)
        self.strip = TokenStrip(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.chart = DistributionChart(self)
        self.legend = ChartLegend(self)
        self.controls = SamplingControls(self)
        self.summary = SummaryPanel(self)
        self.buttons = StepButtons(self)
        self.history = HistoryTable(self)
        side = QWidget(self)
        self.side = side
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.controls, self.summary, self.buttons):
            side_layout.addWidget(widget)
        side_layout.addWidget(self.history, 1)
        plot_side = QWidget(self)
        self.plot_side = plot_side
        plot_layout = QVBoxLayout(plot_side)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.chart, 1)
        plot_layout.addWidget(self.legend)
        # The controls scroll when a projector's font makes them taller than the screen, so that the chart
        # and its legend keep their room.
        side_scroll = vertical_scroll(side)
        # Branches: another candidate at a generated token, continued from there (a tab beside the chart).
        self.branches = BranchPanel(self.state, self)
        self.chart_pages = QTabWidget(self)
        self.chart_pages.addTab(plot_side, self.tr("Distribution"))
        self.chart_pages.addTab(self.branches, self.tr("Branches"))
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.chart_pages)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 440])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.buttons.step.connect(lambda: self.run_steps(1))
        self.buttons.generate.connect(self.run_steps)
        self.buttons.undo.connect(self.undo)
        self.buttons.reset.connect(self.reset)
        self.mode_combo.currentIndexChanged.connect(lambda: self.legend.set_mode(self.mode_combo.currentData()))
        self.mode_combo.currentIndexChanged.connect(self._redraw)
        self.count_spin.valueChanged.connect(self._redraw)
        self.set_scale(1.0)

    # view protocol
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SamplingView", "Sampling")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("SamplingView",
            "The bars are the model's most likely next tokens at the chosen position, after temperature. "
            "Coloured bars survive top-k and top-p; grey hatched ones are cut, and the next token is drawn "
            "only from the coloured ones, with the outlined probabilities. Diamonds show the distribution "
            "before temperature; Step draws a token, adds it and runs the model again."
        )

    def export_widget(self) -> QWidget:
        # the whole tab: the headline saying which position is shown, the token strip, the chart (or the
        # branches) and the settings that shaped it; the chart alone would not say what it shows
        return self

    def main_picture(self) -> QWidget:
        return self.chart

    def set_presenting(self, on: bool) -> None:
        """On a projector the class reads the chart; the controls beside it, which the lecturer works, are
        set a little smaller so the chart gets more of the width."""
        self._presenting = on
        self.set_scale(self._scale)

    def export_tables(self) -> dict[str, list[list]]:
        tables = {}
        if self.distribution is not None:
            tables["distribution"] = distribution_rows(self.distribution, *self._candidates())
        if self.sequence is not None and self.sequence.steps:
            tables["history"] = self.history.rows(self.sequence.steps)
        if self.branches.tree_data is not None:
            tables["branches"] = self.branches.table()
        return tables

    def settings(self) -> dict:
        s = self.controls.settings()
        return {"temperature": s.temperature, "top_k": s.top_k, "top_p": s.top_p, "greedy": s.greedy,
                "seed": s.seed, "mode": self.mode_combo.currentData(), "candidates": self.count_spin.value()}

    def apply_settings(self, settings: dict) -> list[str]:
        """Numbers from the file are moved into each control's range; the lines say which were."""
        from viz.ui.sampling.controls import TEMPERATURE_RANGE

        controls, notes = self.controls, []
        current = controls.settings()
        ranges = (
            ("temperature", TEMPERATURE_RANGE, False), ("top_k", (0, controls.top_k_spin.maximum()), True),
            ("top_p", (controls.top_p_spin.minimum(), 1.0), False), ("seed", (0, controls.seed_spin.maximum()), True),
        )
        values = {key: settings_number(settings, key, low, high, whole, notes) for key, (low, high), whole in ranges}
        greedy = settings.get("greedy", current.greedy)
        controls.set_settings(SamplingSettings(
            **{key: getattr(current, key) if value is None else value for key, value in values.items()},
            greedy=greedy if isinstance(greedy, bool) else current.greedy,
        ))
        index = self.mode_combo.findData(settings.get("mode")) if isinstance(settings.get("mode"), str) else -1
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)
        count = settings_number(settings, "candidates", self.count_spin.minimum(), self.count_spin.maximum(), True, notes)
        if count is not None:
            self.count_spin.setValue(count)
        return notes

    def set_scale(self, factor: float) -> None:
        self._scale = factor
        # A style sheet, not setFont: under the application's style sheet children take their font from it.
        if getattr(self, "_presenting", False):
            size = QApplication.font().pointSizeF() * PRESENTING_CONTROLS_FONT
            self.side.setStyleSheet(f"font-size: {size:.1f}pt;")
        elif self.side.styleSheet():
            self.side.setStyleSheet("")
        self.chart.set_scale(factor)
        self.strip.set_scale(factor)
        self.summary.set_scale(factor)
        bold = QFont()
        bold.setBold(True)  # only the weight, so the size follows the application font
        self.headline.setFont(bold)
        side = max(300, self.side.minimumSizeHint().width() + 24)  # the controls unclipped; the chart gets the rest
        sizes = self.splitter.sizes()
        total = sum(sizes) or self.width()
        if total > side and (len(sizes) < 2 or sizes[1] < side):  # widen only: keep what the user dragged
            self.splitter.setSizes([total - side, side])

    def shutdown(self) -> None:
        """Stop the generation worker (the window calls this when it closes)."""
        self.runner.shutdown()
        self.branches.shutdown()

    # state
    def _on_model(self, loaded) -> None:
        self.runner.cancel()
        self._clear(self.tr("Running the model…"))

    def _on_trace(self, trace) -> None:
        from viz.core.generation import default_position, start_sequence

        self.runner.cancel()
        loaded = self.state.model
        if trace is None or loaded is None:
            self._clear("")
            return
        if not trace.has_logits:
            self._clear(self.tr("This model has no language-model head, so it gives no token probabilities."))
            return
        self.sequence, self.position = None, None  # a top-k clamped to a new vocabulary redraws nothing stale
        self._ranked.clear()
        self.controls.set_vocab_size(trace.vocab_size)
        if not self.isVisible():  # drawn when the tab is opened: a retrace keeps the GUI thread free
            self._drawn_for = None
            return
        self._drawn_for = trace
        self.sequence = start_sequence(loaded, trace)
        self._show_sequence(default_position(loaded, self.sequence))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.state.trace is not None and self._drawn_for is not self.state.trace:
            self._on_trace(self.state.trace)

    def _clear(self, message: str) -> None:
        self.sequence, self.position, self.distribution = None, None, None
        self._ranked.clear()
        self.strip.clear()
        self.headline.clear()
        self.chart.clear_distribution()
        self.summary.clear()
        self.history.show_steps(())
        self._show_message(message)
        self._update_buttons()

    # positions and drawing
    def set_position(self, position: int | None) -> None:
        self.position = position
        self.strip.set_current(position)
        self._redraw()

    def _show_sequence(self, position: int | None) -> None:
        from viz.core.generation import mask_positions

        loaded, sequence = self.state.model, self.sequence
        masks = mask_positions(loaded, sequence)
        self.strip.show_sequence(sequence.labels, position, sequence.changed, masks, self._strip_tooltip())
        self.history.show_steps(sequence.steps)
        if position is None and sequence.family.value == "encoder-only":
            mask = loaded.tokenizer.mask_token or "[MASK]"
            self._show_message(
                self.tr("There is no {mask} in the text: type {mask} where the model should fill in a word, "
                        "or click a token to see what the model predicts there.").format(mask=mask)
            )
        else:
            self._show_message("")
        self.set_position(position)
        self._update_buttons()

    def _redraw(self, *_args) -> None:
        """Recompute the filtered distribution and draw it: runs on every control change."""
        if self.sequence is None or self.position is None:
            self.distribution = None
            self.chart.clear_distribution()
            self.summary.clear()
            self.headline.setText(self._headline())
            return
        ranked, _labels = self._ranked_at(self.position)
        self.distribution = filter_distribution(ranked, self.controls.settings())
        ids, labels = self._candidates()
        self.chart.show_distribution(self.distribution, ids, labels, self.mode_combo.currentData())
        self.summary.show_distribution(self.distribution)
        self.headline.setText(self._headline())

    def _ranked_at(self, position: int):
        return self._ranked.get(self.sequence.rows[position], self.state.model.tokenizer)

    def _candidates(self):
        """The top candidates shown: as many as asked for, or as fit the chart's height."""
        ranked, labels = self._ranked_at(self.position)
        n = min(self.count_spin.value(), self.chart.rows_that_fit())
        return ranked.top(n), labels[:n]

    def _headline(self) -> str:
        if self.sequence is None or self.position is None:
            return ""
        token = self.sequence.labels[self.position]
        n = len(self.sequence.ids)
        family = self.sequence.family.value
        if family == "encoder-only":
            return self.tr("What the model predicts at “{token}” (position {i} of {n})").format(
                token=token, i=self.position + 1, n=n)
        if family == "encoder-decoder":
            return self.tr("Next output token after “{token}” (output position {i} of {n})").format(
                token=token, i=self.position + 1, n=n)
        return self.tr("Next token after “{token}” (position {i} of {n})").format(token=token, i=self.position + 1, n=n)

    def _strip_tooltip(self) -> str:
        if self.sequence.family.value == "encoder-only":
            return self.tr("Position {position}: click to see the model's prediction here")
        return self.tr("Position {position}: click to see the distribution of the token after it")

    # "Why this token?"
    def candidate_at(self, pos: QPoint) -> int | None:
        """The candidate id of the bar row under `pos` (chart coordinates); the top one off the bars."""
        if self.sequence is None or self.position is None:
            return None
        ids, _labels = self._candidates()
        point = self.chart.getPlotItem().vb.mapSceneToView(self.chart.mapToScene(pos))
        row = round(point.y())
        return int(ids[row]) if 0 <= row < len(ids) else (int(ids[0]) if len(ids) else None)

    def ask_why(self, token_id: int) -> None:
        from viz.core.why.target import target_for_sequence

        if self.sequence is not None and self.position is not None:
            self.why_requested.emit(target_for_sequence(self.sequence, self.position, token_id))

    def _on_chart_menu(self, pos: QPoint) -> None:
        token_id = self.candidate_at(pos)
        if token_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Why this token?"), lambda: self.ask_why(token_id))
        menu.exec(self.chart.mapToGlobal(pos))

    # generation
    def run_steps(self, count: int) -> None:
        """Step `count` times from the end (a masked LM: fill the chosen or first mask), one token at a time."""
        if self.sequence is None or self.runner.running:
            return
        self._run_length = count
        self._show_message("")
        self.runner.start(count, self._next_job)

    def undo(self) -> None:
        self.runner.cancel()
        if self.sequence is not None and self.sequence.previous is not None:
            self._replace_sequence(self.sequence.previous)

    def reset(self) -> None:
        self.runner.cancel()
        if self.sequence is not None:
            self._replace_sequence(self.sequence.root())

    def _next_job(self):
        from viz.core.generation import choose, ended, step_position

        loaded, sequence = self.state.model, self.sequence
        if loaded is None or sequence is None:
            return None
        if self._run_length > 1 and ended(loaded, sequence):
            self._show_message(self.tr("Generation stopped at the end-of-sequence token."))
            return None
        position = step_position(loaded, sequence, self.position)
        if position is None:
            self._show_message(self._why_no_step())
            return None
        if position != self.position:
            self.set_position(position)  # show the distribution the token is drawn from
        return loaded, sequence, choose(loaded, sequence, position, self.distribution)

    def _why_no_step(self) -> str:
        if self.sequence.family.value == "encoder-only":
            return self.tr("No mask left to fill: undo, reset, or type another mask in the text.")
        return self.tr("The sequence has reached the model's {n} positions.").format(n=self.state.model.max_positions())

    def _on_advanced(self, sequence) -> None:
        self._replace_sequence(sequence)

    def _replace_sequence(self, sequence) -> None:
        from viz.core.generation import default_position

        self.sequence = sequence
        self._show_sequence(default_position(self.state.model, sequence))

    def _update_buttons(self, *_args) -> None:
        ready = self.sequence is not None
        self.buttons.update_state(ready, self.runner.running, ready and bool(self.sequence.steps))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _preview() -> int:
    """Run alone: `python -m viz.ui.views.sampling [MODEL] [TEXT] [--temperature T] [--top-k K]
    [--top-p P] [--steps N] [--mode logits] [--scale F]`."""
    import argparse

    from viz.core.resources import DEFAULT_MODEL
    from viz.core.sampling import SamplingSettings
    from viz.ui.views.standalone import open_alone, run_alone

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
    app, state, view = open_alone(SamplingView, args.scale)
    view.controls.set_settings(SamplingSettings(args.temperature, args.top_k, args.top_p))
    view.mode_combo.setCurrentIndex(view.mode_combo.findData(args.mode))
    if args.steps:
        state.trace_changed.connect(lambda _trace: view.run_steps(args.steps))
    return run_alone(app, state, view, args.model, args.text)


if __name__ == "__main__":
    raise SystemExit(_preview())
