"""The main window: model bar, input text, one tab per view, menus, the help panel, status with progress and cancel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QLineEdit, QMainWindow, QMenuBar, QMessageBox,
    QProgressBar, QPushButton, QStatusBar, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from viz.core.resources import bundled_model_path, resources_dir
from viz.ui import i18n, numbers
from viz.ui.export import ExportCommands
from viz.ui.help_panel import HelpPanel
from viz.ui.menus import Menus
from viz.ui.model_bar import ModelBar
from viz.ui.presentation import PresentationController, TabBarFitter
from viz.ui.session import (
    SESSION_SUFFIX, SessionError, SessionOpener, apply_view_settings, capture_session, read_session, save_session,
)
from viz.ui.state import AppState
from viz.ui.text_box import BoundedTextEdit
from viz.ui.theme import ThemeManager, restyle_plots
from viz.ui.view_slots import ViewSlot, ViewTabs
from viz.ui.views import view_classes

EXAMPLE_TEXT = {
    # demo-gpt2 continues this with " sequence" (about 30 %), then prose: a sensible first step on a projector
    "decoder-only": "The for loop iterates over the items of a",
    "encoder-only": "The return statement is used to leave a [MASK] and give a value back.",
    "encoder-decoder": "normalize date: the 26th of November 2026",
}
TEXT_LINES = 3  # the input box shows this many lines at any zoom…
PRESENTING_TEXT_LINES = 2  # …and fewer on a projector, where height is scarce


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "transformer-viz.svg"))


class MainWindow(ViewTabs, QMainWindow):
    """`settings` (viz.ui.settings.Settings) is read and updated when given; without it (tests, scripts)
    nothing is remembered between launches."""

    def __init__(self, state: AppState | None = None, settings=None, theme: ThemeManager | None = None,
                 start_view: str | None = None):
        super().__init__()
        # the tab to open first (--view, else the one open when the app last closed): only its view is built
        self._start_view = start_view or (settings.view if settings is not None else None)
        self.state = state or AppState(self)
        self.settings = settings
        self.theme = theme or ThemeManager(QApplication.instance(), settings.theme if settings else "system", self)
        self.theme.roots.append(self)
        self.pending_notices: list[str] = []  # shown with the next trace's notice, then dropped
        self.requested = None  # the LoadRequest most recently asked for
        self.loaded_request = None  # the LoadRequest of the model on screen
        self.presentation = PresentationController(self)
        self.exporter = ExportCommands(self)
        self.setWindowIcon(app_icon())
        self.resize(1400, 900)
        self._build_ui()
        self._connect_state()
        self.sessions = SessionOpener(self)  # after _connect_state: it relies on loaded_request being set first
        self._install_shortcuts()
        if settings is not None:
            self._restore_settings(settings)

    # building (again, when the language changes)
    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Transformer Viz"))
        self.model_bar = ModelBar(self)
        for source in reversed(self.settings.recent_models if self.settings else []):
            self.model_bar.add_recent(source)
        self.text_edit = BoundedTextEdit(self)
        self.text_edit.clipped.connect(self._on_text_clipped)
        self.text_edit.cleaned.connect(self._on_text_cleaned)
        self.text_edit.setPlaceholderText(self.tr("Type a text to run through the model"))
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("Target output (optional; empty: the model generates it)"))
        self.target_edit.setVisible(False)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorBanner")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("noticeBanner")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        self.tabs = QTabWidget(self)
        # Each tab builds its view when first opened: the window shows sooner, and hidden tabs do no work.
        self.slots = [ViewSlot(cls, self.state, self._on_view_built, self.tabs) for cls in view_classes()]
        for index, slot in enumerate(self.slots):
            self.tabs.addTab(slot, slot.title())
            self.tabs.setTabToolTip(index, slot.explanation())
        central = QWidget(self)
        layout = QVBoxLayout(central)
        for widget in (self.model_bar, self.error_label, self.text_edit, self.target_edit, self.notice_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.help_panel = HelpPanel(self)
        self.addDockWidget(Qt.RightDockWidgetArea, self.help_panel)
        self.help_panel.hide()
        self._build_status_bar()
        self.setMenuBar(QMenuBar(self))
        self.menus = Menus(self, self.menuBar())
        self.model_bar.load_requested.connect(self.load)
        self.text_edit.textChanged.connect(self._on_text_edited)
        self.target_edit.textChanged.connect(self._on_text_edited)
        self.tab_fitter = TabBarFitter(self.tabs)  # projector-sized tab titles that fit the bar
        start = next((i for i, slot in enumerate(self.slots) if slot.key == self._start_view), None)
        if start is not None:
            self.tabs.setCurrentIndex(start)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed(self.tabs.currentIndex())
        self.apply_scale(self.presentation.scale)

    def _build_status_bar(self) -> None:
        bar = QStatusBar(self)
        self.setStatusBar(bar)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_work)
        self.status_label = QLabel(self)
        # Presentation hides the status bar; work that takes a while (loading a model) shows it again, so the
        # class sees that something is happening. The delay keeps quick traces from making it flicker.
        self._busy_reveal = QTimer(self, singleShot=True, interval=400)
        self._busy_reveal.timeout.connect(self._reveal_busy_status)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _connect_state(self) -> None:
        state = self.state
        state.model_changed.connect(self._on_model)
        state.trace_changed.connect(self._on_trace)
        state.error.connect(self.show_error)
        state.load_failed.connect(self._show_loaded_request)
        state.busy.connect(self._on_busy)

    def _install_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.state.retrace)
        # In presentation mode Esc leaves presentation first (PresentationController sees it before this).
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.cancel_work)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=lambda: self.model_bar.source.setFocus())
        for index in range(9):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, activated=lambda i=index: self.tabs.setCurrentIndex(i))

    def _rebuild(self) -> None:
        """New widgets in the current language; the model, trace, text, view and view settings carry over."""
        snapshot = capture_session(self)
        self._start_view = self.slots[max(0, self.tabs.currentIndex())].key
        device, dtype = self.model_bar.device.currentIndex(), self.model_bar.dtype.currentIndex()
        source = self.model_bar.source.currentText()  # what Load would load: the model on screen, or what was typed
        help_visible = self.help_panel.isVisibleTo(self)
        self.removeDockWidget(self.help_panel)
        for old in (self.takeCentralWidget(), self.help_panel):
            shiboken6.delete(old)  # now, not later: old views must stop reacting to the state at once
        self._build_ui()
        self.model_bar.device.setCurrentIndex(device)
        self.model_bar.dtype.setCurrentIndex(dtype)
        self.model_bar.source.setEditText(source)
        self.help_panel.setVisible(help_visible)
        if self.state.model is not None:  # the views catch up themselves when they are built
            self._show_model(self.state.model)
        self.target_edit.setText(snapshot.target_text)
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(snapshot.text)
        self.text_edit.blockSignals(False)
        if self.state.trace is not None:
            self._on_trace(self.state.trace)
        apply_view_settings(self, snapshot)
        self.presentation.rehide_chrome()

    # actions
    def load(self, request) -> None:
        self.error_label.setVisible(False)
        self.requested = self.normalised(request)
        self.model_bar.show_request(self.requested)
        self.state.load(self.requested)

    def cancel_work(self) -> None:
        """Stop loading and tracing; a cancelled load leaves the model on screen named in the model bar."""
        loading = self.state.loader.busy
        self.state.cancel()
        if loading:
            self._show_loaded_request()

    def _show_loaded_request(self, _message: str = "") -> None:
        """After a failed or cancelled load the bar names the model on screen again, so Load reloads it."""
        self.requested = self.loaded_request
        if self.loaded_request is not None:
            self.model_bar.show_request(self.loaded_request)

    @staticmethod
    def normalised(request):
        """Model folders as absolute paths: sessions and the recent list must find them from anywhere."""
        folder = Path(request.source).expanduser()
        if bundled_model_path(request.source) is None and folder.is_dir():
            return dataclasses.replace(request, source=str(folder.resolve()))
        return request

    def load_source(self, source: str) -> None:
        self.load(self.model_bar.request(source))

    def set_text(self, text: str) -> None:
        self.text_edit.set_bounded_text(text)

    def _on_text_clipped(self, size: int, kept: int, in_bytes: bool) -> None:
        given = (self.tr("{n} bytes") if in_bytes else self.tr("{n} characters")).format(n=numbers.integer(size))
        self.keep_notice(self.tr(
            "The text ({given}) is longer than the text box holds: it keeps the first {kept} characters. "
            "For longer texts use the command line (--export), which still reads only what the model can see."
        ).format(given=given, kept=numbers.integer(kept)))

    def _on_text_cleaned(self, count: int) -> None:
        self.keep_notice(self.tr(
            "{n} character(s) of the text were not valid Unicode and were replaced by \ufffd."
        ).format(n=numbers.integer(count)))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def show_notice(self, message: str) -> None:
        """A notice under the text; notices kept for the next one (the text box's, a file's) come first."""
        text = " ".join(n for n in (*self.pending_notices, message) if n)
        self.pending_notices = []
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def keep_notice(self, message: str) -> None:
        """Say `message` now and again with the next trace's notice, so a trace does not hide it at once."""
        self.pending_notices.append(message)
        self.notice_label.setText(" ".join(self.pending_notices))
        self.notice_label.setVisible(True)

    def tell_settings_read(self, read) -> None:
        """Once, at start: the settings file could not be read and was moved aside, or fields were reset."""
        if read.moved_to:
            self.keep_notice(self.tr(
                "The settings file could not be read, so Transformer Viz starts with default settings; "
                "the old file was moved to {path}."
            ).format(path=read.moved_to))
        elif read.reset:
            self.keep_notice(self.tr(
                "Some stored settings were out of range or unusable and are back to their defaults: {names}."
            ).format(names=", ".join(read.reset)))

    def show_status(self, message: str) -> None:
        self.status_label.setText(message)

    def step_view(self, delta: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % self.tabs.count())

    def chrome_widgets(self) -> list[QWidget]:
        """What presentation mode hides: menus, status bar, toolbars and the model bar."""
        return [self.menuBar(), self.statusBar(), self.model_bar, *self.findChildren(QToolBar)]

    def apply_scale(self, scale: float) -> None:
        """Called after the application font changed (zoom, presentation)."""
        metrics = self.text_edit.fontMetrics()
        margins = self.text_edit.contentsMargins()
        frame = 2 * self.text_edit.frameWidth() + 2 * round(self.text_edit.document().documentMargin())
        lines = PRESENTING_TEXT_LINES if self.presentation.presenting else TEXT_LINES
        self.text_edit.setFixedHeight(lines * metrics.lineSpacing() + frame + margins.top() + margins.bottom())
        self.help_panel.fit_width(self.presentation.presenting, self.width())
        self.tab_fitter.fit(self.presentation.presenting)
        for view in self.built_views():
            view.ensurePolished()  # before any font is set (see rescale)
            view.set_presenting(self.presentation.presenting)
        colours = self.theme.colours if self.theme.applied else None
        restyle_plots(self, colours, font=QApplication.font(), line_scale=scale)
        for view in self.built_views():
            self.rescale(view, scale)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.presentation.presenting:
            self.help_panel.fit_width(True, self.width())

    def set_theme(self, choice: str) -> None:
        self.theme.set_choice(choice)
        self.help_panel.fit_width(self.presentation.presenting, self.width())  # the new style sheet reset its font
        restyle_plots(self, self.theme.colours, font=QApplication.font(), line_scale=self.presentation.scale)
        for view in self.built_views():  # views may colour their own items from the theme at their scale
            self.rescale(view, self.presentation.scale)
        if self.settings is not None:
            self.settings.theme = choice

    def set_language(self, choice: str) -> None:
        i18n.install_language(choice)
        if self.settings is not None:
            self.settings.language = choice
        QTimer.singleShot(0, self._rebuild)  # not inside the menu action that asked for it

    # sessions
    def open_session_file(self, path: str) -> bool:
        try:
            session = read_session(path)
        except SessionError as exc:
            self.show_error(str(exc))
            return False
        self.sessions.open(session)
        if self.settings is not None:
            self.settings.remember_session(str(Path(path).resolve()))
        return True

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open session"), self.last_directory(),
            self.tr("Transformer Viz sessions (*{0} *.json)").format(SESSION_SUFFIX),
        )
        if path:
            self.remember_directory(str(Path(path).parent))
            self.open_session_file(path)

    def save_session_dialog(self) -> None:
        name = (self.loaded_request.source if self.loaded_request else "session").rstrip("/").split("/")[-1]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save session"), str(Path(self.last_directory()) / f"{name}{SESSION_SUFFIX}"),
            self.tr("Transformer Viz sessions (*{0})").format(SESSION_SUFFIX),
        )
        if path:
            self.remember_directory(str(Path(path).parent))
            self.save_session_file(path)

    def save_session_file(self, path: str) -> bool:
        try:
            save_session(capture_session(self), path)
        except (OSError, TypeError, ValueError) as exc:
            self.show_error(self.tr("Could not save the session to {path}: {reason}").format(path=path, reason=exc))
            return False
        if self.settings is not None:
            self.settings.remember_session(str(Path(path).resolve()))
        self.show_status(self.tr("Saved {path}").format(path=path))
        return True

    def last_directory(self) -> str:
        return (self.settings.last_directory if self.settings else "") or str(Path.home())

    def remember_directory(self, folder: str) -> None:
        if self.settings is not None:
            self.settings.last_directory = folder

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Transformer Viz"), self.tr(
            "Transformer Viz shows the inside of transformer language models: tokens, embeddings, "
            "attention, sampling and quantization. It runs offline, on the bundled demo models or "
            "on any model folder."
        ))

    # state changes
    def _on_model(self, loaded) -> None:
        self.loaded_request = self.requested
        if self.settings is not None and self.requested is not None:
            self.settings.remember_model(self.requested.source)
        self._show_model(loaded)
        if not self.text_edit.toPlainText().strip() or self.text_edit.toPlainText() in EXAMPLE_TEXT.values():
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(EXAMPLE_TEXT[loaded.family.value])
            self.text_edit.blockSignals(False)
        self.state.set_text(self.text_edit.toPlainText(), self.target_edit.text())  # the state retraces next

    def _show_model(self, loaded) -> None:
        self.model_bar.show_model(loaded)
        self.model_bar.add_recent(loaded.name)
        self.text_edit.fit_model(loaded.max_positions())
        self.target_edit.setVisible(loaded.family.value == "encoder-decoder")
        self.setWindowTitle(self.tr("Transformer Viz — {0}").format(loaded.name))

    def _on_trace(self, trace) -> None:
        self.error_label.setVisible(False)
        self.show_notice(trace.notice)
        self.status_label.setText(
            self.tr("{n} tokens traced in {ms:.0f} ms").format(n=len(trace.tokens), ms=trace.seconds * 1000)
        )

    def _on_busy(self, busy: bool, label: str) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.status_label.setText(label)
            self._busy_reveal.start()
        else:
            self._busy_reveal.stop()
            if self.presentation.presenting:
                self.statusBar().hide()

    def _reveal_busy_status(self) -> None:
        if self.presentation.presenting and self.progress.isVisibleTo(self.statusBar()):
            self.statusBar().show()

    def _on_text_edited(self) -> None:
        target = self.target_edit.text() if self.target_edit.isVisible() else ""
        self.state.set_text(self.text_edit.toPlainText(), target)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.slots):
            self.size_to_open_tab(index)
            self.slots[index].ensure()
            self.help_panel.show_view(self.slots[index])

    def adopt(self, loaded, trace) -> None:
        """Show a model and trace made elsewhere (self-test, headless export), without the workers."""
        self.set_text(trace.text)
        self.state.cancel()
        self.state.model = loaded
        self.state.model_changed.emit(loaded)
        self.state.cancel()  # drop the retrace that loading schedules: the trace is given
        self.state.trace = trace
        self.state.trace_changed.emit(trace)

    # settings between launches
    def _restore_settings(self, settings) -> None:
        geometry = settings.window_geometry
        if geometry and geometry.isascii():  # read_settings resets anything else; a hand-made Settings may not
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        self.help_panel.setVisible(settings.help_visible)
        if settings.zoom != 1.0:
            self.presentation.set_zoom(settings.zoom)

    def _store_settings(self) -> None:
        s = self.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        s.help_visible = self.help_panel.isVisibleTo(self)
        s.view = self.current_view().key
        s.zoom = self.presentation.zoom

    def closeEvent(self, event) -> None:
        if self.presentation.presenting:
            self.presentation.leave()
        if self.settings is not None:
            self._store_settings()
        self.presentation.restore_font()
        for view in self.built_views():
            view.shutdown()
        self.state.shutdown()
        super().closeEvent(event)
