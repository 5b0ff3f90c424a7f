"""Cyclic garbage collection in the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread (deep-copying a model for the quantization lab, say) and the garbage holds Qt
objects, their C++ destructors run off the GUI thread while the GUI thread deletes other Qt objects: each
waits for what the other holds (a Qt mutex, the GIL) and the application hangs. pyqtgraph's
GarbageCollector switches automatic collection off and collects on a timer in the GUI thread instead.
"""

from __future__ import annotations

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
