"""The calculator's figures as a table: section, quantity, value and the formula behind it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from viz.core.scale.calculator import ScaleResult
from viz.core.scale.parallel import STRATEGY_NAMES
from viz.ui.scale.numbers import count, decimal, gigabytes, scientific

translate = QCoreApplication.translate


def result_rows(result: ScaleResult) -> list[tuple[str, str, float, str, str]]:
    """(section, quantity, value, value as shown, how) for every figure; memory values in bytes."""
    request, training = result.request, result.training
    rows = []
    section = translate("Scale", "Inference (weights only)")
    for dtype, size in result.inference.items():
        rows.append((section, dtype, size, gigabytes(size), translate("Scale", "parameters × bytes per weight")))
    section = translate("Scale", "Training, one copy (Adam, mixed precision)")
    rows += [
        (section, translate("Scale", "weights (fp16/bf16)"), training.weights, gigabytes(training.weights),
         translate("Scale", "2 bytes × parameters")),
        (section, translate("Scale", "gradients (fp16/bf16)"), training.gradients, gigabytes(training.gradients),
         translate("Scale", "2 bytes × parameters")),
        (section, translate("Scale", "optimizer states"), training.optimizer, gigabytes(training.optimizer),
         translate("Scale", "12 bytes × parameters: fp32 weights, momentum, variance (ZeRO, 2020)")),
        (section, translate("Scale", "activations"), training.activations, gigabytes(training.activations),
         _activation_note(result)),
        (section, translate("Scale", "total"), training.total, gigabytes(training.total), ""),
    ]
    section = translate("Scale", "Per GPU on {n} GPUs").format(n=request.gpus)
    for split in result.per_gpu:
        rows.append((section, STRATEGY_NAMES[split.strategy], split.total, gigabytes(split.total),
                     _split_note(split.strategy)))
    section = translate("Scale", "Compute")
    rows += [
        (section, translate("Scale", "training tokens"), result.tokens, count(result.tokens),
         translate("Scale", "as entered") if request.tokens else translate("Scale", "20 × parameters (Chinchilla)")),
        (section, translate("Scale", "training FLOPs"), result.flops, scientific(result.flops),
         translate("Scale", "6 × parameters × tokens (Kaplan et al., 2020)")),
        (section, translate("Scale", "petaFLOP/s-days"), result.pf_days,
         decimal(result.pf_days, 1 if result.pf_days < 100 else 0),
         translate("Scale", "FLOPs ÷ (10^15 × 86 400)")),
        (section, translate("Scale", "Chinchilla-optimal tokens"), result.optimal_tokens, count(result.optimal_tokens),
         translate("Scale", "20 × parameters (Hoffmann et al., 2022)")),
        (section, translate("Scale", "optimal size for {flops} FLOPs").format(flops=scientific(result.budget_flops)),
         result.optimal_parameters, count(result.optimal_parameters),
         translate("Scale", "√(budget ÷ 120), trained on {tokens} tokens").format(
             tokens=count(result.optimal_tokens_for_budget))),
    ]
    return rows


def _activation_note(result: ScaleResult) -> str:
    request = result.request
    if not request.shape.has_architecture:
        return translate("Scale", "needs layers, hidden size and heads")
    if request.recompute:
        return translate("Scale", "2·s·b·h per layer, full recomputation (Korthikanti et al., 2022)")
    note = translate("Scale", "s·b·h·(34 + 5·a·s/h) per layer, b = {b}, s = {s} (Korthikanti et al., 2022)")
    return note.format(b=request.batch, s=request.sequence)


def _split_note(strategy: str) -> str:
    return {
        "ddp": translate("Scale", "every GPU holds all: 16Ψ + activations"),
        "zero1": translate("Scale", "optimizer states sharded: 4Ψ + 12Ψ/N"),
        "zero2": translate("Scale", "and gradients: 2Ψ + 14Ψ/N"),
        "zero3": translate("Scale", "and weights: 16Ψ/N"),
        "fsdp": translate("Scale", "full shard, as ZeRO-3: 16Ψ/N"),
    }[strategy]


class ResultsTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Quantity"), self.tr("Value")])
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.rows: list[tuple[str, str, float, str, str]] = []

    def show_result(self, result: ScaleResult) -> None:
        self.rows = result_rows(result)
        self.setRowCount(0)
        section = None
        bold = QFont(self.font())
        bold.setBold(True)
        for row_section, quantity, _raw, value, how in self.rows:
            if row_section != section:
                section = row_section
                heading = QTableWidgetItem(section)
                heading.setFont(bold)
                self._append([heading])
                self.setSpan(self.rowCount() - 1, 0, 1, 2)
            items = [QTableWidgetItem("  " + quantity), QTableWidgetItem(value)]
            items[1].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            for item in items:
                item.setData(Qt.ToolTipRole, how)  # the formula: a tooltip here, and below the table when selected
            self._append(items)

    def current_formula(self) -> str:
        item = self.currentItem()
        return item.data(Qt.ToolTipRole) or "" if item is not None else ""

    def _append(self, items) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column, item in enumerate(items):
            self.setItem(row, column, item)

    def table(self) -> list[list]:
        header = [self.tr("Section"), self.tr("Quantity"), self.tr("Value (bytes, tokens, FLOPs…)"), self.tr("Shown"),
                  self.tr("How")]
        return [header] + [list(row) for row in self.rows]
