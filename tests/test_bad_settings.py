"""A settings file the app cannot read is moved aside, the user is told once, and the app starts on defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QSettings, QTimer
from PySide6.QtTest import QTest

from viz.ui.settings import Settings, read_settings, save_settings, settings_store


@pytest.fixture
def temp_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


def store_raw(value) -> Path:
    store = settings_store()
    store.setValue("settings", value)
    store.sync()
    return Path(store.fileName())


def start_app_once(monkeypatch, capsys) -> str:
    """run_gui as a user starts it, without loading a model, quitting as soon as the window is up."""
    from PySide6.QtWidgets import QApplication

    from viz.app import build_parser, run_gui
    from viz.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "load", lambda self, request: None)
    shown = {}

    def quit_soon():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        shown["notice"] = windows[0].notice_label.text() if windows else None
        for w in windows:
            w.close()
        QApplication.instance().quit()

    QTimer.singleShot(200, quit_soon)
    assert run_gui(build_parser().parse_args([])) == 0
    # Closing the last window also posted a Quit event; delivered in a later test's event loop it would end
    # every event loop of this process at once (qtbot.wait and waitUntil would return without waiting).
    QCoreApplication.removePostedEvents(QApplication.instance(), QEvent.Quit)
    started = QElapsedTimer()
    started.start()
    QTest.qWait(20)
    assert started.elapsed() >= 20, "the event loop no longer runs after the app quit"
    assert shown["notice"] is not None, "the window did not open"
    return shown["notice"]


@pytest.mark.parametrize("value", [
    json.dumps({"window_geometry": "ÁÉŐ"}),
    json.dumps({"window_geometry": "ab\udcffcd"}),
])
def test_non_ascii_window_geometry_is_reset_not_fatal(qtbot, temp_settings, value):
    store_raw(value)
    read = read_settings()
    assert read.settings.window_geometry == "" and "window_geometry" in read.reset
    from viz.ui.main_window import MainWindow

    win = MainWindow(settings=read.settings)  # used to raise UnicodeEncodeError in _restore_settings
    qtbot.addWidget(win)
    win.tell_settings_read(read)
    assert "window_geometry" in win.notice_label.text()


@pytest.mark.parametrize("value", ["[" * 100_000 + "]" * 100_000, "{not json", json.dumps([1, 2]), "7"])
def test_unreadable_settings_are_moved_aside_and_defaults_used(temp_settings, value):
    path = store_raw(value)
    read = read_settings()
    assert read.settings == Settings()
    moved = Path(read.moved_to)
    assert moved.name.startswith(path.name + ".bad-") and moved.is_file()
    assert value.encode()[:50] in moved.read_bytes() or "[" in value  # the user's file is kept, not deleted
    assert read_settings().moved_to == ""  # told once: the next start finds a clean store
    save_settings(Settings(theme="dark"))
    assert read_settings().settings.theme == "dark"


def test_garbage_bytes_in_the_settings_file(temp_settings):
    path = Path(settings_store().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00garbage[General]\nsettings=\"{{{\"\n\x00\x01")
    read = read_settings()
    assert read.settings == Settings()
    assert read.moved_to and Path(read.moved_to).is_file()


def test_the_app_starts_and_says_where_the_bad_file_went(qtbot, temp_settings, monkeypatch, capsys):
    store_raw("[" * 50_000)
    notice = start_app_once(monkeypatch, capsys)
    assert ".bad-" in notice
    assert ".bad-" in capsys.readouterr().err


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
settings_dicts = st.fixed_dictionaries({}, optional={
    key: json_values for key in ("theme", "language", "zoom", "help_visible", "view", "recent_models",
                                 "recent_sessions", "last_directory", "window_geometry", "version")
})


@hyp_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(max_size=200) | settings_dicts.map(lambda d: json.dumps(d, allow_nan=True)))
def test_any_stored_value_reads_without_an_exception(qtbot, temp_settings, raw):
    store_raw(raw)
    read = read_settings()
    assert isinstance(read.settings, Settings)
    s = read.settings
    assert 0.5 <= s.zoom <= 4.0 and s.window_geometry.isascii()
    save_settings(s)  # what was read can be written back
    assert read_settings().settings == s


# Opening the window costs seconds: a few adversarial settings files are enough to show that it opens.
@hyp_settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=settings_dicts.map(lambda d: json.dumps(d, allow_nan=True)))
def test_the_window_opens_on_whatever_settings_were_read(qtbot, temp_settings, raw):
    store_raw(raw)
    read = read_settings()
    from viz.ui.main_window import MainWindow

    win = MainWindow(settings=read.settings)
    qtbot.addWidget(win)
    win.tell_settings_read(read)
    win.close()
