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



def test_a_models_first_trace_freezes_it_and_a_replacing_model_unfreezes_it(qapp, tiny_model_dir):
    from PySide6.QtCore import QObject, Signal

    from viz.core.loading import LoadRequest, load_model
    from viz.ui.gui_thread_gc import freeze_start_up_objects

    class State(QObject):
        model_changed = Signal(object)
        trace_changed = Signal(object)

    state = State()
    try:
        freeze_start_up_objects(state)
        assert gc.get_freeze_count() > 0
        loaded = load_model(LoadRequest(str(tiny_model_dir("gpt2")), device="cpu"))
        loaded.model.cycle = [loaded.model]  # the worst case: a model only the cycle collector can free
        model = weakref.ref(loaded.model)
        state.model_changed.emit(loaded)
        state.trace_changed.emit(None)  # the first trace: the model and what its loading imported are frozen
        frozen = gc.get_freeze_count()
        assert frozen > 0
        kept = [[i] for i in range(1000)]  # new tracked objects, which a second freeze would take
        state.trace_changed.emit(None)  # a retrace of the same model freezes nothing more
        assert gc.get_freeze_count() <= frozen and kept  # (frozen objects freed meanwhile lower the count)
        state.model_changed.emit(None)  # another model replaces it
        assert gc.get_freeze_count() == 0
        del loaded
        gc.collect()
        assert model() is None  # collected, not leaked in the frozen generation
    finally:
        gc.unfreeze()  # the rest of the suite collects as before
