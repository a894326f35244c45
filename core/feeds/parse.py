"""Feed documents into plain entries with feedparser, and a web page's links to its feeds; no network here."""

from __future__ import annotations

import datetime
import html
import time
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from core.errors import InputError

# What a page names its feeds with in <link rel="alternate" type="...">.
FEED_LINK_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                             "application/feed+json"})


@dataclass(frozen=True)
class FeedItem:
    """One entry as the feed tells it: its key (the feed's id for it, else its link), and what it says."""

    key: str
    link: str | None
    title: str
    summary: str  # plain text
    published: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and entries in the feed's order; `broken` names entries that could not be used."""

    title: str
    items: tuple[FeedItem, ...]
    broken: tuple[str, ...] = ()
    problem: str = ""  # what feedparser found wrong with a feed it could still read


class _PageLinks(HTMLParser):
    """The <link rel="alternate"> feed addresses of a page, and whether it looks like a page at all."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and found.get("href") and self.base is None:
            self.base = found["href"]
        if tag == "link" and "alternate" in found.get("rel", "").lower().split() \
                and found.get("type", "").split(";")[0].strip().lower() in FEED_LINK_TYPES and found.get("href"):
            self.links.append(found["href"])


class _Text(HTMLParser):
    """The text of a feed's HTML summary, block elements as line breaks."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """Plain text of an HTML fragment: paragraphs kept apart, spaces squeezed."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def feed_links(page: str, url: str) -> list[str]:
    """The feeds a web page links to, as absolute addresses, in its order."""
    parser = _PageLinks()
    parser.feed(page)
    parser.close()
    base = urllib.parse.urljoin(url, parser.base) if parser.base else url
    found: list[str] = []
    for href in parser.links:
        absolute = urllib.parse.urljoin(base, html.unescape(href).strip())
        if absolute not in found:
            found.append(absolute)
    return found


def read_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse an RSS, Atom, RDF or JSON feed; InputError naming what it is when it is not one.

    feedparser gets the bytes, never the address, so it fetches nothing (and resolves no external entity);
    the final address and type go in as headers so that relative links resolve against the feed.
    """
    import feedparser  # about 0.1 s to import: only where a feed is read

    parsed: Any = feedparser.parse(data, response_headers={"content-location": url, "content-type": content_type})
    version, entries = parsed.get("version") or "", parsed.get("entries") or []
    if not version and not entries:
        head = data[:2048].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head:
            links = feed_links(data.decode("utf-8", "replace"), url)
            if links:
                raise InputError(f"{url} is a web page, not a feed; it links to the feed {links[0]}")
            raise InputError(f"{url} is a web page, not a feed (it links to none)")
        reason = str(parsed.get("bozo_exception") or "").split("\n")[0][:120]
        raise InputError(f"{url} is not a feed" + (f" ({reason})" if reason else ""))
    items: list[FeedItem] = []
    broken: list[str] = []
    keys: set[str] = set()
    for position, entry in enumerate(entries, 1):
        item = _item(entry)
        if item is None:
            broken.append(f"entry {position} has neither a link nor an id")
        elif item.key not in keys:
            keys.add(item.key)
            items.append(item)
    problem = ""
    if parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception") or "the feed is not well formed").split("\n")[0][:160]
    title = " ".join(str((parsed.get("feed") or {}).get("title") or "").split())
    return ParsedFeed(title=title, items=tuple(items), broken=tuple(broken), problem=problem)


def read_feed_in_reader(_registry: object, data: bytes, url: str, content_type: str) -> ParsedFeed:
    """read_feed as a reader process runs it (core.budget): under its time and memory budget."""
    return read_feed(data, url, content_type)


def _item(entry: Any) -> FeedItem | None:
    link = _http_link(entry.get("link"))
    key = " ".join(str(entry.get("id") or "").split()) or link
    if not key:
        return None
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value") or ""
    return FeedItem(
        key=key[:2000], link=link, title=" ".join(str(entry.get("title") or "").split())[:500],
        summary=html_text(str(summary)), published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _http_link(value: object) -> str | None:
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _date(value: object) -> str | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except ValueError:
        return None


def matches(item: FeedItem, keywords: tuple[str, ...]) -> bool:
    """Whether an entry's title or summary holds one of the keywords (folded); no keywords take every entry."""
    if not keywords:
        return True
    text = f"{item.title}\n{item.summary}".casefold()
    return any(word in text for word in keywords)
