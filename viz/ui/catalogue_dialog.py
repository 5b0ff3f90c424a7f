"""The course's models in one list: what each is, whether its weights are open, and the Hub ids to open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from viz.core.catalogue import CATALOGUE, CatalogueEntry, HubModel

HUB_ID_ROLE = Qt.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("Catalogue", text)


class CatalogueDialog(QDialog):
    """Pick a Hub id; `chosen()` returns it after the dialog is accepted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Model catalogue"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Model"), self.tr("Family"), self.tr("Sizes"), self.tr("Licence"),
                                   self.tr("Open weights")])
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for entry in CATALOGUE:
            item = self._entry_item(entry)
            self.tree.addTopLevelItem(item)
            item.setExpanded(not entry.open_weights)  # closed models show their open neighbours at once
        self.tree.setItemsExpandable(True)  # one line per model; its Hub ids one click away
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.chosen() and self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Open models load from the Hugging Face Hub (a network connection, or "
                                        "a copy in the local cache). Gated ones need the licence accepted on "
                                        "the Hub and a login."), self, wordWrap=True))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(int(screen.width() * 0.9), 1200), min(int(screen.height() * 0.8), 640))

    def chosen(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, HUB_ID_ROLE) or "" if item is not None else ""

    def select(self, hub_id: str) -> bool:
        for item in self._hub_items():
            if item.data(0, HUB_ID_ROLE) == hub_id:
                item.parent().setExpanded(True)
                self.tree.setCurrentItem(item)
                return True
        return False

    def _hub_items(self):
        for top in range(self.tree.topLevelItemCount()):
            entry_item = self.tree.topLevelItem(top)
            for index in range(entry_item.childCount()):
                yield entry_item.child(index)

    def _entry_item(self, entry: CatalogueEntry) -> QTreeWidgetItem:
        weights = self.tr("yes") if entry.open_weights else self.tr("no, not public")
        item = QTreeWidgetItem([f"{entry.name} ({entry.maker})", entry.family, _t(entry.sizes), _t(entry.licence),
                                weights])
        bold = QFont(self.font())
        bold.setBold(True)
        item.setFont(0, bold)
        summary = _t(entry.summary)
        item.setData(0, Qt.UserRole, summary)
        for column in range(5):
            item.setToolTip(column, summary)
        for model in entry.hub_models:
            item.addChild(self._hub_item(model, summary, ""))
        for model in entry.nearest_open:
            item.addChild(self._hub_item(model, summary, self.tr("nearest open model: ")))
        return item

    def _hub_item(self, model: HubModel, summary: str, prefix: str) -> QTreeWidgetItem:
        gated = self.tr(" (gated)") if model.gated else ""
        child = QTreeWidgetItem([f"{prefix}{model.hub_id}{gated}", "", model.size])
        child.setData(0, HUB_ID_ROLE, model.hub_id)
        child.setData(0, Qt.UserRole, summary)
        child.setToolTip(0, self.tr("Double-click to load {id}").format(id=model.hub_id))
        return child

    def _on_current(self, item, _previous) -> None:
        self.summary.setText(item.data(0, Qt.UserRole) if item is not None else "")
        self.buttons.button(QDialogButtonBox.Open).setEnabled(bool(self.chosen()))
