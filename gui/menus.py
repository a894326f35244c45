"""The menu bar from lists of actions, and Edit > Undo and Redo routed through the context."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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


def window_menus(window: Any) -> None:  # gui.main_window.MainWindow, once its controllers exist
    """The main window's menu bar: each controller's actions where a user looks for them."""
    w = window
    files, importer, deals, query, feeds = w.files, w.importer, w.deal_actions, w.list_query, w.feeds
    build_menus(w.menuBar(), [
        ("&File", [files.new_action, files.open_action, files.recent_menu, None, importer.import_action,
                   importer.clipboard_action, importer.samples_action, w.samples.remove_action,
                   feeds.feeds_action, None, files.export_csv_action, files.export_json_action,
                   files.export_xlsx_action, None, files.restore_backup_action, None, w.quit_action]),
        ("&Edit", [w.undo_action, w.redo_action, None, deals.delete_action, deals.restore_action,
                   deals.merge_action, w.reparser.reparse_action, deals.review_action, None,
                   feeds.accept_action, feeds.reject_action, None, query.find_action, None,
                   w.currency.preferences_action]),
        ("&View", [w.filters_action, w.article_action, w.insights.action, query.trash_action, None,
                   w.registry.action, w.sectors.action, w.watches.action]),
        ("&Help", w.help.actions),
    ])


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
