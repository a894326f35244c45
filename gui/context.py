"""What the window hands its controllers: the store, the undo stack, push(), status messages and change signals."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from core.errors import DealsError
from core.store import Store
from gui.dialogs import readable_error, show_error


class Context(QObject):
    """One per window, as git-cola's ApplicationContext: controllers keep it, never the window.

    Controllers say what happened through its signals; the window alone decides what the panes show.
    """

    deal_saved = Signal(object)  # Deal, as a command saved it: its row and the panes follow
    deals_changed = Signal()  # deals no one can name changed: the list reloads, the deal on show is read again
    write_refused = Signal()  # the store refused a step: the panes drop the unsaved edit
    store_replaced = Signal(object)  # Store, another database is open now
    importing_changed = Signal(bool)  # an import started (True) or ended
    status = Signal(str, int)  # a status-bar line and how many milliseconds it stays

    def __init__(self, store: Store, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.dialog_parent = window  # the parent of dialogs and message boxes, nothing more
        self.undo_stack = QUndoStack(self)
        self.importing = False

    def push(self, command: QUndoCommand) -> bool:
        """Run and keep an undo command; a write the store refused becomes a message, not a traceback."""
        return self.run_undo_step(lambda: self.undo_stack.push(command))

    def run_undo_step(self, step: Callable[[], None]) -> bool:
        """Push, undo or redo (Edit > Undo and Redo come here too); False when the store refused the write."""
        try:
            step()
        except (DealsError, sqlite3.Error) as exc:
            show_error(self.dialog_parent, "The change was not saved", readable_error(exc))
            self.write_refused.emit()
            return False
        return True

    def show_status(self, text: str, milliseconds: int = 0) -> None:
        self.status.emit(text, milliseconds)

    def set_importing(self, running: bool) -> None:
        self.importing = running
        self.importing_changed.emit(running)

    def replace_store(self, store: Store) -> None:
        """Show another database; undo steps named deals of the one before, so the stack starts afresh."""
        self.undo_stack.clear()
        self.store = store
        self.store_replaced.emit(store)
