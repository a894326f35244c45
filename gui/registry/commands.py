"""Undo commands for the party and sector registries: rename, merge, aliases; the only registry writers.

Each store call returns the edited Entity with a journal of what it changed; undo hands it back to
Store.undo_registry_edit, which puts the registry and every deal it rewrote back exactly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.store import Sector, Store
from core.store.parties import Entity
from gui.commands import OnChanged, _drop_on_failure


class _RegistryCommand(QUndoCommand):
    """Runs one registry edit on redo and takes it back through its journal on undo."""

    def __init__(self, store: Store, text: str, change: Callable[[], Entity], on_changed: OnChanged) -> None:
        super().__init__(text)
        self._store, self._change, self._on_changed = store, change, on_changed
        self._edited: Entity | None = None

    @property
    def edited(self) -> Entity | None:
        """The entity as the last redo left it."""
        return self._edited

    @_drop_on_failure
    def redo(self) -> None:
        self._edited = self._change()
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        if self._edited is not None:
            self._store.undo_registry_edit(self._edited)
        self._on_changed()


class RenameParty(_RegistryCommand):
    """Every deal shows the new name; the old one stays a spelling, so later imports map it here."""

    def __init__(self, store: Store, entity_id: int, name: str, on_changed: OnChanged) -> None:
        super().__init__(store, "Rename party", lambda: store.rename_entity(entity_id, name), on_changed)


class MergeParties(_RegistryCommand):
    """Two entries are one party: `drop_id`'s spellings and deals move to `keep_id`."""

    def __init__(self, store: Store, keep_id: int, drop_id: int, on_changed: OnChanged) -> None:
        super().__init__(store, "Merge parties", lambda: store.merge_entities(keep_id, drop_id), on_changed)


class AddAlias(_RegistryCommand):
    def __init__(self, store: Store, entity_id: int, alias: str, on_changed: OnChanged) -> None:
        super().__init__(store, "Add alias", lambda: store.add_alias(entity_id, alias), on_changed)


class RemoveAlias(_RegistryCommand):
    def __init__(self, store: Store, entity_id: int, alias: str, on_changed: OnChanged) -> None:
        super().__init__(store, "Remove alias", lambda: store.remove_alias(entity_id, alias), on_changed)


class _SectorCommand(QUndoCommand):
    """Runs one sector edit on redo and takes it back through the journal it returned on undo."""

    def __init__(self, store: Store, text: str, change: Callable[[], Sector], on_changed: OnChanged) -> None:
        super().__init__(text)
        self._store, self._change, self._on_changed = store, change, on_changed
        self._edited: Sector | None = None

    @_drop_on_failure
    def redo(self) -> None:
        self._edited = self._change()
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        if self._edited is not None:
            self._store.undo_sector_edit(self._edited)
        self._on_changed()


class RenameSector(_SectorCommand):
    def __init__(self, store: Store, name: str, new: str, on_changed: OnChanged) -> None:
        super().__init__(store, "Rename sector", lambda: store.rename_sector(name, new), on_changed)


class MergeSectors(_SectorCommand):
    def __init__(self, store: Store, keep: str, drop: str, on_changed: OnChanged) -> None:
        super().__init__(store, "Merge sectors", lambda: store.merge_sectors(keep, drop), on_changed)
