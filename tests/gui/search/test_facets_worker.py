"""A big database's facet counts come from the thread pool; the window shows only the current query's."""

from __future__ import annotations

import dataclasses

from core.model import DealQuery
from gui.search import facets as facets_worker


def test_big_files_count_facets_on_the_pool_and_small_ones_here(qtbot, window, monkeypatch):
    runner = window.list_query.facets
    assert not runner.start(window.store, window.model.query)  # the sample file is small
    monkeypatch.setattr(facets_worker, "THREAD_ABOVE_BYTES", 0)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        assert runner.start(window.store, window.model.query)
    query, facets = blocker.args
    assert query == window.model.query
    assert facets == window.store.facets(window.model.query)


def test_counts_for_a_query_left_behind_are_dropped(qtbot, window, monkeypatch):
    monkeypatch.setattr(facets_worker, "THREAD_ABOVE_BYTES", 0)
    shown = []
    monkeypatch.setattr(window.filters, "set_facets", shown.append)
    old = dataclasses.replace(window.model.query, search="trillion")
    window.list_query._on_facets_finished(old, {"type": [("mou", 1)]})
    assert shown == []
    window.list_query._on_facets_finished(window.model.query, {"type": [("mou", 1)]})
    assert shown == [{"type": [("mou", 1)]}]


def test_a_cancelled_count_never_arrives(qtbot, window, monkeypatch):
    monkeypatch.setattr(facets_worker, "THREAD_ABOVE_BYTES", 0)
    runner = window.list_query.facets
    arrived = []
    runner.finished.connect(lambda *args: arrived.append(args))
    worker = facets_worker.FacetsWorker(window.store.path, DealQuery())
    worker.signals.finished.connect(lambda *args: arrived.append(args))
    worker.cancel()
    worker.run()
    assert arrived == []
