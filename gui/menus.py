"""The window's menu bar, like a generated setupUi(): every action, its shortcut, and the slot it calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from gui.database.dialogs import restore_into_window
from gui.dialogs import show_about

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Create the menus and keep each action on `window` (tests and slots reach them there)."""
    file_menu = window.menuBar().addMenu("&File")
    window.files.add_to_menu(file_menu)
    file_menu.addSeparator()
    window.restore_backup_action = file_menu.addAction("Restore &backup…", lambda: restore_into_window(window))
    window.restore_backup_action.setStatusTip("Put one of the database's backup copies in its place")
    file_menu.addSeparator()
    window.quit_action = file_menu.addAction("&Quit", window.close)
    # Some platforms (Windows, offscreen) bind no key to Quit; Ctrl+Q is what people try.
    window.quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                                    or [QKeySequence("Ctrl+Q")])
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    edit = window.menuBar().addMenu("&Edit")
    window.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # the issue asks for it on every platform
        redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
    window.redo_action.setShortcuts(redo_keys)
    # The stack's own actions would call undo() straight from C++, where a refused write could only
    # reach the excepthook; through the window it is a readable message and the panes reload.
    window.undo_action.triggered.disconnect()
    window.undo_action.triggered.connect(lambda: window.run_undo_step(window.undo_stack.undo))
    window.redo_action.triggered.disconnect()
    window.redo_action.triggered.connect(lambda: window.run_undo_step(window.undo_stack.redo))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    window.delete_action = edit.addAction("&Delete deal", window._on_delete_triggered)
    window.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
    # Only while the table has focus: Delete in a text box deletes characters, not deals.
    window.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.table.addAction(window.delete_action)
    window.restore_action = edit.addAction("R&estore deal", window._on_restore_triggered)
    window.merge_action = edit.addAction("&Merge deals", window._on_merge_triggered)
    window.merge_action.setShortcut(QKeySequence("Ctrl+M"))
    edit.addAction(window.reparser.reparse_action)
    window.review_action = edit.addAction("Mark &reviewed", window.detail.mark_reviewed.click)
    edit.addSeparator()
    window.find_action = edit.addAction("&Find", window._on_find_triggered)
    window.find_action.setShortcut(QKeySequence.StandardKey.Find)

    view = window.menuBar().addMenu("&View")
    window.filters_action = view.addAction("&Filters")
    window.filters_action.setCheckable(True)
    window.filters_action.setChecked(True)
    window.filters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    window.article_action = view.addAction("&Article pane")
    window.article_action.setCheckable(True)
    window.article_action.setChecked(True)
    window.article_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    window.trash_action = view.addAction("Show &deleted deals")
    window.trash_action.setCheckable(True)
    view.addSeparator()
    window.registry_action = view.addAction("&Party registry…", window._on_registry_triggered)
    window.registry_action.setShortcut(QKeySequence("Ctrl+Shift+P"))

    help_menu = window.menuBar().addMenu("&Help")
    about = help_menu.addAction("&About Deal Tracker", lambda: show_about(window))
    about.setMenuRole(QAction.MenuRole.AboutRole)
