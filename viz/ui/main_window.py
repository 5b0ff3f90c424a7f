"""The main window: model bar, input text, one tab per view, status with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QProgressBar, QPushButton,
    QTabWidget, QVBoxLayout, QWidget,
)

from viz.ui.model_bar import ModelBar
from viz.ui.state import AppState
from viz.ui.views import view_classes

EXAMPLE_TEXT = {
    "decoder-only": "The return statement is used to leave a function and give a value back to the",
    "encoder-only": "The return statement is used to leave a [MASK] and give a value back.",
    "encoder-decoder": "normalize date: the 26th of November 2026",
}


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None):
        super().__init__()
        self.state = state or AppState(self)
        self.setWindowTitle(self.tr("Transformer Viz"))
        self.resize(1400, 900)
        self.model_bar = ModelBar(self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Type a text to run through the model"))
        self.text_edit.setFixedHeight(70)
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("Target output (optional; empty: the model generates it)"))
        self.target_edit.setVisible(False)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorBanner")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel#errorBanner { background: #fde2e1; color: #7a0b06; padding: 6px; }")
        self.error_label.setVisible(False)
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        self.tabs = QTabWidget(self)
        self.views = [cls(self.state, self) for cls in view_classes()]
        for view in self.views:
            self.tabs.addTab(view, view.title())
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.model_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.target_edit)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._connect()

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.state.cancel)
        self.status_label = QLabel(self)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        state = self.state
        self.model_bar.load_requested.connect(self.load)
        state.model_changed.connect(self._on_model)
        state.trace_changed.connect(self._on_trace)
        state.error.connect(self.show_error)
        state.busy.connect(self._on_busy)
        self.text_edit.textChanged.connect(self._on_text_edited)
        self.target_edit.textChanged.connect(self._on_text_edited)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.state.retrace)
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.state.cancel)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.model_bar.source.setFocus)
        for index in range(min(9, len(self.views))):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, activated=lambda i=index: self.tabs.setCurrentIndex(i))

    # actions
    def load(self, request) -> None:
        self.error_label.setVisible(False)
        self.state.load(request)

    def load_source(self, source: str) -> None:
        self.load(self.model_bar.request(source))

    def set_text(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def view(self, key: str):
        return next(v for v in self.views if v.key == key)

    # state changes
    def _on_model(self, loaded) -> None:
        self.model_bar.show_model(loaded)
        self.model_bar.add_recent(loaded.name)
        self.target_edit.setVisible(loaded.family.value == "encoder-decoder")
        self.setWindowTitle(self.tr("Transformer Viz — {0}").format(loaded.name))
        if not self.text_edit.toPlainText().strip() or self.text_edit.toPlainText() in EXAMPLE_TEXT.values():
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(EXAMPLE_TEXT[loaded.family.value])
            self.text_edit.blockSignals(False)
        self.state.set_text(self.text_edit.toPlainText(), self.target_edit.text())  # the state retraces next

    def _on_trace(self, trace) -> None:
        self.error_label.setVisible(False)
        self.notice_label.setText(trace.notice)
        self.notice_label.setVisible(bool(trace.notice))
        self.status_label.setText(
            self.tr("{n} tokens traced in {ms:.0f} ms").format(n=len(trace.tokens), ms=trace.seconds * 1000)
        )

    def _on_busy(self, busy: bool, label: str) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.status_label.setText(label)

    def _on_text_edited(self) -> None:
        target = self.target_edit.text() if self.target_edit.isVisible() else ""
        self.state.set_text(self.text_edit.toPlainText(), target)

    def closeEvent(self, event) -> None:
        self.state.shutdown()
        super().closeEvent(event)
