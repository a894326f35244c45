"""Help > Keyboard shortcuts lists every action that has a key, read from the window; Help > User guide reads."""

from __future__ import annotations

from PySide6.QtGui import QAction

from gui.help.actions import _plain


def test_the_shortcut_list_holds_every_action_with_a_shortcut(qtbot, window):
    dialog = window.help.show_shortcuts()
    qtbot.addWidget(dialog)
    listed = dialog.names()
    keyed = {_plain(a.text()) for a in window.findChildren(QAction) if a.shortcuts() and a.text()}
    assert keyed and keyed <= set(listed)
    for name in ("Import articles", "Undo", "Redo", "Find", "Party registry", "Keyboard shortcuts", "User guide"):
        assert name in listed


def test_the_shortcut_list_filters_as_one_types(qtbot, window):
    dialog = window.help.show_shortcuts()
    qtbot.addWidget(dialog)
    dialog.filter.setText("registry")
    shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown == ["Party registry"]


def test_the_user_guide_covers_the_main_tasks(qtbot, window):
    window.help.guide_action.trigger()
    dialog = window.help.guide_dialog
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for heading in ("Importing articles", "Finding deals", "Editing, and undoing", "Parties and sectors",
                    "Exports", "Where your data lives, and backups"):
        assert heading in text
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions() if a.text()] == [
        "&User guide", "&Keyboard shortcuts", "&About Deal Tracker"]
