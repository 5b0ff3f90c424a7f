"""The model bar: pick a bundled or recent model, a Hub id or a folder; device and dtype; what is loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QLabel, QPushButton, QStyledItemDelegate, QWidget,
)

from viz.core.resources import bundled_models
from viz.ui.flow_layout import FlowLayout, keep_together
from viz.ui.numbers import decimal, integer

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")
DTYPE_CHOICES = ("float32", "float16", "bfloat16")


class _DescribedItemDelegate(QStyledItemDelegate):
    """In the drop-down list, a bundled model reads "name — one-line description"; the field keeps the name."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        description = index.data(Qt.ToolTipRole)
        if description:
            option.text = f"{option.text} — {description}"


class ModelBar(QWidget):
    load_requested = Signal(object)  # LoadRequest

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = QComboBox(self, editable=True)
        self.source.setMinimumContentsLength(28)
        self.source.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long folder paths elide
        self.source.lineEdit().setPlaceholderText(self.tr("Bundled model, Hub id (gpt2) or folder"))
        for model in bundled_models():
            self.source.addItem(model.name)
            index = self.source.count() - 1
            self.source.setItemData(index, model.description, Qt.ToolTipRole)
        self.source.setItemDelegate(_DescribedItemDelegate(self.source))
        self.source.view().setMinimumWidth(self.source.view().sizeHintForColumn(0) + 40)
        self.source.lineEdit().returnPressed.connect(self._request)
        self.open_folder = QPushButton(self.tr("Open folder…"), self)
        self.open_folder.clicked.connect(self._choose_folder)
        self.catalogue = QPushButton(self.tr("Catalogue…"), self)
        self.catalogue.setToolTip(self.tr("The course's models: GPT, PaLM, LLaMA, BLOOM, BERT, FLAN-T5"))
        self.catalogue.clicked.connect(self.open_catalogue)
        self.device = QComboBox(self)
        self.device.addItems(DEVICE_CHOICES)
        self.device.setToolTip(self.tr("Where the model runs: auto picks CUDA, then Apple MPS, then the CPU"))
        self.dtype = QComboBox(self)
        self.dtype.addItems(DTYPE_CHOICES)
        self.dtype.setToolTip(self.tr("Number format of the weights while the model runs"))
        self.load_button = QPushButton(self.tr("Load"), self)
        self.load_button.clicked.connect(self._request)
        self.info = QLabel(self.tr("No model loaded"), self)
        # Zoomed in (Ctrl +), the groups wrap onto a second line rather than widen the window.
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(keep_together(self, QLabel(self.tr("Model:"), self), self.source, self.open_folder,
                                       self.catalogue))
        layout.addWidget(keep_together(self, QLabel(self.tr("Device:"), self), self.device,
                                       QLabel(self.tr("Type:"), self), self.dtype, self.load_button))
        layout.addWidget(self.info)

    def request(self, source: str | None = None):
        from viz.core.loading import LoadRequest

        if source is not None:
            self.source.setEditText(source)
        return LoadRequest(
            source=self.source.currentText().strip(),
            device=self.device.currentText(),
            dtype=self.dtype.currentText(),
        )

    def show_request(self, request) -> None:
        """Show what is being loaded, however it was asked for (the bar, a session, the command line),
        so that the Load button asks for the same model again."""
        self.source.setEditText(request.source)
        for combo, value in ((self.device, request.device), (self.dtype, request.dtype)):
            if combo.findText(value) >= 0:
                combo.setCurrentText(value)

    def add_recent(self, name: str) -> None:
        if self.source.findText(name) < 0:
            self.source.addItem(name)

    def family_name(self, family: str) -> str:
        names = {"decoder-only": self.tr("decoder-only"), "encoder-only": self.tr("encoder-only"),
                 "encoder-decoder": self.tr("encoder-decoder")}
        return names.get(family, family)

    def show_model(self, loaded) -> None:
        """Describe the loaded model; the source box keeps what was asked for (see show_request):
        a folder's short name would not load again."""
        millions = loaded.parameter_count / 1e6
        megabytes = loaded.memory_bytes() / 2**20
        self.info.setText(
            self.tr("{name} · {family} · {params} M parameters · {device} · {dtype} · {mb} MB").format(
                name=loaded.name, family=self.family_name(loaded.family.value), params=decimal(millions, 1),
                device=loaded.device, dtype=loaded.dtype, mb=integer(round(megabytes)),
            )
        )

    def _request(self) -> None:
        self.load_requested.emit(self.request())

    def open_catalogue(self) -> None:
        from viz.ui.catalogue_dialog import CatalogueDialog

        dialog = CatalogueDialog(self)
        dialog.select(self.source.currentText().strip())
        if dialog.exec() == CatalogueDialog.Accepted and dialog.chosen():
            self.source.setEditText(dialog.chosen())
            self._request()
        dialog.deleteLater()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a model folder"))
        if folder:
            self.source.setEditText(folder)
            self._request()
