"""What happened to deals: their history rows, and journals that take back an import, a re-parse or a registry edit."""

# An import's or a re-parse's journal is begun inside the change's transaction. It notes the highest
# row id of each table whose rows a change only ever adds, and keeps a copy of every deal and registry
# entry before the change first touches it. Reverting it leaves the tables exactly as they were before (the
# full-text index is kept in step by its triggers), provided nothing else has since been stacked on
# the same deals: undo comes in reverse order.

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from core.store import sectors
from core.store.parties import Entity, Snapshot
from core.store.rows import write_sources

# Rows a deal owns, restored wholesale from the copy. Not `not_same`: a person's "not the same deal"
# outlives the import it was about, so that importing the article again keeps them apart.
_DEAL_TABLES = (
    "deal_parties", "amounts", "commitments", "deal_people", "deal_sources", "evidence", "field_values",
)
# Tables an import or re-parse only adds rows to: rows above the noted id are its own.
_GROWING = ("entities", "aliases", "people", "history", "sectors")

Rows = list[list[Any]]


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


def history(db: Database, deal_id: int) -> list[HistoryEntry]:
    rows = db.execute(
        'SELECT id, deal_id, at, field, old, new, "by" FROM history WHERE deal_id = ? ORDER BY id',
        [deal_id],
    )
    return [
        HistoryEntry(r[0], r[1], r[2], r[3], _loads(r[4]), _loads(r[5]), r[6]) for r in rows
    ]


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@dataclass
class Journal:
    """What one import or re-parse did; `article_id` is the article it stored (removed on revert) or re-read."""

    article_id: int | None = None
    remove_article: bool = False
    high: dict[str, int] = field(default_factory=dict)
    added: list[int] = field(default_factory=list)
    deals: dict[int, dict[str, tuple[list[str], Rows]]] = field(default_factory=dict)
    entities: dict[int, list[Any]] = field(default_factory=dict)

    @classmethod
    def begin(cls, db: Database) -> Journal:
        high = {t: int(db.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in _GROWING}
        return cls(high=high)

    def keep_deal(self, db: Database, deal_id: int) -> None:
        """Copy a stored deal's rows before the first change to it."""
        if deal_id in self.deals or deal_id in self.added:
            return
        copy = {"deals": _rows(db, "deals", "id", deal_id)}
        for table in _DEAL_TABLES:
            copy[table] = _rows(db, table, "deal_id", deal_id)
        self.deals[deal_id] = copy

    def keep_entities(self, db: Database, ids: list[int]) -> None:
        for entity_id in ids:
            if entity_id in self.entities or entity_id > self.high["entities"]:
                continue
            row = db.execute("SELECT kind, country FROM entities WHERE id = ?", [entity_id]).fetchone()
            if row is not None:
                self.entities[entity_id] = list(row)

    def dumps(self) -> str:
        return json.dumps({
            "article_id": self.article_id, "remove_article": self.remove_article, "high": self.high,
            "added": self.added, "deals": {str(k): v for k, v in self.deals.items()},
            "entities": {str(k): v for k, v in self.entities.items()},
        })

    @classmethod
    def loads(cls, text: str) -> Journal:
        data = json.loads(text)
        return cls(
            article_id=data["article_id"], remove_article=data["remove_article"], high=data["high"],
            added=data["added"],
            deals={int(k): {t: (c, r) for t, (c, r) in v.items()} for k, v in data["deals"].items()},
            entities={int(k): v for k, v in data["entities"].items()},
        )


def _rows(db: Database, table: str, key: str, value: int) -> tuple[list[str], Rows]:
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY rowid", [value])
    return [d[0] for d in cursor.description], [list(row) for row in cursor.fetchall()]


def _sources(db: Database, deal_id: int) -> set[int]:
    return {r[0] for r in db.execute("SELECT article_id FROM deal_sources WHERE deal_id = ?", [deal_id])}


def revert(db: Database, journal: Journal) -> None:
    """Undo what the journal recorded; the caller holds the transaction."""
    article = journal.article_id
    for deal_id in journal.added:
        if _sources(db, deal_id) - {article}:
            # Another article joined this deal since: keep the deal for it, drop only this source.
            _drop_source(db, deal_id, article)
        else:
            db.execute("DELETE FROM deals WHERE id = ?", [deal_id])
    for deal_id, copy in journal.deals.items():
        before = {row[copy["deal_sources"][0].index("article_id")] for row in copy["deal_sources"][1]}
        if _sources(db, deal_id) - before - {article}:
            _drop_source(db, deal_id, article)
            continue
        _restore(db, deal_id, copy)
        db.execute("DELETE FROM history WHERE deal_id = ? AND id > ?", [deal_id, journal.high["history"]])
    for entity_id, (kind, country) in journal.entities.items():
        db.execute("UPDATE entities SET kind = ?, country = ? WHERE id = ?", [kind, country, entity_id])
    db.execute(
        "DELETE FROM entities WHERE id > ? AND id NOT IN (SELECT entity_id FROM deal_parties)",
        [journal.high["entities"]],
    )
    db.execute("DELETE FROM aliases WHERE id > ? AND entity_id <= ?",
               [journal.high["aliases"], journal.high["entities"]])
    db.execute(
        "DELETE FROM people WHERE id > ? AND id NOT IN (SELECT person_id FROM deal_people)",
        [journal.high["people"]],
    )
    # Sector spellings it brought: anything later that named them has been taken back first.
    if "sectors" in journal.high:
        db.execute("DELETE FROM sectors WHERE id > ?", [journal.high["sectors"]])
    if journal.remove_article and article is not None:
        for (deal_id,) in db.execute("SELECT deal_id FROM deal_sources WHERE article_id = ?", [article]).fetchall():
            # A deal split off later from this article's source: it goes with the article.
            if _sources(db, deal_id) == {article}:
                db.execute("DELETE FROM deals WHERE id = ?", [deal_id])
            else:
                _drop_source(db, deal_id, article)
        db.execute("DELETE FROM articles WHERE id = ?", [article])


def _drop_source(db: Database, deal_id: int, article_id: int | None) -> None:
    if article_id is None:
        return
    write_sources(db, deal_id, sorted(_sources(db, deal_id) - {article_id}))
    db.execute("DELETE FROM evidence WHERE deal_id = ? AND article_id = ?", [deal_id, article_id])
    db.execute("DELETE FROM field_values WHERE deal_id = ? AND article_id = ?", [deal_id, article_id])


def _restore(db: Database, deal_id: int, copy: dict[str, tuple[list[str], Rows]]) -> None:
    columns, rows = copy["deals"]
    if not rows:
        return
    values = dict(zip(columns, rows[0]))
    values.pop("id")
    assignments = ", ".join(f'"{c}" = ?' for c in values)
    db.execute(f"UPDATE deals SET {assignments} WHERE id = ?", [*values.values(), deal_id])
    for table in _DEAL_TABLES:
        columns, rows = copy[table]
        db.execute(f"DELETE FROM {table} WHERE deal_id = ?", [deal_id])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        for row in rows:
            db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)


def revert_registry_edit(db: Database, edited: Entity) -> None:
    """Take back the registry edit that returned `edited`: entries, spellings and deals as they were before it.

    As with an import, later changes to the same deals must have been taken back first.
    """
    if not edited.journal:
        raise ValueError("this entity did not come from a registry edit")
    data = json.loads(edited.journal)
    with db.atomic():
        Snapshot.from_json(data).restore(db)
        revert(db, Journal.loads(data["deals"]))


def revert_sector_edit(db: Database, edited: sectors.Sector) -> None:
    """Take back the sector rename or merge that returned `edited`: the registry and its deals as before."""
    if not edited.journal:
        raise ValueError("this sector did not come from a registry edit")
    data = json.loads(edited.journal)
    with db.atomic():
        sectors.restore(db, data)
        revert(db, Journal.loads(data["deals"]))
