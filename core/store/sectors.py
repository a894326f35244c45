"""The sector registry: every spelling of a sector mapped to the name deals show, and a person's renames and merges."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from core.errors import DealsError
from core.names import fold_name
from core.store.schema import now


@dataclass(frozen=True)
class Sector:
    """One sector as deals name it, with the other spellings that map to it."""

    name: str
    aliases: tuple[str, ...] = ()
    # Set on the sector a rename or merge returns: what Store.undo_sector_edit needs; opaque to everyone else.
    journal: str = field(default="", compare=False, repr=False)


def fold(name: str) -> str:
    """The registry's key for a spelling: "AI Infrastructure" and "ai infrastructure" are one sector."""
    return fold_name(name)


def resolve(db: Database, names: Sequence[str]) -> tuple[str, ...]:
    """The names deals store for these spellings: a known spelling maps to its sector, a new one joins the
    registry as a sector of its own. Two spellings of one sector become one entry."""
    resolved: list[str] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        row = db.execute("SELECT name FROM sectors WHERE norm = ?", [fold(name)]).fetchone()
        if row is None:
            db.execute("INSERT INTO sectors (name, alias, norm) VALUES (?, ?, ?)", [name, name, fold(name)])
        canonical = name if row is None else str(row[0])
        if canonical not in resolved:
            resolved.append(canonical)
    return tuple(resolved)


def sectors(db: Database) -> list[Sector]:
    spellings: dict[str, list[str]] = {}
    for name, alias in db.execute("SELECT name, alias FROM sectors ORDER BY id"):
        spellings.setdefault(name, []).append(alias)
    return [Sector(name, tuple(a for a in aliases if a != name))
            for name, aliases in sorted(spellings.items(), key=lambda item: item[0].casefold())]


def sector(db: Database, name: str) -> Sector:
    found = [s for s in sectors(db) if s.name == name]
    if not found:
        raise KeyError(f"no sector {name!r}")
    return found[0]


def rename(db: Database, old: str, new: str) -> None:
    """Every spelling of `old` now means `new`; the caller rewrites the deals and holds the transaction."""
    new = new.strip()
    if not new:
        raise DealsError("A sector's name cannot be empty.")
    sector(db, old)
    owner = db.execute("SELECT name FROM sectors WHERE norm = ?", [fold(new)]).fetchone()
    if owner is not None and owner[0] != old:
        raise DealsError(f"“{new}” already names the sector {owner[0]}; merge the two sectors instead.")
    db.execute("UPDATE sectors SET name = ? WHERE name = ?", [new, old])
    if owner is None:
        db.execute("INSERT INTO sectors (name, alias, norm) VALUES (?, ?, ?)", [new, new, fold(new)])
    else:
        # Only the letters' case changed ("Ai" -> "AI"): the spelling's own row follows.
        db.execute("UPDATE sectors SET alias = ? WHERE norm = ?", [new, fold(new)])


def merge(db: Database, keep: str, drop: str) -> None:
    """`drop`'s spellings now mean `keep`; the caller rewrites the deals and holds the transaction."""
    if keep == drop:
        raise DealsError("A sector cannot be merged with itself.")
    sector(db, keep)
    sector(db, drop)
    db.execute("UPDATE sectors SET name = ? WHERE name = ?", [keep, drop])


def spellings(db: Database, name: str) -> set[str]:
    """The folded spellings of a sector, as they stand before an edit."""
    return {norm for (norm,) in db.execute("SELECT norm FROM sectors WHERE name = ?", [name])} | {fold(name)}


def rewrite_deals(db: Database, norms: set[str], new: str, before_write: Callable[[int], None]) -> None:
    """Every deal that names one of these spellings names `new` instead, with a history row.

    `before_write(deal_id)` is called before each deal is written, so that the caller can copy it.
    """
    # Deals share a few hundred sector lists: find the lists on their index, then the deals that hold them.
    lists = [text for (text,) in db.execute("SELECT DISTINCT sectors FROM deals")
             if any(fold(str(name)) in norms for name in json.loads(text or "[]"))]
    at = now()
    for start in range(0, len(lists), 500):
        chunk = lists[start: start + 500]
        rows = db.execute(f"SELECT id, sectors FROM deals WHERE sectors IN ({', '.join('?' * len(chunk))})",
                          chunk).fetchall()
        for deal_id, text in rows:
            old = json.loads(text or "[]")
            after = list(dict.fromkeys(new if fold(str(name)) in norms else name for name in old))
            if after == old:
                continue
            before_write(deal_id)
            db.execute("UPDATE deals SET sectors = ?, updated_at = ? WHERE id = ?",
                       [json.dumps(after, ensure_ascii=False), at, deal_id])
            db.execute('INSERT INTO history (deal_id, at, field, old, new, "by") VALUES (?, ?, ?, ?, ?, ?)',
                       [deal_id, at, "sectors", json.dumps(old, ensure_ascii=False),
                        json.dumps(after, ensure_ascii=False), "person"])


def snapshot(db: Database) -> dict[str, Any]:
    """The whole registry (a few hundred rows): what an undo of a rename or merge puts back."""
    cursor = db.execute("SELECT id, name, alias, norm FROM sectors ORDER BY id")
    return {"sectors": [list(row) for row in cursor.fetchall()]}


def restore(db: Database, data: dict[str, Any]) -> None:
    db.execute("DELETE FROM sectors")
    for row in data["sectors"]:
        db.execute("INSERT INTO sectors (id, name, alias, norm) VALUES (?, ?, ?, ?)", row)


def with_journal(edited: Sector, before: dict[str, Any], deals: str) -> Sector:
    return dataclasses.replace(edited, journal=json.dumps({**before, "deals": deals}))
