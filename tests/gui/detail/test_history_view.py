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
    assert rows == [["you", "Date precision", "Day → Month"], ["you", "Title", "Old → New"],
                    ["import", "Title", "Old"]]


def test_codes_read_as_words():
    from gui.detail.history import change_text, describe, field_name

    assert f"{field_name('type')}: {change_text('type', 'mou', 'investment')}" == "Type: MoU → Investment"
    assert change_text("type", "investment", "funding_round") == "Investment → Funding round"
    assert change_text("status", "mou", "signed") == "MoU → Signed"
    assert f"{field_name('date_precision')}: {change_text('date_precision', None, 'day')}" == "Date precision: Day"
    assert change_text("needs_review", ["date", "parties"], ["parties"]) == "Date, Parties → Parties"
    assert change_text("edited", [], ["title", "amounts"]) == "none → Title, Amounts"
    assert describe("parties", [{"name": "South Korea", "kind": "government", "role": "partner"}]) \
        == "South Korea (government, partner)"


def test_sources_say_how_many_and_which_came_or_went():
    from gui.detail.history import change_text

    titles = {3: "Korea Eyes AI Capital", 9: "Mistral AI raises Series B"}
    assert change_text("sources", [3], [3, 9], titles) == "1 source → 2 sources (added “Mistral AI raises Series B”)"
    assert change_text("sources", [3, 9], [9], titles) == "2 sources → 1 source (removed “Korea Eyes AI Capital”)"
    assert change_text("sources", [3, 4], [3, 9], {}) == "2 sources → 2 sources (added “article 9”; removed “article 4”)"


def test_who_is_you_an_import_or_a_reparse():
    from gui.detail.history import who

    at1, at2, at3 = "2025-01-01T10:00:00+00:00", "2025-01-02T10:00:00+00:00", "2025-01-03T10:00:00+00:00"
    entries = [
        HistoryEntry(1, 9, at1, "title", None, "Old", "parser"),
        HistoryEntry(2, 9, at1, "type", None, "mou", "parser"),
        HistoryEntry(3, 9, at2, "location", None, "Seoul", "parser"),
        HistoryEntry(4, 9, at2, "sources", [3], [3, 9], "parser"),
        HistoryEntry(5, 9, at3, "type", "mou", "investment", "parser"),
        HistoryEntry(6, 9, at3, "title", "Old", "New", "person"),
    ]
    assert who(entries) == {1: "import", 2: "import", 3: "import", 4: "import", 5: "re-parse", 6: "you"}
