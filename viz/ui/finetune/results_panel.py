"""Before and after, per task (forgetting), and every held-out example with its scores."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSizePolicy, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from viz.ui.finetune.labels import metric_name, number, percent, task_name, task_short_name

METRICS = ("exact", "rouge1", "rouge2", "rougeL", "bleu")
RISE, FALL = "#009E73", "#D55E00"


def _table(parent, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


def _item(text: str, align=Qt.AlignLeft | Qt.AlignVCenter) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(align)
    return item


def _value(metric: str, value: float, decimals: int = 1) -> str:
    return percent(value, decimals) if metric == "exact" else number(value)


def _two_lines(name: str) -> str:
    """"exact match" -> "exact\nmatch", "ROUGE-1" -> "ROUGE\n1": a narrow column header."""
    return name.replace(" ", "\n", 1) if " " in name else name.replace("-", "\n", 1)


class ForgettingTable(QWidget):
    """One row per task, one column per metric: "before → after", coloured by the change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.note = QLabel(self.tr("Train to see how each task's held-out scores change."), self)
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        # Headers and cells take two lines ("ROUGE" over "1", "before" over "→ after") and tasks have short names;
        # where six columns still do not fit (a 1024-pixel projector), ROUGE-1 and ROUGE-2 step aside (_fit_columns).
        self.table = _table(self, [self.tr("Task")] + [_two_lines(metric_name(m)) for m in METRICS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)  # short task names, full ones in tooltips
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.result = None

    def show_result(self, result, trained_key: str) -> None:
        self.result = result
        self.table.setRowCount(0)
        after = result.after
        for task in result.before.tasks:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = task_name(task.key) if task.key != "custom" else task.name
            cell = _item(task_short_name(task.key) if task.key != "custom" else task.name)
            if task.key == trained_key:
                name = self.tr("{task} (tuned on)").format(task=name)
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
            cell.setToolTip(name)
            self.table.setItem(row, 0, cell)
            tuned = after.task(task.key) if after else None
            for col, metric in enumerate(METRICS, 1):
                old = getattr(task.mean, metric)
                if tuned is None:
                    self.table.setItem(row, col, _item(_value(metric, old, 0), Qt.AlignCenter))
                    continue
                new = getattr(tuned.mean, metric)
                item = _item(f"{_value(metric, old, 0)}\n→ {_value(metric, new, 0)}", Qt.AlignCenter)
                if abs(new - old) >= 0.005:
                    item.setForeground(QColor(RISE if new > old else FALL))
                self.table.setItem(row, col, item)
        self._fit_columns()
        self.note.setText(self.tr("Held-out examples, never trained on: the tuned task (in bold) should rise; the "
                                  "others show what was forgotten.") if after else self.tr("Cancelled: scores before only."))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:  # filled while hidden, its width then was not the one it shows at
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_columns)

    def changeEvent(self, event) -> None:  # a new font (presentation mode, zoom)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column when they fit the table's width; otherwise without ROUGE-1 and ROUGE-2 (the Examples tab
        and the export keep them), whose header tooltips say where they went."""
        header = self.table.horizontalHeader()
        needed = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in range(len(METRICS) + 1))
        narrow = needed > self.table.viewport().width() > 0
        for metric in ("rouge1", "rouge2"):
            self.table.setColumnHidden(1 + METRICS.index(metric), narrow)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # once the stretched columns have their new widths

    def table_rows(self) -> list[list]:
        if self.result is None:
            return []
        rows = [["task"] + [f"{m}_{w}" for m in METRICS for w in ("before", "after")]]
        for task in self.result.before.tasks:
            tuned = self.result.after.task(task.key) if self.result.after else None
            row = [task.key]
            for m in METRICS:
                row += [getattr(task.mean, m), getattr(tuned.mean, m) if tuned else ""]
            rows.append(row)
        return rows


class ExamplesTable(QWidget):
    """Every held-out example: the answer before and after, with the after-answer's scores; above it, a wrong
    answer that ROUGE still rates highly."""

    # The prompt comes last: it is the longest column and the answers matter most on a narrow screen.
    HEADERS = ("task", "reference", "before", "after", "exact", "rouge1", "rouge2", "rougeL", "bleu", "prompt")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.misleading = QLabel(self)
        self.misleading.setWordWrap(True)
        self.misleading.setTextFormat(Qt.RichText)
        self.misleading.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.table = _table(self, [self.tr("Task"), self.tr("Reference"), self.tr("Before"), self.tr("After")]
                            + [metric_name(m) for m in METRICS] + [self.tr("Prompt")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.misleading)
        layout.addWidget(self.table, 1)
        self.rows: list[list] = []

    def show_result(self, result) -> None:
        from viz.core.finetune.evaluation import misleading_example

        self.rows = []
        self.table.setRowCount(0)
        final = result.after or result.before
        for task in final.tasks:
            before = result.before.task(task.key)
            for i, example in enumerate(task.examples):
                old = before.examples[i].output if before else ""
                scores = [getattr(example.scores, m) for m in METRICS]
                self.rows.append([task.key, example.reference, old, example.output, *scores, example.prompt])
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                is_score = 4 <= c < 4 + len(METRICS)
                text = _value(METRICS[c - 4], value) if is_score else str(value)
                item = _item(text, Qt.AlignCenter if is_score else Qt.AlignLeft | Qt.AlignVCenter)
                if c == 3:
                    item.setForeground(QColor(RISE if row[4] else FALL))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        example = misleading_example(result.after, result.before)
        if example is None:
            self.misleading.setText(self.tr("Every answer is exactly right: no wrong answer to show."))
            return
        s = example.scores
        self.misleading.setText(self.tr(
            "<b>A wrong answer that still scores well:</b> “{output}” for “{reference}”: ROUGE-1 {r1}, "
            "ROUGE-L {rl}, BLEU {bleu}, but exact match 0. Overlap metrics count shared words, not correctness."
        ).format(output=example.output.replace("<", "&lt;"), reference=example.reference.replace("<", "&lt;"),
                 r1=number(s.rouge1), rl=number(s.rougeL), bleu=number(s.bleu)))

    def table_rows(self) -> list[list]:
        return [list(self.HEADERS)] + self.rows if self.rows else []
