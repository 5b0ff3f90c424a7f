"""Which task to tune on: a bundled one or your JSONL file, and the prompt template."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from viz.core.finetune.errors import FinetuneError
from viz.ui.finetune.labels import count, task_name

CUSTOM = "custom"


class TaskPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(self.tr("Task"), parent)
        from viz.core.finetune.tasks import BUNDLED

        self._bundled = None  # key -> TaskSet, generated when first needed (not at start-up)
        self.custom = None  # TaskSet read from a file
        self.picker = QComboBox(self)
        for key in BUNDLED:
            self.picker.addItem(task_name(key), key)
        self.load_button = QPushButton(self.tr("Load JSONL…"), self)
        self.load_button.setToolTip(self.tr('A file with one {"prompt": "…", "completion": "…"} object per line.'))
        self.template = QLineEdit(self)
        self.template.setToolTip(self.tr("The prompt the model sees; {input} is replaced by each example's input."))
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow column puts labels above their fields
        form.addRow(self.tr("Train on"), self.picker)
        form.addRow(self.tr("Template"), self.template)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.load_button)
        layout.addWidget(self.info)
        self.picker.currentIndexChanged.connect(self._on_picked)
        self.template.textEdited.connect(lambda _t: self.changed.emit())
        self.load_button.clicked.connect(self._on_load)
        self._on_picked()

    @property
    def bundled(self) -> dict:
        if self._bundled is None:
            from viz.core.finetune.tasks import bundled_tasks

            self._bundled = bundled_tasks()
        return self._bundled

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.info.text():
            self._on_picked()

    def key(self) -> str:
        return self.picker.currentData()

    def base_task(self):
        return self.custom if self.key() == CUSTOM else self.bundled[self.key()]

    def task(self):
        """The chosen TaskSet with the edited template (raises FinetuneError for a template without {input})."""
        return self.base_task().with_template(self.template.text())

    def others(self) -> tuple:
        """The bundled tasks not trained on: mixed in against forgetting, and measured before and after."""
        return tuple(t for k, t in self.bundled.items() if k != self.key())

    def load_file(self, path: str) -> None:
        from viz.core.finetune.jsonl import load_jsonl

        self.custom = load_jsonl(path)
        index = self.picker.findData(CUSTOM)
        if index < 0:
            self.picker.addItem("", CUSTOM)
            index = self.picker.count() - 1
        self.picker.setItemText(index, self.tr("File: {name}").format(name=self.custom.name))
        self.picker.setCurrentIndex(index)
        self._on_picked()

    def _on_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Prompt/completion pairs"), "",
                                              self.tr("JSON lines (*.jsonl *.json);;All files (*)"))
        if not path:
            return
        try:
            self.load_file(path)
        except FinetuneError as exc:
            self.info.setText(self.tr("⚠ {message}").format(message=str(exc)))

    def _show_template(self, text: str) -> None:
        self.template.setText(text)
        self.template.setCursorPosition(0)  # a narrow field shows the template's start, not its end

    def _on_picked(self, *_args) -> None:
        from viz.core.finetune.tasks import template_of

        if self._bundled is None and self.key() != CUSTOM and not self.isVisible():
            self._show_template(template_of(self.key()))  # the pairs are made when the panel is first shown
            self.changed.emit()
            return
        task = self.base_task()
        self._show_template(task.template)
        self.info.setText(self.tr("{train} pairs to train on, {held} held out for the scores.").format(
            train=count(len(task.train)), held=count(len(task.held_out))))
        self.changed.emit()
