"""The Compare tab's Side by side page: each run's tokens, one head, the next-token candidates and the logit lens,
checked against direct computations on the models."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from viz.core.compare_attention import attention_difference
from viz.core.trace import TraceRequest, run_trace
from viz.ui.compare.side_page import ATTENTION, LENS, NEXT, TOKENS
from viz.ui.state import AppState
from viz.ui.views.compare import CompareView

TEXT = "The quick brown fox jumps over the lazy dog."
OTHER = "The quick red fox sat on the lazy mat today."


def _make_view(qtbot, tiny_loaded, tiny_trace, arch="gpt2"):
    state = AppState()
    view = CompareView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    loaded = tiny_loaded(arch)
    state.model, state.text = loaded, TEXT
    state.trace = tiny_trace(arch, TEXT)
    state.model_changed.emit(loaded)
    state.trace_changed.emit(state.trace)
    return view


@pytest.fixture
def view(qtbot, tiny_loaded, tiny_trace):
    view = _make_view(qtbot, tiny_loaded, tiny_trace)
    yield view
    view.shutdown()
    view.state.shutdown()


def _run(view, qtbot, text_b=None):
    if text_b is not None:
        view.text_b.setText(text_b)
    view.comparison = None
    view.compare()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)


def _choose(view, choice):
    view.result_tabs.setCurrentWidget(view.side)
    view.side.choice.setCurrentIndex(view.side.choice.findData(choice))


def _logits(loaded, text):
    ids = loaded.tokenizer(text)["input_ids"]
    with torch.inference_mode():
        return ids, loaded.model(input_ids=torch.tensor([ids])).logits[0].float()  # [position, vocab]


def _perturbed(loaded, name):
    import copy
    import dataclasses

    model = copy.deepcopy(loaded.model)
    with torch.no_grad():
        model.get_input_embeddings().weight[:, :4] += 0.5
    return dataclasses.replace(loaded, name=name, model=model)


def test_a_run_against_itself_shows_identical_sides(view, qtbot):
    _run(view, qtbot)  # text B is the text: the same run twice
    side = view.side
    _choose(view, TOKENS)
    marked_a, marked_b = side.tokens.marked()
    assert not any(m.any() for m in marked_a + marked_b)
    assert side.tokens.run_a.flows[0].chip_texts() == side.tokens.run_b.flows[0].chip_texts()
    assert "the same tokens" in side.result.text()
    _choose(view, ATTENTION)
    np.testing.assert_array_equal(side.attention.map_a.matrix, side.attention.map_b.matrix)
    assert side.outcome.side.head_difference(side.kind.currentData(), 0, 0) == 0.0
    assert "Total variation between the two heads: 0.0000" in side.result.text()
    _choose(view, NEXT)
    a, b = side.next_tokens.chart_a.candidates, side.next_tokens.chart_b.candidates
    np.testing.assert_array_equal(a.ids, b.ids)
    np.testing.assert_array_equal(a.probs, b.probs)
    assert "KL(A ‖ B) 0.0000 nats" in side.result.text() and "the same top-1 token" in side.result.text()
    assert side.current_position() == len(view.comparison.kl) - 1  # no flip: the last position


def test_next_token_bars_are_the_softmax_of_each_runs_logits(view, qtbot):
    _run(view, qtbot, OTHER)
    _choose(view, NEXT)
    side = view.side
    flips = np.flatnonzero(view.comparison.flips)
    assert side.current_position() == (flips[0] if len(flips) else len(view.comparison.kl) - 1)
    side.position.setValue(4)  # shown from 1: position 3
    assert side.current_position() == 3
    for text, chart in ((TEXT, side.next_tokens.chart_a), (OTHER, side.next_tokens.chart_b)):
        _ids, logits = _logits(view.state.model, text)
        probs = torch.softmax(logits[3], dim=-1)
        top = torch.topk(probs, 10)
        np.testing.assert_array_equal(chart.candidates.ids, top.indices.numpy())
        np.testing.assert_allclose(chart.candidates.probs, top.values.numpy(), rtol=1e-4, atol=1e-6)
        bars = [item for item in chart.plotItem.items if type(item).__name__ == "BarGraphItem"]
        np.testing.assert_allclose(bars[0].opts["width"], top.values.numpy() * 100, rtol=1e-4)
    c = view.comparison
    assert f"KL(A ‖ B) {c.kl[3]:.4f}" in side.result.text().replace(",", ".")
    rows = view.export_tables()["compare_side_by_side"]
    assert rows[0][:2] == ["position", "rank"] and len(rows) == 11 and rows[1][0] == 3
    assert view.export_widget() is side.next_tokens


def test_the_kl_chart_and_the_positions_table_choose_the_position(view, qtbot):
    view.show()
    _run(view, qtbot, OTHER)
    _choose(view, NEXT)
    qtbot.wait(50)
    chart = view.chart
    point = chart.mapFromScene(chart.scene_pos_of(5))
    qtbot.mouseClick(chart.viewport(), Qt.LeftButton, pos=QPoint(int(point.x()), int(point.y())))
    qtbot.waitUntil(lambda: view.side.current_position() == 5, timeout=5000)
    assert view.side.next_tokens.chart_a.candidates.ids.tolist() == view.side.outcome.side.next_tokens(
        "a", 5).ids.tolist()
    view.result_tabs.setCurrentWidget(view.table)
    qtbot.wait(50)
    rect = view.table.visualItemRect(view.table.item(2, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert view.side.current_position() == 2


def test_the_heatmaps_are_the_traces_attention(view, qtbot):
    other = _perturbed(view.state.model, "tuned copy")
    view.comparison = None
    view.compare_with_model(other)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)
    _choose(view, ATTENTION)
    side = view.side
    side.layer.setValue(2)
    side.head.setValue(3)
    trace_a, trace_b = run_trace(view.state.model, TraceRequest(TEXT)), run_trace(other, TraceRequest(TEXT))
    kind = trace_a.kinds[0]
    np.testing.assert_allclose(side.attention.map_a.matrix, trace_a.attention(kind, 1, 2), atol=1e-6)
    np.testing.assert_allclose(side.attention.map_b.matrix, trace_b.attention(kind, 1, 2), atol=1e-6)
    expected = attention_difference(trace_a, trace_b, kind)[1, 2]  # the Heads page's number for this head
    assert expected > 0
    assert side.outcome.side.head_difference(kind, 1, 2) == pytest.approx(expected, abs=1e-6)
    assert f"{expected:.4f}" in side.result.text().replace(",", ".")
    top = side.attention.colour_bar.bar.levels()[1]  # one colour scale: the larger of the two heads' tops
    assert top == pytest.approx(max(side.attention.map_a.matrix.max(), side.attention.map_b.matrix.max()))


def test_tokens_that_differ_are_marked(view, qtbot):
    _run(view, qtbot, OTHER)
    _choose(view, TOKENS)
    tokenizer = view.state.model.tokenizer
    ids_a, ids_b = tokenizer(TEXT)["input_ids"], tokenizer(OTHER)["input_ids"]
    expected_a = [i >= len(ids_b) or ids_a[i] != ids_b[i] for i in range(len(ids_a))]
    expected_b = [i >= len(ids_a) or ids_b[i] != ids_a[i] for i in range(len(ids_b))]
    marked_a, marked_b = view.side.tokens.marked()
    assert marked_a[0].tolist() == expected_a and marked_b[0].tolist() == expected_b
    assert any(expected_a) and not all(expected_a)
    assert "Orange outline" in view.side.result.text()


def test_settings_round_trip_and_bad_values_are_ignored(view, qtbot, tiny_loaded, tiny_trace):
    _run(view, qtbot, OTHER)
    _choose(view, ATTENTION)
    view.side.layer.setValue(2)
    view.side.head.setValue(4)
    view.side.set_position(2)
    saved = view.settings()
    assert saved["side"] == {"choice": ATTENTION, "kind": view.side.kind.currentData(), "layer": 1, "head": 3,
                             "position": 2}
    restored = _make_view(qtbot, tiny_loaded, tiny_trace)
    try:
        restored.apply_settings(saved)
        _run(restored, qtbot)
        side = restored.side
        assert restored.result_tabs.currentWidget() is side and side.current_choice() == ATTENTION
        assert (side.layer.value(), side.head.value(), side.current_position()) == (2, 4, 2)
        restored.apply_settings({"page": 99, "side": {"choice": "bogus", "layer": -3, "head": "x",
                                                      "position": 10**6, "kind": 5}})
        assert restored.result_tabs.currentWidget() is side and side.current_choice() == ATTENTION
        assert (side.layer.value(), side.head.value(), side.current_position()) == (2, 4, 2)
        restored.apply_settings({"side": "not a dict"})
    finally:
        restored.shutdown()
        restored.state.shutdown()


def test_lens_sides_end_in_each_models_own_prediction(view, qtbot):
    _run(view, qtbot, OTHER)
    _choose(view, LENS)
    qtbot.waitUntil(lambda: view.side.lens_results is not None, timeout=30000)
    for text, result in zip((TEXT, OTHER), view.side.lens_results):
        ids, logits = _logits(view.state.model, text)
        assert result.tokens and len(result.tokens) == len(ids)
        np.testing.assert_array_equal(result.top_ids[-1, :, 0], logits.argmax(-1).numpy())
    assert view.side.stack.currentWidget() is view.side.lens
    assert len(view.side.lens.run_b.grid.rows) == view.side.lens_results[1].top_ids.shape[0] + 1


@pytest.mark.parametrize("arch", ["bert", "t5"])
def test_every_choice_shows_both_runs_of_encoders_and_encoder_decoders(qtbot, tiny_loaded, tiny_trace, arch):
    view = _make_view(qtbot, tiny_loaded, tiny_trace, arch)
    try:
        _run(view, qtbot, OTHER)
        side = view.side
        pair = side.outcome.side
        _choose(view, TOKENS)
        assert len(side.tokens.run_a.flows) == (2 if arch == "t5" else 1)
        _choose(view, ATTENTION)
        assert side.kind.count() == len(pair.kinds) and side.kind.isVisibleTo(side) == (len(pair.kinds) > 1)
        side.kind.setCurrentIndex(side.kind.count() - 1)  # t5: cross-attention, queries of the output side
        kind = side.kind.currentData()
        np.testing.assert_allclose(side.attention.map_b.matrix, pair.trace_b.attention(kind, 0, 0))
        _choose(view, NEXT)
        position = side.current_position()
        top = pair.trace_a.top_candidates
        np.testing.assert_array_equal(side.next_tokens.chart_a.candidates.ids, top.ids[position, :10])
        _choose(view, LENS)
        qtbot.waitUntil(lambda: side.lens_results is not None, timeout=30000)
        for result, trace in zip(side.lens_results, (pair.trace_a, pair.trace_b)):
            n = len(result.tokens)
            np.testing.assert_array_equal(result.top_ids[-1, :, 0], trace.top_candidates.ids[:n, 0])
    finally:
        view.shutdown()
        view.state.shutdown()


def test_a_new_model_clears_the_page(view, qtbot, tiny_loaded):
    _run(view, qtbot, OTHER)
    view.state.model_changed.emit(tiny_loaded("bert"))
    assert view.side.outcome is None and "compare again" in view.side.message.text()
