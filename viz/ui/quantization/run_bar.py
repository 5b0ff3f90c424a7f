"""A row with a start button, a progress bar, what is happening, and Cancel — wired to a CancellableJob."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QSizePolicy, QWidget

from viz.ui.quantization.jobs import CancellableJob
from viz.ui.quantization.labels import step_text
from viz.ui.wrapped_label import WrappedLabel


class RunBar(QWidget):
    def __init__(self, job: CancellableJob, button_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.job = job
        self.run_button = QPushButton(button_text, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.status = WrappedLabel("", self)
        # Long lines ("Measuring transformer.h.2.attn.c_proj…") wrap or are cut, never widen the window.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self._failed = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.run_button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.status, 2)
        layout.addWidget(self.cancel_button)
        job.progress.connect(self._on_progress)
        job.busy_changed.connect(self._on_busy)
        job.failed.connect(self._on_failed)

    def _on_progress(self, fraction: float, step: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(step_text(step))

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self._failed = False
            self.progress.setValue(0)
        elif not self._failed:
            self.status.clear()

    def _cancel(self) -> None:
        self.job.cancel()
        self.status.setText(self.tr("Cancelled."))

    def _on_failed(self, message: str) -> None:
        self._failed = True
        self.status.setText(self.tr("⚠ {message}").format(message=message))

    def set_note(self, text: str) -> None:
        if not self.job.busy:
            self.status.setText(text)
