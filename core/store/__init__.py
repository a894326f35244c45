"""The deal store: the one gateway to the SQLite file, speaking only core.model dataclasses."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from core.errors import DatabaseError
from core.model import Article, Deal, DealQuery, ImportOutcome, ReparseOutcome
from core.deals.merge import merged_deal
from core.store import (
    display, duplicates, facet_counts, imports, insights, journal, list_position, merging, parties, rows, schema,
    sectors, watches,
)
from core.store import feeds as feed_rows
from core.store import query as deal_list
from core.store.duplicates import PossibleDuplicate
from core.store.feeds import Feed, FeedEntry, RemovedFeed
from core.store.insights import BreakdownRow, FlowRow, LeagueRow
from core.store.file import StoreDatabase, open_database, open_reader
from core.store.journal import HistoryEntry, Journal
from core.store.parties import Entity
from core.store.query import DealRow, Totals
from core.store.sectors import Sector
from core.store.schema import now
from core.watch import Watch

__all__ = ["BreakdownRow", "FlowRow", "LeagueRow", "Sector", "Store", "Totals"]


class Store:
    """One deals database. The thread that opens it owns it; every multi-row write is one transaction."""

    def __init__(self, db: Database, path: Path | None = None, *, migrate: bool = True) -> None:
        self.db = db
        self.path = path
        if migrate:
            schema.apply(db, str(path) if path else "The in-memory database")

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open or create a database file; a file that is not ours is refused and left as it was.

        A file that cannot be written opens read-only (see `read_only`); `create=False` refuses a missing one.
        """
        path = Path(path)
        db = open_database(path, create=create)
        try:
            return cls(db, path)
        except sqlite3.Error as exc:
            db.close()
            raise DatabaseError(f"Could not open {path}: {exc}.") from exc
        except BaseException:
            db.close()
            raise

    @classmethod
    def open_reader(cls, path: str | os.PathLike[str]) -> Store:
        """A read-only Store of the file on a connection of its own, for another thread (facet counts of a big
        file): it never migrates or writes, and interrupt() stops its query from any thread."""
        path = Path(path)
        return cls(Database(open_reader(path)), path, migrate=False)

    @property
    def read_only(self) -> str:
        """Why the database can only be read ("the file is read-only"); "" when it can be written."""
        return str(getattr(self.db, "read_only", ""))

    @property
    def note(self) -> str:
        """What opening the file repaired, in one line ("" when nothing)."""
        return str(getattr(self.db, "note", ""))

    def interrupt(self) -> None:
        """Stop the query running on this connection (sqlite3.OperationalError there); safe from any thread."""
        self.db.conn.interrupt()

    @classmethod
    def in_memory(cls) -> Store:
        db = StoreDatabase(memory=True)
        db.execute("PRAGMA foreign_keys = ON")
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def data_version(self) -> int:
        """A number that changes when another connection, in any process, commits to the file.

        The window polls it (on a timer, or when it is activated) and reloads when it has moved;
        this connection's own writes leave it alone.
        """
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Articles

    def add_article(self, article: Article, *, merge: bool = False) -> ImportOutcome:
        """Store an article and every deal it brings in one transaction, unless it is already stored.

        With `merge`, a deal that a stored deal already reports joins it as a new source (see core.deals.merge).
        """
        return imports.add_article(self.db, article, merge=merge)

    def remove_import(self, outcome: ImportOutcome) -> None:
        """Take back an add_article: its article, its new deals and what it merged into others, in one transaction.

        The tables end as they were before it, if later changes to the same deals were taken back first.
        Redo is add_article again with the same Article.
        """
        if not outcome.already_imported:
            imports.take_back(self.db, outcome.journal)

    def add_articles(self, articles: Sequence[Article], *, merge: bool = False) -> list[ImportOutcome]:
        """Several articles as add_article stores each, in one transaction: all of them are stored, or none."""
        with self.db.atomic():
            return [imports.add_article(self.db, article, merge=merge) for article in articles]

    def remove_imports(self, outcomes: Sequence[ImportOutcome]) -> None:
        """Take back several add_article calls, newest first, in one transaction."""
        with self.db.atomic():
            for outcome in reversed(outcomes):
                if not outcome.already_imported:
                    imports.take_back(self.db, outcome.journal)

    def apply_reparses(self, parses: Sequence[tuple[int, Sequence[Deal]]], *,
                       published: Mapping[int, str | None] | None = None) -> list[ReparseOutcome]:
        """Lay new parses of several stored articles over their deals, in one transaction (see apply_reparse).

        `published` (article id -> ISO date) sets those articles' published dates in the same transaction:
        a person's answer for an article that printed none, which the parses were made with.
        """
        with self.db.atomic():
            for article_id, day in (published or {}).items():
                imports.set_published(self.db, article_id, day)
            return [imports.apply_reparse(self.db, article_id, deals) for article_id, deals in parses]

    def undo_reparses(self, outcomes: Sequence[ReparseOutcome], *,
                      published: Mapping[int, str | None] | None = None) -> None:
        """Take back several re-parses, newest first, and put back the `published` dates, in one transaction."""
        with self.db.atomic():
            for outcome in reversed(outcomes):
                imports.take_back(self.db, outcome.journal)
            for article_id, day in (published or {}).items():
                imports.set_published(self.db, article_id, day)

    def apply_reparse(self, article_id: int, deals: Sequence[Deal]) -> ReparseOutcome:
        """Lay a new parse of a stored article over its deals; fields a person edited stay as they are."""
        return imports.apply_reparse(self.db, article_id, deals)

    def undo_reparse(self, outcome: ReparseOutcome) -> None:
        imports.take_back(self.db, outcome.journal)

    def deals_for_article(self, article_id: int) -> list[int]:
        """The deals that cite an article, in the trash or not."""
        return merging.deal_ids_citing(self.db, article_id)

    def field_alternatives(self, deal_id: int) -> dict[str, list[tuple[Any, int | None]]]:
        """Per field its sources disagree on: each source's value and article id (None: a person's value).

        Values: type a DealType, date an (ISO date, Precision or None) pair, amounts a tuple of Amount,
        location a str. The deal itself holds the first value unless a person chose another.
        """
        return merging.field_alternatives(self.db, deal_id)

    def choose_value(self, deal_id: int, field: str, value: Any) -> Deal:
        """A person's choice among a field's values (in field_alternatives' form): an edit like any other."""
        return merging.choose_value(self.db, deal_id, field, value)

    def split_deal(self, deal_id: int, article_id: int) -> Deal:
        """Not the same deal: move one source, and what it brought, into a new deal, and never merge them again."""
        with self.db.atomic():
            new_id = merging.split_deal(self.db, deal_id, article_id)
        return self.deal(new_id)

    def undo_split(self, deal_id: int, split_id: int, *, before: Deal | None = None) -> Deal:
        """Undo of split_deal: the split-off deal's sources join `deal_id` again, and it is removed.

        Given `before` (the deal as it was before the split), the rejoined deal is saved as that, hand-edit
        marks included, in the same transaction: values and marks come back exactly.
        """
        with self.db.atomic():
            merging.undo_split(self.db, deal_id, split_id)
            if before is not None:
                rows.save_deal(self.db, before, edited=before.edited)
        return self.deal(deal_id)

    def article(self, article_id: int) -> Article:
        return rows.article(self.db, article_id)

    def articles_for_deal(self, deal_id: int) -> list[Article]:
        return rows.articles_for_deal(self.db, deal_id)

    def article_count(self) -> int:
        return rows.article_count(self.db)

    # Deals

    def deal(self, deal_id: int) -> Deal:
        """Everything about one deal, sources and evidence included; KeyError if there is no such deal."""
        return rows.load_deal(self.db, deal_id)

    def add_deal(self, deal: Deal, by: str = "person") -> Deal:
        with self.db.atomic():
            deal_id = rows.insert_deal(self.db, deal, by)
        return self.deal(deal_id)

    def save(self, deal: Deal, by: str = "person", *, edited: frozenset[str] | None = None) -> Deal:
        """Write what differs from the stored deal, with a history row per field; returns it re-read.

        A person's changes join `edited`; the parser never overwrites a field in `edited`.
        Given `edited`, the stored set becomes exactly that instead (with a history row when it
        changes): an undo puts back the set a deal had, so an undone edit is no longer a hand edit.
        Sources and evidence are written when they differ too (merging deals moves them).
        A deal without an id is added.
        """
        if deal.id is None:
            return self.add_deal(deal, by)
        return rows.save_deal(self.db, deal, by, edited=edited)

    def delete_deal(self, deal_id: int) -> None:
        """Move a deal to the trash; restore_deal brings it back."""
        self.delete_deals([deal_id])

    def restore_deal(self, deal_id: int) -> None:
        self.restore_deals([deal_id])

    def delete_deals(self, deal_ids: Sequence[int]) -> None:
        """Move deals to the trash in one transaction: all of them or, on failure, none."""
        at = now()
        with self.db.atomic():
            for deal_id in deal_ids:
                rows.set_deleted(self.db, deal_id, at)

    def restore_deals(self, deal_ids: Sequence[int]) -> None:
        """Bring deals back from the trash in one transaction."""
        with self.db.atomic():
            for deal_id in deal_ids:
                rows.set_deleted(self.db, deal_id, None)

    def trashed(self, deal_ids: Sequence[int]) -> set[int]:
        """Which of the deals are in the trash (Deal and DealRow do not say)."""
        return deal_list.trashed(self.db, deal_ids)

    def merge_deals(self, keep: Deal, other: Deal, *, edited: frozenset[str] | None = None) -> Deal:
        """A person's merge, one transaction: `keep` gains what `other` adds (core.deals.merge.merged_deal) and
        `other` goes to the trash. Returns keep re-read; `edited` as in save (a redo passes the first marks)."""
        assert other.id is not None
        with self.db.atomic():
            saved = rows.save_deal(self.db, merged_deal(keep, other), edited=edited)
            rows.set_deleted(self.db, other.id, now())
        return saved

    def undo_merge(self, keep: Deal, other_id: int) -> Deal:
        """Undo of merge_deals, one transaction: `keep` saved as it was, marks included; `other_id` restored."""
        with self.db.atomic():
            saved = rows.save_deal(self.db, keep, edited=keep.edited)
            rows.set_deleted(self.db, other_id, None)
        return saved

    def possible_duplicates(self, deal_id: int) -> list[PossibleDuplicate]:
        """Live deals that may be this deal told again, likeliest first: the window offers to merge them.

        An import merges only what it is sure of (core.deals.merge.compare); these are the rest, worked out
        now, so an edit, a merge or an undo shows at once.
        """
        return duplicates.suggestions(self.db, deal_id)

    def set_not_duplicates(self, deal_id: int, other_id: int, apart: bool = True) -> None:
        """A person's word that two deals are not one (`apart`), so they are no longer offered; False takes it back."""
        with self.db.atomic():
            duplicates.set_not_duplicates(self.db, deal_id, other_id, apart)

    def history(self, deal_id: int) -> list[HistoryEntry]:
        return journal.history(self.db, deal_id)

    def iter_deals(self, query: DealQuery | None = None) -> Iterator[Deal]:
        """Every deal the query matches, in its order, loaded a page at a time."""
        return rows.iter_deals(self.db, query or DealQuery())

    # The deal list

    def count_deals(self, query: DealQuery) -> int:
        return deal_list.count_deals(self.db, query)

    def deal_ids(self, query: DealQuery, offset: int, limit: int) -> list[int]:
        return deal_list.deal_ids(self.db, query, offset, limit)

    def position(self, query: DealQuery, deal_id: int) -> int | None:
        """The deal's row in the query's list (0 first), or None when the list does not hold it."""
        return list_position.position(self.db, query, deal_id)

    def deal_rows(self, ids: Sequence[int], currency: str = "USD") -> dict[int, DealRow]:
        """The list's rows; each row's display_value is its US-dollar value in `currency` (see set_display_rates)."""
        return deal_list.deal_rows(self.db, ids, currency)

    def set_display_rates(self, currency: str, rates: Iterable[tuple[str, float]]) -> None:
        """Units of `currency` per US dollar by ISO day (core.fx.per_usd_by_day), kept on this connection
        (temp schema, never the file) so that rows, the "usd" sort and totals of a query in that currency
        convert in SQL. Until a currency's rates are set, its values are None."""
        display.set_rates(self.db, currency, rates)

    def has_display_rates(self, currency: str) -> bool:
        return display.has_rates(self.db, currency)

    def totals(self, query: DealQuery) -> Totals:
        """How many deals the query lists, their US-dollar total and how many of them have no US-dollar value,
        and the total in the query's display currency."""
        return deal_list.totals(self.db, query)

    def deals_from_publisher(self, publisher: str) -> list[int]:
        """Live deals all of whose articles came from `publisher` (the window's sample articles have one)."""
        return deal_list.deals_from_publisher(self.db, publisher)

    def facets(self, query: DealQuery, keys: Sequence[str] = deal_list.FACET_KEYS) -> dict[str, list[tuple[str, int]]]:
        """Value counts for type, status, sector, year, country, party (entity name), review and watched ("yes")."""
        return deal_list.facets(self.db, query, keys)

    def slow_facets(self, query: DealQuery) -> list[str]:
        """The facets whose counts under this query take a pass over the deals (the rest are kept counts)."""
        return deal_list.slow_facets(self.db, query)

    def kept_facets(self, query: DealQuery) -> list[str]:
        slow = self.slow_facets(query)
        return [key for key in deal_list.FACET_KEYS if key not in slow]

    def party_counts(self) -> dict[int, int]:
        """Live deals per party (entity id), from the kept counts."""
        return facet_counts.party_counts(self.db)

    def sector_counts(self) -> dict[str, int]:
        """Live deals per sector name, from the kept counts."""
        return facet_counts.value_counts(self.db, "sector")

    # Insights: aggregates over the deals a query lists (core/insights.py bundles them)

    def deal_flow(self, query: DealQuery, period: str) -> list[FlowRow]:
        """Count and US-dollar total per period ("month", "quarter", "year") and type, in time order."""
        return insights.flow(self.db, query, period)

    def breakdown(self, query: DealQuery, by: str) -> list[BreakdownRow]:
        """Count and US-dollar total per "type", "sector" or "country" (for now the deal's location)."""
        return insights.breakdown(self.db, query, by)

    def league(self, query: DealQuery, role: str = "", limit: int = 20, by: str = "count") -> list[LeagueRow]:
        """The most active parties in a role ("acquirer", "investor", "lender", "government", any party role,
        or "" for any), by deal count or ("value") by US-dollar total."""
        return insights.league(self.db, query, role, limit, by)

    # The party registry

    def entities(self) -> list[Entity]:
        return parties.entities(self.db)

    def entity_names(self) -> list[str]:
        return parties.entity_names(self.db)

    def entity(self, entity_id: int) -> Entity:
        return parties.entity(self.db, entity_id)

    def rename_entity(self, entity_id: int, name: str) -> Entity:
        """Rename a party everywhere; the old name stays an alias, so later imports map it here."""
        with self.db.atomic():
            deals = Journal.begin(self.db)
            before = parties.rename(self.db, entity_id, name)
            renamed = parties.entity(self.db, entity_id)
            rows.rewrite_party(self.db, entity_id, lambda p: parties.named(p, renamed.name, entity_id),
                               lambda deal_id: deals.keep_deal(self.db, deal_id))
        return parties.with_journal(parties.entity(self.db, entity_id), before, deals.dumps())

    def merge_entities(self, keep_id: int, drop_id: int) -> Entity:
        """Fold one party into another: spellings and deals move to `keep_id`; later imports follow."""
        with self.db.atomic():
            keep, drop, before = parties.begin_merge(self.db, keep_id, drop_id)
            deals = Journal.begin(self.db)
            rows.rewrite_party(self.db, drop_id, lambda p: parties.named(p, keep.name, keep_id),
                               lambda deal_id: deals.keep_deal(self.db, deal_id))
            parties.merge(self.db, keep, drop)
        return parties.with_journal(parties.entity(self.db, keep_id), before, deals.dumps())

    def add_alias(self, entity_id: int, alias: str) -> Entity:
        with self.db.atomic():
            deals = Journal.begin(self.db)
            before = parties.add_alias(self.db, entity_id, alias)
        return parties.with_journal(parties.entity(self.db, entity_id), before, deals.dumps())

    def remove_alias(self, entity_id: int, alias: str) -> Entity:
        with self.db.atomic():
            deals = Journal.begin(self.db)
            before = parties.remove_alias(self.db, entity_id, alias)
        return parties.with_journal(parties.entity(self.db, entity_id), before, deals.dumps())

    def undo_registry_edit(self, edited: Entity) -> None:
        """Take back a rename, merge or alias change, given the Entity it returned: registry and deals as before.

        Later changes to the same deals must have been taken back first, as with remove_import.
        """
        journal.revert_registry_edit(self.db, edited)

    # Watch lists (core/store/watches.py)

    def watches(self) -> list[Watch]:
        return watches.watches(self.db)

    def add_watch(self, kind: str, value: str) -> Watch:
        """Follow a party, sector, country, keyword or least US-dollar value ("500m"); WatchError if it cannot be."""
        with self.db.atomic():
            return watches.add_watch(self.db, kind, value)

    def remove_watch(self, watch_id: int) -> Watch:
        """Stop a watch and return it (restore_watch puts it back); WatchError when there is none."""
        with self.db.atomic():
            return watches.remove_watch(self.db, watch_id)

    def restore_watch(self, watch: Watch) -> Watch:
        with self.db.atomic():
            return watches.restore_watch(self.db, watch)

    def watched_deal_ids(self, deal_ids: Sequence[int] | None = None) -> dict[int, list[Watch]]:
        """Which of these deals (every live one when None) match which watches; deals matching none are left out."""
        return watches.watched_deal_ids(self.db, deal_ids)

    def watch_counts(self) -> dict[int, int]:
        """How many live deals each watch matches, by watch id."""
        return watches.watch_counts(self.db)

    # Feeds and the inbox (core.feeds polls; core/store/feeds.py holds the SQL)

    def feeds(self) -> list[Feed]:
        return feed_rows.feeds(self.db)

    def feed(self, feed_id: int) -> Feed:  # KeyError if there is none
        return feed_rows.feed(self.db, feed_id)

    def feed_by_url(self, url: str) -> Feed | None:
        return feed_rows.feed_by_url(self.db, url)

    def add_feed(self, feed: Feed) -> Feed:  # InputError for an address subscribed already; a given id is kept
        return feed_rows.add_feed(self.db, feed)

    def update_feed(self, feed: Feed) -> Feed:
        """A person's settings: name, interval, enabled and keywords; the poll state stays the poller's."""
        return feed_rows.update_settings(self.db, feed)

    def record_poll(self, feed: Feed) -> Feed:  # how a poll went (etag, times, error, back-off); settings stay
        return feed_rows.record_poll(self.db, feed)

    def remove_feed(self, feed_id: int) -> RemovedFeed:
        """Unsubscribe in one transaction; the articles and deals it brought stay. restore_feed undoes it."""
        return feed_rows.remove_feed(self.db, feed_id)

    def restore_feed(self, removed: RemovedFeed) -> Feed:
        return feed_rows.restore_feed(self.db, removed)

    def feed_entries(self, feed_id: int) -> list[FeedEntry]:
        return feed_rows.feed_entries(self.db, feed_id)

    def feed_entry_known(self, feed_id: int, entry_key: str, link: str | None) -> bool:  # or any feed its link
        return feed_rows.entry_known(self.db, feed_id, entry_key, link)

    def article_with_url(self, url: str) -> int | None:
        return feed_rows.article_with_url(self.db, url)

    def add_feed_article(self, feed_id: int, entry_key: str, link: str | None, article: Article | None, *,
                         from_summary: bool = False, article_id: int | None = None) -> ImportOutcome:
        """Store a feed entry's article as an import does (same dedupe and merges, hand edits kept) and record
        the entry, in one transaction; its new deals wait in the inbox. Without an article only the entry is
        recorded, as the stored `article_id`'s."""
        return feed_rows.add_feed_article(self.db, feed_id, entry_key, link, article, from_summary=from_summary,
                                          article_id=article_id)

    def inbox_count(self) -> int:  # live deals from feeds that no one has accepted yet
        return feed_rows.inbox_count(self.db)

    def in_inbox(self, deal_ids: Sequence[int]) -> set[int]:
        return feed_rows.in_inbox(self.db, deal_ids)

    def accept_inbox(self, deal_ids: Sequence[int]) -> None:  # one transaction; return_to_inbox undoes it
        feed_rows.set_reviewed(self.db, deal_ids, True)

    def return_to_inbox(self, deal_ids: Sequence[int]) -> None:
        feed_rows.set_reviewed(self.db, deal_ids, False)

    # The sector registry (core/store/sectors.py): one name per sector, the others its spellings

    def sectors(self) -> list[Sector]:
        return sectors.sectors(self.db)

    def rename_sector(self, name: str, new: str) -> Sector:
        """Every deal naming the sector shows `new`; the old spelling stays, so later imports map it here."""
        return self._sector_edit(name, new.strip(), lambda: sectors.rename(self.db, name, new))

    def merge_sectors(self, keep: str, drop: str) -> Sector:
        """Synonyms: `drop`'s spellings and deals move to `keep`, and later imports follow."""
        return self._sector_edit(drop, keep, lambda: sectors.merge(self.db, keep, drop))

    def _sector_edit(self, old: str, new: str, edit: Callable[[], None]) -> Sector:
        with self.db.atomic():
            deals = Journal.begin(self.db)
            before, norms = sectors.snapshot(self.db), sectors.spellings(self.db, old)
            edit()
            sectors.rewrite_deals(self.db, norms, new, lambda deal_id: deals.keep_deal(self.db, deal_id))
        return sectors.with_journal(sectors.sector(self.db, new), before, deals.dumps())

    def undo_sector_edit(self, edited: Sector) -> None:
        """Take back a rename_sector or merge_sectors, given the Sector it returned; later changes undone first."""
        journal.revert_sector_edit(self.db, edited)
