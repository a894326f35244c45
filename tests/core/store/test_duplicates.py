"""core.store.duplicates on its own: which stored deals are offered as the same deal, and a person's "not the same"."""

from __future__ import annotations

import pytest

from core.model import Article, Deal, DealType, Party, Precision
from core.store import Store
from core.store.duplicates import PossibleDuplicate, set_not_duplicates, suggestions


def deal(title: str, *names: str, date: str | None = "2025-05-10") -> Deal:
    return Deal(title, type=DealType.INVESTMENT, date=date, date_precision=Precision.DAY if date else None,
                parties=tuple(Party(n) for n in names))


def stored(store: Store, text: str, *deals: Deal) -> list[int]:
    outcome = store.add_article(Article(text, title=text[:20], published="2025-06-01", deals=deals))
    return list(outcome.added)


def test_the_same_parties_on_close_dates_are_offered_and_others_are_not(store: Store) -> None:
    first, = stored(store, "Alder Bank invests in Birch Power.", deal("Alder invests", "Alder Bank", "Birch Power"))
    second, = stored(store, "Birch Power gets Alder Bank's money.",
                     deal("Birch gets money", "Birch Power", "Alder Bank", date=None))
    stored(store, "Cedar Rail buys Dune Mills.", deal("Cedar buys Dune", "Cedar Rail", "Dune Mills"))
    assert suggestions(store.db, first) == [PossibleDuplicate(second, "Birch gets money", False)]
    assert suggestions(store.db, second) == [PossibleDuplicate(first, "Alder invests", False)]


def test_deals_of_one_article_are_never_offered_as_each_other(store: Store) -> None:
    one, two = stored(store, "Alder Bank invests in Birch Power twice.",
                      deal("First round", "Alder Bank", "Birch Power"),
                      deal("Second round", "Alder Bank", "Birch Power", date=None))
    assert suggestions(store.db, one) == [] and suggestions(store.db, two) == []


def test_a_persons_word_that_two_deals_differ_holds_both_ways_until_taken_back(store: Store) -> None:
    first, = stored(store, "Alder Bank invests in Birch Power.", deal("Alder invests", "Alder Bank", "Birch Power"))
    second, = stored(store, "Birch Power gets Alder Bank's money.",
                     deal("Birch gets money", "Birch Power", "Alder Bank", date=None))
    set_not_duplicates(store.db, second, first, True)
    assert suggestions(store.db, first) == [] and suggestions(store.db, second) == []
    set_not_duplicates(store.db, first, second, False)
    assert [d.deal_id for d in suggestions(store.db, first)] == [second]


def test_a_deal_in_the_trash_is_offered_nothing_and_an_unknown_deal_is_refused(store: Store) -> None:
    first, = stored(store, "Alder Bank invests in Birch Power.", deal("Alder invests", "Alder Bank", "Birch Power"))
    second, = stored(store, "Birch Power gets Alder Bank's money.",
                     deal("Birch gets money", "Birch Power", "Alder Bank", date=None))
    store.delete_deal(second)
    assert suggestions(store.db, second) == [] and suggestions(store.db, first) == []
    with pytest.raises(KeyError, match="no deal 99"):
        set_not_duplicates(store.db, first, 99, True)
