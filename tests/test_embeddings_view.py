"""The embeddings view: highlights, neighbours, hover, search, layers, the 3-D fallback and a real picture."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from viz.ui.embeddings import opengl, style
from viz.ui.embeddings.hover import nearest_on_screen
from viz.ui.embeddings.search import find_token

TEXT = "The quick brown fox jumps over the lazy dog."


@pytest.fixture
def make_view(qtbot, tiny_loaded, tiny_trace):
    from viz.ui.state import AppState
    from viz.ui.views.embeddings import EmbeddingsView

    made = []

    def make(arch="gpt2", text=TEXT, target=None, mode="vocabulary"):
        state = AppState()
        state.model = tiny_loaded(arch)
        state.trace = tiny_trace(arch, text, target)
        view = EmbeddingsView(state)
        qtbot.addWidget(view)
        made.append((view, state))
        view.controls.set_mode(mode)
        view.resize(1200, 800)
        view.show()
        if mode == "vocabulary":
            qtbot.waitUntil(lambda: view.vocabulary is not None, timeout=20000)
        else:
            qtbot.waitUntil(lambda: view.paths is not None, timeout=20000)
        return view

    yield make
    for view, state in made:
        view.shutdown()
        state.shutdown()
    opengl.force_unavailable(False)


def _cosine_reference(matrix: np.ndarray, index: int, k: int) -> list[int]:
    unit = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-30)
    scores = unit @ unit[index]
    scores[index] = -np.inf
    return np.argsort(-scores, kind="stable")[:k].tolist()


def _scene_pos(plot, x: float, y: float) -> QPointF:
    return plot.getViewBox().mapViewToScene(QPointF(float(x), float(y)))


def _widget_pos(plot, x: float, y: float):
    return plot.mapFromScene(_scene_pos(plot, x, y))


def _move_mouse(plot, pos) -> None:
    """A real move event (QTest.mouseMove sends none without a pressed button on some platforms)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = plot.viewport()
    event = QMouseEvent(QEvent.MouseMove, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, event)


def test_prompt_tokens_are_the_highlighted_points(make_view, tiny_trace):
    view = make_view()
    trace = tiny_trace("gpt2", TEXT)
    ids = list(dict.fromkeys(t.id for t in trace.tokens))
    plot = view.vocabulary_plot
    x, y = plot.prompt_item.getData()
    coords = view.vocabulary.projection.coords
    np.testing.assert_allclose(np.c_[x, y], coords[ids, :2])
    shown = {item.toPlainText() for item in plot._text_items}
    assert shown == {view.vocabulary.labels[i] for i in ids}
    assert len(plot.cloud.getData()[0]) == coords.shape[0]  # every vocabulary entry is a point


def test_selecting_lists_the_cosine_neighbours(make_view, tiny_loaded):
    view = make_view()
    matrix = tiny_loaded("gpt2").input_embeddings()
    view.select(42)
    expected = _cosine_reference(matrix, 42, 10)
    table = view.side_panel.neighbours
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [view.vocabulary.labels[i] for i in expected]
    assert view.vocabulary_plot.neighbour_ids == expected
    scores = [float(table.item(r, 1).text()) for r in range(table.rowCount())]
    assert scores == sorted(scores, reverse=True)
    table.cellClicked.emit(2, 0)  # following a neighbour selects it
    assert view.selected == expected[2]


def test_hover_finds_the_nearest_point_in_screen_pixels():
    points = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 1.0]])
    # x has 10 data units per pixel, y 0.1: the point one y-unit away is 10 px off, the one 10 x-units away 1 px
    assert nearest_on_screen(points, (9.0, 0.0), (10.0, 0.1), radius_px=5) == 1
    assert nearest_on_screen(points, (0.0, 0.9), (10.0, 0.1), radius_px=5) == 2
    assert nearest_on_screen(points, (0.0, 50.0), (10.0, 0.1), radius_px=5) == -1
    assert nearest_on_screen(np.zeros((0, 2)), (0, 0), (1, 1), 5) == -1


def test_mouse_over_a_point_names_it_and_a_click_selects_it(make_view, qtbot):
    view = make_view()
    plot = view.vocabulary_plot
    qtbot.waitExposed(view)
    coords = view.vocabulary.projection.coords
    target = int(view.vocabulary_plot.prompt_ids[1])
    index = plot.index_at(_scene_pos(plot, *coords[target, :2]))
    assert np.allclose(coords[index, :2], coords[target, :2], atol=1e-6)
    _move_mouse(plot, _widget_pos(plot, *coords[target, :2]))
    assert plot.hovered >= 0
    assert plot._hover_label.isVisible() and plot._hover_label.toPlainText() == view.vocabulary.labels[plot.hovered]
    qtbot.mouseClick(plot.viewport(), Qt.LeftButton, pos=_widget_pos(plot, *coords[target, :2]))
    assert view.selected == index


def test_search_box_finds_a_token(make_view, qtbot, tiny_loaded):
    view = make_view()
    wanted = tiny_loaded("gpt2").tokenizer(" quick")["input_ids"]
    box = view.side_panel.search
    box.setText("quick" if len(wanted) == 1 else view.vocabulary.labels[wanted[0]])
    qtbot.keyClick(box, Qt.Key_Return)
    assert view.selected == wanted[0]
    box.setText("no such token zzz")
    qtbot.keyClick(box, Qt.Key_Return)
    assert "zzz" in view.side_panel.search_note.text()


def test_find_token_prefers_exact_then_word_then_prefix():
    labels = ["<pad>", "the", "␣the", "␣thereby", "##ing", "The"]
    assert find_token(labels, "the") == 1
    assert find_token(labels, " the") == 2
    assert find_token(labels, "ing") == 4
    assert find_token(labels, "there") == 3
    assert find_token(labels, "#5") == 5
    assert find_token(labels, "xyz") is None


def test_three_d_falls_back_to_2d_with_a_note_when_opengl_is_missing(make_view):
    view = make_view()
    opengl.force_unavailable(True)
    view.controls.three_d.setChecked(True)
    assert view.scene3d is None
    assert view.stack.currentWidget() is view.vocabulary_plot
    assert view.gl_note.isVisible() and view.gl_note.text()
    assert not view.controls.three_d.isChecked()


def test_offscreen_display_reports_no_opengl(qapp):
    if qapp.platformName() != "offscreen":
        pytest.skip("runs on the offscreen platform")
    opengl.force_unavailable(False)
    assert "offscreen" in (opengl.unavailable_reason() or "")


def test_prompt_view_moves_tokens_through_layers(make_view):
    view = make_view(mode="prompt")
    trace = view.state.trace
    layers = trace.hidden_shape("decoder")[0]
    assert view.controls.layer.maximum() == layers - 1
    assert view.controls.layer.value() == layers - 1  # starts at the last layer
    view.controls.layer.setValue(0)
    x, y = view.paths_plot.current.getData()
    coords = view.paths[3].coords
    np.testing.assert_allclose(np.c_[x, y], coords[0, :, :2])
    assert view.side_panel.tokens.count() == len(trace.tokens)
    view.side_panel.tokens.setCurrentRow(2)
    assert view.paths_plot.selected == 2
    assert "PCA" in view.description.text()


def test_encoder_decoder_side_is_selectable(make_view, qtbot):
    view = make_view("t5", "reverse: a b c", target="c b a d", mode="prompt")
    combo = view.controls.side
    assert combo.isVisible() and combo.count() == 2
    combo.setCurrentIndex(combo.findData("decoder"))
    qtbot.waitUntil(lambda: view.paths[1] == "decoder", timeout=10000)
    assert view.paths[3].coords.shape[1] == len(view.state.trace.output_tokens)


def test_description_says_what_is_shown(make_view):
    view = make_view()
    projection = view.vocabulary.projection
    text = view.description.text()
    assert f"{projection.source_dim}-dim → 2-D by PCA" in text
    assert f"{100 * projection.explained_total(2):.1f}%" in text
    assert f"PC1 {100 * projection.explained[0]:.1f}%" in text


def test_screenshot_is_not_blank_and_shows_the_cloud(make_view, qtbot):
    view = make_view()
    qtbot.waitExposed(view)
    image = view.export_widget().grab().toImage()
    assert image.width() > 300 and image.height() > 300
    pixels = np.array([[image.pixel(x, y) for x in range(0, image.width(), 3)] for y in range(0, image.height(), 3)])
    assert len(np.unique(pixels)) > 20
    cloud = style.cloud_look(len(view.vocabulary))[1]
    rgb = (pixels >> 16 & 255, pixels >> 8 & 255, pixels & 255)
    near = (abs(rgb[0] - cloud[0]) < 60) & (abs(rgb[1] - cloud[1]) < 60) & (abs(rgb[2] - cloud[2]) < 60)
    assert near.sum() > 50  # the cloud's teal dots are drawn


def test_presentation_scale_grows_markers_and_labels(make_view):
    view = make_view()
    plot = view.vocabulary_plot
    size, font = plot.cloud.opts["size"], plot._hover_label.textItem.font().pointSizeF()
    view.set_scale(2.0)
    assert plot.cloud.opts["size"] > size and plot.prompt_item.opts["size"] == pytest.approx(2 * style.PROMPT_SIZE)
    assert plot._hover_label.textItem.font().pointSizeF() == pytest.approx(2 * font)


def test_headless_export_computes_the_picture(qtbot, tiny_loaded, tiny_trace):
    """`transformer-viz --export` grabs views that were never shown: the picture must still be there."""
    from viz.ui.state import AppState
    from viz.ui.views.embeddings import EmbeddingsView

    state = AppState()
    state.model, state.trace = tiny_loaded("bert"), tiny_trace("bert", TEXT)
    view = EmbeddingsView(state)
    qtbot.addWidget(view)
    assert view.vocabulary is None  # nothing is computed for a view nobody looks at
    widget = view.export_widget()
    assert widget is view.vocabulary_plot and view.vocabulary is not None
    assert len(view.vocabulary_plot.prompt_item.getData()[0]) == len({t.id for t in state.trace.tokens})
    view.controls.set_mode("prompt")
    assert view.export_widget() is view.paths_plot and view.paths is not None
    assert {"vocabulary_projection", "hidden_state_paths"} <= set(view.export_tables())
    view.shutdown()
    state.shutdown()


def test_settings_survive_a_saved_session(make_view):
    view = make_view()
    view.select(42)
    view.controls.set_mode("prompt")
    view.controls.unit_length.setChecked(True)
    saved = view.settings()
    again = make_view()
    again.apply_settings(dict(saved, unknown_key=1))
    assert again.controls.mode() == "prompt" and again.controls.unit_length.isChecked()
    assert again.selected == 42 or again.vocabulary.labels[again.selected] == view.vocabulary.labels[42]


def test_three_d_scene_where_opengl_works(make_view):
    """Runs on a real display with PyOpenGL (QT_QPA_PLATFORM=xcb); offscreen it is skipped."""
    opengl.force_unavailable(False)
    if opengl.unavailable_reason() is not None:
        pytest.skip(opengl.unavailable_reason())
    view = make_view()
    view.controls.three_d.setChecked(True)
    assert view.scene3d is not None and view.stack.currentWidget() is view.scene3d
    assert len(view.scene3d.cloud.pos) == len(view.vocabulary)
    assert "3-D by PCA; the three components" in view.description.text()
    view.controls.set_mode("prompt")
    view.export_widget()
    layers, seq, _ = view.paths[3].coords.shape
    assert len(view.scene3d.lines.pos) == 2 * (layers - 1) * seq
