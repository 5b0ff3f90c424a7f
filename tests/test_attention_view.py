"""The attention view driven as a person would: overview, hover readouts, kinds, aggregates, lines, steps."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from test_attention_core import _rollout_by_hand, random_attention, synthetic_trace
from tiny_models import stacked_attention

from viz.core.attention import HEAD_MAX, HEAD_MEAN, ROLLOUT, causal_mask, display_label
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF
from viz.ui.attention.style import MASKED_RGBA, lookup_table
from viz.ui.attention.toolbar import DETAIL, LINES, OVERVIEW, STEPS
from viz.ui.state import AppState
from viz.ui.views.attention import AttentionView


@pytest.fixture
def shown(qtbot):
    """`shown(trace)` -> an AttentionView on screen showing `trace`; its workers stop afterwards."""
    made = []

    def make(trace, size=(1300, 850)):
        state = AppState()
        view = AttentionView(state)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        state.trace = trace
        state.trace_changed.emit(trace)
        made.append((state, view))
        return view

    yield make
    for state, view in made:
        view.overview_worker.shutdown()
        view.rollout_worker.shutdown()
        state.shutdown()


def wait_overview(qtbot, view, kind):
    qtbot.waitUntil(lambda: view.overview.grid is not None and view.toolbar.kind == kind, timeout=5000)
    return view.overview.grid


def viewport_point(graphics, scene_pos) -> QPoint:
    return graphics.mapFromScene(scene_pos)


@pytest.mark.parametrize("arch", ["gpt2", "bert", "t5"])
def test_overview_holds_every_layer_and_head_of_each_kind(qtbot, shown, tiny_trace, arch):
    trace = tiny_trace(arch, "The quick brown fox.", "Der Fuchs." if arch == "t5" else None)
    view = shown(trace)
    assert view.toolbar.mode == OVERVIEW
    for kind in trace.kinds:
        view.toolbar.set_kind(kind)
        grid = wait_overview(qtbot, view, kind)
        assert (grid.layers, grid.heads) == trace.attention_shape(kind)[:2]
        n_query, n_key = trace.attention_shape(kind)[-2:]
        assert (grid.cell_rows, grid.cell_cols) == (n_query, n_key)
        np.testing.assert_allclose(grid.head_max, stacked_attention(trace, kind).max(axis=(-2, -1)), rtol=1e-6)
        assert view.overview.image.image.shape[:2] == grid.values.shape


def test_clicking_a_thumbnail_opens_that_head(qtbot, shown, tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox.")
    view = shown(trace)
    wait_overview(qtbot, view, DECODER_SELF)
    overview = view.overview
    point = viewport_point(overview.graphics, overview.scene_pos_of(1, 2))
    qtbot.mouseMove(overview.graphics.viewport(), point)
    qtbot.waitUntil(lambda: overview.hovered == (1, 2))
    assert "Layer 2, head 3" in overview.readout.text()
    # a causal head's largest weight is always 1 (the first token sees only itself): the hover names its pattern
    assert "largest weight" not in overview.readout.text()
    qtbot.mouseClick(overview.graphics.viewport(), Qt.LeftButton, pos=point)
    assert view.toolbar.mode == DETAIL
    assert (view.toolbar.layer, view.toolbar.head) == (1, 2)
    np.testing.assert_array_equal(view.detail.matrix, trace.attention(DECODER_SELF, 1, 2))


def test_hovering_a_detail_cell_reports_the_traced_weight(qtbot, shown, tiny_trace):
    trace = tiny_trace("bert", "The quick brown fox jumps.")
    view = shown(trace)
    view.toolbar.set_head(1, 3, DETAIL)
    detail = view.detail
    attn = trace.attention(ENCODER_SELF, 1, 3)  # [query, key]
    queries, keys = trace.labels(ENCODER_SELF)
    for row, col in [(0, 0), (2, 5), (len(queries) - 1, 1)]:
        # The slot a mouse move calls, with scene coordinates ...
        detail._on_mouse_moved(detail.scene_pos_of(row, col))
        assert f"{attn[row, col]:.4f}" in detail.readout.text()
        assert display_label(queries[row]) in detail.readout.text()
        assert display_label(keys[col]) in detail.readout.text()
    # ... and a real mouse move over the plot.
    qtbot.mouseMove(detail.graphics.viewport(), viewport_point(detail.graphics, detail.scene_pos_of(3, 4)))
    qtbot.waitUntil(lambda: detail.hovered == (3, 4))
    assert f"weight {attn[3, 4]:.4f}" in detail.readout.text()


def test_clicking_a_cell_or_a_query_label_pins_its_row(qtbot, shown, tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox.")
    view = shown(trace)
    view.toolbar.set_head(0, 0, DETAIL)
    detail = view.detail
    point = viewport_point(detail.graphics, detail.scene_pos_of(2, 1))
    qtbot.mouseClick(detail.graphics.viewport(), Qt.LeftButton, pos=point)
    assert detail.pinned == 2 and detail.pin_box.isVisible()
    assert display_label(trace.labels(DECODER_SELF)[0][2]) in detail.pinned_label.text()
    detail.query_axis.token_clicked.emit(4)
    assert detail.pinned == 4 and detail.query_axis.pinned == 4


def test_switching_kinds_changes_the_axes(qtbot, shown, tiny_trace):
    trace = tiny_trace("t5", "translate: hello world, how are you", "hallo welt")
    view = shown(trace)
    view.toolbar.set_head(0, 0, DETAIL)
    inputs, outputs = trace.side_labels("input"), trace.side_labels("output")
    assert len(inputs) != len(outputs)
    for kind, (query_labels, key_labels) in {
        ENCODER_SELF: (inputs, inputs), DECODER_SELF: (outputs, outputs), CROSS: (outputs, inputs)
    }.items():
        view.toolbar.set_kind(kind)
        detail = view.detail
        assert detail.matrix.shape == (len(query_labels), len(key_labels))
        assert detail.query_axis.labels() == [display_label(s) for s in query_labels]
        assert detail.key_axis.labels() == [display_label(s) for s in key_labels]
        assert view.detail.image.image.shape[:2] == (len(query_labels), len(key_labels))


def test_aggregates_shown_match_numpy(qtbot, shown):
    attentions = random_attention((3, 4, 6, 6), seed=3, causal=True)  # [layer, head, query, key]
    view = shown(synthetic_trace({DECODER_SELF: attentions}))
    view.toolbar.set_head(1, 0, DETAIL)
    view.toolbar.set_aggregate(HEAD_MEAN)
    np.testing.assert_allclose(view.detail.matrix, attentions[1].mean(axis=0), atol=1e-6)
    view.toolbar.set_aggregate(HEAD_MAX)
    np.testing.assert_allclose(view.detail.matrix, attentions[1].max(axis=0))
    view.toolbar.set_aggregate(ROLLOUT)
    qtbot.waitUntil(lambda: DECODER_SELF in view._rollouts and view.stack.currentWidget() is view.detail, timeout=30_000)
    np.testing.assert_allclose(view.detail.matrix, _rollout_by_hand(attentions)[1], atol=1e-6)
    assert "rollout" in view.detail.plot.titleLabel.text.lower()


def test_rollout_is_not_offered_for_cross_attention(qtbot, shown, tiny_trace):
    view = shown(tiny_trace("t5", "hello world", "hallo"))
    view.toolbar.set_mode(DETAIL)
    view.toolbar.set_aggregate(ROLLOUT)
    view.toolbar.set_kind(CROSS)
    combo = view.toolbar.aggregate_combo
    assert not combo.model().item(combo.findData(ROLLOUT)).isEnabled()
    assert view.toolbar.aggregate == HEAD_MEAN


def test_masked_positions_look_distinct_from_zero(qtbot, shown):
    attentions = random_attention((1, 2, 8, 8), seed=4, causal=True)
    attentions[0, 0, 5, :] = 0  # a genuine zero-weight row (not masked) ...
    attentions[0, 0, 5, 0] = 1.0  # ... except its first key
    view = shown(synthetic_trace({DECODER_SELF: attentions}))
    view.toolbar.set_head(0, 0, DETAIL)
    rgba = view.detail.image.image  # [query, key, 4]
    mask = causal_mask(8, 8)
    assert (rgba[mask] == MASKED_RGBA).all()
    lut = {tuple(c) for c in lookup_table()}
    assert tuple(MASKED_RGBA) not in lut
    assert tuple(rgba[5, 3]) != tuple(MASKED_RGBA)  # zero data keeps the colour map's bottom colour
    assert tuple(rgba[5, 3]) == tuple(lookup_table()[0])
    assert not view.detail.hatch.path().isEmpty()
    view.detail._on_mouse_moved(view.detail.scene_pos_of(2, 6))
    assert "masked" in view.detail.readout.text()
    view.toolbar.set_mode(OVERVIEW)
    grid = wait_overview(qtbot, view, DECODER_SELF)
    assert (view.overview.image.image[grid.masked] == MASKED_RGBA).all()


def test_lines_offered_only_for_short_inputs(qtbot, shown, tiny_trace):
    view = shown(tiny_trace("gpt2", "The quick brown fox."))
    assert view.toolbar.mode_available(LINES)
    view.toolbar.set_head(0, 1, LINES)
    lines = view.lines.lines
    assert lines.matrix.shape[0] <= 48 and view.lines.scroll.isVisible()
    qtbot.mouseMove(lines, lines.point_of("query", 2).toPoint())
    qtbot.waitUntil(lambda: lines.focus == ("query", 2))
    assert "attends most to" in view.lines.readout.text()

    long_view = shown(synthetic_trace({ENCODER_SELF: random_attention((1, 2, 60, 60))}))
    assert not long_view.toolbar.mode_available(LINES) and "48" in long_view.toolbar.mode_buttons[LINES].toolTip()
    qtbot.mouseClick(long_view.toolbar.mode_buttons[LINES], Qt.LeftButton)  # chosen anyway: the panel says why
    assert long_view.lines.message.isVisible() and not long_view.lines.scroll.isVisible()
    assert "48" in long_view.lines.message.text() and "60" in long_view.lines.message.text()


def test_steps_walk_the_cross_attention_rows(qtbot, shown, tiny_trace):
    trace = tiny_trace("t5", "translate: hello world", "hallo welt")
    view = shown(trace)
    view.toolbar.set_head(1, 2, STEPS)
    assert view.toolbar.kind == CROSS  # steps show cross-attention for encoder-decoder models
    steps = view.steps
    cross = trace.attention(CROSS, 1, 2)  # [output, input]
    np.testing.assert_array_equal(steps.input_strip.weights, cross[0])
    qtbot.keyClick(steps, Qt.Key_Right)
    qtbot.keyClick(steps, Qt.Key_Right)
    assert steps.index == 2
    np.testing.assert_array_equal(steps.input_strip.weights, cross[2])
    assert steps.output_strip.current == 2
    qtbot.mouseClick(steps.previous_button, Qt.LeftButton)
    assert steps.index == 1
    qtbot.keyClick(steps, Qt.Key_End)
    assert steps.index == cross.shape[0] - 1 and not steps.next_button.isEnabled()
    outputs = trace.side_labels("output")
    assert display_label(outputs[1]) in view.steps.step_label.text() or steps.steps[1].reads == outputs[1]


def test_steps_for_a_decoder_mask_later_tokens(qtbot, shown, tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox.")
    view = shown(trace)
    view.toolbar.set_head(0, 0, STEPS)
    strip = view.steps.input_strip
    view.steps.set_step(3)
    assert strip.current == 3
    assert strip.masked[4:].all() and not strip.masked[:4].any()
    assert not view.steps.output_strip.isVisible()
    encoder_view = shown(tiny_trace("bert"))
    assert not encoder_view.toolbar.mode_available(STEPS)
    qtbot.mouseClick(encoder_view.toolbar.mode_buttons[STEPS], Qt.LeftButton)
    assert encoder_view.stack.currentWidget() is encoder_view.message
    assert "no decoding steps" in encoder_view.message.text()


def _distinct_colours(image) -> int:
    ptr = image.constBits()
    array = np.frombuffer(ptr, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = array[:, : image.width() * 4].reshape(-1, 4)
    return len(np.unique(pixels.view(np.uint32)))


def test_screenshots_are_not_blank_and_show_token_labels(qtbot, shown, tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox jumps.")
    view = shown(trace)
    grid = wait_overview(qtbot, view, DECODER_SELF)
    assert grid is not None
    overview_shot = view.export_widget().grab().toImage()
    assert overview_shot.width() > 400 and _distinct_colours(overview_shot) > 20
    view.toolbar.set_head(0, 0, DETAIL)
    qtbot.wait(50)
    detail = view.detail
    shot = detail.graphics.grab().toImage()
    assert _distinct_colours(shot) > 20
    labels = [display_label(s) for s in trace.labels(DECODER_SELF)[1]]
    assert detail.key_axis.labels() == labels
    axis = detail.key_axis
    cell_pixels = axis.geometry().width() / len(labels)
    assert axis.visible_indices(cell_pixels, 0, len(labels)) == list(range(len(labels)))  # none thinned out
    # The rotated labels draw ink in the axis strip.
    strip = detail.graphics.mapFromScene(axis.mapRectToScene(QRectF(axis.boundingRect()))).boundingRect()
    ink = shot.copy(strip)
    assert _distinct_colours(ink) > 3


def test_export_tables_and_presentation_scale(qtbot, shown, tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox.")
    view = shown(trace)
    view.toolbar.set_head(1, 1, DETAIL)
    tables = view.export_tables()
    n = trace.attention_shape(DECODER_SELF)[-1]
    assert len(tables["attention"]) == n + 1 and len(tables["attention"][0]) == n + 1
    assert tables["attention"][2][1] == pytest.approx(float(trace.attention(DECODER_SELF, 1, 1)[1, 0]))
    assert len(tables["head_maxima"]) == trace.layer_count + 1
    before = view.detail.key_axis._font.pointSizeF()
    view.set_scale(2.0)
    assert view.detail.key_axis._font.pointSizeF() == pytest.approx(2 * before)


def test_attention_settings_round_trip(qtbot, tiny_trace):
    """A saved session restores kind, mode, layer, head and aggregate."""
    from viz.ui.state import AppState
    from viz.ui.views.attention import AttentionView

    state = AppState()
    view = AttentionView(state)
    qtbot.addWidget(view)
    trace = tiny_trace("t5", "reverse: a b c", target="c b a")
    state.trace = trace
    state.trace_changed.emit(trace)
    view.toolbar.set_kind("cross")
    view.toolbar.set_head(1, 2, mode="detail")
    saved = view.settings()
    assert saved["kind"] == "cross" and saved["layer"] == 1 and saved["head"] == 2 and saved["mode"] == "detail"

    other = AttentionView(state)
    qtbot.addWidget(other)
    state.trace_changed.emit(trace)
    other.apply_settings(saved)
    assert other.settings() == saved
    state.shutdown()


def test_toolbar_offers_attention_kinds_only_once_a_trace_names_them(qtbot):
    from viz.ui.attention.toolbar import AttentionToolbar

    bar = AttentionToolbar()
    qtbot.addWidget(bar)
    bar.show()
    assert not bar.kind_box.isVisible()  # before any model: no kind buttons to puzzle over
    bar.configure([DECODER_SELF], layers=4, heads=6, reset_mode=True)
    assert bar.kind_box.isVisible()
    assert [k for k, b in bar.kind_buttons.items() if b.isVisible()] == [DECODER_SELF]
    bar.configure([ENCODER_SELF, DECODER_SELF, CROSS], layers=2, heads=8, reset_mode=True)
    assert all(b.isVisible() for b in bar.kind_buttons.values())


def test_overview_names_the_strongest_pattern_heads_and_opens_them(qtbot, shown):
    from test_head_patterns import planted

    from viz.core.head_patterns import even_weight

    attentions = planted()
    trace = synthetic_trace({DECODER_SELF: attentions})
    view = shown(trace)
    wait_overview(qtbot, view, DECODER_SELF)
    line = view.overview.patterns
    assert line.isVisible()
    text = line.text()
    assert 'href="1:2"' in text and 'href="2:0"' in text and 'href="0:3"' in text
    assert f"{even_weight(attentions.shape[-1], causal=True):.2f}" in text
    assert "next token" not in text  # a decoder cannot look ahead
    line.linkActivated.emit("1:2")  # what a click on "layer 2, head 3" does
    assert view.toolbar.mode == DETAIL
    assert (view.toolbar.layer, view.toolbar.head) == (1, 2)
    np.testing.assert_array_equal(view.detail.matrix, attentions[1, 2])
    table = view.export_tables()["head_patterns"]
    assert table[0][:2] == ["layer", "head"]
    assert table[1 + 1 * attentions.shape[1] + 2][:3] == [2, 3, pytest.approx(1.0)]


def test_cross_attention_names_no_pattern_heads(qtbot, shown, tiny_trace):
    trace = tiny_trace("t5", "The quick brown fox.", "Der Fuchs.")
    view = shown(trace)
    view.toolbar.set_kind(CROSS)
    wait_overview(qtbot, view, CROSS)
    assert not view.overview.patterns.isVisible()
    assert "head_patterns" not in view.export_tables()
    view.toolbar.set_kind(ENCODER_SELF)
    wait_overview(qtbot, view, ENCODER_SELF)
    assert view.overview.patterns.isVisible()
    assert "next token" in view.overview.patterns.text()  # the encoder may look ahead
    assert view.export_tables()["head_patterns"][0] == [
        "layer", "head", "previous token", "next token", "first token", "the token itself"]


def test_grouped_query_heads_and_sliding_window_are_shown(shown, qtbot, tiny_loaded):
    """Gemma 2: 4 query heads over 2 key/value heads; layer 1 slides over the last 4 tokens."""
    from viz.core.trace import run_trace

    trace = run_trace(tiny_loaded("gemma2"), "The quick brown fox jumps over the lazy dog again and again.")
    view = shown(trace)
    wait_overview(qtbot, view, DECODER_SELF)
    assert "2 per key/value head" in view.overview._title
    view.toolbar.set_head(0, 2, DETAIL)
    assert "heads 3–4" in view.detail._title
    n = len(trace.tokens)
    q, k = np.indices((n, n))
    np.testing.assert_array_equal(view.detail.masked, (k > q) | (q - k >= 4))  # window of 4, causal
    assert "sliding window" in view.detail.mask_note.text()
    view.detail._on_mouse_moved(view.detail.scene_pos_of(n - 1, 0))  # the last token over the first
    assert "outside the sliding window" in view.detail.readout.text()
    view.toolbar.set_head(1, 0, DETAIL)  # the global layer: causal only
    np.testing.assert_array_equal(view.detail.masked, k > q)
