"""The sampling lab driven as a person would: sliders, greedy, clicks, steps, generate and cancel, masks."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt

from viz.core.resources import models_dir

TEXT = "The quick brown fox jumps over the lazy dog."


def _reference_kept(logits: np.ndarray, temperature: float, top_k: int, top_p: float) -> np.ndarray:
    """transformers' warpers in generate()'s order: an independent answer to what survives."""
    import torch
    from transformers.generation.logits_process import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    scores = torch.from_numpy(np.array(logits, dtype=np.float32))[None]
    if temperature != 1.0:
        scores = TemperatureLogitsWarper(temperature)(None, scores)
    if top_k:
        scores = TopKLogitsWarper(top_k)(None, scores)
    if top_p < 1.0:
        scores = TopPLogitsWarper(top_p)(None, scores)
    return torch.isfinite(scores[0]).numpy()


def _shown_mass(view) -> float:
    return float(re.search(r"([\d.]+)\s?%", view.summary.mass_label.text()).group(1)) / 100


def _shown_kept(view) -> int:
    return int(re.search(r"Kept: ([\d,]+) of", view.summary.kept_label.text()).group(1).replace(",", ""))


@pytest.fixture
def make_view(qtbot, tiny_loaded, tiny_trace):
    from viz.ui.state import AppState
    from viz.ui.views.sampling import SamplingView

    made = []

    def make(arch="gpt2", text=TEXT, target=None, loaded=None):
        state = AppState()
        state.model = loaded or tiny_loaded(arch)
        view = SamplingView(state)
        qtbot.addWidget(view)
        made.append((view, state))
        view.resize(1400, 900)
        view.show()
        if loaded is None:
            trace = tiny_trace(arch, text, target)
        else:
            from viz.core.trace import TraceRequest, run_trace

            trace = run_trace(loaded, TraceRequest(text))
        state.trace = trace
        state.trace_changed.emit(trace)
        return view

    yield make
    for view, state in made:
        view.shutdown()
        state.shutdown()


def _check_display(view, logits: np.ndarray) -> None:
    """What the summary and the bars show equals the reference for the settings the controls show."""
    c = view.controls
    temperature, top_k, top_p = c.temperature_spin.value(), c.top_k_spin.value(), c.top_p_spin.value()
    kept = _reference_kept(logits, temperature, top_k, top_p)
    scaled = logits.astype(np.float64) / temperature
    tempered = np.exp(scaled - scaled.max())
    tempered /= tempered.sum()
    assert _shown_kept(view) == kept.sum()
    assert _shown_mass(view) == pytest.approx(tempered[kept].sum(), abs=5e-5)  # shown with 2 decimals of a %
    ids = np.argsort(-logits, kind="stable")[: len(view.chart.labels)]
    bars = view.chart.kept_bars.opts
    shown_kept_ids = ids[np.asarray(bars["y"], dtype=int)]
    assert set(shown_kept_ids) == set(ids[kept[ids]])
    np.testing.assert_allclose(np.asarray(bars["width"]) / 100, tempered[shown_kept_ids], rtol=1e-4, atol=1e-7)


def test_slider_moves_change_what_is_shown(make_view, qtbot):
    view = make_view("gpt2")
    logits = view.state.trace.logits_row(-1)
    c = view.controls
    assert view.position == len(view.state.trace.tokens) - 1  # the end of the input by default
    _check_display(view, logits)
    c.temperature_slider.setFocus()
    for _ in range(6):
        qtbot.keyClick(c.temperature_slider, Qt.Key_PageDown)  # colder
    assert c.temperature_spin.value() < 0.5
    qtbot.keyClick(c.top_p_slider, Qt.Key_PageDown)
    qtbot.keyClick(c.top_p_slider, Qt.Key_PageDown)
    assert c.top_p_spin.value() == pytest.approx(0.92)
    _check_display(view, logits)
    kept_before = _shown_kept(view)
    for _ in range(3):
        qtbot.keyClick(c.temperature_slider, Qt.Key_PageUp)  # warmer: more tokens needed for the same mass
    _check_display(view, logits)
    assert _shown_kept(view) > kept_before
    qtbot.keyClick(c.top_k_slider, Qt.Key_Right)  # off -> 1
    assert c.top_k_spin.value() == 1
    _check_display(view, logits)
    assert _shown_kept(view) == 1
    for _ in range(4):
        qtbot.keyClick(c.top_k_slider, Qt.Key_PageUp)
    assert c.top_k_spin.value() > 1
    _check_display(view, logits)


def test_top_k_runs_to_the_whole_vocabulary(make_view, qtbot):
    view = make_view("gpt2")
    c, vocab = view.controls, view.state.trace.vocab_size
    qtbot.keyClick(c.top_k_slider, Qt.Key_End)
    assert c.top_k_spin.value() == vocab and c.top_k_spin.maximum() == vocab
    qtbot.keyClick(c.top_k_slider, Qt.Key_Home)
    assert c.top_k_spin.value() == 0 and c.top_k_spin.text() == "off"


def test_greedy_explanation_toggles_the_box_when_clicked(make_view, qtbot):
    view = make_view("gpt2")
    view.show()
    qtbot.mouseClick(view.controls.greedy_note, Qt.LeftButton)
    assert view.controls.greedy_check.isChecked()
    qtbot.mouseClick(view.controls.greedy_note, Qt.LeftButton)
    assert not view.controls.greedy_check.isChecked()


def test_greedy_keeps_only_the_argmax(make_view, qtbot):
    view = make_view("gpt2")
    qtbot.mouseClick(view.controls.greedy_check, Qt.LeftButton)
    logits = view.state.trace.logits_row(-1)
    assert view.controls.greedy_check.isChecked() and not view.controls.temperature_slider.isEnabled()
    assert _shown_kept(view) == 1
    assert view.distribution.kept[int(np.argmax(logits))]
    assert list(view.chart.kept_bars.opts["y"]) == [0]  # the top bar
    qtbot.mouseClick(view.buttons.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(view.sequence.steps) == 1, timeout=10000)
    assert view.sequence.steps[0].token_id == int(np.argmax(logits)) and view.sequence.steps[0].rank == 1


def test_seeded_steps_are_reproducible_and_recorded(make_view, qtbot):
    view = make_view("gpt2")
    view.controls.seed_spin.setValue(7)
    view.controls.top_p_spin.setValue(0.95)
    shown = view.distribution
    qtbot.mouseClick(view.buttons.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(view.sequence.steps) == 1, timeout=10000)
    step = view.sequence.steps[0]
    assert step.probability == pytest.approx(float(shown.probs[step.token_id]))
    assert step.rank == int((shown.logits > shown.logits[step.token_id]).sum()) + 1
    assert view.history.item(0, 0).text() == step.label
    assert view.history.item(0, 1).text() == f"{step.probability:.1%}"
    assert view.history.item(0, 2).text() == str(step.rank)
    assert view.strip.count() == len(view.state.trace.tokens) + 1
    assert view.position == len(view.state.trace.tokens)  # now showing the distribution after the new token
    qtbot.mouseClick(view.buttons.undo_button, Qt.LeftButton)
    assert not view.sequence.steps and view.history.rowCount() == 0
    qtbot.mouseClick(view.buttons.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(view.sequence.steps) == 1, timeout=10000)
    assert view.sequence.steps[0].token_id == step.token_id
    tokens = []
    for seed in range(8):
        view.reset()
        view.controls.seed_spin.setValue(seed)
        view.run_steps(1)
        qtbot.waitUntil(lambda: len(view.sequence.steps) == 1, timeout=10000)
        tokens.append(view.sequence.steps[0].token_id)
    assert len(set(tokens)) > 1  # the seed matters


def test_generate_updates_live_and_cancels_between_steps(make_view, qtbot):
    view = make_view("gpt2")
    prompt = len(view.state.trace.tokens)
    seen = []

    def on_step(sequence):
        seen.append((len(sequence.steps), view.strip.count(), view.history.rowCount()))
        if len(seen) == 3:
            qtbot.mouseClick(view.buttons.cancel_button, Qt.LeftButton)

    view.runner.advanced.connect(on_step)
    view.buttons.steps_spin.setValue(40)
    qtbot.mouseClick(view.buttons.generate_button, Qt.LeftButton)
    assert view.buttons.cancel_button.isEnabled() and not view.buttons.step_button.isEnabled()
    qtbot.waitUntil(lambda: not view.runner.running, timeout=20000)
    qtbot.wait(200)
    assert [s[0] for s in seen] == [1, 2, 3]
    assert seen[-1][1] == prompt + 3 and seen[-1][2] == 3  # strip and history followed each step
    assert len(view.sequence.steps) == 3 and view.buttons.step_button.isEnabled()
    view.buttons.steps_spin.setValue(5)
    qtbot.mouseClick(view.buttons.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not view.runner.running, timeout=20000)
    assert len(view.sequence.steps) == 8
    qtbot.mouseClick(view.buttons.reset_button, Qt.LeftButton)
    assert view.strip.count() == prompt and not view.sequence.steps


def test_clicking_a_token_shows_its_distribution(make_view, qtbot):
    view = make_view("gpt2")
    rect = view.strip.visualItemRect(view.strip.item(2))
    qtbot.mouseClick(view.strip.viewport(), Qt.LeftButton, pos=rect.center())
    assert view.position == 2
    np.testing.assert_array_equal(view.distribution.logits, view.state.trace.logits_row(2))
    assert "position 3 of" in view.headline.text()
    _check_display(view, view.state.trace.logits_row(2))


def test_logit_mode_draws_scaled_logits(make_view):
    view = make_view("gpt2")
    view.controls.temperature_spin.setValue(0.5)
    view.mode_combo.setCurrentIndex(view.mode_combo.findData("logits"))
    logits = view.state.trace.logits_row(-1)
    ids = np.argsort(-logits, kind="stable")[: len(view.chart.labels)]
    bars = view.chart.kept_bars.opts
    ends = np.asarray(bars["x0"]) + np.asarray(bars["width"])
    np.testing.assert_allclose(ends, logits[ids[np.asarray(bars["y"], dtype=int)]] / 0.5, rtol=1e-5)
    table = view.export_tables()["distribution"]
    assert table[0][0] == "rank" and len(table) == len(view.chart.labels) + 1 == view.count_spin.value() + 1


def test_masked_lm_with_tiny_bert(make_view, qtbot):
    view = make_view("bert", "The quick [MASK] fox [MASK] over")
    mask_id = view.state.model.tokenizer.mask_token_id
    masks = [i for i, t in enumerate(view.state.trace.tokens) if t.id == mask_id]
    assert view.position == masks[0] and view.strip.currentRow() == masks[0]
    np.testing.assert_array_equal(view.distribution.logits, view.state.trace.logits_row(masks[0]))
    _check_display(view, view.state.trace.logits_row(masks[0]))
    qtbot.mouseClick(view.buttons.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(view.sequence.steps) == 1, timeout=10000)
    assert view.sequence.ids[masks[0]] != mask_id and view.position == masks[1]
    view.run_steps(1)
    qtbot.waitUntil(lambda: len(view.sequence.steps) == 2, timeout=10000)
    assert view.position is None
    view.run_steps(1)
    assert "No mask left" in view.message.text() and len(view.sequence.steps) == 2
    plain = make_view("bert", "no mask in this text")
    assert plain.position is None and plain.message.isVisible() and "[MASK]" in plain.message.text()


@pytest.mark.skipif(not (models_dir() / "demo-bert").exists(), reason="the bundled demo-bert is not built yet")
def test_masked_lm_with_the_bundled_encoder(make_view):
    from viz.core.loading import LoadRequest, load_model

    loaded = load_model(LoadRequest("demo-bert", device="cpu"))
    view = make_view(loaded=loaded, text="The return statement is used to leave a [MASK] and give a value back.")
    masks = [i for i, t in enumerate(view.state.trace.tokens) if t.id == loaded.tokenizer.mask_token_id]
    assert masks and view.position == masks[0]
    _check_display(view, view.state.trace.logits_row(masks[0]))
    assert all(label.strip() for label in view.chart.labels)


def test_encoder_decoder_steps_grow_the_output(make_view, qtbot):
    view = make_view("t5")
    n = len(view.state.trace.output_tokens)
    assert view.strip.count() == n > 1  # the whole output the model wrote, as the Attention tab shows it
    assert f"output position 1 of {n}" in view.headline.text()
    view.strip.position_chosen.emit(2)  # walking through the output
    assert f"output position 3 of {n}" in view.headline.text()
    for step in (1, 2):  # single steps: a run of several would stop at an end-of-sequence token
        view.run_steps(1)
        qtbot.waitUntil(lambda: len(view.sequence.steps) == step and not view.runner.running, timeout=10000)
    assert view.strip.count() == n + 2 and f"output position {n + 2} of {n + 2}" in view.headline.text()


def test_a_model_without_lm_head_says_so(qtbot, tiny_model_dir):
    from viz.core.loading import LoadRequest, load_model
    from viz.core.trace import run_trace
    from viz.ui.state import AppState
    from viz.ui.views.sampling import SamplingView

    state = AppState()
    state.model = load_model(LoadRequest(str(tiny_model_dir("llama", bare=True)), device="cpu"))
    view = SamplingView(state)
    qtbot.addWidget(view)
    trace = run_trace(state.model, TEXT)
    state.trace_changed.emit(trace)
    assert "no language-model head" in view.message.text() and not view.buttons.step_button.isEnabled()
    view.shutdown()
    state.shutdown()


def test_the_probability_axis_labels_no_tick_past_100_percent(make_view):
    view = make_view()
    axis = view.chart.getPlotItem().getAxis("bottom")
    assert axis.tickStrings([0.0, 50.0, 100.0, 120.0], 1.0, 20.0)[-1] == ""
    assert axis.tickStrings([100.0], 1.0, 20.0) != [""]
    view.mode_combo.setCurrentIndex(view.mode_combo.findData("logits"))
    assert axis.tickStrings([120.0], 1.0, 20.0) != [""]  # logits have no cap
