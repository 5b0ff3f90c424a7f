"""How long the GUI thread is blocked when a huge text is pasted into the window.

python benchmarks/bench_paste.py [--megabytes 40] [--model demo-gpt2]

Pastes the text through the text box (as Ctrl+V does), then watches the event loop for a few seconds while
the model retraces and the views redraw: prints the paste call itself and the longest gap between two
ticks of a 5 ms timer (a gap is a step the GUI thread spent without handling events).
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=40)
    parser.add_argument("--model", default="demo-gpt2")
    parser.add_argument("--watch", type=float, default=6.0, help="seconds to watch the event loop after the paste")
    parser.add_argument("--explain", action="store_true", help="print what the GUI thread did in the longest stalls")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QMimeData, QTimer
    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest
    from viz.ui.gui_thread_gc import collect_in_gui_thread, freeze_start_up_objects
    from viz.ui.main_window import MainWindow

    app = QApplication([])
    collect_in_gui_thread(app)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    freeze_start_up_objects(window.state)  # as the app does after its window is shown
    traced = []
    window.state.trace_changed.connect(traced.append)
    window.load(LoadRequest(args.model, device="cpu"))
    while not traced:
        app.processEvents()
    sentence = "The quick brown fox jumps over the lazy dog; őrülten ünnepélyes 🙂. "
    text = (sentence * int(args.megabytes * 1e6 / len(sentence.encode()) + 1))
    mime = QMimeData()
    mime.setText(text)
    print(f"pasting {len(text.encode()) / 1e6:.1f} MB ({len(text):,} characters)")

    from stall_sampler import StallSampler

    sampler = StallSampler()
    gaps, clock = [], QElapsedTimer()
    tick = QTimer(interval=5)
    tick.timeout.connect(lambda: (gaps.append(clock.restart()), sampler.beat()))
    window.text_edit.setFocus()
    paste_ms = []

    def paste():  # as Ctrl+V does: one step of the event loop, timed among the others
        started = time.perf_counter()
        window.text_edit.insertFromMimeData(mime)
        paste_ms.append((time.perf_counter() - started) * 1000)

    count = len(traced)
    sampler.start()
    clock.start()
    tick.start()
    QTimer.singleShot(20, paste)
    end = time.perf_counter() + args.watch
    while time.perf_counter() < end:
        app.processEvents()
    tick.stop()
    sampler.stop()
    print(f"paste call on the GUI thread: {paste_ms[0]:.0f} ms")
    print(f"longest GUI-thread step, the paste included: {max(gaps)} ms over {len(gaps)} ticks (goal <= 50 ms)")
    print(f"text box holds {len(window.text_edit.toPlainText()):,} characters; traces after the paste: "
          f"{len(traced) - count}; tokens traced: {len(traced[-1].tokens)}")
    print(f"notice: {window.notice_label.text()}")
    if args.explain:
        print(sampler.report())
    window.state.shutdown()


if __name__ == "__main__":
    main()
