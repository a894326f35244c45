"""The schema a database should have after its migrations, compared with the file's; the search index rebuilt."""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database, Migrations

from core.errors import DatabaseError
from core.store import schema, watch_matches

log = logging.getLogger(__name__)

FTS_TABLE = "deals_fts"
SEARCH_VIEW = "deal_search"
CHANGED_OUTSIDE = "the database was changed outside Deal Tracker"


@dataclass(frozen=True)
class Shape:
    """What a database is made of: each table's columns (PRAGMA table_info) and the SQL of everything else."""

    columns: dict[str, tuple[tuple[object, ...], ...]]
    sql: dict[tuple[str, str], str]  # (type, name) -> the CREATE statement, its spaces folded
    unique: frozenset[str] = field(default_factory=frozenset)  # indexes that are UNIQUE
    shadows: dict[str, str] = field(default_factory=dict)  # the tables a virtual table keeps its data in, and their SQL


@dataclass(frozen=True)
class Repair:
    """What can be built again from the migrations (no data of the user's is in it), and what differed."""

    rebuild: tuple[tuple[str, str], ...]  # (type, name) of the expected objects to create again
    found: tuple[str, ...]  # what differed, in a user's words

    def describe(self, name: str) -> str:
        shown = ", ".join(self.found[:2]) + (f" and {len(self.found) - 2} more" if len(self.found) > 2 else "")
        return f"Repaired {name}: {shown} ({CHANGED_OUTSIDE}); its search index was rebuilt."


def read_shape(conn: sqlite3.Connection | Database) -> Shape:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> ?",
                        [Migrations.migrations_table]).fetchall()  # sqlite-utils' own table and index
    virtual = {name for kind, name, sql in rows if kind == "table" and _fold(sql).startswith("CREATE VIRTUAL")}
    shadows = {name: text for kind, name, text in rows
               if kind == "table" and any(name.startswith(v + "_") for v in virtual)}
    columns: dict[str, tuple[tuple[object, ...], ...]] = {}
    sql: dict[tuple[str, str], str] = {}
    for kind, name, text in rows:
        if name in shadows:
            continue
        if kind == "table" and name not in virtual:
            info = conn.execute(f"PRAGMA table_info({_quoted(name)})").fetchall()
            columns[name] = tuple(tuple(row[1:]) for row in info)  # name, type, notnull, default, pk
        elif text is not None:
            sql[(kind, name)] = _fold(text)
    unique = frozenset(name for (kind, name), text in sql.items() if kind == "index" and text.startswith("CREATE UNIQUE"))
    return Shape(columns, sql, unique, shadows)


@functools.lru_cache(maxsize=4)
def expected_shape(migrations: Migrations, applied: frozenset[str]) -> Shape:
    """The shape the migrations `applied` give a new database."""
    db = Database(memory=True)
    try:
        for migration in migrations.pending(db):
            if migration.name in applied:
                migration.fn(db)
        return read_shape(db)
    finally:
        db.close()


def inspect(db: Database | sqlite3.Connection, applied: set[str], name: str) -> Repair | None:
    """Refuse a database whose tables or triggers differ from its migrations'; what can be rebuilt is returned.

    Missing or changed triggers, views, indexes and the FTS table hold nothing a user wrote, so they can be
    made again; a missing table or column cannot, and a trigger nobody expects could change deals unseen.
    """
    expected = expected_shape(schema.MIGRATIONS, frozenset(applied))
    found = read_shape(db)
    refused = _table_differences(expected, found)
    for kind, extra in sorted(set(found.sql) - set(expected.sql)):
        if kind == "trigger":
            refused.append(f"it has a trigger {extra} that Deal Tracker did not make (it could change deals "
                           "behind your back)")
        elif extra in found.unique:
            refused.append(f"it has a unique index {extra} that Deal Tracker did not make (it could refuse "
                           "deals Deal Tracker stores)")
    if refused:
        raise DatabaseError(f"Could not open {name}: {CHANGED_OUTSIDE}: {'; '.join(refused[:3])}.")
    rebuild: list[tuple[str, str]] = []
    words: list[str] = []
    fts = ("table", FTS_TABLE)
    for key, text in expected.sql.items():
        if found.sql.get(key) == text:
            continue
        rebuild.append(key)
        what = "the search table" if key == fts else f"{key[0]} {key[1]}"
        words.append(f"{what} was {'changed' if key in found.sql else 'missing'}")
    if fts in found.sql and fts not in rebuild and not expected.shadows.keys() <= found.shadows.keys():
        rebuild.append(fts)
        words.append("the search table was damaged")
    return Repair(tuple(rebuild), tuple(words)) if rebuild else None


def check(db: Database, applied: set[str], name: str, read_only: str) -> str:
    """inspect, then repair what can be rebuilt unless the file is read-only; returns the line that says so."""
    fix = inspect(db, applied, name)
    if fix is None:
        return ""
    if read_only:
        raise DatabaseError(f"Could not open {name}: {fix.found[0]} ({CHANGED_OUTSIDE}), and {read_only}, "
                            "so it cannot be repaired.")
    try:
        repair(db, fix, applied)
    except (sqlite3.Error, DatabaseError) as exc:
        cause = exc.__cause__ if isinstance(exc, DatabaseError) and exc.__cause__ else exc
        raise DatabaseError(f"Could not open {name}: {fix.found[0]} ({CHANGED_OUTSIDE}), and rebuilding it "
                            f"failed ({cause}).") from exc
    note = fix.describe(name)
    log.warning("%s", note)
    return note


def repair(db: Database, fix: Repair, applied: set[str]) -> None:
    """Create again what `fix` names, as the migrations made it, and re-index every deal: one transaction."""
    expected = expected_shape(schema.MIGRATIONS, frozenset(applied))
    order = {"view": 0, "table": 1, "index": 2, "trigger": 3}  # triggers read the view and the FTS table
    with db.atomic():
        for kind, name in sorted(fix.rebuild, key=lambda key: order.get(key[0], 9)):
            if (kind, name) == ("table", FTS_TABLE):
                # FTS5 cannot even drop a table whose shadow tables are gone: they are put back first.
                now = read_shape(db)
                for shadow, sql in expected.shadows.items():
                    if (kind, name) in now.sql and shadow not in now.shadows:
                        db.execute(sql)
            db.execute(f"DROP {kind.upper()} IF EXISTS {_quoted(name)}")
            db.execute(expected.sql[(kind, name)])
        # While a trigger was missing, edits went unindexed: the whole index is made again from the deals,
        # and the watches' matches after it (they read the index).
        db.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
        if "m013_watch_speed" in applied:
            watch_matches.rebuild(db)


def _table_differences(expected: Shape, found: Shape) -> list[str]:
    differences = []
    for table, columns in expected.columns.items():
        if table not in found.columns:
            differences.append(f"table {table} is missing")
            continue
        have = {column[0]: column for column in found.columns[table]}
        want = {column[0]: column for column in columns}
        differences += [f"table {table} lacks column {c}" for c in want if c not in have]
        differences += [f"table {table} has a column {c} that Deal Tracker did not make" for c in have if c not in want]
        differences += [f"column {c} of table {table} was changed" for c in want if c in have and have[c] != want[c]]
    return differences


def _fold(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
