"""Number formats: one number, typed or picked from the model, in FP32, FP16, BF16 and INT8, bit by bit."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QGridLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from viz.core.quant.formats import BF16, FP16, FP32, encode_all
from viz.ui.flow_layout import flow_row, keep_together
from viz.ui.quantization.bit_row import BitRow
from viz.ui.quantization.labels import FIELD_COLORS
from viz.ui.ui_scale import unscaled_points
from viz.ui.workers import LatestWorker

FORMATS = ("fp32", "fp16", "bf16", "int8")
SPECS = {"fp32": FP32, "fp16": FP16, "bf16": BF16}


def _pick(loaded, layer, which):
    from viz.core.quant.layers import pick_weight

    return pick_weight(loaded, layer, which)


def _g(value: float, digits: int = 6) -> str:
    return f"{value:.{digits}g}"


class FormatsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = None
        self._picked = None  # PickedWeight or None
        self._picker = LatestWorker("quant-pick", self)
        self._picker.succeeded.connect(self._on_picked)
        self._picker.failed.connect(self._show_error)
        self.number = QLineEdit("0.1", self)
        self.number.setToolTip(self.tr("Any number: 0.1, -2.5e-3, 70000, inf"))
        self.number.textChanged.connect(self._on_number_typed)
        self.int8_range = QDoubleSpinBox(self, decimals=6, minimum=1e-6, maximum=1e6, value=1.0, singleStep=0.1)
        self.int8_range.setToolTip(self.tr("INT8 stores ±127 steps of scale = range / 127"))
        self.int8_range.valueChanged.connect(self._on_range_typed)
        self._exact_range = None  # a picked weight's absmax, not rounded to the spin box's decimals
        self.layer = QComboBox(self)
        self.layer.setMinimumContentsLength(24)
        self.layer.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.largest = QPushButton(self.tr("Largest weight"), self)
        self.random = QPushButton(self.tr("Random weight"), self)
        self.largest.clicked.connect(lambda: self._request_pick("largest"))
        self.random.clicked.connect(lambda: self._request_pick("random"))
        self.range_source = QComboBox(self)
        self.range_source.addItems([self.tr("per-channel range"), self.tr("per-tensor range")])
        self.range_source.setToolTip(self.tr("Which int8 scale the picked weight gets: its output channel's, or the whole layer's"))
        self.range_source.currentIndexChanged.connect(self._apply_pick_range)
        self.pick_info = QLabel(self)
        self.pick_info.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self._build_layout()
        self._set_model_widgets_enabled(False)
        self.refresh()

    def _build_layout(self) -> None:
        controls = flow_row([
            keep_together(self, QLabel(self.tr("Number:"), self), self.number),
            keep_together(self, QLabel(self.tr("INT8 range ±"), self), self.int8_range),
            keep_together(self, QLabel(self.tr("or pick from layer:"), self), self.layer),
            keep_together(self, self.largest, self.random, self.range_source),
        ], spacing=16)
        names = {"sign": self.tr("sign"), "exponent": self.tr("exponent"), "mantissa": self.tr("mantissa"),
                 "integer": self.tr("integer (two's complement)")}
        entries = []
        for key, color in FIELD_COLORS.items():
            swatch = QLabel(self)
            swatch.setFixedSize(self.fontMetrics().height(), self.fontMetrics().height())
            swatch.setStyleSheet(f"background: {color}; border-radius: 3px;")
            entries.append(keep_together(self, swatch, QLabel(names[key], self)))
        entries.append(QLabel(self.tr("Full colour = 1, pale = 0."), self))
        legend = flow_row(entries, spacing=16)
        grid = QGridLayout()
        self.titles, self.rows, self.details = {}, {}, {}
        titles = {"fp32": self.tr("FP32"), "fp16": self.tr("FP16"), "bf16": self.tr("BF16"), "int8": self.tr("INT8")}
        for i, key in enumerate(FORMATS):
            title = QLabel(titles[key], self)
            title.setAlignment(Qt.AlignRight | Qt.AlignTop)
            row = BitRow(self)
            detail = QLabel(self)
            detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
            detail.setWordWrap(True)
            grid.addWidget(title, 2 * i, 0)
            grid.addWidget(row, 2 * i, 1)
            grid.addWidget(detail, 2 * i + 1, 1)
            self.titles[key], self.rows[key], self.details[key] = title, row, detail
        grid.setColumnStretch(1, 1)
        self._base_points = unscaled_points(self.font(), 8.0)
        self.set_scale(1.0)
        grid.setVerticalSpacing(6)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.pick_info)
        layout.addLayout(legend)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

    def set_scale(self, factor: float) -> None:
        """Titles and explanations have their own sizes, so they follow presentation mode here."""
        for key in FORMATS:
            title_font = QFont(self.font())
            title_font.setBold(True)
            title_font.setPointSizeF(self._base_points * 1.5 * factor)
            self.titles[key].setFont(title_font)
            detail_font = QFont(self.font())
            detail_font.setPointSizeF(self._base_points * 1.15 * factor)
            self.details[key].setFont(detail_font)
            self.details[key].setContentsMargins(0, 0, 0, int(self.fontMetrics().height() * factor))
            self.rows[key].set_scale(factor)

    # model
    def set_model(self, loaded) -> None:
        from viz.core.quant.layers import quantizable_layers

        self._loaded = loaded
        self._picked = None
        self.pick_info.clear()
        self.layer.clear()
        for info in quantizable_layers(loaded) if loaded is not None else []:
            self.layer.addItem(self.tr("{name}  [{out}×{inp}]").format(name=info.name, out=info.out_features, inp=info.in_features), info.name)
        self._set_model_widgets_enabled(self.layer.count() > 0)

    def _set_model_widgets_enabled(self, enabled: bool) -> None:
        for widget in (self.layer, self.largest, self.random):
            widget.setEnabled(enabled)
        self.range_source.setEnabled(enabled and self._picked is not None)

    def select_layer(self, name: str) -> None:
        index = self.layer.findData(name)
        if index >= 0:
            self.layer.setCurrentIndex(index)

    def _request_pick(self, which: str) -> None:
        if self._loaded is None or self.layer.currentData() is None:
            return
        self._picker.submit(_pick, self._loaded, self.layer.currentData(), which)

    def _on_picked(self, picked) -> None:
        self._picked = picked
        self.range_source.setEnabled(True)
        self.number.blockSignals(True)
        self.number.setText(repr(picked.value))
        self.number.blockSignals(False)
        self.pick_info.setText(
            self.tr("{layer} [output {out}, input {inp}]: output channel {out} spans ±{channel}; the whole layer ±{tensor}.").format(
                layer=picked.layer, out=picked.out_index, inp=picked.in_index,
                channel=_g(picked.channel_absmax, 4), tensor=_g(picked.tensor_absmax, 4))
        )
        self._apply_pick_range()

    def _apply_pick_range(self) -> None:
        if self._picked is None:
            return
        per_tensor = self.range_source.currentIndex() == 1
        exact = self._picked.tensor_absmax if per_tensor else self._picked.channel_absmax
        self.int8_range.blockSignals(True)
        self.int8_range.setValue(exact)
        self.int8_range.blockSignals(False)
        self._exact_range = exact
        self.refresh()

    def _on_range_typed(self) -> None:
        self._exact_range = None
        self.refresh()

    def int8_absmax(self) -> float:
        return self._exact_range if self._exact_range is not None else self.int8_range.value()

    def _on_number_typed(self) -> None:
        self._picked = None
        self.pick_info.clear()
        self.range_source.setEnabled(False)
        self.refresh()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)

    # showing
    def value(self) -> float | None:
        try:
            return float(self.number.text().strip().replace("−", "-"))
        except ValueError:
            return None

    def refresh(self) -> None:
        value = self.value()
        if value is None:
            self.error.setText(self.tr("Type a number, like 0.1 or -3.5e-4."))
            return
        self.error.clear()
        for key, encoding in zip(FORMATS, encode_all(value, self.int8_absmax())):
            self.rows[key].set_bits(encoding.bits, encoding.fields)
            self.details[key].setText(self._int8_text(encoding) if key == "int8" else self._float_text(encoding, SPECS[key]))

    def _stored_line(self, enc) -> str:
        if math.isnan(enc.stored):
            return self.tr("stores NaN (not a number)")
        if math.isinf(enc.stored):
            return self.tr("stores {inf}: the number is beyond this format's range").format(inf=repr(enc.stored))
        return self.tr("stores <b>{stored}</b> &nbsp; (error {error})").format(stored=repr(enc.stored), error=f"{enc.error:+.3g}")

    def _float_text(self, enc, spec) -> str:
        if enc.category == "normal":
            formula = self.tr("= (−1)<sup>{s}</sup> × 2<sup>{field} − {bias}</sup> × {sig}").format(
                s=enc.sign, field=enc.exponent_field, bias=spec.bias, sig=repr(enc.significand))
        elif enc.category in ("subnormal", "zero"):
            formula = self.tr("= (−1)<sup>{s}</sup> × 2<sup>{e}</sup> × {sig} &nbsp; (exponent bits all 0: subnormal, no hidden 1)").format(
                s=enc.sign, e=enc.exponent, sig=repr(enc.significand))
        else:
            formula = self.tr("exponent bits all 1: infinity or NaN")
        facts = self.tr("step near here {step} · range ±{max} · smallest positive {tiny}").format(
            step=_g(enc.step, 4), max=_g(spec.max_finite, 5), tiny=_g(spec.min_subnormal, 3))
        return self.tr("{stored} &nbsp; {formula}<br>{facts}").format(stored=self._stored_line(enc), formula=formula, facts=facts)

    def _int8_text(self, enc) -> str:
        if enc.category == "nan":
            return self.tr("int8 has no NaN.")
        rounding = self.tr("→ rounds to {q}").format(q=enc.integer)
        if enc.category == "clipped":
            rounding = self.tr("→ outside ±127: clipped to {q}").format(q=enc.integer)
        arithmetic = self.tr("scale = {range} / 127 = {scale}; &nbsp; x / scale = {scaled} {rounding}; &nbsp; {q} × scale").format(
            range=_g(self.int8_absmax()), scale=_g(enc.scale), scaled=f"{enc.scaled:.4f}", rounding=rounding, q=enc.integer)
        facts = self.tr("step {step} everywhere · range ±{max}").format(step=_g(enc.step, 4), max=_g(enc.range_max, 5))
        stored = self.tr("= <b>{stored}</b> &nbsp; (error {error})").format(stored=repr(enc.stored), error=f"{enc.error:+.3g}")
        return self.tr("{arithmetic} {stored}<br>{facts}").format(stored=stored, arithmetic=arithmetic, facts=facts)

    def shutdown(self) -> None:
        self._picker.shutdown()
