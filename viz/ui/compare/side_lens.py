"""Each run's logit-lens grid (the top token per layer and position), run A above run B so that the columns of
one position line up; the two grids scroll together."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from viz.ui.lens.cell_grid import CellGrid, GridRow, sequential
from viz.ui.lens.text import cell_text, percent, quoted
from viz.ui.wrapped_label import WrappedLabel

TOKENS = "tokens"


class RunLens(QWidget):
    """One run's caption and grid; the pair puts both in one scroll area."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None  # viz.core.lens.LensResult
        self.caption = WrappedLabel("", self)
        self.grid = CellGrid(cell_chars=6, parent=self)
        self.grid.tooltip = self._tooltip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.grid)

    def show_result(self, result, caption: str, columns: int = 0) -> None:
        """`columns`: at least this many, so that the other run's grid above or below lines up with this one."""
        self.result = result
        self.caption.setText(caption)
        rows = []
        if result is not None:
            for layer in range(result.top_ids.shape[0] - 1, -1, -1):  # the last layer on top, as the model stacks them
                texts = [cell_text(result.text_of(i)) for i in result.top_ids[layer, :, 0]]
                label = self.tr("emb.") if layer == 0 else self.tr("L{0}").format(layer)  # short: more columns fit
                rows.append(GridRow(label, texts, sequential(np.asarray(result.top_probs[layer, :, 0], float)), layer))
            tokens = [cell_text(t) for t in result.tokens]
            rows.append(GridRow(self.tr("token"), tokens + [""] * (columns - len(tokens)), None, TOKENS))
        self.grid.set_rows(rows)

    def _tooltip(self, key, col: int) -> str:
        r = self.result
        if r is None:
            return ""
        if col >= len(r.tokens):
            return ""
        if key == TOKENS:
            return self.tr("Position {0}: {1}").format(col, quoted(r.tokens[col]))
        lines = [self.tr("Layer {0}, position {1} ({2})").format(key, col, quoted(r.tokens[col]))]
        lines += [f"{quoted(r.text_of(i))}  {percent(p)}" for i, p in zip(r.top_ids[key, col], r.top_probs[key, col])]
        return "\n".join(lines)


class LensPair(QWidget):
    """Run A's grid above run B's in one scroll area: one position's columns line up, and scroll together."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        inner = QWidget(self)
        self.run_a, self.run_b = RunLens(inner), RunLens(inner)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addWidget(self.run_a)
        inner_layout.addWidget(self.run_b)
        inner_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        for run in (self.run_a, self.run_b):
            run.grid.follow(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def show_results(self, results: tuple, captions: tuple[str, str]) -> None:
        columns = max(len(r.tokens) if r is not None else 0 for r in results)  # the same cells: columns line up
        self.run_a.show_result(results[0], captions[0], columns)
        self.run_b.show_result(results[1], captions[1], columns)

    def select(self, position: int) -> None:
        """Outline the token of `position` in both grids and scroll it into view."""
        for run in (self.run_a, self.run_b):
            run.grid.selected = (TOKENS, position)
            run.grid.update()
        if self.run_a.grid.rows:
            rect = self.run_a.grid.cell_rect(len(self.run_a.grid.rows) - 1, position)
            self.scroll.ensureVisible(rect.center().x(), self.scroll.verticalScrollBar().value(), rect.width(), 0)

    def results(self) -> tuple:
        return self.run_a.result, self.run_b.result
