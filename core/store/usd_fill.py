"""Filling every stored amount's US-dollar value at once (migration m006), in batches that a million deals fit."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from core.fx import convert

BATCH = 20_000

# Each amount with the date it converts at: its deal's own, else the earliest published date of the
# deal's articles (core.fx.conversion_date). By rowid, so each batch starts where the last one ended.
_AMOUNTS = """
SELECT m.rowid, m.value, m.currency, m.usd_value, coalesce(d.date, (
    SELECT min(a.published) FROM deal_sources s JOIN articles a ON a.id = s.article_id WHERE s.deal_id = d.id))
FROM amounts m JOIN deals d ON d.id = m.deal_id
WHERE m.rowid > ? ORDER BY m.rowid LIMIT ?
"""


def fill_usd(db: Database) -> int:
    """Work out every amount's US-dollar value, then each deal's (its first amount's that has one); returns
    how many amounts have a value. A person's own value is kept."""
    last, filled = 0, 0
    while True:
        rows = db.execute(_AMOUNTS, [last, BATCH]).fetchall()
        if not rows:
            break
        updates: list[list[Any]] = []
        for rowid, value, currency, stated, on in rows:
            usd = convert(value, currency, on, stated)
            if usd is None:
                updates.append([None, None, None, None, rowid])
            else:
                filled += 1
                updates.append([usd.value, usd.source, usd.rate, usd.rate_date, rowid])
        db.conn.executemany(
            "UPDATE amounts SET usd = ?, usd_source = ?, usd_rate = ?, usd_rate_date = ? "
            "WHERE rowid = ? AND usd_source IS NOT 'person'",
            updates,
        )
        last = rows[-1][0]
    # The same rule as core.store.rows.deal_columns, in one statement rather than a million.
    db.execute("""
        UPDATE deals SET usd_value = (
            SELECT m.usd FROM amounts m WHERE m.deal_id = deals.id AND m.usd IS NOT NULL ORDER BY m.position LIMIT 1)
        WHERE id IN (SELECT deal_id FROM amounts) OR usd_value IS NOT NULL""")
    db.execute("UPDATE deals SET sort_value = coalesce(usd_value, value) WHERE sort_value IS NOT coalesce(usd_value, value)")
    return filled
