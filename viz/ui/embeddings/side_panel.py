"""Beside the plot: search and the selected token with its nearest neighbours, or the prompt's tokens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCompleter, QHeaderView, QLabel, QLineEdit, QListWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)


class SidePanel(QWidget):
    search_requested = Signal(str)
    neighbour_chosen = Signal(int)  # a vocabulary id
    token_chosen = Signal(int)  # a prompt position (prompt view)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a token…"))
        self.search.setClearButtonEnabled(True)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setMaxVisibleItems(12)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        completer.activated.connect(self.search_requested)
        self.search_note = QLabel(self)
        self.search_note.setWordWrap(True)
        self.selected_label = QLabel(self)
        self.selected_label.setWordWrap(True)
        self.selected_label.setTextFormat(Qt.PlainText)
        bold = self.selected_label.font()
        bold.setBold(True)
        self.selected_label.setFont(bold)
        self.neighbours = QTableWidget(0, 2, self)
        self.neighbours.setHorizontalHeaderLabels([self.tr("Neighbour"), self.tr("Cosine")])
        self.neighbours.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the token column stretches instead
        self.neighbours.verticalHeader().setVisible(True)
        self.neighbours.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.neighbours.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.neighbours.setSelectionMode(QAbstractItemView.SingleSelection)
        self.neighbours.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.neighbours.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.neighbours.cellClicked.connect(self._on_neighbour_clicked)
        self.tokens_hint = QLabel(self.tr("Pick a token to follow its path through the layers."), self)
        self.tokens_hint.setWordWrap(True)
        self.tokens = QListWidget(self)
        self.tokens.currentRowChanged.connect(self.token_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.search_note, self.selected_label, self.tokens_hint):
            layout.addWidget(widget)
        layout.addWidget(self.neighbours, 3)
        layout.addWidget(self.tokens, 3)
        self._neighbour_ids: list[int] = []
        self.set_mode("vocabulary")
        self._fit_width()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # presentation mode: the panel widens with its text
            self._fit_width()

    def _fit_width(self) -> None:
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)

    def set_mode(self, mode: str) -> None:
        vocabulary = mode == "vocabulary"
        for widget in (self.search, self.search_note, self.selected_label, self.neighbours):
            widget.setVisible(vocabulary)
        for widget in (self.tokens_hint, self.tokens):
            widget.setVisible(not vocabulary)

    def set_vocabulary(self, labels) -> None:
        self._completions.setStringList(list(dict.fromkeys(labels)))
        self.search_note.clear()

    def set_search_note(self, text: str) -> None:
        self.search_note.setText(text)

    def show_selection(self, label: str, token_id: int, neighbour_ids, labels, scores) -> None:
        self.selected_label.setText(self.tr("Selected: {label}  (id {id})").format(label=label, id=token_id))
        self._neighbour_ids = [int(i) for i in neighbour_ids]
        self.neighbours.setRowCount(len(self._neighbour_ids))
        for row, (i, score) in enumerate(zip(self._neighbour_ids, scores)):
            self.neighbours.setItem(row, 0, QTableWidgetItem(labels[i]))
            item = QTableWidgetItem(f"{float(score):.3f}")
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.neighbours.setItem(row, 1, item)

    def clear_selection(self) -> None:
        self.selected_label.setText(self.tr("Click a point or search for a token to see its nearest neighbours."))
        self._neighbour_ids = []
        self.neighbours.setRowCount(0)

    def set_tokens(self, labels) -> None:
        self.tokens.blockSignals(True)
        self.tokens.clear()
        self.tokens.addItems([self.tr("{i}: {label}").format(i=i, label=label) for i, label in enumerate(labels)])
        self.tokens.blockSignals(False)

    def select_token(self, position: int) -> None:
        self.tokens.blockSignals(True)
        self.tokens.setCurrentRow(position)
        self.tokens.blockSignals(False)

    def _on_neighbour_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._neighbour_ids):
            self.neighbour_chosen.emit(self._neighbour_ids[row])
