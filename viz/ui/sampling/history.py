"""The steps taken so far: which token was drawn, how likely it was, and under which settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Token"), self.tr("Probability"), self.tr("Rank"), self.tr("Settings")])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)

    def show_steps(self, steps) -> None:
        self.setRowCount(len(steps))
        self.setVerticalHeaderLabels([str(step.index) for step in steps])  # the step number
        for row, step in enumerate(steps):
            cells = (
                step.label,
                f"{step.probability:.1%}",
                str(step.rank),
                self.describe(step.settings),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.setItem(row, column, item)
        if steps:
            self.scrollToBottom()

    def rows(self, steps) -> list[list]:
        """The history as a CSV table."""
        header = ["step", "position", "token", "token_id", "probability", "rank", "greedy", "temperature", "top_k", "top_p", "seed"]
        body = [
            [s.index, s.position + 1, s.label, s.token_id, s.probability, s.rank, s.settings.greedy,
             s.settings.temperature, s.settings.top_k, s.settings.top_p, s.settings.seed]
            for s in steps
        ]
        return [header] + body

    def describe(self, settings) -> str:
        if settings.greedy:
            return self.tr("greedy")
        top_k = str(settings.top_k) if settings.top_k else self.tr("off")
        return self.tr("T {t:.2f} · k {k} · p {p:.2f} · seed {seed}").format(
            t=settings.temperature, k=top_k, p=settings.top_p, seed=settings.seed
        )
