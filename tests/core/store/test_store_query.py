"""The deal list: filters, sort keys, pages of ids, table rows and facets, up to 100,000 deals."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import (
    Amount, Article, Deal, DealQuery, DealType, Party, PartyKind, Precision, Status,
)
from core.store import Store
from core.store.query import SORT_KEYS, DealRow, order_by, where


@pytest.fixture
def filled(store: Store) -> dict[str, int]:
    """Four deals that differ in every filterable way, by title."""
    deals = [
        Deal("Alpha MoU", DealType.MOU, Status.MOU, "2025-09-22", Precision.DAY,
             parties=(Party("BlackRock", PartyKind.FUND, "investor", country="US"),
                      Party("South Korea", PartyKind.GOVERNMENT, "government", country="KR")),
             amounts=(Amount(500e6, "GBP", "£500 million", usd_value=678e6),),
             location="New York", sectors=("AI", "energy"), needs_review=("date",)),
        Deal("Beta buyout", DealType.ACQUISITION, Status.COMPLETED, "2024-03-01", Precision.MONTH,
             parties=(Party("Volta Grid", country="NO"), Party("Blackrock Inc.")),
             amounts=(Amount(1.2e9, "USD", "$1.2 billion"),), sectors=("energy",)),
        Deal("gamma round", DealType.FUNDING_ROUND, Status.ANNOUNCED, "2025-01-15", Precision.DAY,
             parties=(Party("Mistral AI", country="FR"),),
             amounts=(Amount(600e6, "EUR", "€600 million"),), location="Paris", sectors=("AI",)),
        Deal("Delta pact", DealType.PARTNERSHIP, Status.SIGNED),
    ]
    ids = {}
    for deal in deals:
        ids[deal.title] = store.add_article(Article(f"Article about {deal.title}.", deals=(deal,))).added[0]
    return ids


def titles(store: Store, query: DealQuery) -> list[str]:
    ids = store.deal_ids(query, 0, 100)
    rows = store.deal_rows(ids)
    assert store.count_deals(query) == len(ids)
    return [rows[i].title for i in ids]


def test_default_query_lists_newest_first(store: Store, filled: dict[str, int]) -> None:
    assert titles(store, DealQuery()) == ["Alpha MoU", "gamma round", "Beta buyout", "Delta pact"]


@pytest.mark.parametrize(("sort", "ascending"), [
    ("title", ["Alpha MoU", "Beta buyout", "Delta pact", "gamma round"]),
    ("type", ["Beta buyout", "gamma round", "Alpha MoU", "Delta pact"]),
    ("status", ["gamma round", "Beta buyout", "Alpha MoU", "Delta pact"]),
    ("date", ["Delta pact", "Beta buyout", "gamma round", "Alpha MoU"]),
    ("parties", ["Delta pact", "BlackRock first", "Mistral AI", "Volta Grid"]),
    ("value", ["Delta pact", "gamma round", "Alpha MoU", "Beta buyout"]),
    ("sources", None),
    ("review", None),
    ("sectors", ["Alpha MoU", "gamma round", "Beta buyout", "Delta pact"]),
])
def test_every_sort_key_orders_both_ways(
    store: Store, filled: dict[str, int], sort: str, ascending: list[str] | None
) -> None:
    up = titles(store, DealQuery(sort=sort, descending=False))
    down = titles(store, DealQuery(sort=sort, descending=True))
    assert up == down[::-1]
    if sort == "parties":
        assert up[0] == "Delta pact" and up[1] == "Alpha MoU"
    elif ascending is not None:
        assert up == ascending
    if sort == "review":
        assert down[0] == "Alpha MoU"


def test_unknown_sort_key_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        store.deal_ids(DealQuery(sort="colour"), 0, 10)


def test_gui_sort_keys_are_all_known() -> None:
    documented = {"title", "type", "status", "date", "parties", "value", "sectors", "sources", "review"}
    assert documented <= SORT_KEYS.keys()


@pytest.mark.parametrize(("query", "expected"), [
    (DealQuery(types=("mou", "acquisition")), {"Alpha MoU", "Beta buyout"}),
    (DealQuery(statuses=(Status.SIGNED,)), {"Delta pact"}),
    (DealQuery(sectors=("AI",)), {"Alpha MoU", "gamma round"}),
    (DealQuery(sectors=("energy", "AI")), {"Alpha MoU", "Beta buyout", "gamma round"}),
    (DealQuery(years=(2024,)), {"Beta buyout"}),
    (DealQuery(years=(2024, 2025)), {"Alpha MoU", "Beta buyout", "gamma round"}),
    # A deal's country is the one its location names (core.places): New York, Paris.
    (DealQuery(countries=("United States",)), {"Alpha MoU"}),
    (DealQuery(countries=("France",)), {"gamma round"}),
    (DealQuery(countries=("Paris",)), set()),
    (DealQuery(needs_review=True), {"Alpha MoU"}),
    (DealQuery(types=("mou",), years=(2024,)), set()),
    (DealQuery(search="buyout", sectors=("energy",)), {"Beta buyout"}),
])
def test_filters_narrow_the_list(store: Store, filled: dict[str, int], query: DealQuery, expected: set[str]) -> None:
    assert set(titles(store, query)) == expected


def test_party_filter_takes_entity_ids_or_canonical_names(store: Store, filled: dict[str, int]) -> None:
    blackrock = next(e for e in store.entities() if e.name == "BlackRock")
    assert set(titles(store, DealQuery(parties=(blackrock.id,)))) == {"Alpha MoU", "Beta buyout"}
    assert set(titles(store, DealQuery(parties=("BlackRock",)))) == {"Alpha MoU", "Beta buyout"}  # type: ignore[arg-type]


def test_trashed_deals_are_hidden_by_default(store: Store, filled: dict[str, int]) -> None:
    store.delete_deal(filled["Beta buyout"])
    assert "Beta buyout" not in titles(store, DealQuery())
    assert "Beta buyout" in titles(store, DealQuery(include_deleted=True))


def test_pages_of_ids_cover_the_list_once(store: Store, filled: dict[str, int]) -> None:
    pages = [store.deal_ids(DealQuery(), offset, 3) for offset in (0, 3, 6)]
    assert pages[2] == [] and len(pages[0]) == 3 and len(pages[1]) == 1
    assert sorted(pages[0] + pages[1]) == sorted(filled.values())


def test_deal_rows_carry_the_list_columns(store: Store, filled: dict[str, int]) -> None:
    row = store.deal_rows([filled["Alpha MoU"], 999])[filled["Alpha MoU"]]
    assert row == DealRow(
        id=filled["Alpha MoU"], title="Alpha MoU", type=DealType.MOU, status=Status.MOU, date="2025-09-22",
        date_precision=Precision.DAY, parties="BlackRock, South Korea", value=500e6, currency="GBP",
        usd_value=678e6, sectors="AI, energy", sources=1, needs_review=True, display_value=678e6,
    )
    assert 999 not in store.deal_rows([999])


def test_facets_count_each_value_under_the_other_filters(store: Store, filled: dict[str, int]) -> None:
    facets = store.facets(DealQuery())
    assert set(facets) == {"type", "status", "sector", "year", "country", "party", "review", "watched"}
    assert facets["sector"] == [("AI", 2), ("energy", 2)]
    assert facets["year"] == [("2025", 2), ("2024", 1)]
    assert facets["review"] == [("yes", 1)]
    assert ("BlackRock", 2) in facets["party"]
    assert facets["country"] == [("France", 1), ("United States", 1)]
    narrowed = store.facets(DealQuery(types=("mou",)))
    assert narrowed["sector"] == [("AI", 1), ("energy", 1)]
    assert len(narrowed["type"]) == 4  # a facet ignores its own filter, so other types stay offered


def _bulk_fill(store: Store, count: int) -> None:
    """Generate deals in SQL, so the cost measured is the store's own (indexes, search triggers)."""
    types = ", ".join(f"'{t}'" for t in DealType)
    words = "'solar', 'grid', 'chip', 'fund', 'port', 'rail', 'cloud', 'mine'"
    store.db.execute(f"""
        INSERT INTO deals (id, title, type, status, date, date_precision, sectors, parties_text,
                           value, currency, usd_value, sort_value, needs_review)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}),
        g AS (SELECT i, json_array({words}) AS w, json_array({types}) AS t,
                     CASE WHEN i % 3 THEN (i * 7919) % 100000 * 1e5 END AS v FROM n)
        SELECT i, (w ->> (i % 8)) || ' ' || (w ->> (i / 8 % 8)) || ' deal', t ->> (i % {len(DealType)}),
               'announced', printf('%04d-%02d-01', 2000 + i * 31 % 26, 1 + i % 12), 'month',
               json_array(w ->> (i / 64 % 8)), 'Company ' || (i % 997),
               v, CASE WHEN v IS NOT NULL THEN 'USD' END, v, v,
               CASE WHEN i % 10 THEN '[]' ELSE '["date"]' END
        FROM g
    """)


@pytest.mark.slow
def test_hundred_thousand_deals_page_without_loading_them_all(store: Store) -> None:
    _bulk_fill(store, 100_000)
    assert store.count_deals(DealQuery()) == 100_000
    for sort in SORT_KEYS:
        for descending in (True, False):
            ids = store.deal_ids(DealQuery(sort=sort, descending=descending), 50_000, 200)
            assert len(ids) == 200
            assert len(store.deal_rows(ids)) == 200
    page = store.deal_ids(DealQuery(sort="value", descending=True), 0, 50)
    values = [store.deal_rows(page)[i].usd_value or 0.0 for i in page]
    assert values == sorted(values, reverse=True) and values[0] > 0
    assert store.count_deals(DealQuery(needs_review=True)) == 10_000
    assert store.count_deals(DealQuery(search="sola")) > 0
    assert len(store.deal_ids(DealQuery(search="solar", years=(2020,)), 0, 100)) > 0
    assert sum(n for _, n in store.facets(DealQuery())["type"]) == 100_000
    store.db.execute("ANALYZE")
    _assert_sorts_walk_an_index(store, DealQuery())


def _assert_sorts_walk_an_index(store: Store, query: DealQuery) -> None:
    for sort in SORT_KEYS:
        for descending in (True, False):
            sorted_query = dataclasses.replace(query, sort=sort, descending=descending)
            clause, params = where(sorted_query)
            plan = " ".join(
                str(row[-1]) for row in store.db.execute(
                    f"EXPLAIN QUERY PLAN SELECT d.id FROM deals d WHERE {clause} "
                    f"ORDER BY {order_by(sorted_query)} LIMIT 10", params)
            )
            assert "TEMP B-TREE" not in plan, (sort, plan)


def test_sorted_pages_walk_an_index_instead_of_sorting(store: Store) -> None:
    _assert_sorts_walk_an_index(store, DealQuery())
    # With a selective filter SQLite may rightly prefer the filter's index and sort what it finds.
