"""The History tab reads like a log a person can follow: names, money and plain lists, local times."""

from core.store.journal import HistoryEntry
from gui.detail.history import HistoryView, describe


def test_values_read_as_words():
    assert describe("parties", [{"name": "BlackRock", "kind": "company", "role": "investor", "country": None}]) \
        == "BlackRock (investor)"
    assert describe("amounts", [{"value": 5e8, "currency": "GBP", "text": "£500 million"}]) == "£500m"
    assert describe("sectors", ["AI", "energy"]) == "AI; energy"
    assert describe("location", None) == "—"
    assert describe("deleted_at", "2025-01-01T00:00:00+00:00") == "in the trash"


def test_entries_newest_first_with_who_and_what(qtbot):
    view = HistoryView()
    qtbot.addWidget(view)
    view.set_entries([
        HistoryEntry(1, 9, "2025-01-01T10:00:00+00:00", "title", None, "Old", "parser"),
        HistoryEntry(2, 9, "2025-01-02T10:00:00+00:00", "title", "Old", "New", "person"),
        HistoryEntry(3, 9, "2025-01-02T10:00:00+00:00", "date_precision", "day", "month", "person"),
    ])
    rows = [[view.topLevelItem(i).text(c) for c in range(4)][1:] for i in range(view.topLevelItemCount())]
    assert rows == [["person", "Date precision", "day → month"], ["person", "Title", "Old → New"],
                    ["parser", "Title", "Old"]]
