"""Outputs: float32 against each scheme on the current text — hidden states, attention, predictions, memory."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from viz.ui.flow_layout import flow_row
from viz.ui.wrapped_label import WrappedLabel
from viz.ui.quantization.charts import ScaledPlot
from viz.ui.quantization.jobs import CancellableJob
from viz.ui.quantization.labels import SCHEME_COLORS, bytes_text, count_text, scheme_kind, scheme_label, scheme_name
from viz.ui.quantization.output_charts import draw_attention, draw_hidden, draw_kl, legend_html
from viz.ui.quantization.run_bar import RunBar
from viz.ui.quantization.token_text import TokenText

ALL_SCHEMES = ("fp16", "bf16", "int8_tensor", "int8_channel", "torchao_int8")
HALF_DTYPES = {"fp16": "float16", "bf16": "bfloat16"}


def _emulated_schemes(device: str) -> set[str]:
    """The half-precision schemes this processor has no instructions for (emulated: slow), from its flags."""
    from viz.core.devices import half_is_emulated

    return {key for key, dtype in HALF_DTYPES.items() if half_is_emulated(device, dtype)}


def _compare(loaded, request, cache, progress=None, should_stop=None):
    from viz.core.quant.compare import compare_outputs

    return compare_outputs(loaded, request, progress, should_stop, cache)


class OutputsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from viz.core.quant.compare import ComparisonCache  # numpy only: no torch import

        self.cache = ComparisonCache()
        self._loaded = None
        self._text = ""
        self._decoder_ids = None
        self.result = None
        self._flip_summary = ""
        self.job = CancellableJob("quant-outputs", self)
        self.job.succeeded.connect(self._show_result)
        self.memory = QLabel(self)
        self.memory.setWordWrap(True)
        self.memory.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.checks = {}
        for key in ALL_SCHEMES:
            box = QCheckBox(scheme_label(key), self)
            box.setToolTip(scheme_kind(key))
            box.toggled.connect(self._on_schemes_changed)
            self.checks[key] = box
        self.emulated: set[str] = set()  # half-precision schemes this processor runs without its own instructions
        self.fp16_note = QLabel(self)
        self.fp16_note.setWordWrap(True)
        self.use_bf16 = QPushButton(self.tr("Use bf16 instead"), self)
        self.use_bf16.clicked.connect(self._switch_to_bf16)
        self.run_bar = RunBar(self.job, self.tr("Run comparison"), self)
        self.run_bar.run_button.clicked.connect(self.run)
        self.stale = QLabel(self)
        self.stale.setWordWrap(True)
        self.stale.setVisible(False)
        self.summary = QTableWidget(self)
        self.summary.setEditTriggers(QTableWidget.NoEditTriggers)
        self.summary.verticalHeader().setVisible(False)
        self.part = QComboBox(self)
        self.part_label = QLabel(self.tr("Part:"), self)
        self.part.currentIndexChanged.connect(self._draw)
        self.hidden_metric = QComboBox(self)
        self.hidden_metric.addItems([self.tr("relative L2 error"), self.tr("cosine similarity")])
        self.hidden_metric.currentIndexChanged.connect(self._draw)
        self.token_scheme = QComboBox(self)
        self.token_scheme.currentIndexChanged.connect(self._draw_tokens)
        self.hidden_plot = ScaledPlot(self, self.tr("Hidden states against float32"), self.tr("layer (0 = embeddings)"), "",
                                      legend=False, integer_x=True)
        self.attention_plot = ScaledPlot(self, self.tr("Attention difference (total variation)"), self.tr("layer"), self.tr("mean TV"),
                                         legend=False, integer_x=True)
        # One legend above both line charts: inside either plot it covered the lines it names.
        self.chart_legend = WrappedLabel("", self)
        self.chart_legend.setTextFormat(Qt.RichText)
        self.kl_plot = ScaledPlot(self, self.tr("KL(float32 ‖ scheme) per position"), self.tr("position"), self.tr("KL (nats)"), legend=False)
        self.kl_plot.on_resize = self._retick_kl
        self.tokens = TokenText(self)
        self.tokens.position_hovered.connect(self._show_position)
        self.position_info = QLabel(self)
        self.position_info.setWordWrap(True)
        self.position_info.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.position_info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._build_layout()
        self._on_schemes_changed()

    def main_picture(self) -> QWidget:
        return self.hidden_plot

    def _build_layout(self) -> None:
        schemes = flow_row([QLabel(self.tr("Compare float32 with:"), self), *self.checks.values()])
        fp16 = QHBoxLayout()
        fp16.addWidget(self.fp16_note, 1)
        fp16.addWidget(self.use_bf16)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary, 1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Tokens for:"), self))
        pick.addWidget(self.token_scheme, 1)
        left_layout.addLayout(pick)
        left_layout.addWidget(self.tokens, 2)
        left_layout.addWidget(self.position_info, 1)
        right = QWidget(self)
        grid = QGridLayout(right)
        grid.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(self.part_label)
        choose.addWidget(self.part)
        choose.addWidget(QLabel(self.tr("Hidden-state measure:"), self))
        choose.addWidget(self.hidden_metric)
        choose.addStretch(1)
        grid.addLayout(choose, 0, 0, 1, 2)
        grid.addWidget(self.chart_legend, 1, 0, 1, 2)
        self.chart_grid = grid
        self._place_charts(stacked=False)
        split = QSplitter(Qt.Horizontal, self)
        self.split = split
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([650, 950])
        layout = QVBoxLayout(self)
        layout.addWidget(self.memory)
        layout.addLayout(schemes)
        layout.addLayout(fp16)
        layout.addWidget(self.run_bar)
        layout.addWidget(self.stale)
        layout.addWidget(split, 1)

    # inputs
    def set_model(self, loaded) -> None:
        from viz.core.quant.memory import memory_of
        from viz.core.quant.torchao_path import torchao_status

        self._loaded = loaded
        self.job.cancel()
        self.result = None
        self._text, self._decoder_ids = "", None  # the next trace brings this model's text
        self._clear()
        if loaded is None:
            self.memory.clear()
            return
        status = torchao_status()
        ao = self.checks["torchao_int8"]
        ao.setEnabled(status.available and loaded.device in ("cpu", "cuda"))
        ao.setToolTip(scheme_kind("torchao_int8") if status.available else self.tr("torchao is not installed (pip install torchao)"))
        self.emulated = _emulated_schemes(loaded.device)
        for key, box in self.checks.items():
            box.blockSignals(True)
            box.setChecked(box.isEnabled() and not self._slow(key))  # slow runs only when asked for
            box.blockSignals(False)
            if key in HALF_DTYPES:
                box.setText(self.tr("{name} (real; slow on this CPU)").format(name=scheme_name(key))
                            if self._slow(key) else scheme_label(key))
        self._on_schemes_changed()
        self.memory.setText(self._memory_text(memory_of(loaded)))

    def _memory_text(self, m) -> str:
        return self.tr(
            "<b>{n} parameters: {fp32} fp32, {half} fp16/bf16, {int8} int8.</b> &nbsp; "
            "Weight-only int8 as run here (Linear/Conv1D weights int8 with one float32 scale per output channel, "
            "embeddings and norms float32): {wo}."
        ).format(n=count_text(m.parameters), fp32=bytes_text(m.bytes_for("fp32")), half=bytes_text(m.bytes_for("fp16")),
                 int8=bytes_text(m.bytes_for("int8")), wo=bytes_text(m.bytes_for("int8_weight_only")))

    def set_text(self, text: str, decoder_ids=None) -> None:
        self._text = text
        self._decoder_ids = tuple(decoder_ids) if decoder_ids else None
        if self._loaded is None:
            return
        request = self.request()
        if request is not None and self.cache.covers(self._loaded, request):
            self.run()  # cached: instant
        else:
            self._update_stale()

    def request(self):
        from viz.core.quant.compare import ComparisonRequest

        schemes = tuple(k for k, box in self.checks.items() if box.isChecked() and box.isEnabled())
        if not self._text.strip() or not schemes:
            return None
        return ComparisonRequest(self._text, schemes, self._decoder_ids)

    def activate(self) -> None:
        """The tab is shown: compare the current text unless that is already on screen (or still tracing)."""
        if self._loaded is None or not self._text.strip() or self.job.busy:
            return
        if self.result is None or self.result.text != self._text:
            self.run()

    def run(self) -> None:
        request = self.request()
        if self._loaded is None or request is None:
            self.run_bar.set_note(self.tr("Pick at least one scheme, and type a text."))
            return
        self.job.start(_compare, self._loaded, request, self.cache, label="compare")

    def _slow(self, key: str) -> bool:
        return key in self.emulated

    def _on_schemes_changed(self) -> None:
        slow = [key for key in HALF_DTYPES if self.checks[key].isChecked() and self._slow(key)]
        self.fp16_note.setVisible(bool(slow))
        if slow:
            names = " / ".join(scheme_name(key) for key in HALF_DTYPES if key in self.emulated)
            self.fp16_note.setText(self.tr(
                "This processor has no {names} instructions: its matrix products are emulated, many times slower "
                "than float32, so on a large model these runs take a while."
            ).format(names=names))
        self.use_bf16.setVisible("fp16" in slow and not self._slow("bf16"))

    def _switch_to_bf16(self) -> None:
        self.checks["fp16"].setChecked(False)
        self.checks["bf16"].setChecked(True)

    def _update_stale(self) -> None:
        stale = self.result is not None and self.result.text != self._text
        self.stale.setText(self.tr("The text changed since this comparison: press Run comparison to update it.") if stale else "")
        self.stale.setVisible(stale)  # an empty line would push the charts down

    # results
    def _show_result(self, result) -> None:
        self.result = result
        self._update_stale()
        self.run_bar.set_note(self.tr("Compared in {s:.1f} s").format(s=result.seconds))
        sides = list(next(iter(result.results.values())).hidden_rel_l2) if result.results else []
        names = {"encoder": self.tr("Encoder"), "decoder": self.tr("Decoder")}
        current = self.part.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        for side in sides:
            self.part.addItem(names.get(side, side), side)
        self.part.setCurrentIndex(max(self.part.findData(current), 0))
        self.part.setVisible(len(sides) > 1)
        self.part_label.setVisible(len(sides) > 1)
        self.part.blockSignals(False)
        chosen = self.token_scheme.currentData()
        self.token_scheme.blockSignals(True)
        self.token_scheme.clear()
        for key in result.results:
            self.token_scheme.addItem(scheme_label(key), key)
        worst = max(result.results, key=lambda k: len(result.flips(k)), default=None)
        index = self.token_scheme.findData(chosen)
        self.token_scheme.setCurrentIndex(index if index >= 0 else max(self.token_scheme.findData(worst), 0))
        self.token_scheme.blockSignals(False)
        self._fill_summary()
        self._draw()

    def _fill_summary(self) -> None:
        r = self.result
        headers = [self.tr("Scheme"), self.tr("Runs"), self.tr("Mean KL"), self.tr("Top-1 same"), self.tr("Flips"),
                   self.tr("Final error"), self.tr("Seconds")]
        self.summary.clear()
        self.summary.setColumnCount(len(headers))
        self.summary.setHorizontalHeaderLabels(headers)
        self.summary.setRowCount(len(r.results))
        for row, (key, s) in enumerate(r.results.items()):
            last = next(iter(s.hidden_rel_l2.values()))[-1] if s.hidden_rel_l2 else float("nan")
            missing = self.tr("—")
            cells = [
                scheme_name(key),
                self.tr("simulated") if s.simulated else self.tr("real"),
                self.tr("{v:.2e}").format(v=float(s.kl.mean())) if s.kl is not None else missing,
                self.tr("{v:.1%}").format(v=r.agreement(key)) if s.kl is not None else missing,
                str(len(r.flips(key))) if s.kl is not None else missing,
                self.tr("{v:.2e}").format(v=float(last)),
                self.tr("{v:.2f}").format(v=s.copy_seconds + s.run_seconds),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setForeground(QColor("#111111"))
                    item.setBackground(QColor(SCHEME_COLORS[key]).lighter(160))
                item.setToolTip(scheme_kind(key))
                self.summary.setItem(row, col, item)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """Every scheme's row in view (five at most), at any font size: the table is never a one-row slit."""
        table = self.summary
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.resizeColumnsToContents()
        rows = sum(table.rowHeight(i) for i in range(table.rowCount()))
        scrollbar = table.horizontalScrollBar().sizeHint().height()  # when the columns are wider than the table
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + scrollbar)

    def _draw(self) -> None:
        r = self.result
        if r is None:
            return
        side = self.part.currentData() or "decoder"
        draw_hidden(self.hidden_plot, r, side, cosine=self.hidden_metric.currentIndex() == 1)
        draw_attention(self.attention_plot, r, side)
        self.chart_legend.setText(legend_html(r, side))
        self._draw_tokens()

    def _draw_tokens(self) -> None:
        r, key = self.result, self.token_scheme.currentData()
        if r is None or key is None:
            return
        s = r.results[key]
        if s.kl is None:
            self.tokens.setPlainText(self.tr("This model has no language-model head: there are no predictions to compare."))
            self.kl_plot.clear()
            return
        flips = r.flips(key)
        self.tokens.show_tokens(r.labels, s.kl, flips)
        draw_kl(self.kl_plot, r, key)
        where = self.tr("in the output") if r.side == "output" else self.tr("in the text")
        lines = [self.tr(
            "<b>{n} of {total} predictions flip</b> {where} (red); shading is KL divergence. Hover a token for its predictions."
        ).format(n=len(flips), total=len(r.labels), where=where)]
        for position in flips[:12]:
            lines.append(self._prediction_text(position, key))
        if len(flips) > 12:
            lines.append(self.tr("… and {n} more (see the CSV export).").format(n=len(flips) - 12))
        self._flip_summary = "<br>".join(lines)
        self.position_info.setText(self._flip_summary)

    def _retick_kl(self) -> None:
        from viz.ui.quantization.output_charts import token_ticks

        if self.result is not None:
            token_ticks(self.kl_plot, self.result.labels)

    def _show_position(self, position: int) -> None:
        r, key = self.result, self.token_scheme.currentData()
        if r is None or key is None or r.results[key].kl is None or position >= len(r.labels):
            return
        self.position_info.setText(self._flip_summary + "<br><br>" + self._prediction_text(position, key))

    def _prediction_text(self, position: int, key: str) -> str:
        r, s = self.result, self.result.results[key]
        token = html.escape(r.labels[position].strip() or r.labels[position])
        if r.predicts == "next":
            intro = self.tr("After “{token}” the next token is").format(token=token)
        else:
            intro = self.tr("At “{token}” the model predicts").format(token=token)
        return self.tr("{intro} “{ref}” in float32 and “{q}” in {scheme} (KL {kl:.3g}).").format(
            intro=intro, ref=html.escape(r.reference_top1_text[position]), q=html.escape(s.top1_text[position]),
            scheme=scheme_name(key), kl=float(s.kl[position]))

    def _clear(self) -> None:
        self.summary.clear()
        self.summary.setRowCount(0)
        self.tokens.clear()
        self.position_info.clear()
        self.stale.clear()
        self.stale.setVisible(False)
        for plot in (self.hidden_plot, self.attention_plot, self.kl_plot):
            plot.clear()

    # export and scale
    def tables(self) -> dict[str, list[list]]:
        from viz.ui.quantization.output_charts import result_tables

        return result_tables(self.result) if self.result is not None else {}

    def _place_charts(self, stacked: bool) -> None:
        """Side by side, or (at projector font sizes, where two would not fit across) one under another;
        the page scrolls."""
        grid = self.chart_grid
        for plot in (self.hidden_plot, self.attention_plot, self.kl_plot):
            grid.removeWidget(plot)
        if stacked:
            grid.addWidget(self.hidden_plot, 2, 0, 1, 2)
            grid.addWidget(self.attention_plot, 3, 0, 1, 2)
            grid.addWidget(self.kl_plot, 4, 0, 1, 2)
        else:
            grid.addWidget(self.hidden_plot, 2, 0)
            grid.addWidget(self.attention_plot, 2, 1)
            grid.addWidget(self.kl_plot, 3, 0, 1, 2)

    def set_scale(self, factor: float) -> None:
        self._place_charts(stacked=factor > 1.5)
        # on a projector the token text goes above the charts, which then get the page's whole width
        self.split.setOrientation(Qt.Vertical if factor > 1.5 else Qt.Horizontal)
        for plot in (self.hidden_plot, self.attention_plot, self.kl_plot):
            plot.set_scale(factor)
            plot.setMinimumHeight(round(180 * min(factor, 2.0)))  # the page scrolls: keep each chart readable
        self.tokens.set_scale(factor)
        self._fit_summary()
        self._draw()

    def shutdown(self) -> None:
        self.job.shutdown()
