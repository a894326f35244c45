"""Re-parse from article (Edit menu, the list's and the article pane's context menus, the import summary): an undo
step that keeps every hand edit and says what it kept."""

import pytest
from PySide6.QtCore import QUrl, Qt

from core.importer import prepare_text, store_article, store_registry
from core.model import ReparseOutcome
from gui.importing.sources import from_text
from gui.main_window import MainWindow
from gui.importing.reparse import describe
from gui_import_helpers import NORTHWIND, PUBLISHED, dump, save_shot, wait_for_import


@pytest.fixture
def northwind(qtbot, empty_store, settings):
    """A window on one imported article whose deal looks as an older parser left it."""
    store = empty_store
    outcome = store_article(store, prepare_text(NORTHWIND, published=PUBLISHED, registry=store_registry(store)))
    deal_id = outcome.added[0]
    fresh = store.deal(deal_id)
    store.save(fresh.replace(summary="An older summary.", sectors=("utilities",)), by="parser")
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    assert win.select_deal(deal_id)
    return win, store, deal_id, fresh, outcome.article_id


def edit_title(window, text):
    window.detail.title.setText(text)
    window.detail.title.editingFinished.emit()


def test_reparse_keeps_the_hand_edited_title_and_updates_the_rest(northwind):
    window, store, deal_id, fresh, _ = northwind
    edit_title(window, "Northwind buys Solvane (my title)")
    before = dump(store)
    assert window.reparser.reparse_action.isEnabled()
    window.reparser.reparse_action.trigger()
    deal = store.deal(deal_id)
    assert deal.title == "Northwind buys Solvane (my title)" and "title" in deal.edited
    assert (deal.summary, deal.sectors) == (fresh.summary, fresh.sectors)
    assert window.detail.deal.summary == fresh.summary  # the pane shows the re-parsed deal
    assert window.detail.title.text() == "Northwind buys Solvane (my title)"
    assert window.statusBar().currentMessage() == (
        "Re-parsed 1 article: 1 deal updated; kept your edits to title")
    assert window.undo_action.text() == "&Undo Re-parse deal"
    window.undo_stack.undo()
    assert dump(store) == before
    assert window.detail.deal.summary == "An older summary."
    window.undo_stack.redo()
    assert store.deal(deal_id).summary == fresh.summary


def test_reparse_is_in_the_edit_menu_and_the_lists_context_menu(northwind):
    window = northwind[0]
    action = window.reparser.reparse_action
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert action in edit_menu.actions()
    assert window.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert action in window.list_menu.menu().actions()
    assert action in window.table.actions() and window.deal_actions.delete_action in window.table.actions()
    window.table.clearSelection()
    assert not action.isEnabled()


def test_reparse_of_the_article_shown(northwind):
    window, store, deal_id, fresh, article_id = northwind
    assert window.article.article.id == article_id
    window.reparser.article_action.trigger()
    assert window.undo_action.text() == "&Undo Re-parse article"
    assert store.deal(deal_id).summary == fresh.summary


def test_an_unchanged_article_is_no_undo_step(northwind):
    window, store, deal_id, fresh, article_id = northwind
    window.reparser.reparse_articles([article_id])
    depth = window.undo_stack.count()
    window.reparser.reparse_articles([article_id])
    assert window.undo_stack.count() == depth
    assert window.statusBar().currentMessage() == "Re-parsed 1 article: nothing changed"


@pytest.mark.slow
def test_already_imported_is_offered_a_reparse_in_the_summary(qtbot, northwind):
    window, store, deal_id, fresh, article_id = northwind
    window.importer.start([from_text(NORTHWIND, published=PUBLISHED)])
    (result,) = wait_for_import(qtbot, window)
    assert result.outcome.already_imported and result.outcome.article_id == article_id
    summary = window.importer.summary
    assert summary.isVisible() and summary.already_imported() == [article_id]
    assert summary.rows() == [("Already imported", "pasted text", "the same text or address was imported before "
                               "as “Northwind Energy to buy Solvane Grid for $1.2 billion”")]
    assert summary.reparse_button.isVisible()
    save_shot(summary, "import-summary-already")
    assert window.undo_stack.count() == 0
    summary.text.anchorClicked.emit(QUrl(f"reparse:{article_id}"))
    assert window.undo_action.text() == "&Undo Re-parse article"
    assert store.deal(deal_id).summary == fresh.summary


def test_the_status_line_names_kept_edits_and_deals_no_longer_found():
    outcomes = [ReparseOutcome(article_id=1, updated=(3,), kept_edits=((3, "title"), (3, "amounts")), stale=(7,)),
                ReparseOutcome(article_id=2, added=(9,))]
    assert describe(outcomes) == ("Re-parsed 2 articles: 1 deal updated, 1 new deal; kept your edits to amounts, "
                                  "title; no longer found by the parser, left as they are: #7")
