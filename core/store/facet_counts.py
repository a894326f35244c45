"""Facet counts kept by triggers (m011): each value's deals, and its deals under each value of another facet."""

# `deal_facets` holds a row per (by_key, by_value, key, value): how many live deals (and how many in the
# trash) have `key` = `value` and also `by_key` = `by_value`; by_key '' is the value's count over all deals.
# Triggers on deals and deal_parties keep it, so the filter panel answers a click from one index range
# instead of counting a million deals. A party's value is its entity id, so a rename changes no row.

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from core.model import DealQuery

KEYS = ("type", "status", "sector", "year", "country", "party", "review")
# A deal has one value of these, so the counts under several of them add up (a deal has several sectors
# and parties: two chosen sectors would count a deal with both twice).
SINGLE_VALUED = frozenset({"type", "status", "year", "country", "review"})

_TABLE = """
CREATE TABLE deal_facets (
    by_key TEXT NOT NULL,
    by_value TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    live INTEGER NOT NULL DEFAULT 0,
    trashed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (by_key, by_value, key, value)
) WITHOUT ROWID
"""

_SECTORS = "json_each(CASE WHEN json_valid({d}.sectors) THEN {d}.sectors ELSE '[]' END)"


def _values(deal: str, parties: bool) -> str:
    """(k, v, live) of every facet value of deal `deal` (an SQL expression for its id), as a subquery body."""
    live = "d.deleted_at IS NULL"
    parts = [
        f"SELECT 'type' AS k, d.type AS v, {live} AS live FROM deals d WHERE d.id = {deal}",
        f"SELECT 'status', d.status, {live} FROM deals d WHERE d.id = {deal}",
        f"SELECT 'year', substr(d.date, 1, 4), {live} FROM deals d WHERE d.id = {deal} AND d.date IS NOT NULL",
        f"SELECT 'country', d.country, {live} FROM deals d WHERE d.id = {deal} AND d.country IS NOT NULL",
        f"SELECT 'review', 'yes', {live} FROM deals d WHERE d.id = {deal} AND d.needs_review <> '[]'",
        f"SELECT DISTINCT 'sector', CAST(j.value AS TEXT), {live} FROM deals d, {_SECTORS.format(d='d')} j "
        f"WHERE d.id = {deal}",
    ]
    if parties:
        parts.append(f"SELECT DISTINCT 'party', CAST(p.entity_id AS TEXT), {live} FROM deals d "
                     f"JOIN deal_parties p ON p.deal_id = d.id WHERE d.id = {deal}")
    return " UNION ALL ".join(parts)


def _change(pairs: str, sign: int) -> str:
    """Statements adding `sign` to the counts of `pairs` (a SELECT of by_key, by_value, key, value, live);
    a count that falls to nothing loses its row, so the table stays what a count from scratch would give."""
    add = (f"INSERT INTO deal_facets (by_key, by_value, key, value, live, trashed) "
           f"SELECT bk, bv, k, v, {sign} * live, {sign} * (1 - live) FROM ({pairs}) WHERE true "
           "ON CONFLICT DO UPDATE SET live = live + excluded.live, trashed = trashed + excluded.trashed")
    if sign > 0:
        return add
    return (f"{add}; DELETE FROM deal_facets WHERE live = 0 AND trashed = 0 AND (by_key, by_value, key, value) "
            f"IN (SELECT bk, bv, k, v FROM ({pairs}))")


def _deal_sql(deal: str, sign: int) -> str:
    """Add (sign 1) or take away (-1) every count a deal is part of, its parties' included."""
    values = _values(deal, parties=True)
    everything = f"{values} UNION ALL SELECT '', '', d.deleted_at IS NULL FROM deals d WHERE d.id = {deal}"
    return _change(f"SELECT b.k AS bk, b.v AS bv, a.k AS k, a.v AS v, a.live AS live "
                   f"FROM ({values}) a JOIN ({everything}) b ON b.k <> a.k", sign)


def _party_sql(row: str, sign: int) -> str:
    """Add or take away the counts one party brings to its deal, unless the deal names it in another row too."""
    entity = f"CAST({row}.entity_id AS TEXT)"
    deal = f"{row}.deal_id"
    values = _values(deal, parties=False)
    everything = f"{values} UNION ALL SELECT '', '', d.deleted_at IS NULL FROM deals d WHERE d.id = {deal}"
    return _change(
        f"SELECT * FROM (SELECT b.k AS bk, b.v AS bv, 'party' AS k, {entity} AS v, b.live AS live "
        f"FROM ({everything}) b UNION ALL SELECT 'party', {entity}, a.k, a.v, a.live FROM ({values}) a) "
        f"WHERE NOT EXISTS (SELECT 1 FROM deal_parties q WHERE q.deal_id = {deal} "
        f"AND q.entity_id = {row}.entity_id AND q.rowid <> {row}.rowid)", sign)


# A deal's counts change only with these; the list's other columns (title, values, notes) leave them alone.
_CHANGED = ("old.type IS NOT new.type OR old.status IS NOT new.status "
            "OR substr(old.date, 1, 4) IS NOT substr(new.date, 1, 4) OR old.country IS NOT new.country "
            "OR (old.needs_review <> '[]') IS NOT (new.needs_review <> '[]') OR old.sectors IS NOT new.sectors "
            "OR (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL) OR old.id IS NOT new.id")


def triggers() -> list[str]:
    """The triggers that keep deal_facets. A deal removed for good takes its parties' counts with it before
    ON DELETE CASCADE removes their rows, whose triggers then find no deal and change nothing."""
    return [
        f"CREATE TRIGGER deals_facets_insert AFTER INSERT ON deals BEGIN {_deal_sql('new.id', 1)}; END",
        f"CREATE TRIGGER deals_facets_update_before BEFORE UPDATE ON deals WHEN {_CHANGED} "
        f"BEGIN {_deal_sql('old.id', -1)}; END",
        f"CREATE TRIGGER deals_facets_update_after AFTER UPDATE ON deals WHEN {_CHANGED} "
        f"BEGIN {_deal_sql('new.id', 1)}; END",
        f"CREATE TRIGGER deals_facets_delete BEFORE DELETE ON deals BEGIN {_deal_sql('old.id', -1)}; END",
        f"CREATE TRIGGER deal_parties_facets_insert AFTER INSERT ON deal_parties BEGIN {_party_sql('new', 1)}; END",
        f"CREATE TRIGGER deal_parties_facets_delete AFTER DELETE ON deal_parties BEGIN {_party_sql('old', -1)}; END",
        "CREATE TRIGGER deal_parties_facets_update AFTER UPDATE OF deal_id, entity_id ON deal_parties "
        f"BEGIN {_party_sql('old', -1)}; {_party_sql('new', 1)}; END",
    ]


def create(db: Database) -> None:
    """The table, its triggers and its counts of the deals stored now (m011)."""
    db.execute(_TABLE)
    rebuild(db)
    for trigger in triggers():
        db.execute(trigger)


def rebuild(db: Database) -> None:
    """Count every deal again in a few passes (a bulk load drops the triggers, then calls this).

    Deals share a few hundred thousand combinations of values: counting those first, then splitting them
    into pairs, costs far less than pairing each deal's values.
    """
    db.execute("DELETE FROM deal_facets")
    db.execute("DROP TABLE IF EXISTS temp.fc_deals")
    db.execute("DROP TABLE IF EXISTS temp.fc_profiles")
    db.execute("DROP TABLE IF EXISTS temp.fc_party")
    columns = "type, status, year, country, review, sectors, live"
    db.execute(f"CREATE TEMP TABLE fc_deals (id INTEGER PRIMARY KEY, {columns})")
    db.execute(f"""
        INSERT INTO temp.fc_deals SELECT id, type, status, substr(date, 1, 4), country,
            CASE WHEN needs_review <> '[]' THEN 'yes' END,
            CASE WHEN json_valid(sectors) THEN sectors ELSE '[]' END, deleted_at IS NULL FROM deals""")
    db.execute(f"CREATE TEMP TABLE fc_profiles AS SELECT {columns}, count(*) AS n FROM temp.fc_deals "
               f"GROUP BY {columns}")
    _insert_pairs(db, "temp.fc_profiles", None)
    db.execute(f"CREATE TEMP TABLE fc_party AS SELECT dp.entity_id AS party, {', '.join('d.' + c for c in columns.split(', '))}, "
               "count(*) AS n FROM (SELECT DISTINCT deal_id, entity_id FROM deal_parties) dp "
               f"JOIN temp.fc_deals d ON d.id = dp.deal_id GROUP BY 1, {columns}")
    _insert_pairs(db, "temp.fc_party", "party")
    for table in ("fc_deals", "fc_profiles", "fc_party"):
        db.execute(f"DROP TABLE temp.{table}")


def _profile_values(table: str) -> str:
    """(pid, k, v) for each row of a profile table, as a subquery body."""
    return " UNION ALL ".join([
        f"SELECT rowid AS pid, 'type' AS k, type AS v FROM {table}",
        f"SELECT rowid, 'status', status FROM {table}",
        f"SELECT rowid, 'year', year FROM {table} WHERE year IS NOT NULL",
        f"SELECT rowid, 'country', country FROM {table} WHERE country IS NOT NULL",
        f"SELECT rowid, 'review', review FROM {table} WHERE review IS NOT NULL",
        f"SELECT DISTINCT t.rowid, 'sector', CAST(j.value AS TEXT) FROM {table} t, json_each(t.sectors) j",
    ])


def _insert_pairs(db: Database, table: str, party: str | None) -> None:
    weights = "sum(p.n * p.live), sum(p.n * (1 - p.live))"
    values = _profile_values(table)
    db.execute("DROP TABLE IF EXISTS temp.fc_values")
    db.execute(f"CREATE TEMP TABLE fc_values AS {values}")
    db.execute("CREATE INDEX temp.fc_values_pid ON fc_values (pid)")
    if party is None:
        db.execute(f"""
            INSERT INTO deal_facets (by_key, by_value, key, value, live, trashed)
            SELECT b.k, b.v, a.k, a.v, {weights} FROM temp.fc_values a
            JOIN (SELECT pid, k, v FROM temp.fc_values UNION ALL SELECT rowid, '', '' FROM {table}) b
                ON b.pid = a.pid AND b.k <> a.k
            JOIN {table} p ON p.rowid = a.pid GROUP BY 1, 2, 3, 4""")
    else:
        db.execute(f"""
            INSERT INTO deal_facets (by_key, by_value, key, value, live, trashed)
            SELECT '', '', 'party', CAST(p.party AS TEXT), {weights} FROM {table} p GROUP BY p.party""")
        db.execute(f"""
            CREATE TEMP TABLE fc_pp AS SELECT CAST(p.party AS TEXT) AS party, a.k AS k, a.v AS v,
                sum(p.n * p.live) AS live, sum(p.n * (1 - p.live)) AS trashed
            FROM temp.fc_values a JOIN {table} p ON p.rowid = a.pid GROUP BY p.party, a.k, a.v""")
        # A pair counts the same deals read either way round.
        db.execute("INSERT INTO deal_facets SELECT 'party', party, k, v, live, trashed FROM temp.fc_pp")
        db.execute("INSERT INTO deal_facets SELECT k, v, 'party', party, live, trashed FROM temp.fc_pp")
        db.execute("DROP TABLE temp.fc_pp")
    db.execute("DROP TABLE temp.fc_values")


def selected(db: Database, query: DealQuery) -> dict[str, list[str]]:
    """The chosen values of each kept facet as deal_facets stores them (a party as its entity ids)."""
    chosen: dict[str, list[str]] = {
        "type": [str(t) for t in query.types],
        "status": [str(s) for s in query.statuses],
        "sector": [str(s) for s in query.sectors],
        "year": [f"{int(y):04d}" for y in query.years],
        "country": [str(c) for c in query.countries],
        "review": ["yes"] if query.needs_review else [],
    }
    if query.parties:
        ids = {int(p) for p in query.parties if isinstance(p, int) or str(p).isdigit()}
        names = [str(p) for p in query.parties if not (isinstance(p, int) or str(p).isdigit())]
        if names:
            marks = ", ".join("?" * len(names))
            ids |= {int(r[0]) for r in db.execute(f"SELECT id FROM entities WHERE name IN ({marks})", names)}
        chosen["party"] = [str(i) for i in sorted(ids)] or ["-"]  # "-": a name no entity has, counts nothing
    return {key: values for key, values in chosen.items() if values}


def answerable(query: DealQuery, chosen: dict[str, list[str]], key: str) -> bool:
    """Whether deal_facets alone holds `key`'s counts under the query (its other filters, at most one kept one)."""
    if query.search or query.watched or query.inbox or query.periods or key not in KEYS:
        return False
    others = [k for k in chosen if k != key]
    return not others or (len(others) == 1 and (others[0] in SINGLE_VALUED or len(chosen[others[0]]) == 1))


def counts(db: Database, query: DealQuery, chosen: dict[str, list[str]], key: str) -> list[tuple[str, int]]:
    """`key`'s values with their counts under the query (answerable() must hold), as stored: unsorted."""
    column = "live + trashed" if query.include_deleted else "live"
    others = [k for k in chosen if k != key]
    by_key, by_values = (others[0], chosen[others[0]]) if others else ("", [""])
    marks = ", ".join("?" * len(by_values))
    rows = db.execute(
        f"SELECT value, sum({column}) AS n FROM deal_facets WHERE by_key = ? AND by_value IN ({marks}) "
        "AND key = ? GROUP BY value HAVING n > 0", [by_key, *by_values, key])
    return [(str(value), int(n)) for value, n in rows]


def deal_count(db: Database, query: DealQuery) -> int | None:
    """How many deals a query filtered on one kept facet lists, read from deal_facets; None for other queries."""
    if query.search or query.watched or query.inbox or query.periods:
        return None
    chosen = selected(db, query)
    if len(chosen) != 1:
        return None
    (key, values), = chosen.items()
    if key not in SINGLE_VALUED and len(values) > 1:
        return None
    column = "live + trashed" if query.include_deleted else "live"
    marks = ", ".join("?" * len(values))
    row = db.execute(f"SELECT total({column}) FROM deal_facets WHERE by_key = '' AND by_value = '' AND key = ? "
                     f"AND value IN ({marks})", [key, *values]).fetchone()
    return int(row[0])


def party_counts(db: Database) -> dict[int, int]:
    """Live deals per entity id (the party registry's Deals column)."""
    rows = db.execute("SELECT value, live FROM deal_facets WHERE by_key = '' AND by_value = '' "
                      "AND key = 'party' AND live > 0")
    return {int(value): int(n) for value, n in rows}


def value_counts(db: Database, key: str) -> dict[str, int]:
    """Live deals per value of one facet (the sector registry's Deals column)."""
    rows = db.execute("SELECT value, live FROM deal_facets WHERE by_key = '' AND by_value = '' "
                      "AND key = ? AND live > 0", [key])
    return {str(value): int(n) for value, n in rows}


def recount(db: Database) -> list[tuple[Any, ...]]:
    """Rows where deal_facets and a count from scratch differ (none when the triggers kept up): for tests."""
    kept = {tuple(r[:4]): (r[4], r[5]) for r in db.execute("SELECT * FROM deal_facets WHERE live OR trashed")}
    db.execute("SAVEPOINT recount")
    try:
        rebuild(db)
        fresh = {tuple(r[:4]): (r[4], r[5]) for r in db.execute("SELECT * FROM deal_facets WHERE live OR trashed")}
    finally:
        db.execute("ROLLBACK TO recount")
        db.execute("RELEASE recount")
    return sorted((*key, kept.get(key), fresh.get(key)) for key in kept.keys() | fresh.keys()
                  if kept.get(key) != fresh.get(key))

