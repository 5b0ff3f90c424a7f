"""Sessions reopen to the same model, text, view and settings; app settings persist in one versioned object."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

from viz.app import build_parser
from viz.ui.session import (
    SESSION_VERSION, Session, SessionError, capture_session, read_session, save_session,
)
from viz.ui.settings import RECENT_LIMIT, SCHEMA_VERSION, Settings, from_dict, load_settings, save_settings


@pytest.fixture
def temp_settings(tmp_path):
    """QSettings in a temporary folder: tests never touch the user's real settings."""
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


def make_window(qtbot, settings=None):
    from viz.ui.main_window import MainWindow

    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    return win


def load_and_trace(qtbot, win, source: str, text: str) -> None:
    from viz.core.loading import LoadRequest

    win.set_text(text)
    with qtbot.waitSignal(win.state.trace_changed, timeout=60_000):
        win.load(LoadRequest(source, device="cpu"))
    qtbot.waitUntil(lambda: win.state.trace is not None and win.state.trace.text == text, timeout=60_000)


class Probe:
    """Stands in for a view's settings hooks, to see exactly what reaches the view."""

    def __init__(self, view, settings):
        self.current = dict(settings)
        self.applied = []
        view.settings = lambda: dict(self.current)
        view.apply_settings = self._apply
        self.trace_when_applied = []
        self.view = view

    def _apply(self, settings):
        self.applied.append(settings)
        self.current = dict(settings)
        self.trace_when_applied.append(self.view.state.trace)


# the file format
def test_session_json_round_trip(tmp_path):
    session = Session(model="/models/demo", device="cpu", dtype="float16", text="Szia 🙂", target_text="x",
                      view="attention", views={"attention": {"layer": 2, "head": [1, 3]}, "tokens": {}})
    path = save_session(session, tmp_path / "a.tviz.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SESSION_VERSION
    assert set(data) == {"version", "model", "device", "dtype", "text", "target_text", "view", "views"}
    assert read_session(path) == session
    assert len(path.read_bytes()) < 2000  # small


@pytest.mark.parametrize("content", [
    "not json", "[1, 2]", '{"model": "x"}', '{"version": 1}', '{"version": 1, "model": ""}',
    '{"version": 1, "model": "x", "text": 5}', '{"version": 1, "model": "x", "views": []}',
])
def test_broken_session_files_give_a_message(tmp_path, content):
    path = tmp_path / "bad.tviz.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SessionError):
        read_session(path)


def test_a_newer_session_version_is_refused_with_advice(tmp_path):
    path = tmp_path / "new.tviz.json"
    path.write_text(json.dumps({"version": SESSION_VERSION + 1, "model": "x"}), encoding="utf-8")
    with pytest.raises(SessionError, match="newer"):
        read_session(path)


def test_missing_file_is_a_session_error(tmp_path):
    with pytest.raises(SessionError):
        read_session(tmp_path / "nowhere.tviz.json")


def test_command_line_takes_a_session_file():
    args = build_parser().parse_args(["lecture.tviz.json"])
    assert args.session == "lecture.tviz.json" and not args.self_test
    assert build_parser().parse_args(["--self-test", "--model", "m"]).self_test


# reopening
def test_saved_session_reopens_to_the_same_model_text_view_and_settings(qtbot, tmp_path, tiny_model_dir):
    source = str(tiny_model_dir("gpt2"))
    first = make_window(qtbot)
    load_and_trace(qtbot, first, source, "Attention is all you need")
    view = first.views[-1]
    first.show_view(view.key)
    Probe(view, {"layer": 1, "head": 0, "temperature": 0.7})
    real = capture_session(first)
    path = tmp_path / "lecture.tviz.json"
    assert first.save_session_file(str(path))
    first.state.shutdown()

    second = make_window(qtbot)
    probe = Probe(second.view(view.key), {"layer": 0, "head": 0, "temperature": 1.0})
    assert second.current_view().key != view.key or len(second.views) == 1
    assert second.open_session_file(str(path))
    qtbot.waitUntil(lambda: bool(probe.applied), timeout=60_000)
    assert second.loaded_request.source == source
    assert second.state.model is not None and second.state.model.path == first.state.model.path
    assert second.text_edit.toPlainText() == "Attention is all you need"
    assert second.state.trace.text == "Attention is all you need"
    assert second.current_view().key == view.key
    assert probe.applied == [{"layer": 1, "head": 0, "temperature": 0.7}]
    assert probe.trace_when_applied[0] is not None  # settings arrive once the trace is on screen
    again = capture_session(second)
    assert again == real  # every view's own settings came back too
    second.state.shutdown()


def test_session_for_the_loaded_model_does_not_reload(qtbot, tmp_path, tiny_model_dir):
    source = str(tiny_model_dir("gpt2"))
    win = make_window(qtbot)
    load_and_trace(qtbot, win, source, "one two three")
    model = win.state.model
    key = win.views[0].key
    session = Session(model=source, device="cpu", text="four five", view=key, views={key: {"zoom": 2}})
    probe = Probe(win.views[0], {})
    win.sessions.open(session)
    assert not win.state.loader.busy
    qtbot.waitUntil(lambda: bool(probe.applied), timeout=60_000)
    assert win.state.model is model
    assert win.state.trace.text == "four five"
    assert probe.applied == [{"zoom": 2}]
    win.state.shutdown()


def test_the_model_bar_shows_what_a_session_loads(qtbot, tmp_path, tiny_model_dir):
    source = str(tiny_model_dir("gpt2"))
    win = make_window(qtbot)
    path = save_session(Session(model=source, device="cpu", dtype="bfloat16", text="one two"),
                        tmp_path / "s.tviz.json")
    assert win.open_session_file(str(path))
    bar = win.model_bar
    assert (bar.source.currentText(), bar.device.currentText(), bar.dtype.currentText()) == (
        source, "cpu", "bfloat16")  # already while it loads
    qtbot.waitUntil(lambda: win.state.trace is not None, timeout=60_000)
    assert bar.request() == win.loaded_request  # Load asks for the same model again
    win.state.shutdown()


def test_a_session_whose_model_is_missing_shows_the_error(qtbot, tmp_path):
    win = make_window(qtbot)
    path = save_session(Session(model=str(tmp_path / "no-such-model"), device="cpu", text="x"),
                        tmp_path / "s.tviz.json")
    with qtbot.waitSignal(win.state.load_failed, timeout=30_000):
        win.open_session_file(str(path))
    assert win.error_label.isVisible()
    assert win.sessions.pending is None
    win.state.shutdown()


def test_opening_a_broken_file_shows_an_error(window, tmp_path):
    path = tmp_path / "x.tviz.json"
    path.write_text("{", encoding="utf-8")
    assert not window.open_session_file(str(path))
    assert not window.error_label.isHidden()


# settings between launches
def test_settings_round_trip_with_a_version(temp_settings):
    settings = Settings(theme="dark", language="hu", zoom=1.25, help_visible=True, view="attention")
    settings.remember_model("demo-gpt2")
    settings.remember_session("/tmp/a.tviz.json")
    save_settings(settings)
    stored = QSettings(QSettings.IniFormat, QSettings.UserScope, "Transformer Viz", "Transformer Viz")
    assert json.loads(stored.value("settings"))["version"] == SCHEMA_VERSION
    assert str(temp_settings) in stored.fileName()
    assert load_settings() == settings


def test_settings_tolerate_damage_and_unknown_fields():
    settings = from_dict({"version": 99, "theme": "purple", "zoom": "big", "language": "hu", "future": 1,
                          "recent_models": ["a", 3], "help_visible": "yes"})
    assert settings.theme == "system" and settings.zoom == 1.0 and settings.language == "hu"
    assert settings.recent_models == [] and settings.help_visible is False
    assert from_dict({"zoom": 100}).zoom == 4.0
    assert from_dict("garbage") == Settings()


def test_recent_lists_put_newest_first_without_repeats():
    settings = Settings()
    for name in ["a", "b", "a"] + [f"m{i}" for i in range(RECENT_LIMIT + 2)]:
        settings.remember_model(name)
    assert settings.recent_models[0] == f"m{RECENT_LIMIT + 1}"
    assert len(settings.recent_models) == RECENT_LIMIT
    assert len(set(settings.recent_models)) == RECENT_LIMIT


def test_window_remembers_models_view_zoom_and_panel(qtbot, temp_settings, tiny_model_dir):
    settings = Settings()
    win = make_window(qtbot, settings)
    source = str(tiny_model_dir("gpt2"))
    load_and_trace(qtbot, win, source, "hello there")
    assert settings.recent_models[0] == source
    win.show_view(win.views[-1].key)
    win.presentation.zoom_in()
    win.help_panel.show()
    win.close()
    assert settings.view == win.views[-1].key and settings.zoom > 1 and settings.help_visible
    save_settings(settings)

    restored = load_settings()
    again = make_window(qtbot, restored)
    assert again.current_view().key == win.views[-1].key
    assert again.presentation.zoom == settings.zoom
    assert again.help_panel.isVisible()
    assert again.model_bar.source.findText(source) >= 0  # recent models are offered in the model bar
    again.close()


def test_model_folders_are_remembered_as_absolute_paths(window, tmp_path, monkeypatch):
    from viz.core.loading import LoadRequest

    (tmp_path / "my-model").mkdir()
    monkeypatch.chdir(tmp_path)
    request = window.normalised(LoadRequest("my-model", device="cpu"))
    assert request.source == str(tmp_path / "my-model") and request.device == "cpu"
    assert window.normalised(LoadRequest("gpt2")).source == "gpt2"  # a Hub id stays as typed
