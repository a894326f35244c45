"""The party registry: entities and their spellings, resolving parties and people to them, a person's edits."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from core.errors import DealsError
from core.model import Party, PartyKind
from core.names import fold_name
from core.store.schema import now

# Dots and apostrophes vanish ("N.V." -> "nv", "McDonald's" -> "mcdonalds"); other punctuation splits words.
_DELETED = re.compile(r"[.'’`]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class Entity:
    """One organisation, government or fund in the registry, with every spelling that maps to it."""

    id: int
    name: str
    kind: PartyKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    # Set on the entity a registry edit returns: what Store.undo_registry_edit needs; opaque to everyone else.
    journal: str = field(default="", compare=False, repr=False)


def _fold(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _DELETED.sub("", plain.replace("&", " and "))
    return _PUNCTUATION.sub(" ", plain).split()


def normalize_name(name: str) -> str:
    """The registry's key for a spelling: the program's one name fold, so the parser's keys match."""
    return fold_name(name)


def normalize_person(name: str) -> str:
    return " ".join(_fold(name)) or name.casefold().strip()


def find_entity(db: Database, spellings: tuple[str, ...]) -> int | None:
    """The entity that any of these spellings already maps to, trying them in order."""
    for spelling in spellings:
        norm = normalize_name(spelling)
        row = db.execute("SELECT entity_id FROM aliases WHERE norm = ?", [norm]).fetchone()
        if row is not None:
            return int(row[0])
    return None


def _add_spelling(db: Database, entity_id: int, spelling: str) -> None:
    if spelling.strip():
        db.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
            [entity_id, spelling.strip(), normalize_name(spelling)],
        )


def resolve_party(db: Database, party: Party, by: str) -> int:
    """The entity id for a party: its own entity_id if set, else a known spelling, else a new entity."""
    if party.entity_id is not None:
        row = db.execute(
            "SELECT kind, country FROM entities WHERE id = ?", [party.entity_id]
        ).fetchone()
        if row is not None:
            # A person correcting kind or country corrects the registry for every deal;
            # the parser only fills a country the registry lacks.
            kind = str(party.kind) if by == "person" else row[0]
            country = party.country if party.country and (by == "person" or row[1] is None) else row[1]
            if (kind, country) != (row[0], row[1]):
                db.execute(
                    "UPDATE entities SET kind = ?, country = ? WHERE id = ?",
                    [kind, country, party.entity_id],
                )
            for alias in party.aliases:
                _add_spelling(db, party.entity_id, alias)
            return party.entity_id
    entity_id = find_entity(db, (party.name, *party.aliases))
    if entity_id is None:
        cursor = db.execute(
            "INSERT INTO entities (name, kind, country, created_at) VALUES (?, ?, ?, ?)",
            [party.name.strip(), str(party.kind), party.country, now()],
        )
        entity_id = int(cursor.lastrowid or 0)
    elif party.country:
        db.execute(
            "UPDATE entities SET country = ? WHERE id = ? AND country IS NULL",
            [party.country, entity_id],
        )
    for spelling in (party.name, *party.aliases):
        _add_spelling(db, entity_id, spelling)
    return entity_id


def resolve_person(db: Database, name: str) -> int:
    norm = normalize_person(name)
    row = db.execute("SELECT id FROM people WHERE norm = ?", [norm]).fetchone()
    if row is not None:
        return int(row[0])
    cursor = db.execute("INSERT INTO people (name, norm) VALUES (?, ?)", [name.strip(), norm])
    return int(cursor.lastrowid or 0)


def entities(db: Database) -> list[Entity]:
    aliases: dict[int, list[str]] = {}
    for entity_id, alias in db.execute("SELECT entity_id, alias FROM aliases ORDER BY id"):
        aliases.setdefault(entity_id, []).append(alias)
    result = []
    for entity_id, name, kind, country in db.execute(
        "SELECT id, name, kind, country FROM entities ORDER BY name COLLATE NOCASE, id"
    ):
        others = tuple(a for a in aliases.get(entity_id, ()) if a != name)
        result.append(Entity(entity_id, name, parse_kind(kind), country, others))
    return result


def entity_names(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT name FROM entities UNION SELECT alias FROM aliases ORDER BY 1 COLLATE NOCASE"
    )
    return [name for (name,) in rows]


def parse_kind(value: str) -> PartyKind:
    try:
        return PartyKind(value)
    except ValueError:
        return PartyKind.ORGANIZATION


def entity(db: Database, entity_id: int) -> Entity:
    row = db.execute("SELECT id, name, kind, country FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise KeyError(f"no entity {entity_id}")
    aliases = tuple(a for (a,) in db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY id", [entity_id])
                    if a != row[1])
    return Entity(row[0], row[1], parse_kind(row[2]), row[3], aliases)


# A person's edits. Old spellings stay as aliases, so the next import that meets one maps it to the
# edited entry. Each edit changes the registry's rows only (the caller holds the transaction and
# rewrites the deals that name the party) and returns a Snapshot of the rows as they were.


@dataclass(frozen=True)
class Snapshot:
    """Copies of some entities' rows and their spellings' rows, to put back on undo."""

    ids: list[int]
    entities: tuple[list[str], list[list[Any]]]
    aliases: tuple[list[str], list[list[Any]]]

    @classmethod
    def take(cls, db: Database, ids: Sequence[int]) -> Snapshot:
        marks = ", ".join("?" * len(ids))
        return cls(list(ids), _rows(db, f"SELECT * FROM entities WHERE id IN ({marks}) ORDER BY id", ids),
                   _rows(db, f"SELECT * FROM aliases WHERE entity_id IN ({marks}) ORDER BY id", ids))

    def restore(self, db: Database) -> None:
        """Put the rows back; the caller holds the transaction."""
        marks = ", ".join("?" * len(self.ids))
        # Entries first: restored deals and spellings point at them, and a merge removed one.
        columns, rows = self.entities
        for row in rows:
            values = dict(zip(columns, row))
            if db.execute("SELECT 1 FROM entities WHERE id = ?", [values["id"]]).fetchone():
                db.execute(f"UPDATE entities SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                           [*row, values["id"]])
            else:
                db.execute(f"INSERT INTO entities ({', '.join(columns)}) VALUES ({', '.join('?' * len(row))})", row)
        db.execute(f"DELETE FROM aliases WHERE entity_id IN ({marks})", self.ids)
        columns, rows = self.aliases
        for row in rows:
            db.execute(f"INSERT INTO aliases ({', '.join(columns)}) VALUES ({', '.join('?' * len(row))})", row)

    def to_json(self) -> dict[str, Any]:
        return {"ids": self.ids, "entities": self.entities, "aliases": self.aliases}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        return cls(data["ids"], tuple(data["entities"]), tuple(data["aliases"]))  # type: ignore[arg-type]


def _rows(db: Database, sql: str, params: Sequence[Any]) -> tuple[list[str], list[list[Any]]]:
    cursor = db.execute(sql, list(params))
    return [d[0] for d in cursor.description], [list(row) for row in cursor.fetchall()]


def _owner(db: Database, spelling: str) -> int | None:
    row = db.execute("SELECT entity_id FROM aliases WHERE norm = ?", [normalize_name(spelling)]).fetchone()
    return None if row is None else int(row[0])


def _clash(db: Database, spelling: str, entity_id: int) -> None:
    owner = _owner(db, spelling)
    if owner is not None and owner != entity_id:
        other = entity(db, owner).name
        raise DealsError(f"“{spelling.strip()}” already names {other}; merge the two parties instead.")


def add_alias(db: Database, entity_id: int, alias: str) -> Snapshot:
    if not alias.strip():
        raise DealsError("A party's other name cannot be empty.")
    entity(db, entity_id)
    _clash(db, alias, entity_id)
    before = Snapshot.take(db, [entity_id])
    db.execute(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
        [entity_id, alias.strip(), normalize_name(alias)],
    )
    return before


def remove_alias(db: Database, entity_id: int, alias: str) -> Snapshot:
    current = entity(db, entity_id)
    if normalize_name(alias) == normalize_name(current.name):
        raise DealsError(f"“{alias.strip()}” is how {current.name} is named; rename the party instead.")
    before = Snapshot.take(db, [entity_id])
    db.execute("DELETE FROM aliases WHERE entity_id = ? AND norm = ?", [entity_id, normalize_name(alias)])
    return before


def rename(db: Database, entity_id: int, name: str) -> Snapshot:
    """Give a registry entry a new name; the old name stays as an alias."""
    name = name.strip()
    if not name:
        raise DealsError("A party's name cannot be empty.")
    entity(db, entity_id)
    _clash(db, name, entity_id)
    before = Snapshot.take(db, [entity_id])
    db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
    db.execute(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
        [entity_id, name, normalize_name(name)],
    )
    return before


def begin_merge(db: Database, keep_id: int, drop_id: int) -> tuple[Entity, Entity, Snapshot]:
    """The two entries a merge is about, and a snapshot of them; the caller then moves the deals and calls merge."""
    if keep_id == drop_id:
        raise DealsError("A party cannot be merged with itself.")
    keep, drop = entity(db, keep_id), entity(db, drop_id)
    return keep, drop, Snapshot.take(db, [keep_id, drop_id])


def merge(db: Database, keep: Entity, drop: Entity) -> None:
    """`drop`'s spellings move to `keep`, and `drop` is removed; its deals must name `keep` already."""
    db.execute("UPDATE aliases SET entity_id = ? WHERE entity_id = ?", [keep.id, drop.id])
    db.execute(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
        [keep.id, drop.name, normalize_name(drop.name)],
    )
    if keep.country is None and drop.country is not None:
        db.execute("UPDATE entities SET country = ? WHERE id = ?", [drop.country, keep.id])
    db.execute("DELETE FROM entities WHERE id = ?", [drop.id])


def named(party: Party, name: str, entity_id: int) -> Party:
    """A deal's party as a registry edit leaves it: the entry's name, no other spellings of its own."""
    return Party(name, party.kind, party.role, (), party.country, entity_id)


def with_journal(edited: Entity, before: Snapshot, deals: str) -> Entity:
    """The entity an edit returns, carrying what undo needs: the snapshot and the deals' journal (text)."""
    return dataclasses.replace(edited, journal=json.dumps({**before.to_json(), "deals": deals}))
