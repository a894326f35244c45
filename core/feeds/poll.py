"""One polling pass over the feeds that are due: conditional GETs, one request at a time per host, back-off,
and each new entry's article fetched and parsed as a web-address import is, stored once."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import importlib.metadata
import random
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from core.budget import Budget, OverBudget, ReadCancelled, ReadProcess
from core.errors import DealsError, FetchError, InputError, RetryLater
from core.extract.text import Document
from core.feeds.parse import FeedItem, ParsedFeed, matches, read_feed_in_reader
from core.fetch import Fetched, fetch_bytes, fetch_url
from core.importer import Prepared, Registry, prepare_in, prepare_text_in, reading_process, remember, store_registry
from core.store import Store
from core.store.feeds import Feed

MAX_BACKOFF_S = 24 * 3600.0
MAX_RETRY_AFTER_S = 7 * 24 * 3600.0  # a site asking for more is taken at a week
JITTER = 0.1  # up to this share of a feed's interval is added, so feeds polled together drift apart
HOST_PAUSE_S = 1.0


def _version() -> str:
    try:
        return importlib.metadata.version("deal-tracker")
    except importlib.metadata.PackageNotFoundError:
        return "0.1.0"


USER_AGENT = f"DealTracker/{_version()} (+feeds)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/feed+json;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.3, */*;q=0.1")
_FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json", "text/html", "application/xhtml+xml", "text/plain", "",
    "application/octet-stream", "binary/octet-stream", "application/x-rss+xml",
})

Cancelled = Callable[[], bool]
Clock = Callable[[], datetime.datetime]


@dataclass(frozen=True)
class FeedResult:
    """What one feed's poll did: its new deals and articles, entries skipped and why, or why it failed."""

    feed_id: int
    title: str
    new_deal_ids: tuple[int, ...] = ()
    merged_deal_ids: tuple[int, ...] = ()
    articles: int = 0  # entries stored as articles
    from_summary: int = 0  # of those, parsed from the feed's summary because the page could not be had
    already: int = 0  # entries whose article was stored already
    skipped: tuple[str, ...] = ()
    not_modified: bool = False
    error: str | None = None

    def describe(self) -> str:
        if self.error is not None:
            return f"failed: {self.error}"
        if self.not_modified:
            return "not changed since the last poll"
        parts = [f"{self.articles} new article{'s' if self.articles != 1 else ''}",
                 f"{len(self.new_deal_ids)} new deal{'s' if len(self.new_deal_ids) != 1 else ''}"]
        if self.merged_deal_ids:
            parts.append(f"{len(self.merged_deal_ids)} stored deal(s) gained a source")
        if self.from_summary:
            parts.append(f"{self.from_summary} from the feed's summary")
        if self.already:
            parts.append(f"{self.already} already stored")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped ({self.skipped[0]}{'; ...' if len(self.skipped) > 1 else ''})")
        return ", ".join(parts)


@dataclass(frozen=True)
class PollReport:
    """One pass: a result per feed polled, in order."""

    per_feed: tuple[FeedResult, ...] = ()

    @property
    def new_deal_ids(self) -> tuple[int, ...]:
        return tuple(i for result in self.per_feed for i in result.new_deal_ids)

    @property
    def failed(self) -> tuple[FeedResult, ...]:
        return tuple(result for result in self.per_feed if result.error is not None)


@dataclass
class HostGate:
    """At most one request at a time to a host, and `pause` seconds between the end of one and the next."""

    pause: float = HOST_PAUSE_S
    _last: dict[str, float] = field(default_factory=dict)
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def request(self, url: str, send: Callable[[], object]) -> object:
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, -1e9) + self.pause - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return send()
            finally:
                self._last[host] = time.monotonic()


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def is_due(feed: Feed, now: datetime.datetime) -> bool:
    return feed.enabled and (feed.next_poll is None or datetime.datetime.fromisoformat(feed.next_poll) <= now)


def next_poll(feed: Feed, now: datetime.datetime, *, failed: bool, retry_after: float | None = None,
              jitter: float = JITTER) -> tuple[str, int]:
    """When to poll a feed next, and its failures in a row: its interval after a success; after a failure
    the interval doubled per failure (at most a day), and never sooner than the site's Retry-After."""
    interval = feed.interval_min * 60.0
    failures = feed.failures + 1 if failed else 0
    wait = min(interval * 2 ** min(failures, 20), MAX_BACKOFF_S) if failed else interval
    if retry_after is not None:
        wait = max(wait, min(retry_after, MAX_RETRY_AFTER_S))
    wait += random.uniform(0, jitter * interval) if jitter > 0 else 0.0
    return _iso(now + datetime.timedelta(seconds=wait)), failures


def feed_kind(headers: Message, url: str) -> str:
    """What a feed address sends, refused before its body is read when it cannot be a feed (an image, a PDF)."""
    ctype = headers.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype in _FEED_TYPES or ctype.endswith(("+xml", "/xml", "+json")):
        return ctype
    raise FetchError(f"Could not fetch {url}: it is not a feed (the server sends {ctype})")


def fetch_feed(url: str, *, etag: str | None = None, last_modified: str | None = None,
               typed: str | None = None) -> Fetched:
    """A feed document through the safe fetcher, conditional when an etag or date is known."""
    headers = {"User-Agent": USER_AGENT, "Accept": FEED_ACCEPT, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return fetch_bytes(url, headers=headers, kind_of=feed_kind, typed=typed)


def read_entry_page(source: str | Path, *, typed: str) -> Document:
    """An entry's page through the same fetcher as a web-address import; only the feed's own host may be internal."""
    return fetch_url(str(source), typed=typed)


@dataclass
class Poller:
    """Polls feeds on the thread that owns `store`; the reader process reads pages and feeds under `budget`."""

    store: Store
    gate: HostGate = field(default_factory=HostGate)
    budget: Budget | None = field(default_factory=Budget)
    clock: Clock = utc_now
    jitter: float = JITTER
    cancelled: Cancelled | None = None
    on_result: Callable[[FeedResult], None] | None = None

    def poll(self, *, force: bool = False, feed_ids: tuple[int, ...] = ()) -> PollReport:
        """One pass over the feeds that are due (`force`: every enabled one; `feed_ids`: only those, due or not)."""
        now = self.clock()
        feeds = [f for f in self.store.feeds() if (f.id in feed_ids if feed_ids else force and f.enabled
                                                   or is_due(f, now))]
        results: list[FeedResult] = []
        if not feeds:
            return PollReport()
        registry = store_registry(self.store)
        with reading_process(registry, self.budget, self.cancelled) as process:
            for feed in feeds:
                if self.cancelled is not None and self.cancelled():
                    break
                try:
                    result = self._poll_one(feed, process, registry)
                except ReadCancelled:
                    break
                except (KeyError, sqlite3.Error) as exc:  # removed meanwhile, or the file is locked or full
                    result = FeedResult(feed.id or 0, feed.title, error=f"Could not store what {feed.url} "
                                        f"brought: {type(exc).__name__}: {exc}"[:300])
                results.append(result)
                if self.on_result is not None:
                    self.on_result(result)
        return PollReport(tuple(results))

    def _poll_one(self, feed: Feed, process: ReadProcess, registry: Registry) -> FeedResult:
        assert feed.id is not None
        try:
            fetched = self.gate.request(feed.url, lambda: fetch_feed(feed.url, etag=feed.etag,
                                                                     last_modified=feed.last_modified))
            assert isinstance(fetched, Fetched)
            if fetched.status == 304:
                self._record(feed, error=None, etag=feed.etag, last_modified=feed.last_modified)
                return FeedResult(feed.id, feed.title, not_modified=True)
            parsed = process.run(feed.title, read_feed_in_reader, fetched.body, fetched.url,
                                 fetched.headers.get("Content-Type", ""))
        except RetryLater as exc:
            self._record(feed, error=str(exc), retry_after=exc.retry_after)
            return FeedResult(feed.id, feed.title, error=str(exc))
        except DealsError as exc:
            self._record(feed, error=str(exc))
            return FeedResult(feed.id, feed.title, error=str(exc))
        result = self._store_items(feed, parsed, process, registry)
        self._record(feed, error=None, etag=fetched.headers.get("ETag"),
                     last_modified=fetched.headers.get("Last-Modified"))
        return result

    def _record(self, feed: Feed, *, error: str | None, retry_after: float | None = None,
                etag: str | None = None, last_modified: str | None = None) -> None:
        """The poll's outcome on the feed's row; a failure keeps the etag, so nothing else about it changes."""
        now = self.clock()
        when, failures = next_poll(feed, now, failed=error is not None, retry_after=retry_after, jitter=self.jitter)
        if error is None:
            polled = dataclasses.replace(feed, last_success=_iso(now), last_error=None, next_poll=when,
                                         failures=failures, etag=etag, last_modified=last_modified)
        else:
            polled = dataclasses.replace(feed, last_error=" ".join(error.split())[:500], next_poll=when,
                                         failures=failures)
        self.store.record_poll(polled)

    def _store_items(self, feed: Feed, parsed: ParsedFeed, process: ReadProcess,
                     registry: Registry) -> FeedResult:
        assert feed.id is not None
        new: list[int] = []
        merged: list[int] = []
        articles = summaries = already = 0
        skipped = list(parsed.broken)
        keywords = feed.keyword_list
        # Oldest first, so deals arrive in the order the feed published them.
        for item in reversed(parsed.items):
            if self.cancelled is not None and self.cancelled():
                break
            if not matches(item, keywords) or self.store.feed_entry_known(feed.id, item.key, item.link):
                continue
            stored_id = self.store.article_with_url(item.link) if item.link else None
            if stored_id is not None:
                self.store.add_feed_article(feed.id, item.key, item.link, None, article_id=stored_id)
                already += 1
                continue
            try:
                prepared, from_summary = self._read_item(feed, item, process)
                outcome = self.store.add_feed_article(feed.id, item.key, item.link, prepared.article,
                                                      from_summary=from_summary)
            except ReadCancelled:
                raise
            except DealsError as exc:
                skipped.append(str(exc))
                continue
            remember(registry, prepared.article)
            already += outcome.already_imported
            articles += not outcome.already_imported
            summaries += from_summary and not outcome.already_imported
            new += outcome.added
            merged += [i for i in outcome.merged if i not in merged]
        return FeedResult(feed.id, feed.title, tuple(new), tuple(merged), articles, summaries, already, tuple(skipped))

    def _read_item(self, feed: Feed, item: FeedItem, process: ReadProcess) -> tuple[Prepared, bool]:
        """The entry's page read and parsed as an import would; the feed's summary when the page cannot be had."""
        failure: DealsError = InputError(f"Could not import {item.title or item.key}: the entry has no link")
        if item.link is not None:
            read = functools.partial(read_entry_page, typed=feed.url)
            try:
                prepared = self.gate.request(item.link, lambda: prepare_in(process, item.link or "",
                                                                           published=item.published, read=read))
                assert isinstance(prepared, Prepared)
                return prepared, False
            except OverBudget:
                raise  # a page too big or hostile to parse is skipped, not replaced by its teaser
            except DealsError as exc:
                failure = exc
        if not item.summary.strip():
            raise failure
        summary = prepare_text_in(process, item.summary, title=item.title or None, url=item.link,
                                  published=item.published)
        return summary, True


def poll_feeds(store: Store, *, force: bool = False, feed_ids: tuple[int, ...] = (), pause: float = HOST_PAUSE_S,
               budget: Budget | None = Budget(), jitter: float = JITTER, cancelled: Cancelled | None = None,
               on_result: Callable[[FeedResult], None] | None = None, clock: Clock = utc_now) -> PollReport:
    """One pass over the due feeds of `store` (see Poller); the CLI's `feeds poll` and the window's timer."""
    poller = Poller(store, HostGate(pause), budget, clock, jitter, cancelled, on_result)
    return poller.poll(force=force, feed_ids=feed_ids)
