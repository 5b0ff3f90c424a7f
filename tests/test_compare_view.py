"""The Compare tab: a text against itself is zero everywhere; another text or dtype gives the core's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from viz.core.compare import Run, compare_runs
from viz.ui.state import AppState
from viz.ui.views.compare import CompareView

TEXT = "The quick brown fox jumps over the lazy dog."


@pytest.fixture
def view(qtbot, tiny_loaded, tiny_trace):
    state = AppState()
    view = CompareView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    loaded = tiny_loaded("gpt2")
    state.model, state.text = loaded, TEXT
    state.trace = tiny_trace("gpt2", TEXT)
    state.model_changed.emit(loaded)
    state.trace_changed.emit(state.trace)
    yield view
    view.shutdown()
    state.shutdown()


def _run(view, qtbot):
    view.comparison = None
    view.compare()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)


def test_a_text_against_itself_is_zero(view, qtbot):
    assert view.text_b.text() == TEXT
    _run(view, qtbot)
    assert np.all(view.comparison.kl == 0) and not view.comparison.flips.any()
    assert view.table.rowCount() == len(view.comparison.kl)
    assert " 0 top-1 flips" in view.summary.text()


def test_another_text_gives_the_cores_numbers(view, qtbot):
    view.text_b.setText("The quick brown cat sat on the mat today.")
    _run(view, qtbot)
    expected = compare_runs(Run(view.state.model, TEXT), Run(view.state.model, view.text_b.text()))
    assert view.comparison.kl == pytest.approx(expected.kl)
    assert view.export_tables()["compare"][1:] == expected.rows()[1:]


def test_another_number_format(view, qtbot):
    view.mode.setCurrentIndex(view.mode.findData("dtype"))
    view.dtype.setCurrentText("bfloat16")
    _run(view, qtbot)
    assert (view.comparison.kl > 0).any()
    assert "MB" in view.summary.text()


def _perturbed(loaded, name):
    """A copy of `loaded` with one weight changed, as a fine-tuned copy would be."""
    import copy
    import dataclasses

    import torch

    model = copy.deepcopy(loaded.model)
    with torch.no_grad():
        model.get_input_embeddings().weight[:, :4] += 0.5
    return dataclasses.replace(loaded, name=name, model=model)


def test_a_second_model_gives_the_cores_numbers_and_leaves_with_its_base(view, qtbot):
    other = _perturbed(view.state.model, "tuned copy")
    view.comparison = None
    view.compare_with_model(other)
    assert view.mode.currentData() == "model" and "tuned copy" in view.mode.currentText()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)
    expected = compare_runs(Run(view.state.model, TEXT), Run(other, TEXT))
    assert view.comparison.kl == pytest.approx(expected.kl)
    assert (view.comparison.kl > 0).any()
    assert "tuned copy" in view.summary.text()
    view.state.model_changed.emit(view.state.model)  # another model replaces the base: the pair is gone
    assert view.second_model is None and view.mode.findData("model") < 0 and view.mode.currentData() == "text"


def test_heads_show_the_attention_difference_for_one_text_only(view, qtbot):
    from viz.core.compare_attention import attention_difference
    from viz.core.trace import TraceRequest, run_trace

    _run(view, qtbot)  # two texts: no heads to pair
    assert view.heads.heads is None and "compare_heads" not in view.export_tables()
    other = _perturbed(view.state.model, "tuned copy")
    view.comparison = None
    view.compare_with_model(other)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)
    trace_a = run_trace(view.state.model, TraceRequest(TEXT))
    trace_b = run_trace(other, TraceRequest(TEXT))
    kind = trace_a.kinds[0]
    np.testing.assert_allclose(view.heads.current(), attention_difference(trace_a, trace_b, kind), atol=1e-7)
    assert view.heads.current().max() > 0
    rows = view.export_tables()["compare_heads"]
    assert rows[0] == ["kind", "layer", "head", "total_variation"] and len(rows) == 1 + view.heads.current().size
    assert "(the largest)" in view.heads.note.text()


def test_another_model_from_a_folder_loads_through_the_load_path(view, qtbot, tiny_model_dir):
    view.mode.setCurrentIndex(view.mode.findData("source"))
    assert view.source_b.isVisibleTo(view) and not view.text_b.isVisibleTo(view)
    view.source_b.setText(str(tiny_model_dir("gpt2")))  # the same weights as the loaded tiny model
    _run(view, qtbot)
    assert not view.comparison.kl.any() and not view.comparison.flips.any()
    assert "MB" in view.summary.text()  # the second model's memory is shown
    assert view.heads.current() is not None and not view.heads.current().any()


def test_a_model_that_would_not_fit_is_refused_with_a_sentence(view, qtbot, tiny_model_dir, monkeypatch):
    import viz.core.memory_fit as memory_fit

    monkeypatch.setattr(memory_fit, "free_bytes", lambda device: 1024)  # almost nothing free
    view.mode.setCurrentIndex(view.mode.findData("source"))
    view.source_b.setText(str(tiny_model_dir("gpt2")))
    view.compare()
    qtbot.waitUntil(lambda: "would not fit" in view.summary.text(), timeout=30000)
    assert "GB is free on cpu" in view.summary.text() and view.comparison is None


def test_no_model_b_named_asks_for_one(view):
    view.mode.setCurrentIndex(view.mode.findData("source"))
    view.compare()
    assert "Name model B first" in view.summary.text()
