"""`main.py feeds add|list|remove|poll` in this process against the local feed site and a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from core.store import Store
from feed_site import FeedSite, feed_site


@pytest.fixture
def site():
    with feed_site() as running:
        yield running


def test_feeds_is_a_command_of_the_switchboard() -> None:
    assert "feeds" in main.COMMANDS


def test_add_follows_a_page_to_the_feed_it_links_and_list_shows_it(tmp_path: Path, site: FeedSite, capsys) -> None:
    db = str(tmp_path / "deals.db")
    assert main.main(["feeds", "add", f"{site.url}/home.html", "--interval", "45", "--keywords", "solar, wind",
                      "--db", db]) == 0
    assert f"Subscribed to Ledger Wire deals (feed 1): {site.url}/rss.xml, every 45 min" in capsys.readouterr().out
    assert main.main(["feeds", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Ledger Wire deals" in out and f"{site.url}/rss.xml" in out and "keywords: solar, wind" in out
    assert "1 feed; 0 deals in the inbox" in out


def test_add_refuses_what_is_not_a_feed_or_is_subscribed_in_one_line(tmp_path: Path, site: FeedSite,
                                                                      capsys) -> None:
    db = str(tmp_path / "deals.db")
    assert main.main(["feeds", "add", f"{site.url}/page.html", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a web page, not a feed (it links to none)" in err
    assert main.main(["feeds", "add", "ftp://example.org/feed", "--db", db]) == 1
    assert "only http and https addresses" in capsys.readouterr().err
    assert main.main(["feeds", "add", f"{site.url}/rss.xml", "--db", db]) == 0
    assert main.main(["feeds", "add", f"{site.url}/rss.xml", "--db", db]) == 1
    assert "already subscribed (feed 1" in capsys.readouterr().err
    with Store.open(db) as store:
        assert len(store.feeds()) == 1


def test_remove_by_id_or_address(tmp_path: Path, site: FeedSite, capsys) -> None:
    db = str(tmp_path / "deals.db")
    for path in ("/rss.xml", "/atom.xml"):
        assert main.main(["feeds", "add", site.url + path, "--db", db]) == 0
    assert main.main(["feeds", "remove", "1", "--db", db]) == 0
    assert main.main(["feeds", "remove", f"{site.url}/atom.xml", "--db", db]) == 0
    assert main.main(["feeds", "remove", "7", "--db", db]) == 1
    assert "No feed '7'" in capsys.readouterr().err
    with Store.open(db) as store:
        assert store.feeds() == []


def test_a_bad_interval_is_refused_by_the_parser(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main.main(["feeds", "add", "http://127.0.0.1:9/x", "--interval", "0", "--db", str(tmp_path / "d.db")])
    assert "whole number of minutes" in capsys.readouterr().err


@pytest.mark.slow  # the reader process
def test_poll_imports_then_reports_nothing_new_and_exits_1_when_a_feed_failed(tmp_path: Path, site: FeedSite,
                                                                              capsys) -> None:
    db = str(tmp_path / "deals.db")
    assert main.main(["feeds", "add", f"{site.url}/rss.xml", "--db", db]) == 0
    with Store.open(db) as store:
        from core.store.feeds import Feed

        store.add_feed(Feed(None, f"{site.url}/busy.xml", name="Busy"))
    capsys.readouterr()
    assert main.main(["feeds", "poll", "--db", db]) == 1
    out = capsys.readouterr().out
    assert "Ledger Wire deals: 3 new articles, 3 new deals" in out
    assert "Busy: failed: Could not fetch" in out and "HTTP 503" in out
    assert "3 new deals from 2 feeds polled; 1 failed; 3 in the inbox" in out
    assert main.main(["feeds", "poll", "--all", "--db", db]) == 1
    assert "Ledger Wire deals: not changed since the last poll" in capsys.readouterr().out
    assert main.main(["feeds", "list", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert "last error: Could not fetch" in listed and listed.count("last error:") == 1
