"""`deal-tracker watch add|list|remove`: the watch lists from the command line, and the import's watched deals."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from core.errors import DatabaseError
from core.text_safety import printable
from core.watch import KINDS, WatchError, announcement

if TYPE_CHECKING:
    from core.store import Store

OpenStore = Callable[..., "Store"]


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]  # argparse keeps it private
    kinds = "|".join(k.replace("_", "-") for k in KINDS)
    watch = sub.add_parser("watch", help="follow parties, sectors, countries, keywords or big deals")
    actions = watch.add_subparsers(dest="watch_command", required=True)
    add = actions.add_parser("add", help="watch a party, sector, country, keyword or least US-dollar value",
                             description="min-usd takes 500m, 1.2bn or US$750,000")
    add.add_argument("--db")
    add.add_argument("kind", metavar=kinds)
    add.add_argument("value", nargs="+", metavar="VALUE")
    listed = actions.add_parser("list", help="the watches, with how many deals each matches")
    listed.add_argument("--db")
    remove = actions.add_parser("remove", help="stop a watch (its number from `watch list`)")
    remove.add_argument("--db")
    remove.add_argument("id", metavar="ID")


def run(args: argparse.Namespace, open_store: OpenStore) -> int:
    store = open_store(args.db)
    try:
        if args.watch_command == "list":
            return _list(store)
        if store.read_only:
            raise DatabaseError(f"{store.path} can only be read ({store.read_only}); no watch was changed.")
        if args.watch_command == "add":
            watch = store.add_watch(args.kind, " ".join(args.value))
            count = store.watch_counts().get(watch.id, 0)
            note = ""
            if watch.kind == "party" and count == 0 and not _known(store, watch.value):
                note = " (no party of that name yet: later deals will be caught)"
            print(printable(f"Watching {watch.describe()} (watch {watch.id}): {_deals(count)} now{note}"))
            return 0
        if not args.id.strip().isdigit():
            raise WatchError(f"{args.id!r} is not a watch number (`watch list` shows them).")
        watch = store.remove_watch(int(args.id))
        print(printable(f"Stopped watching {watch.describe()} (watch {watch.id})"))
        return 0
    finally:
        store.close()


def _list(store: Store) -> int:
    watches = store.watches()
    if not watches:
        print("No watches. Add one: deal-tracker watch add party|sector|country|keyword|min-usd VALUE")
        return 0
    counts = store.watch_counts()
    for watch in watches:
        kind = watch.kind.replace("_", "-")
        print(printable(f"{watch.id:>4}  {kind:8}  {watch.label:40}  {_deals(counts.get(watch.id, 0))}"))
    return 0


def _known(store: Store, name: str) -> bool:
    folded = name.casefold()
    return any(spelling.casefold() == folded for spelling in store.entity_names())


def _deals(count: int) -> str:
    return f"{count} deal{'s' if count != 1 else ''}"


def report_new(store: Store, added: Sequence[int]) -> None:
    """After an import: one line for the new deals a watch matches, as the window's notice says it."""
    matched = store.watched_deal_ids(added) if added else {}
    if matched:
        rows = store.deal_rows(list(matched))
        print(printable(announcement([(rows[i].title, matched[i]) for i in added if i in matched and i in rows])))
