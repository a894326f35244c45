"""Search narrows the list as one types; each facet of the filter panel narrows it to the counted deals."""

import pytest

from gui.deals.model import Column


def _titles(window):
    return {window.model.index(r, Column.TITLE).data() for r in range(window.model.rowCount())}


def test_search_narrows_as_one_types(qtbot, window):
    qtbot.keyClicks(window.search, "Mistr")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert _titles(window) == {"Mistral AI raises €600m Series B"}
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=2000)


def test_search_finds_party_names_and_article_words(qtbot, window):
    window.search.setText("Catalyst")  # a party of the Mistral deal
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    window.search.setText("trillion")  # only in the Korea article's text: its three deals
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=2000)


@pytest.mark.parametrize("text", ['"Mistral', "AND OR NOT (", "Mistral*\"'", "-", "NEAR(a b)"])
def test_stray_quotes_and_operators_are_not_errors(qtbot, window, text):
    window.search.setText(text)
    qtbot.wait(SEARCH_WAIT)
    assert window.model.rowCount() >= 0


SEARCH_WAIT = 300


def test_search_is_debounced(qtbot, window):
    calls = []
    window.model.modelReset.connect(lambda: calls.append(1))
    qtbot.keyClicks(window.search, "BlackRock")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=2000)
    assert len(calls) == 1


def test_find_focuses_the_search_box(qtbot, window):
    window.table.setFocus()
    window.list_query.find_action.trigger()
    assert window.search.hasFocus()


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("type", "mou", {"BlackRock and South Korea sign AI infrastructure MoU"}),
    ("status", "completed", {"Mistral AI raises €600m Series B"}),
    ("sector", "data centers", {"BlackRock and South Korea sign AI infrastructure MoU",
                                "BlackRock invests in Digital Gravity Partners"}),
    ("year", "2024", {"Volta Grid to acquire SolarNorth"}),
    ("country", "France", {"Mistral AI raises €600m Series B"}),  # its location: Paris
    ("party", "BlackRock", {"BlackRock and South Korea sign AI infrastructure MoU", "AI Infrastructure Partnership",
                            "BlackRock invests in Digital Gravity Partners"}),
    ("review", "yes", {"BlackRock and South Korea sign AI infrastructure MoU", "Volta Grid to acquire SolarNorth"}),
])
def test_each_filter_narrows_to_its_count(qtbot, window, key, value, expected):
    qtbot.waitUntil(lambda: window.filters.item(key, value) is not None, timeout=2000)
    item = window.filters.item(key, value)
    assert int(item.text(1)) == len(expected)
    window.filters.set_checked(key, value)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(expected), timeout=2000)
    assert _titles(window) == expected
    window.filters.clear_selection()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=2000)


def _settle(qtbot, window):
    """Wait until the debounced search and the facet counts after it have run."""
    qtbot.waitUntil(lambda: not window.list_query._search_timer.isActive() and not window.list_query._facets_timer.isActive(),
                    timeout=2000)


def test_filters_combine_with_search(qtbot, window):
    window.search.setText("trillion")  # the Korea article's three deals
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=2000)
    _settle(qtbot, window)
    assert window.filters.item("type", "acquisition") is None
    window.filters.set_checked("type", "investment")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert _titles(window) == {"BlackRock invests in Digital Gravity Partners"}
    _settle(qtbot, window)
    # The party counts follow search and type; the type group keeps its siblings to choose from.
    assert window.filters.item("party", "BlackRock").text(1) == "1"
    assert window.filters.item("type", "mou").text(1) == "1"
