"""Undo commands for the party and sector registries: rename, merge, aliases; the only registry writers.

Each store call returns the edited Entity (or Sector) with a journal of what it changed; undo hands it back to
Store.undo_registry_edit (or undo_sector_edit), which puts the registry and every deal it rewrote back exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from core.store import Sector, Store
from core.store.parties import Entity
from gui.commands import OnChanged, _drop_on_failure

Edited = TypeVar("Edited", Entity, Sector)


class _RegistryCommand(QUndoCommand, Generic[Edited]):
    """Runs one registry edit on redo and hands what it returned (with its journal) to `take_back` on undo."""

    def __init__(self, text: str, change: Callable[[], Edited], take_back: Callable[[Edited], None],
                 on_changed: OnChanged) -> None:
        super().__init__(text)
        self._change: Callable[[], Edited] = change
        self._take_back: Callable[[Edited], None] = take_back
        self._on_changed = on_changed
        self._edited: Edited | None = None

    @property
    def edited(self) -> Edited | None:
        """The entry as the last redo left it."""
        return self._edited

    @_drop_on_failure
    def redo(self) -> None:
        self._edited = self._change()
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        if self._edited is not None:
            self._take_back(self._edited)
        self._on_changed()


class RenameParty(_RegistryCommand[Entity]):
    """Every deal shows the new name; the old one stays a spelling, so later imports map it here."""

    def __init__(self, store: Store, entity_id: int, name: str, on_changed: OnChanged) -> None:
        super().__init__("Rename party", lambda: store.rename_entity(entity_id, name),
                         store.undo_registry_edit, on_changed)


class MergeParties(_RegistryCommand[Entity]):
    """Two entries are one party: `drop_id`'s spellings and deals move to `keep_id`."""

    def __init__(self, store: Store, keep_id: int, drop_id: int, on_changed: OnChanged) -> None:
        super().__init__("Merge parties", lambda: store.merge_entities(keep_id, drop_id),
                         store.undo_registry_edit, on_changed)


class AddAlias(_RegistryCommand[Entity]):
    def __init__(self, store: Store, entity_id: int, alias: str, on_changed: OnChanged) -> None:
        super().__init__("Add alias", lambda: store.add_alias(entity_id, alias),
                         store.undo_registry_edit, on_changed)


class RemoveAlias(_RegistryCommand[Entity]):
    def __init__(self, store: Store, entity_id: int, alias: str, on_changed: OnChanged) -> None:
        super().__init__("Remove alias", lambda: store.remove_alias(entity_id, alias),
                         store.undo_registry_edit, on_changed)


class RenameSector(_RegistryCommand[Sector]):
    def __init__(self, store: Store, name: str, new: str, on_changed: OnChanged) -> None:
        super().__init__("Rename sector", lambda: store.rename_sector(name, new),
                         store.undo_sector_edit, on_changed)


class MergeSectors(_RegistryCommand[Sector]):
    def __init__(self, store: Store, keep: str, drop: str, on_changed: OnChanged) -> None:
        super().__init__("Merge sectors", lambda: store.merge_sectors(keep, drop),
                         store.undo_sector_edit, on_changed)
