"""Compare two runs: the loaded model on the text and on a second text, in a second number format, or against a
second model (a fine-tuned copy from the Fine-tune tab)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QTabWidget, QVBoxLayout, QWidget,
)

from viz.ui.compare.chart import FLIP_COLOR, KlChart
from viz.ui.compare.heads_panel import HeadsPanel
from viz.ui.compare.runs import compare_dtypes, compare_models, compare_source, compare_texts
from viz.ui.compare.side_page import SidePage
from viz.ui.presentation import TabBarFitter
from viz.ui.scale.numbers import decimal
from viz.ui.views.base import View
from viz.ui.workers import LatestWorker

DTYPES = ("float16", "bfloat16", "float32")


class CompareView(View):
    key = "compare"
    head_requested = Signal(str, int, int)  # kind, layer, head: the Attention tab opens that head of run A
    heads_compared = Signal(object)  # (model A, text, run B, {kind: [layer, head] TV}) or None: the overview's hover

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.mode = QComboBox(self)
        # short names, shown whole: on a projector text B's field needs the room beside them
        self.mode.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.mode.addItem(self.tr("another text"), "text")
        self.mode.addItem(self.tr("another number format"), "dtype")
        self.mode.addItem(self.tr("another model"), "source")
        self.second_model = None  # a LoadedModel to compare with (compare_with_model), e.g. a fine-tuned copy
        self.text_b = QLineEdit(self)
        self.text_b.setPlaceholderText(self.tr("Text B (run A is the text above)"))
        self.dtype = QComboBox(self)
        self.source_b = QLineEdit(self)
        self.source_b.setPlaceholderText(self.tr("Model B: a bundled name, a folder or a Hub id"))
        self.dtype.addItems(DTYPES)
        self.run_button = QPushButton(self.tr("Compare"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.chart = KlChart(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("token A"), self.tr("token B"), self.tr("KL"),
                                              self.tr("top-1 A"), self.tr("top-1 B")])
        # Five equal columns while their headers fit (short headers: the chart's axis says the unit, nats);
        # see _fit_columns for a narrow pane.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Run B:"), self))
        row.addWidget(self.mode)
        row.addWidget(self.text_b, 1)
        row.addWidget(self.dtype)
        row.addWidget(self.source_b, 1)
        row.addWidget(self.run_button)
        self.heads = HeadsPanel(self)
        self.heads.head_clicked.connect(self.head_requested)
        self.side = SidePage(self)
        self.result_tabs = QTabWidget(self)  # positions (the table), heads (the attention difference), side by side
        self.tab_fitter = TabBarFitter(self.result_tabs, preferred=1.0)  # text-sized while the three fit
        self.result_tabs.addTab(self.table, self.tr("Positions"))
        self.result_tabs.addTab(self.heads, self.tr("Heads"))
        self.result_tabs.addTab(self.side, self.tr("Side by side"))
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.result_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.chart_share = {False: 0.6, True: 0.36}  # the chart's share of the width; True: beside Side by side
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.comparison = None
        self.worker = LatestWorker("compare", self)
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self.summary.setText)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.chart.position_clicked.connect(self._on_position_clicked)
        self.table.currentCellChanged.connect(lambda row, *_: self.side.set_position(row))
        self.result_tabs.currentChanged.connect(self._fit_splitter)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.splitter.splitterMoved.connect(self._fit_columns)
        self.run_button.clicked.connect(self.compare)
        self.text_b.returnPressed.connect(self.compare)
        self.source_b.returnPressed.connect(self.compare)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._on_mode()
        self.catch_up()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("CompareView", "Compare")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("CompareView",
            "Two runs side by side, position by position: the loaded model on your text (A), and on a second text, "
            "the same text with the model in another number format, on another model (loaded only when it fits "
            "beside the first), or on a fine-tuned copy from the Fine-tune tab (B). The Heads page shows, for one "
            "text, how differently each head attends. Each bar is the KL divergence of B's "
            "next-token distribution from A's at that position, in nats: 0 means they predict alike. Orange bars "
            "mark positions where the most likely next token changes. A run compared with itself shows zero "
            "everywhere. The Side by side page sets the two runs next to each other: their tokens (an orange "
            "outline marks another token at that position), one attention head on one colour scale, the next-token "
            "candidates at the position you click in the chart or the table, and the logit lens."
        )

    def busy(self) -> bool:
        return self.worker.busy or self.side.busy()

    def shutdown(self) -> None:
        self.worker.shutdown()
        self.side.shutdown()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the chart gets the larger share, whatever the table's hint
            self._sized = True
            self._fit_splitter()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self, *_args) -> None:
        """Equal columns while the headers fit the table (a long token is elided, whole on hover); in a narrower
        pane (the F1 panel open on a projector) each column is as wide as its header and cells, and the table
        scrolls sideways instead of cutting the headers."""
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSizeHint(i) for i in range(header.count()))
        fits = needed <= self.table.viewport().width()
        header.setSectionResizeMode(QHeaderView.Stretch if fits else QHeaderView.ResizeToContents)

    def _beside_side_page(self) -> bool:
        return self.result_tabs.currentWidget() is self.side

    def _fit_splitter(self, *_args) -> None:
        """Two runs side by side need more of the width than a table: each page keeps its own share."""
        width = max(self.splitter.width(), 400)
        share = self.chart_share[self._beside_side_page()]
        self.splitter.setSizes([int(width * share), int(width * (1 - share))])

    def _on_splitter_moved(self, *_args) -> None:
        sizes = self.splitter.sizes()
        self.chart_share[self._beside_side_page()] = sizes[0] / max(1, sum(sizes))

    def _on_position_clicked(self, position: int) -> None:
        self.table.selectRow(position)  # the table's current row moves the Side by side page too
        self.side.set_position(position)

    def _on_mode(self, *_args) -> None:
        self.text_b.setVisible(self.mode.currentData() == "text")
        self.dtype.setVisible(self.mode.currentData() == "dtype")
        self.source_b.setVisible(self.mode.currentData() == "source")

    def compare_with_model(self, other) -> None:
        """Run B becomes `other` (a LoadedModel of the same tokenizer, such as a fine-tuned copy) on the same text."""
        self.second_model = other
        index = self.mode.findData("model")
        if index < 0:
            self.mode.addItem("", "model")
            index = self.mode.count() - 1
        self.mode.setItemText(index, other.name)  # "Run B: demo-gpt2 + LoRA r=8"
        self.mode.setCurrentIndex(index)
        self.compare()

    def _on_model(self, loaded) -> None:
        if self.side.outcome is not None and self.side.outcome.lens_models[0] is not loaded:
            self.side.clear(self.tr("Another model is loaded: compare again to see two runs side by side."))
        if self.second_model is not None and loaded is not self.second_model:  # its base is gone
            self.second_model = None
            if self.mode.currentData() == "model":
                self.mode.setCurrentIndex(self.mode.findData("text"))
            self.mode.removeItem(self.mode.findData("model"))

    def _on_trace(self, trace) -> None:
        if not self.text_b.text():
            self.text_b.setText(trace.text)

    def compare(self) -> None:
        loaded = self.state.model
        if loaded is None or not self.state.text.strip():
            self.summary.setText(self.tr("Load a model and type a text first."))
            return
        target = self.state.target_text or ""
        if loaded.family.value == "encoder-decoder" and not target:
            trace = self.state.trace
            target = trace.output_text if trace is not None else ""
        self.summary.setText(self.tr("Comparing…"))
        if self.mode.currentData() == "text":
            self.worker.submit(compare_texts, loaded, self.state.text, self.text_b.text(), target,
                               label=self.tr("Comparing…"))
        elif self.mode.currentData() == "source":
            if not self.source_b.text().strip():
                self.summary.setText(self.tr("Name model B first: a bundled name, a folder or a Hub id."))
                return
            self.worker.submit(compare_source, loaded, self.source_b.text().strip(), self.state.text, target,
                               label=self.tr("Loading model B…"))
        elif self.mode.currentData() == "model":
            self.worker.submit(compare_models, loaded, self.second_model, self.state.text, target,
                               label=self.tr("Comparing…"))
        else:
            self.worker.submit(compare_dtypes, loaded, self.state.text, target, self.dtype.currentText(),
                               label=self.tr("Loading the second copy…"))

    def _on_done(self, outcome) -> None:
        comparison, second_bytes = outcome.comparison, outcome.second_bytes
        self.comparison = comparison
        self.heads.show_heads(outcome.heads)
        model = self.state.model
        self.heads_compared.emit((model.name, self.state.text, self._run_b_name(), outcome.heads)
                                 if outcome.heads and model is not None else None)
        self.chart.show_comparison(comparison)
        self.table.blockSignals(True)  # the Side by side page keeps its own choice of position
        self.table.setRowCount(len(comparison.kl))
        for i in range(len(comparison.kl)):
            cells = [comparison.tokens_a[i], comparison.tokens_b[i], decimal(comparison.kl[i], 4),
                     comparison.top1_labels_a[i], comparison.top1_labels_b[i]]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if comparison.flips[i] and column >= 3:
                    cell.setForeground(QColor(FLIP_COLOR))
                self.table.setItem(i, column, cell)
        self.table.blockSignals(False)
        self._fit_columns()
        if outcome.side is not None:
            self.side.show_outcome(outcome, self._captions())
        text = self.tr("{n} positions · mean KL {mean} nats · {flips} top-1 flips").format(
            n=len(comparison.kl), mean=decimal(float(comparison.kl.mean()) if len(comparison.kl) else 0.0, 4),
            flips=int(comparison.flips.sum()))
        if self.mode.currentData() == "model" and self.second_model is not None and self.state.model is not None:
            text = self.tr("A: {a} · B: {b}").format(a=self.state.model.name, b=self.second_model.name) + " · " + text
        if second_bytes is not None:
            text += self.tr(" · the second copy needed {mb} MB while it ran").format(
                mb=decimal(second_bytes / 2**20, 0))
        self.summary.setText(text)

    def _run_b_name(self) -> str:
        mode = self.mode.currentData()
        if mode == "model" and self.second_model is not None:
            return self.second_model.name
        if mode == "source":
            return self.source_b.text().strip()
        return self.dtype.currentText() if mode == "dtype" else self.tr("text B")

    def _captions(self) -> tuple[str, str]:
        mode, model = self.mode.currentData(), self.state.model
        if mode == "text":
            return self.tr("A: the text above"), self.tr("B: text B")
        a = model.dtype if mode == "dtype" and model is not None else (model.name if model is not None else "")
        return self.tr("A: {run}").format(run=a), self.tr("B: {run}").format(run=self._run_b_name())

    def pages(self) -> list:
        return list(range(self.result_tabs.count()))

    def show_page(self, page) -> None:
        self.result_tabs.setCurrentIndex(page)

    def set_presenting(self, on: bool) -> None:
        self.tab_fitter.fit(on)
        self.side.set_presenting(on)

    def export_widget(self) -> QWidget:
        return self.side.picture() if self._beside_side_page() else self.chart

    def export_tables(self) -> dict[str, list[list]]:
        tables = {"compare": self.comparison.rows() if self.comparison is not None else [],
                  "compare_heads": self.heads.table(), "compare_side_by_side": self.side.table()}
        return {name: rows for name, rows in tables.items() if rows}

    def set_scale(self, factor: float) -> None:
        self.chart.set_scale(factor)
        self.side.set_scale(factor)
        self.heads.refresh()  # the theme may have changed too (0 is the background colour)
        self._fit_columns()  # the projector's font widens the headers

    def settings(self) -> dict:
        return {"mode": self.mode.currentData(), "text_b": self.text_b.text(), "dtype": self.dtype.currentText(),
                "source_b": self.source_b.text(), "page": self.result_tabs.currentIndex(),
                "side": self.side.settings()}

    def apply_settings(self, settings: dict) -> None:
        if settings.get("mode") in ("text", "dtype", "source"):
            self.mode.setCurrentIndex(self.mode.findData(settings["mode"]))
        if isinstance(settings.get("text_b"), str):
            self.text_b.setText(settings["text_b"])
        if isinstance(settings.get("source_b"), str):
            self.source_b.setText(settings["source_b"])
        if settings.get("dtype") in DTYPES:
            self.dtype.setCurrentText(settings["dtype"])
        if type(settings.get("page")) is int and 0 <= settings["page"] < self.result_tabs.count():
            self.result_tabs.setCurrentIndex(settings["page"])
        if isinstance(settings.get("side"), dict):
            self.side.apply_settings(settings["side"])
