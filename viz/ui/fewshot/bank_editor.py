"""The task, its examples (editable), the question with its reference answer, and the template."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from viz.core.fewshot.bank import TASKS, FewShotTask, task
from viz.core.fewshot.prompt import Example, Template

BANK_ROWS = 5  # 4 shots at most, one spare to swap in


def _visible(text: str) -> str:
    """Line breaks and tabs typed as \\n and \\t in one-line fields."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _real(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i : i + 2]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class BankEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task = QComboBox(self)
        # the task names are long (more so in Hungarian): the box shortens them rather than widen the editor
        self.task.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.task.setMinimumContentsLength(12)
        for t in TASKS:
            name = QCoreApplication.translate("FewShotTask", t.name)
            self.task.addItem(f"{name} ({t.suits})", t.key)
        self.table = QTableWidget(BANK_ROWS, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Example input"), self.tr("Answer")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(True)
        self.query = QLineEdit(self)
        self.answer = QLineEdit(self)
        self.example_template = QLineEdit(self)
        self.query_template = QLineEdit(self)
        self.separator = QLineEdit(self)
        self.prefix = QLineEdit(self)
        self.prefix.setToolTip(self.tr("Decoders: put before the answer when it is scored after the prompt "
                                       "(usually a space)"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)  # labels above fields: the column stays narrow
        form.addRow(self.tr("Task:"), self.task)
        form.addRow(self.tr("Question:"), self.query)
        form.addRow(self.tr("Reference answer:"), self.answer)
        form.addRow(self.tr("Example template:"), self.example_template)
        form.addRow(self.tr("Question template:"), self.query_template)
        form.addRow(self.tr("Between examples:"), self.separator)
        form.addRow(self.tr("Before the answer:"), self.prefix)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        self.task.currentIndexChanged.connect(lambda _i: self.load_task(task(self.task.currentData())))
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        for field in (self.query, self.answer, self.example_template, self.query_template, self.separator,
                      self.prefix):
            field.textEdited.connect(lambda _text: self.changed.emit())
        self.load_task(TASKS[0])

    def choose_task(self, key: str) -> None:
        index = self.task.findData(key)
        if index >= 0 and index != self.task.currentIndex():
            self.task.setCurrentIndex(index)  # loads it

    def load_task(self, t: FewShotTask) -> None:
        self.blockSignals(True)
        self.table.blockSignals(True)
        for row in range(BANK_ROWS):
            example = t.examples[row] if row < len(t.examples) else Example("", "")
            self.table.setItem(row, 0, QTableWidgetItem(example.input))
            self.table.setItem(row, 1, QTableWidgetItem(example.answer))
        self.table.blockSignals(False)
        self.query.setText(t.query.input)
        self.answer.setText(t.query.answer)
        self.example_template.setText(_visible(t.template.example))
        self.query_template.setText(_visible(t.template.query))
        self.separator.setText(_visible(t.template.separator))
        self.prefix.setText(_visible(t.template.answer_prefix))
        self.blockSignals(False)
        self.changed.emit()

    def examples(self) -> tuple[Example, ...]:
        """Filled rows, in order."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text() if self.table.item(row, c) else "" for c in (0, 1)]
            if cells[0].strip() or cells[1].strip():
                rows.append(Example(cells[0], cells[1]))
        return tuple(rows)

    def template(self) -> Template:
        return Template(example=_real(self.example_template.text()), query=_real(self.query_template.text()),
                        separator=_real(self.separator.text()), answer_prefix=_real(self.prefix.text()))

    def question(self) -> Example:
        return Example(self.query.text(), self.answer.text())

    def state(self) -> dict:
        return {"task": self.task.currentData(), "examples": [[e.input, e.answer] for e in self.examples()],
                "query": self.query.text(), "answer": self.answer.text(),
                "template": [self.example_template.text(), self.query_template.text(), self.separator.text(),
                             self.prefix.text()]}

    def restore(self, state: dict) -> None:
        if isinstance(state.get("task"), str):
            self.choose_task(state["task"])
        self.blockSignals(True)
        examples = state.get("examples")
        if isinstance(examples, list):
            self.table.blockSignals(True)
            for row in range(BANK_ROWS):
                pair = examples[row] if row < len(examples) else ["", ""]
                if isinstance(pair, list) and len(pair) == 2:
                    self.table.setItem(row, 0, QTableWidgetItem(str(pair[0])))
                    self.table.setItem(row, 1, QTableWidgetItem(str(pair[1])))
            self.table.blockSignals(False)
        for key, field in (("query", self.query), ("answer", self.answer)):
            if isinstance(state.get(key), str):
                field.setText(state[key])
        template = state.get("template")
        if isinstance(template, list) and len(template) == 4:
            for field, text in zip((self.example_template, self.query_template, self.separator, self.prefix),
                                   template):
                field.setText(str(text))
        self.blockSignals(False)
        self.changed.emit()
