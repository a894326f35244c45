"""Web pages into article parts: main text by trafilatura, title, site and date from the page's own tags.

lxml only parses; nothing in the page is run and nothing it links to is fetched.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from core.errors import InputError
from core.extract.document import Document, decode, document_from_text

# Fewer words than this after boilerplate removal is a page without an article (a login wall, an index).
_MIN_ARTICLE_WORDS = 12
_MAX_JSON_LD_CHARS = 200_000

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "date",
)


@dataclass(frozen=True)
class PageParts:
    """What a page yields: article text (paragraphs split by blank lines) and its metadata."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None


def decode_html(data: bytes) -> str:
    """Decode page bytes by their BOM, else the charset the page declares, else as article text."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    declared = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})""", data[:4096], re.I)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to guessing
    return decode(data)


def page_parts(html: str, url: str | None, name: str) -> PageParts:
    """Split a page into article text and metadata; InputError when it holds no article."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        # trafilatura turns away bare fragments ("<p>...</p>"); give them a body.
        tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None:
        raise _no_article(name)
    tags = _meta_tags(tree)
    json_ld = list(_json_ld_objects(tree))
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    body = _paragraphs(getattr(extracted, "text", None) or "")
    if len(body.split()) < _MIN_ARTICLE_WORDS:
        raise _no_article(name)

    publisher = _first(tags.get("og:site_name"), _ld_value(json_ld, "publisher", "name"), tags.get("application-name"))
    title_tag = _element_text(tree, "//head/title")
    title = _first(tags.get("og:title"), tags.get("twitter:title"), _ld_value(json_ld, "headline"))
    from_title_tag = not title and bool(title_tag)
    title = _first(title, title_tag, _element_text(tree, "//h1"))
    published = _first(
        *(_iso_date(tags.get(key)) for key in _PUBLISHED_KEYS),
        _iso_date(_ld_value(json_ld, "datePublished")),
        _iso_date(_first(*tree.xpath("//time[@pubdate or @itemprop='datePublished']/@datetime"))),
    )
    page_url = _first(url, _first(*tree.xpath("//link[@rel='canonical']/@href")), tags.get("og:url"))
    if not (title and publisher and published):
        # Slower, so only when the page's own tags fell short: trafilatura's guesses from the URL,
        # <h1> and date markup. extensive_search stays off: it reads dates out of body sentences.
        from trafilatura.metadata import extract_metadata

        guessed = extract_metadata(tree, page_url, {"extensive_search": False, "original_date": True})
        title = title or guessed.title
        publisher = publisher or guessed.sitename
        published = published or _iso_date(guessed.date)
    return PageParts(
        text=body,
        title=_without_site(title, publisher, from_title_tag=from_title_tag) if title else None,
        publisher=publisher,
        published=published,
        url=page_url if isinstance(page_url, str) else None,
    )


def _no_article(name: str) -> InputError:
    return InputError(f"Could not read {name}: there is no article text in it, only menus, links or scripts")


def _paragraphs(text: str) -> str:
    """trafilatura ends each block with one newline; a reader's copy parts paragraphs by a blank line."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), " ".join(content.split()))
    return tags


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in the page, nested @graph members included; broken JSON is skipped."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        source = script.text or ""
        if len(source) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(source)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _ld_value(objects: list[dict[str, Any]], key: str, inner: str | None = None) -> str | None:
    for obj in objects:
        value = obj.get(key)
        if inner is not None and isinstance(value, dict):
            value = value.get(inner)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _element_text(tree: Any, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _first(*values: Any) -> Any:
    for value in values:
        if value:
            return value
    return None


def _iso_date(value: str | None) -> str | None:
    """The calendar date a tag's timestamp starts with, as written (its own time zone, not UTC)."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
    if not match:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::|·)\s+")


def _without_site(title: str, publisher: str | None, *, from_title_tag: bool) -> str:
    """A page title without the site name that pages add to it ("Headline | Site", "Site - Headline")."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    first, last = separators[0], separators[-1]
    head, rest_after_head = title[: first.start()], title[first.end() :]
    body, tail = title[: last.start()], title[last.end() :]
    if publisher:
        site = _squash(publisher)
        if _squash(tail) == site or (site and site in _squash(tail) and len(tail.split()) <= 5):
            return body
        if _squash(head) == site:
            return rest_after_head
    # Without a known site name only a <title> is cut: og:title is the headline as the site wrote it.
    if from_title_tag and len(tail.split()) <= 3 and len(body.split()) >= 4:
        return body
    return title


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def read_html(html: str | bytes, url: str | None = None) -> Document:
    """Read a web page: its main text without navigation, banners, related links or footers.

    Nothing in the page is run and nothing it links to is loaded.
    """
    if isinstance(html, bytes):
        html = decode_html(html)
    return read_html_named(html, url, url or "the page")


def read_html_named(html: str, url: str | None, name: str) -> Document:
    """A page's article as a Document; `name` names it in a refusal ("the page", a file's name)."""
    parts = page_parts(html, url, name)
    return document_from_text(
        parts.text,
        title=parts.title,
        publisher=parts.publisher,
        published=parts.published,
        url=parts.url,
        name=name,
    )
