"""The feed tables through the Store: subscriptions, seen entries, the inbox and its query, migration m007."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from core.store.feeds import Feed


def _article(n: int) -> Article:
    return Article(f"Buyer {n} agreed to buy Target {n}.", url=f"http://news.test/{n}",
                   deals=(Deal(f"Buyer {n} buys Target {n}", parties=(Party(f"Buyer {n}"), Party(f"Target {n}"))),))


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "deals.db") as opened:
        yield opened


def test_a_subscription_round_trips_and_refuses_the_same_address_twice(store: Store) -> None:
    feed = store.add_feed(Feed(None, "http://news.test/rss", name="  News\nwire ", interval_min=15,
                               keywords=" solar,, Wind ,"))
    assert (feed.id, feed.name, feed.keywords, feed.keyword_list) == (1, "News wire", "solar, Wind", ("solar", "wind"))
    with pytest.raises(InputError, match="already subscribed"):
        store.add_feed(Feed(None, "http://news.test/rss"))
    with pytest.raises(InputError, match="at least one minute"):
        store.update_feed(Feed(1, "http://news.test/rss", interval_min=0))
    changed = store.update_feed(Feed(1, "ignored", name="Renamed", interval_min=60, enabled=False))
    assert (changed.url, changed.name, changed.interval_min, changed.enabled) == ("http://news.test/rss", "Renamed",
                                                                                   60, False)


def test_poll_state_and_settings_are_written_apart(store: Store) -> None:
    feed = store.add_feed(Feed(None, "http://news.test/rss"))
    store.update_feed(Feed(feed.id, feed.url, name="Mine"))
    polled = store.record_poll(Feed(feed.id, feed.url, name="stale", etag='"x"', last_error="boom", failures=2))
    assert (polled.name, polled.etag, polled.last_error, polled.failures) == ("Mine", '"x"', "boom", 2)


def test_feed_articles_wait_in_the_inbox_until_accepted_and_the_query_finds_them(store: Store) -> None:
    feed = store.add_feed(Feed(None, "http://news.test/rss"))
    by_hand = store.add_article(_article(0))
    outcomes = [store.add_feed_article(feed.id, f"k{n}", f"http://news.test/{n}", _article(n)) for n in (1, 2, 3)]
    ids = [o.added[0] for o in outcomes]
    assert store.inbox_count() == 3 and store.feed(feed.id).entries_seen == 3
    inbox = DealQuery(inbox=True)
    assert sorted(store.deal_ids(inbox, 0, 10)) == ids and store.count_deals(inbox) == 3
    assert by_hand.added[0] not in store.deal_ids(inbox, 0, 10)
    store.accept_inbox(ids[:2])
    assert store.inbox_count() == 1 and store.deal_ids(inbox, 0, 10) == [ids[2]]
    store.return_to_inbox(ids[:1])
    assert store.in_inbox(ids) == {ids[0], ids[2]}
    store.delete_deals([ids[2]])  # rejected: the trash
    assert store.inbox_count() == 1 and store.count_deals(inbox) == 1


def test_an_entry_is_known_by_its_key_in_its_feed_or_by_its_link_anywhere(store: Store) -> None:
    one = store.add_feed(Feed(None, "http://a.test/rss"))
    two = store.add_feed(Feed(None, "http://b.test/rss"))
    store.add_feed_article(one.id, "urn:1", "http://news.test/1", _article(1))
    assert store.feed_entry_known(one.id, "urn:1", None)
    assert not store.feed_entry_known(two.id, "urn:1", None)
    assert store.feed_entry_known(two.id, "urn:other", "http://news.test/1")
    again = store.add_feed_article(two.id, "urn:9", "http://news.test/1b", _article(1))
    assert again.already_imported and store.inbox_count() == 1


def test_removing_a_feed_keeps_its_deals_and_restoring_brings_back_its_entries(store: Store) -> None:
    feed = store.add_feed(Feed(None, "http://news.test/rss", name="News"))
    store.add_feed_article(feed.id, "urn:1", "http://news.test/1", _article(1))
    removed = store.remove_feed(feed.id)
    assert store.feeds() == [] and store.count_deals(DealQuery()) == 1 and store.inbox_count() == 1
    restored = store.restore_feed(removed)
    assert restored == feed.__class__(**{**restored.__dict__}) and restored.id == feed.id
    assert [e.entry_key for e in store.feed_entries(feed.id)] == ["urn:1"]


def test_the_migration_makes_the_feed_tables(store: Store) -> None:
    assert {"feeds", "feed_entries", "feed_inbox"} <= set(store.db.table_names())
