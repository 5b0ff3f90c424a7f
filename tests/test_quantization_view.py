"""The quantization view driven as a person would: type a number, pick a weight, measure, compare, cancel."""

from __future__ import annotations

import numpy as np
import pytest

from viz.ui.state import AppState
from viz.ui.views.quantization import QuantizationView

TEXT = "The quick brown fox jumps over the lazy dog."


@pytest.fixture
def view(qtbot):
    state = AppState()
    view = QuantizationView(state)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    yield view
    view.shutdown()
    state.shutdown()


def _with_model(view, loaded, trace=None):
    view.state.model = loaded
    view.state.model_changed.emit(loaded)
    if trace is not None:
        view.state.trace = trace
        view.state.trace_changed.emit(trace)


def test_typing_a_number_shows_its_bits(view, qtbot):
    from PySide6.QtCore import Qt

    formats = view.formats
    formats.number.clear()
    qtbot.keyClicks(formats.number, "-2.5")
    assert formats.rows["fp32"].bits() == format(int(np.float32(-2.5).view(np.uint32)), "032b")
    assert formats.rows["fp16"].bits() == "1100000100000000"
    assert formats.rows["bf16"].bits() == "1100000000100000"
    formats.int8_range.setValue(5.0)  # scale 5/127: -2.5 -> -63.5 -> -64 (half to even)
    assert formats.rows["int8"].bits() == format(-64 & 0xFF, "08b")
    assert "-64" in formats.details["int8"].text()
    formats.number.setText("70000")
    assert "inf" in formats.details["fp16"].text()  # beyond fp16's 65504
    formats.number.setText("zero point one")
    assert formats.error.text()
    qtbot.keyClick(formats.number, Qt.Key_Backspace)  # still no crash while typing


def test_picking_the_largest_weight(view, qtbot, tiny_loaded):
    import torch

    loaded = tiny_loaded("gpt2")
    _with_model(view, loaded)
    formats = view.formats
    formats.select_layer("transformer.h.0.mlp.c_fc")
    formats.largest.click()
    qtbot.waitUntil(lambda: formats.pick_info.text() != "", timeout=5000)
    weight = loaded.model.transformer.h[0].mlp.c_fc.weight.detach()  # Conv1D: [in, out]
    largest = float(weight.abs().max())
    assert abs(abs(formats.value()) - largest) < 1e-7
    in_index, out_index = divmod(int(weight.abs().argmax()), weight.shape[1])
    channel = float(weight[:, out_index].abs().max())  # the output channel is a column of a Conv1D
    assert formats.int8_range.value() == pytest.approx(channel, abs=1e-6)
    assert formats.rows["int8"].bits() in ("01111111", "10000001")  # the largest weight is ±127
    assert "(error +0)" in formats.details["int8"].text()  # exactly: the range is not rounded to the box's decimals
    formats.range_source.setCurrentIndex(1)
    assert formats.int8_range.value() == pytest.approx(float(torch.max(weight.abs())), abs=1e-6)


def test_weights_tab_measures_every_layer(view, qtbot, tiny_loaded):
    loaded = tiny_loaded("gpt2")
    _with_model(view, loaded)
    view.show()
    view.tabs.setCurrentWidget(view.weights)
    weights = view.weights
    qtbot.waitUntil(lambda: weights.table.rowCount() > 0 and weights._histogram is not None, timeout=20000)
    assert weights.table.rowCount() == weights.layer.count() == 9
    tables = view.export_tables()
    assert len(tables["weight_errors"]) == 1 + 9 * len(weights._table.schemes)
    assert sum(row[2] for row in tables["weight_histogram"][1:]) == 96 * 32
    weights.table.cellClicked.emit(8, 0)
    assert weights.layer.currentData() == "lm_head"
    qtbot.waitUntil(lambda: weights._histogram.layer.name == "lm_head", timeout=5000)
    weights.metric_choice.setCurrentIndex(2)  # SQNR
    assert "." in weights.table.item(0, 2).text()


def _cpu_without(monkeypatch, *emulated: str) -> None:
    """Pretend this processor lacks instructions for these half-precision schemes (they are emulated)."""
    monkeypatch.setattr("viz.ui.quantization.outputs_panel._emulated_schemes", lambda device: set(emulated))


def test_outputs_compare_and_show_flips(view, qtbot, tiny_loaded, tiny_trace, monkeypatch):
    _cpu_without(monkeypatch, "fp16")  # a CPU with native bf16
    loaded = tiny_loaded("gpt2")
    _with_model(view, loaded, tiny_trace("gpt2", TEXT))
    outputs = view.outputs
    assert not outputs.checks["fp16"].isChecked()  # slow on this CPU: not by default
    assert outputs.checks["bf16"].isChecked()
    assert "slow" in outputs.checks["fp16"].text() and "slow" not in outputs.checks["bf16"].text()
    assert "parameters" in outputs.memory.text()
    outputs.checks["fp16"].setChecked(True)
    assert outputs.fp16_note.isVisibleTo(outputs) and "emulated" in outputs.fp16_note.text()
    assert outputs.use_bf16.isVisibleTo(outputs)
    outputs.use_bf16.click()
    assert not outputs.checks["fp16"].isChecked() and outputs.checks["bf16"].isChecked()
    outputs.run_bar.run_button.click()
    qtbot.waitUntil(lambda: outputs.result is not None, timeout=30000)
    result = outputs.result
    assert outputs.summary.rowCount() == len(result.results)
    assert {"bf16", "int8_tensor", "int8_channel"} <= set(result.results)
    key = outputs.token_scheme.currentData()
    html = outputs.tokens.toHtml()
    assert html.count("href=") >= len(result.labels)
    outputs.tokens.position_hovered.emit(3)
    assert "float32" in outputs.position_info.text()
    tables = view.export_tables()
    assert len(tables["token_predictions"]) == 1 + len(result.labels) * len(result.results)
    assert key in result.results


def test_on_a_cpu_without_fast_half_precision_neither_runs_by_default(view, tiny_loaded, monkeypatch):
    _cpu_without(monkeypatch, "fp16", "bf16")
    _with_model(view, tiny_loaded("gpt2"))
    outputs = view.outputs
    assert not outputs.checks["fp16"].isChecked() and not outputs.checks["bf16"].isChecked()
    assert outputs.checks["int8_tensor"].isChecked() and outputs.checks["int8_channel"].isChecked()
    outputs.checks["bf16"].setChecked(True)
    assert outputs.fp16_note.isVisibleTo(outputs)
    assert "fp16" in outputs.fp16_note.text() and "bf16" in outputs.fp16_note.text()
    assert not outputs.use_bf16.isVisibleTo(outputs)  # bf16 would be no faster


def test_cancel_stops_a_slow_comparison(view, qtbot, tiny_loaded, tiny_trace):
    loaded = tiny_loaded("gpt2")
    _with_model(view, loaded, tiny_trace("gpt2", TEXT + " Cancel me."))
    outputs = view.outputs
    for key, box in outputs.checks.items():
        box.setChecked(key == "fp16")
    outputs.run_bar.run_button.click()
    assert outputs.run_bar.cancel_button.isVisibleTo(outputs)
    outputs.run_bar.cancel_button.click()
    assert not outputs.job.busy
    assert not outputs.run_bar.cancel_button.isVisibleTo(outputs)
    qtbot.wait(300)
    assert outputs.result is None  # the cancelled result never reaches the screen


def test_scale_and_no_model(view):
    view.set_scale(2.0)
    assert view.weights.histogram_plot.scale_factor == 2.0
    assert view.export_tables() == {}
    assert view.title() and view.explanation()


def test_settings_round_trip(view, tiny_loaded):
    _with_model(view, tiny_loaded("gpt2"))
    view.formats.number.setText("3.25")
    view.weights.layer.setCurrentIndex(2)
    view.outputs.checks["int8_tensor"].setChecked(False)
    saved = view.settings()
    view.formats.number.setText("1")
    view.outputs.checks["int8_tensor"].setChecked(True)
    view.weights.layer.setCurrentIndex(0)
    view.apply_settings(saved)
    assert view.formats.number.text() == "3.25"
    assert view.weights.layer.currentIndex() == 2
    assert not view.outputs.checks["int8_tensor"].isChecked()
    view.apply_settings({"tab": 99, "layer": "no such layer", "unknown": 1})  # an older or foreign file
