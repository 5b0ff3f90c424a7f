"""Low rank, seen: pick a matrix; the spectrum of the full fine-tune's ΔW next to LoRA's B·A."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from viz.ui.finetune.charts import SpectrumChart
from viz.ui.finetune.labels import count
from viz.ui.workers import LatestWorker


def _spectrum(base, module, full_model, lora_model):
    from viz.core.finetune.lowrank import spectrum

    return spectrum(base, module, full_model, lora_model)


class LowRankPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.base = None
        self.full_model = None  # the latest full fine-tune
        self.lora_model = None  # the latest LoRA run
        self.matrix = QComboBox(self)
        self.chart = SpectrumChart(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        form = QFormLayout()
        form.addRow(self.tr("Matrix"), self.matrix)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        self.worker = LatestWorker("finetune-spectrum", self)
        self.worker.succeeded.connect(self._on_spectrum)
        self.worker.failed.connect(lambda message: self.note.setText(self.tr("⚠ {message}").format(message=message)))
        self.matrix.currentIndexChanged.connect(self._compute)
        self._update_note()

    def set_model(self, loaded) -> None:
        self.base = loaded.model
        self.full_model = self.lora_model = None
        self.matrix.clear()
        self.chart.show_spectrum(None)
        self._update_note()

    def add_run(self, kind: str, model) -> None:
        from viz.core.finetune.lowrank import lora_modules

        if kind == "full":
            self.full_model = model
        elif kind == "lora":
            self.lora_model = model
            current = self.matrix.currentText()
            self.matrix.blockSignals(True)
            self.matrix.clear()
            self.matrix.addItems(lora_modules(model))
            if current and self.matrix.findText(current) >= 0:
                self.matrix.setCurrentIndex(self.matrix.findText(current))
            self.matrix.blockSignals(False)
        else:
            return
        self._update_note()
        self._compute()

    def _compute(self, *_args) -> None:
        module = self.matrix.currentText()
        if self.base is None or not module or (self.full_model is None and self.lora_model is None):
            return
        self.worker.submit(_spectrum, self.base, module, self.full_model, self.lora_model)

    def _on_spectrum(self, spectrum) -> None:
        self.chart.show_spectrum(spectrum)
        self._update_note(spectrum)

    def _update_note(self, spectrum=None) -> None:
        missing = [name for name, model in ((self.tr("a LoRA run"), self.lora_model),
                                            (self.tr("a full fine-tune"), self.full_model)) if model is None]
        if missing:
            self.note.setText(self.tr("Train {runs} on the same task to compare the update's singular values.").format(
                runs=self.tr(" and ").join(missing)))
            return
        if spectrum is not None:
            self.note.setText(self.tr(
                "LoRA trains {lora} numbers for this matrix (r·(in + out)) and its update has at most {r} non-zero "
                "singular values; the full update changes all {full}. Where the full spectrum falls steeply, most of "
                "its change lies in a few directions, which is why a low rank suffices.").format(
                lora=count(spectrum.lora_count), r=spectrum.rank, full=count(spectrum.full_count)))

    def shutdown(self) -> None:
        self.worker.shutdown()
