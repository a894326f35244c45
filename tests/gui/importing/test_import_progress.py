"""An import runs in the background: "n of m: name" progress, Cancel after the current article, the window usable."""

import threading

import pytest
from PySide6.QtWidgets import QPushButton

from core.model import DealQuery
from gui.importing import runner as import_runner
from gui_import_helpers import dump, save_shot, wait_for_import

PAIRS = [("Alder Freight", "Birchwood Cargo Ltd"), ("Cobalt Rail", "Dunmore Signals Ltd"),
         ("Elm Street Capital", "Fernhill Data Ltd"), ("Granite Power", "Heathrow Solar Ltd"),
         ("Ironbark Ports", "Juniper Logistics Ltd"), ("Kingfisher Grid", "Larch Storage Ltd")]


@pytest.fixture
def articles(tmp_path):
    paths = []
    for number, (buyer, target) in enumerate(PAIRS, start=1):
        path = tmp_path / f"article-{number}.txt"
        path.write_text(f"{buyer} agreed to acquire {target} for ${number}00 million, the companies said on "
                        f"Tuesday, June {number + 2}, 2025.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def gate(monkeypatch):
    """Each article waits on the worker thread until the test lets it through."""
    semaphore = threading.Semaphore(0)
    parse = import_runner.parse_source

    def gated(source, registry=None, process=None):
        assert semaphore.acquire(timeout=20), "the test never let the article through"
        return parse(source, registry, process)

    monkeypatch.setattr(import_runner, "parse_source", gated)
    yield semaphore
    for _ in PAIRS:
        semaphore.release()  # never leave a pool thread waiting


@pytest.mark.slow
def test_progress_names_each_article_and_cancel_keeps_what_was_stored(qtbot, window, sample_store, articles, gate):
    before = dump(sample_store)
    runner = window.importer
    assert runner.start(articles) is not None
    assert not runner.import_action.isEnabled() and not runner.clipboard_action.isEnabled()
    assert not window.files.open_action.isEnabled()
    qtbot.waitUntil(lambda: runner.progress.labelText() == "1 of 6: article-1.txt", timeout=5_000)
    qtbot.waitUntil(runner.progress.isVisible, timeout=5_000)
    save_shot(runner.progress, "import-progress")

    # The window answers while the worker waits: the search filters the list.
    window.search.setText("Volta")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5_000)
    window.search.setText("")
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=5_000)

    # A re-parse now would come between the import's articles and split its undo step.
    assert not window.reparser.reparse_articles([1])
    assert window.statusBar().currentMessage() == "Re-parse waits until the import running now is done"

    gate.release()  # the first article is stored as soon as it arrives
    qtbot.waitUntil(lambda: sample_store.article_count() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: runner.progress.labelText() == "2 of 6: article-2.txt", timeout=5_000)
    assert runner.running

    cancel = runner.progress.findChild(QPushButton)
    with qtbot.waitSignal(runner.import_finished, timeout=10_000) as blocker:
        cancel.click()
        assert not runner.progress.isVisible()
        assert window.statusBar().currentMessage() == "Cancelling after the current article…"
        gate.release()  # the article being read when Cancel came is finished and kept
    results = blocker.args[0]
    assert [r.source for r in results] == articles[:2]
    assert sample_store.article_count() == 5
    assert sample_store.count_deals(DealQuery()) == 7
    assert runner.progress is None and runner.import_action.isEnabled() and window.files.open_action.isEnabled()
    assert window.statusBar().currentMessage() == "Imported 2 deals from 2 articles; cancelled after 2 of 6"
    assert runner.summary.isVisible()
    assert window.undo_stack.count() == 1 and window.undo_action.text() == "&Undo Import 2 articles"
    window.undo_stack.undo()
    assert dump(sample_store) == before


@pytest.mark.slow
def test_the_list_follows_the_import_as_articles_arrive(qtbot, window, sample_store, articles, gate):
    window.importer.start(articles[:3])
    gate.release()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=10_000)  # before the import ends
    assert window.importer.running
    gate.release()
    gate.release()
    wait_for_import(qtbot, window)
    assert window.model.rowCount() == 8


@pytest.mark.slow
def test_a_bug_in_the_worker_is_a_message_and_what_was_stored_stays(qtbot, window, sample_store, articles,
                                                                     monkeypatch):
    shown = []
    monkeypatch.setattr(import_runner, "show_error", lambda parent, title, text, details=None: shown.append(
        (title, details)))
    parse = import_runner.parse_source

    def second_fails(source, registry=None, process=None):
        if source.name == articles[1]:
            raise RuntimeError("a bug in the parser")
        return parse(source, registry, process)

    monkeypatch.setattr(import_runner, "parse_source", second_fails)
    window.importer.start(articles[:3])
    # The worker may fail before a waitSignal could connect: wait for what the failure leaves behind.
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.waitUntil(lambda: not window.importer.running, timeout=5_000)
    assert shown and shown[0][0] == "Import failed" and "RuntimeError: a bug in the parser" in shown[0][1]
    assert sample_store.article_count() == 4 and window.undo_stack.count() == 1
    assert window.importer.import_action.isEnabled()


@pytest.mark.slow
def test_a_new_import_hides_the_last_summary(qtbot, window, articles, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window.importer.start([str(empty)])
    wait_for_import(qtbot, window)
    assert window.importer.summary.isVisible()
    window.importer.start(articles[:1])
    assert not window.importer.summary.isVisible()
    wait_for_import(qtbot, window)
    assert not window.importer.summary.isVisible()  # a plain success: the status bar says it
