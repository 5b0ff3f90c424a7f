"""Tabs build their views when first needed; a view built late shows what the others show; workers post nothing
to deleted objects."""

from __future__ import annotations

import logging
import threading

import shiboken6


def _load_and_wait(qtbot, window, source: str):
    with qtbot.waitSignal(window.state.trace_changed, timeout=30_000):
        window.load_source(source)


def test_only_the_open_tab_is_built_at_start(window):
    built = [slot.key for slot in window.slots if slot.view is not None]
    assert built == [window.slots[window.tabs.currentIndex()].key]
    # every tab is named and explained before its view exists
    assert all(window.tabs.tabText(i) for i in range(window.tabs.count()))
    assert all(window.tabs.tabToolTip(i) for i in range(window.tabs.count()))


def test_a_tab_opened_after_the_trace_catches_up(qtbot, window, tiny_model_dir):
    window.show()
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    assert window.slots[2].view is None  # Attention, not opened yet
    window.show_view("attention")
    attention = window.slots[2].view
    assert attention is not None and attention is window.view("attention")
    qtbot.waitUntil(lambda: attention._model_shown == window.state.trace.model_name, timeout=10_000)
    why = window.view("why")  # built on request: its head grid comes from the model it missed
    assert why.knockout.shapes and all(layers and heads for layers, heads in why.knockout.shapes.values())


def test_a_view_built_while_presenting_takes_the_projector_scale(qtbot, window):
    window.show()
    window.presentation.enter()
    try:
        scales = []
        sampling_class = next(slot.view_class for slot in window.slots if slot.key == "sampling")
        original = sampling_class.set_scale

        def spy(view, factor):
            scales.append(factor)
            original(view, factor)

        sampling_class.set_scale = spy
        try:
            window.show_view("sampling")
        finally:
            sampling_class.set_scale = original
        assert scales and scales[-1] == window.presentation.scale > 1
    finally:
        window.presentation.leave()


def test_links_reach_a_view_that_was_never_opened(qtbot, window, tiny_model_dir):
    window.show()
    _load_and_wait(qtbot, window, str(tiny_model_dir("gpt2")))
    lens = window.view("lens")
    assert window.slots[2].view is None
    lens.head_requested.emit("self", 0, 1)  # "open this head in the Attention tab"
    assert window.current_view().key == "attention" and window.slots[2].view is not None


def test_a_job_ending_after_its_worker_is_deleted_posts_nothing(qtbot, caplog):
    from PySide6.QtWidgets import QWidget

    from viz.ui.workers import LatestWorker

    parent = QWidget()
    worker = LatestWorker("gate-test", parent)
    release = threading.Event()
    ended = threading.Event()

    def job():
        release.wait(10)
        return 1

    worker.submit(job)
    worker._executor.submit(ended.set)  # runs after the job and its done-callback
    shiboken6.delete(parent)  # the window's teardown, while the job still runs
    with caplog.at_level(logging.ERROR, logger="concurrent.futures"):
        release.set()
        assert ended.wait(10)
    assert not [r for r in caplog.records if "callback" in r.getMessage()]


def test_a_window_started_on_a_view_builds_that_view_alone(qtbot):
    from viz.ui.main_window import MainWindow

    window = MainWindow(start_view="attention")
    qtbot.addWidget(window)
    try:
        assert [view.key for view in window.built_views()] == ["attention"]
        assert window.current_view().key == "attention"
    finally:
        window.state.shutdown()


def test_a_hidden_tab_does_not_hold_the_window_open_beyond_the_screen(qtbot, window):
    """A view laid out at another width or scale can ask for a tall minimum; only the open tab counts."""
    window.show()
    window.view("tokens").setMinimumHeight(3000)
    window.show_view("attention")
    qtbot.waitUntil(lambda: window.minimumSizeHint().height() < 1000, timeout=5_000)
    window.show_view("tokens")
    qtbot.waitUntil(lambda: window.minimumSizeHint().height() >= 3000, timeout=5_000)


def test_a_view_built_unseen_keeps_its_projector_fonts_when_its_tab_opens(qtbot, window, tiny_loaded, tiny_trace,
                                                                          monkeypatch):
    """Under a style sheet, a widget's first polish puts back the font it had when the sheet was set; fonts a
    view set for the projector before its tab was ever shown must survive that."""
    from PySide6.QtWidgets import QApplication

    from projector import leave, present_at, settle
    from viz.ui.attention.overview import AttentionOverview

    window.theme.apply()  # the app's style sheet, as at launch
    window.show()
    window.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2"))
    window.view("attention")  # built, its tab not opened
    try:
        present_at(window, 1280, 800, monkeypatch)
        window.show_view("attention")
        settle()
        overview = window.view("attention").findChild(AttentionOverview)
        for label in (overview.readout, overview.patterns):
            assert label.font().pointSizeF() >= QApplication.font().pointSizeF() > 12
    finally:
        leave(window)
