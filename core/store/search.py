"""Search that stays fast at a million deals: exact FTS5 terms for prefixes, the trash's own index, cached counts."""

# Why each piece exists (measured on 1,000,000 generated deals, bench/gen_db.py):
# - FTS5 answers a prefix longer than its prefix indexes (2 and 3 characters) by merging the doclists of
#   every matching term into one buffer before returning a row: "graduate"* costs 120 ms even under
#   LIMIT 200, while the same exact term streams its first 200 rows in 0.4 ms. So a typed word of four or
#   more letters becomes the OR of the index's own terms that start with it (fts5vocab), which means the
#   same and streams.
# - Counting live matches by joining each hit to `deals` costs about 1 us a hit (300 ms for 300,000);
#   counting in the FTS index alone costs a seventh of that, but counts the trash too. The trash is small,
#   so it gets its own FTS5 table in the temp schema, and its matches are subtracted.
# - The list asks for the count on every sort and page; it does not change until the data does.

from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

MAX_TERMS = 30  # a short prefix ("inve") may stand for many terms; past this, FTS5's own prefix is cheaper
_MIN_EXPANDED = 4  # shorter prefixes have FTS5 prefix indexes of their own (prefix = '2 3' in m001)
_VOCAB = "temp.deals_fts_vocab"
_TRASH = "temp.deals_trash_fts"
# The same tokenizer and prefixes as deals_fts (m001), so a query means the same in both tables.
_TRASH_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {_TRASH} USING fts5 (title, parties, articles, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


@dataclass
class SearchState:
    """What one connection has worked out since the database last changed."""

    key: tuple[int, int] = (-1, -1)
    counts: dict[Any, int] = field(default_factory=dict)
    terms: dict[str, list[str] | None] = field(default_factory=dict)
    term_docs: dict[str, int] = field(default_factory=dict)  # '"term"' -> deals whose document has it
    trash_ready: bool = False
    trash_empty: bool = True
    trash_hits: dict[str, list[int]] = field(default_factory=dict)


_STATES: weakref.WeakKeyDictionary[Database, SearchState] = weakref.WeakKeyDictionary()
# What the temp trash index was built from; it outlives SearchState, since most writes leave the trash alone.
_TRASH_BUILT: weakref.WeakKeyDictionary[Database, tuple[Any, ...]] = weakref.WeakKeyDictionary()


def _data_key(db: Database) -> tuple[int, int]:
    # data_version moves when another connection commits; total_changes when this one writes.
    return int(db.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes


def state(db: Database) -> SearchState:
    """This connection's cached search state, emptied if the database changed since it was filled."""
    current = _STATES.get(db)
    key = _data_key(db)
    if current is None or current.key != key:
        current = SearchState(key=key)
        _STATES[db] = current
    return current


def _settle(db: Database, st: SearchState) -> None:
    """Our own writes to temp tables count as changes too; they must not empty the cache."""
    st.key = _data_key(db)


def words(text: str) -> list[str]:
    """User text as search words: control characters split words, and a word needs a letter or digit."""
    # Control characters end an FTS5 string early ("unterminated string"), so they split words.
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return [word for word in text.split() if any(c.isalnum() for c in word)]


def quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expression(db: Database, text: str) -> str | None:
    """An FTS5 query for the user's words, every word a prefix; None when no deal can match.

    A plain ASCII word of four or more characters becomes the OR of the exact terms it starts in the
    index; anything else stays a quoted prefix, which FTS5 reads the same way.
    """
    st = state(db)
    parts = []
    for word in words(text):
        terms = _terms(db, st, word) if len(word) >= _MIN_EXPANDED and word.isascii() and word.isalnum() else None
        if terms is None:
            parts.append(quoted(word) + "*")
        elif not terms:
            return None
        elif len(terms) == 1:
            parts.append(quoted(terms[0]))
        else:
            parts.append("(" + " OR ".join(quoted(t) for t in terms) + ")")
    return " AND ".join(parts)  # FTS5 takes no implicit AND next to a parenthesis


def _terms(db: Database, st: SearchState, word: str) -> list[str] | None:
    folded = word.casefold()
    if folded not in st.terms:
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, deals_fts, row)")
        # Every term starting with `folded` sorts below the same text with its last letter stepped up.
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        rows = db.execute(
            f"SELECT term, doc FROM {_VOCAB} WHERE term >= ? AND term < ? LIMIT ?", [folded, upper, MAX_TERMS + 1]
        ).fetchall()
        st.terms[folded] = None if len(rows) > MAX_TERMS else [row[0] for row in rows]
        if len(rows) == 1:
            # fts5vocab has just counted the term's documents: a one-word search needs no second pass.
            st.term_docs[quoted(rows[0][0])] = int(rows[0][1])
    return st.terms[folded]


def count_matches(db: Database, match: str, include_deleted: bool) -> int:
    """Deals whose search document matches, from the FTS index alone; the trash's matches taken off."""
    st = state(db)
    key = ("matches", match, include_deleted)
    if key not in st.counts:
        total = st.term_docs.get(match)
        if total is None:
            total = int(db.execute("SELECT count(*) FROM deals_fts WHERE deals_fts MATCH ?", [match]).fetchone()[0])
        st.counts[key] = total if include_deleted else total - len(trash_hits(db, match))
    return st.counts[key]


def trash_hits(db: Database, match: str) -> list[int]:
    """Ids of deals in the trash whose search document matches, ascending."""
    st = state(db)
    if not st.trash_ready:
        # Rebuilt only when the trash itself changed: its ids, when they went there, their last edit.
        signature = tuple(db.execute(
            "SELECT count(*), total(id), max(deleted_at), max(updated_at) FROM deals WHERE deleted_at IS NOT NULL"
        ).fetchone())
        if signature[0] and _TRASH_BUILT.get(db) != signature:
            db.execute(_TRASH_SQL)
            db.execute(f"DELETE FROM {_TRASH}")
            # The view's own text, so the two indexes agree; m003's deals_trash index finds the rows.
            db.execute(
                f"INSERT INTO {_TRASH} (rowid, title, parties, articles) SELECT id, title, parties, articles "
                "FROM deal_search WHERE id IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL)"
            )
            _TRASH_BUILT[db] = signature
            _settle(db, st)
        st.trash_ready = True
        st.trash_empty = not signature[0]
    if st.trash_empty:
        return []
    if match not in st.trash_hits:
        st.trash_hits[match] = [
            row[0] for row in db.execute(
                f"SELECT rowid FROM {_TRASH} WHERE deals_trash_fts MATCH ? ORDER BY rowid", [match]
            )
        ]
    return st.trash_hits[match]


def ids_in_index_order(db: Database, match: str, include_deleted: bool, descending: bool, offset: int,
                       limit: int) -> list[int]:
    """A page of matching deals in FTS rowid (deal id) order: the index's own order, read lazily."""
    direction = "DESC" if descending else "ASC"
    params: list[Any] = [match]
    skip = ""
    hidden = [] if include_deleted else trash_hits(db, match)
    if hidden:
        # A unary + keeps rowid out of FTS5's hands: it checks the short list row by row instead.
        skip = f"AND +rowid NOT IN ({', '.join('?' * len(hidden))})" if len(hidden) < 10_000 else (
            "AND +rowid NOT IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL)")
        params += hidden if len(hidden) < 10_000 else []
    rows = db.execute(
        f"SELECT rowid FROM deals_fts WHERE deals_fts MATCH ? {skip} ORDER BY rowid {direction} LIMIT ? OFFSET ?",
        [*params, int(limit), max(0, int(offset))],
    )
    return [row[0] for row in rows]
