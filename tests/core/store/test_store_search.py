"""Full-text search: FTS5 kept in step by triggers, and user text that can never break a query."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from core.store.query import fts_query


def found(store: Store, words: str) -> list[int]:
    return store.deal_ids(DealQuery(search=words, sort="id", descending=False), 0, 100)


def assert_index_matches_content(store: Store) -> None:
    # FTS5 compares its index against the view it reads; drift raises "database disk image is malformed".
    store.db.execute("INSERT INTO deals_fts (deals_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def deal_id(store: Store) -> int:
    text = "Helios Power will build a solar farm in the Atacama desert, officials said."
    deal = Deal("Helios Sunbelt solar farm", parties=(Party("Helios Power"), Party("Chile")))
    return store.add_article(Article(text, deals=(deal,))).added[0]


def test_search_finds_title_party_and_article_words(store: Store, deal_id: int) -> None:
    assert found(store, "sunbelt") == [deal_id]
    assert found(store, "chile") == [deal_id]
    assert found(store, "atacama officials") == [deal_id]
    assert found(store, "nowhere") == []


def test_search_matches_word_prefixes_as_one_types(store: Store, deal_id: int) -> None:
    assert found(store, "Ata") == [deal_id]
    assert found(store, "hel sol") == [deal_id]


def test_editing_a_title_updates_search(store: Store, deal_id: int) -> None:
    store.save(store.deal(deal_id).replace(title="Andes photovoltaic park"))
    assert found(store, "photovoltaic") == [deal_id]
    assert found(store, "sunbelt") == []
    assert_index_matches_content(store)


def test_renaming_a_party_updates_search(store: Store, deal_id: int) -> None:
    deal = store.deal(deal_id)
    renamed = dataclasses.replace(deal.parties[1], name="Republic of Chile Treasury", entity_id=None)
    store.save(deal.replace(parties=(deal.parties[0], renamed)))
    assert found(store, "treasury") == [deal_id]
    store.save(store.deal(deal_id).replace(parties=(deal.parties[0],)))
    assert found(store, "treasury") == []
    assert found(store, "chile") == []
    assert_index_matches_content(store)


def test_a_second_source_makes_its_text_searchable(store: Store, deal_id: int) -> None:
    other = store.add_article(Article("Lithium miners in Antofagasta welcomed the plan."))
    deal = store.deal(deal_id)
    store.save(deal.replace(sources=deal.sources + (dataclasses.replace(deal.sources[0], article_id=other.article_id or 0),)))
    assert found(store, "antofagasta") == [deal_id]
    store.save(deal)
    assert found(store, "antofagasta") == []
    assert_index_matches_content(store)


def test_editing_article_text_directly_updates_search(store: Store, deal_id: int) -> None:
    store.db.execute("UPDATE articles SET text = 'A wind project in Patagonia.'")
    assert found(store, "patagonia") == [deal_id]
    assert found(store, "atacama") == []
    assert_index_matches_content(store)


def test_deleting_a_deal_row_removes_it_from_search(store: Store, deal_id: int) -> None:
    store.db.execute("DELETE FROM deals WHERE id = ?", [deal_id])
    assert found(store, "solar") == []
    assert_index_matches_content(store)


def test_trashed_deals_are_not_found_unless_asked_for(store: Store, deal_id: int) -> None:
    store.delete_deal(deal_id)
    assert found(store, "solar") == []
    assert store.deal_ids(DealQuery(search="solar", include_deleted=True), 0, 10) == [deal_id]


@pytest.mark.parametrize("text", [
    '"foo AND (bar', "NEAR(", "*", "^", "a OR", "NOT", '"', "''", "col:umn", "-minus", "(", "", "   ",
])
def test_operators_and_quotes_never_raise(store: Store, deal_id: int, text: str) -> None:
    store.count_deals(DealQuery(search=text))
    store.deal_ids(DealQuery(search=text), 0, 10)


def test_empty_search_is_no_filter(store: Store, deal_id: int) -> None:
    assert found(store, "") == found(store, "  ") == [deal_id]


def test_search_words_are_quoted_prefixes() -> None:
    assert fts_query('say "hi" AND (x') == '"say"* """hi"""* "AND"* "(x"*'
    assert fts_query(" ( ) ") == ""


@settings(max_examples=200, deadline=None)
@given(st.text())
@pytest.mark.slow
def test_any_user_text_is_a_valid_query(text: str) -> None:
    with Store.in_memory() as store:
        store.add_deal(Deal("Anything"))
        store.count_deals(DealQuery(search=text))
