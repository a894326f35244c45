"""A person's edits to the party registry: renames, merges and spellings, carried into every deal that names the party.

Old spellings stay as aliases, so the next import that meets one maps it to the edited entry. Each edit
returns the entity with a journal of what it changed (the entries, their spellings, the deals it rewrote),
which undo_edit takes back exactly.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from core.errors import DealsError
from core.merge import remap_evidence
from core.model import Party
from core.store_deals import field_value, load_deals, write_children, write_evidence, write_history
from core.store_journal import Journal, revert
from core.store_registry import Entity, normalize_name, now, parse_kind


def entity(db: Database, entity_id: int) -> Entity:
    row = db.execute("SELECT id, name, kind, country FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise KeyError(f"no entity {entity_id}")
    aliases = tuple(a for (a,) in db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY id", [entity_id])
                    if a != row[1])
    return Entity(row[0], row[1], parse_kind(row[2]), row[3], aliases)


def _owner(db: Database, spelling: str) -> int | None:
    row = db.execute("SELECT entity_id FROM aliases WHERE norm = ?", [normalize_name(spelling)]).fetchone()
    return None if row is None else int(row[0])


def _clash(db: Database, spelling: str, entity_id: int) -> None:
    owner = _owner(db, spelling)
    if owner is not None and owner != entity_id:
        other = entity(db, owner).name
        raise DealsError(f"“{spelling.strip()}” already names {other}; merge the two parties instead.")


def add_alias(db: Database, entity_id: int, alias: str) -> Entity:
    if not alias.strip():
        raise DealsError("A party's other name cannot be empty.")
    with db.atomic():
        entity(db, entity_id)
        _clash(db, alias, entity_id)
        journal = _Edit.begin(db, [entity_id])
        db.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
            [entity_id, alias.strip(), normalize_name(alias)],
        )
    return journal.done(entity(db, entity_id))


def remove_alias(db: Database, entity_id: int, alias: str) -> Entity:
    with db.atomic():
        current = entity(db, entity_id)
        if normalize_name(alias) == normalize_name(current.name):
            raise DealsError(f"“{alias.strip()}” is how {current.name} is named; rename the party instead.")
        journal = _Edit.begin(db, [entity_id])
        db.execute("DELETE FROM aliases WHERE entity_id = ? AND norm = ?", [entity_id, normalize_name(alias)])
    return journal.done(entity(db, entity_id))


def rename_entity(db: Database, entity_id: int, name: str) -> Entity:
    """Give a registry entry a new name; its deals show it, and the old name stays as an alias."""
    name = name.strip()
    if not name:
        raise DealsError("A party's name cannot be empty.")
    with db.atomic():
        entity(db, entity_id)
        _clash(db, name, entity_id)
        journal = _Edit.begin(db, [entity_id])
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
        db.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
            [entity_id, name, normalize_name(name)],
        )
        _rewrite_deals(db, entity_id, lambda p: _named(p, name, entity_id), journal.deals)
    return journal.done(entity(db, entity_id))


def merge_entities(db: Database, keep_id: int, drop_id: int) -> Entity:
    """Make two registry entries one: `drop_id`'s spellings and deals move to `keep_id`, and it is removed."""
    if keep_id == drop_id:
        raise DealsError("A party cannot be merged with itself.")
    with db.atomic():
        keep, drop = entity(db, keep_id), entity(db, drop_id)
        journal = _Edit.begin(db, [keep_id, drop_id])
        _rewrite_deals(db, drop_id, lambda p: _named(p, keep.name, keep_id), journal.deals)
        db.execute("UPDATE aliases SET entity_id = ? WHERE entity_id = ?", [keep_id, drop_id])
        db.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
            [keep_id, drop.name, normalize_name(drop.name)],
        )
        if keep.country is None and drop.country is not None:
            db.execute("UPDATE entities SET country = ? WHERE id = ?", [drop.country, keep_id])
        db.execute("DELETE FROM entities WHERE id = ?", [drop_id])
    return journal.done(entity(db, keep_id))


def undo_edit(db: Database, edited: Entity) -> None:
    """Take back the registry edit that returned `edited`: entries, spellings and deals as they were before it.

    As with an import, later changes to the same deals must have been taken back first.
    """
    if not edited.journal:
        raise ValueError("this entity did not come from a registry edit")
    data = json.loads(edited.journal)
    ids = data["ids"]
    marks = ", ".join("?" * len(ids))
    with db.atomic():
        # Entries first: restored deals and spellings point at them, and a merge removed one.
        columns, rows = data["entities"]
        for row in rows:
            values = dict(zip(columns, row))
            if db.execute("SELECT 1 FROM entities WHERE id = ?", [values["id"]]).fetchone():
                db.execute(f"UPDATE entities SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                           [*row, values["id"]])
            else:
                db.execute(f"INSERT INTO entities ({', '.join(columns)}) VALUES ({', '.join('?' * len(row))})", row)
        db.execute(f"DELETE FROM aliases WHERE entity_id IN ({marks})", ids)
        columns, rows = data["aliases"]
        for row in rows:
            db.execute(f"INSERT INTO aliases ({', '.join(columns)}) VALUES ({', '.join('?' * len(row))})", row)
        revert(db, Journal.loads(data["deals"]))


@dataclasses.dataclass
class _Edit:
    """Copies of the entries and spellings an edit is about, and a journal of the deals it rewrites."""

    ids: list[int]
    entities: tuple[list[str], list[list[Any]]]
    aliases: tuple[list[str], list[list[Any]]]
    deals: Journal

    @classmethod
    def begin(cls, db: Database, ids: Sequence[int]) -> _Edit:
        marks = ", ".join("?" * len(ids))
        return cls(list(ids), _rows(db, f"SELECT * FROM entities WHERE id IN ({marks}) ORDER BY id", ids),
                   _rows(db, f"SELECT * FROM aliases WHERE entity_id IN ({marks}) ORDER BY id", ids),
                   Journal.begin(db))

    def done(self, edited: Entity) -> Entity:
        text = json.dumps({"ids": self.ids, "entities": self.entities, "aliases": self.aliases,
                           "deals": self.deals.dumps()})
        return dataclasses.replace(edited, journal=text)


def _rows(db: Database, sql: str, params: Sequence[Any]) -> tuple[list[str], list[list[Any]]]:
    cursor = db.execute(sql, list(params))
    return [d[0] for d in cursor.description], [list(row) for row in cursor.fetchall()]


def _named(party: Party, name: str, entity_id: int) -> Party:
    return Party(name, party.kind, party.role, (), party.country, entity_id)


def _rewrite_deals(db: Database, entity_id: int, change: Callable[[Party], Party], journal: Journal) -> None:
    """Apply `change` to the entity's party in each deal naming it; a party named twice becomes one.

    Each deal is copied into `journal` before it is written.
    """
    ids = [r[0] for r in db.execute("SELECT DISTINCT deal_id FROM deal_parties WHERE entity_id = ?", [entity_id])]
    at = now()
    for deal_id, deal in load_deals(db, ids).items():
        renamed = deal.replace(parties=tuple(change(p) if p.entity_id == entity_id else p for p in deal.parties))
        parties: list[Party] = []
        for party in renamed.parties:
            if all(p.entity_id != party.entity_id for p in parties):
                parties.append(party)
        after = deal.replace(parties=tuple(parties))
        if field_value(after, "parties") == field_value(deal, "parties") and len(parties) == len(deal.parties):
            continue
        # The registry is the person's edit here; the deal's own `edited` stays, so a re-parse, which
        # reads the same registry, still updates the deal.
        journal.keep_deal(db, deal_id)
        write_children(db, deal_id, after, {"parties"}, "parser")
        db.execute(
            "UPDATE deals SET parties_text = ?, updated_at = ? WHERE id = ?",
            [", ".join(p.name for p in after.parties), at, deal_id],
        )
        if len(parties) != len(deal.parties):
            write_evidence(db, deal_id, remap_evidence(deal.evidence, renamed, after))
        write_history(db, deal_id, at, "person",
                      [("parties", field_value(deal, "parties"), field_value(after, "parties"))])
