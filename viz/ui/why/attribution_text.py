"""The input text with each token shaded by its attribution, and a bar list of the strongest tokens."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTextBrowser, QWidget

from viz.ui.numbers import locale
from viz.ui.why.colours import NEGATIVE, POSITIVE, readable_text_on, shade

BAR_ROWS = 20  # strongest tokens listed in the bars


def number(value: float, decimals: int = 3) -> str:
    return locale().toString(float(value), "f", decimals)


class AttributionText(QTextBrowser):
    """Tokens as shaded boxes; the tooltip of each gives its position and score."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self._shown = None

    def show_scores(self, labels: list[str], scores: np.ndarray, target_label: str = "") -> None:
        self._shown = (labels, scores, target_label)
        self._render()

    def clear_scores(self, message: str = "") -> None:
        self._shown = None
        self.setPlainText(message)

    def refresh(self) -> None:
        """Colours again after a theme change."""
        if self._shown is not None:
            self._render()

    def _render(self) -> None:
        labels, scores, target_label = self._shown
        largest = float(np.max(np.abs(scores))) if len(scores) else 0.0
        parts = []
        for i, (label, score) in enumerate(zip(labels, scores)):
            fill = shade(float(score), largest)
            ink = readable_text_on(fill)
            tip = self.tr("Position {i}: {score}").format(i=i + 1, score=number(score))
            parts.append(
                f'<span title="{html.escape(tip)}" style="background-color:{fill.name()};color:{ink.name()};">'
                f"{html.escape(label)}</span>"
            )
        tail = f' <b>→ {html.escape(target_label)}</b>' if target_label else ""
        self.setHtml(f'<p style="line-height:160%;font-size:140%;">{"&#8203;".join(parts)}{tail}</p>')


class AttributionBars(pg.PlotWidget):
    """The tokens with the largest |score|, strongest on top, orange raising and blue lowering the prediction."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        item = self.getPlotItem()
        item.invertY(True)
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7)
        item.addItem(self.bars)
        self.rows: list[list] = []
        self.apply_title()

    def apply_title(self) -> None:
        """The axis title in the axis text's colour (the theme's) and as large as the ticks (projector fonts)."""
        axis = self.getPlotItem().getAxis("bottom")
        self.getPlotItem().setLabel("bottom", self.tr("contribution to log-probability"),
                                    color=axis.textPen().color().name(),
                                    **{"font-size": f"{self.font().pointSizeF():.0f}pt"})

    def show_scores(self, labels: list[str], scores: np.ndarray) -> None:
        order = np.argsort(-np.abs(scores))[:BAR_ROWS]
        values = scores[order].astype(float)
        rows = np.arange(len(order), dtype=float)
        brushes = [pg.mkBrush(*(POSITIVE if v >= 0 else NEGATIVE)) for v in values]
        self.bars.setOpts(x0=np.minimum(values, 0), y=rows, width=np.abs(values), height=0.7, brushes=brushes)
        ticks = [(float(r), f"{labels[i].strip() or labels[i]} ({i + 1})") for r, i in zip(rows, order)]
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([ticks])
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setWidth(max((metrics.horizontalAdvance(t) for _r, t in ticks), default=20) + 16)
        low, high = float(min(values.min(initial=0), 0)), float(max(values.max(initial=0), 0))
        pad = 0.05 * max(high - low, 1e-9)
        self.getPlotItem().setRange(xRange=(low - pad, high + pad), yRange=(-0.6, max(len(order), 1) - 0.4), padding=0)

    def clear_scores(self) -> None:
        self.bars.setOpts(x0=[], y=[], width=[], brushes=None)
        self.getPlotItem().getAxis("left").setTicks([[]])
