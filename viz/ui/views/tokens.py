"""Tokens view: the text as the model's tokens, with ids, bytes, and other tokenizers side by side."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from viz.ui.numbers import decimal, integer
from viz.ui.tokens.chip_flow import TokenFlow
from viz.ui.tokens.compare_panel import ComparePanel
from viz.ui.tokens.source_text import SourceText
from viz.ui.tokens.style import scaled_font
from viz.ui.tokens.token_details import TokenDetails
from viz.ui.views.base import View


class TokensView(View):
    key = "tokens"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._scheme = None
        self._tokens: tuple = ()
        self._trace = None
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.source = SourceText(self)
        self.flow = TokenFlow(self)
        self.flow_scroll = QScrollArea(self)
        self.flow_scroll.setWidgetResizable(True)
        self.flow_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.flow_scroll.setWidget(self.flow)
        self.details = TokenDetails(self)
        self.compare = ComparePanel(self)
        chips = QWidget(self)
        chips_layout = QHBoxLayout(chips)
        chips_layout.setContentsMargins(0, 0, 0, 0)
        chips_layout.addWidget(self.flow_scroll, 1)
        self.details_scroll = QScrollArea(self)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QScrollArea.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(self.details)
        chips_layout.addWidget(self.details_scroll)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.counts_label)
        top_layout.addWidget(self.source)
        top_layout.addWidget(chips, 1)
        self.splitter = QSplitter(Qt.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.compare)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._splitter_moved = False  # once the user drags it, the split is theirs
        self._presenting = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_splitter_moved", True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._fit_fonts()
        self.flow.height_changed.connect(lambda _height: self._balance())
        self.compare.compared.connect(lambda _comparison: self._balance())
        self.flow.hovered.connect(self._on_pointed)
        self.flow.selected.connect(self._on_pointed)
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("TokensView", "Tokens")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("TokensView",
            "A model never sees letters: the tokenizer cuts the text into pieces from its vocabulary and the "
            "model receives their ids. Each chip is one token, with the id beneath; ␣ marks a space that belongs "
            "to the token and ‐ a piece that continues a word. Point at a chip to light up its characters; below, "
            "other tokenizers cut the same text differently."
        )

    # state
    def _on_model(self, loaded) -> None:
        from viz.core.tokenization_scheme import describe_tokenizer

        self._scheme = describe_tokenizer(loaded.tokenizer)
        self.compare.set_model(loaded.name, loaded.path)

    def _on_trace(self, trace) -> None:
        from viz.core.tokenization import display_segments, display_tokens, seen_text, token_counts
        from viz.core.tokenization_scheme import TokenizerScheme

        self._trace = trace
        scheme = self._scheme or TokenizerScheme()
        self._tokens = display_tokens(trace.text, trace.tokens, scheme)
        segments = display_segments(self._tokens)
        self.flow.set_tokens(self._tokens, segments)
        # After a cut to the model's length, the text shown and compared is what the model sees: the rest of a
        # long paste would cost layout and tokenizer time for nothing on screen (the notice says it was cut).
        seen = seen_text(trace.text, trace.tokens, trace.truncated)
        self.source.set_text(seen, segments)
        self.details.show_token(None)
        self._show_counts(token_counts(trace.text, trace.tokens, trace.truncated))
        self.compare.compare(seen)
        self._balance()

    def _show_counts(self, counts) -> None:
        line = self.tr(
            "{chars} characters ({bytes} bytes in UTF-8) → {tokens} tokens ({special} special) · "
            "{ratio} characters per token"
        ).format(
            chars=integer(counts.characters),
            bytes=integer(counts.utf8_bytes),
            tokens=integer(counts.tokens),
            special=integer(counts.special),
            ratio=decimal(counts.characters_per_token, 2),
        )
        if counts.truncated:
            line += " " + self.tr("(cut to the model's length: the counts are of the tokens the model sees)")
        self.counts_label.setText(line)

    def _on_pointed(self, index: int) -> None:
        if index < 0:
            index = self.flow.selected_index()
        token = self._tokens[index] if 0 <= index < len(self._tokens) else None
        self.details.show_token(token, len(self._tokens))
        if token is None or token.end <= token.start:
            self.source.light_up(None)
        else:
            self.source.light_up(token.start, token.end)

    def busy(self) -> bool:
        """Still comparing tokenizers in the background (headless export waits for it)."""
        return self.compare.worker.busy

    def shutdown(self) -> None:
        self.compare.worker.shutdown()

    # export
    def export_tables(self) -> dict[str, list[list]]:
        tables = {}
        if self._tokens:
            rows = [["index", "id", "piece", "shown", "start", "end", "text", "special", "bytes"]]
            rows += [
                [t.index, t.id, t.piece, t.label, t.start, t.end, t.source, t.special, t.hex_bytes()]
                for t in self._tokens
            ]
            tables["tokens"] = rows
        comparison = self.compare.comparison()
        if comparison is not None:
            rows = [["tokenizer", "kind", "vocabulary", "characters", "tokens", "special", "characters_per_token"]]
            rows += [
                [r.name, r.scheme.description, r.scheme.vocab_size, r.counts.characters, r.counts.tokens,
                 r.counts.special, round(r.counts.characters_per_token, 4)]
                for r in comparison.rows if not r.error
            ]
            tables["tokenizers"] = rows
        return tables

    def settings(self) -> dict:
        return {"selected_token": self.flow.selected_index(), "compare_off": self.compare.unchecked()}

    def apply_settings(self, settings: dict) -> None:
        off = settings.get("compare_off")
        if isinstance(off, list):
            self.compare.set_unchecked([str(name) for name in off])
        selected = settings.get("selected_token")
        if isinstance(selected, int):
            self.flow.set_selected(selected)

    def set_scale(self, factor: float) -> None:
        """Chips and the aligned rows size themselves from the inherited font, which presentation mode
        enlarges; the few widgets with a font of their own follow it here."""
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        base = QApplication.font()
        self.counts_label.setFont(scaled_font(base, 1.15))
        self.source.setFont(scaled_font(base, 1.35))
        self.source.setFixedHeight(round(QFontMetricsF(self.source.font()).lineSpacing() * 3.3) + 12)
        self._fit_details()

    def _fit_details(self) -> None:
        """About 36-48 characters for a token's details, but never more than a third of a narrow view (the F1
        panel open on a projector), where the chips need the width."""
        width = QFontMetricsF(QApplication.font()).averageCharWidth()
        narrow = int(self.width() * 0.34) if self.width() > 0 else round(width * 36)
        self.details_scroll.setMinimumWidth(min(round(width * 36), narrow))
        self.details_scroll.setMaximumWidth(max(min(round(width * 48), narrow), self.details_scroll.minimumWidth()))

    def _balance(self) -> None:
        """Give the chips the height they need (up to 60 %) and the comparison the rest."""
        total = self.splitter.height()
        if self._splitter_moved or total <= 0:
            return
        chips = self.flow.minimumHeight() + 2 * self.flow_scroll.frameWidth()
        # a token's details take nine lines; on a projector they scroll instead, and the tokenizer rows get the room
        details = 0 if self._presenting else round(QFontMetricsF(self.details.font()).lineSpacing() * 9)
        top = self.counts_label.sizeHint().height() + self.source.height() + max(chips, details) + 24
        bottom = self.compare.needed_height()
        if top + bottom > total:  # both cannot have all they need: the tokenizer rows' first line comes first
            top = max(total - bottom, int(total * 0.5))
        top = min(top, int(total * 0.6))
        self.splitter.setSizes([top, total - top])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_details()
        self._balance()

    def set_presenting(self, on: bool) -> None:
        self._presenting = on
        self.compare.set_presenting(on)
        self._balance()


def _preview() -> None:  # python -m viz.ui.views.tokens [MODEL] [--text TEXT] [--scale 2]
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import DEFAULT_MODEL
    from viz.core.trace import TraceRequest, run_trace
    from viz.ui.state import AppState

    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=DEFAULT_MODEL)
    parser.add_argument("--text", default="Tokenizers cut őrülten ünnepélyes text 🙂 into pieces: unbelievably, 2026!")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    if args.scale != 1.0:
        app.setFont(scaled_font(app.font(), args.scale))
    state = AppState()
    state.model = load_model(LoadRequest(args.model, device="cpu"))
    state.text = args.text
    state.trace = run_trace(state.model, TraceRequest(args.text))
    view = TokensView(state)
    view.set_scale(args.scale)
    view.resize(1500, 950)
    view.show()
    code = app.exec()
    state.shutdown()
    view.compare.worker.shutdown()
    sys.exit(code)


if __name__ == "__main__":
    _preview()
