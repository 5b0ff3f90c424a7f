"""Weights: one layer's distribution against the int8 grid, its outlier channels, and every layer's error."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from viz.ui.quantization.charts import ScaledPlot
from viz.ui.quantization.jobs import CancellableJob
from viz.ui.quantization.labels import FLIP_COLOR, scheme_label
from viz.ui.quantization.run_bar import RunBar
from viz.ui.workers import LatestWorker
from viz.ui.wrapped_label import WrappedLabel

GRID_COLOR = "#7f7f7f"
CLIP_COLOR = "#D55E00"
BAR_COLOR = "#0072B2"


def _histogram(loaded, layer):
    from viz.core.quant.schemes import layer_histogram

    return layer_histogram(loaded, layer)


def _table(loaded, schemes, progress=None, should_stop=None):
    from viz.core.quant.schemes import weight_error_table

    return weight_error_table(loaded, schemes, progress, should_stop)


def weight_schemes() -> tuple[str, ...]:
    from viz.core.quant.torchao_path import torchao_status

    base = ("fp16", "bf16", "int8_tensor", "int8_channel")
    return base + (("torchao_int8",) if torchao_status().available else ())


class WeightsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = None
        self._histogram = None
        self._table = None
        self.histogrammer = LatestWorker("quant-histogram", self)
        self.histogrammer.succeeded.connect(self._show_histogram)
        self.table_job = CancellableJob("quant-weights", self)
        self.table_job.succeeded.connect(self._show_table)
        self.layer = QComboBox(self)
        self.layer.setMinimumContentsLength(30)
        self.layer.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long names elide
        self.layer.currentIndexChanged.connect(self._request_histogram)
        self.log_counts = QCheckBox(self.tr("Log counts"), self, checked=True)
        self.log_counts.toggled.connect(self._draw_histogram)
        self.summary = WrappedLabel("", self)
        self.summary.setWordWrap(True)
        self.histogram_plot = ScaledPlot(self, self.tr("Weights of the layer, with the int8 grid"),
                                         self.tr("weight value"), self.tr("count"))
        self.channel_plot = ScaledPlot(self, self.tr("Largest |weight| of each output channel"),
                                       self.tr("output channel"), self.tr("absmax"), integer_x=True)
        self.metric_choice = QComboBox(self)
        self.metric_choice.addItems([self.tr("Relative L2 error"), self.tr("Max absolute error"), self.tr("SQNR (dB, higher is better)")])
        self.metric_choice.currentIndexChanged.connect(self._fill_table)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.cellClicked.connect(self._on_table_clicked)
        self.run_bar = RunBar(self.table_job, self.tr("Measure all layers"), self)
        self.run_bar.run_button.clicked.connect(self.measure)
        self._build_layout()

    def main_picture(self) -> QWidget:
        return self.plots  # the histogram and the channels' largest weights

    def set_presenting(self, on: bool) -> None:
        """On a projector the summary moves to the histogram's tooltip and the plots get most of the height."""
        self.summary.setVisible(not on)
        self.histogram_plot.setToolTip(self.summary.text() if on else "")
        total = sum(self.split.sizes()) or self.height()
        self.split.setSizes([total * 3 // 4, total // 4] if on else [total * 11 // 18, total * 7 // 18])

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer:"), self))
        top.addWidget(self.layer, 1)
        top.addWidget(self.log_counts)
        plots = QSplitter(Qt.Horizontal, self)
        self.plots = plots
        plots.addWidget(self.histogram_plot)
        plots.addWidget(self.channel_plot)
        plots.setSizes([600, 400])
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(WrappedLabel(self.tr("Every Linear and Conv1D layer:"), self))
        row.addWidget(self.metric_choice)
        row.addStretch(1)
        table_layout.addLayout(row)
        table_layout.addWidget(self.run_bar)  # a line of its own: its status has room at projector sizes
        table_layout.addWidget(self.table, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.summary)
        upper_layout.addWidget(plots, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(upper)
        split.addWidget(table_box)
        split.setSizes([550, 350])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # model
    def set_model(self, loaded) -> None:
        from viz.core.quant.layers import quantizable_layers

        self._loaded = loaded
        self._table = None
        self._histogram = None
        self.table_job.cancel()
        self.table.clear()
        self.table.setRowCount(0)
        self.layer.blockSignals(True)
        self.layer.clear()
        for info in quantizable_layers(loaded) if loaded is not None else []:
            note = self.tr(" (tied to the input embedding)") if info.tied else ""
            self.layer.addItem(self.tr("{name}  [{out}×{inp}] {kind}{note}").format(
                name=info.name, out=info.out_features, inp=info.in_features, kind=info.kind, note=note), info.name)
        self.layer.blockSignals(False)
        self.histogram_plot.clear()
        self.channel_plot.clear()
        self.summary.clear()
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """The tab is shown: draw what is missing (histogram first, then the table)."""
        if self._loaded is None:
            return
        if self._histogram is None:
            self._request_histogram()
        if self._table is None and not self.table_job.busy:
            self.measure()

    def measure(self) -> None:
        if self._loaded is not None:
            self.table_job.start(_table, self._loaded, weight_schemes(), label="weights")

    def _request_histogram(self) -> None:
        if self._loaded is not None and self.layer.currentData() is not None:
            self.histogrammer.submit(_histogram, self._loaded, self.layer.currentData())

    # histogram
    def _show_histogram(self, histogram) -> None:
        self._histogram = histogram
        self._draw_histogram()

    def _draw_histogram(self) -> None:
        h = self._histogram
        if h is None:
            return
        plot = self.histogram_plot
        plot.clear()
        log = self.log_counts.isChecked()
        counts = np.maximum(h.counts, 1) if log else h.counts
        plot.plotItem.setLogMode(y=log)
        plot.plot(h.edges, counts, stepMode="center", fillLevel=0,  # in log mode 0 is log10(1): the fill starts at one weight
                  brush=pg.mkBrush(BAR_COLOR + "50"),
                  pen=plot.pen(BAR_COLOR, width=1.5), name=self.tr("weights"))
        top = float(counts.max()) if counts.size else 1.0
        if h.tensor_scale > 0:
            levels = np.arange(-127, 128) * h.tensor_scale  # the 255 values per-tensor int8 can store
            xs = np.repeat(levels, 2)
            ys = np.tile([1.0 if log else 0.0, top], levels.size)
            plot.plot(xs, ys, connect="pairs", pen=pg.mkPen(GRID_COLOR + "a0", width=1), name=self.tr("int8 levels (per-tensor)"))
        for x in (-h.clip, h.clip):
            plot.addItem(pg.InfiniteLine(x, angle=90, pen=plot.pen(CLIP_COLOR, dashed=True)))
        plot.plot([], [], pen=plot.pen(CLIP_COLOR, dashed=True), name=self.tr("clipping range ±absmax"))
        self._draw_channels(h)
        outliers = len(h.outliers)
        self.summary.setText(self.tr(
            "Per-tensor int8: step {step} over ±{clip} (the largest |weight|); the weights' spread (std) is {std}, "
            "so most of them use only ±{used} of the 127 levels. {n} outlier channels (absmax over {factor}× the median); "
            "per-channel scales give every output channel its own step."
        ).format(step=f"{h.tensor_scale:.3g}", clip=f"{h.clip:.3g}", std=f"{h.std:.3g}",
                 used=int(math.ceil(3 * h.std / h.tensor_scale)) if h.tensor_scale > 0 else 0, n=outliers,
                 factor=f"{h.outlier_factor:g}"))

    def _draw_channels(self, h) -> None:
        plot = self.channel_plot
        plot.clear()
        channels = np.arange(h.channel_absmax.size)
        plot.plot(channels, h.channel_absmax, pen=None, symbol="o", symbolSize=plot.symbol_size(4),
                  symbolBrush=pg.mkBrush(BAR_COLOR), symbolPen=None, name=self.tr("channel absmax"))
        if h.outliers.size:
            plot.plot(h.outliers, h.channel_absmax[h.outliers], pen=None, symbol="o", symbolSize=plot.symbol_size(11),
                      symbolBrush=pg.mkBrush(FLIP_COLOR), symbolPen=None, name=self.tr("outlier channels"))
        median = float(np.median(h.channel_absmax)) if h.channel_absmax.size else 0.0
        plot.addItem(pg.InfiniteLine(median * h.outlier_factor, angle=0, pen=plot.pen(GRID_COLOR, dashed=True)))
        plot.plot([], [], pen=plot.pen(GRID_COLOR, dashed=True), name=self.tr("outlier threshold"))

    # table
    def _show_table(self, table) -> None:
        self._table = table
        self.run_bar.set_note(self.tr("{n} layers measured in {s:.1f} s").format(n=len(table.layers), s=table.seconds))
        self._fill_table()

    def _fill_table(self) -> None:
        t = self._table
        if t is None:
            return
        metric = self.metric_choice.currentIndex()
        headers = [self.tr("Layer"), self.tr("Shape [out×in]")] + [scheme_label(s) for s in t.schemes]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(t.layers))
        for row, (info, errors) in enumerate(zip(t.layers, t.errors)):
            self.table.setItem(row, 0, QTableWidgetItem(info.name))
            self.table.setItem(row, 1, QTableWidgetItem(self.tr("{out}×{inp} {kind}").format(
                out=info.out_features, inp=info.in_features, kind=info.kind)))
            for col, err in enumerate(errors, start=2):
                value = (err.rel_l2, err.max_abs, err.sqnr_db)[metric]
                text = self.tr("{v:.1f}").format(v=value) if metric == 2 and math.isfinite(value) else self.tr("{v:.2e}").format(v=value)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                item.setToolTip(self.tr("relative L2 {rel:.3e} · max |error| {mx:.3e} · SQNR {sqnr:.1f} dB").format(
                    rel=err.rel_l2, mx=err.max_abs, sqnr=err.sqnr_db))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def _on_table_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            index = self.layer.findData(item.text())
            if index >= 0:
                self.layer.setCurrentIndex(index)

    # export and scale
    def tables(self) -> dict[str, list[list]]:
        tables = {}
        if self._table is not None:
            tables["weight_errors"] = self._table.rows()
        if self._histogram is not None:
            h = self._histogram
            rows = [["bin_start", "bin_end", "count"]]
            rows += [[float(a), float(b), int(c)] for a, b, c in zip(h.edges[:-1], h.edges[1:], h.counts)]
            tables["weight_histogram"] = rows
        return tables

    def set_scale(self, factor: float) -> None:
        for plot in (self.histogram_plot, self.channel_plot):
            plot.set_scale(factor)
        self._draw_histogram()

    def shutdown(self) -> None:
        self.table_job.shutdown()
        self.histogrammer.shutdown()
