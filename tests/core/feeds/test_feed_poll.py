"""Polling feeds from a real local site: each article once, conditional requests, per-feed failures, back-off."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from core.feeds.poll import USER_AGENT, HostGate, PollReport, is_due, next_poll, poll_feeds
from core.importer import prepare_text
from core.model import DealQuery
from core.store import Store
from core.store.feeds import Feed
from feed_site import SUMMARY_ONLY, FeedSite, Story, feed_site, stories


@pytest.fixture
def site():
    with feed_site() as running:
        yield running


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "deals.db") as opened:
        yield opened


def _poll(store: Store, **kwargs) -> PollReport:
    return poll_feeds(store, budget=None, pause=0, jitter=0, **kwargs)


def _subscribe(store: Store, site: FeedSite, *paths: str, **settings) -> list[Feed]:
    return [store.add_feed(Feed(None, site.url + path, **settings)) for path in paths]


def _titles(store: Store) -> set[str]:
    return {store.article(i).title or "" for i in range(1, store.article_count() + 1)}


def test_the_first_poll_imports_each_article_once_and_the_second_nothing(store: Store, site: FeedSite) -> None:
    _subscribe(store, site, "/rss.xml", "/atom.xml", "/gzip.xml", "/broken.xml")
    first = _poll(store)
    assert [r.error for r in first.per_feed] == [None] * 4
    by_path = {r.feed_id: r for r in first.per_feed}
    assert [by_path[i].articles for i in (1, 2, 3, 4)] == [3, 2, 1, 2]  # broken.xml: one page, one summary
    assert store.article_count() == 8
    expected = {s.headline for s in [*site.rss_items, *site.atom_items, *site.gzip_items, *site.broken_items]}
    assert expected <= {t.split(" | ")[0] for t in _titles(store)}
    assert len(first.new_deal_ids) == store.count_deals(DealQuery()) == 8
    assert store.inbox_count() == 8

    second = _poll(store, force=True)
    assert second.new_deal_ids == ()
    assert store.article_count() == 8
    rss, atom = site.asked("/rss.xml"), site.asked("/atom.xml")
    assert len(rss) == len(atom) == 2
    assert "If-None-Match" not in rss[0] and rss[1]["If-None-Match"] == '"rss-v1"'
    assert atom[1]["If-Modified-Since"] == "Tue, 04 Mar 2025 09:00:00 GMT"
    assert [r.not_modified for r in second.per_feed[:2]] == [True, True]
    # Every article page was asked for once: the gzip and broken feeds came whole again, their entries were known.
    for story in [*site.rss_items, *site.atom_items, *site.gzip_items, *site.broken_items]:
        assert len(site.asked(f"/articles/{story.slug}")) == 1


def test_feed_requests_name_the_program_and_accept_gzip(store: Store, site: FeedSite) -> None:
    _subscribe(store, site, "/gzip.xml")
    _poll(store)
    headers = site.asked("/gzip.xml")[0]
    assert headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("DealTracker/")
    assert headers["Accept-Encoding"] == "gzip"
    assert store.feed_entries(1)[0].article_id is not None


def test_a_broken_item_is_skipped_and_a_missing_page_falls_back_to_the_summary(store: Store,
                                                                               site: FeedSite) -> None:
    _subscribe(store, site, "/broken.xml")
    result = _poll(store).per_feed[0]
    assert result.error is None
    assert result.skipped == ("entry 2 has neither a link nor an id",)
    assert result.from_summary == 1
    entries = {e.link: e for e in store.feed_entries(1)}
    gone = entries[f"{site.url}/articles/gone"]
    assert gone.from_summary and gone.article_id is not None
    assert SUMMARY_ONLY.target in store.article(gone.article_id).text
    assert not entries[f"{site.url}/articles/{site.broken_items[0].slug}"].from_summary
    assert store.feed(1).entries_seen == 2


def test_failures_are_reported_per_feed_and_change_nothing(store: Store, site: FeedSite) -> None:
    now = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)
    _subscribe(store, site, "/busy.xml", "/page.html", "/image.xml", "/limited.xml", "/missing.xml", "/rss.xml")
    report = poll_feeds(store, budget=None, pause=0, jitter=0, clock=lambda: now)
    errors = [r.error or "" for r in report.per_feed]
    assert "HTTP 503" in errors[0]
    assert "is a web page, not a feed" in errors[1]
    assert "not a feed (the server sends image/png)" in errors[2]
    assert "HTTP 429" in errors[3]
    assert "not found (HTTP 404)" in errors[4]
    assert errors[5] == ""
    assert store.article_count() == 3  # the good feed went on
    feeds = store.feeds()
    for feed in feeds[:5]:
        assert feed.last_error and "\n" not in feed.last_error
        assert (feed.failures, feed.entries_seen, feed.etag, feed.last_success) == (1, 0, None, None)
        assert store.feed_entries(feed.id) == []
    # 503 with Retry-After: 7200 s waits longer than twice the 30-minute interval.
    assert feeds[0].next_poll == "2025-06-01T14:00:00+00:00"
    assert feeds[1].next_poll == "2025-06-01T13:00:00+00:00"  # 30 min doubled
    assert feeds[5].last_error is None and feeds[5].failures == 0
    # Not due yet: a pass five minutes later asks none of them again.
    later = poll_feeds(store, budget=None, pause=0, jitter=0, clock=lambda: now + datetime.timedelta(minutes=5))
    assert later.per_feed == ()
    assert len(site.asked("/busy.xml")) == 1


def test_back_off_doubles_per_failure_up_to_a_day_and_success_resets_it() -> None:
    now = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    feed = Feed(1, "http://x/", interval_min=60, failures=3)
    when, failures = next_poll(feed, now, failed=True, jitter=0)
    assert failures == 4 and when == "2025-06-01T16:00:00+00:00"
    when, failures = next_poll(Feed(1, "http://x/", interval_min=60, failures=9), now, failed=True, jitter=0)
    assert when == "2025-06-02T00:00:00+00:00"  # capped at 24 h
    when, failures = next_poll(feed, now, failed=False, jitter=0)
    assert failures == 0 and when == "2025-06-01T01:00:00+00:00"
    jittered, _ = next_poll(feed, now, failed=False, jitter=0.1)
    assert "2025-06-01T01:00:00+00:00" <= jittered <= "2025-06-01T01:06:00+00:00"
    assert not is_due(Feed(1, "http://x/", enabled=False), now)


def test_a_disabled_feed_is_not_polled_even_with_all(store: Store, site: FeedSite) -> None:
    _subscribe(store, site, "/rss.xml", enabled=False)
    assert _poll(store, force=True).per_feed == ()
    assert site.asked("/rss.xml") == []


def test_keywords_fetch_only_entries_whose_title_or_summary_match(store: Store, site: FeedSite) -> None:
    wanted = site.rss_items[1]
    _subscribe(store, site, "/rss.xml", keywords=f"nothing here, {wanted.target.upper()}")
    report = _poll(store)
    assert report.per_feed[0].articles == 1
    assert [p for p, _ in site.site.requests if p.startswith("/articles/")] == [f"/articles/{wanted.slug}"]


def test_a_feed_article_that_repeats_a_stored_deal_merges_and_keeps_the_hand_edit(store: Store,
                                                                                  site: FeedSite) -> None:
    story = site.rss_items[0]
    told_before = prepare_text(f"{story.headline}\n\n{story.text(0)}\n\nAnalysts expect more deals.",
                               title=story.headline, published=story.day.date().isoformat())
    outcome = store.add_article(told_before, merge=True)
    deal = store.deal(outcome.added[0])
    edited = store.save(deal.replace(title="Renamed by hand"))
    _subscribe(store, site, "/rss.xml")
    report = _poll(store)
    assert edited.id in report.per_feed[0].merged_deal_ids
    assert edited.id not in report.new_deal_ids
    assert store.deal(edited.id).title == "Renamed by hand"
    assert len(store.deal(edited.id).sources) == 2
    assert edited.id not in store.in_inbox([edited.id])


def test_an_entry_whose_link_was_imported_by_hand_is_not_fetched_again(store: Store, site: FeedSite) -> None:
    story = site.rss_items[2]
    store.add_article(prepare_text(story.text(2), title=story.headline, url=f"{site.url}/articles/{story.slug}"))
    _subscribe(store, site, "/rss.xml")
    result = _poll(store).per_feed[0]
    assert (result.articles, result.already) == (2, 1)
    assert site.asked(f"/articles/{story.slug}") == []


def test_an_entry_linking_to_another_local_port_is_refused_and_falls_back_to_its_summary(store: Store) -> None:
    # Both servers are on this machine: the feed's own host and port may be reached, another port may not.
    with feed_site() as feeds, feed_site() as other:
        feeds.rss_items = []
        feeds.rss_extra = (f"<item><title>Ashcombe Foods buys Birchley Marine</title>"
                           f"<link>{other.url}/articles/{other.rss_items[0].slug}</link><description>Ashcombe "
                           "Foods agreed to acquire Birchley Marine for $90 million.</description></item>")
        _subscribe(store, feeds, "/rss.xml")
        result = _poll(store).per_feed[0]
        assert other.site.requests == []
        assert result.from_summary == 1


def test_host_gate_pauses_between_requests_to_one_host(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("core.feeds.poll.time.sleep", waits.append)
    gate = HostGate(pause=30.0)
    for url in ("http://a.example/1", "http://b.example/1", "http://a.example/2"):
        gate.request(url, lambda: None)
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0


def test_feed_ids_poll_those_feeds_whether_due_or_not(store: Store, site: FeedSite) -> None:
    rss, atom = _subscribe(store, site, "/rss.xml", "/atom.xml")
    _poll(store)
    report = _poll(store, feed_ids=(atom.id,))
    assert [r.feed_id for r in report.per_feed] == [atom.id]


def test_stories_are_distinct_deals() -> None:
    many = stories("s", 100)
    assert len({(s.buyer, s.target) for s in many}) == 100
    assert not {s.buyer for s in many} & {s.target for s in many}
