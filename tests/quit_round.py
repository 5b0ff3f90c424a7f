"""One round of what a lecturer does before quitting: launch, wait for the demo model, F5, step through every
view, back, Ctrl+Q. Run as a script (`python tests/quit_round.py`); its exit status is the app's."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from viz.app import main


def drive() -> None:
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if hasattr(w, "presentation") and w.isVisible()]
    if not windows or windows[0].state.trace is None:
        QTimer.singleShot(100, drive)
        return
    window = windows[0]
    QTest.keyClick(window, Qt.Key_F5)
    for _ in range(2 * window.tabs.count()):
        QTest.keyClick(window.tabs, Qt.Key_PageDown)
        QTest.qWait(60)
    QTest.keyClick(window.tabs, Qt.Key_Q, Qt.ControlModifier)
    if window.isVisible():  # the shortcut needs an active window; a bare X server may not give one
        window.close()


if __name__ == "__main__":
    application = QApplication(sys.argv[:1])  # the app's own start-up takes this instance
    QTimer.singleShot(200, drive)
    sys.exit(main(sys.argv[1:]))
