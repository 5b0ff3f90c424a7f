"""The branches of a greedy generation as a small tree, each with its text and log-probability.

Subscribes to the app state: the prompt is the trace's text, the model the loaded one (decoder-only).
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from viz.ui.scale.numbers import decimal
from viz.ui.workers import LatestWorker

OWN_COLOR = "#D55E00"  # the branch's own tokens
BRANCH_ROLE = Qt.UserRole + 1


def _start(loaded, prompt_ids, new_tokens):
    from viz.core.branching import start_tree

    return start_tree(loaded, prompt_ids, new_tokens)


def _branch(loaded, tree, parent, position, token_id, new_tokens):
    from viz.core.branching import branch

    return tree, branch(loaded, tree, parent, position, token_id, new_tokens)


class BranchPanel(QWidget):
    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.tree_data = None  # BranchTree
        self.length = QSpinBox(self, minimum=1, maximum=200, value=12)
        self.length.setToolTip(self.tr("Tokens each branch adds (the chosen one included)"))
        self.restart = QPushButton(self.tr("Generate from the prompt"), self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Branch"), self.tr("log P"), self.tr("P")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.position = QComboBox(self)
        self.position.setToolTip(self.tr("A generated token of the selected branch"))
        self.candidate = QComboBox(self)
        self.candidate.setToolTip(self.tr("The model's most likely tokens at that position"))
        self.go = QPushButton(self.tr("Continue from here"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tokens per branch:"), self))
        top.addWidget(self.length)
        top.addWidget(self.restart)
        top.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("At"), self))
        pick.addWidget(self.position, 1)
        pick.addWidget(QLabel(self.tr("take"), self))
        pick.addWidget(self.candidate, 1)
        pick.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.text)
        layout.addLayout(pick)
        self.worker = LatestWorker("branches", self)
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.busy_changed.connect(self._update_buttons)
        self.restart.clicked.connect(self.start)
        self.go.clicked.connect(self.continue_here)
        self.tree.currentItemChanged.connect(self._on_branch_selected)
        self.position.currentIndexChanged.connect(self._fill_candidates)
        state.model_changed.connect(self._reset)
        state.trace_changed.connect(self._reset)
        self._update_buttons()

    # requests
    def start(self) -> None:
        loaded, trace = self.state.model, self.state.trace
        if loaded is None or trace is None:
            return
        prompt_ids = [t.id for t in trace.tokens]
        self.worker.submit(_start, loaded, prompt_ids, self.length.value(), label=self.tr("Generating…"))

    def continue_here(self) -> None:
        branch = self.current_branch()
        position, token_id = self.position.currentData(), self.candidate.currentData()
        if branch is None or position is None or token_id is None:
            return
        self.worker.submit(_branch, self.state.model, self.tree_data, branch.id, position, token_id,
                           self.length.value(), label=self.tr("Continuing…"))

    def shutdown(self) -> None:
        self.worker.shutdown()

    def busy(self) -> bool:
        return self.worker.busy

    # results
    def _on_done(self, result) -> None:
        self.message.hide()
        if isinstance(result, tuple):
            self.tree_data, made = result
        else:
            self.tree_data, made = result, result.branches[0]
        self._fill_tree(made.id)

    def _on_failed(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _reset(self, *_args) -> None:
        self.worker.cancel()
        self.tree_data = None
        self.tree.clear()
        self.text.clear()
        self.position.clear()
        self.candidate.clear()
        self.message.hide()
        self._update_buttons()
        if self.isVisible():
            self.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.tree_data is None and not self.worker.busy:
            self.start()

    def _fill_tree(self, select: int) -> None:
        self.tree.clear()
        items = {}
        for branch in sorted(self.tree_data.branches.values(), key=lambda b: b.id):
            item = QTreeWidgetItem([_visible(branch.text), decimal(branch.logprob, 2),
                                    _probability(branch.logprob)])
            item.setData(0, BRANCH_ROLE, branch.id)
            item.setToolTip(0, branch.text)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
            if branch.parent is None:
                self.tree.addTopLevelItem(item)
            else:
                items[branch.parent].addChild(item)
            items[branch.id] = item
        self.tree.expandAll()
        self.tree.setCurrentItem(items[select])
        self._update_buttons()

    def current_branch(self):
        item = self.tree.currentItem()
        if item is None or self.tree_data is None:
            return None
        return self.tree_data.branches.get(item.data(0, BRANCH_ROLE))

    def _on_branch_selected(self, *_args) -> None:
        from viz.core.generation import token_labels

        branch = self.current_branch()
        self.position.blockSignals(True)
        self.position.clear()
        if branch is not None:
            self.text.setText(self._branch_html(branch))
            for index, position in enumerate(range(branch.prompt_length, len(branch.ids))):
                label = token_labels(self.state.model.tokenizer, [branch.ids[position]])[0]
                self.position.addItem(self.tr("token {n}: {token}").format(n=index + 1, token=label), position)
            self.position.setCurrentIndex(max(0, branch.start - branch.prompt_length))
        self.position.blockSignals(False)
        self._fill_candidates()

    def _fill_candidates(self, *_args) -> None:
        branch, position = self.current_branch(), self.position.currentData()
        self.candidate.clear()
        if branch is None or position is None:
            return
        for candidate in branch.candidates_at(position):
            if candidate.token_id == branch.ids[position]:
                continue  # that one is this branch already
            self.candidate.addItem(f"{candidate.label}  ({decimal(100 * math.exp(candidate.logprob), 1)} %)",
                                   candidate.token_id)
        self._update_buttons()

    def _branch_html(self, branch) -> str:
        decode = self.state.model.tokenizer.decode
        prompt = html.escape(decode(branch.ids[: branch.prompt_length]))
        shared = html.escape(decode(branch.ids[branch.prompt_length : branch.start]))
        own = html.escape(decode(branch.ids[branch.start :]))
        return f"<span style='opacity:0.6'>{prompt}</span>{shared}<b style='color:{OWN_COLOR}'>{own}</b>"

    def _update_buttons(self, *_args) -> None:
        ready = self.state.model is not None and self.state.trace is not None and not self.worker.busy
        self.restart.setEnabled(ready)
        self.go.setEnabled(ready and self.candidate.count() > 0)

    def table(self) -> list[list]:
        rows = [["branch", "parent", "branch position", "log probability", "text"]]
        if self.tree_data is not None:
            rows += [[b.id, "" if b.parent is None else b.parent, b.start, b.logprob, b.text]
                     for b in self.tree_data.branches.values()]
        return rows


def _visible(text: str) -> str:
    return text.replace("\n", "⏎")


def _probability(logprob: float) -> str:
    p = math.exp(logprob)
    return decimal(100 * p, 2) + " %" if p >= 1e-4 else f"{p:.1e}"
