"""Subscribing: an address typed by a person becomes a feed record, a web page by the feed it links to."""

from __future__ import annotations

import dataclasses

from core.errors import InputError
from core.feeds.parse import ParsedFeed, feed_links, read_feed
from core.feeds.poll import fetch_feed
from core.fetch import is_web_address
from core.store import Store
from core.store.feeds import DEFAULT_INTERVAL_MIN, Feed


@dataclasses.dataclass(frozen=True)
class Found:
    """A feed found at or through an address: where it is and what it calls itself."""

    url: str
    title: str
    entries: int


def find_feed(url: str) -> Found:
    """Fetch an address and read it as a feed; a web page's first <link rel="alternate"> feed is followed.

    The linked feed is fetched with the page's permission: a page on the internet cannot lead to a feed inside
    the user's network. Raises DealsError with a one-line reason.
    """
    url = url.strip()
    if not is_web_address(url):
        raise InputError(f"{url or 'An empty address'} is not a web address (it should start with http:// or https://)")
    fetched = fetch_feed(url)
    try:
        return _found(fetched.url, read_feed(fetched.body, fetched.url, fetched.headers.get("Content-Type", "")))
    except InputError:
        links = feed_links(fetched.body.decode("utf-8", "replace"), fetched.url)
        if not links:
            raise
    linked = fetch_feed(links[0], typed=url)
    return _found(linked.url, read_feed(linked.body, linked.url, linked.headers.get("Content-Type", "")))


def _found(url: str, parsed: ParsedFeed) -> Found:
    return Found(url, parsed.title, len(parsed.items))


def feed_record(found: Found, *, name: str = "", interval_min: int = DEFAULT_INTERVAL_MIN, keywords: str = "",
                enabled: bool = True) -> Feed:
    return Feed(None, found.url, name=name.strip() or found.title, interval_min=interval_min, keywords=keywords,
                enabled=enabled)


def subscribe(store: Store, url: str, *, name: str = "", interval_min: int = DEFAULT_INTERVAL_MIN,
              keywords: str = "") -> Feed:
    """Find the feed at `url` and store the subscription; InputError when it is already subscribed."""
    known = store.feed_by_url(url.strip())
    if known is not None:
        raise InputError(f"{known.url} is already subscribed (feed {known.id}: {known.title}).")
    return store.add_feed(feed_record(find_feed(url), name=name, interval_min=interval_min, keywords=keywords))
