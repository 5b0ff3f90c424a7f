"""How to tune: full, selective, LoRA or prompt tuning, their settings, and what each trains."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QListWidget,
                               QListWidgetItem, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from viz.ui.flow_layout import FlowLayout
from viz.ui.finetune.labels import count, method_name, percent


class MethodPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(self.tr("Method"), parent)
        from viz.core.finetune.methods import KINDS

        self.loaded = None
        self.picker = QComboBox(self)
        for kind in KINDS:
            self.picker.addItem(method_name(kind), kind)
        self.picker.setCurrentIndex(KINDS.index("lora"))
        # as narrow as a projector's column needs (the open list still shows whole names)
        self.picker.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(14)
        self.pages = QStackedWidget(self)
        everything = QLabel(self.tr("Every weight of the model is trained."), self)
        everything.setWordWrap(True)  # the stack is as wide as its widest page, shown or not
        self.pages.addWidget(everything)
        self.layers = QListWidget(self)
        self.layers.setMaximumHeight(120)
        self.pages.addWidget(self.layers)
        self.pages.addWidget(self._lora_page())
        self.pages.addWidget(self._prompt_page())
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.pages)
        layout.addWidget(self.counts)
        self.picker.currentIndexChanged.connect(self._on_changed)
        self.layers.itemChanged.connect(self._on_changed)
        self._on_changed()

    def _lora_page(self) -> QWidget:
        page = QWidget(self)
        self.rank = QSpinBox(page, minimum=1, maximum=256, value=8)
        self.alpha = QDoubleSpinBox(page, minimum=0.5, maximum=1024, value=16.0, decimals=1)
        self.alpha.setToolTip(self.tr("LoRA's update is scaled by alpha / rank."))
        self.targets_box = QWidget(page)
        self.targets = FlowLayout(self.targets_box)
        self.target_checks: dict[str, QCheckBox] = {}
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Rank r"), self.rank)
        form.addRow(self.tr("Alpha"), self.alpha)
        form.addRow(self.tr("Modules"), self.targets_box)
        self.rank.valueChanged.connect(self._on_changed)
        self.alpha.valueChanged.connect(self._on_changed)
        return page

    def _prompt_page(self) -> QWidget:
        page = QWidget(self)
        self.virtual = QSpinBox(page, minimum=1, maximum=200, value=20)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Virtual tokens"), self.virtual)
        self.virtual.valueChanged.connect(self._on_changed)
        return page

    def set_model(self, loaded) -> None:
        from viz.core.finetune.methods import default_targets, lora_target_choices, parameter_groups

        self.loaded = loaded
        self.layers.blockSignals(True)
        self.layers.clear()
        groups = parameter_groups(loaded.model)
        for group in groups:
            item = QListWidgetItem(group, self.layers)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            last_block = [g for g in groups if g[-1:].isdigit()][-1:]
            item.setCheckState(Qt.Checked if group in last_block else Qt.Unchecked)
        self.layers.blockSignals(False)
        for box in self.target_checks.values():
            self.targets.removeWidget(box)
            box.deleteLater()
        self.target_checks = {}
        chosen = default_targets(loaded.model)
        for name in lora_target_choices(loaded.model):
            box = QCheckBox(name, self.targets_box)
            box.setChecked(name in chosen)
            box.toggled.connect(self._on_changed)
            self.targets.addWidget(box)
            self.target_checks[name] = box
        self._on_changed()

    def spec(self):
        from viz.core.finetune.methods import MethodSpec

        layers = tuple(self.layers.item(i).text() for i in range(self.layers.count())
                       if self.layers.item(i).checkState() == Qt.Checked)
        targets = tuple(name for name, box in self.target_checks.items() if box.isChecked())
        return MethodSpec(self.picker.currentData(), self.rank.value(), self.alpha.value(), targets, layers,
                          self.virtual.value())

    def _on_changed(self, *_args) -> None:
        self.pages.setCurrentIndex(self.picker.currentIndex())
        self.counts.setText(self.counts_text())
        self.changed.emit()

    def counts_text(self) -> str:
        if self.loaded is None:
            return ""
        from viz.core.finetune.errors import FinetuneError
        from viz.core.finetune.methods import FULL, MethodSpec, check_spec, parameter_counts

        spec = self.spec()
        try:
            check_spec(self.loaded.model, spec)
        except FinetuneError as exc:
            return self.tr("⚠ {message}").format(message=str(exc))
        counts = parameter_counts(self.loaded.model, self.loaded.family, spec)
        full = parameter_counts(self.loaded.model, self.loaded.family, MethodSpec(FULL))
        return self.tr("Trains {n} of {total} parameters ({share}); full fine-tuning trains {full}.").format(
            n=count(counts.trainable), total=count(counts.total), share=percent(counts.share, 2),
            full=count(full.trainable))
