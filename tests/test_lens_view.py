"""The Lens tab driven as a person would: grid filled, hover text, a click attributes, a head opens in Attention."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from viz.ui.export import is_blank, render_image


@pytest.fixture
def lens_window(window, qtbot, tiny_loaded, tiny_trace):
    def show(arch: str, target: str | None = None):
        window.show()
        window.adopt(tiny_loaded(arch), tiny_trace(arch, target=target))
        window.show_view("lens")
        view = window.view("lens")
        qtbot.waitUntil(lambda: view.result is not None and not view.busy(), timeout=60_000)
        return view

    return show


def _click(qtbot, grid, row: int, col: int):
    centre = grid.cell_rect(row, col).center()
    qtbot.mouseClick(grid, Qt.LeftButton, pos=QPoint(centre.x(), centre.y()))


def test_lens_grid_shows_each_layers_top_token_and_the_final_row_is_the_prediction(lens_window, qtbot, tiny_loaded):
    import torch

    view = lens_window("gpt2")
    result = view.result
    loaded = tiny_loaded("gpt2")
    ids = torch.tensor([loaded.tokenizer(view.state.trace.text)["input_ids"]])
    with torch.no_grad():
        expected = loaded.model(input_ids=ids).logits[0].argmax(-1).numpy()
    np.testing.assert_array_equal(result.final_ids, expected)
    grid = view.lens.grid
    layers = result.top_ids.shape[0]
    assert len(grid.rows) == layers + 2  # layers, the tokens, the commitment strip
    top_row = grid.rows[0]  # the last layer is drawn on top
    assert top_row.key == layers - 1
    assert grid.rows[-1].texts == [str(int(c)) for c in result.commitment]
    tip = grid.tooltip(layers - 1, 2)
    assert result.text_of(result.top_ids[-1, 2, 0]).replace("\n", "⏎") in tip and tip.count("%") == 5 + 1
    assert not is_blank(render_image(view.export_widget()))


@pytest.mark.parametrize("arch", ["gpt2", "t5"])
def test_the_lens_tab_projects_the_traces_residuals_without_running_the_model(lens_window, arch, monkeypatch):
    import viz.core.lens as lens

    runs = []
    original = lens.run_body
    monkeypatch.setattr(lens, "run_body", lambda *a, **k: runs.append(1) or original(*a, **k))
    view = lens_window(arch)
    assert view.result.complete and runs == []


def test_clicking_a_cell_attributes_it_and_a_head_opens_in_the_attention_tab(lens_window, qtbot):
    view = lens_window("gpt2")
    qtbot.waitUntil(lambda: view.attribution.result is not None, timeout=30_000)
    grid = view.lens.grid
    with qtbot.waitSignal(view.attribution_worker.succeeded, timeout=30_000):
        _click(qtbot, grid, 0, 3)  # last layer, position 3
    attribution = view.attribution.result
    assert attribution.position == 3 and attribution.token_id == int(view.result.top_ids[-1, 3, 0])
    assert attribution.total == pytest.approx(attribution.logit, abs=1e-4)
    view.tabs.setCurrentWidget(view.attribution)
    dla = view.attribution.grid
    with qtbot.waitSignal(view.head_requested) as signal:
        _click(qtbot, dla, 1, 2)  # row 1: the last layer (layer 2), column H2
    assert signal.args == ["decoder", 1, 2]
    window = view.window()
    attention = window.view("attention")
    assert window.current_view() is attention
    assert (attention.toolbar.layer, attention.toolbar.head) == (1, 2)


def test_neurons_follow_a_clicked_neuron_and_exports_hold_every_table(lens_window, qtbot):
    view = lens_window("llama")
    qtbot.waitUntil(lambda: view.neurons.result is not None, timeout=30_000)
    view.tabs.setCurrentWidget(view.neurons)
    neurons = view.neurons
    chosen = int(neurons.result.top_ids[1, 0])
    with qtbot.waitSignal(view.neuron_worker.succeeded, timeout=30_000):
        _click(qtbot, neurons.grid, 1, 1)  # row "#1", token 1
    assert neurons.result.neuron == chosen == neurons.neuron.value()
    assert neurons.result.neuron_values[1] == pytest.approx(float(neurons.result.top_values[1, 0]))
    tables = view.export_tables()
    assert {"lens", "commitment", "attribution", "neurons_top", "neuron_strip", "residual_norms"} <= set(tables)
    seq, layers = len(view.result.tokens), view.result.top_ids.shape[0]
    assert len(tables["lens"]) == 1 + seq * layers


def test_encoder_decoder_shows_the_decoder_side_and_the_encoder_as_context(lens_window, qtbot):
    view = lens_window("t5", target="quick fox")
    assert view.result.side == "decoder"
    assert len(view.result.tokens) == len(view.state.trace.output_tokens)
    assert view.result.encoder_norms.shape[1] == len(view.state.trace.tokens)
    assert any(str(row.label).startswith("encoder") for row in view.residual.grid.rows)


def test_post_norm_models_explain_why_there_is_no_attribution(lens_window, qtbot):
    view = lens_window("bert")
    assert view.result.side == "encoder"
    qtbot.waitUntil(lambda: "pre-norm" in view.attribution.title.text(), timeout=30_000)


def test_the_first_screen_comes_first_and_the_whole_grid_replaces_it(window, qtbot, tiny_loaded, tiny_trace, monkeypatch):
    import viz.ui.views.lens as lens_view

    monkeypatch.setattr(lens_view, "FIRST_SCREEN_POSITIONS", 3)
    view = window.view("lens")
    shown = []
    view.lens_worker.succeeded.connect(lambda result: shown.append((result.complete, len(result.tokens),
                                                                     view.status.text())))
    window.show()
    window.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2"))
    window.show_view("lens")
    qtbot.waitUntil(lambda: view.result is not None and view.result.complete and not view.busy(), timeout=60_000)
    total = view.result.total_positions
    assert total > 3
    assert [(complete, n) for complete, n, _ in shown] == [(False, 3), (True, total)]
    assert f"first 3 of {total} positions" in shown[1][2]  # said while the rest was projected
    assert not view.status.isVisible()
    assert len(view.lens.grid.rows[0].texts) == total
