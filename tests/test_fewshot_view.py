"""The Few-shot tab: the prompt shown for each k is the one scored, edits rescore, encoders get one sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viz.core.fewshot.prompt import build_prompt
from viz.core.fewshot.scoring import FewShotRequest, score_shots
from viz.ui.state import AppState
from viz.ui.views.fewshot import FewShotView


@pytest.fixture
def view(qtbot):
    state = AppState()
    view = FewShotView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    yield view
    view.shutdown()
    state.shutdown()


def _load(view, qtbot, loaded):
    view.state.model = loaded
    view.state.model_changed.emit(loaded)
    qtbot.waitUntil(lambda: view.result is not None or view.message.isVisibleTo(view), timeout=20000)


def _short_bank(view, qtbot):
    editor = view.editor
    editor.choose_task("capital")
    for row, (country, city) in enumerate([("fox", "dog"), ("cat", "dog"), ("run", "dog"), ("red", "dog")]):
        editor.table.item(row, 0).setText(country)
        editor.table.item(row, 1).setText(city)
    editor.table.item(4, 0).setText("")
    editor.table.item(4, 1).setText("")
    for field, text in ((editor.example_template, "{input}: {answer}"), (editor.query_template, "{input}:"),
                        (editor.separator, ". "), (editor.query, "the"), (editor.answer, "dog")):
        field.setText(text)
    view.result = None
    view.score()
    qtbot.waitUntil(lambda: view.result is not None, timeout=20000)


def test_scores_equal_the_core_and_each_k_shows_its_prompt(view, qtbot, tiny_loaded):
    loaded = tiny_loaded("gpt2")
    _load(view, qtbot, loaded)
    _short_bank(view, qtbot)
    editor = view.editor
    expected = score_shots(loaded, FewShotRequest(editor.template(), editor.examples(), editor.question()))
    assert [s.probability for s in view.result.scores] == pytest.approx([s.probability for s in expected.scores])
    for k in (0, 1, 2, 4):
        qtbot.mouseClick(view.shots.button(k), Qt.LeftButton)
        prompt = build_prompt(editor.template(), editor.examples(), "the", k)
        assert view.prompt.toPlainText() == prompt + " dog"
    rows = view.export_tables()["fewshot_scores"]
    assert [r[0] for r in rows[1:]] == [0, 1, 2, 4]
    assert rows[1][1] == pytest.approx(expected.scores[0].probability)


def test_editing_an_example_rescores(view, qtbot, tiny_loaded):
    _load(view, qtbot, tiny_loaded("gpt2"))
    _short_bank(view, qtbot)
    before = view.result
    view.editor.table.item(0, 1).setText("cat")
    qtbot.waitUntil(lambda: view.result is not before, timeout=20000)
    assert view.result.scores[1].prompt.startswith("fox: cat")


def test_encoder_decoder_shows_output_apart(view, qtbot, tiny_loaded):
    _load(view, qtbot, tiny_loaded("t5"))
    assert view.editor.task.currentData() == "capital"
    qtbot.mouseClick(view.shots.button(0), Qt.LeftButton)
    assert view.prompt.toPlainText() == "Country: Hungary\nCapital:\n\nBudapest"


def test_encoder_only_model_gets_one_sentence(view, qtbot, tiny_loaded):
    _load(view, qtbot, tiny_loaded("bert"))
    assert view.message.isVisibleTo(view) and "decoder" in view.message.text()


def test_settings_round_trip(view, qtbot):
    view.editor.choose_task("reverse")
    view.editor.query.setText("reverse: a b c")
    qtbot.mouseClick(view.shots.button(4), Qt.LeftButton)
    saved = view.settings()
    other = FewShotView(AppState())
    qtbot.addWidget(other)
    other.apply_settings(saved)
    assert other.settings() == saved
    other.shutdown()


def test_the_prompt_takes_the_projector_font_at_once(view):
    """Entering presentation sets the application font and calls set_scale before Qt has passed the new font
    on to the view: the prompt must follow the application font, not the view's stale one."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = QFont(app.font())
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 2)
    try:
        app.setFont(bigger)
        view.set_scale(2.0)  # no events processed in between, as in PresentationController._apply
        assert view.prompt.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
    finally:
        app.setFont(before)
