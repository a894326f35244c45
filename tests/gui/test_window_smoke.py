"""The window opens on a real database file, lists its deals, and shows the selected one in the detail pane."""

from PySide6.QtCore import Qt

from gui.deals.model import Column


def test_rows_appear_and_selecting_shows_details(window, sample_store):
    assert window.model.rowCount() == 5
    assert window.list_stack.currentWidget() is window.table
    titles = {window.model.index(r, Column.TITLE).data() for r in range(5)}
    assert "BlackRock and South Korea sign AI infrastructure MoU" in titles
    window.table.selectRow(0)
    deal_id = window.model.deal_id(0)
    assert window.detail.deal is not None and window.detail.deal.id == deal_id
    assert window.detail.title.text() == sample_store.deal(deal_id).title
    assert window.article.article is not None


def test_empty_database_shows_welcome(qtbot, empty_store, settings):
    from gui.main_window import MainWindow

    win = MainWindow(empty_store, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.list_stack.currentWidget() is win.welcome


def test_menus_carry_standard_shortcuts(window):
    from PySide6.QtGui import QKeySequence

    def keys(action):
        return {k.toString() for k in action.shortcuts()}

    assert "Ctrl+Z" in keys(window.undo_action)
    assert "Ctrl+Shift+Z" in keys(window.redo_action)
    assert "Ctrl+F" in keys(window.list_query.find_action)
    assert "Ctrl+I" in keys(window.importer.import_action)
    assert "Ctrl+Q" in keys(window.quit_action) or keys(window.quit_action) == {
        k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)}
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    file_items = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    for wanted in ("&New database…", "&Open database…", "Open &recent", "&Import articles…", "Export &CSV…",
                   "Export &JSON…", "&Quit"):
        assert wanted in file_items


def test_undo_menu_names_the_command(qtbot, window):
    window.table.selectRow(0)
    window.detail.title.setText("Named change")
    window.detail.title.editingFinished.emit()
    assert window.undo_action.text() == "&Undo Edit title"
    qtbot.keyClick(window.table, "z", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.detail.title.text() != "Named change"
    assert window.redo_action.text() == "&Redo Edit title"
