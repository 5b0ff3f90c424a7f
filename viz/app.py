"""Entry point: `transformer-viz [SESSION]` opens the window; `--export DIR` runs headless;
`--self-test` checks an installation or bundle."""

from __future__ import annotations

import argparse
import sys
import time

_STARTED = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="transformer-viz",
        description="See inside transformer language models. With --export, run headless and write files.",
    )
    parser.add_argument("session", nargs="?", help="a saved session (.tviz.json) to open")
    parser.add_argument("--model", help="bundled model name, Hugging Face Hub id, or model folder")
    parser.add_argument("--text", help="the text to run through the model")
    parser.add_argument("--target", help="encoder-decoder models: the output text to teacher-force")
    parser.add_argument("--export", metavar="DIR", help="write trace.npz, summary.json and view PNGs; no window")
    parser.add_argument(
        "--layers", metavar="LIST",
        help="with --export: write attention only for these layers (from 1, e.g. 1,4-6), one entry per layer",
    )
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"))
    parser.add_argument("--dtype", default="float32", choices=("float32", "float16", "bfloat16"))
    parser.add_argument("--allow-pickle", action="store_true", help="allow pickled .bin weights (weights_only)")
    parser.add_argument(
        "--explain", metavar="TOKEN", nargs="?", const="",
        help="with --export: why the model predicts TOKEN next (default: its favourite): attribution and head scans",
    )
    parser.add_argument("--corrupted", metavar="TEXT", help="with --explain: also patch from this corrupted prompt")
    parser.add_argument("--present", action="store_true", help="start in presentation mode (F5 toggles it)")
    parser.add_argument("--view", metavar="KEY", help="open this tab first (tokens, attention, sampling, scale…)")
    parser.add_argument(
        "--self-test", action="store_true",
        help="load the bundled default model (or --model), render every view offscreen, exit 0 if all is well",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from viz.self_test import run_self_test

        return run_self_test(args.model, out_dir=args.export)
    if args.export:
        from viz.cli import export

        return export(args)
    return run_gui(args)


def run_gui(args) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from viz.core.resources import DEFAULT_MODEL
    from viz.ui.gui_thread_gc import collect_in_gui_thread, freeze_start_up_objects
    from viz.ui.i18n import install_language
    from viz.ui.main_window import MainWindow, app_icon
    from viz.ui.plain_import import restore_plain_import
    from viz.ui.settings import APPLICATION, ORGANIZATION, read_settings, save_settings
    from viz.ui.theme import ThemeManager

    restore_plain_import()  # the model loader's thousands of imports run without PySide's hook
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_in_gui_thread(app)  # workers must never run Qt destructors
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("transformer-viz")  # matches packaging/linux/transformer-viz.desktop
    app.setWindowIcon(app_icon())
    read = read_settings()  # never raises: an unreadable file is moved aside and the app starts on defaults
    settings = read.settings
    install_language(settings.language, app)  # before any widget exists, so every string is translated
    theme = ThemeManager(app, settings.theme)
    theme.apply()  # before the views build their plots
    window = MainWindow(settings=settings, theme=theme, start_view=args.view)
    if args.view and not window.has_view(args.view):
        keys = ", ".join(slot.key for slot in window.slots)
        print(f"transformer-viz: there is no view called '{args.view}'; the views are: {keys}", file=sys.stderr)
    window.tell_settings_read(read)
    if read.moved_to:
        print(f"transformer-viz: the settings file could not be read; it was moved to {read.moved_to}", file=sys.stderr)

    class FileOpenFilter(QObject):  # macOS hands a double-clicked file to the running app as an event
        def eventFilter(self, obj, event):
            if event.type() == QEvent.FileOpen and event.file():
                window.open_session_file(event.file())
                return True
            return False

    file_open = FileOpenFilter(app)
    app.installEventFilter(file_open)
    if args.text:
        window.set_text(args.text)
    window.show()
    freeze_start_up_objects(window.state)  # keeps the collector's GUI-thread passes short
    if args.session:
        QTimer.singleShot(0, lambda: window.open_session_file(args.session))
    else:
        source = args.model or DEFAULT_MODEL
        request = window.model_bar.request(source)
        request = type(request)(source=source, device=args.device, dtype=args.dtype, allow_pickle=args.allow_pickle)
        QTimer.singleShot(0, lambda: window.load(request))
    if args.present:
        QTimer.singleShot(0, window.presentation.enter)
    code = app.exec()
    save_settings(settings)
    app.removeEventFilter(file_open)
    tear_down(window)
    return code


def tear_down(window) -> None:
    """Delete the window, its views and their plots now, while Qt and Python are both whole.

    Left to the interpreter's exit, the widgets (and pyqtgraph's scene items) would be destroyed in no
    particular order during finalization, some after the QApplication they need: a segmentation fault on
    quit in some launches. Cyclic garbage is collected here too, in the GUI thread (see gui_thread_gc).
    """
    import gc

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    window.state.shutdown()
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
