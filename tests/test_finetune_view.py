"""The Fine-tune tab driven as a person would: pick a method, see the counts, train, cancel, use the result."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from viz.ui.state import AppState
from viz.ui.theme import refresh_fonts
from viz.ui.views.finetune import FinetuneView


@pytest.fixture
def view(qtbot, tiny_loaded):
    state = AppState()
    loaded = tiny_loaded("t5")
    state.model = loaded
    view = FinetuneView(state)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    yield view
    view.shutdown()
    state.shutdown()


def test_counts_follow_the_method(view):
    from viz.core.finetune.methods import MethodSpec, parameter_counts, trainable_copy

    loaded = view.state.model
    view.method_panel.rank.setValue(4)
    peft_model = trainable_copy(loaded.model, loaded.family, view.method_panel.spec(), seed=0)
    trainable, total = peft_model.get_nb_trainable_parameters()
    assert f"{trainable}" in view.method_panel.counts.text().replace(",", "").replace("\u00a0", "")
    view.method_panel.picker.setCurrentIndex(view.method_panel.picker.findData("full"))
    full = parameter_counts(loaded.model, loaded.family, MethodSpec("full")).trainable
    assert str(full) in view.method_panel.counts.text().replace(",", "").replace("\u00a0", "")


def test_start_and_cancel_a_run(view, qtbot):
    before = {n: p.detach().clone() for n, p in view.state.model.model.named_parameters()}
    view.train_panel.steps.setValue(100_000)
    view.train_panel.batch.setValue(2)
    qtbot.mouseClick(view.train_panel.train_button, __import__("PySide6.QtCore").QtCore.Qt.LeftButton)
    assert view.job.busy and view.train_panel.cancel_button.isVisibleTo(view)
    qtbot.waitUntil(lambda: len(view.loss_chart.live) >= 2, timeout=60_000)  # the live curve grows
    qtbot.mouseClick(view.train_panel.cancel_button, __import__("PySide6.QtCore").QtCore.Qt.LeftButton)
    assert not view.job.busy
    assert "Cancelled" in view.train_panel.status.text()
    assert view.result is None and not view.train_panel.use_button.isEnabled()
    assert all((p == before[n]).all() for n, p in view.state.model.model.named_parameters())


def test_a_short_run_fills_the_tables_and_can_be_used(view, qtbot):
    view.train_panel.steps.setValue(2)
    view.train_panel.batch.setValue(2)
    view.start_training()
    qtbot.waitUntil(lambda: view.result is not None, timeout=120_000)
    tables = view.export_tables()
    assert tables["finetune_loss"][0] == ["run", "step", "loss"] and len(tables["finetune_loss"]) == 3
    rows = tables["finetune_before_after"]
    assert [r[0] for r in rows[1:]] == ["time", "date", "words", "number", "reverse"]
    assert view.forgetting.table.rowCount() == 5
    assert len(tables["finetune_examples"]) == 1 + sum(len(t.examples) for t in view.result.after.tasks)
    assert view.train_panel.use_button.isEnabled()
    table = view.forgetting.table
    view.tabs.setCurrentWidget(view.forgetting)
    view.resize(2400, 900)  # room for all six columns
    qtbot.waitUntil(lambda: not table.isColumnHidden(2) and not table.isColumnHidden(3))
    app = QApplication.instance()
    normal = QFont(app.font())
    large = QFont(normal)
    large.setPixelSize(40)
    app.setFont(large)  # what presentation mode does: a projector's font, here in a 1024-pixel window
    refresh_fonts(app, view)
    try:
        view.resize(1024, 700)  # ROUGE-1 and ROUGE-2 step aside; exact match, ROUGE-L and BLEU stay
        qtbot.waitUntil(lambda: table.isColumnHidden(2) and table.isColumnHidden(3))
    finally:
        app.setFont(normal)
        refresh_fonts(app, view)
    assert not any(table.isColumnHidden(c) for c in (0, 1, 4, 5))
    assert table.item(0, 0).font().bold() and "tuned on" in table.item(0, 0).toolTip()
    models = []
    view.state.model_changed.connect(models.append)
    view.use_result()  # merged on a worker thread: the window stays responsive while the weights are copied
    assert not view.train_panel.use_button.isEnabled()
    qtbot.waitUntil(lambda: len(models) == 1, timeout=30_000)
    assert models[0].name.endswith("LoRA r=8") and view.state.model is models[0] and not view.merge_worker.busy


def test_template_without_slot_is_refused(view):
    view.task_panel.template.setText("no slot here")
    view.start_training()
    assert not view.job.busy and "{input}" in view.train_panel.status.text()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_presentation_sizes_keep_the_main_picture_large(view, qtbot, size):
    view.set_scale(1.5)
    view.resize(*size)
    qtbot.wait(50)
    assert view.tabs.width() >= size[0] * 0.5
    assert view.controls_scroll.width() + view.tabs.width() <= size[0]


def test_each_method_suggests_its_learning_rate(view):
    from viz.ui.finetune.train_panel import LEARNING_RATES

    picker = view.method_panel.picker
    assert view.train_panel.lr.value() == pytest.approx(LEARNING_RATES["lora"])
    picker.setCurrentIndex(picker.findData("full"))
    assert view.train_panel.lr.value() == pytest.approx(LEARNING_RATES["full"])
    assert LEARNING_RATES["full"] < LEARNING_RATES["lora"]
    view.apply_settings({"method": "prompt", "lr": 0.01})  # a session's own rate wins over the suggestion
    assert view.train_panel.lr.value() == pytest.approx(0.01)


def test_compare_with_base_hands_over_the_tuned_copy(view, qtbot):
    view.train_panel.steps.setValue(2)
    view.train_panel.batch.setValue(2)
    assert not view.train_panel.compare_button.isEnabled()
    view.start_training()
    qtbot.waitUntil(lambda: view.result is not None, timeout=120_000)
    handed = []
    view.compare_requested.connect(handed.append)
    qtbot.mouseClick(view.train_panel.compare_button, __import__("PySide6.QtCore").QtCore.Qt.LeftButton)
    qtbot.waitUntil(lambda: len(handed) == 1, timeout=30_000)
    assert handed[0].name.endswith("LoRA r=8")
    assert handed[0].model is not view.state.model.model and view.state.model is not handed[0]  # the base stays
    view.compare_result()  # merging again; another model arrives before the copy is ready: the copy is dropped
    view.state.use_model(handed[0])
    qtbot.wait(1_000)
    assert len(handed) == 1 and not view.merge_worker.busy and not view.train_panel.compare_button.isEnabled()
