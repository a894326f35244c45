"""Undo commands for the watch lists: add and remove a watch, the window's only writers of the `watches` table."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core.store import Store
from core.watch import Watch
from gui.commands import OnChanged, _drop_on_failure


class AddWatch(QUndoCommand):
    """The first redo adds the watch (WatchError when it cannot be); later redos put back the same one."""

    def __init__(self, store: Store, kind: str, value: str, on_changed: OnChanged) -> None:
        super().__init__("Add watch")
        self._store, self._kind, self._value, self._on_changed = store, kind, value, on_changed
        self.watch: Watch | None = None

    @_drop_on_failure
    def redo(self) -> None:
        if self.watch is None:
            self.watch = self._store.add_watch(self._kind, self._value)
            self.setText(f"Watch {self.watch.describe()}")
        else:
            self._store.restore_watch(self.watch)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        if self.watch is not None:
            self._store.remove_watch(self.watch.id)
        self._on_changed()


class RemoveWatch(QUndoCommand):
    def __init__(self, store: Store, watch: Watch, on_changed: OnChanged) -> None:
        super().__init__(f"Stop watching {watch.describe()}")
        self._store, self._watch, self._on_changed = store, watch, on_changed

    @_drop_on_failure
    def redo(self) -> None:
        self._store.remove_watch(self._watch.id)
        self._on_changed()

    @_drop_on_failure
    def undo(self) -> None:
        self._store.restore_watch(self._watch)
        self._on_changed()
