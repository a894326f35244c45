"""The Party registry window: its View menu action, and its requests as undo commands through the context."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from core.store.parties import Entity, normalize_name
from gui.context import Context
from gui.registry.commands import AddAlias, MergeParties, RemoveAlias, RenameParty
from gui.registry.dialog import PartyRegistryDialog

_UNDO_HINT = " (Edit > Undo puts it back)"


class RegistryActions(QObject):
    """Owns View > Party registry and its dialog; pushes RenameParty, MergeParties, AddAlias and RemoveAlias."""

    party_chosen = Signal(str)  # a party's name, to filter the list by

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: PartyRegistryDialog | None = None
        self.action = QAction("&Party registry…", self, shortcut=QKeySequence("Ctrl+Shift+P"))
        self.action.triggered.connect(self._on_action_triggered)
        # Party names change with the deals (imports, merges, another program's writes) and with the store.
        ctx.deals_changed.connect(self._on_deals_changed)
        ctx.store_replaced.connect(self._on_store_replaced)

    def _on_action_triggered(self) -> None:
        if self.dialog is None:
            self.dialog = PartyRegistryDialog(self._ctx.store, self._ctx.dialog_parent)
            self.dialog.party_chosen.connect(self.party_chosen)
            self.dialog.rename_requested.connect(self._on_dialog_rename_requested)
            self.dialog.merge_requested.connect(self._on_dialog_merge_requested)
            self.dialog.alias_add_requested.connect(self._on_dialog_alias_add_requested)
            self.dialog.alias_remove_requested.connect(self._on_dialog_alias_remove_requested)
        else:
            self.dialog.refresh(self._ctx.store)
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()

    def _on_deals_changed(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh(self._ctx.store)

    def _on_store_replaced(self, _: object) -> None:
        if self.dialog is not None:
            self.dialog.refresh(self._ctx.store)

    def _on_changed(self) -> None:
        # Party names show in the list, the facets, the completer, the detail pane and the dialog.
        self._ctx.deals_changed.emit()

    def _push(self, command: QUndoCommand, message: str) -> None:
        if self._ctx.push(command):
            self._ctx.show_status(message + _UNDO_HINT, 8000)

    def _entity(self, entity_id: int) -> Entity | None:
        """The entry as stored now; None (and a fresh list) if another program has merged it away meanwhile."""
        try:
            return self._ctx.store.entity(entity_id)
        except KeyError:
            if self.dialog is not None:
                self.dialog.refresh(self._ctx.store)
            self._ctx.show_status("That party has changed meanwhile; the list is up to date now", 5000)
            return None

    def _on_dialog_rename_requested(self, entity_id: int, name: str) -> None:
        if (entity := self._entity(entity_id)) is not None:
            self._push(RenameParty(self._ctx.store, entity_id, name, self._on_changed),
                       f"Renamed {entity.name} to {name}")

    def _on_dialog_merge_requested(self, keep_id: int, drop_id: int) -> None:
        keep, drop = self._entity(keep_id), self._entity(drop_id)
        if keep is not None and drop is not None:
            self._push(MergeParties(self._ctx.store, keep_id, drop_id, self._on_changed),
                       f"Merged {drop.name} into {keep.name}")

    def _on_dialog_alias_add_requested(self, entity_id: int, alias: str) -> None:
        entity = self._entity(entity_id)
        if entity is None:
            return
        if normalize_name(alias) in {normalize_name(s) for s in (entity.name, *entity.aliases)}:
            # Already one of its spellings: nothing would change, so no undo step either.
            self._ctx.show_status(f"“{alias}” already means {entity.name}", 5000)
            return
        self._push(AddAlias(self._ctx.store, entity_id, alias, self._on_changed),
                   f"“{alias}” now means {entity.name}")

    def _on_dialog_alias_remove_requested(self, entity_id: int, alias: str) -> None:
        if (entity := self._entity(entity_id)) is not None:
            self._push(RemoveAlias(self._ctx.store, entity_id, alias, self._on_changed),
                       f"“{alias}” no longer means {entity.name}")
