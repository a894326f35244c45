"""Numbered schema migrations: sqlite-utils Migrations("deals"), each also stamping PRAGMA user_version."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable

from sqlite_utils import Database, Migrations

from core.errors import NewerDatabaseError

MIGRATIONS = Migrations("deals")
_NAMES: list[str] = []


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    _NAMES.append(fn.__name__)
    return MIGRATIONS()(fn)


def now() -> str:
    """The time as every created_at, updated_at and history `at` column holds it."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def latest_version() -> int:
    return len(_NAMES)


def check_version(version: int, applied: set[str], name: str) -> None:
    """Refuse a database whose schema is newer than this program knows, before writing to it."""
    if version > latest_version() or applied - set(_NAMES):
        raise NewerDatabaseError(
            f"{name} was made by a newer version of Deal Tracker (schema {version}, this version "
            f"reads up to {latest_version()}). Update Deal Tracker to open it."
        )


def applied_names(db: Database) -> set[str]:
    if not db[Migrations.migrations_table].exists():
        return set()
    return {m.name for m in MIGRATIONS.applied(db)}


def pending_names(applied: set[str]) -> list[str]:
    return [n for n in _NAMES if n not in applied]


def apply(db: Database, name: str = "The database") -> None:
    """Apply every pending migration, with their records and user_version, in one transaction.

    A kill or a failing migration leaves the database at its old version, never half-way.
    """
    if not pending_names(_checked_names(db, name)):
        return
    with db.atomic():
        # Another process may have migrated the file while this one waited for the write lock.
        _checked_names(db, name)
        MIGRATIONS.ensure_migrations_table(db)
        for migration in MIGRATIONS.pending(db):
            migration.fn(db)
            db.execute(
                f"INSERT INTO {MIGRATIONS.migrations_table} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                [MIGRATIONS.name, migration.name, datetime.datetime.now(datetime.timezone.utc).isoformat()],
            )


def _checked_names(db: Database, name: str) -> set[str]:
    applied = applied_names(db)
    check_version(int(db.execute("PRAGMA user_version").fetchone()[0]), applied, name)
    return applied


def _search_triggers(table: str, event: str, before: str | None, after: str | None) -> list[str]:
    """Triggers that take a deal's search document out before a change and put it back after.

    The FTS table has external content, so a delete must re-read exactly the text that was
    indexed: that is only possible before the change lands.
    """
    columns = {"deals": "title", "articles": "text"}
    of = f" OF {columns[table]}" if event == "UPDATE" and table in columns else ""
    name = f"{table}_search_{event.lower()}"
    triggers = []
    if before is not None:
        triggers.append(
            f"CREATE TRIGGER {name}_before BEFORE {event}{of} ON {table} BEGIN "
            "INSERT INTO deals_fts (deals_fts, rowid, title, parties, articles) "
            f"SELECT 'delete', id, title, parties, articles FROM deal_search WHERE id IN ({before}); END"
        )
    if after is not None:
        triggers.append(
            f"CREATE TRIGGER {name}_after AFTER {event}{of} ON {table} BEGIN "
            "INSERT INTO deals_fts (rowid, title, parties, articles) "
            f"SELECT id, title, parties, articles FROM deal_search WHERE id IN ({after}); END"
        )
    return triggers


_M001_TABLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    url TEXT,
    published TEXT,
    imported_at TEXT NOT NULL,
    text_hash TEXT NOT NULL UNIQUE,
    source_path TEXT
);
CREATE INDEX articles_url ON articles (url);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'company',
    country TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX entities_country ON entities (country);
CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL UNIQUE
);
CREATE INDEX aliases_entity_id ON aliases (entity_id);
CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'other',
    status TEXT NOT NULL DEFAULT 'announced',
    date TEXT,
    date_precision TEXT,
    location TEXT,
    sectors TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    needs_review TEXT NOT NULL DEFAULT '[]',
    edited TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')),
    deleted_at TEXT,
    parties_text TEXT NOT NULL DEFAULT '',
    value REAL,
    currency TEXT,
    usd_value REAL,
    sort_value REAL,
    source_count INTEGER NOT NULL DEFAULT 0
);
-- The list shows live deals: partial indexes hold only those, so a page at any OFFSET
-- walks one index without visiting the table. The trash view (all deals) sorts instead.
CREATE INDEX deals_date ON deals (date) WHERE deleted_at IS NULL;
CREATE INDEX deals_title ON deals (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX deals_type ON deals (type) WHERE deleted_at IS NULL;
CREATE INDEX deals_status ON deals (status) WHERE deleted_at IS NULL;
CREATE INDEX deals_sort_value ON deals (sort_value) WHERE deleted_at IS NULL;
CREATE INDEX deals_parties_text ON deals (parties_text COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX deals_sectors ON deals (sectors) WHERE deleted_at IS NULL;
CREATE INDEX deals_source_count ON deals (source_count) WHERE deleted_at IS NULL;
CREATE INDEX deals_review ON deals ((needs_review <> '[]')) WHERE deleted_at IS NULL;
CREATE INDEX deals_location ON deals (location);
CREATE TABLE deal_parties (
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'partner',
    PRIMARY KEY (deal_id, position)
);
CREATE INDEX deal_parties_entity_id ON deal_parties (entity_id);
CREATE TABLE amounts (
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value REAL NOT NULL,
    currency TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    usd_value REAL,
    qualifier TEXT,
    PRIMARY KEY (deal_id, position)
);
CREATE TABLE commitments (
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    horizon TEXT,
    PRIMARY KEY (deal_id, position)
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL UNIQUE
);
CREATE TABLE deal_people (
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    title TEXT,
    organization TEXT,
    PRIMARY KEY (deal_id, position)
);
CREATE INDEX deal_people_person_id ON deal_people (person_id);
-- RESTRICT, not CASCADE: a cascaded delete would run the search triggers after the
-- article text had already left the view, and the FTS index would drift.
CREATE TABLE deal_sources (
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
    PRIMARY KEY (deal_id, article_id)
);
CREATE INDEX deal_sources_article_id ON deal_sources (article_id);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    confidence REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX evidence_deal_id ON evidence (deal_id);
CREATE INDEX evidence_article_id ON evidence (article_id);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    "by" TEXT NOT NULL CHECK ("by" IN ('person', 'parser'))
);
CREATE INDEX history_deal_id ON history (deal_id);
-- One search document per deal, read by the external-content FTS table: nothing is stored twice.
-- group_concat follows the inner ORDER BY, and must, since FTS deletes by re-tokenising this text.
CREATE VIEW deal_search AS
SELECT
    d.id AS id,
    d.title AS title,
    (SELECT group_concat(name, ' ') FROM (
        SELECT p.name FROM deal_parties p WHERE p.deal_id = d.id ORDER BY p.position
    )) AS parties,
    (SELECT group_concat(text, ' ') FROM (
        SELECT a.text FROM deal_sources s JOIN articles a ON a.id = s.article_id
        WHERE s.deal_id = d.id ORDER BY a.id
    )) AS articles
FROM deals d;
CREATE VIRTUAL TABLE deals_fts USING fts5 (
    title, parties, articles,
    content = 'deal_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
)
"""

# Part of m001: a later migration that changes search writes its own triggers, never edits these.
_ARTICLE_DEALS = "SELECT deal_id FROM deal_sources WHERE article_id = old.id"
_M001_TRIGGERS = [
    *_search_triggers("deals", "INSERT", None, "new.id"),
    *_search_triggers("deals", "UPDATE", "old.id", "new.id"),
    *_search_triggers("deals", "DELETE", "old.id", None),
    *_search_triggers("articles", "UPDATE", _ARTICLE_DEALS, _ARTICLE_DEALS),
]
for _table in ("deal_parties", "deal_sources"):
    _M001_TRIGGERS += [
        *_search_triggers(_table, "INSERT", "new.deal_id", "new.deal_id"),
        *_search_triggers(_table, "UPDATE", "old.deal_id, new.deal_id", "old.deal_id, new.deal_id"),
        *_search_triggers(_table, "DELETE", "old.deal_id", "old.deal_id"),
    ]


@_migration
def m001_initial(db: Database) -> None:
    for statement in _M001_TABLES.split(";\n"):
        db.execute(statement)
    for trigger in _M001_TRIGGERS:
        db.execute(trigger)
    db.execute("PRAGMA user_version = 1")


@_migration
def m002_merged_sources(db: Database) -> None:
    """Each source's value of a field a deal's sources disagree on; the articles a person split off a deal."""
    db.execute("""
        CREATE TABLE field_values (
            id INTEGER PRIMARY KEY,
            deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
            UNIQUE (deal_id, field, article_id)
        )""")
    db.execute("CREATE INDEX field_values_article_id ON field_values (article_id)")
    # By text hash, not article id: an article removed by an undo and imported again is the same article.
    db.execute("""
        CREATE TABLE not_same (
            deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            PRIMARY KEY (deal_id, text_hash)
        )""")
    db.execute("CREATE INDEX not_same_text_hash ON not_same (text_hash)")
    db.execute("PRAGMA user_version = 2")


@_migration
def m003_list_speed(db: Database) -> None:
    """Indexes a million deals need: the trash on its own, and each party's deals without reading the table.

    Search counts subtract the deals in the trash (core.store.query), so the trash must be listable
    without a scan; party facets count deals per entity from the index alone. The new index starts
    with entity_id, so it replaces m001's index on that column.
    """
    db.execute("CREATE INDEX deals_trash ON deals (deleted_at) WHERE deleted_at IS NOT NULL")
    db.execute("DROP INDEX deal_parties_entity_id")
    db.execute("CREATE INDEX deal_parties_entity_deal ON deal_parties (entity_id, deal_id)")
    db.execute("PRAGMA user_version = 3")


@_migration
def m004_one_name_fold(db: Database) -> None:
    """Re-fold every alias with core.names.fold_name, the fold the parser now shares with the registry.

    The old registry fold kept a possessive "s" ("McDonald's" -> "mcdonalds") that the parser dropped, so a
    stored alias could miss the parser's key. norm is UNIQUE: each row first gets a placeholder no fold can
    produce, then rows take their new key in id order; a later row whose key an earlier one already holds
    is the same spelling twice and goes, as INSERT OR IGNORE would have kept the first.
    """
    from core.names import fold_name

    rows = db.execute("SELECT id, alias FROM aliases ORDER BY id").fetchall()
    db.execute("UPDATE aliases SET norm = char(0) || id")
    taken: set[str] = set()
    for alias_id, alias in rows:
        folded = fold_name(alias)
        if folded in taken:
            db.execute("DELETE FROM aliases WHERE id = ?", [alias_id])
            continue
        taken.add(folded)
        db.execute("UPDATE aliases SET norm = ? WHERE id = ?", [folded, alias_id])
    db.execute("PRAGMA user_version = 4")


@_migration
def m005_not_duplicates(db: Database) -> None:
    """Pairs of deals a person said are not duplicates: the window stops offering to merge them.

    Suggestions themselves are worked out when a deal is shown (core.store.duplicates), so they follow every
    edit, merge and undo; only the person's "not a duplicate" needs keeping. Each pair once, lower id first.
    """
    db.execute("""
        CREATE TABLE not_duplicates (
            deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
            PRIMARY KEY (deal_id, other_id),
            CHECK (deal_id < other_id)
        )""")
    db.execute("CREATE INDEX not_duplicates_other_id ON not_duplicates (other_id)")
    db.execute("PRAGMA user_version = 5")


@_migration
def m006_usd_values(db: Database) -> None:
    """Every amount's US-dollar value with its source, rate and rate date (core.fx), filled for stored deals.

    `usd_value` stays what the article itself stated; `usd` is the value the list shows, sorts and sums, worked
    out from it, the ECB rate or a peg. The deal's own usd_value (its first amount's) gets an index to sort by.
    """
    for column in ("usd REAL", "usd_source TEXT", "usd_rate REAL", "usd_rate_date TEXT"):
        db.execute(f"ALTER TABLE amounts ADD COLUMN {column}")
    db.execute("CREATE INDEX deals_usd_value ON deals (usd_value) WHERE deleted_at IS NULL")
    from core.store.usd_fill import fill_usd

    fill_usd(db)
    db.execute("PRAGMA user_version = 6")


@_migration
def m007_feeds(db: Database) -> None:
    """Feed subscriptions, the entries each has brought, and the inbox of deals that came from them.

    A feed's poll state (etag, errors, back-off) sits beside its settings; entries are keyed by the feed's
    own id for them, or their link, so a second poll never brings one twice. The inbox holds deals a feed
    added until a person accepts them (reviewed_at) or moves them to the trash.
    """
    db.execute("""
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            interval_min INTEGER NOT NULL DEFAULT 30 CHECK (interval_min >= 1),
            enabled INTEGER NOT NULL DEFAULT 1,
            keywords TEXT NOT NULL DEFAULT '',
            etag TEXT,
            last_modified TEXT,
            last_success TEXT,
            last_error TEXT,
            entries_seen INTEGER NOT NULL DEFAULT 0,
            next_poll TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )""")
    # SET NULL, not CASCADE: an article taken back leaves its entry seen, so the feed does not bring it again.
    db.execute("""
        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            link TEXT,
            article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
            seen_at TEXT NOT NULL,
            from_summary INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (feed_id, entry_key)
        )""")
    db.execute("CREATE INDEX feed_entries_link ON feed_entries (link)")
    db.execute("CREATE INDEX feed_entries_article_id ON feed_entries (article_id)")
    # feed_id is a plain number: a removed feed's deals still wait in the inbox, and an undone removal finds them.
    db.execute("""
        CREATE TABLE feed_inbox (
            deal_id INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,
            feed_id INTEGER,
            arrived_at TEXT NOT NULL,
            reviewed_at TEXT
        )""")
    db.execute("CREATE INDEX feed_inbox_waiting ON feed_inbox (deal_id) WHERE reviewed_at IS NULL")
    db.execute("PRAGMA user_version = 7")


@_migration
def m008_watches(db: Database) -> None:
    """Watch lists: the parties, sectors, countries, keywords and least US-dollar values a person follows.

    `keys` (JSON) holds what the matching SQL compares, worked out when the watch is added (core.store.watches);
    a watch names no deal, so matches follow every import, edit, merge and registry change by themselves.
    """
    db.execute("""
        CREATE TABLE watches (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('party', 'sector', 'country', 'keyword', 'min_usd')),
            value TEXT NOT NULL,
            keys TEXT NOT NULL DEFAULT '[]',
            amount REAL,
            created_at TEXT NOT NULL,
            UNIQUE (kind, keys)
        )""")
    # Its place in the list, not a literal: m007 (feeds) is written beside this one and merged before it.
    version = _NAMES.index("m008_watches") + 1
    db.execute(f"PRAGMA user_version = {max(version, int(db.execute('PRAGMA user_version').fetchone()[0]))}")


@_migration
def m009_country_sectors(db: Database) -> None:
    """Each deal's country, worked out from its location (core.places); a registry of sector names.

    The Country filter listed whatever a location said ("Pune", "Arizona"); it now reads `country`, which
    every save sets from the location. `sectors` maps each spelling of a sector (folded in `norm`) to the
    name deals show, so that a person can rename sectors and merge synonyms as they do parties; it starts
    with every sector stored deals name, the commonest spelling of each first.
    """
    from core.places import country_of
    from core.names import fold_name as fold  # the sector registry's fold (core.store.sectors)

    db.execute("ALTER TABLE deals ADD COLUMN country TEXT")
    db.execute("CREATE INDEX deals_country ON deals (country) WHERE deleted_at IS NULL")
    # A few thousand distinct locations at most, each looked up once; deals_location finds their rows.
    for (location,) in db.execute("SELECT DISTINCT location FROM deals WHERE location IS NOT NULL").fetchall():
        if (country := country_of(location)) is not None:
            db.execute("UPDATE deals SET country = ? WHERE location = ?", [country, location])
    db.execute("""
        CREATE TABLE sectors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            alias TEXT NOT NULL,
            norm TEXT NOT NULL UNIQUE
        )""")
    db.execute("CREATE INDEX sectors_name ON sectors (name)")
    counts: dict[str, int] = {}
    for lists, n in db.execute("SELECT sectors, count(*) FROM deals GROUP BY sectors").fetchall():
        for name in json.loads(lists or "[]"):
            counts[str(name)] = counts.get(str(name), 0) + int(n)
    for name in sorted(counts, key=lambda s: (-counts[s], s)):
        if name.strip():
            db.execute("INSERT OR IGNORE INTO sectors (name, alias, norm) VALUES (?, ?, ?)",
                       [name, name, fold(name)])
    # Its place in the list, not a fixed number: m007 and m008 come from other branches.
    db.execute(f"PRAGMA user_version = {_NAMES.index('m009_country_sectors') + 1}")


@_migration
def m010_insights(db: Database) -> None:
    """The parties in each role, by the index alone: the Insights view's league tables (core/store/insights.py).

    Without it a league table reads every deal_parties row to find a role's (a second a role at 100,000
    deals); with it, a role's (entity, deal) pairs come in entity order from the index.
    """
    db.execute("CREATE INDEX deal_parties_role ON deal_parties (role, entity_id, deal_id)")
    # Its place in the list, not a number written here: m007-m009 are being written beside it.
    db.execute(f"PRAGMA user_version = {_NAMES.index('m010_insights') + 1}")


@_migration
def m011_facet_counts(db: Database) -> None:
    """Each facet value's deal count, and its count under each value of another facet, kept by triggers.

    The filter panel counted a million deals on every click (9-12 s); deal_facets (core/store/facet_counts.py)
    answers the counts under no filter, or under one facet's filter, from one index range. The counts of the
    deals already stored are worked out here.
    """
    from core.store import facet_counts

    facet_counts.create(db)
    # Its place in the list, not a number written here: m007-m010 came from branches written beside each other.
    db.execute(f"PRAGMA user_version = {_NAMES.index('m011_facet_counts') + 1}")


@_migration
def m012_value_indexes(db: Database) -> None:
    """Covering indexes of live deals' US-dollar values, so figures over every deal read no table row.

    The Insights figures of the whole list group on the first three and look deals up on the fourth
    (core/store/insights.py), instead of copying 100,000 rows and sorting them for each GROUP BY; the
    display currency's totals and its sort group the dollar values by day on the last (core/store/display.py).
    `deals_country` gains the value too: it already served the country facet and filter.
    """
    live = "WHERE deleted_at IS NULL"
    # substr(date, 1, 7) holds everything a period of the flow reads (core.store.insights.PERIOD_SQL).
    db.execute(f"CREATE INDEX deals_flow ON deals (type, substr(date, 1, 7), date_precision, usd_value) {live}")
    db.execute(f"CREATE INDEX deals_sectors_usd ON deals (sectors, usd_value) {live}")
    db.execute("DROP INDEX IF EXISTS deals_country")
    db.execute(f"CREATE INDEX deals_country_usd ON deals (country, usd_value) {live}")
    db.execute(f"CREATE INDEX deals_id_usd ON deals (id, usd_value) {live}")
    db.execute(f"CREATE INDEX deals_date_usd ON deals (date, usd_value) {live}")
    # Its place in the list, not a number written here: m011 is being written beside it.
    db.execute(f"PRAGMA user_version = {_NAMES.index('m012_value_indexes') + 1}")


@_migration
def m013_watch_speed(db: Database) -> None:
    """Which deals each watch matches, kept in a table with triggers, so the Watched filter and count join on it.

    Working the matches out on each filter click took 2 s at a million deals (11 s for every count with the
    Watched filter on); core/store/watch_matches.py keeps them. The matches of the watches kept now are
    worked out here.
    """
    from core.store import watch_matches

    watch_matches.create(db)
    # Its place in the list, not a number written here, as m008-m012 do.
    db.execute(f"PRAGMA user_version = {_NAMES.index('m013_watch_speed') + 1}")
