"""The tokens view: chips in reading order, hover lights up characters, tokenizers compared."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from test_tokenization import unigram_tokenizer, wordpiece_tokenizer

TEXT = "Őrülten ünnepélyes 🙂 café"


@pytest.fixture(scope="module")
def resources(tmp_path_factory):
    """A resources folder whose bundled models are a WordPiece and a Unigram tokenizer (no weights)."""
    root = tmp_path_factory.mktemp("resources")
    for name, build in (("demo-bert", wordpiece_tokenizer), ("demo-t5", unigram_tokenizer)):
        folder = root / "models" / name
        build().save_pretrained(folder)
        (folder / "config.json").write_text(json.dumps({}), encoding="utf-8")
    return root


@pytest.fixture
def view(qtbot, tiny_loaded, tiny_trace, resources, monkeypatch):
    from viz.ui.state import AppState
    from viz.ui.views.tokens import TokensView

    monkeypatch.setenv("TRANSFORMER_VIZ_RESOURCES", str(resources))
    state = AppState()
    widget = TokensView(state)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    loaded = tiny_loaded("gpt2")
    state.model = loaded
    state.model_changed.emit(loaded)
    with qtbot.waitSignal(widget.compare.compared, timeout=30000):
        state.trace = tiny_trace("gpt2", TEXT)
        state.trace_changed.emit(state.trace)
    yield widget
    widget.compare.worker.shutdown()
    state.shutdown()


def test_chips_show_the_tokens_in_reading_order(view):
    trace = view.state.trace
    labels = view.flow.chip_texts()
    assert len(labels) == len(trace.tokens)
    assert "Ġ" not in "".join(labels) and "␣" in "".join(labels)
    assert labels.count("🙂") >= 2  # the emoji's byte pieces each show it
    lefts = [view.flow.chip_rect(i) for i in range(len(labels))]
    for a, b in zip(lefts, lefts[1:]):  # reading order: right of the previous chip, or on a lower line
        assert b.left() > a.left() or b.top() > a.top()


@pytest.mark.parametrize("which", ["first", "ü", "emoji", "café"])
def test_hover_lights_up_exactly_the_tokens_characters(view, qtbot, which):
    tokens = view.flow.tokens()
    pick = {
        "first": lambda t: t.index == 0,
        "ü": lambda t: t.source == "ü",
        "emoji": lambda t: t.source == "🙂" and t.splits_character,
        "café": lambda t: "caf" in t.source,
    }[which]
    token = next(t for t in tokens if pick(t))
    center = view.flow.chip_rect(token.index).center().toPoint()
    with qtbot.waitSignal(view.flow.hovered) as signal:
        qtbot.mouseMove(view.flow, center)
    assert signal.args == [token.index]
    assert view.source.lit_span() == (token.start, token.end)
    assert "id {}".format(token.id) in view.details.text()
    lit = view.source.textCursor()
    assert lit.position() == len(TEXT[: token.start].encode("utf-16-le")) // 2  # scrolled to it, in UTF-16 units
    if token.splits_character:
        size = len(token.source.encode("utf-8"))
        assert "of the {} bytes of “{}”".format(size, token.source) in view.details.text()
    qtbot.mouseMove(view.flow, QPoint(view.flow.width() - 3, view.flow.height() - 3))
    assert view.source.lit_span() is None


def test_keyboard_selection_walks_the_tokens(view, qtbot):
    view.flow.setFocus()
    qtbot.keyClick(view.flow, Qt.Key_Right)
    first = view.flow.tokens()[0]
    assert view.flow.selected_index() == 0 and view.source.lit_span() == (first.start, first.end)
    qtbot.keyClick(view.flow, Qt.Key_End)
    assert view.flow.selected_index() == len(view.flow.tokens()) - 1
    qtbot.keyClick(view.flow, Qt.Key_Escape)
    assert view.flow.selected_index() == -1


def test_counts(view):
    trace = view.state.trace
    text = view.counts_label.text()
    assert "{} characters".format(len(TEXT)) in text
    assert "{} tokens".format(len(trace.tokens)) in text
    assert "{:.2f} characters per token".format(len(TEXT) / len(trace.tokens)) in text


def _distinct_colours(image, step=7) -> set:
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_screenshot_is_not_blank(view):
    image = view.export_widget().grab().toImage()
    assert image.width() >= 1000 and image.height() >= 600
    assert len(_distinct_colours(image)) > 10
    chips = view.flow.grab().toImage()
    assert len(_distinct_colours(chips, 3)) > 5


def test_compare_rows_from_bundled_tokenizers(view, qtbot):
    comparison = view.compare.comparison()
    names = [row.name for row in comparison.rows]
    assert names == [view.state.model.name, "demo-bert", "demo-t5"]
    kinds = [row.scheme.description for row in comparison.rows]
    assert kinds == ["byte-level BPE", "WordPiece", "Unigram (SentencePiece)"]
    assert view.compare.summary.rowCount() == 3
    assert view.compare.summary.item(1, 3).text() == str(comparison.rows[1].counts.tokens)
    rows = view.compare.rows
    image = rows.grab().toImage()
    assert len(_distinct_colours(image, 3)) > 5
    # aligned on characters: WordPiece's one box for "café" spans exactly the byte-level BPE's boxes for it
    word = next(i for i, t in enumerate(comparison.rows[1].tokens) if t.source == "café")
    box = rows.token_rect(1, word)
    start = TEXT.index("café")
    pieces = [t.index for t in comparison.rows[0].tokens if start <= t.start and t.end <= start + 4]
    assert len(pieces) >= 2
    left = min(rows.token_rect(0, i).left() for i in pieces)
    right = max(rows.token_rect(0, i).right() for i in pieces)
    assert box.left() == pytest.approx(left, abs=1) and box.right() == pytest.approx(right, abs=1)
    assert box.width() > 3 * rows.font().pointSizeF()
    with qtbot.waitSignal(rows.hovered) as signal:
        qtbot.mouseMove(rows, box.center().toPoint())
    assert signal.args == [1, word]
    # unchecking a tokenizer drops its row
    with qtbot.waitSignal(view.compare.compared, timeout=30000):
        view.compare._choices[1][1].setChecked(False)
    assert [row.name for row in view.compare.comparison().rows] == [view.state.model.name, "demo-bert"]


def test_export_tables(view):
    tables = view.export_tables()
    assert tables["tokens"][0][:3] == ["index", "id", "piece"]
    assert len(tables["tokens"]) == len(view.state.trace.tokens) + 1
    assert len(tables["tokenizers"]) == 4


def test_many_tokens_lay_out(view, tiny_loaded):
    from viz.core.tokenization import display_segments, display_tokens
    from viz.core.tokenization_scheme import describe_tokenizer
    from viz.core.trace import tokenize

    tokenizer = tiny_loaded("gpt2").tokenizer
    text = " ".join([TEXT] * 60)
    tokens, _, _ = tokenize(tokenizer, text)
    shown = display_tokens(text, tokens, describe_tokenizer(tokenizer))
    assert len(shown) > 1000
    view.flow.set_tokens(shown, display_segments(shown))
    last = view.flow.chip_rect(len(shown) - 1)
    assert view.flow.minimumHeight() >= last.bottom()
    assert view.flow.index_at(last.center()) == len(shown) - 1


def test_settings_round_trip(view, qtbot):
    view.flow.set_selected(2)
    with qtbot.waitSignal(view.compare.compared, timeout=30000):
        view.compare._choices[0][1].setChecked(False)
    saved = view.settings()
    assert saved == {"selected_token": 2, "compare_off": ["demo-bert"]}
    view.flow.set_selected(-1)
    with qtbot.waitSignal(view.compare.compared, timeout=30000):
        view.apply_settings({"compare_off": [], "selected_token": 2, "unknown": 1})
    assert view.flow.selected_index() == 2 and view.compare.unchecked() == []
    token = view.flow.tokens()[2]
    assert view.source.lit_span() == ((token.start, token.end) if token.end > token.start else None)


def test_a_cut_text_shows_and_compares_only_what_the_model_sees(view, qtbot, tiny_trace):
    long_text = " ".join([TEXT] * 200)  # far past the tiny model's 64 positions
    trace = tiny_trace("gpt2", long_text)
    assert trace.truncated
    with qtbot.waitSignal(view.compare.compared, timeout=30000):
        view.state.trace = trace
        view.state.trace_changed.emit(trace)
    seen = trace.text[: max(t.end for t in trace.tokens if not t.special)]
    assert len(seen) < len(trace.text) // 4
    assert view.source.toPlainText() == seen
    assert view.compare.comparison().text == seen
