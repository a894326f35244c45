"""Store.position: a deal's row in the list under any filter, search and sort, without paging through the list."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from core.model import Amount, Article, Deal, DealQuery, DealType, Party, Precision
from core.store import Store, query as deal_list

_TITLES = ("alpha deal", "Alpha deal", "beta grid deal", "Gamma deal", "alpha deal")  # ties, and case that NOCASE folds


def _deal(i: int) -> Deal:
    return Deal(
        _TITLES[i % len(_TITLES)], (DealType.ACQUISITION, DealType.MOU, DealType.GRANT)[i % 3],
        date=None if i % 4 == 0 else f"2025-0{1 + i % 3}-1{i % 2}", date_precision=Precision.DAY,
        parties=(Party(("Volta Grid", "BlackRock", "Mistral AI")[i % 3]),),
        amounts=() if i % 5 == 0 else (Amount(float(1 + i % 4) * 1e6, "USD", "US$1m"),),
        sectors=(("energy",), (), ("AI", "grid"))[i % 3], needs_review=("date",) if i % 2 else (),
    )


@pytest.fixture
def listed(store: Store) -> list[int]:
    ids = [store.add_article(Article(f"Article {i} about the grid.", deals=(_deal(i),))).added[0] for i in range(30)]
    store.delete_deals(ids[:4])
    store.add_watch("party", "Volta Grid")
    return ids


_QUERIES = [DealQuery(), DealQuery(types=(DealType.ACQUISITION,)), DealQuery(search="grid"), DealQuery(watched=True),
            DealQuery(include_deleted=True), DealQuery(sectors=("AI",), needs_review=True)]


@pytest.mark.parametrize(("query", "sort", "descending"),
                         list(itertools.product(_QUERIES, deal_list.SORT_KEYS, (False, True))))
def test_each_deal_stands_where_the_list_shows_it(store: Store, listed: list[int], query: DealQuery, sort: str,
                                                  descending: bool) -> None:
    query = dataclasses.replace(query, sort=sort, descending=descending)
    shown = store.deal_ids(query, 0, 100)
    assert {deal_id: store.position(query, deal_id) for deal_id in listed} == {
        deal_id: (shown.index(deal_id) if deal_id in shown else None) for deal_id in listed}


def test_a_deal_no_longer_stored_stands_nowhere(store: Store, listed: list[int]) -> None:
    assert store.position(DealQuery(), 10_000) is None
    assert store.position(DealQuery(search="nothingmatches"), listed[5]) is None
