"""Compare tokenizers: pick which, load them off the GUI thread, show them aligned with a summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from viz.ui.flow_layout import FlowLayout
from viz.ui.numbers import decimal, integer
from viz.ui.tokens.aligned_rows import AlignedRows
from viz.ui.workers import LatestWorker
from viz.ui.wrapped_label import WrappedLabel


def _compare(text, sources):
    from viz.core.tokenization_compare import compare_sources

    return compare_sources(text, sources)


def _same_folder(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


class ComparePanel(QWidget):
    compared = Signal(object)  # the Comparison now shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model_source = None  # TokenizerSource of the loaded model
        self._choices: list = []  # (TokenizerSource, QPushButton) for the other tokenizers
        self._text = ""
        self._presenting = False  # on a projector the reading hint becomes the rows' tooltip
        self.worker = LatestWorker("tokenizers", self)
        self.worker.succeeded.connect(self._on_compared)
        self.worker.failed.connect(self._on_failed)
        title = QLabel("<b>{}</b>".format(self.tr("Compare tokenizers")), self)
        self.choice_bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add tokenizer folder…"), self)
        self.add_button.clicked.connect(self._ask_folder)
        header = FlowLayout()
        header.addWidget(title)
        choices = QWidget(self)
        self.choice_bar.setContentsMargins(0, 0, 0, 0)
        choices.setLayout(self.choice_bar)
        header.addWidget(choices)
        header.addWidget(self.add_button)
        self.status = WrappedLabel("", self)
        self.summary = QTableWidget(0, 5, self)
        self.summary.setHorizontalHeaderLabels(
            [self.tr("Tokenizer"), self.tr("Kind"), self.tr("Vocabulary"), self.tr("Tokens"), self.tr("Characters per token")]
        )
        self.summary.verticalHeader().setVisible(False)
        self.summary.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.summary.setSelectionMode(QAbstractItemView.NoSelection)
        self.summary.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        # On a projector with the help panel open the columns may not all fit: the table then scrolls.
        self.summary.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.summary.setSizePolicy(QSizePolicy.Ignored, self.summary.sizePolicy().verticalPolicy())
        self.summary.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.summary.setVisible(False)  # until the first comparison fills it
        self.rows = AlignedRows(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

    # sources
    def set_model(self, name: str, path: str) -> None:
        """The loaded model's tokenizer comes first; bundled ones that differ from it are offered beside it."""
        from viz.core.resources import bundled_models
        from viz.core.tokenization_compare import TokenizerSource

        self._model_source = TokenizerSource(name, path)
        for _, button in self._choices:
            button.deleteLater()
        self._choices = []
        for bundled in bundled_models():
            if not _same_folder(str(bundled.path), path):
                self._add_choice(TokenizerSource(bundled.name, str(bundled.path)))
        self._refresh_status()

    def add_folder(self, path: str) -> None:
        from viz.core.tokenization_compare import TokenizerSource

        if any(_same_folder(s.path, path) for s, _ in self._choices):
            return
        self._add_choice(TokenizerSource(Path(path).name, path))
        self.compare(self._text)

    def _add_choice(self, source) -> None:
        button = QPushButton(source.name, self)
        button.setCheckable(True)
        button.setChecked(True)
        button.setToolTip(source.path)
        button.toggled.connect(lambda _on: self.compare(self._text))
        self.choice_bar.addWidget(button)
        self._choices.append((source, button))

    def sources(self) -> tuple:
        chosen = [s for s, button in self._choices if button.isChecked()]
        return tuple(([self._model_source] if self._model_source else []) + chosen)

    def _ask_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder with tokenizer files"))
        if path:
            self.add_folder(path)

    # comparing
    def compare(self, text: str) -> None:
        self._text = text
        sources = self.sources()
        if not text or not sources:
            return
        self._say(self.tr("Tokenizing with {n} tokenizers…").format(n=len(sources)))
        self.worker.submit(_compare, text, sources, label=self.tr("Comparing tokenizers"))

    def comparison(self):
        return self.rows.comparison()

    def _on_compared(self, comparison) -> None:
        self.rows.set_comparison(comparison)
        self.summary.setRowCount(len(comparison.rows))
        self.summary.setVisible(not self._presenting)
        for r, row in enumerate(comparison.rows):
            counts = row.counts
            cells = [
                row.name,
                row.error or self.describe(row.scheme),
                integer(row.scheme.vocab_size) if not row.error else "",
                integer(counts.tokens) if not row.error else "",
                decimal(counts.characters_per_token, 2) if not row.error else "",
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignVCenter | (Qt.AlignRight if c >= 2 else Qt.AlignLeft))
                self.summary.setItem(r, c, item)
        self.summary.resizeRowsToContents()
        height = self.summary.horizontalHeader().height() + sum(
            self.summary.rowHeight(r) for r in range(self.summary.rowCount())
        )
        self.summary.setFixedHeight(height + 2 * self.summary.frameWidth())
        self.summary.resizeColumnsToContents()
        width = sum(self.summary.columnWidth(c) for c in range(self.summary.columnCount()))
        self.summary.setMaximumWidth(width + 2 * self.summary.frameWidth())
        self._refresh_status()
        self.compared.emit(comparison)

    def describe(self, scheme) -> str:
        """The kind of tokenizer in words a person can read (model names stay as they are)."""
        if scheme.byte_level:
            return self.tr("byte-level {model}").format(model=scheme.model or "BPE")
        if scheme.metaspace:
            kind = self.tr("{model} (SentencePiece)").format(model=scheme.model) if scheme.model else "SentencePiece"
            return kind + (self.tr(", byte fallback") if scheme.byte_fallback else "")
        return scheme.model or self.tr("unknown")

    def unchecked(self) -> list[str]:
        return [source.name for source, button in self._choices if not button.isChecked()]

    def set_unchecked(self, names: list[str]) -> None:
        for source, button in self._choices:
            button.blockSignals(True)
            button.setChecked(source.name not in names)
            button.blockSignals(False)
        self.compare(self._text)

    def _on_failed(self, message: str) -> None:
        self._say(message)

    def _refresh_status(self) -> None:
        if not self._choices:
            self._say(self.tr("No other tokenizer to compare with yet: bundled models, or a folder you add, appear here."))
        else:
            hint = self.tr("Boxes are as wide as the characters they cover. Grey: every tokenizer cuts there the same way; coloured: they differ.")
            self._say(self._token_counts() if self._presenting else hint)
            self.scroll.setToolTip(hint)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_presenting(self, on: bool) -> None:
        """On a projector the table gives way to one line of token counts, and the reading hint becomes the rows'
        tooltip: the aligned rows, the picture, keep the room."""
        self._presenting = on
        self.summary.setVisible(not on and self.summary.rowCount() > 0)
        self._refresh_status()

    def _token_counts(self) -> str:
        comparison = self.comparison()
        if comparison is None:
            return ""
        return " · ".join(
            row.name + ": " + (row.error or self.tr("{n} tokens").format(n=integer(row.counts.tokens)))
            for row in comparison.rows)

    def needed_height(self) -> int:
        """Height that shows the header, the summary, the status and the first line of the aligned rows."""
        spacing = max(0, self.layout().spacing())
        parts = [self.layout().itemAt(0).sizeHint().height()]  # the header row
        parts += [w.sizeHint().height() for w in (self.summary, self.status) if not w.isHidden()]
        parts.append(self.rows.first_band_height() + 2 * self.scroll.frameWidth())
        return sum(parts) + spacing * (len(parts) - 1)
