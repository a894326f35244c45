"""The menu bar from lists of actions, and Edit > Undo and Redo routed through the context."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from gui.context import Context

# A menu's entries in order: an action, a submenu, or None for a separator.
Entries = Sequence[QAction | QMenu | None]


def build_menus(bar: QMenuBar, menus: Sequence[tuple[str, Entries]]) -> None:
    """Fill `bar` with one menu a (title, entries) pair; the controllers own the actions."""
    for title, entries in menus:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)


def undo_actions(ctx: Context, parent: QWidget) -> tuple[QAction, QAction]:
    """Edit > Undo and Redo over the context's stack, with Ctrl+Shift+Z for Redo on every platform."""
    undo = ctx.undo_stack.createUndoAction(parent, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = ctx.undo_stack.createRedoAction(parent, "&Redo")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # the issue asks for it on every platform
        redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
    redo.setShortcuts(redo_keys)
    # The stack's own actions would call undo() straight from C++, where a refused write could only
    # reach the excepthook; through the context it is a readable message and the panes reload.
    undo.triggered.disconnect()
    undo.triggered.connect(lambda: ctx.run_undo_step(ctx.undo_stack.undo))
    redo.triggered.disconnect()
    redo.triggered.connect(lambda: ctx.run_undo_step(ctx.undo_stack.redo))
    return undo, redo
