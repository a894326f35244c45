"""Broken, foreign, newer and older database files: refused untouched, or migrated in one step after a backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

import main
from core.store import file as backup
from core.store import schema
from core.errors import DatabaseError, NewerDatabaseError
from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from db_helpers import dump


def filled_database(path: Path, deals: int = 40) -> Path:
    """A database of ours with some articles, folded into the one file (no -wal beside it)."""
    with Store.open(path) as store:
        for i in range(deals):
            text = f"Acme {i} agreed to buy Beta {i} for ${i + 1} million, the companies said. " * 12
            store.add_article(Article(text, deals=(Deal(f"Acme {i} buys Beta {i}", parties=(Party(f"Acme {i}"),)),)))
    with Database(path) as db:
        db.disable_wal()
    return path


def truncated(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def scribbled(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a b-tree page header
    path.write_bytes(bytes(data))


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Meeting notes, 3 March: call Acme about the Beta deal.\n" * 300)


def sqlite_header_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "not-sqlite": not_sqlite,
    "header-then-garbage": sqlite_header_then_garbage,
    "truncated-to-90%": lambda p: truncated(p, 0.9),
    "truncated-to-half": lambda p: truncated(p, 0.5),
    "truncated-inside-the-header": lambda p: truncated(p, 50 / len(p.read_bytes())),
    "integrity-check-fails": scribbled,
}


def file_state(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, backups included, by name: a refusal must write nothing anywhere."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_file_is_refused_by_name_and_never_written(tmp_path: Path, breakage: str) -> None:
    path = filled_database(tmp_path / "deals.db")
    BREAKAGES[breakage](path)
    before = file_state(tmp_path)
    with pytest.raises(DatabaseError) as error:
        Store.open(path)
    message = str(error.value)
    assert str(path) in message and "\n" not in message
    assert not isinstance(error.value, NewerDatabaseError)
    assert file_state(tmp_path) == before


@pytest.mark.parametrize("breakage", ["not-sqlite", "truncated-to-half", "integrity-check-fails"])
@pytest.mark.parametrize("command", [["import"], ["deals"], ["export", "--format", "json"]])
def test_the_command_line_names_a_broken_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breakage: str, command: list[str]
) -> None:
    path = filled_database(tmp_path / "deals.db", deals=20)
    BREAKAGES[breakage](path)
    article = tmp_path / "article.txt"
    article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
    before = file_state(tmp_path)
    args = [*command, "--db", str(path)] + ([str(article)] if command == ["import"] else [])
    assert main.main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("deal-tracker: Could not open ") and str(path) in err
    assert file_state(tmp_path) == before


def test_a_newer_database_is_refused_untouched_and_the_command_line_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled_database(tmp_path / "future.db", deals=5)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.latest_version() + 3}")
    conn.close()
    before = file_state(tmp_path)
    with pytest.raises(NewerDatabaseError, match="newer version of Deal Tracker"):
        Store.open(path)
    assert main.main(["deals", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "future.db" in err and "Update Deal Tracker" in err
    assert file_state(tmp_path) == before


# Older databases: test-only migrations after the real ones stand for the schema changes to come.


def _stamp(db: Database, name: str) -> None:
    db.execute(f"PRAGMA user_version = {schema._NAMES.index(name) + 1}")


def m_test_add_deal_rating(db: Database) -> None:
    db.execute("ALTER TABLE deals ADD COLUMN rating INTEGER NOT NULL DEFAULT 3")
    _stamp(db, "m_test_add_deal_rating")


def m_test_fails_half_way(db: Database) -> None:
    db.execute("CREATE TABLE m_test_leftover (x INTEGER)")
    _stamp(db, "m_test_fails_half_way")
    raise RuntimeError("the last migration is broken")


def use_migrations(monkeypatch: pytest.MonkeyPatch, *extras: Callable[[Database], None]) -> None:
    functions = [getattr(schema, name) for name in schema._NAMES] + list(extras)
    later = Migrations("deals")
    for fn in functions:
        later()(fn)
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "_NAMES", [fn.__name__ for fn in functions])


def test_an_older_database_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled_database(tmp_path / "deals.db", deals=12)
    old = dump(path)
    assert old["user_version"] == schema.latest_version()
    use_migrations(monkeypatch, m_test_add_deal_rating)
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
        assert store.db.execute("SELECT DISTINCT rating FROM deals").fetchall() == [(3,)]
        assert store.count_deals(DealQuery(search="Beta")) == 12
        assert [m.name for m in schema.MIGRATIONS.applied(store.db)] == schema._NAMES
    [taken] = backup.list_backups(path)
    assert taken.reason == "before-upgrade"
    assert dump(taken.path) == old
    with Store.open(path):
        pass
    assert len(backup.list_backups(path)) == 1  # up to date now: no second copy


def test_a_failing_migration_leaves_the_older_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled_database(tmp_path / "deals.db", deals=6)
    old = dump(path)
    use_migrations(monkeypatch, m_test_add_deal_rating, m_test_fails_half_way)
    with pytest.raises(RuntimeError, match="the last migration is broken"):
        Store.open(path)
    assert dump(path) == old  # the first new migration went back with the second: one transaction
    [taken] = backup.list_backups(path)
    assert dump(taken.path) == old


def test_an_empty_new_database_is_not_backed_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_migrations(monkeypatch, m_test_add_deal_rating)
    with Store.open(tmp_path / "new.db") as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    assert backup.list_backups(tmp_path / "new.db") == []


# Sharing the file with another process


def test_writes_wait_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        store.add_deal(Deal("First"))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO entities (name, created_at) VALUES ('Held', '2025-01-01')")
        store.db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(DatabaseError, match="busy") as error:
            store.add_deal(Deal("Blocked"))
        assert str(path) in str(error.value)
        other.execute("COMMIT")
        other.close()
        store.add_deal(Deal("Second"))
        assert store.count_deals(DealQuery()) == 2


def test_a_transaction_takes_the_write_lock_when_it_begins(tmp_path: Path) -> None:
    """A deferred transaction that reads first fails at once, whatever the busy timeout, when another
    process commits before it writes (SQLITE_BUSY_SNAPSHOT); taking the lock up front avoids that."""
    path = tmp_path / "deals.db"
    with Store.open(path) as store:
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        with store.db.atomic():
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


def test_a_full_disk_mid_import_is_a_message_and_stores_nothing(tmp_path: Path) -> None:
    path = filled_database(tmp_path / "deals.db", deals=3)
    big = Article("Acme Systems agreed to buy Beta Robotics for $9 million, the companies said. " * 3000,
                  deals=(Deal("Acme buys Beta", parties=(Party("Acme Systems"), Party("Beta Robotics"))),))
    with Store.open(path) as store:
        before = dump(path)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk had no room left
        with pytest.raises(DatabaseError, match="the disk is full") as error:
            store.add_article(big)
        assert str(path) in str(error.value)
        assert dump(path) == before
        store.db.execute("PRAGMA max_page_count = 1073741823")
        assert store.add_article(big).added
