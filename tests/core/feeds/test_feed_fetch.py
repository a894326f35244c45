"""The safe fetcher's feed side: conditional requests, 304 only when asked, 429/503 with Retry-After."""

from __future__ import annotations

from email.message import Message
from pathlib import Path

import pytest

import main
from core.errors import FetchError, RetryLater
from core.feeds.poll import fetch_feed
from core.fetch import fetch_url, retry_after
from feed_site import feed_site


def test_a_conditional_request_gets_its_304_and_a_plain_one_the_feed() -> None:
    with feed_site() as site:
        assert fetch_feed(f"{site.url}/rss.xml", etag='"rss-v1"').status == 304
        fresh = fetch_feed(f"{site.url}/rss.xml", etag='"old"')
        assert fresh.status == 200 and fresh.headers["ETag"] == '"rss-v1"' and fresh.body.startswith(b"<?xml")


def test_503_and_429_say_how_long_to_wait_for_feeds_and_pages_alike() -> None:
    with feed_site() as site:
        with pytest.raises(RetryLater) as busy:
            fetch_feed(f"{site.url}/busy.xml")
        assert (busy.value.status, busy.value.retry_after) == (503, 7200.0)
        with pytest.raises(RetryLater) as limited:
            fetch_url(f"{site.url}/limited.xml")
        assert (limited.value.status, limited.value.retry_after) == (429, 60.0)
        assert isinstance(limited.value, FetchError) and "HTTP 429" in str(limited.value)


def test_retry_after_reads_seconds_and_dates_and_ignores_nonsense() -> None:
    def headers(value: str) -> Message:
        message = Message()
        message["Retry-After"] = value
        return message

    assert retry_after(headers("120")) == 120.0
    assert retry_after(headers("Wed, 21 Oct 2015 07:28:00 GMT")) == 0.0  # in the past: no wait
    assert retry_after(headers("soon")) is None
    assert retry_after(Message()) is None


def test_a_gzip_feed_is_unpacked_within_the_size_limit() -> None:
    with feed_site() as site:
        assert fetch_feed(f"{site.url}/gzip.xml").body.startswith(b"<?xml")


def test_the_feeds_doc_names_every_option_of_the_command() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "feeds.md").read_text(encoding="utf-8")
    parser = main._parser()
    feeds = next(a for a in parser._subparsers._group_actions[0].choices["feeds"]._actions  # type: ignore[union-attr]
                 if a.dest == "feeds_command")
    for name, command in feeds.choices.items():
        assert f"feeds {name}" in doc
        for action in command._actions:
            for flag in action.option_strings:
                assert flag in doc or flag in ("-h", "--help"), (name, flag)
