"""The list's values in a display currency other than the dollar: day rates in a temp table, conversion in SQL."""

# Each deal's US-dollar value times the rate of the day it converts at (its own date, else its first
# article's, as core.fx.conversion_date), so the list can sort and total by the converted figure without
# Python touching a row. The rates (core.fx.per_usd_by_day, about 10,000 days a currency) live in the temp
# schema of the connection that reads them: never in the file, and a reader connection loads its own.

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

BASE = "USD"
RATES = "temp.display_rates"
_CREATE = (f"CREATE TABLE IF NOT EXISTS {RATES} (currency TEXT NOT NULL, day TEXT NOT NULL, rate REAL NOT NULL, "
           "PRIMARY KEY (currency, day)) WITHOUT ROWID")
# The day a deal's amounts convert at: substr keeps a stored time of day out of the key.
_DAY = ("coalesce(substr(d.date, 1, 10), (SELECT substr(min(a.published), 1, 10) FROM deal_sources s "
        "JOIN articles a ON a.id = s.article_id WHERE s.deal_id = d.id))")


def checked(currency: str) -> str:
    """A currency code as the SQL may hold it: three ASCII letters, upper case; anything else raises."""
    code = (currency or "").upper()
    if len(code) != 3 or not (code.isascii() and code.isalpha()):
        raise ValueError(f"not a currency code: {currency!r}")
    return code


def ensure(db: Database) -> None:
    db.execute(_CREATE)


def set_rates(db: Database, currency: str, rates: Iterable[tuple[str, float]]) -> None:
    """Keep `currency`'s (ISO day, units per US dollar) rates on this connection, in place of any before."""
    code = checked(currency)
    ensure(db)
    with db.conn:
        db.execute(f"DELETE FROM {RATES} WHERE currency = ?", [code])
        db.conn.executemany(f"INSERT INTO {RATES} (currency, day, rate) VALUES (?, ?, ?)",
                            ((code, day, rate) for day, rate in rates))


def has_rates(db: Database, currency: str) -> bool:
    code = checked(currency)
    if code == BASE:
        return True
    ensure(db)
    return db.execute(f"SELECT 1 FROM {RATES} WHERE currency = ? LIMIT 1", [code]).fetchone() is not None


def value_sql(currency: str) -> str:
    """The SQL expression (over `deals d`) of a deal's value in `currency`: NULL without a rate for its day."""
    code = checked(currency)
    if code == BASE:
        return "d.usd_value"
    # The code is inlined (checked above) so that the expression can stand in ORDER BY beside other keys.
    return f"(d.usd_value * (SELECT r.rate FROM {RATES} r WHERE r.currency = '{code}' AND r.day = {_DAY}))"
