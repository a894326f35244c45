"""The deal store: the one gateway to the SQLite file, speaking only core.model dataclasses."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from core import migrations, store_entities, store_import, store_merge, store_query
from core.errors import DatabaseError
from core.model import Article, Deal, DealQuery, ImportOutcome, ReparseOutcome
from core.store_deals import (
    ARTICLE_COLUMNS, CHILD_FIELDS, article_from_row, changed_fields, deal_columns, field_value,
    filled_fields, load_deals, source_ids, to_json, write_children, write_evidence, write_history,
    write_sources,
)
from core.store_query import DealRow
from core.store_file import open_database
from core.store_registry import Entity, entities, entity_names, normalize_name, now

__all__ = ["DealRow", "Entity", "HistoryEntry", "Store", "normalize_name", "normalize_text", "text_hash"]


@dataclass(frozen=True)
class HistoryEntry:
    """One change to one field of a deal; old and new are the JSON values history stores, decoded."""

    id: int
    deal_id: int
    at: str
    field: str
    old: Any
    new: Any
    by: str  # "person" or "parser"


def normalize_text(text: str) -> str:
    return " ".join(text.casefold().split())


def text_hash(text: str) -> str:
    """The identity of an article: the same words in any case or spacing are the same article."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


class Store:
    """One deals database. The thread that opens it owns it; every multi-row write is one transaction."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        migrations.apply(db, str(path) if path else "The in-memory database")

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        """Open or create a database file; a file that is not ours is refused and left as it was."""
        path = Path(path)
        db = open_database(path)
        try:
            return cls(db, path)
        except sqlite3.Error as exc:
            db.close()
            raise DatabaseError(f"Could not open {path}: {exc}.") from exc
        except BaseException:
            db.close()
            raise

    @classmethod
    def in_memory(cls) -> Store:
        db = Database(memory=True)
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

        With `merge`, a deal that a stored deal already reports joins it as a new source (see core.merge).
        """
        return store_import.add_article(self, article, text_hash(article.text), merge=merge)

    def remove_import(self, outcome: ImportOutcome) -> None:
        """Take back an add_article: its article, its new deals and what it merged into others, in one transaction.

        The tables end as they were before it, if later changes to the same deals were taken back first.
        Redo is add_article again with the same Article.
        """
        if not outcome.already_imported:
            store_import.take_back(self, outcome.journal)

    def apply_reparse(self, article_id: int, deals: Sequence[Deal]) -> ReparseOutcome:
        """Lay a new parse of a stored article over its deals; fields a person edited stay as they are."""
        return store_import.apply_reparse(self, article_id, deals)

    def undo_reparse(self, outcome: ReparseOutcome) -> None:
        store_import.take_back(self, outcome.journal)

    def deals_for_article(self, article_id: int) -> list[int]:
        """The deals that cite an article, in the trash or not."""
        return store_merge.deal_ids_citing(self.db, article_id)

    def field_alternatives(self, deal_id: int) -> dict[str, list[tuple[Any, int | None]]]:
        """Per field its sources disagree on: each source's value and article id (None: a person's value).

        Values: type a DealType, date an (ISO date, Precision or None) pair, amounts a tuple of Amount,
        location a str. The deal itself holds the first value unless a person chose another.
        """
        return store_merge.field_alternatives(self.db, deal_id)

    def choose_value(self, deal_id: int, field: str, value: Any) -> Deal:
        """A person's choice among a field's values (in field_alternatives' form): an edit like any other."""
        return store_merge.choose_value(self, deal_id, field, value)

    def split_deal(self, deal_id: int, article_id: int) -> Deal:
        """Not the same deal: move one source, and what it brought, into a new deal, and never merge them again."""
        with self.db.atomic():
            new_id = store_merge.split_deal(self, deal_id, article_id)
        return self.deal(new_id)

    def undo_split(self, deal_id: int, split_id: int) -> Deal:
        """Undo of split_deal: the split-off deal's sources join `deal_id` again, and it is removed."""
        with self.db.atomic():
            store_merge.undo_split(self, deal_id, split_id)
        return self.deal(deal_id)

    def article(self, article_id: int) -> Article:
        row = self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        return article_from_row(row)

    def articles_for_deal(self, deal_id: int) -> list[Article]:
        columns = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS.split(", "))
        rows = self.db.execute(
            f"SELECT {columns} FROM deal_sources s JOIN articles a ON a.id = s.article_id "
            "WHERE s.deal_id = ? ORDER BY a.id",
            [deal_id],
        )
        return [article_from_row(row) for row in rows]

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # Deals

    def deal(self, deal_id: int) -> Deal:
        """Everything about one deal, sources and evidence included; KeyError if there is no such deal."""
        found = load_deals(self.db, [deal_id])
        if deal_id not in found:
            raise KeyError(f"no deal {deal_id}")
        return found[deal_id]

    def add_deal(self, deal: Deal, by: str = "person") -> Deal:
        with self.db.atomic():
            deal_id = self._insert_deal(deal, by)
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
        with self.db.atomic():
            stored = self.deal(deal.id)
            changed = [
                f for f in changed_fields(stored, deal) if by == "person" or f not in stored.edited
            ]
            sources = source_ids(deal)
            sources_changed = sources != source_ids(stored)
            evidence_changed = to_json(deal.evidence) != to_json(stored.evidence)
            new_edited = stored.edited | set(changed) if by == "person" else stored.edited
            if edited is not None:
                new_edited = frozenset(edited)
            edited_changed = new_edited != stored.edited
            if not (changed or sources_changed or evidence_changed or edited_changed):
                return stored
            at = now()
            new_columns = deal_columns(deal)
            columns = {k: v for k, v in new_columns.items() if k in changed}
            if "parties" in changed:
                columns["parties_text"] = new_columns["parties_text"]
            if "amounts" in changed:
                for key in ("value", "currency", "usd_value", "sort_value"):
                    columns[key] = new_columns[key]
            columns["updated_at"] = at
            if edited_changed:
                columns["edited"] = json.dumps(sorted(new_edited))
            self._update_deal(deal.id, columns)
            write_children(self.db, deal.id, deal, CHILD_FIELDS.intersection(changed), by)
            history = [(f, field_value(stored, f), field_value(deal, f)) for f in changed]
            if edited is not None and edited_changed:
                history.append(("edited", sorted(stored.edited), sorted(new_edited)))
            if sources_changed:
                # Merging deals moves sources; they are provenance, so they never join `edited`.
                write_sources(self.db, deal.id, sources)
                history.append(("sources", source_ids(stored), sources))
            if evidence_changed:
                write_evidence(self.db, deal.id, deal.evidence)
            write_history(self.db, deal.id, at, by, history)
        return self.deal(deal.id)

    def delete_deal(self, deal_id: int) -> None:
        """Move a deal to the trash; restore_deal brings it back."""
        self._set_deleted(deal_id, now())

    def restore_deal(self, deal_id: int) -> None:
        self._set_deleted(deal_id, None)

    def history(self, deal_id: int) -> list[HistoryEntry]:
        rows = self.db.execute(
            'SELECT id, deal_id, at, field, old, new, "by" FROM history WHERE deal_id = ? ORDER BY id',
            [deal_id],
        )
        return [
            HistoryEntry(r[0], r[1], r[2], r[3], _loads(r[4]), _loads(r[5]), r[6]) for r in rows
        ]

    def iter_deals(self, query: DealQuery | None = None) -> Iterator[Deal]:
        """Every deal the query matches, in its order, loaded a page at a time."""
        cursor = store_query.ids_cursor(self.db, query or DealQuery())
        while page := [row[0] for row in cursor.fetchmany(200)]:
            deals = load_deals(self.db, page)
            yield from (deals[i] for i in page if i in deals)

    # The deal list

    def count_deals(self, query: DealQuery) -> int:
        return store_query.count_deals(self.db, query)

    def deal_ids(self, query: DealQuery, offset: int, limit: int) -> list[int]:
        return store_query.deal_ids(self.db, query, offset, limit)

    def deal_rows(self, ids: Sequence[int]) -> dict[int, DealRow]:
        return store_query.deal_rows(self.db, ids)

    def facets(self, query: DealQuery) -> dict[str, list[tuple[str, int]]]:
        """Value counts for type, status, sector, year, country, party (entity name) and review ("yes")."""
        return store_query.facets(self.db, query)

    # The party registry

    def entities(self) -> list[Entity]:
        return entities(self.db)

    def entity_names(self) -> list[str]:
        return entity_names(self.db)

    def entity(self, entity_id: int) -> Entity:
        return store_entities.entity(self.db, entity_id)

    def rename_entity(self, entity_id: int, name: str) -> Entity:
        """Rename a party everywhere; the old name stays an alias, so later imports map it here."""
        return store_entities.rename_entity(self.db, entity_id, name)

    def merge_entities(self, keep_id: int, drop_id: int) -> Entity:
        """Fold one party into another: spellings and deals move to `keep_id`; later imports follow."""
        return store_entities.merge_entities(self.db, keep_id, drop_id)

    def add_alias(self, entity_id: int, alias: str) -> Entity:
        return store_entities.add_alias(self.db, entity_id, alias)

    def remove_alias(self, entity_id: int, alias: str) -> Entity:
        return store_entities.remove_alias(self.db, entity_id, alias)

    def undo_registry_edit(self, edited: Entity) -> None:
        """Take back a rename, merge or alias change, given the Entity it returned: registry and deals as before.

        Later changes to the same deals must have been taken back first, as with remove_import.
        """
        store_entities.undo_edit(self.db, edited)

    # Internals

    def _insert_deal(self, deal: Deal, by: str, article_id: int | None = None) -> int:
        at = now()
        filled = filled_fields(deal)
        sources = sorted({*source_ids(deal), *([article_id] if article_id is not None else [])})
        columns = deal_columns(deal) | {
            "edited": json.dumps(sorted(filled) if by == "person" else []),
            "created_at": at,
            "updated_at": at,
        }
        names = ", ".join(columns)
        deal_id = int(self.db.execute(
            f"INSERT INTO deals ({names}) VALUES ({', '.join('?' * len(columns))})", list(columns.values())
        ).lastrowid or 0)
        write_children(self.db, deal_id, deal, CHILD_FIELDS, by)
        write_sources(self.db, deal_id, sources)
        write_evidence(self.db, deal_id, deal.evidence, article_id)
        write_history(self.db, deal_id, at, by, ((f, None, field_value(deal, f)) for f in filled))
        return deal_id

    def _update_deal(self, deal_id: int, columns: dict[str, Any]) -> None:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.db.execute(f"UPDATE deals SET {assignments} WHERE id = ?", [*columns.values(), deal_id])

    def _set_deleted(self, deal_id: int, at: str | None) -> None:
        with self.db.atomic():
            row = self.db.execute("SELECT deleted_at FROM deals WHERE id = ?", [deal_id]).fetchone()
            if row is None:
                raise KeyError(f"no deal {deal_id}")
            if (row[0] is None) == (at is None):
                return
            self._update_deal(deal_id, {"deleted_at": at, "updated_at": now()})
            write_history(self.db, deal_id, now(), "person", [("deleted_at", row[0], at)])


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)
