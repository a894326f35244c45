"""A news site on 127.0.0.1 for the feed tests and the feed bench: RSS, Atom, gzip, 304, 503, a page that is not
a feed, a page that links its feed, a feed with broken items, and an article page behind each entry.

Every article is our own: one acquisition each, with made-up companies.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

from local_server import Handler, Site, serve

BUYERS = ("Ironvale", "Glenrock", "Alderbank", "Brightwater", "Cobaltine", "Dunmore", "Eastbrook", "Fallowmere",
          "Hollister", "Juniper", "Kingsmere", "Larchfield", "Moorgate", "Northcote", "Oakhurst", "Pellworth",
          "Quarrington", "Redmarsh", "Stonebridge", "Thistlewood")
TRADES = ("Foods", "Textiles", "Robotics", "Marine", "Minerals", "Software", "Pharma", "Logistics", "Ceramics",
          "Instruments")
CITIES = ("Leeds", "Lyon", "Porto", "Ghent", "Tampere", "Aarhus", "Graz", "Bilbao", "Cork", "Utrecht")
PUBLISHED = datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)


def company(n: int) -> str:
    return f"{BUYERS[n % len(BUYERS)]} {TRADES[(n // len(BUYERS)) % len(TRADES)]}"


@dataclass(frozen=True)
class Story:
    """One acquisition: its slug, headline, the two companies, price and day."""

    slug: str
    buyer: str
    target: str
    millions: int
    day: datetime

    @property
    def headline(self) -> str:
        return f"{self.buyer} agrees to buy {self.target} for ${self.millions} million"

    def text(self, n: int) -> str:
        city = CITIES[n % len(CITIES)]
        return (f"{self.buyer}, a company based in {city}, said on {self.day:%A, %B} {self.day.day}, {self.day.year} "
                f"that it had agreed to acquire {self.target} for ${self.millions} million in cash. The purchase "
                f"is expected to close by the end of the year, {self.buyer} said in a statement.\n\n"
                f"{self.target}, which employs {300 + 7 * n} people, has grown its sales in each of the last "
                f"{2 + n % 5} years.")

    def page(self, n: int) -> bytes:
        paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in self.text(n).split("\n\n"))
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(self.headline)} | Ledger Wire"
                f"</title><meta property='article:published_time' content='{self.day:%Y-%m-%dT%H:%M:%SZ}'></head>"
                f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(self.headline)}</h1>\n{paragraphs}"
                f"</article><footer>Ledger Wire</footer></body></html>").encode()


def stories(prefix: str, count: int, start: int = 0) -> list[Story]:
    """`count` acquisitions between distinct companies, numbered from `start` (the same numbers, the same deals)."""
    return [Story(f"{prefix}{n}", company(2 * n), company(2 * n + 1), 40 + 5 * n, PUBLISHED + timedelta(days=n))
            for n in range(start, start + count)]


def rss(title: str, base: str, items: list[Story], extra: str = "") -> bytes:
    body = "".join(
        f"<item><title>{escape(s.headline)}</title><link>{base}/articles/{s.slug}</link>"
        f"<guid isPermaLink='false'>urn:ledger:{s.slug}</guid><pubDate>{format_datetime(s.day)}</pubDate>"
        f"<description>{escape(s.text(0).split(chr(10))[0])}</description></item>" for s in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
            f"<link>{base}/</link><description>Deals</description>{body}{extra}</channel></rss>").encode()


def atom(title: str, base: str, items: list[Story]) -> bytes:
    body = "".join(
        f"<entry><title>{escape(s.headline)}</title><link rel='alternate' href='/articles/{s.slug}'/>"
        f"<id>tag:ledger.example,2025:{s.slug}</id><updated>{s.day:%Y-%m-%dT%H:%M:%SZ}</updated>"
        f"<summary>{escape(s.headline)}</summary></entry>" for s in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xml:base='{base}/'>"
            f"<title>{escape(title)}</title><id>tag:ledger.example,2025:feed</id>"
            f"<updated>{PUBLISHED:%Y-%m-%dT%H:%M:%SZ}</updated>{body}</feed>").encode()


# The summary of the entry whose page is gone: the poll falls back to it.
SUMMARY_ONLY = Story("gone", "Umberfield Marine", "Vantor Instruments", 75, PUBLISHED + timedelta(days=40))
LAST_MODIFIED = format_datetime(PUBLISHED, usegmt=True)


@dataclass
class FeedSite:
    """The site's routes, what the tests read back, and the ETag the RSS feed answers 304 to."""

    site: Site
    rss_items: list[Story] = field(default_factory=lambda: stories("r", 3))
    atom_items: list[Story] = field(default_factory=lambda: stories("a", 2, 10))
    broken_items: list[Story] = field(default_factory=lambda: stories("b", 1, 20))
    gzip_items: list[Story] = field(default_factory=lambda: stories("g", 1, 30))
    etag: str = '"rss-v1"'
    rss_extra: str = ""  # raw <item>s added to /rss.xml

    @property
    def url(self) -> str:
        return self.site.url

    def articles(self) -> dict[str, tuple[int, Story]]:
        every = [*self.rss_items, *self.atom_items, *self.broken_items, *self.gzip_items]
        return {s.slug: (n, s) for n, s in enumerate(every)}

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for `path`."""
        return [headers for seen, headers in self.site.requests if seen == path]


def _handler(state: list[FeedSite]) -> type[Handler]:
    class FeedHandler(Handler):
        def answer(self) -> None:
            feeds = state[0]
            base, path = feeds.url, self.path
            route: dict[str, Callable[[], None]] = {
                "/rss.xml": lambda: self._conditional(rss("Ledger Wire deals", base, feeds.rss_items, feeds.rss_extra),
                                                      "application/rss+xml"),
                "/atom.xml": lambda: self._conditional(atom("Ledger Wire Atom", base, feeds.atom_items),
                                                       "application/atom+xml", etag=False),
                "/broken.xml": lambda: self.send(200, rss("Ledger Wire odd", base, feeds.broken_items, extra=(
                    "<item><title>An entry with no link & no id</title><description>Nothing</description></item>"
                    f"<item><title>{escape(SUMMARY_ONLY.headline)}</title><link>{base}/articles/gone</link>"
                    f"<description>{escape(SUMMARY_ONLY.text(0))}</description></item>")),
                    "application/rss+xml"),
                "/busy.xml": lambda: self.send(503, b"<html><body>Down for maintenance</body></html>",
                                               Retry_After="7200"),
                "/limited.xml": lambda: self.send(429, b"slow down", "text/plain", Retry_After="60"),
                "/page.html": lambda: self.send(200, b"<!doctype html><html><head><title>Ledger Wire</title></head>"
                                                     b"<body><p>Markets and more.</p></body></html>"),
                "/home.html": lambda: self.send(200, (
                    "<!doctype html><html><head><title>Ledger Wire</title>"
                    "<link rel='alternate' type='application/rss+xml' title='Deals' href='/rss.xml'></head>"
                    "<body><p>Front page</p></body></html>").encode()),
                "/gzip.xml": lambda: self.send(200, gzip.compress(rss("Ledger Wire packed", base, feeds.gzip_items)),
                                               "application/rss+xml", Content_Encoding="gzip"),
                "/image.xml": lambda: self.send(200, b"\x89PNG\r\n", "image/png"),
            }
            if path in route:
                route[path]()
            elif path.startswith("/articles/") and path.removeprefix("/articles/") in feeds.articles():
                n, story = feeds.articles()[path.removeprefix("/articles/")]
                self.send(200, story.page(n))
            else:
                self.send(404, b"<html><body>Not found</body></html>")

        def _conditional(self, body: bytes, ctype: str, etag: bool = True) -> None:
            feeds = state[0]
            if etag and self.headers.get("If-None-Match") == feeds.etag or \
                    not etag and self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.end_headers()
                return
            validators = {"ETag": feeds.etag} if etag else {"Last_Modified": LAST_MODIFIED}
            self.send(200, body, ctype, **validators)

    return FeedHandler


@contextmanager
def feed_site(**kwargs: object) -> Iterator[FeedSite]:
    """The feed site on a free port of 127.0.0.1 until the block ends."""
    state: list[FeedSite] = []
    with serve(_handler(state)) as site:
        state.append(FeedSite(site, **kwargs))  # type: ignore[arg-type]
        yield state[0]
