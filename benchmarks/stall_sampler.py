"""What the GUI thread was doing while it handled no events: a sampling watcher for the benchmarks.

A helper thread looks at the main thread's Python stack every 5 ms while no heartbeat has arrived for
30 ms; each stall's samples are grouped by stack. A stall whose samples show only the event loop itself
was spent in Qt's C++ code (layout, painting).
"""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback

STALL_S = 0.03
SAMPLE_S = 0.005


class StallSampler:
    def __init__(self):
        self._main = threading.main_thread().ident
        self._last = time.perf_counter()
        self._current: list[str] = []
        self.stalls: list[tuple[float, list[str]]] = []  # (seconds, sampled stacks)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def beat(self) -> None:
        """Call from the GUI thread (a short timer): ends the stall in progress, if any."""
        now = time.perf_counter()
        if self._current:
            self.stalls.append((now - self._last, self._current))
            self._current = []
        self._last = now

    def report(self, count: int = 5) -> str:
        lines = []
        for seconds, stacks in sorted(self.stalls, key=lambda s: s[0], reverse=True)[:count]:
            lines.append(f"stall of {seconds * 1000:.0f} ms:")
            for stack, times in collections.Counter(stacks).most_common(3):
                lines.append(f"  {times} x {stack}")
        return "\n".join(lines)

    def _watch(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            if time.perf_counter() - self._last < STALL_S:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-8:]
                self._current.append(" <- ".join(f"{s.filename.rsplit('/', 1)[-1]}:{s.lineno} {s.name}"
                                                 for s in reversed(stack)))
