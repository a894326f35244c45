"""The registry window's requests become undo commands on the main window's stack, and the window follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from core.store.parties import Entity, normalize_name
from gui.importing.runner import refresh_window
from gui.registry.dialog import PartyRegistryDialog
from gui.registry.commands import AddAlias, MergeParties, RemoveAlias, RenameParty

if TYPE_CHECKING:
    from gui.main_window import MainWindow

_UNDO_HINT = " (Edit > Undo puts it back)"


class RegistryActions(QObject):
    """Pushes RenameParty, MergeParties, AddAlias and RemoveAlias for the dialog; reloads what shows parties."""

    def __init__(self, window: MainWindow, dialog: PartyRegistryDialog) -> None:
        super().__init__(dialog)
        self._window, self._dialog = window, dialog
        dialog.rename_requested.connect(self._on_dialog_rename_requested)
        dialog.merge_requested.connect(self._on_dialog_merge_requested)
        dialog.alias_add_requested.connect(self._on_dialog_alias_add_requested)
        dialog.alias_remove_requested.connect(self._on_dialog_alias_remove_requested)

    def _on_changed(self) -> None:
        # Party names show in the list, the facets, the completer, the detail pane and this dialog.
        refresh_window(self._window)
        self._dialog.refresh(self._window.store)

    def _push(self, command: QUndoCommand, message: str) -> None:
        if self._window.push(command):
            self._window.statusBar().showMessage(message + _UNDO_HINT, 8000)

    def _entity(self, entity_id: int) -> Entity | None:
        """The entry as stored now; None (and a fresh list) if another program has merged it away meanwhile."""
        try:
            return self._window.store.entity(entity_id)
        except KeyError:
            self._dialog.refresh(self._window.store)
            self._window.statusBar().showMessage("That party has changed meanwhile; the list is up to date now", 5000)
            return None

    def _on_dialog_rename_requested(self, entity_id: int, name: str) -> None:
        if (entity := self._entity(entity_id)) is not None:
            self._push(RenameParty(self._window.store, entity_id, name, self._on_changed),
                       f"Renamed {entity.name} to {name}")

    def _on_dialog_merge_requested(self, keep_id: int, drop_id: int) -> None:
        keep, drop = self._entity(keep_id), self._entity(drop_id)
        if keep is not None and drop is not None:
            self._push(MergeParties(self._window.store, keep_id, drop_id, self._on_changed),
                       f"Merged {drop.name} into {keep.name}")

    def _on_dialog_alias_add_requested(self, entity_id: int, alias: str) -> None:
        entity = self._entity(entity_id)
        if entity is None:
            return
        if normalize_name(alias) in {normalize_name(s) for s in (entity.name, *entity.aliases)}:
            # Already one of its spellings: nothing would change, so no undo step either.
            self._window.statusBar().showMessage(f"“{alias}” already means {entity.name}", 5000)
            return
        self._push(AddAlias(self._window.store, entity_id, alias, self._on_changed),
                   f"“{alias}” now means {entity.name}")

    def _on_dialog_alias_remove_requested(self, entity_id: int, alias: str) -> None:
        if (entity := self._entity(entity_id)) is not None:
            self._push(RemoveAlias(self._window.store, entity_id, alias, self._on_changed),
                       f"“{alias}” no longer means {entity.name}")
