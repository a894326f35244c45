"""One name fold for the whole program: the parser's keys and the registry's stored aliases agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from core.store import schema
from core.extract.entities import norm
from core.names import fold_name
from core.store import Store
from core.store.parties import normalize_name


@pytest.mark.parametrize(("one", "other"), [
    ("AT&T Inc.", "AT and T"),
    ("McDonald's Corp", "McDonald's"),
    ("The Walt Disney Company", "Walt Disney Company"),
    ("Nestlé S.A.", "Nestle"),
    ("Ørsted A/S", "ørsted a/s"),
])
def test_two_spellings_fold_alike_in_the_parser_and_the_registry(one: str, other: str) -> None:
    assert fold_name(one) == fold_name(other)
    assert norm(one) == normalize_name(one) == fold_name(one)
    assert norm(other) == normalize_name(other)


@pytest.mark.parametrize("name", ["AT&T Inc.", "McDonald's Corp", "Moody's", "Banco Bilbao S.A.", "Volvo AB",
                                  "KKR & Co. L.P.", "The", "x", "日本電信電話"])
def test_the_parser_and_the_registry_never_disagree(name: str) -> None:
    assert norm(name) == normalize_name(name)


def _old_fold(name: str) -> str:
    """The registry's fold before m004: it kept a possessive "s" and knew fewer legal forms."""
    import re
    import unicodedata
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]|_", " ", re.sub(r"[.'’`]", "", plain.replace("&", " and "))).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in {"inc", "ltd", "llc", "plc", "corp", "co", "ag", "sa", "nv", "se"}:
        words = words[:-1]
    return " ".join(words)


def test_m004_refolds_the_aliases_of_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    schema.MIGRATIONS.ensure_migrations_table(db)
    for migration in schema.MIGRATIONS.pending(db):
        if migration.name == "m004_one_name_fold":
            break
        migration.fn(db)
        db["_sqlite_migrations"].insert({"migration_set": "deals", "name": migration.name, "applied_at": "2026-01-01"})
    db.execute("INSERT INTO entities (id, name, kind, created_at) VALUES (1, 'McDonald''s', 'company', 'x')")
    db.execute("INSERT INTO entities (id, name, kind, created_at) VALUES (2, 'Volvo', 'company', 'x')")
    for entity_id, alias in [(1, "McDonald's Corp"), (1, "McDonald"), (2, "Volvo AB"), (2, "Volvo")]:
        db.execute("INSERT INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)", [entity_id, alias, _old_fold(alias)])
    db.conn.commit()
    db.conn.close()
    assert _old_fold("McDonald's Corp") != fold_name("McDonald's Corp")

    with Store.open(path) as store:
        rows = store.db.execute("SELECT entity_id, alias, norm FROM aliases ORDER BY id").fetchall()
        assert rows == [(1, "McDonald's Corp", "mcdonald"), (2, "Volvo AB", "volvo")]
        # The parser's key for a mention now finds the stored alias.
        assert store.db.execute("SELECT entity_id FROM aliases WHERE norm = ?", [norm("McDonald's")]).fetchone() == (1,)
