"""The answer's probability under each k: a chart on a log scale and a table beside it."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from viz.ui.quantization.charts import ScaledPlot
from viz.ui.scale.numbers import decimal

translate = QCoreApplication.translate
LINE_COLOR = "#0072B2"
GREEDY_COLOR = "#009E73"


def probability_text(p: float) -> str:
    if p >= 0.001:
        return decimal(100 * p, 1) + " %"
    return f"{decimal(p / 10 ** math.floor(math.log10(p)), 1)}e{math.floor(math.log10(p))}" if p > 0 else "0"


class ShotsChart(ScaledPlot):
    def __init__(self, parent=None):
        super().__init__(parent, title=translate("FewShot", "Probability of the reference answer"),
                         bottom=translate("FewShot", "examples in the prompt (k)"),
                         left=translate("FewShot", "P(answer)"), legend=False)
        self.plotItem.setLogMode(False, True)
        self.setMenuEnabled(False)
        self.result = None
        self._drawn_share = self.text_share
        self.on_resize = self._on_resize

    def _on_resize(self) -> None:
        if self.result is not None and abs(self.text_share - self._drawn_share) > 0.01:
            self.redraw()  # the point labels follow the narrower title size

    def show_result(self, result) -> None:
        self.result = result
        self.redraw()

    def set_scale(self, factor: float) -> None:
        super().set_scale(factor)
        if getattr(self, "result", None) is not None:
            self.redraw()

    def redraw(self) -> None:
        item = self.plotItem
        item.clear()
        scores = self.result.scores if self.result is not None else ()
        if not scores:
            return
        ks = [s.shots for s in scores]
        ps = [max(s.probability, 1e-30) for s in scores]
        item.plot(ks, ps, pen=self.pen(LINE_COLOR), symbol="o", symbolSize=self.symbol_size(11),
                  symbolBrush=[GREEDY_COLOR if s.greedy_match else LINE_COLOR for s in scores], symbolPen=None)
        font = self.font()
        font.setPointSizeF(self.base_point_size() * self.scale_factor * 0.9 * self.text_share)
        self._drawn_share = self.text_share
        low, high = math.log10(min(ps)), math.log10(max(ps))
        for score, p in zip(scores, ps):
            above = math.log10(p) < (low + high) / 2 or high - low < 0.5  # the highest points' labels go below
            label = pg.TextItem(translate("FewShot", "{p}\nrank {rank}").format(
                p=probability_text(score.probability), rank=score.first_token_rank),
                color=pg.getConfigOption("foreground"), anchor=(0.5, 1.15) if above else (0.5, -0.15))
            label.setFont(font)
            label.setPos(score.shots, math.log10(p))
            item.addItem(label)
        self.getAxis("bottom").setTicks([[(k, str(k)) for k in (0, 1, 2, 4)]])
        item.setRange(xRange=(-0.7, 4.7), yRange=(min(low, -1) - 0.5, max(high, low + 1) + 1.3), padding=0)


class ShotsTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([self.tr("k"), self.tr("P(answer)"), self.tr("log P"),
                                        self.tr("rank of 1st token"), self.tr("greedy says it")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.rows: list[list] = []
        self._fit_rows(4)

    def _fit_rows(self, rows: int) -> None:
        """Exactly as tall as its rows (four k), so the chart above keeps the rest."""
        row = self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows * row + 2 * self.frameWidth())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_rows(max(4, self.rowCount()))

    def show_result(self, result) -> None:
        yes, no = self.tr("yes"), self.tr("no")
        self.rows = [[s.shots, s.probability, s.logprob, s.first_token_rank, s.greedy_match] for s in result.scores]
        shown = [[str(s.shots), probability_text(s.probability), decimal(s.logprob, 2), str(s.first_token_rank),
                  yes if s.greedy_match else no] for s in result.scores]
        too_long = self.tr("prompt longer than the model's {n} positions").format(n=result.limit)
        for k in result.too_long:
            self.rows.append([k, "", "", "", ""])
            shown.append([str(k), too_long, "", "", ""])
        self.clearSpans()
        self.setRowCount(len(shown))
        for row, cells in enumerate(shown):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.setItem(row, column, cell)
            if cells[1] == too_long:
                self.setSpan(row, 1, 1, 4)
        self._fit_rows(max(4, self.rowCount()))

    def table(self) -> list[list]:
        return [["k", "probability", "log probability", "rank of first token", "greedy match"]] + self.rows
