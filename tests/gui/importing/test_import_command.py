"""ImportArticles and ReparseArticles: an import is one undo step that puts every table back; re-parse keeps hand edits."""

from PySide6.QtGui import QUndoStack

from core.importer import prepare_text, store_registry
from core.model import DealQuery
from gui.commands import ImportArticles, ReparseArticles
from gui_import_helpers import CALDER, KESTREL, NORTHWIND, NORTHWIND_AGAIN, PUBLISHED, dump


def parsed(store, text):
    return prepare_text(text, published=PUBLISHED, registry=store_registry(store))


def push_import(stack, store, texts, batch, seen):
    """One command per article, as the window pushes them when the worker delivers each."""
    for text in texts:
        stack.push(ImportArticles(store, [parsed(store, text)], "Import article", seen.extend, lambda: None,
                                  batch=batch))


def test_an_import_of_several_articles_is_one_undo_step_and_undo_restores_every_table(qtbot, empty_store):
    store = empty_store
    stack = QUndoStack()
    push_import(stack, store, [NORTHWIND], object(), [])
    before = dump(store)
    seen = []
    push_import(stack, store, [KESTREL, NORTHWIND_AGAIN, CALDER], object(), seen)
    assert stack.count() == 2 and stack.undoText() == "Import 3 articles"
    assert [bool(o.added) for o in seen] == [True, False, True] and seen[1].merged  # the same deal: merged
    titles = {d.title for d in store.iter_deals()}
    assert len(store.deal(seen[1].merged[0]).sources) == 2

    stack.undo()
    assert dump(store) == before  # articles, deals, sources, evidence, values, entities: all as they were
    assert len(store.deal(seen[1].merged[0]).sources) == 1
    stack.redo()
    assert store.count_deals(DealQuery()) == 3
    assert len(store.deal(seen[1].merged[0]).sources) == 2
    assert {d.title for d in store.iter_deals()} == titles
    stack.undo()
    assert dump(store) == before


def test_imports_of_two_batches_are_two_steps(qtbot, empty_store):
    stack = QUndoStack()
    push_import(stack, empty_store, [NORTHWIND], object(), [])
    push_import(stack, empty_store, [KESTREL], object(), [])
    assert stack.count() == 2


def test_an_article_already_imported_is_no_undo_step(qtbot, empty_store):
    stack = QUndoStack()
    push_import(stack, empty_store, [NORTHWIND], object(), [])
    seen = []
    push_import(stack, empty_store, [NORTHWIND], object(), seen)
    assert stack.count() == 1 and seen[0].already_imported


def test_reparse_keeps_hand_edits_and_undo_takes_it_back(qtbot, empty_store):
    store = empty_store
    stack = QUndoStack()
    seen = []
    push_import(stack, store, [NORTHWIND], object(), seen)
    deal_id = seen[0].added[0]
    fresh = store.deal(deal_id)
    # As an older parser would have left it, then a person's edits on top.
    store.save(fresh.replace(summary="An older summary.", sectors=("utilities",)), by="parser")
    store.save(store.deal(deal_id).replace(title="Northwind buys Solvane (hand)", location="Denver, Colorado"))
    before = dump(store)
    reports = []
    stack.push(ReparseArticles(store, deal_id=deal_id, on_reparsed=reports.extend, on_changed=lambda: None))
    after = store.deal(deal_id)
    assert (after.title, after.location) == ("Northwind buys Solvane (hand)", "Denver, Colorado")
    assert (after.summary, after.sectors) == (fresh.summary, fresh.sectors)
    assert sorted(f for _, f in reports[0].kept_edits) == ["location", "title"]
    assert stack.undoText() == "Re-parse deal"
    stack.undo()
    assert dump(store) == before
    stack.redo()
    assert store.deal(deal_id).summary == fresh.summary


def test_a_reparse_that_changes_nothing_is_no_undo_step(qtbot, empty_store):
    stack = QUndoStack()
    seen = []
    push_import(stack, empty_store, [NORTHWIND], object(), seen)
    reports = []
    stack.push(ReparseArticles(empty_store, article_ids=[seen[0].article_id], on_reparsed=reports.extend,
                               on_changed=lambda: None))
    assert stack.count() == 1 and reports[0].unchanged == seen[0].added
