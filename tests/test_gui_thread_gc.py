"""Cyclic garbage is collected in the GUI thread only: a collection in a worker thread can run Qt
destructors there and deadlock against the GUI thread (seen with a model being deep-copied)."""

from __future__ import annotations

import gc
import threading
import weakref

from viz.ui.gui_thread_gc import collect_in_gui_thread


class _Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_collection_is_off_until_the_gui_thread_timer_runs(qapp, qtbot):
    collector = collect_in_gui_thread(qapp)
    assert collect_in_gui_thread(qapp) is collector  # once per application
    assert not gc.isenabled()
    threads = []

    def note(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread())

    def allocate_cycles():
        for _ in range(50_000):  # far past every generation's threshold
            _Node()

    gc.callbacks.append(note)
    try:
        probe = _Node()
        gone = weakref.ref(probe)
        del probe
        worker = threading.Thread(target=allocate_cycles)
        worker.start()
        worker.join()
        assert gone() is not None  # the worker's allocations did not trigger a collection
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the GUI thread's timer did
    finally:
        gc.callbacks.remove(note)
    assert threads and all(t is threading.main_thread() for t in threads)



def test_start_up_objects_are_frozen_once_more_after_the_first_result_and_a_model_is_still_freed(qapp, tiny_model_dir):
    from PySide6.QtCore import QObject, Signal

    from viz.core.loading import LoadRequest, load_model
    from viz.ui.gui_thread_gc import freeze_start_up_objects

    class Source(QObject):
        first_result = Signal(object)

    source = Source()
    try:
        freeze_start_up_objects(source.first_result)
        at_start = gc.get_freeze_count()
        assert at_start > 0
        loaded = load_model(LoadRequest(str(tiny_model_dir("gpt2")), device="cpu"))
        model = weakref.ref(loaded.model)
        source.first_result.emit(loaded)  # the first model and what its loading imported are frozen too
        after_first = gc.get_freeze_count()
        assert after_first > at_start
        kept = [[i] for i in range(1000)]  # new tracked objects
        source.first_result.emit(loaded)  # only the first result freezes
        assert gc.get_freeze_count() == after_first and kept
        del loaded
        assert model() is None  # frozen objects are still freed by reference counting when replaced
    finally:
        gc.unfreeze()  # the rest of the suite collects as before
