"""The kept watch matches (m013) equal matching from scratch after every kind of write and its undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.importer import store_article
from core.model import Amount, Article, Deal, DealQuery, DealType, Party, PartyKind
from core.store import Store, watch_matches, watches
from core.watch import clean_value, kind_of
from import_samples import NORTHWIND, parsed
from db_helpers import schema_before


def _add(store: Store, text: str, deal: Deal) -> int:
    return store.add_article(Article(text, title=deal.title, published="2025-06-02", deals=(deal,))).added[0]


def _desk(store: Store) -> dict[str, int]:
    """A deal each watch catches and a near miss beside it."""
    return {
        "microsoft": _add(store, "Microsoft invests in G42.", Deal(
            "Microsoft invests US$1.5bn in G42", parties=(Party("Microsoft Corp"), Party("G42")),
            amounts=(Amount(1.5e9, "USD", "US$1.5bn"),))),
        "microsofties": _add(store, "Microsofties Labs raises a seed round.", Deal(
            "Microsofties Labs raises seed", parties=(Party("Microsofties Labs"),))),
        "chips": _add(store, "Chipmaker deal.", Deal("Chipmaker deal", sectors=("Semiconductors", "AI"))),
        "tools": _add(store, "Tool deal.", Deal("Tool deal", sectors=("semiconductor equipment",))),
        "seoul": _add(store, "A deal signed in Seoul.", Deal("Seoul plant", location="South Korea")),
        "kr_party": _add(store, "A state fund deal.", Deal(
            "Korea fund backs start-up", parties=(Party("Korea Investment Corp", PartyKind.FUND, country="KR"),))),
        "centre": _add(store, "They will build a new data centre in Johor.", Deal("Johor build")),
        "apart": _add(store, "The data, in a centre of the city, was lost.", Deal("Data loss")),
        "short": _add(store, "A deal just under a billion.", Deal(
            "Just under deal", amounts=(Amount(999e6, "USD", "US$999m"),))),
    }


_WATCHES = [("party", "Microsoft"), ("sector", "semiconductors"), ("country", "Korea"), ("keyword", "data centre"),
            ("min_usd", "1bn")]


@pytest.fixture
def desk(tmp_path: Path):
    store = Store.open(tmp_path / "deals.db")
    ids = _desk(store)
    for kind, value in _WATCHES:
        store.add_watch(kind, value)
    yield store, ids
    store.close()


def _kept(store: Store) -> None:
    assert watch_matches.recheck(store.db) == []
    assert store.db.execute("SELECT count(*) FROM watch_stale").fetchone()[0] == 0


def _watched(store: Store, ids: dict[str, int]) -> set[str]:
    matched = store.watched_deal_ids()
    return {name for name, deal_id in ids.items() if deal_id in matched}


def test_matches_follow_imports_edits_merges_trash_and_their_undo(desk) -> None:
    store, ids = desk
    _kept(store)
    assert _watched(store, ids) == {"microsoft", "chips", "seoul", "kr_party", "centre"}
    outcome = store_article(store, parsed(store, NORTHWIND))
    _kept(store)
    deal = store.deal(ids["apart"])
    edited = store.save(deal.replace(title="A data centre deal", sectors=("Semiconductors",), location="Korea",
                                     amounts=(Amount(2e9, "USD", "US$2bn"),), parties=(Party("MSFT Microsoft"),)))
    _kept(store)
    assert "apart" in _watched(store, ids) and edited.title == "A data centre deal"
    store.save(deal, edited=deal.edited)
    _kept(store)
    assert "apart" not in _watched(store, ids)
    keep, other = store.deal(ids["short"]), store.deal(ids["microsoft"])
    store.merge_deals(keep, other)  # keep gains Microsoft as a party: the party watch now catches it
    _kept(store)
    assert "short" in _watched(store, ids)
    store.undo_merge(keep, other.id or 0)
    _kept(store)
    assert "short" not in _watched(store, ids)
    store.delete_deals([ids["chips"], ids["seoul"]])
    _kept(store)
    live = len(store.watched_deal_ids())  # the trash is not listed, its matches are kept
    assert {"chips", "seoul"}.isdisjoint(_watched(store, ids)) and store.count_deals(DealQuery(watched=True)) == live
    assert store.count_deals(DealQuery(watched=True, include_deleted=True)) == live + 2
    store.restore_deals([ids["chips"]])
    _kept(store)
    store.remove_import(outcome)
    _kept(store)


def test_matches_follow_a_reparse_and_its_undo(desk) -> None:
    store, _ = desk
    outcome = store_article(store, parsed(store, NORTHWIND))
    deal = store.deal(outcome.added[0])
    again = store.apply_reparse(outcome.article_id or 0, [deal.replace(
        id=None, type=DealType.GRANT, title=deal.title + " for a data centre", parties=(*deal.parties, Party("Microsoft")))])
    _kept(store)
    assert outcome.added[0] in store.watched_deal_ids()
    store.undo_reparse(again)
    _kept(store)


def test_matches_follow_registry_and_sector_edits_and_their_undo(desk) -> None:
    store, ids = desk
    entity = {e.name: e.id for e in store.entities()}
    renamed = store.rename_entity(entity["Microsoft Corp"], "Contoso")  # the old spelling stays an alias
    _kept(store)
    assert "microsoft" in _watched(store, ids)
    merged = store.merge_entities(entity["Microsoft Corp"], entity["Microsofties Labs"])
    _kept(store)
    assert "microsofties" in _watched(store, ids)
    store.undo_registry_edit(merged)
    _kept(store)
    assert "microsofties" not in _watched(store, ids)
    store.undo_registry_edit(renamed)
    _kept(store)
    watch = store.add_watch("party", "Contoso Labs")  # no party of that name yet
    alias = store.add_alias(entity["Microsofties Labs"], "Contoso Labs")
    _kept(store)
    assert store.watch_counts()[watch.id] == 1
    store.undo_registry_edit(alias)
    _kept(store)
    assert store.watch_counts()[watch.id] == 0
    sector = store.merge_sectors("Semiconductors", "semiconductor equipment")
    _kept(store)
    assert "tools" in _watched(store, ids)
    store.undo_sector_edit(sector)
    _kept(store)
    assert "tools" not in _watched(store, ids)


def test_matches_follow_watches_added_removed_and_restored(desk) -> None:
    store, ids = desk
    watch = store.add_watch("keyword", "seed")
    _kept(store)
    assert store.watch_counts()[watch.id] == 1
    removed = store.remove_watch(watch.id)
    _kept(store)
    assert store.db.execute("SELECT count(*) FROM watch_matches WHERE watch_id = ?", [watch.id]).fetchone()[0] == 0
    store.restore_watch(removed)
    _kept(store)
    for each in store.watches():
        store.remove_watch(each.id)
    _kept(store)
    assert store.db.execute("SELECT count(*) FROM watch_matches").fetchone()[0] == 0
    later = _add(store, "Microsoft buys a data centre.", Deal("Microsoft data centre", parties=(Party("Microsoft"),)))
    assert store.watched_deal_ids([later]) == {}  # no watch: the triggers write nothing
    store.add_watch("party", "Microsoft")
    _kept(store)
    assert _watched(store, ids | {"later": later}) == {"microsoft", "later"}


def test_an_in_memory_store_keeps_them_too(store: Store) -> None:
    ids = _desk(store)
    store.add_watch("party", "Microsoft")
    store.save(store.deal(ids["short"]).replace(parties=(Party("Microsoft"),)))
    _kept(store)
    assert set(store.watched_deal_ids()) == {ids["microsoft"], ids["short"]}


def test_an_older_file_gets_its_matches_in_the_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with schema_before(monkeypatch, "m013_watch_speed"):
        with Store.open(path) as store:
            ids = _desk(store)
            for kind, value in _WATCHES:  # as m008's code kept them
                kind = kind_of(kind)
                value = clean_value(kind, value)
                store.db.execute("INSERT INTO watches (kind, value, keys, amount, created_at) VALUES (?, ?, ?, ?, ?)",
                                 [kind, value, json.dumps(watches.keys_of(kind, value)),
                                  float(value) if kind == "min_usd" else None, "2025-06-02T00:00:00+00:00"])
            assert not store.db["watch_matches"].exists()
    with Store.open(path) as store:
        _kept(store)
        assert _watched(store, ids) == {"microsoft", "chips", "seoul", "kr_party", "centre"}
