"""Cyclic garbage collection in the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread (deep-copying a model for the quantization lab, say) and the garbage holds Qt
objects, their C++ destructors run off the GUI thread while the GUI thread deletes other Qt objects: each
waits for what the other holds (a Qt mutex, the GIL) and the application hangs. pyqtgraph's
GarbageCollector switches automatic collection off and collects on a timer in the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication

_PROPERTY = "_viz_gui_thread_gc"


def collect_in_gui_thread(app: QCoreApplication, interval_s: float = 1.0):
    """Install the collector once per application; returns it (the application keeps it alive)."""
    from pyqtgraph.util.garbage_collector import GarbageCollector

    collector = getattr(app, _PROPERTY, None)
    if collector is None:
        collector = GarbageCollector(interval=interval_s)
        setattr(app, _PROPERTY, collector)
    return collector


def freeze_start_up_objects(state=None) -> None:
    """Leave what exists now (imported modules, classes, the window's widgets) out of every later collection;
    with the app's `state`, do it again after the first trace of each model.

    A collection walks every tracked object of its generations: with torch, transformers and the window built
    that is about 100,000 objects (40-60 ms on the GUI thread), and the first model load imports as many again
    three times over (the model's code, torch's compiler stack with sympy: 300,000 objects more, measured at
    370 ms per pass). These objects live as long as the app does, so they are frozen (Python's `gc.freeze`,
    made for long-lived start-up state). A loaded model is frozen with them; when another model replaces it,
    everything is unfrozen first, so that a model held in reference cycles is still collected, and frozen
    again after the new model's first trace.
    """
    gc.collect()
    gc.freeze()
    if state is None:
        return
    refreeze = [False]

    def on_model(_loaded) -> None:
        gc.unfreeze()  # the model being replaced may sit in frozen cycles: let the collector see it again
        refreeze[0] = True

    def on_trace(_trace) -> None:
        if refreeze[0]:
            refreeze[0] = False
            gc.collect()
            gc.freeze()

    state.model_changed.connect(on_model)
    state.trace_changed.connect(on_trace)
