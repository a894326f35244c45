"""Facet counts kept by triggers (m011) equal a plain count after every kind of write and its undo."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from core.importer import store_article
from core.model import Article, Deal, DealQuery, DealType, Party, PartyKind, Precision, Status
from core.store import Store, facet_counts
from core.store.query import where
from import_samples import NORTHWIND, parsed
from db_helpers import schema_before

_TYPES = (DealType.MOU, DealType.ACQUISITION, DealType.FUNDING_ROUND, DealType.PARTNERSHIP)
_STATUSES = (Status.ANNOUNCED, Status.COMPLETED, Status.SIGNED)
_SECTORS = (("AI", "energy"), ("energy",), (), ("AI",), ("grid", "AI"))
_PARTIES = ("BlackRock", "Volta Grid", "Mistral AI", "South Korea", "Northwind")
_PLACES = ("Paris", "New York", None, "Pune")


def _deal(i: int) -> Deal:
    return Deal(
        f"Deal {i} on the grid" if i % 3 else f"Deal {i} of chips",
        _TYPES[i % len(_TYPES)], _STATUSES[i % len(_STATUSES)],
        None if i % 7 == 0 else f"{2023 + i % 3}-{1 + i % 12:02d}-15", Precision.DAY,
        parties=tuple(Party(_PARTIES[(i + k) % len(_PARTIES)], PartyKind.COMPANY) for k in range(1 + i % 3)),
        location=_PLACES[i % len(_PLACES)], sectors=_SECTORS[i % len(_SECTORS)],
        needs_review=("date",) if i % 4 == 0 else (),
    )


@pytest.fixture
def varied(store: Store) -> list[int]:
    ids = [store.add_article(Article(f"Article {i} about a deal.", deals=(_deal(i),))).added[0] for i in range(24)]
    store.delete_deals(ids[:3])
    store.add_watch("party", "Mistral AI")
    store.db.execute("INSERT INTO feed_inbox (deal_id, feed_id, arrived_at) VALUES (?, 1, '2025-01-01')", [ids[5]])
    return ids


def _plain_count(store: Store, query: DealQuery) -> int:
    """The list's count by its WHERE clause alone (Store.count_deals may read kept counts itself)."""
    clause, params = where(query)
    return int(store.db.execute(f"SELECT count(*) FROM deals d WHERE {clause}", params).fetchone()[0])


def _with_value(query: DealQuery, key: str, value: str) -> DealQuery:
    """The query with `key`'s filter set to this one value: its count is the facet's count for the value."""
    fields = {"type": "types", "status": "statuses", "sector": "sectors", "year": "years", "country": "countries",
              "party": "parties"}
    if key in fields:
        return dataclasses.replace(query, **{fields[key]: (int(value) if key == "year" else value,)})
    return dataclasses.replace(query, **{"review": {"needs_review": True}, "watched": {"watched": True}}[key])


QUERIES = [
    DealQuery(),
    DealQuery(types=(DealType.MOU,)),
    DealQuery(types=(DealType.MOU, DealType.ACQUISITION)),
    DealQuery(sectors=("AI",)),
    DealQuery(sectors=("AI", "energy")),
    DealQuery(years=(2024,)),
    DealQuery(countries=("France",)),
    DealQuery(parties=("BlackRock",)),
    DealQuery(needs_review=True),
    DealQuery(types=(DealType.MOU,), years=(2024, 2025)),
    DealQuery(sectors=("grid",), parties=("Volta Grid",)),
    DealQuery(search="grid"),
    DealQuery(include_deleted=True),
    DealQuery(include_deleted=True, statuses=(Status.SIGNED,)),
    DealQuery(watched=True),
    DealQuery(inbox=True),
    DealQuery(periods=("2024-Q3",)),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr({k: v for k, v in dataclasses.asdict(q).items()
                                                               if v and k not in ("sort", "descending", "currency")}))
def test_every_count_equals_the_list_count_of_its_value(store: Store, varied: list[int], query: DealQuery) -> None:
    facets = store.facets(query)
    assert facets["party"] and facets["type"]
    for key, rows in facets.items():
        for value, count in rows:
            assert count == _plain_count(store, _with_value(query, key, value)) == store.count_deals(
                _with_value(query, key, value)), (key, value)
    # Every value that lists a deal is offered.
    for value in ("mou", "acquisition", "funding_round", "partnership"):
        listed = _plain_count(store, _with_value(query, "type", value))
        assert (value, listed) in facets["type"] or listed == 0


def _unchanged(store: Store) -> None:
    assert facet_counts.recount(store.db) == []


def test_counts_follow_imports_edits_merges_trash_and_their_undo(store: Store, varied: list[int]) -> None:
    _unchanged(store)
    assert store.db.execute("SELECT count(*) FROM deal_facets").fetchone()[0] > 100
    outcome = store_article(store, parsed(store, NORTHWIND))
    _unchanged(store)
    deal = store.deal(varied[4])
    edited = store.save(deal.replace(type=DealType.MERGER, sectors=("energy", "nuclear"), date="2020-02-02",
                                     location="Paris", parties=(Party("Someone New"), *deal.parties[:1])))
    _unchanged(store)
    store.save(deal, edited=deal.edited)
    _unchanged(store)
    keep, other = store.deal(varied[6]), store.deal(varied[7])
    store.merge_deals(keep, other)
    _unchanged(store)
    store.undo_merge(keep, other.id or 0)
    _unchanged(store)
    store.restore_deals(varied[:2])
    store.delete_deals(varied[10:12])
    _unchanged(store)
    store.remove_import(outcome)
    _unchanged(store)
    assert edited.type == DealType.MERGER


def test_counts_follow_registry_and_sector_edits_and_their_undo(store: Store, varied: list[int]) -> None:
    ids = {e.name: e.id for e in store.entities()}
    renamed = store.rename_entity(ids["Volta Grid"], "Volta Grid ASA")
    _unchanged(store)
    merged = store.merge_entities(ids["BlackRock"], ids["Northwind"])
    _unchanged(store)
    assert dict(store.facets(DealQuery())["party"])["BlackRock"] == store.count_deals(DealQuery(parties=(ids["BlackRock"],)))
    store.undo_registry_edit(merged)
    _unchanged(store)
    store.undo_registry_edit(renamed)
    _unchanged(store)
    sector = store.merge_sectors("AI", "grid")
    _unchanged(store)
    store.undo_sector_edit(sector)
    _unchanged(store)


def test_counts_follow_a_reparse_and_its_undo(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    deal = store.deal(outcome.added[0])
    again = store.apply_reparse(outcome.article_id or 0, [deal.replace(
        id=None, type=DealType.GRANT, status=Status.TERMINATED, parties=(*deal.parties, Party("Extra Co")))])
    _unchanged(store)
    store.undo_reparse(again)
    _unchanged(store)


def test_a_deal_naming_a_party_twice_counts_once(store: Store) -> None:
    deal_id = store.add_deal(Deal("Twice", parties=(Party("Acme", role="buyer"), Party("Acme", role="seller")))).id
    assert dict(store.facets(DealQuery())["party"]) == {"Acme": 1}
    store.db.execute("DELETE FROM deal_parties WHERE deal_id = ? AND position = 0", [deal_id])
    _unchanged(store)
    assert dict(store.facets(DealQuery())["party"]) == {"Acme": 1}


def test_an_older_file_gets_its_counts_in_the_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with schema_before(monkeypatch, "m011_facet_counts"):
        with Store.open(path) as store:
            for i in range(12):
                store.add_article(Article(f"Old article {i}.", deals=(_deal(i),)))
            store.delete_deal(3)
            assert not store.db["deal_facets"].exists()
    with Store.open(path) as store:
        _unchanged(store)
        assert store.db.execute("SELECT count(*) FROM deal_facets").fetchone()[0] > 50
        assert store.facets(DealQuery(types=(DealType.MOU,)))["year"] == (
            [(y, store.count_deals(DealQuery(types=(DealType.MOU,), years=(int(y),))))
             for y, _ in store.facets(DealQuery(types=(DealType.MOU,)))["year"]])
