"""The Scale tab: typed sizes give the core's figures, the loaded model fills the fields, bad input is named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viz.core.scale.calculator import ScaleRequest, calculate
from viz.core.scale.known_models import KNOWN_MODELS
from viz.core.scale.memory import Shape
from viz.ui.state import AppState
from viz.ui.views.scale import ScaleView


@pytest.fixture
def view(qtbot):
    state = AppState()
    view = ScaleView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    yield view
    state.shutdown()


def _type(qtbot, field, text):
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def test_typing_gpt3_shows_its_compute(view, qtbot):
    i = view.inputs
    _type(qtbot, i.parameters, "175B")
    _type(qtbot, i.tokens, "300B")
    assert view.result.flops == pytest.approx(6 * 175e9 * 300e9)
    rows = {row[1]: row for row in view.export_tables()["scale"][1:]}
    assert rows["petaFLOP/s-days"][2] == pytest.approx(6 * 175e9 * 300e9 / 8.64e19)
    expected = calculate(ScaleRequest(Shape(175e9, 32, 4096, 32), batch=1, sequence=2048, gpus=8, tokens=300e9))
    assert rows["ZeRO-3"][2] == pytest.approx(expected.per_gpu[3].total)
    assert view.table.rowCount() > 20


def test_the_plot_is_drawn_when_seen(view, qtbot):
    view.inputs.emit_request()
    assert not view.plot.plotItem.listDataItems()  # hidden: only the table is filled
    view.show()
    qtbot.waitExposed(view)
    assert len(view.plot.plotItem.listDataItems()) >= 3  # frontier, published models, this calculation


def test_gpus_change_the_split(view):
    view.inputs.gpus.setValue(64)
    zero3 = next(row for row in view.export_tables()["scale"][1:] if row[1] == "ZeRO-3")
    assert zero3[2] == pytest.approx(16 * 7e9 / 64 + view.result.training.activations)


def test_unreadable_count_is_named_and_the_last_result_stays(view, qtbot):
    view.show()  # the first figures come when the tab is first seen
    before = view.result
    assert before is not None
    _type(qtbot, view.inputs.parameters, "lots")
    assert view.message.isVisibleTo(view) and "lots" in view.message.text()
    assert view.result is before


def test_loaded_model_fills_the_fields(view, tiny_loaded):
    loaded = tiny_loaded("gpt2")
    view.state.model = loaded
    view.state.model_changed.emit(loaded)
    assert view.result.request.shape.parameters == pytest.approx(loaded.parameter_count, rel=5e-3)  # 3 digits shown
    assert (view.inputs.layers.value(), view.inputs.hidden.value(), view.inputs.heads.value()) == (2, 32, 4)


def test_settings_round_trip(view, qtbot):
    _type(qtbot, view.inputs.parameters, "70B")
    view.inputs.batch.setValue(4)
    saved = view.settings()
    other = ScaleView(AppState())
    qtbot.addWidget(other)
    other.apply_settings(saved)
    assert other.result.request == view.result.request
    assert "scale_known_models" in view.export_tables()


@pytest.mark.parametrize("factor", [1.0, 1.8])
def test_model_names_on_the_frontier_never_overlap(view, qtbot, factor):
    """GPT-3, BLOOM and Gopher (and the four LLaMAs) sit close together: each name finds a free place."""
    view.show()
    view.set_scale(factor)  # presentation mode's larger names
    qtbot.waitUntil(lambda: len(view.plot.plotItem.listDataItems()) >= 3, timeout=10_000)
    qtbot.wait(50)
    rects = view.plot.place_labels()
    inside = view.plot.plotItem.vb.sceneBoundingRect()
    assert len(rects) == len(KNOWN_MODELS)
    assert all(inside.contains(rect) for rect in rects)
    assert not [(i, j) for i in range(len(rects)) for j in range(i) if rects[i].intersects(rects[j])]
