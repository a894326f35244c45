"""Watch lists in the store: each kind matches exactly its deals (with a near miss each), the Watched filter, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import DealsError
from core.model import Amount, Article, Deal, DealQuery, Party, PartyKind
from core.store import Store, schema
from core.watch import WatchError, parse_usd


def _add(store: Store, text: str, deal: Deal) -> int:
    outcome = store.add_article(Article(text, title=deal.title, published="2025-06-02", deals=(deal,)))
    return outcome.added[0]


@pytest.fixture
def desk(tmp_path: Path):
    """A real file with one deal a watch should catch and one near miss beside it, for every kind."""
    store = Store.open(tmp_path / "deals.db")
    ids = {
        "microsoft": _add(store, "Microsoft invests in G42.", Deal(
            "Microsoft invests US$1.5bn in G42", parties=(Party("Microsoft Corp", aliases=("MSFT",)), Party("G42")),
            amounts=(Amount(1.5e9, "USD", "US$1.5bn"),))),
        "microsofties": _add(store, "Microsofties Labs raises a seed round.", Deal(
            "Microsofties Labs raises seed", parties=(Party("Microsofties Labs"),))),
        "chips": _add(store, "Chipmaker deal.", Deal("Chipmaker deal", sectors=("Semiconductors", "AI"))),
        "tools": _add(store, "Tool deal.", Deal("Tool deal", sectors=("semiconductor equipment",))),
        "seoul": _add(store, "A deal signed in Seoul.", Deal("Seoul plant", location="South Korea")),
        "kr_party": _add(store, "A state fund deal.", Deal(
            "Korea fund backs start-up", parties=(Party("Korea Investment Corp", PartyKind.FUND, country="KR"),))),
        "north": _add(store, "A deal in Pyongyang.", Deal("Pyongyang plant", location="North Korea")),
        "centre": _add(store, "They will build a new data centre in Johor.", Deal("Johor build")),
        "apart": _add(store, "The data, in a centre of the city, was lost.", Deal("Data loss")),
        "billion": _add(store, "A deal worth exactly one billion.", Deal(
            "One billion deal", amounts=(Amount(1e9, "USD", "US$1bn"),))),
        "short": _add(store, "A deal just under a billion.", Deal(
            "Just under deal", amounts=(Amount(999e6, "USD", "US$999m"),))),
    }
    yield store, ids
    store.close()


@pytest.mark.parametrize(("kind", "value", "expected"), [
    ("party", "Microsoft", {"microsoft"}),  # "Microsoft Corp" folds to it; "Microsofties Labs" does not
    ("party", "msft", {"microsoft"}),  # any registered spelling
    ("sector", "semiconductors", {"chips"}),  # not "semiconductor equipment"
    ("country", "Korea", {"seoul", "kr_party"}),  # a location and a party's country code; not North Korea
    ("country", "KR", {"seoul", "kr_party"}),
    ("keyword", "data centre", {"centre"}),  # a phrase, not the two words apart
    ("min_usd", "1bn", {"microsoft", "billion"}),  # at least: the billion counts, 999m does not
])
def test_each_kind_matches_exactly_its_deals(desk, kind, value, expected):
    store, ids = desk
    watch = store.add_watch(kind, value)
    matched = store.watched_deal_ids()
    assert {name for name, deal_id in ids.items() if deal_id in matched} == expected
    assert all(found == [watch] for found in matched.values())
    assert store.watch_counts() == {watch.id: len(expected)}
    # The same answer for a page of ids, as the list asks.
    some = [ids[name] for name in ("microsoft", "seoul", "centre", "short")]
    assert set(store.watched_deal_ids(some)) == {ids[n] for n in expected} & set(some)


def test_the_watched_filter_lists_deals_of_any_watch_and_counts_them(desk):
    store, ids = desk
    assert store.count_deals(DealQuery(watched=True)) == 0
    assert store.facets(DealQuery())["watched"] == []  # no watch, no filter value to offer
    store.add_watch("party", "Microsoft")
    store.add_watch("keyword", "data centre")
    query = DealQuery(watched=True)
    assert store.count_deals(query) == 2
    assert set(store.deal_ids(query, 0, 50)) == {ids["microsoft"], ids["centre"]}
    assert store.totals(query).usd == 1.5e9
    assert store.facets(DealQuery())["watched"] == [("yes", 2)]
    assert store.count_deals(DealQuery(watched=True, search="Johor")) == 1
    store.delete_deal(ids["centre"])  # the trash is not watched
    assert store.count_deals(query) == 1


def test_deals_in_the_trash_match_too_when_the_trash_is_shown(desk):
    store, ids = desk
    watch = store.add_watch("sector", "Semiconductors")
    store.delete_deal(ids["chips"])
    assert store.watched_deal_ids() == {}  # live deals only
    assert store.watched_deal_ids([ids["chips"]]) == {ids["chips"]: [watch]}  # the trash view's flag
    assert store.count_deals(DealQuery(watched=True)) == 0
    assert store.count_deals(DealQuery(watched=True, include_deleted=True)) == 1
    assert store.watch_counts() == {watch.id: 0}


def test_a_deal_matching_several_watches_names_them_in_the_order_added(desk):
    store, ids = desk
    party = store.add_watch("party", "Microsoft")
    value = store.add_watch("min-usd", "US$1.2bn")
    assert store.watched_deal_ids([ids["microsoft"]]) == {ids["microsoft"]: [party, value]}


def test_a_party_watch_follows_a_rename_and_a_party_first_seen_later(desk):
    store, ids = desk
    watch = store.add_watch("party", "Microsoft")
    entity = next(e for e in store.entities() if e.name == "Microsoft Corp")
    store.rename_entity(entity.id, "Microsoft Corporation")
    assert set(store.watched_deal_ids()) == {ids["microsoft"]}
    later = store.add_watch("party", "OpenAI")
    assert store.watch_counts()[later.id] == 0
    new = _add(store, "OpenAI signs a deal.", Deal("OpenAI deal", parties=(Party("OpenAI"),)))
    assert store.watched_deal_ids([new]) == {new: [later]}
    assert watch in store.watches()


def test_bad_watches_are_refused_with_a_line_and_write_nothing(desk):
    store, _ = desk
    store.add_watch("sector", "AI")
    for kind, value, message in [
        ("colour", "red", "Unknown watch kind"),
        ("party", "   ", "Give the party"),
        ("min_usd", "lots", "Could not read 'lots'"),
        ("min_usd", "EUR 5m", "in EUR"),
        ("keyword", "***", "no letter or digit"),
        ("sector", "ai", "Already watching sector AI"),
    ]:
        with pytest.raises(WatchError, match=message):
            store.add_watch(kind, value)
    assert [w.value for w in store.watches()] == ["AI"]
    with pytest.raises(DealsError, match="no watch 99"):
        store.remove_watch(99)


def test_a_removed_watch_comes_back_with_its_id(desk):
    store, ids = desk
    watch = store.add_watch("party", "G42")
    assert store.remove_watch(watch.id) == watch
    assert store.watches() == [] and store.watched_deal_ids() == {}
    assert store.restore_watch(watch) == watch
    assert store.watches() == [watch] and set(store.watched_deal_ids()) == {ids["microsoft"]}


@pytest.mark.parametrize(("text", "dollars"), [
    ("500m", 500e6), ("1.2bn", 1.2e9), ("US$750k", 750e3), ("$2 billion", 2e9), ("1,000,000", 1e6),
])
def test_values_read_as_the_parser_reads_money(text, dollars):
    assert parse_usd(text) == dollars


def test_the_watches_table_comes_with_the_migration(tmp_path):
    with Store.open(tmp_path / "new.db") as store:
        assert "m008_watches" in schema.applied_names(store.db)
        assert store.db["watches"].exists()
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
