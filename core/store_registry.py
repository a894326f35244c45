"""The party registry: folding names to one spelling and resolving parties and people to stored rows."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from core.model import Party, PartyKind
from core.names import fold_name

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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


def _add_alias(db: Database, entity_id: int, spelling: str) -> None:
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
                _add_alias(db, party.entity_id, alias)
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
        _add_alias(db, entity_id, spelling)
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
