"""Counts never show stale: a changed query shows "…" until its counts come; registries and watches count on the pool."""

from __future__ import annotations

import dataclasses

from core.model import DealQuery
from gui.search import facets as facets_worker
from gui.search.filters import PENDING


def _counts(window, key: str) -> dict[str, str]:
    return {str(item.data(0, 0x0100)): item.text(1) for item in
            (window.filters._groups[key].child(i) for i in range(window.filters._groups[key].childCount()))}


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: bool(window.filters.values("party")) and not window.filters.pending(), timeout=5000)


def test_a_filter_click_shows_pending_counts_then_the_new_ones(qtbot, window):
    _settled(qtbot, window)
    window.filters.set_checked("type", "mou")
    window.list_query.apply()  # what the click's signal does next
    assert window.model.query.types == ("mou",)
    assert {"type", "party", "year"} <= set(window.filters.pending())  # not the old counts as the new query's
    qtbot.waitUntil(lambda: not window.filters.pending(), timeout=5000)
    expected = dict(window.store.facets(window.model.query)["party"])
    assert {name: int(text) for name, text in _counts(window, "party").items()} == expected


def test_counts_that_arrive_in_parts_show_the_rest_as_pending(qtbot, window):
    _settled(qtbot, window)
    query = window.model.query
    window.list_query._on_facets_counted(query, {"type": [("mou", 7)]}, ["party", "watched"])
    assert _counts(window, "type")["mou"] == "7"
    assert set(_counts(window, "party").values()) == {PENDING}
    window.list_query._on_facets_counted(dataclasses.replace(query, search="x"), {"party": []}, [])
    assert set(_counts(window, "party").values()) == {PENDING}  # another query's counts are dropped


def test_the_worker_sends_kept_counts_before_counted_ones(qtbot, window, monkeypatch):
    monkeypatch.setattr(facets_worker, "THREAD_ABOVE_BYTES", 0)
    query = DealQuery(search="battery")
    worker = facets_worker.FacetsWorker(window.store.path, query)
    parts, finished = [], []
    worker.signals.counted.connect(lambda q, facets, pending: parts.append((set(facets), list(pending))))
    worker.signals.finished.connect(lambda q, facets: finished.append(facets))
    worker.run()
    assert parts and parts[0][1] == window.store.slow_facets(query)
    assert finished == [window.store.facets(query)]


def test_registries_and_watches_count_on_the_pool(qtbot, window, monkeypatch):
    monkeypatch.setattr(facets_worker, "THREAD_ABOVE_BYTES", 0)  # the sample file counts as big
    window.registry.action.trigger()
    dialog = window.registry.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.counting(), timeout=5000)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["BlackRock"], 4).text() == "3"
    window.sectors.action.trigger()
    sectors = window.sectors.dialog
    qtbot.addWidget(sectors)
    qtbot.waitUntil(lambda: not sectors.counting(), timeout=5000)
    shown = {sectors.table.item(r, 0).text(): int(sectors.table.item(r, 2).text()) for r in range(sectors.table.rowCount())}
    assert shown == {name: n for name, n in window.store.facets(DealQuery())["sector"]}
    window.watches.action.trigger()
    watch = window.watches.dialog
    qtbot.addWidget(watch)
    assert window.watches.add("min_usd", "500m")
    qtbot.waitUntil(lambda: watch.table.rowCount() == 1 and watch.table.item(0, 2).text() == "3", timeout=5000)
    qtbot.waitUntil(lambda: "3 deals now" in window.statusBar().currentMessage(), timeout=5000)
    for shown_dialog in (dialog, sectors, watch):
        shown_dialog.close()
