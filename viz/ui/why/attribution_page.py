"""Input attribution page: method, steps and baseline; the shaded text, the bars and the completeness check."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QLabel, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from viz.core.why.attribution import (
    ATTENTION_X_GRADIENT, GRADIENT_X_INPUT, INTEGRATED_GRADIENTS, PAD_BASELINE, ZERO_BASELINE,
)
from viz.core.why.tables import attribution_rows
from viz.ui.flow_layout import flow_row, keep_together
from viz.ui.why.attribution_text import AttributionBars, AttributionText, number


class AttributionPage(QWidget):
    run_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Integrated gradients"), INTEGRATED_GRADIENTS)
        self.method.addItem(self.tr("Gradient × input"), GRADIENT_X_INPUT)
        self.method.addItem(self.tr("Attention × gradient"), ATTENTION_X_GRADIENT)
        self.steps = QSpinBox(self, minimum=4, maximum=1024, value=64, singleStep=16)
        self.baseline = QComboBox(self)
        self.baseline.addItem(self.tr("padding tokens"), PAD_BASELINE)
        self.baseline.addItem(self.tr("zero vectors"), ZERO_BASELINE)
        self.run = QPushButton(self.tr("Explain"), self)
        self.steps_label = QLabel(self.tr("Steps"), self)
        self.baseline_label = QLabel(self.tr("Baseline"), self)
        controls = flow_row([  # wraps on a narrow projector rather than widen the window
            keep_together(self, QLabel(self.tr("Method"), self), self.method),
            self.steps_label, self.steps, self.baseline_label, self.baseline, self.run,
        ])
        self.text = AttributionText(self)
        self.bars = AttributionBars(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.picture = QSplitter(Qt.Vertical, self)
        self.picture.addWidget(self.text)
        self.picture.addWidget(self.bars)
        self.picture.setStretchFactor(0, 1)
        self.picture.setStretchFactor(1, 3)
        self.picture.setSizes([150, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.summary)
        self.result = None
        self.labels: list[str] = []
        self.run.clicked.connect(self.run_requested)
        self.method.currentIndexChanged.connect(self._on_method)
        self._on_method()

    def _on_method(self) -> None:
        ig = self.method.currentData() == INTEGRATED_GRADIENTS
        for widget in (self.steps, self.steps_label, self.baseline, self.baseline_label):
            widget.setVisible(ig)
        self.run_requested.emit()

    def settings(self) -> dict:
        return {"method": self.method.currentData(), "steps": self.steps.value(), "baseline": self.baseline.currentData()}

    def apply_settings(self, settings: dict) -> None:
        for combo, key in ((self.method, "method"), (self.baseline, "baseline")):
            index = combo.findData(settings.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(settings.get("steps"), int):
            self.steps.setValue(settings["steps"])

    def clear(self, message: str = "") -> None:
        self.result = None
        self.text.clear_scores(message)
        self.bars.clear_scores()
        self.summary.clear()

    def show_result(self, result, labels: list[str], target_label: str) -> None:
        self.result, self.labels = result, labels
        self.text.show_scores(labels, result.scores, target_label)
        self.bars.show_scores(labels, result.scores)
        parts = [self.tr("log p = {lp} (p = {p} %). Orange tokens raised it, blue ones lowered it.").format(
            lp=number(result.log_prob), p=number(result.probability * 100, 1))]
        if result.completeness_error is not None:
            parts.append(self.tr(
                "Completeness: the scores add up to {total}; f(x) − f(baseline) = {gap}; error {error} ({share} %)."
            ).format(
                total=number(float(result.scores.sum())), gap=number(result.log_prob - result.baseline_log_prob),
                error=number(result.completeness_error, 4), share=number((result.relative_error or 0) * 100, 2),
            ))
            if (result.relative_error or 0) > 0.01:
                parts.append(self.tr("Above 1 %: try more steps or the other baseline; where the output jumps along the path, the sum stays off."))
        self.summary.setText(" ".join(parts))

    def refresh_colours(self) -> None:
        self.text.refresh()
        self.bars.apply_title()

    def rows(self) -> list[list]:
        if self.result is None:
            return []
        return attribution_rows(self.labels, self.result)
