"""The Compare tab's Side by side page: run A beside run B, as tokens, one attention head, the next-token
candidates at one position, or the logit lens. The lens grids are made the first time Lens is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QStackedWidget, QVBoxLayout, QWidget

from viz.ui.attention.kind_names import kind_names
from viz.ui.compare.runs import lens_pair
from viz.ui.compare.side_attention import AttentionPair
from viz.ui.compare.side_lens import LensPair
from viz.ui.compare.side_next import NextTokensPair
from viz.ui.compare.side_text import SideTexts
from viz.ui.compare.side_tokens import TokensPair
from viz.ui.flow_layout import flow_row, keep_together
from viz.ui.workers import LatestWorker
from viz.ui.wrapped_label import WrappedLabel

TOKENS, ATTENTION, NEXT, LENS = "tokens", "attention", "next", "lens"
CHOICES = (TOKENS, ATTENTION, NEXT, LENS)


class SidePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.texts = SideTexts(self)
        self.choice = QComboBox(self)
        for key, name in ((TOKENS, self.tr("Tokens")), (ATTENTION, self.tr("Attention")),
                          (NEXT, self.tr("Next token")), (LENS, self.tr("Lens"))):
            self.choice.addItem(name, key)
        self.kind = QComboBox(self)
        self.layer, self.head, self.position = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.layer_box = keep_together(self, QLabel(self.tr("Layer"), self), self.layer)
        self.head_box = keep_together(self, QLabel(self.tr("Head"), self), self.head)
        self.position_box = keep_together(self, QLabel(self.tr("Position"), self), self.position)
        self.result = WrappedLabel("", self)
        self.result.setVisible(False)  # shown while it has something to say: an empty line would cost the pictures
        self.tokens, self.attention = TokensPair(self), AttentionPair(self)
        self.next_tokens, self.lens = NextTokensPair(self), LensPair(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for panel in (self.tokens, self.attention, self.next_tokens, self.lens, self.message):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(flow_row([self.choice, self.kind, self.layer_box, self.head_box, self.position_box]))
        layout.addWidget(self.result)
        layout.addWidget(self.stack, 1)
        self.outcome = None  # viz.ui.compare.runs.Outcome with its `side` pair
        self.comparison = None
        self.captions = ("A", "B")
        self.lens_results: tuple | None = None
        self.lens_worker = LatestWorker("compare-lens", self)
        self.lens_worker.succeeded.connect(self._on_lens)
        self.lens_worker.failed.connect(self._on_lens_failed)
        self.presenting = False
        self._wanted: dict = {}  # restored from a session: applied to the next comparison where it fits
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.kind.currentIndexChanged.connect(self._on_head)
        self.layer.valueChanged.connect(self._on_head)
        self.head.valueChanged.connect(self._on_head)
        self.position.valueChanged.connect(lambda value: self.set_position(value - 1))  # shown from 1, like rows
        self.tokens.position_chosen.connect(self.set_position)
        self.clear(self.tr("Compare two runs to see them side by side."))

    # content
    def clear(self, message: str) -> None:
        self.lens_worker.cancel()
        self.outcome = self.comparison = self.lens_results = None
        self.message.setText(message)
        self._note("")
        self._show_controls()
        self.stack.setCurrentWidget(self.message)

    def show_outcome(self, outcome, captions: tuple[str, str]) -> None:
        pair = outcome.side
        self.lens_worker.cancel()
        self.outcome, self.comparison, self.captions, self.lens_results = outcome, outcome.comparison, captions, None
        names = kind_names()
        for widget in (self.kind, self.layer, self.head, self.position):
            widget.blockSignals(True)
        current_kind = self._wanted.pop("kind", None) or self.kind.currentData()
        self.kind.clear()
        for kind in pair.kinds:
            self.kind.addItem(names.get(kind, kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current_kind)))
        self._fit_heads(self._wanted.pop("layer", None), self._wanted.pop("head", None))
        count = self.positions()
        self.position.setRange(1, max(1, count))
        wanted = self._wanted.pop("position", None)
        flips = [i for i in range(count) if self.comparison.flips[i]]
        default = flips[0] if flips else count - 1
        self.position.setValue((wanted if isinstance(wanted, int) and 0 <= wanted < count else default) + 1)
        for widget in (self.kind, self.layer, self.head, self.position):
            widget.blockSignals(False)
        self.tokens.show_pair(pair, captions)
        self._on_choice()

    def positions(self) -> int:
        """Positions both the comparison and the two traces have (the spin box's range)."""
        if self.outcome is None:
            return 0
        return min(len(self.comparison.kl), self.outcome.side.positions)

    def set_position(self, position: int) -> None:
        """Show `position` (from 0), as a click in the KL chart or the positions table asks."""
        if self.outcome is None or not 0 <= position < self.positions():
            return
        self.position.blockSignals(True)
        self.position.setValue(position + 1)
        self.position.blockSignals(False)
        self.tokens.select(position)
        self._draw()
        self.lens.select(position)

    def current_position(self) -> int:
        return self.position.value() - 1

    def current_choice(self) -> str:
        return self.choice.currentData()

    # drawing
    def _on_choice(self, *_args) -> None:
        self._show_controls()
        if self.outcome is None:
            return
        if self.current_choice() == LENS and self.lens_results is None and not self.lens_worker.busy:
            loaded_a, loaded_b = self.outcome.lens_models
            pair = self.outcome.side
            self.lens_worker.submit(lens_pair, loaded_a, pair.trace_a, loaded_b, pair.trace_b, self.outcome.lens_b,
                                    label=self.tr("Looking through the lens…"))
        self.set_position(self.current_position())

    def _on_head(self, *_args) -> None:
        if self.outcome is not None and self.sender() is self.kind:
            self._fit_heads(self.layer.value() - 1, self.head.value() - 1)
        self._draw()

    def _fit_heads(self, layer, head) -> None:
        kind = self.kind.currentData()
        layers, heads = self.outcome.side.heads(kind) if kind else (1, 1)
        for spin, value, count in ((self.layer, layer, layers), (self.head, head, heads)):
            spin.blockSignals(True)
            spin.setRange(1, max(1, count))
            spin.setValue(value + 1 if isinstance(value, int) and 0 <= value < count else spin.value())
            spin.blockSignals(False)

    def _show_controls(self) -> None:
        choice, ready = self.current_choice(), self.outcome is not None
        self.kind.setVisible(ready and choice == ATTENTION and self.kind.count() > 1)
        self.layer_box.setVisible(ready and choice == ATTENTION and self.kind.count() > 0)
        self.head_box.setVisible(ready and choice == ATTENTION and self.kind.count() > 0)
        self.position_box.setVisible(ready and choice == NEXT)

    def _draw(self) -> None:
        if self.outcome is None:
            return
        pair, choice, texts = self.outcome.side, self.current_choice(), self.texts
        self.stack.setToolTip("")
        if choice == TOKENS:
            self._note(texts.tokens_note(pair))
            self.stack.setToolTip(texts.tokens_hint())
            self.stack.setCurrentWidget(self.tokens)
        elif choice == ATTENTION:
            kind = self.kind.currentData()
            if kind is None:
                self._say(texts.no_attention())
                return
            layer, head = self.layer.value() - 1, self.head.value() - 1
            self.attention.show_head(pair, kind, layer, head, self.captions, texts.axis_titles(kind))
            self._note(texts.head_note(pair.head_difference(kind, layer, head)))
            self.stack.setCurrentWidget(self.attention)
        elif choice == NEXT:
            self._draw_next(pair)
        elif self.lens_results is None:
            self._say(self.tr("Looking through the lens…") if self.lens_worker.busy else "")
        else:
            self.lens.show_results(self.lens_results, texts.lens_captions(self.captions, self.lens_results,
                                                                          self.outcome.lens_b_error))
            self._explain(texts.lens_note(self.lens_results))
            self.stack.setCurrentWidget(self.lens)

    def _draw_next(self, pair) -> None:
        position = self.current_position()
        if not 0 <= position < self.positions():
            self._say(self.tr("The two runs have no position to compare."))
            return
        c = self.comparison
        flipped = bool(c.flips[position])
        self.next_tokens.show_position(pair, position, self.captions, flipped)
        self._note(self.texts.next_note(c, position, pair.trace_a.family))
        self.stack.setCurrentWidget(self.next_tokens)

    def _note(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def _explain(self, text: str) -> None:
        """A note that only explains: while presenting it moves to the picture's tooltip, leaving the room."""
        self._note("" if self.presenting else text)
        self.stack.setToolTip(text if self.presenting else "")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._note("")
        self.stack.setCurrentWidget(self.message)

    def _on_lens(self, results) -> None:
        self.lens_results = results
        if self.current_choice() == LENS:
            self.set_position(self.current_position())

    def _on_lens_failed(self, message: str) -> None:
        if self.current_choice() == LENS:
            self._say(message)

    # export, presentation, sessions
    def picture(self) -> QWidget:
        return self.stack.currentWidget()

    def table(self) -> list[list]:
        """The next-token candidates of both runs at the chosen position."""
        position = self.current_position()
        if self.outcome is None or not 0 <= position < self.positions():
            return []
        a, b = (self.outcome.side.next_tokens(run, position) for run in ("a", "b"))
        rows = [["position", "rank", "token A", "probability A", "token B", "probability B"]]
        return rows + [[position, k + 1, a.labels[k], float(a.probs[k]), b.labels[k], float(b.probs[k])]
                       for k in range(min(len(a.ids), len(b.ids)))]

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        self._draw()

    def set_scale(self, factor: float) -> None:
        self.attention.set_scale(factor)
        self.next_tokens.set_scale(factor)

    def busy(self) -> bool:
        return self.lens_worker.busy

    def shutdown(self) -> None:
        self.lens_worker.shutdown()

    def settings(self) -> dict:
        return {"choice": self.current_choice(), "kind": self.kind.currentData(), "layer": self.layer.value() - 1,
                "head": self.head.value() - 1, "position": self.current_position()}

    def apply_settings(self, settings: dict) -> None:
        if settings.get("choice") in CHOICES:
            self.choice.setCurrentIndex(self.choice.findData(settings["choice"]))
        wanted = {key: settings[key] for key in ("layer", "head", "position")
                  if type(settings.get(key)) is int and settings[key] >= 0}
        if isinstance(settings.get("kind"), str):
            wanted["kind"] = settings["kind"]
        if self.outcome is None:
            self._wanted = wanted
            return
        if wanted.get("kind") is not None and self.kind.findData(wanted["kind"]) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(wanted["kind"]))
        self._fit_heads(wanted.get("layer"), wanted.get("head"))
        if "position" in wanted:
            self.set_position(wanted["position"])
        self._draw()
