"""A deal's country from its location, and the sector registry: rename, merge, undo, and old files migrated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import DealsError
from core.model import Article, Deal, DealQuery
from core.store import Store
from db_helpers import schema_before


def _import(store: Store, title: str, **fields: object) -> int:
    return store.add_article(Article(f"Article about {title}.", deals=(Deal(title, **fields),))).added[0]  # type: ignore[arg-type]


def test_an_import_sets_the_country_and_the_facet_lists_countries_only(store: Store) -> None:
    _import(store, "Pune plant", location="Pune")
    _import(store, "Arizona loan", location="Arizona")
    _import(store, "New York pact", location="New York City")
    _import(store, "Made-up place", location="Aberdale")
    assert store.facets(DealQuery())["country"] == [("United States", 2), ("India", 1)]
    assert store.count_deals(DealQuery(countries=("United States",))) == 2


def test_a_hand_edit_of_the_location_moves_the_country_and_keeps_the_location(store: Store) -> None:
    deal = store.deal(_import(store, "Plant", location="Pune, India"))
    assert (deal.location, deal.country) == ("Pune, India", "India")
    moved = store.save(deal.replace(location="Seoul"))
    assert (moved.location, moved.country) == ("Seoul", "South Korea")
    assert store.save(moved.replace(location="somewhere private")).country is None
    assert "country" not in json.dumps(store.deal(moved.id or 0).to_contract())


def test_merging_two_sectors_leaves_one_facet_entry_and_undo_brings_both_back(store: Store) -> None:
    _import(store, "One", sectors=("AI infrastructure", "solar"))
    _import(store, "Two", sectors=("artificial intelligence",))
    both = _import(store, "Three", sectors=("AI infrastructure", "artificial intelligence"))
    before = store.facets(DealQuery())["sector"]
    assert before == [("AI infrastructure", 2), ("artificial intelligence", 2), ("solar", 1)]

    merged = store.merge_sectors("artificial intelligence", "AI infrastructure")
    assert merged.name == "artificial intelligence" and merged.aliases == ("AI infrastructure",)
    assert store.facets(DealQuery())["sector"] == [("artificial intelligence", 3), ("solar", 1)]
    assert store.deal(both).sectors == ("artificial intelligence",)
    assert store.history(both)[-1].new == ["artificial intelligence"]

    store.undo_sector_edit(merged)
    assert store.facets(DealQuery())["sector"] == before
    assert store.deal(both).sectors == ("AI infrastructure", "artificial intelligence")
    assert {s.name for s in store.sectors()} == {"AI infrastructure", "artificial intelligence", "solar"}


def test_a_merged_or_renamed_spelling_maps_later_imports_to_the_sector(store: Store) -> None:
    _import(store, "One", sectors=("AI infrastructure",))
    _import(store, "Two", sectors=("artificial intelligence", "solar"))
    store.merge_sectors("artificial intelligence", "AI infrastructure")
    store.rename_sector("solar", "Solar power")
    later = store.deal(_import(store, "Three", sectors=("ai infrastructure", "Solar")))
    assert later.sectors == ("artificial intelligence", "Solar power")
    assert dict(store.facets(DealQuery())["sector"]) == {"artificial intelligence": 3, "Solar power": 2}


def test_sector_edits_refuse_an_empty_name_a_taken_name_and_a_merge_with_itself(store: Store) -> None:
    _import(store, "One", sectors=("AI", "energy"))
    with pytest.raises(DealsError, match="empty"):
        store.rename_sector("AI", "  ")
    with pytest.raises(DealsError, match="merge the two sectors"):
        store.rename_sector("AI", "Energy")
    with pytest.raises(DealsError, match="itself"):
        store.merge_sectors("AI", "AI")
    assert store.rename_sector("AI", "ai").name == "ai"  # a change of case is a rename


def test_undoing_an_import_takes_back_the_sectors_it_brought(store: Store) -> None:
    _import(store, "One", sectors=("energy",))
    outcome = store.add_article(Article("Another.", deals=(Deal("Two", sectors=("hydrogen", "energy")),)))
    assert {s.name for s in store.sectors()} == {"energy", "hydrogen"}
    store.remove_import(outcome)
    assert {s.name for s in store.sectors()} == {"energy"}


def test_an_older_file_gets_countries_and_a_sector_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    # The file as the version before m009 left it: later migrations may rely on m009's column.
    with schema_before(monkeypatch, "m009_country_sectors"):
        with Store.open(path) as store:
            for title, location, sectors in (("A", "Pune", ["AI", "energy"]), ("B", "Arizona", ["ai"]),
                                             ("C", None, ["AI"]), ("D", "Aberdale", [])):
                store.db.execute("INSERT INTO deals (title, location, sectors) VALUES (?, ?, ?)",
                                 [title, location, json.dumps(sectors)])
    with Store.open(path) as store:
        countries = dict(store.db.execute("SELECT title, country FROM deals").fetchall())
        assert countries == {"A": "India", "B": "United States", "C": None, "D": None}
        # The commonest spelling names the sector; the other is one of its spellings.
        assert [(s.name, s.aliases) for s in store.sectors()] == [("AI", ()), ("energy", ())]
        assert store.facets(DealQuery(countries=("India",)))["country"] == [("India", 1), ("United States", 1)]
