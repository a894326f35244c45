"""Feed subscriptions, their seen entries and the inbox of deals they brought: the SQL behind Store's feed methods."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core.errors import InputError
from core.model import Article, ImportOutcome
from core.store import imports
from core.store.schema import now

DEFAULT_INTERVAL_MIN = 30

_FEED_COLUMNS = ("id, url, name, interval_min, enabled, keywords, etag, last_modified, last_success, last_error, "
                 "entries_seen, next_poll, failures")
_ENTRY_COLUMNS = "feed_id, entry_key, link, article_id, seen_at, from_summary"


@dataclass(frozen=True)
class Feed:
    """A subscription: what the person set (url, name, interval, enabled, keywords) and how its polls went."""

    id: int | None
    url: str
    name: str = ""
    interval_min: int = DEFAULT_INTERVAL_MIN
    enabled: bool = True
    keywords: str = ""  # as typed: "solar, wind farm"
    etag: str | None = None
    last_modified: str | None = None
    last_success: str | None = None  # ISO times, UTC
    last_error: str | None = None  # one line; None after a poll that worked
    entries_seen: int = 0
    next_poll: str | None = None  # None: at the next pass
    failures: int = 0  # in a row, for the back-off

    @property
    def title(self) -> str:
        return self.name or self.url

    @property
    def keyword_list(self) -> tuple[str, ...]:
        return tuple(word.strip().casefold() for word in self.keywords.split(",") if word.strip())


@dataclass(frozen=True)
class FeedEntry:
    """One entry a feed brought: its key (the feed's id for it, else its link) and the article it became."""

    feed_id: int
    entry_key: str
    link: str | None
    article_id: int | None
    seen_at: str
    from_summary: bool = False  # the page could not be fetched: the feed's own summary was parsed


@dataclass(frozen=True)
class RemovedFeed:
    """What remove_feed took out, so that restore_feed puts it back as it was."""

    feed: Feed
    entries: tuple[FeedEntry, ...]


def _feed(row: Any) -> Feed:
    return Feed(
        id=int(row[0]), url=str(row[1]), name=str(row[2] or ""), interval_min=int(row[3]),
        enabled=bool(row[4]), keywords=str(row[5] or ""), etag=_text(row[6]), last_modified=_text(row[7]),
        last_success=_text(row[8]), last_error=_text(row[9]), entries_seen=int(row[10]),
        next_poll=_text(row[11]), failures=int(row[12]),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _settings(feed: Feed) -> Feed:
    """A feed's settings checked: a name on one line, an interval of at least a minute."""
    name = " ".join(feed.name.split())
    keywords = ", ".join(word.strip() for word in feed.keywords.split(",") if word.strip())
    if feed.interval_min < 1:
        raise InputError(f"A feed's interval must be at least one minute, not {feed.interval_min}.")
    return dataclasses.replace(feed, name=name, keywords=keywords)


def feeds(db: Database) -> list[Feed]:
    return [_feed(r) for r in db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")]


def feed(db: Database, feed_id: int) -> Feed:
    row = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", [feed_id]).fetchone()
    if row is None:
        raise KeyError(feed_id)
    return _feed(row)


def feed_by_url(db: Database, url: str) -> Feed | None:
    row = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", [url]).fetchone()
    return None if row is None else _feed(row)


def add_feed(db: Database, new: Feed) -> Feed:
    """Subscribe; the same address twice is refused by name. A given id is kept (the redo of an undone add)."""
    new = _settings(new)
    with db.atomic():
        known = feed_by_url(db, new.url)
        if known is not None:
            raise InputError(f"{new.url} is already subscribed (feed {known.id}: {known.title}).")
        cursor = db.execute(
            "INSERT INTO feeds (id, url, name, interval_min, enabled, keywords, etag, last_modified, last_success, "
            "last_error, entries_seen, next_poll, failures, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new.id, new.url, new.name, new.interval_min, int(new.enabled), new.keywords, new.etag, new.last_modified,
             new.last_success, new.last_error, new.entries_seen, new.next_poll, new.failures, now()])
        return feed(db, int(cursor.lastrowid or 0))


def update_settings(db: Database, changed: Feed) -> Feed:
    """Write a feed's name, interval, enabled and keywords; its poll state is the poller's and stays."""
    feed_id = changed.id
    assert feed_id is not None
    changed = _settings(changed)
    with db.atomic():
        feed(db, feed_id)  # KeyError for a feed removed meanwhile
        db.execute("UPDATE feeds SET name = ?, interval_min = ?, enabled = ?, keywords = ? WHERE id = ?",
                   [changed.name, changed.interval_min, int(changed.enabled), changed.keywords, feed_id])
    return feed(db, feed_id)


def record_poll(db: Database, polled: Feed) -> Feed:
    """Write how a poll went (etag, last-modified, times, error, back-off); the settings stay as they are.

    KeyError when the feed was removed while it was polled."""
    feed_id = polled.id
    assert feed_id is not None
    with db.atomic():
        db.execute(
            "UPDATE feeds SET etag = ?, last_modified = ?, last_success = ?, last_error = ?, next_poll = ?, "
            "failures = ? WHERE id = ?",
            [polled.etag, polled.last_modified, polled.last_success, polled.last_error, polled.next_poll,
             polled.failures, feed_id])
    return feed(db, feed_id)


def remove_feed(db: Database, feed_id: int) -> RemovedFeed:
    """Unsubscribe: the feed and its seen entries go; its articles and deals stay."""
    with db.atomic():
        gone = feed(db, feed_id)
        entries = tuple(FeedEntry(int(r[0]), str(r[1]), _text(r[2]), None if r[3] is None else int(r[3]), str(r[4]),
                                  bool(r[5]))
                        for r in db.execute(f"SELECT {_ENTRY_COLUMNS} FROM feed_entries WHERE feed_id = ? "
                                            "ORDER BY rowid", [feed_id]))
        db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])  # its entries go by ON DELETE CASCADE
    return RemovedFeed(gone, entries)


def restore_feed(db: Database, removed: RemovedFeed) -> Feed:
    """Undo of remove_feed: the feed with its id, settings, poll state and seen entries."""
    with db.atomic():
        restored = add_feed(db, removed.feed)
        for entry in removed.entries:
            article_id = entry.article_id
            if article_id is not None and db.execute("SELECT 1 FROM articles WHERE id = ?",
                                                     [article_id]).fetchone() is None:
                article_id = None
            db.execute(f"INSERT INTO feed_entries ({_ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                       [entry.feed_id, entry.entry_key, entry.link, article_id, entry.seen_at, int(entry.from_summary)])
    return restored


def entry_known(db: Database, feed_id: int, entry_key: str, link: str | None) -> bool:
    """Whether this feed has brought the entry, or any feed the same link."""
    if db.execute("SELECT 1 FROM feed_entries WHERE feed_id = ? AND entry_key = ?", [feed_id, entry_key]).fetchone():
        return True
    return bool(link) and db.execute("SELECT 1 FROM feed_entries WHERE link = ? LIMIT 1", [link]).fetchone() is not None


def article_with_url(db: Database, url: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", [url]).fetchone()
    return None if row is None else int(row[0])


def add_feed_article(db: Database, feed_id: int, entry_key: str, link: str | None, article: Article | None,
                     *, from_summary: bool = False, article_id: int | None = None) -> ImportOutcome:
    """Store a feed entry's article as an import does (the same dedupe, merges that keep hand edits) and
    record the entry as seen, in one transaction; the deals it added wait in the inbox.

    Without an article, the entry is only recorded (its link is a stored article's: `article_id`).
    """
    with db.atomic():
        if article is not None:
            outcome = imports.add_article(db, article, merge=True)
        else:
            outcome = ImportOutcome(article_id=article_id or 0, already_imported=True)
        db.execute(f"INSERT OR IGNORE INTO feed_entries ({_ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                   [feed_id, entry_key, link, outcome.article_id or None, now(), int(from_summary)])
        db.execute("UPDATE feeds SET entries_seen = entries_seen + 1 WHERE id = ?", [feed_id])
        arrived = now()
        for deal_id in outcome.added:
            db.execute("INSERT OR IGNORE INTO feed_inbox (deal_id, feed_id, arrived_at) VALUES (?, ?, ?)",
                       [deal_id, feed_id, arrived])
    return outcome


def feed_entries(db: Database, feed_id: int) -> list[FeedEntry]:
    return [FeedEntry(int(r[0]), str(r[1]), _text(r[2]), None if r[3] is None else int(r[3]), str(r[4]), bool(r[5]))
            for r in db.execute(f"SELECT {_ENTRY_COLUMNS} FROM feed_entries WHERE feed_id = ? ORDER BY rowid",
                                [feed_id])]


def inbox_count(db: Database) -> int:
    """Deals from feeds that no one has accepted yet, not counting those in the trash."""
    return int(db.execute(
        "SELECT count(*) FROM feed_inbox i JOIN deals d ON d.id = i.deal_id "
        "WHERE i.reviewed_at IS NULL AND d.deleted_at IS NULL").fetchone()[0])


def in_inbox(db: Database, deal_ids: Sequence[int]) -> set[int]:
    """Which of the deals wait in the inbox (trashed or not)."""
    wanted = [int(i) for i in deal_ids]
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found |= {int(r[0]) for r in db.execute(
            f"SELECT deal_id FROM feed_inbox WHERE reviewed_at IS NULL AND deal_id IN ({', '.join('?' * len(chunk))})",
            chunk)}
    return found


def set_reviewed(db: Database, deal_ids: Sequence[int], reviewed: bool) -> None:
    """Accept deals out of the inbox (`reviewed`), or put them back (False: its undo)."""
    at = now() if reviewed else None
    with db.atomic():
        for deal_id in deal_ids:
            db.execute("UPDATE feed_inbox SET reviewed_at = ? WHERE deal_id = ?", [at, int(deal_id)])
