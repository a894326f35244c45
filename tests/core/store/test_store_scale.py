"""The deal list's fast paths answer exactly what the plain queries answer: exact terms for typed prefixes,
counts without the trash, pages read from the far end, cached counts, and the rewritten facets."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from core.model import Article, Deal, DealQuery, DealType, Party, Status
from core.store import Store
from core.store.query import FACET_KEYS, SORT_KEYS, fts_query

pytestmark = pytest.mark.slow  # big databases

WORDS = ("invest", "investment", "investor", "inventory", "solar", "solaris", "grid", "café", "port")
COUNTRIES = ("NO", "FR", "US", None)


@pytest.fixture
def varied(store: Store) -> Store:
    """120 deals with overlapping words, parties from a few countries, some sectors, a tenth in the trash."""
    for i in range(120):
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 2, 5))
        parties = tuple(
            Party(f"Party {(i * k) % 17}", country=COUNTRIES[(i * k) % 17 % len(COUNTRIES)]) for k in (1, 3)
        )
        deal = Deal(f"Deal {i} {WORDS[i % len(WORDS)]}", list(DealType)[i % 5], list(Status)[i % 4],
                    f"{2015 + i % 10}-{1 + i % 12:02d}-01", parties=parties,
                    location=("Oslo", "FR", None)[i % 3], sectors=(("solar", "grid"), ("grid",), ())[i % 3])
        deal_id = store.add_article(Article(f"Article {i}: {words}.", deals=(deal,))).added[0]
        if i % 10 == 3:
            store.delete_deal(deal_id)
    return store


def plain_ids(store: Store, query: DealQuery) -> list[int]:
    """The list as the straightforward query gives it: FTS5's own prefixes, one ORDER BY, no shortcuts."""
    clauses = [] if query.include_deleted else ["deleted_at IS NULL"]
    params = []
    if fts_query(query.search):
        clauses.append("id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)")
        params.append(fts_query(query.search))
    order = "DESC" if query.descending else "ASC"
    rows = store.db.execute(
        f"SELECT id FROM deals WHERE {' AND '.join(clauses) or '1'} ORDER BY id {order}", params)
    return [row[0] for row in rows]


@pytest.mark.parametrize("text", ["inve", "invest", "investm", "solar", "sola", "gri", "café", "cafe",
                                  "nothing", "inve solar", "Deal 1", "party 3"])
@pytest.mark.parametrize("include_deleted", [False, True])
def test_search_matches_the_plain_prefix_query(varied: Store, text: str, include_deleted: bool) -> None:
    for descending in (True, False):
        query = DealQuery(search=text, sort="id", descending=descending, include_deleted=include_deleted)
        expected = plain_ids(varied, query)
        assert varied.count_deals(query) == len(expected)
        assert varied.deal_ids(query, 0, 1000) == expected
        pages = [i for offset in range(0, len(expected), 7) for i in varied.deal_ids(query, offset, 7)]
        assert pages == expected


def test_search_counts_follow_the_trash(varied: Store) -> None:
    query = DealQuery(search="solar", sort="id")
    before = varied.count_deals(query)
    victim = varied.deal_ids(query, 0, 1)[0]
    varied.delete_deal(victim)
    assert varied.count_deals(query) == before - 1 and victim not in varied.deal_ids(query, 0, 1000)
    varied.restore_deal(victim)
    assert varied.count_deals(query) == before and victim in varied.deal_ids(query, 0, 1000)
    renamed = varied.save(dataclasses.replace(varied.deal(victim), title="Renamed zeppelin"))
    varied.delete_deal(renamed.id)
    assert varied.count_deals(DealQuery(search="zeppelin")) == 0
    assert varied.count_deals(DealQuery(search="zeppelin", include_deleted=True)) == 1


@pytest.mark.parametrize("sort", sorted(SORT_KEYS))
def test_pages_past_the_middle_read_from_the_end_in_the_same_order(varied: Store, sort: str) -> None:
    for descending in (True, False):
        for search in ("", "grid"):
            query = DealQuery(search=search, sort=sort, descending=descending)
            everything = varied.deal_ids(query, 0, 10_000)
            assert len(everything) == varied.count_deals(query)
            for offset in (0, 5, len(everything) // 2, len(everything) - 13, len(everything) - 1):
                assert varied.deal_ids(query, offset, 10) == everything[offset:offset + 10], (offset, search)
            assert varied.deal_ids(query, len(everything), 10) == []


def test_counts_are_remembered_until_the_data_changes(varied: Store) -> None:
    query = DealQuery(types=("mou",))
    before = varied.count_deals(query)
    varied.add_deal(Deal("One more MoU", DealType.MOU))
    assert varied.count_deals(query) == before + 1
    assert varied.count_deals(dataclasses.replace(query, sort="title")) == before + 1


def test_another_connection_writing_empties_the_remembered_counts(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_deal(Deal("First solar deal"))
        assert store.count_deals(DealQuery()) == 1
        assert store.count_deals(DealQuery(search="solar")) == 1
        with Store.open(path) as other:
            other.add_deal(Deal("Second solar deal"))
        assert store.count_deals(DealQuery()) == 2
        assert store.count_deals(DealQuery(search="solar")) == 2


def reference_facets(store: Store, query: DealQuery) -> dict[str, list[tuple[str, int]]]:
    """Each facet counted deal by deal in Python, from the plain ids of the query without that filter."""
    from core.store.query import where

    result: dict[str, list[tuple[str, int]]] = {}
    for key in ("sector", "party", "country"):
        clause, params = where(query, skip=key)
        ids = [row[0] for row in store.db.execute(f"SELECT d.id FROM deals d WHERE {clause}", params)]
        counts: dict[str, int] = {}
        for deal_id in ids:
            sectors, country = store.db.execute(
                "SELECT sectors, country FROM deals WHERE id = ?", [deal_id]).fetchone()
            parties = store.db.execute(
                "SELECT e.name, e.country FROM deal_parties p JOIN entities e ON e.id = p.entity_id "
                "WHERE p.deal_id = ?", [deal_id]).fetchall()
            values = {
                "sector": json.loads(sectors),
                "party": sorted({name for name, _ in parties}),
                "country": [country] if country else [],  # read from the location (core.places): Oslo is Norway
            }[key]
            for value in values:
                counts[value] = counts.get(value, 0) + 1
        result[key] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return result


@pytest.mark.parametrize("query", [
    DealQuery(), DealQuery(include_deleted=True), DealQuery(search="inve"), DealQuery(types=("mou",)),
    DealQuery(countries=("Norway",)), DealQuery(parties=("Party 3",)),
])
def test_facets_count_what_a_deal_by_deal_count_finds(varied: Store, query: DealQuery) -> None:
    found = varied.facets(query)
    assert set(found) == set(FACET_KEYS)
    for key, expected in reference_facets(varied, query).items():
        assert found[key] == expected, key


def test_a_word_nothing_starts_matches_nothing_anywhere(varied: Store) -> None:
    query = DealQuery(search="zzzz solar")
    assert varied.count_deals(query) == 0 and varied.deal_ids(query, 0, 10) == []
    assert all(values == [] for values in varied.facets(query).values())


def test_the_trash_index_is_rebuilt_only_when_the_trash_changes(varied: Store) -> None:
    statements: list[str] = []
    varied.db.conn.set_trace_callback(statements.append)
    try:
        varied.count_deals(DealQuery(search="grid"))
        varied.add_deal(Deal("A live grid deal"))
        varied.count_deals(DealQuery(search="grid"))
    finally:
        varied.db.conn.set_trace_callback(None)
    assert sum("INSERT INTO temp.deals_trash_fts" in s for s in statements) <= 1


def test_a_read_only_connection_can_search(tmp_path: Path, varied: Store) -> None:
    path = tmp_path / "copy.db"
    varied.db.conn.backup(sqlite3.connect(path))
    from sqlite_utils import Database

    from core.store import query as store_query

    reader = Database(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True))
    query = DealQuery(search="inve", sort="id")
    assert store_query.count_deals(reader, query) == varied.count_deals(query)
    assert store_query.deal_ids(reader, query, 0, 50) == varied.deal_ids(query, 0, 50)
