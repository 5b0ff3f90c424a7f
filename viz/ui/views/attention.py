"""Attention view: every head at a glance, one head in detail, the head view's lines, and decoding steps."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from viz.core.attention import (
    HEAD_MAX,
    HEAD_MEAN,
    LINES_TOKEN_LIMIT,
    ONE_HEAD,
    ROLLOUT,
    attention_matrix,
    decoder_steps,
    is_causal,
    is_self_attention,
    lines_fit,
    masked_positions,
    trace_rollout,
)
from viz.core.head_patterns import even_weight, strongest_of, trace_pattern_scores
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF
from viz.ui.attention.heatmap import HeatmapDetail
from viz.ui.attention.kind_names import kind_names
from viz.ui.attention.lines import LinesPanel
from viz.ui.attention.overview import AttentionOverview, render_overview
from viz.ui.attention.steps import StepsPanel
from viz.ui.attention.style import lookup_table
from viz.ui.attention.toolbar import DETAIL, LINES, OVERVIEW, STEPS, AttentionToolbar
from viz.ui.views.base import View
from viz.ui.workers import LatestWorker

# Pooling up to 12 × 12 heads of 128 × 128 positions takes a few milliseconds; larger runs on a thread.
SYNCHRONOUS_OVERVIEW_LIMIT = 12 * 12 * 128 * 128


class AttentionView(View):
    key = "attention"
    knockout_requested = Signal(str, int, int)  # kind, layer, head: the Why tab knocks the head out

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.kind_titles = kind_names()
        self._compared = None  # see show_head_differences
        self.toolbar = AttentionToolbar(self)
        self.overview = AttentionOverview(self)
        self.detail = HeatmapDetail(self)
        self.lines = LinesPanel(self)
        self.steps = StepsPanel(self)
        self.message = QLabel(self.tr("Load a model and type a text to see where each token looks."), self)
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for widget in (self.message, self.overview, self.detail, self.lines, self.steps):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self._lut = lookup_table()
        self._overviews: dict[str, tuple] = {}  # kind -> (grid, rgba) of the current trace
        self._rollouts: dict[str, np.ndarray] = {}  # kind -> [layer, query, key] of the current trace
        self._model_shown: str | None = None  # a new model's first trace opens the overview
        self.overview_worker = LatestWorker("attention-overview", self)
        self.overview_worker.succeeded.connect(self._on_overview_ready)
        self.overview_worker.failed.connect(self._show_message)
        self.rollout_worker = LatestWorker("attention-rollout", self)
        self.rollout_worker.succeeded.connect(self._on_rollout_ready)
        self.rollout_worker.failed.connect(self._show_message)
        self.toolbar.changed.connect(self._refresh)
        self.overview.cell_clicked.connect(lambda layer, head: self.toolbar.set_head(layer, head, DETAIL))
        self.overview.knockout_requested.connect(lambda l, h: self.knockout_requested.emit(self.toolbar.kind, l, h))
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("AttentionView", "Attention")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("AttentionView",
            "Each head of each layer decides how much every token (a row, the query) takes from every token "
            "(a column, the key); each row adds up to 1. The overview shows all heads at once: diagonal stripes "
            "look at neighbours, vertical stripes at one token everyone uses. Open a head to read exact weights, "
            "or step through the output to see which input tokens each generated token looked at."
        )

    def show_head(self, kind: str, layer: int, head: int) -> None:
        """Open one head (0-based layer and head) of an attention kind in the detail view."""
        if self.state.trace is not None and kind in self.state.trace.kinds:
            self.toolbar.set_kind(kind)
        self.toolbar.set_head(layer, head, DETAIL)

    # state
    def _on_model(self, loaded) -> None:
        self._model_shown = None

    def _on_trace(self, trace) -> None:
        if trace is None or not trace.kinds:
            self._show_message(self.tr("This trace holds no attention weights."))
            return
        first = self._model_shown != trace.model_name
        self._model_shown = trace.model_name
        self._overviews.clear()
        self._rollouts.clear()
        self.overview_worker.cancel()
        self.rollout_worker.cancel()
        self.toolbar.configure(trace.kinds, trace.layer_count, trace.head_count, reset_mode=first)
        has_steps = DECODER_SELF in trace.kinds or CROSS in trace.kinds
        self.toolbar.set_mode_available(STEPS, has_steps, self._no_steps_reason())
        self._refresh()

    # showing
    def _refresh(self) -> None:
        trace = self.state.trace
        if trace is None or not trace.kinds:
            return
        kind, mode = self.toolbar.kind, self.toolbar.mode
        self.toolbar.set_mode_available(
            LINES, lines_fit(trace, kind),
            self.tr("The line view is offered for up to {limit} tokens.").format(limit=LINES_TOKEN_LIMIT),
        )
        if mode == STEPS and not self.toolbar.mode_available(STEPS):
            self._show_message(self._no_steps_reason())
            return
        if mode == OVERVIEW:
            self._show_overview(trace, kind)
            return
        if mode == STEPS and kind == ENCODER_SELF and CROSS in trace.kinds:
            self.toolbar.set_kind(CROSS)  # emits `changed`: the steps of an encoder-decoder are its cross-attention
            return
        if mode == LINES and not lines_fit(trace, kind):
            self.lines.show_too_long(max(trace.attention_shape(kind)[-2:]))
            self.stack.setCurrentWidget(self.lines)
            return
        matrix = self._matrix(trace, kind)
        if matrix is None:
            self._show_message(self.tr("Computing the rollout…"))
            return
        queries, keys = trace.labels(kind)
        masked = masked_positions(trace, kind, self.toolbar.layer)
        if mode == DETAIL:
            scale_title = self.tr("attention flow (rollout)") if self.toolbar.aggregate == ROLLOUT else None
            self.detail.show_matrix(matrix, queries, keys, masked, self._title(kind), self._axis_titles(kind),
                                    scale_title)
            self.stack.setCurrentWidget(self.detail)
        elif mode == LINES:
            self.lines.show_matrix(matrix, queries, keys, self._title(kind))
            self.stack.setCurrentWidget(self.lines)
        elif mode == STEPS:
            what = self._title(kind)
            self.steps.show_steps(decoder_steps(trace, kind), matrix, queries, keys, masked, kind == CROSS, what)
            self.stack.setCurrentWidget(self.steps)
            self.steps.setFocus()

    def show_head_differences(self, compared) -> None:
        """What the Compare tab found for one text in two runs: (model A, text, run B's name, {kind: [layer, head]
        total variation}), or None. The overview's hover names each head's difference while that run is shown."""
        self._compared = compared
        if self.state.trace is not None:
            self._apply_differences(self.state.trace, self.toolbar.kind)

    def _apply_differences(self, trace, kind: str) -> None:
        compared = self._compared
        if compared is None or (compared[0], compared[1]) != (trace.model_name, trace.text) or kind not in compared[3]:
            self.overview.set_differences(None)
        else:
            self.overview.set_differences(compared[3][kind], compared[2])

    def _show_overview(self, trace, kind: str) -> None:
        self._apply_differences(trace, kind)
        if kind in self._overviews:
            grid, rgba = self._overviews[kind]
            self.overview.show_grid(grid, rgba, self._overview_title(trace, kind), max(trace.attention_shape(kind)[-2:]))
            self._show_patterns(trace, kind)
            self.stack.setCurrentWidget(self.overview)
            return
        job = (trace, kind, self._lut)
        # A small overview on screen is made at once (no thread hop, no flicker); one that nobody sees yet, in
        # a hidden tab, waits for the worker so the GUI thread stays free (a retrace after a paste, say).
        if np.prod(trace.attention_shape(kind)) <= SYNCHRONOUS_OVERVIEW_LIMIT and self.isVisible():
            self._on_overview_ready(_overview_job(*job))
            return
        self.overview.set_pending(self.tr("Preparing the thumbnails…"))
        self.stack.setCurrentWidget(self.overview)
        self.overview_worker.submit(_overview_job, *job)

    def _show_patterns(self, trace, kind: str) -> None:
        if not is_self_attention(kind):  # queries and keys are different texts: no "previous" or "itself"
            self.overview.show_patterns([], 0.0)
            return
        causal = is_causal(kind)
        scores = trace_pattern_scores(trace, kind, causal)  # from the overview's summary: no second pass
        even = even_weight(trace.attention_shape(kind)[-1], causal)
        # a head no stronger than an even spread shows no pattern: it is left out rather than called strongest
        self.overview.show_patterns([h for h in strongest_of(scores) if h.score > even], even, scores, causal)

    def _on_overview_ready(self, result) -> None:
        trace, kind, grid, rgba = result
        if trace is not self.state.trace:
            return
        self._overviews[kind] = (grid, rgba)
        if self.toolbar.kind == kind and self.toolbar.mode == OVERVIEW:
            self._show_overview(trace, kind)

    def _matrix(self, trace, kind: str) -> np.ndarray | None:
        """The `[query, key]` matrix for the toolbar's choice; None while a rollout is computed."""
        aggregate, layer = self.toolbar.aggregate, self.toolbar.layer
        if aggregate != ROLLOUT:
            return attention_matrix(trace, kind, layer, self.toolbar.head, aggregate)
        if kind not in self._rollouts:
            # A job that ends before `submit` returns delivers its result inside `submit`.
            self.rollout_worker.submit(_rollout_job, trace, kind)
            if kind not in self._rollouts:
                return None
        return self._rollouts[kind][layer]

    def _on_rollout_ready(self, result) -> None:
        trace, kind, flows = result
        if trace is self.state.trace:
            self._rollouts[kind] = flows
            self._refresh()

    def _no_steps_reason(self) -> str:
        return self.tr(
            "An encoder reads all its tokens at once, so there are no decoding steps to walk through. "
            "Use Detail or Lines to see where each token looks."
        )

    def _title(self, kind: str) -> str:
        layer, head, aggregate = self.toolbar.layer + 1, self.toolbar.head + 1, self.toolbar.aggregate
        name = self.kind_titles[kind]
        if aggregate == ONE_HEAD:
            title = self.tr("{kind} · layer {l} · head {h}").format(kind=name, l=layer, h=head)
            trace = self.state.trace
            groups = trace.attention_groups(kind) if trace is not None else 1
            if groups > 1:  # grouped-query attention: say which heads read the same keys
                first = (head - 1) // groups * groups + 1
                title += " · " + self.tr("shares keys and values with heads {a}–{b}").format(a=first, b=first + groups - 1)
            return title
        if aggregate == HEAD_MEAN:
            return self.tr("{kind} · layer {l} · mean of the heads").format(kind=name, l=layer)
        if aggregate == HEAD_MAX:
            return self.tr("{kind} · layer {l} · max of the heads").format(kind=name, l=layer)
        return self.tr("{kind} · rollout through layers 1–{l}").format(kind=name, l=layer)

    def _overview_title(self, trace, kind: str) -> str:
        """The kind, and under grouped-query attention how many query heads share each key/value head."""
        groups = trace.attention_groups(kind)
        if groups <= 1:
            return self.kind_titles[kind]
        heads = trace.attention_shape(kind)[1]
        return self.tr("{kind} · {h} query heads, {g} per key/value head").format(
            kind=self.kind_titles[kind], h=heads, g=groups
        )

    def _axis_titles(self, kind: str) -> tuple[str, str]:
        if kind == CROSS:
            return self.tr("query: output token"), self.tr("key: input token")
        return self.tr("query: the token that looks"), self.tr("key: the token looked at")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    # export and presentation
    def busy(self) -> bool:
        """Still preparing thumbnails or a rollout: a headless export should process events until False."""
        return self.overview_worker.busy or self.rollout_worker.busy

    # sessions
    def settings(self) -> dict:
        bar = self.toolbar
        return {"kind": bar.kind, "mode": bar.mode, "layer": bar.layer, "head": bar.head,
                "aggregate": bar.aggregate, "step": self.steps.index}

    def apply_settings(self, settings: dict) -> None:
        bar = self.toolbar
        if settings.get("kind") in bar.kind_buttons and bar.kind_buttons[settings["kind"]].isEnabled():
            bar.set_kind(settings["kind"])
        if isinstance(settings.get("layer"), int) and isinstance(settings.get("head"), int):
            bar.set_head(settings["layer"], settings["head"])
        if settings.get("aggregate"):
            bar.set_aggregate(settings["aggregate"])
        if settings.get("mode") in bar.mode_buttons:
            bar.set_mode(settings["mode"])
        if isinstance(settings.get("step"), int) and self.steps.steps:
            self.steps.set_step(settings["step"])

    def shutdown(self) -> None:
        self.overview_worker.shutdown()
        self.rollout_worker.shutdown()

    def export_widget(self) -> QWidget:
        return self.stack.currentWidget()

    def set_presenting(self, on: bool) -> None:
        self.overview.set_presenting(on)
        self.detail.set_presenting(on)

    def pages(self) -> list:
        return [OVERVIEW, DETAIL, LINES, STEPS]

    def show_page(self, page) -> None:
        self.toolbar.set_mode(page)

    def export_tables(self) -> dict[str, list[list]]:
        trace = self.state.trace
        if trace is None or not trace.kinds:
            return {}
        kind, layer, aggregate = self.toolbar.kind, self.toolbar.layer, self.toolbar.aggregate
        tables = {}
        if aggregate == ROLLOUT and kind in self._rollouts:
            matrix = self._rollouts[kind][layer]
        else:
            matrix = attention_matrix(trace, kind, layer, self.toolbar.head, aggregate)
        queries, keys = trace.labels(kind)
        header = [self.tr("query \\ key")] + keys
        tables["attention"] = [header] + [[q] + [float(w) for w in row] for q, row in zip(queries, matrix)]
        maxima = trace.attention_summary(kind).head_max  # [layer, head]
        heads = [self.tr("head {h}").format(h=h + 1) for h in range(maxima.shape[1])]
        tables["head_maxima"] = [[self.tr("layer")] + heads] + [
            [layer + 1] + [float(v) for v in row] for layer, row in enumerate(maxima)
        ]
        if is_self_attention(kind):
            scores = trace_pattern_scores(trace, kind, is_causal(kind))  # pattern -> [layer, head]
            if scores:
                names = self.overview.pattern_names()
                tables["head_patterns"] = [[self.tr("layer"), self.tr("head")] + [names[p] for p in scores]] + [
                    [layer + 1, head + 1] + [float(values[layer, head]) for values in scores.values()]
                    for layer in range(maxima.shape[0]) for head in range(maxima.shape[1])
                ]
        return tables

    def set_scale(self, factor: float) -> None:
        for panel in (self.overview, self.detail, self.lines, self.steps):
            panel.set_scale(factor)


def _overview_job(trace, kind, lut):
    grid, rgba = render_overview(trace, kind, lut)
    return trace, kind, grid, rgba


def _rollout_job(trace, kind):
    return trace, kind, trace_rollout(trace, kind)  # [layer, query, key]


def _preview() -> int:
    """Run alone: `python -m viz.ui.views.attention [MODEL] [TEXT] [--target TEXT] [--mode MODE] [--scale F]`."""
    import argparse

    from PySide6.QtCore import QTimer

    from viz.core.resources import DEFAULT_MODEL
    from viz.ui.views.standalone import open_alone, run_alone

    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=DEFAULT_MODEL)
    parser.add_argument("text", nargs="?", default="The return statement is used to leave a function and give a value")
    parser.add_argument("--target", default=None)
    parser.add_argument("--mode", default=OVERVIEW, choices=(OVERVIEW, DETAIL, LINES, STEPS))
    parser.add_argument("--kind", default=None, choices=(ENCODER_SELF, DECODER_SELF, CROSS))
    parser.add_argument("--aggregate", default=None, choices=(ONE_HEAD, HEAD_MEAN, HEAD_MAX, ROLLOUT))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    app, state, view = open_alone(AttentionView, args.scale)

    def arrange(_trace) -> None:
        if args.kind:
            view.toolbar.set_kind(args.kind)
        if args.aggregate:
            view.toolbar.set_aggregate(args.aggregate)
        view.toolbar.set_mode(args.mode)

    state.trace_changed.connect(lambda trace: QTimer.singleShot(0, lambda: arrange(trace)))
    return run_alone(app, state, view, args.model, args.text, args.target)


if __name__ == "__main__":
    raise SystemExit(_preview())
