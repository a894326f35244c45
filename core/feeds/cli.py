"""`main.py feeds add|list|remove|poll`: the command line's side of core.feeds."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from core.text_safety import one_line, printable

# main._open_store: (path, backup=, create=) -> Store
OpenStore = Callable[..., Any]


def _minutes(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of minutes (1 or more): {text!r}")
    return int(text)


def add_parser(sub: Any) -> None:
    """The `feeds` command and its four subcommands, on main.py's subparsers."""
    feeds = sub.add_parser("feeds", help="subscribe to RSS and Atom feeds and import their new articles")
    actions = feeds.add_subparsers(dest="feeds_command", required=True, metavar="{add,list,remove,poll}")
    add = actions.add_parser("add", help="subscribe to a feed, or to the feed a web page links to")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", default="", help="what the feed list calls it (default: the feed's own title)")
    add.add_argument("--interval", type=_minutes, default=30, help="minutes between polls (default 30)")
    add.add_argument("--keywords", default="", help='only entries whose title or summary holds one: "solar, wind"')
    listed = actions.add_parser("list", help="the feeds, with their last success, last error and entries seen")
    remove = actions.add_parser("remove", help="unsubscribe; the deals it brought stay")
    remove.add_argument("feed", metavar="ID_OR_URL")
    poll = actions.add_parser("poll", help="one pass over the feeds that are due (for cron or a systemd timer)")
    poll.add_argument("--all", action="store_true", help="poll every enabled feed, due or not")
    for command in (add, listed, remove, poll):
        command.add_argument("--db", help="the database file (default: your data folder's deals.db)")


def run(args: argparse.Namespace, open_store: OpenStore) -> int:
    """Run a `feeds` subcommand; DealsError goes up to main, which prints it on one line and exits 1."""
    command = args.feeds_command
    store = open_store(args.db, backup=command in ("add", "poll"), create=command == "add")
    try:
        return {"add": _add, "list": _list, "remove": _remove, "poll": _poll}[command](store, args)
    finally:
        store.close()


def _add(store: Any, args: argparse.Namespace) -> int:
    from core.feeds.subscribe import subscribe

    feed = subscribe(store, args.url, name=args.name, interval_min=args.interval, keywords=args.keywords)
    print(printable(f"Subscribed to {feed.title} (feed {feed.id}): {feed.url}, every {feed.interval_min} min"
                    + (f", keywords: {feed.keywords}" if feed.keywords else "")))
    return 0


def _list(store: Any, args: argparse.Namespace) -> int:
    feeds = store.feeds()
    print(f"{'id':>4}  {'on':3}  {'every':>6}  {'seen':>5}  {'last success':20}  name / address / last error")
    for feed in feeds:
        print(printable(f"{feed.id:>4}  {'yes' if feed.enabled else 'no':3}  {feed.interval_min:>4} m  "
                        f"{feed.entries_seen:>5}  {(feed.last_success or 'never')[:19]:20}  {one_line(feed.title)}"))
        print(printable(f"{'':>45}{feed.url}" + (f"  keywords: {feed.keywords}" if feed.keywords else "")))
        if feed.last_error:
            print(printable(f"{'':>45}last error: {one_line(feed.last_error)}"))
    print(f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''}; {store.inbox_count()} deals in the inbox")
    return 0


def _remove(store: Any, args: argparse.Namespace) -> int:
    from core.errors import InputError

    wanted = args.feed.strip()
    feed = next((f for f in store.feeds() if str(f.id) == wanted or f.url == wanted), None)
    if feed is None:
        raise InputError(f"No feed {wanted!r} (see 'feeds list' for the ids and addresses).")
    store.remove_feed(feed.id)
    print(printable(f"Removed feed {feed.id} ({feed.title}); the deals it brought stay"))
    return 0


def _poll(store: Any, args: argparse.Namespace) -> int:
    from core.feeds.poll import poll_feeds

    report = poll_feeds(store, force=args.all,
                        on_result=lambda r: print(printable(f"{r.title}: {r.describe()}"), flush=True))
    count = len(report.new_deal_ids)
    print(f"{count} new deal{'s' if count != 1 else ''} from {len(report.per_feed)} feed"
          f"{'s' if len(report.per_feed) != 1 else ''} polled; {len(report.failed)} failed; "
          f"{store.inbox_count()} in the inbox")
    return 1 if report.failed else 0
