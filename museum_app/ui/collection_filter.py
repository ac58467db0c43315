"""The collection filter: each collection (the app's own, and every one imported) shown or hidden."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from museum_app.core.collections import Collection
from museum_app.ui.access import mark_heading
from museum_app.ui.widgets import FlowLayout

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CollectionFilter(QWidget):
    """Tick collections to show them; emit what the person chose, and which one to remove."""

    collections_changed = Signal(object)  # frozenset[str] | None (None: every collection)
    remove_requested = Signal(str)  # the pack id of an imported collection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionPanel")
        self._collections: tuple[Collection, ...] = ()
        self._updating = False  # set while the code changes check marks, so none is emitted
        self._heading = mark_heading(QLabel(self))
        self._list = QListWidget(self)
        self._list.setObjectName("collectionFilter")
        self._list.itemChanged.connect(self._on_item_changed)
        self._list.currentItemChanged.connect(self._update_buttons)
        self._heading.setBuddy(self._list)
        self._only = QPushButton(self)
        self._only.setObjectName("onlyCollectionButton")
        self._only.clicked.connect(self._only_current)
        self._all = QPushButton(self)
        self._all.setObjectName("allCollectionsButton")
        self._all.clicked.connect(self._check_all)
        self._remove = QPushButton(self)
        self._remove.setObjectName("removeCollectionButton")
        self._remove.clicked.connect(self._remove_current)
        buttons = FlowLayout()
        for button in (self._only, self._all, self._remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading)
        layout.addWidget(self._list)
        layout.addLayout(buttons)
        self._update_buttons()
        self.retranslate()
        self.hide()  # until there is more than one collection to choose among

    def retranslate(self) -> None:
        """Give every text in the current language."""
        self._heading.setText(self.tr("Collections"))
        self._list.setAccessibleName(self.tr("Collections"))
        self._list.setAccessibleDescription(
            self.tr("Tick a collection to show its events; untick it to hide them.")
        )
        self._only.setText(self.tr("Show only"))
        self._only.setToolTip(self.tr("Show only the selected collection"))
        self._all.setText(self.tr("Show all"))
        self._all.setToolTip(self.tr("Show every collection"))
        self._remove.setText(self.tr("Remove…"))
        self._remove.setToolTip(self.tr("Remove the selected imported collection"))
        self._set_items(self._collections, self.selected())

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_remove"):
            self.retranslate()

    def set_collections(self, collections: Sequence[Collection], shown: frozenset[str] | None) -> None:
        """List these collections, ticking those shown (None: all), without emitting."""
        self._collections = tuple(collections)
        self._set_items(self._collections, shown)
        self.setVisible(len(self._collections) > 1)

    def _set_items(self, collections: Sequence[Collection], shown: frozenset[str] | None) -> None:
        """Fill the list, keeping the current row where it still is."""
        current = self.current_id()
        self._updating = True
        try:
            self._list.clear()
            for collection in collections:
                item = QListWidgetItem(self._list)
                item.setData(ID_ROLE, collection.id)
                # The title comes from the file: set as plain item text, never as markup.
                text = self.tr("{title} ({count})").format(
                    title=collection.title or collection.id, count=collection.count
                )
                if not collection.imported:
                    text = self.tr("{0} · built in").format(text)
                item.setText(text)
                item.setToolTip(collection.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = shown is None or collection.id in shown
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                if collection.id == current:
                    self._list.setCurrentItem(item)
        finally:
            self._updating = False
        self._update_buttons()

    def set_selected(self, ids: frozenset[str] | None) -> None:
        """Tick these collections (None: all) without emitting."""
        if ids == self.selected():
            return
        self._updating = True
        try:
            for item in self._items():
                on = ids is None or item.data(ID_ROLE) in ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def selected(self) -> frozenset[str] | None:
        """Return the ticked collections, or None when every one is ticked."""
        items = self._items()
        ticked = [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(ticked) == len(items) else frozenset(ticked)

    def current_id(self) -> str | None:
        """Return the pack id of the selected row, if any."""
        item = self._list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def _items(self) -> list[QListWidgetItem]:
        """Return the items in order."""
        return [self._list.item(row) for row in range(self._list.count())]

    def _check(self, ids: set[str]) -> None:
        """Tick exactly these collections, as the person asked, and emit if that changed."""
        before = self.selected()
        everything = {c.id for c in self._collections}
        self.set_selected(None if ids == everything else frozenset(ids))
        if self.selected() != before:
            self.collections_changed.emit(self.selected())

    def _check_all(self) -> None:
        """Show every collection."""
        self._check({c.id for c in self._collections})

    def _only_current(self) -> None:
        """Show only the selected collection."""
        current = self.current_id()
        if current is not None:
            self._check({current})

    def _remove_current(self) -> None:
        """Ask to remove the selected collection (the window confirms first)."""
        current = self.current_id()
        if current is not None:
            self.remove_requested.emit(current)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        """Emit a tick the person changed."""
        if not self._updating:
            self.collections_changed.emit(self.selected())

    def _update_buttons(self) -> None:
        """Enable 'Only this' for any selected row, 'Remove' only for an imported one."""
        current = self.current_id()
        self._only.setEnabled(current is not None)
        imported = {c.id for c in self._collections if c.imported}
        self._remove.setEnabled(current in imported)
