"""Watch lists in SQL: the `watches` table (m008) and which deals each watch matches."""

# Each watch keeps `keys`, a JSON list of what SQL compares, worked out when it is added:
# - party: the registry's fold of the name, matched against every alias, so a rename or merge of the
#   party (its old spellings stay aliases) keeps the watch on it, and a party not yet seen is caught later;
# - sector and country: spellings in SQLite's lower(), which folds ASCII only, so Python folds the same way;
# - keyword: an FTS5 phrase over the deal's search document (title, parties, article text);
# - min_usd: its number in `amount`, compared with the list's own US-dollar value (deals.usd_value).
# Which deals match is kept in watch_matches (core/store/watch_matches.py): a watch added is matched once.

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from core.store import search, watch_matches
from core.store.parties import normalize_name
from core.store.schema import now
from core.watch import Watch, WatchError, clean_value, country_spellings, kind_of

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# The Watched filter of the deal list (core.store.query.where): a deal any watch matches, on the kept table.
WATCHED_CLAUSE = watch_matches.WATCHED_CLAUSE


def _lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


def keys_of(kind: str, value: str) -> list[str]:
    """What SQL compares for a watch of this kind and (cleaned) value."""
    if kind == "party":
        return [normalize_name(value)]
    if kind == "sector":
        return [_lower(value)]
    if kind == "country":
        return sorted({_lower(s) for s in country_spellings(value)})
    if kind == "keyword":
        # The words as one phrase, so "data centre" is not any deal with "data" in it; a trailing * makes the
        # last word a prefix ("semiconductor*"), as a person who wants one would write it.
        phrase = search.quoted(" ".join(search.words(value.rstrip("*"))))
        return [phrase + ("*" if value.endswith("*") else "")]
    return [value]  # min_usd: its amount is the column that counts


def _watch(row: Sequence[Any]) -> Watch:
    return Watch(id=int(row[0]), kind=str(row[1]), value=str(row[2]), created_at=str(row[3]))


def watches(db: Database) -> list[Watch]:
    return [_watch(r) for r in db.execute("SELECT id, kind, value, created_at FROM watches ORDER BY id")]


def add_watch(db: Database, kind: str, value: str) -> Watch:
    """Keep a new watch; WatchError for an unknown kind, an unreadable value or a watch already kept."""
    kind = kind_of(kind)
    value = clean_value(kind, value)
    keys = json.dumps(keys_of(kind, value), ensure_ascii=False)
    same = db.execute("SELECT id, kind, value, created_at FROM watches WHERE kind = ? AND keys = ?",
                      [kind, keys]).fetchone()
    if same is not None:
        raise WatchError(f"Already watching {_watch(same).describe()} (watch {same[0]}).")
    watch = _insert(db, None, kind, value, keys, now())
    watch_matches.fill(db, watch.id)
    return watch


def restore_watch(db: Database, watch: Watch) -> Watch:
    """Put back a removed watch with its own id and date (the undo of a removal)."""
    keys = json.dumps(keys_of(watch.kind, watch.value), ensure_ascii=False)
    restored = _insert(db, watch.id, watch.kind, watch.value, keys, watch.created_at)
    watch_matches.fill(db, restored.id)
    return restored


def _insert(db: Database, watch_id: int | None, kind: str, value: str, keys: str, at: str) -> Watch:
    amount = float(value) if kind == "min_usd" else None
    cursor = db.execute(
        "INSERT INTO watches (id, kind, value, keys, amount, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [watch_id, kind, value, keys, amount, at])
    return Watch(id=int(cursor.lastrowid or 0), kind=kind, value=value, created_at=at)


def remove_watch(db: Database, watch_id: int) -> Watch:
    """Stop a watch; returns it as it was. WatchError when there is no such watch."""
    row = db.execute("SELECT id, kind, value, created_at FROM watches WHERE id = ?", [int(watch_id)]).fetchone()
    if row is None:
        raise WatchError(f"There is no watch {watch_id} (`watch list` shows their numbers).")
    db.execute("DELETE FROM watches WHERE id = ?", [int(watch_id)])
    watch_matches.forget(db, int(watch_id))
    return _watch(row)


def has_watches(db: Database) -> bool:
    return db.execute("SELECT 1 FROM watches LIMIT 1").fetchone() is not None


def watched_deal_ids(db: Database, deal_ids: Sequence[int] | None = None) -> dict[int, list[Watch]]:
    """Which of these deals (every live deal when None) match which watches, each deal's in watches() order."""
    if not has_watches(db) or (deal_ids is not None and not deal_ids):
        return {}
    by_id = {w.id: w for w in watches(db)}
    order = {watch_id: n for n, watch_id in enumerate(by_id)}
    found: dict[int, list[Watch]] = {}
    if deal_ids is None:
        rows = db.execute("SELECT m.deal_id, m.watch_id FROM watch_matches m JOIN deals d ON d.id = m.deal_id "
                          "WHERE d.deleted_at IS NULL").fetchall()
    else:
        ids = json.dumps(sorted({int(i) for i in deal_ids}))
        rows = db.execute("SELECT deal_id, watch_id FROM watch_matches "
                          "WHERE deal_id IN (SELECT value FROM json_each(?))", [ids]).fetchall()
    for deal_id, watch_id in rows:
        found.setdefault(int(deal_id), []).append(by_id[int(watch_id)])
    for matched in found.values():
        matched.sort(key=lambda w: order[w.id])
    return found


def watch_counts(db: Database) -> dict[int, int]:
    """How many live deals each watch matches (0 for one that matches none)."""
    counts = {w.id: 0 for w in watches(db)}
    if counts:
        counts.update(watch_matches.counts_per_watch(db))
    return counts
