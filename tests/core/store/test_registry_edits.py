"""A person's renames, merges and spellings in the party registry reach every deal and hold for later imports."""

from __future__ import annotations

import pytest

from core.errors import DealsError
from core.importer import import_text, store_article, store_registry
from core.model import Article, Deal, Party, PartyKind
from core.store import Store
from import_samples import NORTHWIND, NORTHWIND_CONTRACT, PUBLISHED, dump, fts_ok, parsed, search

SOLVANE_STORAGE = """Solvane Storage wins grid battery order from Alder Utilities

Alder Utilities said on July 8, 2025, that it had awarded Solvane Storage a $45 million contract to build a \
grid battery in Pueblo. Deliveries are due next spring."""


def entity_id(store: Store, name: str) -> int:
    return next(e.id for e in store.entities() if e.name == name)


def test_a_rename_reaches_every_deal_and_keeps_the_old_name_as_an_alias(store: Store) -> None:
    outcome = store_article(store, parsed(store, NORTHWIND))
    renamed = store.rename_entity(entity_id(store, "Northwind Energy"), "Northwind Energy Group")
    assert renamed.name == "Northwind Energy Group" and "Northwind Energy" in renamed.aliases
    deal = store.deal(outcome.added[0])
    assert deal.parties[0].name == "Northwind Energy Group"
    assert store.deal_rows([deal.id or 0])[deal.id or 0].parties.startswith("Northwind Energy Group")
    assert store.history(deal.id or 0)[-1].field == "parties" and store.history(deal.id or 0)[-1].by == "person"
    assert "parties" not in deal.edited
    fts_ok(store)
    assert search(store, "Group") == [deal.id]


def test_the_next_import_maps_an_old_spelling_to_the_renamed_party(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    northwind = entity_id(store, "Northwind Energy")
    store.rename_entity(northwind, "Northwind Energy Group")
    assert store_registry(store)["northwind energy"] == ("Northwind Energy Group", PartyKind.COMPANY)
    result = import_text(store, NORTHWIND_CONTRACT, published=PUBLISHED)
    assert result.outcome is not None and result.outcome.added
    contract = store.deal(result.outcome.added[0])
    assert contract.parties[0].name == "Northwind Energy Group" and contract.parties[0].entity_id == northwind
    assert len([e for e in store.entities() if "Northwind" in e.name]) == 1


def test_a_merge_moves_deals_and_spellings_and_later_imports_follow(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    storage = store_article(store, parsed(store, SOLVANE_STORAGE))
    keep, drop = entity_id(store, "Solvane Grid"), entity_id(store, "Solvane Storage")
    merged = store.merge_entities(keep, drop)
    assert "Solvane Storage" in merged.aliases and drop not in {e.id for e in store.entities()}
    moved = store.deal(storage.added[0])
    assert "Solvane Grid" in [p.name for p in moved.parties]
    assert {p.entity_id for p in moved.parties} >= {keep}
    again = import_text(store, SOLVANE_STORAGE.replace("$45 million", "$46 million").replace("July 8", "July 9")
                        + " The order is Solvane Storage's first outside Colorado.", published=PUBLISHED)
    assert again.outcome is not None
    named = {p.name for d in again.outcome.added + again.outcome.merged for p in store.deal(d).parties}
    assert "Solvane Grid" in named and "Solvane Storage" not in named
    fts_ok(store)


def test_a_merge_of_two_parties_of_one_deal_leaves_one(store: Store) -> None:
    outcome = store.add_article(Article("Alder Bank and Alder Capital back Birch Power.", deals=(
        Deal("Alder backs Birch", parties=(Party("Alder Bank"), Party("Alder Capital"), Party("Birch Power"))),)))
    store.merge_entities(entity_id(store, "Alder Bank"), entity_id(store, "Alder Capital"))
    deal = store.deal(outcome.added[0])
    assert [p.name for p in deal.parties] == ["Alder Bank", "Birch Power"]
    assert store.deal_rows([deal.id or 0])[deal.id or 0].parties == "Alder Bank, Birch Power"
    fts_ok(store)


def test_an_added_alias_maps_that_spelling_from_then_on(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    northwind = entity_id(store, "Northwind Energy")
    assert "NWE Holdings" in store.add_alias(northwind, "NWE Holdings").aliases
    outcome = store.add_article(Article("NWE Holdings buys a wind farm.", deals=(
        Deal("NWE buys", parties=(Party("NWE Holdings"),)),)))
    assert store.deal(outcome.added[0]).parties[0].entity_id == northwind
    assert store_registry(store)["nwe holdings"] == ("Northwind Energy", PartyKind.COMPANY)


def test_a_removed_alias_no_longer_maps(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    northwind = entity_id(store, "Northwind Energy")
    assert "Northwind" in store.entity(northwind).aliases
    assert "Northwind" not in store.remove_alias(northwind, "Northwind").aliases
    outcome = store.add_article(Article("Northwind is a band.", deals=(Deal("Band", parties=(Party("Northwind"),)),)))
    assert store.deal(outcome.added[0]).parties[0].entity_id != northwind


def test_registry_edits_that_would_confuse_two_parties_are_refused(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    northwind, solvane = entity_id(store, "Northwind Energy"), entity_id(store, "Solvane Grid")
    with pytest.raises(DealsError, match="already names Solvane Grid; merge"):
        store.rename_entity(northwind, "Solvane Grid Inc.")
    with pytest.raises(DealsError, match="already names Northwind Energy"):
        store.add_alias(solvane, "Northwind")
    with pytest.raises(DealsError, match="rename the party instead"):
        store.remove_alias(northwind, "Northwind Energy")
    with pytest.raises(DealsError, match="itself"):
        store.merge_entities(northwind, northwind)
    with pytest.raises(DealsError, match="empty"):
        store.rename_entity(northwind, "  ")
    with pytest.raises(KeyError):
        store.rename_entity(999, "Nobody")
    assert store.entity(northwind).name == "Northwind Energy"


EDITS = {
    "rename": lambda store, ids: store.rename_entity(ids["Northwind Energy"], "Northwind Energy Group"),
    "merge": lambda store, ids: store.merge_entities(ids["Solvane Grid"], ids["Solvane Storage"]),
    "merge of two parties of one deal": lambda store, ids: store.merge_entities(ids["Northwind Energy"],
                                                                                  ids["Solvane Grid"]),
    "add alias": lambda store, ids: store.add_alias(ids["Northwind Energy"], "NWE Holdings"),
    "remove alias": lambda store, ids: store.remove_alias(ids["Northwind Energy"], "Northwind"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_of_a_registry_edit_puts_every_table_back(store: Store, name: str) -> None:
    store_article(store, parsed(store, NORTHWIND))
    store_article(store, parsed(store, SOLVANE_STORAGE))
    # A deal that names Northwind in its own words: a rename shows the new name, its undo these words again.
    store.add_article(Article("Northwind Energy Inc. backs Solvane Storage.", deals=(
        Deal("Northwind backs Solvane", parties=(Party("Northwind Energy Inc."), Party("Solvane Storage"))),)))
    ids = {e.name: e.id for e in store.entities()}
    before = dump(store)
    edited = EDITS[name](store, ids)
    assert dump(store) != before
    store.undo_registry_edit(edited)
    assert dump(store) == before
    fts_ok(store)
    again = EDITS[name](store, ids)  # redo is the same edit again
    assert again == edited and dump(store) != before


def test_undo_needs_the_entity_a_registry_edit_returned(store: Store) -> None:
    store_article(store, parsed(store, NORTHWIND))
    with pytest.raises(ValueError):
        store.undo_registry_edit(store.entity(entity_id(store, "Northwind Energy")))
