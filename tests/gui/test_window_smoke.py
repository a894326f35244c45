"""The window opens on a real database file, lists its deals, and shows the selected one in the detail pane."""

from gui.deals_model import Column


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
