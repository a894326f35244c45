"""Which deals each watch matches, kept in `watch_matches` (m013) so that the Watched filter is a join on an index."""

# Working the matches out over a million deals takes seconds (a keyword's FTS query, every party's aliases), and
# the filter panel asked on every click. So they are kept:
# - a new or restored watch's matches are worked out once (fill), a removed watch's deleted (forget);
# - triggers put every deal a change may concern in `watch_stale`: its title, sectors, location or value, its
#   parties and sources, an article's text, a party's aliases, country or kind (only while there are watches);
# - before each transaction commits, the file's `atomic()` calls refresh(), which works those deals out again
#   with the same matching, now that the statement's search-index triggers have run too.
# A reader therefore never sees a stale deal: refresh runs inside the transaction that made it stale.

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

_TABLES = [
    """CREATE TABLE watch_matches (
    deal_id INTEGER NOT NULL,
    watch_id INTEGER NOT NULL,
    PRIMARY KEY (deal_id, watch_id)
) WITHOUT ROWID""",
    "CREATE INDEX watch_matches_watch ON watch_matches (watch_id)",
    "CREATE TABLE watch_stale (deal_id INTEGER PRIMARY KEY)",
]

_IN = "(SELECT value FROM json_each(w.keys))"


def _all(only: str) -> str:
    """(deal id, watch id) of every match of the watches `only` picks (an SQL condition on `w`), trash included.

    CROSS JOIN fixes SQLite's order: from the watches to the few distinct sector lists and locations, then to
    their deals through m001's indexes (a scan of a million deals' JSON is 3 s).
    """
    return f"""
SELECT p.deal_id AS deal_id, w.id AS watch_id FROM watches w CROSS JOIN json_each(w.keys) k
    CROSS JOIN aliases a ON a.norm = k.value CROSS JOIN deal_parties p ON p.entity_id = a.entity_id
    WHERE w.kind = 'party' AND {only}
UNION SELECT d.id, w.id FROM watches w
    CROSS JOIN (SELECT DISTINCT sectors AS list FROM deals WHERE deleted_at IS NULL) l
    CROSS JOIN deals d ON d.sectors = l.list AND d.deleted_at IS NULL
    WHERE w.kind = 'sector' AND {only} AND EXISTS (SELECT 1 FROM json_each(l.list) s WHERE lower(s.value) IN {_IN})
UNION SELECT d.id, w.id FROM watches w CROSS JOIN deals d, json_each(d.sectors) s
    WHERE w.kind = 'sector' AND {only} AND d.deleted_at IS NOT NULL AND lower(s.value) IN {_IN}
UNION SELECT d.id, w.id FROM watches w
    CROSS JOIN (SELECT DISTINCT location AS place FROM deals WHERE location IS NOT NULL) l
    CROSS JOIN deals d ON d.location = l.place
    WHERE w.kind = 'country' AND {only} AND lower(l.place) IN {_IN}
UNION SELECT p.deal_id, w.id FROM watches w CROSS JOIN entities e CROSS JOIN deal_parties p ON p.entity_id = e.id
    WHERE w.kind = 'country' AND {only}
    AND (lower(e.country) IN {_IN} OR e.kind = 'government' AND lower(e.name) IN {_IN})
UNION SELECT deals_fts.rowid, w.id FROM watches w CROSS JOIN json_each(w.keys) k CROSS JOIN deals_fts
    WHERE w.kind = 'keyword' AND {only} AND deals_fts MATCH k.value
UNION SELECT d.id, w.id FROM watches w CROSS JOIN deals d ON d.usd_value >= w.amount
    WHERE w.kind = 'min_usd' AND {only}
"""


# The same matching for the deals in watch_stale, each branch starting from those deals.
_STALE = f"""
WITH ids(id) AS (SELECT deal_id FROM watch_stale)
SELECT p.deal_id, w.id FROM ids CROSS JOIN deal_parties p ON p.deal_id = ids.id
    CROSS JOIN aliases a ON a.entity_id = p.entity_id CROSS JOIN watches w
    WHERE w.kind = 'party' AND a.norm IN {_IN}
UNION SELECT d.id, w.id FROM ids CROSS JOIN deals d ON d.id = ids.id CROSS JOIN watches w
    WHERE w.kind = 'sector' AND EXISTS (SELECT 1 FROM json_each(d.sectors) s WHERE lower(s.value) IN {_IN})
UNION SELECT d.id, w.id FROM ids CROSS JOIN deals d ON d.id = ids.id CROSS JOIN watches w
    WHERE w.kind = 'country' AND lower(d.location) IN {_IN}
UNION SELECT p.deal_id, w.id FROM ids CROSS JOIN deal_parties p ON p.deal_id = ids.id
    CROSS JOIN entities e ON e.id = p.entity_id CROSS JOIN watches w
    WHERE w.kind = 'country' AND (lower(e.country) IN {_IN} OR e.kind = 'government' AND lower(e.name) IN {_IN})
UNION SELECT deals_fts.rowid, w.id FROM watches w CROSS JOIN json_each(w.keys) k CROSS JOIN deals_fts
    WHERE w.kind = 'keyword' AND deals_fts MATCH k.value AND deals_fts.rowid IN ids
UNION SELECT d.id, w.id FROM ids CROSS JOIN deals d ON d.id = ids.id CROSS JOIN watches w
    WHERE w.kind = 'min_usd' AND d.usd_value >= w.amount
"""

# The Watched filter of the deal list (core.store.query.where): a deal any watch matches. EXISTS, not IN: SQLite
# probes the table's key for each deal it reads, where IN would first list every match (0.4 s at 500,000).
WATCHED_CLAUSE = "EXISTS (SELECT 1 FROM watch_matches m WHERE m.deal_id = d.id)"
_LIVE = ("1", "d.deleted_at IS NULL")


def count_watched(db: Database, clause: str, params: list[Any]) -> int:
    """How many of the deals `clause` (over `deals d`) selects a watch matches."""
    if clause not in _LIVE:
        return int(db.execute(f"SELECT count(*) FROM deals d WHERE {clause} AND {WATCHED_CLAUSE}", params).fetchone()[0])
    # Every watched deal from the table's key alone, less those in the trash (its own index, m003), as
    # count_deals counts the live list: probing a million deals would take longer.
    count = int(db.execute("SELECT count(*) FROM (SELECT deal_id FROM watch_matches GROUP BY deal_id)").fetchone()[0])
    if clause != "1":
        count -= int(db.execute(f"SELECT count(*) FROM deals d WHERE d.deleted_at IS NOT NULL AND {WATCHED_CLAUSE}")
                     .fetchone()[0])
    return count


def counts_per_watch(db: Database) -> dict[int, int]:
    """Live deals per watch id (watches matching none are left out), the same way round."""
    counts = {int(w): int(n) for w, n in db.execute("SELECT watch_id, count(*) FROM watch_matches GROUP BY watch_id")}
    for watch_id, n in db.execute("SELECT m.watch_id, count(*) FROM deals d JOIN watch_matches m ON m.deal_id = d.id "
                                  "WHERE d.deleted_at IS NOT NULL GROUP BY m.watch_id"):
        counts[int(watch_id)] -= int(n)
    return counts


_ANY = "EXISTS (SELECT 1 FROM watches)"
_PARTY = "EXISTS (SELECT 1 FROM watches WHERE kind = 'party')"
_COUNTRY = "EXISTS (SELECT 1 FROM watches WHERE kind = 'country')"


def triggers() -> list[str]:
    """The triggers that mark deals stale: each change that can make a deal match a watch or stop matching one.

    Without a watch they write nothing (a bulk import pays one lookup a row). A deal's trash state is no
    part of a match: the list leaves out deals in the trash when it reads the table.
    """
    def mark(name: str, event: str, table: str, ids: list[str], when: str = _ANY) -> str:
        values = ", ".join(f"({i})" for i in ids)
        return (f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {when} BEGIN "
                f"INSERT OR IGNORE INTO watch_stale (deal_id) VALUES {values}; END")

    def of_entity(name: str, event: str, table: str, entity: str, when: str) -> str:
        return (f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {when} BEGIN "
                f"INSERT OR IGNORE INTO watch_stale (deal_id) SELECT deal_id FROM deal_parties "
                f"WHERE entity_id = {entity}; END")

    result = [
        mark("deals_watch_insert", "INSERT", "deals", ["new.id"]),
        mark("deals_watch_update", "UPDATE OF id, title, sectors, location, usd_value", "deals", ["old.id", "new.id"]),
        "CREATE TRIGGER deals_watch_delete AFTER DELETE ON deals BEGIN "
        "DELETE FROM watch_matches WHERE deal_id = old.id; END",
        "CREATE TRIGGER articles_watch_update AFTER UPDATE OF text ON articles WHEN " + _ANY + " BEGIN "
        "INSERT OR IGNORE INTO watch_stale (deal_id) SELECT deal_id FROM deal_sources WHERE article_id = new.id; END",
        of_entity("entities_watch_update", "UPDATE OF country, kind, name", "entities", "new.id", _COUNTRY),
    ]
    # Parties bring party and country matches and, with sources, the text a keyword is looked for in.
    for table in ("deal_parties", "deal_sources"):
        result += [
            mark(f"{table}_watch_insert", "INSERT", table, ["new.deal_id"]),
            mark(f"{table}_watch_update", "UPDATE", table, ["old.deal_id", "new.deal_id"]),
            mark(f"{table}_watch_delete", "DELETE", table, ["old.deal_id"]),
        ]
    # A spelling that joins or leaves a party can make its deals match a party watch (a rename, a merge).
    result += [
        of_entity("aliases_watch_insert", "INSERT", "aliases", "new.entity_id", _PARTY),
        of_entity("aliases_watch_delete", "DELETE", "aliases", "old.entity_id", _PARTY),
        f"CREATE TRIGGER aliases_watch_update AFTER UPDATE ON aliases WHEN {_PARTY} BEGIN "
        "INSERT OR IGNORE INTO watch_stale (deal_id) SELECT deal_id FROM deal_parties "
        "WHERE entity_id IN (old.entity_id, new.entity_id); END",
    ]
    return result


def create(db: Database) -> None:
    """The tables, their triggers and the matches of the watches kept now (m013)."""
    for statement in _TABLES:
        db.execute(statement)
    for trigger in triggers():
        db.execute(trigger)
    rebuild(db)


def rebuild(db: Database) -> None:
    """Work every watch's matches out again (a migration, a repaired file)."""
    db.execute("DELETE FROM watch_stale")
    db.execute("DELETE FROM watch_matches")
    db.execute(f"INSERT INTO watch_matches (deal_id, watch_id) SELECT deal_id, watch_id FROM ({_all('1')})")


def fill(db: Database, watch_id: int) -> None:
    """Keep the matches of a watch just added or restored (one pass over the deals it can match)."""
    db.execute(f"INSERT OR IGNORE INTO watch_matches (deal_id, watch_id) SELECT deal_id, watch_id "
               f"FROM ({_all('w.id = :watch')})", {"watch": int(watch_id)})


def forget(db: Database, watch_id: int) -> None:
    db.execute("DELETE FROM watch_matches WHERE watch_id = ?", [int(watch_id)])


def refresh(db: Database) -> None:
    """Work out again the matches of the deals the transaction made stale; the file's atomic() calls this last."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'watch_stale'").fetchone() is None:
        return  # a file still being migrated to m013
    if db.execute("SELECT 1 FROM watch_stale LIMIT 1").fetchone() is None:
        return
    db.execute("DELETE FROM watch_matches WHERE deal_id IN (SELECT deal_id FROM watch_stale)")
    db.execute(f"INSERT OR IGNORE INTO watch_matches (deal_id, watch_id) {_STALE}")
    db.execute("DELETE FROM watch_stale")


def recheck(db: Database) -> list[tuple[Any, ...]]:
    """(deal id, watch id, kept, found) where the table and matching from scratch differ: none, for tests."""
    kept = set(db.execute("SELECT deal_id, watch_id FROM watch_matches").fetchall())
    found = set(db.execute(f"SELECT deal_id, watch_id FROM ({_all('1')})").fetchall())
    return sorted((*pair, pair in kept, pair in found) for pair in kept ^ found)
