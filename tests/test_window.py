"""The window opens, loads a model off the GUI thread, shows its name, and survives bad input."""

from __future__ import annotations

import threading

import pytest


def _load_and_wait(qtbot, window, source: str):
    with qtbot.waitSignal(window.state.trace_changed, timeout=30_000):
        window.load_source(source)


def test_window_loads_a_model_and_shows_its_name(qtbot, window, tiny_model_dir):
    folder = tiny_model_dir("gpt2")
    window.show()
    _load_and_wait(qtbot, window, str(folder))
    assert window.state.model.name == folder.name
    assert folder.name in window.model_bar.info.text()
    assert folder.name in window.windowTitle()
    assert window.state.trace.tokens


def test_loading_runs_off_the_gui_thread(qtbot, window, tiny_model_dir, monkeypatch):
    import viz.ui.state as state_module

    threads = []
    original = state_module._load

    def spy(request):
        threads.append(threading.current_thread())
        return original(request)

    monkeypatch.setattr(state_module, "_load", spy)
    _load_and_wait(qtbot, window, str(tiny_model_dir("bert")))
    assert threads and threads[0] is not threading.main_thread()


@pytest.mark.parametrize(
    "source,message",
    [
        ("/definitely/not/a/folder", "not found"),
        ("someone/absent-model", "not in the local cache"),
    ],
)
def test_bad_model_shows_message_and_keeps_previous_model(qtbot, window, tiny_model_dir, source, message):
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    previous = window.state.model
    with qtbot.waitSignal(window.state.load_failed, timeout=30_000):
        window.load_source(source)
    assert window.error_label.isVisibleTo(window)
    assert message in window.error_label.text()
    assert window.state.model is previous
    with qtbot.waitSignal(window.state.trace_changed, timeout=30_000):
        window.set_text("still usable")
    assert window.state.trace.text == "still usable"


def test_unsupported_and_corrupt_models_show_messages(qtbot, window, tmp_path, tiny_model_dir):
    import json
    import shutil

    image = tmp_path / "image-model"
    image.mkdir()
    (image / "config.json").write_text(json.dumps({"model_type": "vit", "architectures": ["ViTModel"]}))
    (image / "model.safetensors").write_bytes(b"")
    with qtbot.waitSignal(window.state.load_failed, timeout=30_000):
        window.load_source(str(image))
    assert "not a text transformer" in window.error_label.text()
    corrupt = shutil.copytree(tiny_model_dir("gpt2"), tmp_path / "corrupt")
    (corrupt / "model.safetensors").write_bytes(b"garbage")
    with qtbot.waitSignal(window.state.load_failed, timeout=30_000):
        window.load_source(str(corrupt))
    assert "could not be loaded" in window.error_label.text()


def test_empty_text_shows_nothing_stale_and_no_crash(qtbot, window, tiny_model_dir):
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    window.set_text("   ")
    qtbot.wait(400)
    assert window.state.trace.text.strip()  # the last good trace stays on screen


def test_newest_text_wins(qtbot, window, tiny_model_dir):
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    with qtbot.waitSignal(window.state.trace_changed, timeout=30_000):
        for text in ("one", "one two", "one two three"):
            window.state.set_text(text, immediate=True)
    qtbot.wait(200)
    assert window.state.trace.text == "one two three"


def test_encoder_decoder_shows_target_field(qtbot, window, tiny_model_dir):
    window.show()
    _load_and_wait(qtbot, window, str(tiny_model_dir("t5")))
    assert window.target_edit.isVisible()
    assert window.state.trace.output_tokens


def test_model_picker_lists_bundled_models_with_descriptions(window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    from viz.core.resources import bundled_models

    combo = window.model_bar.source
    names = [combo.itemText(i) for i in range(combo.count())]
    for model in bundled_models():
        assert model.name in names
        index = combo.model().index(names.index(model.name), 0)
        option = QStyleOptionViewItem()
        combo.itemDelegate().initStyleOption(option, index)
        assert option.text == f"{model.name} — {model.description}"
    assert {"demo-gpt2", "demo-bert", "demo-t5"} <= set(names)


def test_language_switch_keeps_the_model_text_view_and_model_box(window, qtbot):
    """Switching to Magyar rebuilds the widgets; the loaded model, its name in the model box (Load would load
    it again), the text and the open view stay."""
    from viz.ui import i18n

    window.show()
    with qtbot.waitSignal(window.state.trace_changed, timeout=120_000):
        window.load_source("demo-gpt2")
    loaded = window.state.model
    window.set_text("Hello there, general")
    window.show_view("sampling")
    try:
        window.set_language("hu")
        qtbot.waitUntil(lambda: window.tabs.tabText(0) != "Tokens", timeout=60_000)
        assert window.state.model is loaded
        assert window.model_bar.source.currentText() == "demo-gpt2"
        assert window.text_edit.toPlainText() == "Hello there, general"
        assert window.current_view().key == "sampling"
        assert "decoder-only" not in window.model_bar.info.text()  # the family name is translated
    finally:
        i18n.install_language("en")


def test_fine_tune_compare_opens_the_compare_tab_on_the_tuned_copy(qtbot, window, tiny_model_dir):
    import dataclasses

    window.show()
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    tuned = dataclasses.replace(window.state.model, name="tuned")
    window.view("finetune").compare_requested.emit(tuned)  # what "Compare with base" sends
    compare = window.view("compare")
    assert window.current_view() is compare and compare.second_model is tuned
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=30_000)
    assert not compare.comparison.kl.any()  # the same weights: no difference anywhere


def test_compare_heads_reach_the_attention_tab(qtbot, window, tiny_model_dir):
    """The Compare tab's per-head differences are named on the Attention overview's hover, and clicking a head
    in its map opens that head of run A in the Attention tab."""
    import copy
    import dataclasses

    import torch

    window.show()
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    base = window.state.model
    model = copy.deepcopy(base.model)
    with torch.no_grad():
        model.get_input_embeddings().weight[:, :4] += 0.5
    compare = window.view("compare")
    compare.compare_with_model(dataclasses.replace(base, name="tuned", model=model))
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=30_000)
    attention = window.view("attention")
    kind = compare.heads.current_kind()
    window.show_view("attention")
    # the tab is built when first asked for: its overview draws once it is on screen
    qtbot.waitUntil(lambda: attention.overview.differences is not None and attention.overview.grid is not None,
                    timeout=30_000)
    assert attention.overview.differences.tolist() == compare.heads.current().tolist()
    assert "Against tuned: total variation" in attention.overview._describe(0, 1)
    window.show_view("compare")
    compare.heads.map.cell_clicked.emit(1, 2)  # what a click on layer 2, head 3 sends
    assert window.current_view() is attention
    assert (attention.toolbar.kind, attention.toolbar.layer, attention.toolbar.head) == (kind, 1, 2)
