"""Branches in the Sampling tab: the tree shows the greedy root, another candidate continues from the cache."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from viz.ui.state import AppState
from viz.ui.views.sampling import SamplingView


@pytest.fixture
def view(qtbot, tiny_loaded, tiny_trace):
    state = AppState()
    view = SamplingView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    loaded, trace = tiny_loaded("gpt2"), tiny_trace("gpt2", "The quick brown fox")
    state.model, state.trace = loaded, trace
    state.model_changed.emit(loaded)
    state.trace_changed.emit(trace)
    yield view
    view.shutdown()
    state.shutdown()


def test_branching_from_the_panel(view, qtbot):
    panel = view.branches
    view.chart_pages.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.tree_data is not None, timeout=20000)
    assert panel.tree.topLevelItemCount() == 1
    root = panel.tree_data.branches[0]
    assert len(root.ids) - root.prompt_length == panel.length.value()
    panel.position.setCurrentIndex(2)
    assert panel.candidate.count() > 0
    chosen = panel.candidate.currentData()
    assert chosen != root.ids[root.prompt_length + 2]
    qtbot.mouseClick(panel.go, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(panel.tree_data.branches) == 2, timeout=20000)
    made = panel.tree_data.branches[1]
    assert made.parent == 0 and made.ids[made.start] == chosen
    assert panel.tree.topLevelItem(0).childCount() == 1
    assert panel.current_branch() is made
    rows = view.export_tables()["branches"]
    assert [r[0] for r in rows[1:]] == [0, 1]
    loaded = view.state.model
    with torch.no_grad():
        logits = loaded.model(input_ids=torch.tensor([list(made.ids)])).logits[0]
    logprobs = torch.log_softmax(logits, dim=-1)
    expected = sum(float(logprobs[i - 1, made.ids[i]]) for i in range(made.prompt_length, len(made.ids)))
    assert rows[2][3] == pytest.approx(expected, abs=1e-3)
    assert view.export_widget() is view and view.chart_pages.currentWidget() is panel  # the tab as it is seen


def test_a_new_trace_clears_the_tree(view, qtbot, tiny_trace):
    panel = view.branches
    view.chart_pages.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.tree_data is not None, timeout=20000)
    first = panel.tree_data
    trace = tiny_trace("gpt2", "Attention is all you need")
    view.state.trace = trace
    view.state.trace_changed.emit(trace)
    qtbot.waitUntil(lambda: panel.tree_data is not None and panel.tree_data is not first, timeout=20000)
    assert panel.tree_data.prompt_ids == tuple(t.id for t in trace.tokens)
